/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-copy.c: a whole portfolio copied to a new file or an empty server database
 *
 * The target gets its tables as any new portfolio does (a file from the
 * schema's snapshot, a server from the migrations), so each engine has
 * its own form of the schema; then, in one
 * transaction, whatever the migrations wrote is cleared and every row of
 * the source loaded in its place.
 */
#define _GNU_SOURCE /* renameat2 () */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cm-db-pg.h"
#include "cm-db-sqlite.h"
#include "cm-portfolio-name.h"
#include "cm-safe-write.h"
#include "cm-schema.h"
#include "cm-store-copy.h"
#include "cm-store-file.h"
#include "cm-store-private.h"
#include "cm-store-server.h"

/* Progress is told every this many rows. */
#define PROGRESS_ROWS 5000

/* The table PostgreSQL keeps the schema version in: a SQLite file keeps
 * it in its header, and each target's migrations set it. */
#define SERVER_SCHEMA_TABLE "cm_schema"

/* Each engine's way to load the rows first and check them once all are
 * in, as a record may name one copied after it (a successor). A file
 * checks its references at COMMIT. A server's references, keys and other
 * indexes are taken off and put back as they were, within the
 * transaction, as pg_restore does: building an index once over all the
 * rows is cheaper than keeping it up to date row by row, and putting a
 * reference back checks every row in one query, where a deferred check
 * would run once per row. */
static const char * const set_aside_sql[] = {
  [CM_DB_ENGINE_SQLITE] = "PRAGMA defer_foreign_keys = ON",
  [CM_DB_ENGINE_POSTGRESQL] =
    /* step 1: indexes of no constraint; 2: keys; 3: references, which need the keys */
    "CREATE TEMPORARY TABLE cm_copy_set_aside ON COMMIT DROP AS"
    " SELECT CASE contype WHEN 'f' THEN 3 ELSE 2 END AS step,"
    "  format ('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS take_off,"
    "  format ('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,"
    "          pg_get_constraintdef (oid)) AS put_back"
    " FROM pg_constraint"
    " WHERE contype IN ('f', 'p', 'u') AND connamespace = current_schema ()::regnamespace"
    " UNION ALL"
    " SELECT 1, format ('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef (i.indexrelid)"
    " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
    " WHERE c.relnamespace = current_schema ()::regnamespace AND NOT EXISTS"
    "  (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype <> 'f');"
    "DO $cm$ DECLARE c record; BEGIN"
    " FOR c IN SELECT * FROM cm_copy_set_aside ORDER BY step DESC LOOP"
    "  EXECUTE c.take_off;"
    " END LOOP; END $cm$",
};
static const char * const put_back_sql[] = {
  /* (turning the pragma off would forget the rows that broke them) */
  [CM_DB_ENGINE_SQLITE] = "",
  [CM_DB_ENGINE_POSTGRESQL] =
    "DO $cm$ DECLARE c record; BEGIN"
    " FOR c IN SELECT * FROM cm_copy_set_aside ORDER BY step LOOP"
    "  EXECUTE c.put_back;"
    " END LOOP; END $cm$",
};

typedef struct {
  char *name;
  GPtrArray *columns; /* of char *, NULL-terminated */
} Table;

typedef struct {
  CmDb *from;
  CmDb *to;
  const char *target;  /* as messages name it */
  /* Makes the target's tables in the copy's transaction, if it has none. */
  gboolean (*make_schema) (CmDb *db);
  CmStoreCopyProgress progress;
  gpointer user_data;
  gint64 copied;
  gint64 total;
} Copy;

static void
table_free (Table *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static gboolean
is_constraint (CmDbFailure failure)
{
  return failure == CM_DB_FAILURE_CONSTRAINT || failure == CM_DB_FAILURE_CONSTRAINT_UNIQUE ||
         failure == CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY;
}

static gboolean
copy_failed (Copy *copy, CmDb *db, GError **error)
{
  /* The copy holds what the original holds: a row it refuses is wrong there. */
  if (is_constraint (cm_db_last_failure (db)))
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                 _("The portfolio could not be copied to %s, because some of its records do not "
                   "fit together (%s), so nothing was written there. The original may be "
                   "damaged: check it with commissioner --verify-audit."),
                 copy->target, cm_db_last_message (db));
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The portfolio could not be copied to %s (%s), so nothing was written there. "
                   "Check that it can be written to and has space, then try again."),
                 copy->target, cm_db_last_message (db));
  return FALSE;
}

/* ---- the tables -------------------------------------------------------- */

/* The source's tables and their columns, in the catalogue's order; the
 * server's schema version is each target's own. */
