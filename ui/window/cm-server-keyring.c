/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-server-keyring.c: server passwords kept in the desktop's keyring */
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "cm-server-keyring.h"

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* Fields left empty are kept as empty strings: the Secret Service matches
 * every attribute, and "the default port" is a port of its own. The table
 * owns its values: libsecret holds on to it after the call returns. */
static GHashTable *
attributes (const CmServerAddress *address)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (table, "host", g_strdup (address->host ? address->host : ""));
  g_hash_table_insert (table, "port", g_strdup (address->port ? address->port : ""));
  g_hash_table_insert (table, "database", g_strdup (address->database ? address->database : ""));
  g_hash_table_insert (table, "user", g_strdup (address->user ? address->user : ""));
  return table;
}

void
cm_server_keyring_lookup (const CmServerAddress *address, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(GHashTable) table = attributes (address);

  secret_password_lookupv (server_schema (), table, cancellable, callback, data);
}

char *
cm_server_keyring_lookup_finish (GAsyncResult *result, GError **error)
{
  return secret_password_lookup_finish (result, error);
}

void
cm_server_keyring_store (const CmServerAddress *address, const char *password,
                         GCancellable *cancellable, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(GHashTable) table = attributes (address);
  g_autofree char *label = NULL;

  /* Seahorse and the like list the password under this label. */
  label = g_strdup_printf (_("Commissioner portfolio “%s” on %s"),
                           address->database ? address->database : "",
                           address->host && *address->host ? address->host : "localhost");
  secret_password_storev (server_schema (), table, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, callback, data);
}

gboolean
cm_server_keyring_store_finish (GAsyncResult *result, GError **error)
{
  return secret_password_store_finish (result, error);
}

void
cm_server_keyring_forget (const CmServerAddress *address)
{
  g_autoptr(GHashTable) table = attributes (address);

  secret_password_clearv (server_schema (), table, NULL, NULL, NULL);
}
