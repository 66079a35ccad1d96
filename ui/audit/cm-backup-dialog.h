/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup-dialog.h: "Save a Copy…", "Restore from Backup…" and the day's
 * first backup, for the portfolio's window */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Asks where to save, then writes a copy of @store's portfolio in the
 * background; the outcome is a toast in @toasts. */
void cm_backup_dialog_save_copy    (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts);
/* Lists the backups of @store's portfolio. Restoring one asks first; then
 * the window reloads the portfolio. */
void cm_backup_dialog_restore      (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts);
/* Takes the day's first backup in the background, if none is from today;
 * only a failure shows, as a toast in @toasts. */
void cm_backup_dialog_take_daily   (CmStore *store, AdwToastOverlay *toasts);

G_END_DECLS
