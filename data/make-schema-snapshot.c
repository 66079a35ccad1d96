/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* make-schema-snapshot.c: the schema the migrations build, as one script
 *
 * Run at build time: make-schema-snapshot OUTPUT RESOURCES.xml MIGRATION.sql...
 * checks that the migrations are those RESOURCES.xml lists, in its order,
 * applies them in order to an empty database in memory and
 * writes SQL that recreates it: every schema entry's own SQL in the order
 * SQLite made them, then the rows the migrations left in its tables (seed
 * rows, meta keys). A new portfolio file runs it instead of the migrations
 * (cm_schema_snapshot_sql ()); being made from them, it cannot drift.
 */
#include <glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static void G_GNUC_NORETURN
fail (const char *what, sqlite3 *db)
{
  g_printerr ("make-schema-snapshot: %s: %s\n", what, db ? sqlite3_errmsg (db) : "");
  exit (EXIT_FAILURE);
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    fail (sql, db);
  return stmt;
}

static void
apply (sqlite3 *db, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (!g_file_get_contents (path, &sql, NULL, &error))
    {
      g_printerr ("make-schema-snapshot: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    fail (path, db);
}

/* The migrations' files, as the resource list names them ("sql/NNN-....sql"),
 * in its order; the other files in sql/ are in folders of their own. */
static GPtrArray *
listed_migrations (const char *resources)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  GPtrArray *listed = g_ptr_array_new_with_free_func (g_free);
  const char *at;

  if (!g_file_get_contents (resources, &xml, NULL, &error))
    {
      g_printerr ("make-schema-snapshot: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
  for (at = xml; (at = strstr (at, ">sql/")) != NULL; at++)
    if (g_ascii_isdigit (at[5]))
      g_ptr_array_add (listed, g_strndup (at + 1, strcspn (at + 1, "<")));
  return listed;
}

/* A migration left out of the build's list would be left out of the
 * snapshot without a word: the build stops instead. */
static void
check_listed (const char *resources, char **migrations, int n)
{
  g_autoptr(GPtrArray) listed = listed_migrations (resources);
  gboolean same = listed->len == (guint) n;

  for (int i = 0; same && i < n; i++)
    same = g_str_has_suffix (migrations[i], listed->pdata[i]);
  if (!same)
    {
      g_printerr ("make-schema-snapshot: the migrations given are not those %s lists, in its "
                  "order: list them in data/meson.build as it does\n", resources);
      exit (EXIT_FAILURE);
    }
}

/* The tables, indexes, triggers and views, in the order they were made:
 * a later one may name an earlier one. The entries SQLite makes by itself
 * (its autoindexes, which have no SQL, and tables such as sqlite_sequence)
 * come back when their table does. */
static void
write_schema (sqlite3 *db, GString *out)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
                                    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s;\n", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

/* A SELECT making, for each row of @table, the INSERT that writes it again:
 * INSERT INTO "t" ("a", "b") VALUES (<quote (a)>, <quote (b)>); */
static char *
insert_maker (sqlite3 *db, const char *table)
{
  char *columns_sql = sqlite3_mprintf ("SELECT name FROM pragma_table_info (%Q)", table);
  sqlite3_stmt *stmt = prepare (db, columns_sql);
  GString *names = g_string_new (NULL);
  GString *values = g_string_new (NULL);
  char *sql;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      char *name = sqlite3_mprintf ("%s\"%w\"", names->len ? ", " : "", column);
      char *value = sqlite3_mprintf ("%s quote (\"%w\")", values->len ? " || ', ' ||" : "", column);

      g_string_append (names, name);
      g_string_append (values, value);
      sqlite3_free (name);
      sqlite3_free (value);
    }
  sqlite3_finalize (stmt);
  sqlite3_free (columns_sql);
  sql = sqlite3_mprintf ("SELECT 'INSERT INTO \"%w\" (' || %Q || ') VALUES (' ||%s || ');'"
                         " FROM \"%w\" ORDER BY rowid", table, names->str, values->str, table);
  g_string_free (names, TRUE);
  g_string_free (values, TRUE);
  return sql;
}

static void
write_rows (sqlite3 *db, GString *out)
{
  sqlite3_stmt *tables = prepare (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                      " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                      " ORDER BY rowid");

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      char *sql = insert_maker (db, (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = prepare (db, sql);

      while (sqlite3_step (rows) == SQLITE_ROW)
        g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (rows, 0));
      sqlite3_finalize (rows);
      sqlite3_free (sql);
    }
  sqlite3_finalize (tables);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("-- Made from the migrations at build time"
                                         " (data/make-schema-snapshot.c): do not edit.\n");
  sqlite3 *db = NULL;

  if (argc < 4)
    {
      g_printerr ("Usage: make-schema-snapshot OUTPUT RESOURCES.xml MIGRATION.sql...\n");
      return EXIT_FAILURE;
    }
  check_listed (argv[2], argv + 3, argc - 3);
  /* As the store runs them, with each row's references checked. */
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    fail ("opening a database in memory", db);
  for (int i = 3; i < argc; i++)
    apply (db, argv[i]);
  /* The rows after the whole schema: a trigger of a later migration that
   * changed them as they were written again would change what test
   * schema-snapshot compares. */
  write_schema (db, out);
  write_rows (db, out);
  sqlite3_close (db);
  if (!g_file_set_contents (argv[1], out->str, out->len, &error))
    {
      g_printerr ("make-schema-snapshot: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
