/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-schema.c: the portfolio schema, as its migrations build it */
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "cm-db-sqlite.h"
#include "cm-resources.h"
#include "cm-schema.h"

#define SQL_RESOURCE_DIR "/org/commissioner/Commissioner/sql"
/* Apart from the migrations, which are all that SQL_RESOURCE_DIR lists. */
#define SNAPSHOT_RESOURCE "/org/commissioner/Commissioner/schema/schema-snapshot.sql"

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
cm_schema_migration_names (void)
{
  char **names;

  cm_resources_ensure ();
  names = g_resources_enumerate_children (SQL_RESOURCE_DIR, 0, NULL);
  if (names)
    qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

int
cm_schema_migration_version (const char *name)
{
  return atoi (name);
}

static char *
resource_text (const char *resource, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  cm_resources_ensure ();
  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
cm_schema_migration_sql (const char *name, GError **error)
{
  g_autofree char *resource = g_build_path ("/", SQL_RESOURCE_DIR, name, NULL);

  return resource_text (resource, error);
}

char *
cm_schema_snapshot_sql (GError **error)
{
  return resource_text (SNAPSHOT_RESOURCE, error);
}

int
cm_schema_latest_version (void)
{
  g_auto(GStrv) names = cm_schema_migration_names ();

  return names ? cm_schema_migration_version (names[g_strv_length (names) - 1]) : 0;
}

gboolean
cm_schema_is_known_version (int version)
{
  g_auto(GStrv) names = cm_schema_migration_names ();

  for (guint i = 0; names && names[i]; i++)
    if (cm_schema_migration_version (names[i]) == version)
      return TRUE;
  return FALSE;
}

/* Each engine's catalogue of columns: SQLite's pragma, PostgreSQL's
 * information schema (the portfolio's schema only). */
#define SQLITE_COLUMNS \
  "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info (m.name) p" \
  " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
#define SQLITE_ORDER " ORDER BY m.name, p.cid"
#define PG_COLUMNS \
  "SELECT table_name, column_name FROM information_schema.columns" \
  " WHERE table_schema = current_schema ()"
#define PG_ORDER " ORDER BY table_name, ordinal_position"

CmDbStmt *
cm_schema_columns (CmDb *db, const char *table)
{
  static const char * const sql[][2] = {
    [CM_DB_ENGINE_SQLITE] = { SQLITE_COLUMNS SQLITE_ORDER,
                              SQLITE_COLUMNS " AND m.name = ?" SQLITE_ORDER },
    [CM_DB_ENGINE_POSTGRESQL] = { PG_COLUMNS PG_ORDER, PG_COLUMNS " AND table_name = ?" PG_ORDER },
  };
  CmDbStmt *stmt = cm_db_prepare (db, sql[cm_db_engine (db)][table != NULL]);

  if (stmt != NULL && table != NULL)
    cm_db_bind_text (stmt, 1, table);
  return stmt;
}

/* Every "table" and "table.column" of @db, but the engine's own. */
static GHashTable *
schema_names (CmDb *db)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CmDbStmt *stmt = cm_schema_columns (db, NULL);

  if (stmt == NULL)
    return names;
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      const char *table = cm_db_column_text (stmt, 0);
      const char *column = cm_db_column_text (stmt, 1);

      g_hash_table_add (names, g_strdup (table));
      g_hash_table_add (names, g_strdup_printf ("%s.%s", table, column));
    }
  cm_db_stmt_free (stmt);
  return names;
}

/* An empty SQLite database in memory with the migrations up to @version
 * applied: the schema that version has, to compare a portfolio's with. */
static CmDb *
migrated_in_memory (int version)
{
  g_auto(GStrv) migrations = cm_schema_migration_names ();
  sqlite3 *handle = NULL;
  CmDb *db;

  sqlite3_open (":memory:", &handle);
  db = cm_db_sqlite_adopt (handle);
  for (guint i = 0; migrations && migrations[i]; i++)
    {
      g_autofree char *sql = NULL;

      if (cm_schema_migration_version (migrations[i]) > version)
        break;
      sql = cm_schema_migration_sql (migrations[i], NULL);
      cm_db_exec (db, sql);
    }
  return db;
}

/* The names version @version of the schema has, built once per version. */
static GHashTable *
reference_names (int version)
{
  static GHashTable *by_version; /* version -> names */
  G_LOCK_DEFINE_STATIC (by_version);
  GHashTable *names;

  G_LOCK (by_version);
  if (by_version == NULL)
    by_version = g_hash_table_new (NULL, NULL);
  names = g_hash_table_lookup (by_version, GINT_TO_POINTER (version));
  if (names == NULL)
    {
      CmDb *db = migrated_in_memory (version);

      names = schema_names (db);
      cm_db_close (db);
      g_hash_table_insert (by_version, GINT_TO_POINTER (version), names);
    }
  G_UNLOCK (by_version);
  return names;
}

gboolean
cm_schema_matches (CmDb *db, int version, char **missing)
{
  g_autoptr(GHashTable) present = schema_names (db);
  g_autofree const char **wanted = NULL;
  guint n = 0;

  wanted = (const char **) g_hash_table_get_keys_as_array (reference_names (version), &n);
  qsort (wanted, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (present, wanted[i]))
      {
        if (missing)
          *missing = g_strdup (wanted[i]);
        return FALSE;
      }
  return TRUE;
}
