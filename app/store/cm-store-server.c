/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-server.c: a portfolio in a PostgreSQL database, and telling what the database holds */
#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "cm-db-pg-connect.h"
#include "cm-db-pg.h"
#include "cm-portfolio-name.h"
#include "cm-resources.h"
#include "cm-schema.h"
#include "cm-server-address.h"
#include "cm-store-server.h"

#define PRELUDE_RESOURCE "/org/commissioner/Commissioner/postgresql/prelude.sql"
#define ROLES_RESOURCE "/org/commissioner/Commissioner/postgresql/roles.sql"
#define DISCARD_RESOURCE "/org/commissioner/Commissioner/postgresql/discard.sql"

gboolean
cm_store_server_is_uri (const char *portfolio)
{
  return g_str_has_prefix (portfolio, "postgresql://") ||
         g_str_has_prefix (portfolio, "postgres://");
}

/* Drops the password of the user part ("alice:secret@host"). */
static void
drop_user_password (GString *uri, gsize start)
{
  gsize end = start + strcspn (uri->str + start, "/?");
  gsize at = end;
  const char *colon;

  while (at > start && uri->str[at - 1] != '@')
    at--;
  if (at == start)
    return;
  colon = memchr (uri->str + start, ':', at - 1 - start);
  if (colon != NULL)
    g_string_erase (uri, colon - uri->str, uri->str + at - 1 - colon);
}

/* Drops a "password=" parameter after the "?". */
static void
drop_password_parameter (GString *uri)
{
  const char *query = strchr (uri->str, '?');
  g_auto(GStrv) parameters = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  if (query == NULL)
    return;
  parameters = g_strsplit (query + 1, "&", -1);
  for (char **parameter = parameters; *parameter; parameter++)
    if (!g_str_has_prefix (*parameter, "password="))
      g_strv_builder_add (kept, *parameter);
  shown = g_strv_builder_end (kept);
  g_string_truncate (uri, query - uri->str);
  if (shown[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("&", shown);
      g_string_append_printf (uri, "?%s", joined);
    }
}

char *
cm_store_server_shown_uri (const char *uri)
{
  GString *shown = g_string_new (uri);
  const char *scheme_end = strstr (uri, "://");

  if (scheme_end != NULL)
    drop_user_password (shown, scheme_end + 3 - uri);
  drop_password_parameter (shown);
  return g_string_free (shown, FALSE);
}

static GMutex signed_in_lock;
static GHashTable *signed_in;  /* shown URI → URI with its password */

void
cm_store_server_remember_sign_in (const char *uri)
{
  g_autofree char *shown = cm_store_server_shown_uri (uri);

  if (strcmp (shown, uri) == 0)
    return;
  g_mutex_lock (&signed_in_lock);
  if (signed_in == NULL)
    signed_in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (signed_in, g_steal_pointer (&shown), g_strdup (uri));
  g_mutex_unlock (&signed_in_lock);
}

char *
cm_store_server_sign_in_uri (const char *uri)
{
  const char *remembered;
  char *found;

  g_mutex_lock (&signed_in_lock);
  remembered = signed_in ? g_hash_table_lookup (signed_in, uri) : NULL;
  found = g_strdup (remembered ? remembered : uri);
  g_mutex_unlock (&signed_in_lock);
  return found;
}

void
cm_store_server_names (const char *uri, char **database, char **server)
{
  g_autoptr(CmServerAddress) address = cm_server_address_from_uri (uri);

  if (address == NULL)
    address = g_new0 (CmServerAddress, 1);
  /* libpq's defaults: the database is named after the user, the user
   * after the account. */
  *database = g_strdup (address->database ? address->database : address->user);
  if (*database == NULL)
    *database = g_strdup (g_get_user_name ());
  *server = cm_db_pg_server_name (address->host, address->port);
}

/* The text of the bundled SQL file at @path. */
static char *
resource_sql (const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  cm_resources_ensure ();
  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
cm_store_server_prelude_sql (GError **error)
{
  return resource_sql (PRELUDE_RESOURCE, error);
}

/* The first column of the first row of @sql, or -1 when it gives none. */
static gint64
query_number (CmDb *db, const char *sql)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);

  if (stmt == NULL || cm_db_step (stmt) != CM_DB_ROW)
    return -1;
  return cm_db_column_int64 (stmt, 0);
}

/* A database is ours when cm_schema carries our application id; an empty
 * one becomes ours. Anything else is refused before it is written to. */
