/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-undo.h: Ctrl+Z, the same undo as the newest toast's Undo button
 *
 * Whatever offers Undo in a toast also hands the toast here; the window's
 * Ctrl+Z then does what the button would, even once the toast has gone.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Makes @toast's button the undo of the window @widget is in, for as long
 * as @store commits nothing else: Ctrl+Z undoes only the newest action. */
void     cm_undo_offer  (GtkWidget *widget, CmStore *store, AdwToast *toast);
/* Undoes the newest action offered in @window; FALSE if there is none. */
gboolean cm_undo_last   (GtkWidget *window);
/* Drops what @window could undo, as when another portfolio opens. */
void     cm_undo_forget (GtkWidget *window);

G_END_DECLS