static GPtrArray *
list_tables (CmDb *db)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(CmDbStmt) stmt = cm_schema_columns (db, NULL);
  Table *table = NULL;

  while (stmt != NULL && cm_db_step (stmt) == CM_DB_ROW)
    {
      const char *name = cm_db_column_text (stmt, 0);

      if (g_str_equal (name, SERVER_SCHEMA_TABLE))
        continue;
      if (table == NULL || !g_str_equal (table->name, name))
        {
          if (table != NULL)
            g_ptr_array_add (table->columns, NULL);
          table = g_new0 (Table, 1);
          table->name = g_strdup (name);
          table->columns = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (tables, table);
        }
      g_ptr_array_add (table->columns, g_strdup (cm_db_column_text (stmt, 1)));
    }
  if (table != NULL)
    g_ptr_array_add (table->columns, NULL);
  return tables;
}

static char *
select_sql (Table *table, const char *what)
{
  g_autofree char *quoted = cm_db_quote_name (table->name);
  g_autofree char *columns = cm_db_quote_names ((const char *const *) table->columns->pdata);

  return g_strdup_printf ("SELECT %s FROM %s", what ? what : columns, quoted);
}

static gint64
count_rows (CmDb *db, Table *table)
{
  g_autofree char *sql = select_sql (table, "count(*)");
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);

  return stmt != NULL && cm_db_step (stmt) == CM_DB_ROW ? cm_db_column_int64 (stmt, 0) : 0;
}

static void
tell_progress (Copy *copy, Table *table)
{
  if (copy->progress != NULL)
    copy->progress (table->name, copy->copied, copy->total, copy->user_data);
}

/* Every row of @table, value for value, as the source's view has it. */
static gboolean
copy_table (Copy *copy, Table *table)
{
  g_autofree char *sql = select_sql (table, NULL);
  g_autoptr(CmDbStmt) rows = cm_db_prepare (copy->from, sql);
  CmDbCopy *load;
  int n_columns = table->columns->len - 1;
  CmDbStep step;

  if (rows == NULL)
    return FALSE;
  load = cm_db_copy_begin (copy->to, table->name,
                           (const char *const *) table->columns->pdata);
  if (load == NULL)
    return FALSE;
  while ((step = cm_db_step (rows)) == CM_DB_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        cm_db_copy_column (load, i + 1, rows, i);
      if (!cm_db_copy_row (load))
        break;
      if (++copy->copied % PROGRESS_ROWS == 0)
        tell_progress (copy, table);
    }
  if (step != CM_DB_DONE)
    {
      cm_db_copy_cancel (load);
      return FALSE;
    }
  return cm_db_copy_end (load);
}

/* Clears what the target's migrations wrote in @table. */
static gboolean
clear_table (Copy *copy, Table *table)
{
  g_autofree char *quoted = cm_db_quote_name (table->name);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", quoted);

  return cm_db_exec (copy->to, sql);
}

/* Loads every table inside one writing transaction on the target, from
 * one reading transaction on the source. */
static gboolean
copy_tables (Copy *copy, GError **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  CmDbEngine engine = cm_db_engine (copy->to);
  CmDb *failed = copy->to;
  gboolean ok;

  if (!cm_db_begin (copy->from, CM_DB_READING))
    return copy_failed (copy, copy->from, error);
  tables = list_tables (copy->from);
  for (guint i = 0; i < tables->len; i++)
    copy->total += count_rows (copy->from, g_ptr_array_index (tables, i));
  ok = cm_db_begin (copy->to, CM_DB_WRITING) &&
       (copy->make_schema == NULL || copy->make_schema (copy->to)) &&
       cm_db_exec (copy->to, set_aside_sql[engine]);
  for (guint i = 0; ok && i < tables->len; i++)
    ok = clear_table (copy, g_ptr_array_index (tables, i));
  for (guint i = 0; ok && i < tables->len; i++)
    {
      ok = copy_table (copy, g_ptr_array_index (tables, i));
      /* a reading failure is the source's to tell */
      if (!ok && cm_db_last_failure (copy->from) != CM_DB_FAILURE_NONE)
        failed = copy->from;
    }
  ok = ok && cm_db_exec (copy->to, put_back_sql[engine]) && cm_db_commit (copy->to);
  if (!ok)
    {
      copy_failed (copy, failed, error);
      cm_db_rollback (copy->to);
    }
  else if (tables->len > 0)
    tell_progress (copy, g_ptr_array_index (tables, tables->len - 1));
  cm_db_rollback (copy->from);
  return ok;
}

