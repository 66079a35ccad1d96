/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-file.c: connecting to a portfolio file, and telling what it is */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/statfs.h>

#include "cm-db-sqlite.h"
#include "cm-schema.h"
#include "cm-sql-log.h"
#include "cm-store-file.h"
#include "cm-store-server.h"

/* f_type values from statfs(2): NFS, SMB, CIFS and SMB2. */
static const unsigned long network_types[] = { 0x6969, 0x517b, 0xff534d42, 0xfe534d42 };

gboolean
cm_store_file_is_network_type (unsigned long type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (network_types); i++)
    if (type == network_types[i])
      return TRUE;
  return FALSE;
}

gboolean
cm_store_file_is_on_network (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  struct statfs fs;

  return statfs (folder, &fs) == 0 && cm_store_file_is_network_type ((unsigned long) fs.f_type);
}

gboolean
cm_store_file_read_only_error (const char *path, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY,
               _("“%s” is read-only, so it cannot be changed. Save a copy in a folder "
                 "you can write to and open that."), path);
  return FALSE;
}

static gboolean
not_a_portfolio (const char *path, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO,
               _("“%s” is not a Commissioner portfolio. Choose a portfolio file "
                 "(usually ending in .commissioner)."), path);
  return FALSE;
}

static gboolean
failure_error (CmDbFailure failure, const char *reason, const char *path, GError **error)
{
  switch (failure)
    {
    case CM_DB_FAILURE_BUSY:
      /* On a server, the lock waited for is another writer's. */
      if (cm_store_server_is_uri (path))
        {
          g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY,
                       _("Someone else is saving changes to “%s” and has not finished, so "
                         "nothing was changed. Try again in a moment."), path);
          break;
        }
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program, which holds it locked, so nothing "
                     "was changed. Wait for that program to finish, or close it, then try "
                     "again."), path);
      break;
    case CM_DB_FAILURE_READ_ONLY:
      return cm_store_file_read_only_error (path, error);
    case CM_DB_FAILURE_PERMISSION:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY,
                   _("You are not allowed to change “%s” (%s), so nothing was changed. Ask "
                     "whoever manages the portfolio to give you the right to change it."),
                   path, reason);
      break;
    case CM_DB_FAILURE_CONNECTION_LOST:
      /* A connection lost at COMMIT leaves unknown whether it was made. */
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The connection to “%s” was lost (%s), so the last change may not have "
                     "been saved. Check the network, then open the portfolio again and look "
                     "for the change before making it again."), path, reason);
      break;
    case CM_DB_FAILURE_NOT_A_DATABASE:
      return not_a_portfolio (path, error);
    case CM_DB_FAILURE_DAMAGED:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup."), path, reason);
      break;
    case CM_DB_FAILURE_CANNOT_OPEN:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("“%s” could not be opened (%s). Check that the file and its folder "
                     "can be read."), path, reason);
      break;
    default:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("“%s” could not be read or written (%s). Nothing was changed. Check "
                     "that the disk is present and has room, then try again."), path, reason);
      break;
    }
  return FALSE;
}

gboolean
cm_store_db_error (CmDb *db, const char *path, GError **error)
{
  return failure_error (cm_db_last_failure (db), cm_db_last_message (db), path, error);
}

gboolean
cm_store_file_error (sqlite3 *db, const char *path, GError **error)
{
  if (db == NULL)
    return failure_error (CM_DB_FAILURE_OTHER, g_strerror (ENOMEM), path, error);
  return failure_error (cm_db_sqlite_failure (sqlite3_extended_errcode (db)),
                        sqlite3_errmsg (db), path, error);
}

static gboolean
not_ours (const char *path, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO,
               _("“%s” is a database of another program, not a Commissioner portfolio. "
                 "Choose a portfolio file."), path);
  return FALSE;
}

int
cm_store_file_query_int (sqlite3 *db, const char *sql, int *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The file is not yet the store's, so its connection is only borrowed. */
static gboolean
schema_matches (sqlite3 *db, int version, char **missing)
{
  CmDb *borrowed = cm_db_sqlite_borrow (db);
  gboolean matches = cm_schema_matches (borrowed, version, missing);

  cm_db_close (borrowed);
  return matches;
}

/* A file is ours when it carries our application id, or, made before
 * the id existed, when it has our schema's tables at a version we know.
 * Any other database is refused before anything is written to it. */
static gboolean
identify (CmStoreConnection *connection, const char *path, GError **error)
{
  sqlite3 *db = connection->db;
  int id = 0, version = 0, tables = 0;
  g_autofree char *missing = NULL;

  if (cm_store_file_query_int (db, "PRAGMA application_id", &id) != SQLITE_OK ||
      cm_store_file_query_int (db, "PRAGMA user_version", &version) != SQLITE_OK ||
      cm_store_file_query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", &tables)
        != SQLITE_OK)
    return cm_store_file_error (db, path, error);
  if (id != 0 && id != CM_SCHEMA_APPLICATION_ID)
    return not_ours (path, error);
  if (version > cm_schema_latest_version ())
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Commissioner (schema %d; this "
                     "version understands up to %d). Update Commissioner to open it."),
                   path, version, cm_schema_latest_version ());
      return FALSE;
    }
  if (id == 0 && version == 0 && tables == 0)
    {
      connection->is_new = TRUE;
      return TRUE;
    }
  if (cm_schema_is_known_version (version) && schema_matches (db, version, &missing))
    return TRUE;
  if (id == 0)
    return not_ours (path, error);
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
               _("“%s” is damaged: “%s” is missing from it. Restore it from a backup."),
               path, missing ? missing : "user_version");
  return FALSE;
}

