/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-test-util.c: shared fixtures for the core tests */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-db-pg.h"
#include "cm-db-sqlite.h"
#include "cm-schema.h"
#include "cm-store-server.h"
#include "cm-test-util.h"

static char *temp_dir;

void
cm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700); /* a test may have made it read-only */
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cm_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_temp_dir (void)
{
  cm_test_remove_tree (temp_dir);
}

char *
cm_test_temp_path (const char *name)
{
  if (temp_dir == NULL)
    {
      temp_dir = g_dir_make_tmp ("commissioner-test-XXXXXX", NULL);
      g_assert_nonnull (temp_dir);
      atexit (remove_temp_dir);
    }
  return g_build_filename (temp_dir, name, NULL);
}

/* The server's maintenance database, on which new databases are made; one
 * connection for the whole test. */
static CmDb *
server_admin (void)
{
  static CmDb *admin;

  if (admin == NULL)
    {
      g_autoptr(GError) error = NULL;

      admin = cm_db_pg_connect (g_getenv ("CM_TEST_PG_SERVER"), &error);
      g_assert_no_error (error);
    }
  return admin;
}

gboolean
cm_test_on_server (void)
{
  const char *backend = g_getenv ("CM_TEST_BACKEND");

  if (backend == NULL || g_str_equal (backend, "sqlite"))
    return FALSE;
  if (!g_str_equal (backend, "postgresql") || g_getenv ("CM_TEST_PG_SERVER") == NULL)
    g_error ("CM_TEST_BACKEND is “%s”: it must be sqlite, or postgresql with"
             " CM_TEST_PG_SERVER naming a cluster (tests/postgresql/on-server.py sets both)",
             backend);
  return TRUE;
}

/* A new empty database named after @name, unique in the run, and its URI:
 * the server's URI with the database in its path changed. */
static char *
new_server_database (const char *name)
{
  static guint count;
  g_autoptr(GString) database = g_string_new (NULL);
  g_autofree char *create = NULL;
  const char *server = g_getenv ("CM_TEST_PG_SERVER");
  const char *query = strchr (server, '?');

  g_string_printf (database, "t%u_", ++count);
  for (const char *c = name; *c && database->len < 60; c++)
    g_string_append_c (database, g_ascii_isalnum (*c) ? g_ascii_tolower (*c) : '_');
  create = g_strdup_printf ("CREATE DATABASE \"%s\"", database->str);
  if (!cm_db_exec (server_admin (), create))
    g_error ("%s: %s", create, cm_db_last_message (server_admin ()));
  g_assert_true (g_str_has_prefix (server, "postgresql:///"));
  return g_strdup_printf ("postgresql:///%s%s", database->str, query ? query : "");
}

char *
cm_test_portfolio_path (const char *name)
{
  char *path;

  if (cm_test_on_server ())
    return new_server_database (name);
  path = cm_test_temp_path (name);
  g_unlink (path);
  return path;
}

static void
skip_on_server (gconstpointer data)
{
  g_test_skip ("about files by nature (their bytes, journal, SQLite's own catalogue,"
               " or the actor a file records): runs on a portfolio file only");
}

void
cm_test_add_file_func (const char *test_path, GTestFunc func)
{
  if (cm_test_on_server ())
    g_test_add_data_func (test_path, NULL, skip_on_server);
  else
    g_test_add_func (test_path, func);
}

char *
cm_test_actor_condition (CmStore *store)
{
  g_autoptr(GString) quoted = g_string_new (cm_store_get_actor (store));

  g_string_replace (quoted, "'", "''", 0);
  return g_strdup_printf ("actor = '%s'", quoted->str);
}

