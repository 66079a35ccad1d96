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
 * if any, as the Connect button does. */
void             cm_connect_dialog_connect (CmConnectDialog *self);
/* Connects at once to a portfolio opened before, from the recent list: a
 * database that no longer holds one is refused, not made one, unless the
 * user then presses Connect. */
void             cm_connect_dialog_reopen  (CmConnectDialog *self);
/* Reopens the portfolio at @uri as a file opens, with no dialog: signed
 * in by libpq's own means (~/.pgpass, a service file, GSSAPI) or the
 * keyring's password. The dialog, not yet shown, shows itself only if
 * the server refuses, with its message and the fields filled in;
 * otherwise it emits "connected" and closes unseen. */
CmConnectDialog *cm_connect_dialog_reopen_quietly (GtkWindow *parent, const char *uri);

G_END_DECLS
