/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db.c: hands each call to the connection's backend */
#include "cm-db-backend.h"

void
cm_db_close (CmDb *db)
{
  if (db != NULL)
    db->backend->close (db);
}

CmDbEngine
cm_db_engine (CmDb *db)
{
  return db->backend->engine;
}

gboolean
cm_db_exec (CmDb *db, const char *sql)
{
  return db->backend->exec (db, sql);
}

CmDbStmt *
cm_db_prepare (CmDb *db, const char *sql)
{
  return db->backend->prepare (db, sql, FALSE);
}

CmDbStmt *
cm_db_prepare_persistent (CmDb *db, const char *sql)
{
  return db->backend->prepare (db, sql, TRUE);
}

gboolean
cm_db_begin (CmDb *db, CmDbTransaction kind)
{
  return db->backend->begin (db, kind);
}

gboolean
cm_db_commit (CmDb *db)
{
  return db->backend->exec (db, "COMMIT");
}

void
cm_db_rollback (CmDb *db)
{
  if (db->backend->in_transaction (db))
    db->backend->exec (db, "ROLLBACK");
}

gboolean
cm_db_in_transaction (CmDb *db)
{
  return db->backend->in_transaction (db);
}

gint64
cm_db_changes (CmDb *db)
{
  return db->backend->changes (db);
}

CmDbFailure
cm_db_last_failure (CmDb *db)
{
  return db->backend->last_failure (db);
}

const char *
cm_db_last_message (CmDb *db)
{
  return db->backend->last_message (db);
}

gboolean
cm_db_notify (CmDb *db, const char *channel, const char *payload)
{
  return db->backend->notify == NULL || db->backend->notify (db, channel, payload);
}

gboolean
cm_db_listen (CmDb *db, const char *channel)
{
  return db->backend->listen != NULL && db->backend->listen (db, channel);
}

int
cm_db_socket (CmDb *db)
{
  return db->backend->socket != NULL ? db->backend->socket (db) : -1;
}

GPtrArray *
cm_db_take_notifications (CmDb *db, const char *channel)
{
  if (db->backend->take_notifications == NULL)
    return NULL;
  return db->backend->take_notifications (db, channel);
}

CmDbReconnect
cm_db_reconnect_start (CmDb *db)
{
  if (db->backend->reconnect_start == NULL)
    return CM_DB_RECONNECT_UNSUPPORTED;
  return db->backend->reconnect_start (db);
}

CmDbReconnect
cm_db_reconnect_poll (CmDb *db)
{
  if (db->backend->reconnect_poll == NULL)
    return CM_DB_RECONNECT_UNSUPPORTED;
  return db->backend->reconnect_poll (db);
}

int
cm_db_reconnect_socket (CmDb *db)
{
  return db->backend->reconnect_socket != NULL ? db->backend->reconnect_socket (db) : -1;
}

void
cm_db_stmt_free (CmDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->backend->stmt_free (stmt);
}

CmDb *
cm_db_stmt_db (CmDbStmt *stmt)
{
  return stmt->db;
}

const char *
cm_db_stmt_sql (CmDbStmt *stmt)
{
  return stmt->backend->stmt_sql (stmt);
}

void
cm_db_stmt_reset (CmDbStmt *stmt)
{
  stmt->backend->stmt_reset (stmt);
}

CmDbStep
cm_db_step (CmDbStmt *stmt)
{
  return stmt->backend->step (stmt);
}

int
cm_db_bind_count (CmDbStmt *stmt)
{
  return stmt->backend->bind_count (stmt);
}

int
cm_db_bind_index (CmDbStmt *stmt, const char *name)
{
  return stmt->backend->bind_index (stmt, name);
}

void
cm_db_bind_null (CmDbStmt *stmt, int index)
{
  stmt->backend->bind_null (stmt, index);
}

void
cm_db_bind_int64 (CmDbStmt *stmt, int index, gint64 value)
{
  stmt->backend->bind_int64 (stmt, index, value);
}

void
cm_db_bind_double (CmDbStmt *stmt, int index, double value)
{
  stmt->backend->bind_double (stmt, index, value);
}

void
cm_db_bind_text (CmDbStmt *stmt, int index, const char *text)
{
  stmt->backend->bind_text (stmt, index, text, TRUE);
}

void
cm_db_bind_text_static (CmDbStmt *stmt, int index, const char *text)
{
  stmt->backend->bind_text (stmt, index, text, FALSE);
}

int
cm_db_column_count (CmDbStmt *stmt)
{
  return stmt->backend->column_count (stmt);
}

const char *
cm_db_column_name (CmDbStmt *stmt, int column)
{
  return stmt->backend->column_name (stmt, column);
}

CmDbType
cm_db_column_type (CmDbStmt *stmt, int column)
{
  return stmt->backend->column_type (stmt, column);
}

const char *
cm_db_column_text (CmDbStmt *stmt, int column)
{
  return stmt->backend->column_text (stmt, column);
}

gint64
cm_db_column_int64 (CmDbStmt *stmt, int column)
{
  return stmt->backend->column_int64 (stmt, column);
}

int
cm_db_column_int (CmDbStmt *stmt, int column)
{
  return (int) stmt->backend->column_int64 (stmt, column);
}

double
cm_db_column_double (CmDbStmt *stmt, int column)
{
  return stmt->backend->column_double (stmt, column);
}
