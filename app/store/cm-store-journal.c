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
 * with the mode in force, or fails when the file is busy, at once, since
 * waiting for another connection to close would be waiting in vain. */
static gboolean
set_journal_mode (CmDb *db, const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3 *handle = cm_db_sqlite_handle (db);
  int timeout = busy_timeout (db);
  g_autoptr(CmDbStmt) stmt = NULL;
  gboolean set;

  sqlite3_busy_timeout (handle, 0);
  stmt = cm_db_prepare (db, sql);
  set = stmt != NULL && cm_db_step (stmt) == CM_DB_ROW &&
        g_ascii_strcasecmp (cm_db_column_text (stmt, 0), mode) == 0;
  g_clear_pointer (&stmt, cm_db_stmt_free);
  sqlite3_busy_timeout (handle, timeout);
  return set;
}

gboolean
cm_store_journal_leave_wal (CmDb *db)
{
  return set_journal_mode (db, "delete");
}

gboolean
cm_store_journal_return_to_wal (CmDb *db)
{
  return set_journal_mode (db, "wal");
}
