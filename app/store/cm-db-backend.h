/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-backend.h: what an engine provides behind cm-db.h
 *
 * Each backend's connection and statement structures begin with CmDb and
 * CmDbStmt, so the generic calls can find the backend's table.
 */
#pragma once

#include "cm-db.h"

G_BEGIN_DECLS

typedef struct {
  CmDbEngine engine;

  void        (*close)          (CmDb *db);
  gboolean    (*exec)           (CmDb *db, const char *sql);
  CmDbStmt   *(*prepare)        (CmDb *db, const char *sql, gboolean persistent);
  gboolean    (*begin)          (CmDb *db, CmDbTransaction kind);
  gboolean    (*in_transaction) (CmDb *db);
  gint64      (*changes)        (CmDb *db);
  CmDbFailure (*last_failure)   (CmDb *db);
  const char *(*last_message)   (CmDb *db);
  /* Optional: NULL where the engine has no notifications. */
  gboolean    (*notify)         (CmDb *db, const char *channel, const char *payload);
  gboolean    (*listen)         (CmDb *db, const char *channel);
  int         (*socket)         (CmDb *db);
  GPtrArray  *(*take_notifications) (CmDb *db, const char *channel);
  /* Optional: NULL where every statement's result is waited for. */
  gboolean    (*defer_results)      (CmDb *db, gboolean defer);
  guint64     (*deferred)           (CmDb *db, guint64 *failed_at);

  void        (*stmt_free)      (CmDbStmt *stmt);
  const char *(*stmt_sql)       (CmDbStmt *stmt);
  void        (*stmt_reset)     (CmDbStmt *stmt);
  CmDbStep    (*step)           (CmDbStmt *stmt);
  int         (*bind_count)     (CmDbStmt *stmt);
  int         (*bind_index)     (CmDbStmt *stmt, const char *name);
  void        (*bind_null)      (CmDbStmt *stmt, int index);
  void        (*bind_int64)     (CmDbStmt *stmt, int index, gint64 value);
  void        (*bind_double)    (CmDbStmt *stmt, int index, double value);
  void        (*bind_text)      (CmDbStmt *stmt, int index, const char *text, gboolean copy);
  int         (*column_count)   (CmDbStmt *stmt);
  const char *(*column_name)    (CmDbStmt *stmt, int column);
  CmDbType    (*column_type)    (CmDbStmt *stmt, int column);
  const char *(*column_text)    (CmDbStmt *stmt, int column);
  gint64      (*column_int64)   (CmDbStmt *stmt, int column);
  double      (*column_double)  (CmDbStmt *stmt, int column);

  CmDbCopy   *(*copy_begin)     (CmDb *db, const char *table, const char *const *columns);
  void        (*copy_null)      (CmDbCopy *copy, int index);
  void        (*copy_int64)     (CmDbCopy *copy, int index, gint64 value);
  void        (*copy_double)    (CmDbCopy *copy, int index, double value);
  void        (*copy_text)      (CmDbCopy *copy, int index, const char *text);
  gboolean    (*copy_row)       (CmDbCopy *copy);
  /* Consumes @copy; with @keep FALSE, drops what it still holds. */
  gboolean    (*copy_end)       (CmDbCopy *copy, gboolean keep);
} CmDbBackend;

struct _CmDb {
  const CmDbBackend *backend;
};

struct _CmDbStmt {
  const CmDbBackend *backend;
  CmDb *db;
};

struct _CmDbCopy {
  const CmDbBackend *backend;
  CmDb *db;
  int n_columns;
};

/* "INSERT INTO table (columns) VALUES (?, ...)", names quoted. */
char *cm_db_insert_sql (const char *table, const char *const *columns);

G_END_DECLS