/* Writes everything in the new file's write-ahead log into the file and
 * stops keeping one, checking that SQLite did both. */
static gboolean
fold_in_log (CmDb *db)
{
  g_autoptr(CmDbStmt) checkpoint = cm_db_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_autoptr(CmDbStmt) journal = NULL;

  /* the first column is 1 when the checkpoint could not finish */
  if (checkpoint == NULL || cm_db_step (checkpoint) != CM_DB_ROW ||
      cm_db_column_int64 (checkpoint, 0) != 0)
    return FALSE;
  g_clear_pointer (&checkpoint, cm_db_stmt_free);
  journal = cm_db_prepare (db, "PRAGMA journal_mode = DELETE");
  return journal != NULL && cm_db_step (journal) == CM_DB_ROW &&
         g_ascii_strcasecmp (cm_db_column_text (journal, 0), "delete") == 0;
}

/* Copies @source into a new portfolio file the store makes at @path. */
static gboolean
copy_into_new_file (CmStore *source, const char *path, const char *shown,
                    CmStoreCopyProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(CmStore) target = cm_store_open (path, CM_STORE_OPEN_CHECKED, error);
  Copy copy = {
    .from = cm_store_get_db (source),
    .target = shown,
    .progress = progress,
    .user_data = user_data,
  };

  if (target == NULL)
    return FALSE;
  copy.to = cm_store_get_db (target);
  if (!copy_tables (&copy, error))
    return FALSE;
  /* The file alone must hold every row once it is put in place: its log
   * is left behind, and a checkpoint that fails as the store closes would
   * say nothing. */
  if (!fold_in_log (copy.to))
    return copy_failed (&copy, copy.to, error);
  return TRUE;
}

/* ---- the source -------------------------------------------------------- */

/* The schema version in a file's header, read before any connection of
 * the store's is open: opened for reading, an older file is brought up
 * to date in memory, where its version no longer shows. -1 when it
 * cannot be read (opening the store says why). */
static int
file_schema_version (const char *path)
{
  sqlite3 *handle = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      cm_store_file_query_int (handle, "PRAGMA user_version", &version) != SQLITE_OK)
    version = -1;
  sqlite3_close (handle);
  return version;
}

static gboolean
check_current (const char *portfolio, int version, GError **error)
{
  g_autofree char *shown = NULL;

  if (version < 0 || version >= cm_schema_latest_version ())
    return TRUE;
  shown = cm_portfolio_name_in_message (portfolio);
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The portfolio in %s was saved by an older version of Commissioner (schema %d; "
                 "this version copies schema %d). Open it once with this version, which "
                 "updates it, then copy it again."),
               shown, version, cm_schema_latest_version ());
  return FALSE;
}

/* The source, opened for reading only; a server refuses an older
 * portfolio as it opens it for reading. */
static CmStore *
open_source (const char *from, GError **error)
{
  if (!cm_store_server_is_uri (from) && g_file_test (from, G_FILE_TEST_IS_REGULAR) &&
      !check_current (from, file_schema_version (from), error))
    return NULL;
  return cm_store_open (from, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, error);
}

/* ---- a file target ----------------------------------------------------- */

/* Moves @path to @destination unless a file is there: by a hard link
 * where the file system has them, else by a rename that will not replace
 * one (FAT and some network shares have no hard links). 0, or -1 with
 * errno set. */
static int
move_no_replace (const char *path, const char *destination)
{
  GStatBuf there;

  if (link (path, destination) == 0)
    return 0;
  if (errno == EEXIST)
    return -1;
  if (renameat2 (AT_FDCWD, path, AT_FDCWD, destination, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno == EEXIST)
    return -1;
  /* neither is supported there: the nearest is to look just before */
  if (g_lstat (destination, &there) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  return errno == ENOENT ? g_rename (path, destination) : -1;
}

/* Puts the finished copy at @path in place as @destination: beside a file
 * there when @replace, else only if no file has come there meanwhile. */
static gboolean
put_in_place (const char *path, const char *destination, gboolean replace, GError **error)
{
  int saved;

  if ((replace ? g_rename (path, destination) : move_no_replace (path, destination)) == 0)
    return TRUE;
  saved = errno;
  if (saved == EEXIST)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("“%s” already exists, so the portfolio was not copied there. Name a file "
                   "that does not exist yet."), destination);
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The copy could not be put in place as “%s” (%s). Check that the folder can "
                   "be written to, then try again."), destination, g_strerror (saved));
  return FALSE;
}

/* The copy is made as a portfolio of the same name in a new hidden folder
 * beside @destination, with its journal, and moved out once complete;
 * whatever happens, the folder is removed. */
