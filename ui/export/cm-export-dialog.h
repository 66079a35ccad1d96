/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-export-dialog.h: "Export Workbook…": choose a file, export in the
 * background, and say how it went */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Asks where to save, then exports @store's file as on @today without
 * blocking the window; the outcome is a toast in @toasts. */
void cm_export_dialog_run (GtkWindow *parent, CmStore *store, const GDate *today,
                           AdwToastOverlay *toasts);

G_END_DECLS
