/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-export-file.h: the file an export is written to: its name offered,
 * its extension, the question before replacing it, and the toast after
 *
 * The file chooser asks before replacing only the name it was given: an
 * extension added afterwards could replace a file nobody was asked about,
 * so cm_export_file_confirm () asks then.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* "Deadlines schedule 2026-11-22.pdf": @stem with @today (may be NULL)
 * and @extension (".pdf"), without characters a file name cannot hold. */
char *cm_export_file_name           (const char *stem, const GDate *today,
                                     const char *extension);
/* @path, ending in @extension. */
char *cm_export_file_with_extension (const char *path, const char *extension);

/* Called with the final path, or NULL when the user kept the old file. */
typedef void (*CmExportFileConfirmed) (const char *path, gpointer data);

/* Adds @extension to @chosen (the chooser's answer) and calls @confirmed
 * with it, after asking whether to replace it when it exists under a name
 * the chooser did not confirm. Refuses, with a toast in @toasts, a path
 * that is @store's portfolio itself. */
void  cm_export_file_confirm        (GtkWindow *parent, CmStore *store, const char *chosen,
                                     const char *extension, AdwToastOverlay *toasts,
                                     CmExportFileConfirmed confirmed, gpointer data);

/* @message ("Exported to “x.pdf”") with an Open button for @path, in
 * @toasts; the file joins the desktop's recent files as @mime_type. */
void  cm_export_file_announce       (AdwToastOverlay *toasts, const char *message,
                                     const char *path, const char *mime_type);

G_END_DECLS
