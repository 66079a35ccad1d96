/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-server-keyring.h: server passwords kept in the desktop's keyring
 *
 * A password is kept under the server, port, database and user name it
 * opens, through the Secret Service (GNOME Keyring, KWallet), and never
 * anywhere else. Without a Secret Service every call fails with its
 * error, and connecting works as before, by typing the password.
 */
#pragma once

#include <gio/gio.h>

#include "cm-server-address.h"

G_BEGIN_DECLS

/* The password kept for @address, or NULL with no error when none is. An
 * error means the keyring cannot be reached: its message says why. */
void      cm_server_keyring_lookup        (const CmServerAddress *address,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer data);
char     *cm_server_keyring_lookup_finish (GAsyncResult *result, GError **error);
/* Keeps @password for @address, replacing any kept before. */
void      cm_server_keyring_store         (const CmServerAddress *address, const char *password,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer data);
gboolean  cm_server_keyring_store_finish  (GAsyncResult *result, GError **error);
/* Forgets the password kept for @address, if any. */
void      cm_server_keyring_forget        (const CmServerAddress *address);

G_END_DECLS
