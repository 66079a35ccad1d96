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
cm_db_defer_results (CmDb *db, gboolean defer)
{
  return db->backend->defer_results == NULL || db->backend->defer_results (db, defer);
}

guint64
cm_db_deferred (CmDb *db, guint64 *failed_at)
{
  *failed_at = 0;
  return db->backend->deferred != NULL ? db->backend->deferred (db, failed_at) : 0;
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

/* ---- loading many rows ------------------------------------------------ */

CmDbCopy *
cm_db_copy_begin (CmDb *db, const char *table, const char *const *columns)
{
  return db->backend->copy_begin (db, table, columns);
}

void
cm_db_copy_null (CmDbCopy *copy, int index)
{
  copy->backend->copy_null (copy, index);
}

void
cm_db_copy_int64 (CmDbCopy *copy, int index, gint64 value)
{
  copy->backend->copy_int64 (copy, index, value);
}

void
cm_db_copy_double (CmDbCopy *copy, int index, double value)
{
  copy->backend->copy_double (copy, index, value);
}

void
cm_db_copy_text (CmDbCopy *copy, int index, const char *text)
{
  copy->backend->copy_text (copy, index, text);
}

void
cm_db_copy_column (CmDbCopy *copy, int index, CmDbStmt *stmt, int column)
{
  switch (cm_db_column_type (stmt, column))
    {
    case CM_DB_NULL:
      cm_db_copy_null (copy, index);
      break;
    case CM_DB_INTEGER:
      cm_db_copy_int64 (copy, index, cm_db_column_int64 (stmt, column));
      break;
    case CM_DB_FLOAT:
      cm_db_copy_double (copy, index, cm_db_column_double (stmt, column));
      break;
    case CM_DB_TEXT:
    default:
      cm_db_copy_text (copy, index, cm_db_column_text (stmt, column));
      break;
    }
}

gboolean
cm_db_copy_row (CmDbCopy *copy)
{
  return copy->backend->copy_row (copy);
}

gboolean
cm_db_copy_end (CmDbCopy *copy)
{
  return copy->backend->copy_end (copy, TRUE);
}

void
cm_db_copy_cancel (CmDbCopy *copy)
{
  if (copy != NULL)
    copy->backend->copy_end (copy, FALSE);
}

char *
cm_db_quote_name (const char *name)
{
  g_autofree char *doubled = NULL;
  g_auto(GStrv) parts = g_strsplit (name, "\"", -1);

  doubled = g_strjoinv ("\"\"", parts);
  return g_strdup_printf ("\"%s\"", doubled);
}

char *
cm_db_quote_names (const char *const *names)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *quoted = cm_db_quote_name (names[i]);

      g_string_append_printf (list, "%s%s", i ? ", " : "", quoted);
    }
  return g_string_free (list, FALSE);
}

char *
cm_db_insert_sql (const char *table, const char *const *columns)
{
  g_autofree char *quoted_table = cm_db_quote_name (table);
  g_autofree char *quoted_columns = cm_db_quote_names (columns);
  GString *sql = g_string_new (NULL);
  guint n = g_strv_length ((char **) columns);

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (", quoted_table, quoted_columns);
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}