gboolean
cm_store_file_check_intact (sqlite3 *db, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* Past the "*** in database main ***" line, the problem itself. */
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      const char *newline = strchr (text, '\n');

      problem = g_strdup (newline ? newline + 1 : text);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return cm_store_file_error (db, path, error);
  if (problem)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: SQLite’s check of it found “%s”. Restore it from "
                     "a backup."), path, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
}

/* A file we may not write is read through a URI that says so; it is
 * "immutable" only while no -wal or -journal file exists, since an
 * immutable connection ignores both: it would miss saved changes, or
 * read the pages of a batch that a crash left half written (which the
 * journal rolls back) or that is being written (cm-store-journal.h). */
static char *
read_only_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  gboolean settled = !g_file_test (wal, G_FILE_TEST_EXISTS) &&
                     !g_file_test (journal, G_FILE_TEST_EXISTS);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, settled ? "&immutable=1" : "");
}

/* Without SQLite's lock around every call on the connection (about 5% of
 * an import's processor time): a store, its connection with it, is used
 * by one thread at a time, as its lists and statements are not made to
 * be shared; an import hands it to its writing thread and takes it back
 * (cm-import-pipe.h), and other threads read on connections of their own. */
static gboolean
open_db (CmStoreConnection *connection, const char *path, const char *name, int flags,
         GError **error)
{
  if (sqlite3_open_v2 (name, &connection->db, flags | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      sqlite3_extended_result_codes (connection->db, 1);
      sqlite3_busy_timeout (connection->db, 5000);
      cm_sql_log_attach (connection->db);
      return TRUE;
    }
  cm_store_file_error (connection->db, path, error);
  g_clear_pointer (&connection->db, sqlite3_close);
  return FALSE;
}

/* Reading an older file must not change it, so it is updated in a copy
 * held in memory. */
static gboolean
copy_to_memory (CmStoreConnection *connection, const char *path, GError **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open (":memory:", &memory) != SQLITE_OK)
    {
      sqlite3_close (memory);
      return cm_store_file_error (NULL, path, error);
    }
  backup = sqlite3_backup_init (memory, "main", connection->db, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : SQLITE_ERROR;
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      cm_store_file_error (connection->db, path, error);
      sqlite3_close (memory);
      return FALSE;
    }
  sqlite3_close (connection->db);
  connection->db = memory;
  connection->in_memory = TRUE;
  return TRUE;
}

static gboolean
refuse_empty (const char *path, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO,
               _("“%s” is empty: it holds no portfolio yet. Choose another file, or open "
                 "it in Commissioner to start a new portfolio in it."), path);
  return FALSE;
}

static gboolean
open_existing (const char *path, gboolean want_write, CmStoreConnection *connection,
               GError **error)
{
  g_autofree char *uri = NULL;

  if (can_write (path))
    {
      connection->read_only = !want_write;
      return open_db (connection, path, path, SQLITE_OPEN_READWRITE, error);
    }
  connection->read_only = TRUE;
  uri = read_only_uri (path);
  return open_db (connection, path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

/* Everything about an existing file that decides whether, and how, the
 * store may use it, checked before anything is written to it. */
static gboolean
check_existing (CmStoreConnection *connection, const char *path, gboolean checked,
                GError **error)
{
  int version = 0;

  if (!identify (connection, path, error))
    return FALSE;
  if (connection->is_new)
    return !connection->read_only || refuse_empty (path, error);
  if (cm_store_file_query_int (connection->db, "PRAGMA user_version", &version) != SQLITE_OK)
    return cm_store_file_error (connection->db, path, error);
  /* A migration writes to the file (and backs it up first), so an older
   * file is always checked before it is used, whatever the caller says. */
  if ((!checked || version < cm_schema_latest_version ()) &&
      !cm_store_file_check_intact (connection->db, path, error))
    return FALSE;
  if (version < cm_schema_latest_version () && connection->read_only)
    return copy_to_memory (connection, path, error);
  return TRUE;
}

gboolean
cm_store_file_connect (const char *path, CmStoreOpenFlags flags, CmStoreConnection *connection,
                       GError **error)
{
  gboolean want_write = (flags & CM_STORE_OPEN_READ_ONLY) == 0;
  GStatBuf st;

  *connection = (CmStoreConnection) { 0 };
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                       _("“%s” could not be opened (%s). Check that the file and its folder "
                         "can be read."), path, g_strerror (saved));
          return FALSE;
        }
      if ((flags & CM_STORE_OPEN_MUST_EXIST) || !want_write)
        {
          g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                       _("There is no portfolio file at “%s”. Check the path."), path);
          return FALSE;
        }
      connection->is_new = TRUE;
      connection->created = TRUE;
      return open_db (connection, path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    }
  if (!S_ISREG (st.st_mode))
    return not_a_portfolio (path, error);
  if (st.st_size == 0 && !want_write)
    return refuse_empty (path, error);
  if (!open_existing (path, want_write, connection, error))
    return FALSE;
  if (!check_existing (connection, path, (flags & CM_STORE_OPEN_CHECKED) != 0, error))
    {
      g_clear_pointer (&connection->db, sqlite3_close);
      return FALSE;
    }
  return TRUE;
}

void
cm_store_file_remove (const char *path)
{
  for (const char *const *suffix = (const char *const[]) { "", "-journal", "-wal", "-shm", NULL };
       *suffix; suffix++)
    {
      g_autofree char *name = g_strconcat (path, *suffix, NULL);

      g_unlink (name);
    }
}
