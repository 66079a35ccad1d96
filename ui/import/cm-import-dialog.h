/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-dialog.h: "Import Contracts…": a register read, mapped, checked,
 * and then written in one go */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_IMPORT_DIALOG (cm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CmImportDialog, cm_import_dialog, CM, IMPORT_DIALOG, AdwWindow)

/* Properties, construct-only: "store", and "parent-toasts", where the
 * outcome of an import is told. */
/* The outcome of an import is a toast in @toasts. */
CmImportDialog *cm_import_dialog_new         (GtkWindow *parent, CmStore *store,
                                              AdwToastOverlay *toasts);
/* Asks for the file to import. */
void            cm_import_dialog_choose_file (CmImportDialog *self);
/* Reads @path (CSV, XLSX or ODS) and shows its columns; an OCDS file
 * (.json) shows what it holds and the service for contracts naming none. */
void            cm_import_dialog_open_file   (CmImportDialog *self, const char *path);

G_END_DECLS