static gboolean
copy_to_file (CmStore *source, const char *destination, gboolean replace,
              CmStoreCopyProgress progress, gpointer user_data, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  g_autofree char *leaf = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *work = g_build_filename (folder, leaf, NULL);
  g_autofree char *path = NULL;
  gboolean ok;

  if (g_mkdtemp_full (work, 0700) == NULL)
    {
      int saved = errno;

      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio could not be copied into the folder “%s” (%s). Check that "
                     "it exists and can be written to, then try again."),
                   folder, g_strerror (saved));
      return FALSE;
    }
  path = g_build_filename (work, base, NULL);
  ok = copy_into_new_file (source, path, destination, progress, user_data, error) &&
       put_in_place (path, destination, replace, error);
  cm_store_file_remove (path);
  g_rmdir (work);
  if (ok)
    cm_safe_write_sync_folder (folder);
  return ok;
}

static gboolean
check_new_file (const char *path, GError **error)
{
  GStatBuf there;

  if (g_lstat (path, &there) != 0 && errno == ENOENT)
    return TRUE;
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("“%s” already exists, so the portfolio was not copied there. Name a file that "
                 "does not exist yet."), path);
  return FALSE;
}

/* ---- a server target --------------------------------------------------- */

/* The schema of a new portfolio, made as the store migrates an empty
 * database but inside the copy's one transaction, so that a copy that
 * fails leaves the database empty. The migrations' audit rows are not
 * written: the source's trail replaces them. */
static gboolean
make_server_schema (CmDb *db)
{
  g_auto(GStrv) names = cm_schema_migration_names ();
  g_autofree char *prelude = cm_store_server_prelude_sql (NULL);
  g_autofree char *version = g_strdup_printf ("UPDATE " SERVER_SCHEMA_TABLE " SET version = %d",
                                              cm_schema_latest_version ());

  if (prelude == NULL || !cm_db_exec (db, prelude))
    return FALSE;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *sql = cm_schema_migration_sql (names[i], NULL);

      if (sql == NULL || !cm_db_exec (db, sql))
        return FALSE;
    }
  return cm_db_exec (db, version);
}

/* A database with no tables, or none but the dialect file's. */
static gboolean
check_empty_server (CmDb *db, const char *uri, GError **error)
{
  g_autofree char *shown = NULL;
  int version = 0;

  if (!cm_store_server_identify (db, uri, FALSE, &version, error))
    return FALSE;
  if (version == 0)
    return TRUE;
  shown = cm_portfolio_name_in_message (uri);
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("Nothing was copied into %s: it already holds a portfolio. Copy into a new, "
                 "empty database (made with createdb)."), shown);
  return FALSE;
}

static gboolean
copy_to_server (CmStore *source, const char *uri, CmStoreCopyProgress progress,
                gpointer user_data, GError **error)
{
  g_autofree char *shown = cm_portfolio_name_in_message (uri);
  Copy copy = {
    .from = cm_store_get_db (source),
    .target = shown,
    .make_schema = make_server_schema,
    .progress = progress,
    .user_data = user_data,
  };
  gboolean ok;

  copy.to = cm_db_pg_connect (uri, error);
  if (copy.to == NULL)
    return FALSE;
  ok = check_empty_server (copy.to, uri, error) && copy_tables (&copy, error);
  cm_db_close (copy.to);
  return ok;
}

/* Refused before the source is opened. */
static gboolean
check_new_server (const char *uri, GError **error)
{
  CmDb *db = cm_db_pg_connect (uri, error);
  gboolean empty;

  if (db == NULL)
    return FALSE;
  empty = check_empty_server (db, uri, error);
  cm_db_close (db);
  return empty;
}

/* ---- copying ----------------------------------------------------------- */

gboolean
cm_store_copy_portfolio (const char *from, const char *to, CmStoreCopyProgress progress,
                         gpointer user_data, GError **error)
{
  g_autoptr(CmStore) source = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (cm_store_server_is_uri (to) ? !check_new_server (to, error) : !check_new_file (to, error))
    return FALSE;
  source = open_source (from, error);
  if (source == NULL)
    return FALSE;
  if (cm_store_server_is_uri (to))
    return copy_to_server (source, to, progress, user_data, error);
  return copy_to_file (source, to, FALSE, progress, user_data, error);
}

gboolean
cm_store_copy_to_file (CmStore *source, const char *destination, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (source), FALSE);

  if (!check_current (cm_store_get_path (source), cm_store_get_schema_version (source), error))
    return FALSE;
  return copy_to_file (source, destination, TRUE, NULL, NULL, error);
}