CmStore *
cm_test_open_new (const char *name, char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cm_test_portfolio_path (name);
  CmStore *store;

  store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  cm_store_set_actor (store, "Test commissioner");
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

GBytes *
cm_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Every row of every table of the database at @uri, table by table. */
static char *
dump_server (const char *uri)
{
  g_autofree char *names = cm_test_query_dump (uri, "SELECT table_name FROM information_schema.tables"
                                                    " WHERE table_schema = 'public'"
                                                    " AND table_type = 'BASE TABLE' ORDER BY 1");
  g_auto(GStrv) tables = g_strsplit (names, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; tables[i] && *tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);
      g_autofree char *rows = cm_test_query_dump (uri, sql);

      g_string_append_printf (out, "%s:\n%s", tables[i], rows);
    }
  return g_string_free (out, FALSE);
}

GBytes *
cm_test_snapshot (const char *portfolio)
{
  char *dump;

  if (!cm_store_server_is_uri (portfolio))
    return cm_test_read_file (portfolio);
  dump = dump_server (portfolio);
  return g_bytes_new_take (dump, strlen (dump));
}

/* The database a test's URI names: the path of "postgresql:///NAME?…". */
static char *
database_of (const char *uri)
{
  const char *name = uri + strlen ("postgresql:///");
  const char *end = strchr (name, '?');

  g_assert_true (g_str_has_prefix (uri, "postgresql:///"));
  return end ? g_strndup (name, end - name) : g_strdup (name);
}

/* A server's copy is a database made from the first as its template, which
 * needs the first to have no connection open. */
void
cm_test_copy_portfolio (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (cm_store_server_is_uri (from))
    {
      g_autofree char *source = database_of (from);
      g_autofree char *target = database_of (to);
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\"", target);
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE \"%s\" TEMPLATE \"%s\"",
                                                 target, source);

      if (!cm_db_exec (server_admin (), drop) || !cm_db_exec (server_admin (), create))
        g_error ("copying %s to %s: %s", source, target, cm_db_last_message (server_admin ()));
      return;
    }
  bytes = cm_test_read_file (from);
  g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

/* Changes a server's portfolio behind the application's back, on a
 * connection of the test's own (the cluster's superuser, whom the
 * insert-only audit trail does not bind). */
static void
run_on_server (const char *uri, const char *sql)
{
  g_autoptr(GError) error = NULL;
  CmDb *db = cm_db_pg_connect (uri, &error);

  g_assert_no_error (error);
  if (!cm_db_exec (db, sql))
    g_error ("“%s” failed: %s", sql, cm_db_last_message (db));
  cm_db_close (db);
}

/* Changes a portfolio behind the application's back: a file with the
 * sqlite3 shell, a database on a server with a connection of its own.
 * What the shell prints (PRAGMA results, errors) goes to the test log as
 * comments: on stdout it would break the TAP stream. */
void
cm_test_run_sql (const char *path, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "sqlite3", "-bail", path, sql, NULL };

  if (cm_store_server_is_uri (path))
    return run_on_server (path, sql);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (out && *out)
    g_test_message ("sqlite3: %s", g_strchomp (out));
  if (err && *err)
    g_test_message ("sqlite3 error: %s", g_strchomp (err));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