gboolean
cm_store_server_identify (CmDb *db, const char *uri, gboolean read_only, int *version,
                          GError **error)
{
  g_autofree char *shown = cm_portfolio_name_in_message (uri);
  gint64 tables = query_number (db, "SELECT count(*) FROM pg_tables"
                                    " WHERE schemaname = current_schema ()");
  gint64 has_schema = query_number (db, "SELECT count(*) FROM pg_tables"
                                        " WHERE schemaname = current_schema ()"
                                        " AND tablename = 'cm_schema'");
  gint64 id = has_schema > 0 ? query_number (db, "SELECT application_id FROM cm_schema") : 0;

  *version = has_schema > 0 ? (int) query_number (db, "SELECT version FROM cm_schema") : 0;
  if (tables < 0 || has_schema < 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The tables of %s could not be read. Ask the server’s administrator "
                   "whether you may read them."), shown);
  else if ((has_schema == 0 && tables > 0) || (has_schema > 0 && id != CM_SCHEMA_APPLICATION_ID))
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO,
                 _("Nothing was opened, and %s was left as it was: it holds the tables of "
                   "another program, not a Commissioner portfolio. Name an empty database, or "
                   "one that holds a portfolio."), shown);
  else if (*version > cm_schema_latest_version ())
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NEWER_VERSION,
                 _("The portfolio in %s was saved by a newer version of Commissioner (schema "
                   "%d; this version understands up to %d). Update Commissioner to open it."),
                 shown, *version, cm_schema_latest_version ());
  else if (read_only && *version == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO,
                 _("Nothing was read: %s holds no portfolio yet. Open it once for changes, or "
                   "import a register into it, to make one."), shown);
  else if (read_only && *version < cm_schema_latest_version ())
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY,
                 _("The portfolio in %s needs updating for this version of Commissioner, which "
                   "opening it only for reading cannot do. Open it once for changes first."),
                 shown);
  else
    return TRUE;
  return FALSE;
}

char *
cm_store_server_session_user (CmDb *db)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, "SELECT session_user");

  if (stmt == NULL || cm_db_step (stmt) != CM_DB_ROW)
    return NULL;
  return g_strdup (cm_db_column_text (stmt, 0));
}

/* Words the refusal roles.sql raised, by its SQLSTATE (see its header). */
static void
set_setup_error (CmDb *db, const char *uri, GError **error)
{
  g_autofree char *shown = cm_portfolio_name_in_message (uri);
  const char *state = cm_db_pg_last_sqlstate (db);

  if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The roles of the portfolio in %s can be set up only by the role that owns "
                   "its tables, holding the CREATEROLE right. Sign in as that role, or ask the "
                   "server’s administrator to run this."), shown);
  else if (g_strcmp0 (state, "42622") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The roles of the portfolio in %s cannot be named after its database: the "
                   "database’s name is too long. Rename the database to at most 49 bytes, then "
                   "set it up again."), shown);
  else if (g_strcmp0 (state, "42710") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("A role that can sign in has the name of one of the roles of the portfolio "
                   "in %s, so nothing was changed. Rename that role, then set the portfolio up "
                   "again."), shown);
  else if (g_strcmp0 (state, "42P01") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO,
                 _("Nothing was set up: %s holds no portfolio yet. Open it once for changes, "
                   "which makes one, then set it up again."), shown);
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The roles of the portfolio in %s could not be set up (%s). Nothing was "
                   "changed; try again, or ask the server’s administrator."), shown,
                 cm_db_last_message (db));
}

/* Runs roles.sql on the connected @db in one transaction: all or nothing. */
static gboolean
run_roles_sql (CmDb *db, const char *uri, GError **error)
{
  g_autofree char *sql = resource_sql (ROLES_RESOURCE, error);

  if (sql == NULL)
    return FALSE;
  if (cm_db_begin (db, CM_DB_WRITING) && cm_db_exec (db, sql) && cm_db_commit (db))
    return TRUE;
  set_setup_error (db, uri, error);
  cm_db_rollback (db);
  return FALSE;
}

gboolean
cm_store_server_setup (const char *uri, GError **error)
{
  CmDb *db = cm_db_pg_connect (uri, error);
  int version;
  gboolean done;

  if (db == NULL)
    return FALSE;
  /* An empty or older portfolio is refused as when opened for reading:
   * the roles' rights follow the tables of the current schema. */
  done = cm_store_server_identify (db, uri, TRUE, &version, error) &&
         run_roles_sql (db, uri, error);
  cm_db_close (db);
  return done;
}

/* Words discard.sql's failure: its refusal of a portfolio holding saved
 * changes (SQLSTATE 55006, object_in_use), or the server's own. */
static void
set_discard_error (CmDb *db, const char *uri, GError **error)
{
  g_autofree char *shown = cm_portfolio_name_in_message (uri);

  if (g_strcmp0 (cm_db_pg_last_sqlstate (db), "55006") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The new portfolio in %s was left as it is: changes were saved in it "
                   "meanwhile. Open it to see them."), shown);
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The new portfolio in %s could not be taken out again (%s), so the database "
                   "holds an empty portfolio. Import into it again, or drop the database and "
                   "make it again with createdb."), shown, cm_db_last_message (db));
}

gboolean
cm_store_server_discard_new (const char *given_uri, GError **error)
{
  g_autofree char *uri = cm_store_server_sign_in_uri (given_uri);
  g_autofree char *sql = resource_sql (DISCARD_RESOURCE, error);
  CmDb *db = sql ? cm_db_pg_connect (uri, error) : NULL;
  gboolean done;

  if (db == NULL)
    return FALSE;
  done = cm_db_begin (db, CM_DB_WRITING) && cm_db_exec (db, sql) && cm_db_commit (db);
  if (!done)
    {
      set_discard_error (db, given_uri, error);
      cm_db_rollback (db);
    }
  cm_db_close (db);
  return done;
}
