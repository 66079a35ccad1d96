/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-journal.c: a rollback journal for a batch written alone */
#include "cm-db-sqlite.h"
#include "cm-store-journal.h"

static int
busy_timeout (CmDb *db)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, "PRAGMA busy_timeout");

  return stmt != NULL && cm_db_step (stmt) == CM_DB_ROW ? (int) cm_db_column_int64 (stmt, 0) : 0;
}

/* Sets journal_mode to @mode, saying whether it took: SQLite answers
 * with the mode in force, or fails when the file is busy. */
static gboolean
set_journal_mode (CmDb *db, const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);

  return stmt != NULL && cm_db_step (stmt) == CM_DB_ROW &&
         g_ascii_strcasecmp (cm_db_column_text (stmt, 0), mode) == 0;
}

/* Without waiting: another connection that has the file open keeps it
 * open, so waiting for it would be waiting in vain. */
gboolean
cm_store_journal_leave_wal (CmDb *db)
{
  sqlite3 *handle = cm_db_sqlite_handle (db);
  int timeout = busy_timeout (db);
  gboolean set;

  sqlite3_busy_timeout (handle, 0);
  set = set_journal_mode (db, "delete");
  sqlite3_busy_timeout (handle, timeout);
  return set;
}

/* With a rollback journal a reader holds a commit up for as long as it
 * reads, and fails it when that outlasts the busy timeout: the batch
 * shuts readers out from its start instead, and they wait for it or are
 * told the file is in use. */
gboolean
cm_store_journal_begin (CmDb *db)
{
  return sqlite3_exec (cm_db_sqlite_handle (db), "BEGIN EXCLUSIVE", NULL, NULL, NULL) ==
         SQLITE_OK;
}

/* Waiting as any write does: a reader that came in as the batch ended
 * reads for a moment, and the file must not stay out of WAL for it. */
gboolean
cm_store_journal_return_to_wal (CmDb *db)
{
  return set_journal_mode (db, "wal");
}
