/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-connect-dialog.h: connecting to a portfolio on a PostgreSQL server
 *
 * Asks for the server, port, database, user name and password, connects
 * in the background (the window stays responsive, and Cancel stops it),
 * and shows the server's refusal in the dialog with the fields kept. The
 * password may be kept in the desktop's keyring; it is never part of the
 * portfolio's URI, which names it in titles and recent lists.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CM_TYPE_CONNECT_DIALOG (cm_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CmConnectDialog, cm_connect_dialog, CM, CONNECT_DIALOG, GtkWindow)

/* A dialog over @parent, its fields filled from @uri when not NULL. Once
 * connected it emits "connected" with the open CmStore, then closes. */
CmConnectDialog *cm_connect_dialog_new     (GtkWindow *parent, const char *uri);
/* Connects at once, with the password the keyring keeps for the fields,
 * if any: opening a portfolio again from the recent list. */
void             cm_connect_dialog_connect (CmConnectDialog *self);

G_END_DECLS
