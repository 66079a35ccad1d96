/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup-window.h: "Restore from Backup": a portfolio's backups, each
 * with its Restore… button */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Properties, construct-only: "store", the portfolio's, and "backups", a
 * GPtrArray of CmBackup as cm_backup_list() gives, newest first. Restoring
 * one asks first; then the window beneath reloads the portfolio. */
#define CM_TYPE_BACKUP_WINDOW (cm_backup_window_get_type ())
G_DECLARE_FINAL_TYPE (CmBackupWindow, cm_backup_window, CM, BACKUP_WINDOW, AdwPreferencesWindow)

GtkWidget *cm_backup_window_new (GtkWindow *parent, CmStore *store, GPtrArray *backups);

G_END_DECLS
