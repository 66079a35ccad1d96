/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-undo-dialog.h: "Undo Last Import…": say what undoing it does,
 * ask, and undo it in the background */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Says what undoing @store's last import removes and puts back, or why it
 * cannot be undone; once confirmed, undoes it and the window reloads the
 * portfolio. */
void cm_import_undo_dialog_run (GtkWindow *parent, CmStore *store);

G_END_DECLS