void
cm_test_assert_refused (const char *path, CmStoreOpenFlags flags, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = cm_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, flags, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_null (store);
  g_assert_error (error, CM_STORE_ERROR, code);
  g_test_message ("refused with: %s", error->message);
  after = cm_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* The fixed date the tests treat as today. */
GDate *
cm_test_today (void)
{
  return g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
}

/* One new database on the run's server, made when first asked for. */
const char *
cm_test_pg_uri (void)
{
  static char *uri;

  if (uri == NULL)
    {
      if (!cm_test_on_server ())
        g_error ("this test needs a PostgreSQL server: run it through"
                 " tests/postgresql/on-server.py");
      uri = new_server_database ("contract");
    }
  return uri;
}

CmStore *
cm_test_pg_open (void)
{
  g_autoptr(GError) error = NULL;
  CmStore *store = cm_store_open (cm_test_pg_uri (), CM_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

CmDb *
cm_test_connect (const char *portfolio)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;
  CmDb *db;

  if (cm_store_server_is_uri (portfolio))
    {
      db = cm_db_pg_connect (portfolio, &error);
      g_assert_no_error (error);
      return db;
    }
  if (sqlite3_open_v2 (portfolio, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", portfolio, sqlite3_errmsg (handle));
  return cm_db_sqlite_adopt (handle);
}

/* Runs @sql on a new reading connection, calling @row for each row. */
static void
query_rows (const char *portfolio, const char *sql, void (*row) (CmDbStmt *, gpointer),
            gpointer data)
{
  CmDb *db = cm_test_connect (portfolio);
  CmDbStmt *stmt = cm_db_prepare (db, sql);
  CmDbStep step;

  if (stmt == NULL)
    g_error ("cannot prepare “%s”: %s", sql, cm_db_last_message (db));
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    row (stmt, data);
  if (step != CM_DB_DONE)
    g_error ("“%s” failed: %s", sql, cm_db_last_message (db));
  cm_db_stmt_free (stmt);
  cm_db_close (db);
}

typedef struct {
  gboolean seen;
  gint64 integer;
  char *text;
} FirstValue;

static void
keep_first (CmDbStmt *stmt, gpointer data)
{
  FirstValue *first = data;

  if (first->seen)
    return;
  first->seen = TRUE;
  first->integer = cm_db_column_int64 (stmt, 0);
  first->text = g_strdup (cm_db_column_text (stmt, 0));
}

/* The first column of the first row, as an integer (0 when there is no row). */
gint64
cm_test_query_int (const char *path, const char *sql)
{
  FirstValue first = { 0 };

  query_rows (path, sql, keep_first, &first);
  g_free (first.text);
  return first.integer;
}

gint64
cm_test_schema_version (const char *portfolio)
{
  return cm_test_query_int (portfolio, cm_store_server_is_uri (portfolio)
                                         ? "SELECT version FROM cm_schema"
                                         : "PRAGMA user_version");
}

/* The first column of the first row, or NULL for no row or an SQL NULL. */
char *
cm_test_query_text (const char *path, const char *sql)
{
  FirstValue first = { 0 };

  query_rows (path, sql, keep_first, &first);
  return first.text;
}

static void
append_row (CmDbStmt *stmt, gpointer data)
{
  GString *out = data;

  for (int i = 0; i < cm_db_column_count (stmt); i++)
    {
      const char *text = cm_db_column_text (stmt, i);

      g_string_append_printf (out, "%s%s", i ? "|" : "", text ? text : "<null>");
    }
  g_string_append_c (out, '\n');
}

/* Every row, one line each, columns separated by "|" and NULL shown as "<null>". */
char *
cm_test_query_dump (const char *path, const char *sql)
{
  GString *out = g_string_new (NULL);

  query_rows (path, sql, append_row, out);
  return g_string_free (out, FALSE);
}

/* A save, delete or restore that must succeed; the save returns the id. */
gint64
cm_test_save (CmStore *store, gpointer entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_save (store, CM_ENTITY (entity), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (entity)), >, 0);
  return cm_entity_get_id (CM_ENTITY (entity));
}

gint64
cm_test_save_new (CmStore *store, gpointer entity)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_test_save (store, owned);
}

void
cm_test_delete (CmStore *store, gpointer entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_delete (store, CM_ENTITY (entity), &error));
  g_assert_no_error (error);
}

void
cm_test_restore (CmStore *store, gpointer entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_restore (store, CM_ENTITY (entity), &error));
  g_assert_no_error (error);
}

sqlite3 *
cm_test_create_old_portfolio (const char *path, int version)
{
  g_auto(GStrv) names = cm_schema_migration_names ();
  g_autofree char *mark = g_strdup_printf ("PRAGMA user_version = %d;"
                                           " PRAGMA application_id = %d",
                                           version, CM_SCHEMA_APPLICATION_ID);
  sqlite3 *db = NULL;

  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; names[i] && cm_schema_migration_version (names[i]) <= version; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = cm_schema_migration_sql (names[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, mark, NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}
