/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-sqlite.c: cm-db.h over SQLite, call for call */
#include "cm-db-backend.h"
#include "cm-db-sqlite.h"

typedef struct {
  CmDb parent;
  sqlite3 *handle;
  gboolean borrowed; /* closed by its owner, not by cm_db_close () */
} CmDbSqlite;

typedef struct {
  CmDbStmt parent;
  sqlite3_stmt *handle;
} CmDbSqliteStmt;

static const CmDbBackend sqlite_backend;

static sqlite3 *
handle_of (CmDb *db)
{
  return ((CmDbSqlite *) db)->handle;
}

static sqlite3_stmt *
stmt_of (CmDbStmt *stmt)
{
  return ((CmDbSqliteStmt *) stmt)->handle;
}

static void
sqlite_close (CmDb *db)
{
  if (!((CmDbSqlite *) db)->borrowed)
    sqlite3_close_v2 (handle_of (db));
  g_free (db);
}

static gboolean
sqlite_exec (CmDb *db, const char *sql)
{
  return sqlite3_exec (handle_of (db), sql, NULL, NULL, NULL) == SQLITE_OK;
}

static CmDbStmt *
sqlite_prepare (CmDb *db, const char *sql, gboolean persistent)
{
  sqlite3_stmt *handle = NULL;
  CmDbSqliteStmt *stmt;

  if (sqlite3_prepare_v3 (handle_of (db), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                          &handle, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (handle);
      return NULL;
    }
  stmt = g_new0 (CmDbSqliteStmt, 1);
  stmt->parent.backend = &sqlite_backend;
  stmt->parent.db = db;
  stmt->handle = handle;
  return &stmt->parent;
}

static gboolean
sqlite_begin (CmDb *db, CmDbTransaction kind)
{
  /* IMMEDIATE takes the write lock at once, so a writer never finds out
   * at its first change that another got there first. */
  return sqlite_exec (db, kind == CM_DB_WRITING ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

static gboolean
sqlite_in_transaction (CmDb *db)
{
  return !sqlite3_get_autocommit (handle_of (db));
}

static gint64
sqlite_changes (CmDb *db)
{
  return sqlite3_changes64 (handle_of (db));
}

CmDbFailure
cm_db_sqlite_failure (int code)
{
  switch (code)
    {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return CM_DB_FAILURE_NONE;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return CM_DB_FAILURE_CONSTRAINT_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY;
    default:
      break;
    }
  switch (code & 0xff)
    {
    case SQLITE_ERROR:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
      return CM_DB_FAILURE_SQL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CM_DB_FAILURE_BUSY;
    case SQLITE_READONLY:
      return CM_DB_FAILURE_READ_ONLY;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return CM_DB_FAILURE_PERMISSION;
    case SQLITE_CONSTRAINT:
      return CM_DB_FAILURE_CONSTRAINT;
    case SQLITE_CORRUPT:
      return CM_DB_FAILURE_DAMAGED;
    case SQLITE_NOTADB:
      return CM_DB_FAILURE_NOT_A_DATABASE;
    case SQLITE_CANTOPEN:
      return CM_DB_FAILURE_CANNOT_OPEN;
    case SQLITE_FULL:
      return CM_DB_FAILURE_FULL;
    case SQLITE_INTERRUPT:
      return CM_DB_FAILURE_INTERRUPTED;
    default:
      return CM_DB_FAILURE_OTHER;
    }
}

static CmDbFailure
sqlite_last_failure (CmDb *db)
{
  return cm_db_sqlite_failure (sqlite3_extended_errcode (handle_of (db)));
}

static const char *
sqlite_last_message (CmDb *db)
{
  return sqlite3_errmsg (handle_of (db));
}

static void
sqlite_stmt_free (CmDbStmt *stmt)
{
  sqlite3_finalize (stmt_of (stmt));
  g_free (stmt);
}

static const char *
sqlite_stmt_sql (CmDbStmt *stmt)
{
  return sqlite3_sql (stmt_of (stmt));
}

static void
sqlite_stmt_reset (CmDbStmt *stmt)
{
  sqlite3_reset (stmt_of (stmt));
  sqlite3_clear_bindings (stmt_of (stmt));
}

static CmDbStep
sqlite_step (CmDbStmt *stmt)
{
  switch (sqlite3_step (stmt_of (stmt)))
    {
    case SQLITE_ROW:
      return CM_DB_ROW;
    case SQLITE_DONE:
      return CM_DB_DONE;
    default:
      return CM_DB_FAILED;
    }
}

static int
sqlite_bind_count (CmDbStmt *stmt)
{
  return sqlite3_bind_parameter_count (stmt_of (stmt));
}

static int
sqlite_bind_index (CmDbStmt *stmt, const char *name)
{
  return sqlite3_bind_parameter_index (stmt_of (stmt), name);
}

static void
sqlite_bind_null (CmDbStmt *stmt, int index)
{
  sqlite3_bind_null (stmt_of (stmt), index);
}

static void
sqlite_bind_int64 (CmDbStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (stmt_of (stmt), index, value);
}

static void
sqlite_bind_double (CmDbStmt *stmt, int index, double value)
{
  sqlite3_bind_double (stmt_of (stmt), index, value);
}

static void
sqlite_bind_text (CmDbStmt *stmt, int index, const char *text, gboolean copy)
{
  sqlite3_bind_text (stmt_of (stmt), index, text, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static int
sqlite_column_count (CmDbStmt *stmt)
{
  return sqlite3_column_count (stmt_of (stmt));
}

static const char *
sqlite_column_name (CmDbStmt *stmt, int column)
{
  return sqlite3_column_name (stmt_of (stmt), column);
}

static CmDbType
sqlite_column_type (CmDbStmt *stmt, int column)
{
  switch (sqlite3_column_type (stmt_of (stmt), column))
    {
    case SQLITE_NULL:
      return CM_DB_NULL;
    case SQLITE_INTEGER:
      return CM_DB_INTEGER;
    case SQLITE_FLOAT:
      return CM_DB_FLOAT;
    default:
      return CM_DB_TEXT;
    }
}

static const char *
sqlite_column_text (CmDbStmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt_of (stmt), column);
}

static gint64
sqlite_column_int64 (CmDbStmt *stmt, int column)
{
  return sqlite3_column_int64 (stmt_of (stmt), column);
}

static double
sqlite_column_double (CmDbStmt *stmt, int column)
{
  return sqlite3_column_double (stmt_of (stmt), column);
}

/* ---- loading many rows: one prepared INSERT, stepped per row ----------- */

typedef struct {
  CmDbCopy parent;
  CmDbStmt *insert;
  gboolean failed;
} CmDbSqliteCopy;

static CmDbStmt *
insert_of (CmDbCopy *copy)
{
  return ((CmDbSqliteCopy *) copy)->insert;
}

static CmDbCopy *
sqlite_copy_begin (CmDb *db, const char *table, const char *const *columns)
{
  g_autofree char *sql = cm_db_insert_sql (table, columns);
  CmDbStmt *insert = sqlite_prepare (db, sql, TRUE);
  CmDbSqliteCopy *copy;

  if (insert == NULL)
    return NULL;
  copy = g_new0 (CmDbSqliteCopy, 1);
  copy->parent.backend = &sqlite_backend;
  copy->parent.db = db;
  copy->parent.n_columns = g_strv_length ((char **) columns);
  copy->insert = insert;
  return &copy->parent;
}

static void
sqlite_copy_null (CmDbCopy *copy, int index)
{
  sqlite_bind_null (insert_of (copy), index);
}

static void
sqlite_copy_int64 (CmDbCopy *copy, int index, gint64 value)
{
  sqlite_bind_int64 (insert_of (copy), index, value);
}

static void
sqlite_copy_double (CmDbCopy *copy, int index, double value)
{
  sqlite_bind_double (insert_of (copy), index, value);
}

static void
sqlite_copy_text (CmDbCopy *copy, int index, const char *text)
{
  sqlite_bind_text (insert_of (copy), index, text, TRUE);
}

static gboolean
sqlite_copy_row (CmDbCopy *copy)
{
  CmDbSqliteCopy *self = (CmDbSqliteCopy *) copy;
  gboolean ok = sqlite_step (self->insert) == CM_DB_DONE;

  sqlite_stmt_reset (self->insert);
  self->failed |= !ok;
  return ok;
}

static gboolean
sqlite_copy_end (CmDbCopy *copy, gboolean keep)
{
  CmDbSqliteCopy *self = (CmDbSqliteCopy *) copy;
  gboolean ok = !self->failed;

  sqlite_stmt_free (self->insert);
  g_free (self);
  return keep && ok;
}

static const CmDbBackend sqlite_backend = {
  .engine = CM_DB_ENGINE_SQLITE,
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .begin = sqlite_begin,
  .in_transaction = sqlite_in_transaction,
  .changes = sqlite_changes,
  .last_failure = sqlite_last_failure,
  .last_message = sqlite_last_message,
  .stmt_free = sqlite_stmt_free,
  .stmt_sql = sqlite_stmt_sql,
  .stmt_reset = sqlite_stmt_reset,
  .step = sqlite_step,
  .bind_count = sqlite_bind_count,
  .bind_index = sqlite_bind_index,
  .bind_null = sqlite_bind_null,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_type = sqlite_column_type,
  .column_text = sqlite_column_text,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .copy_begin = sqlite_copy_begin,
  .copy_null = sqlite_copy_null,
  .copy_int64 = sqlite_copy_int64,
  .copy_double = sqlite_copy_double,
  .copy_text = sqlite_copy_text,
  .copy_row = sqlite_copy_row,
  .copy_end = sqlite_copy_end,
};

CmDb *
cm_db_sqlite_adopt (sqlite3 *handle)
{
  CmDbSqlite *db = g_new0 (CmDbSqlite, 1);

  db->parent.backend = &sqlite_backend;
  db->handle = handle;
  return &db->parent;
}

CmDb *
cm_db_sqlite_borrow (sqlite3 *handle)
{
  CmDb *db = cm_db_sqlite_adopt (handle);

  ((CmDbSqlite *) db)->borrowed = TRUE;
  return db;
}

sqlite3 *
cm_db_sqlite_handle (CmDb *db)
{
  if (db == NULL || db->backend != &sqlite_backend)
    return NULL;
  return handle_of (db);
}

sqlite3_stmt *
cm_db_sqlite_stmt_handle (CmDbStmt *stmt)
{
  if (stmt == NULL || stmt->backend != &sqlite_backend)
    return NULL;
  return stmt_of (stmt);
}
