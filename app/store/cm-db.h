/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db.h: a connection to the portfolio's database, whichever engine holds it
 *
 * The store speaks to its database only through this: statements are
 * prepared, bound, stepped and read the same way whether the portfolio is
 * a SQLite file or a PostgreSQL database. It is shaped after SQLite's own
 * interface so that a step returns one row at a time, and like SQLite a
 * connection keeps its last failure for the caller to read.
 *
 * Statements are written in the SQL both engines accept, with "?" or
 * ":name" for values; each backend turns them into its own form.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CmDb     CmDb;
typedef struct _CmDbStmt CmDbStmt;
typedef struct _CmDbCopy CmDbCopy;

typedef enum {
  CM_DB_ENGINE_SQLITE,
  CM_DB_ENGINE_POSTGRESQL,
} CmDbEngine;

/* What a step gave. */
typedef enum {
  CM_DB_ROW,
  CM_DB_DONE,
  CM_DB_FAILED, /* cm_db_last_failure () says why */
} CmDbStep;

/* Why the last call on a connection failed, in the engines' common terms. */
typedef enum {
  CM_DB_FAILURE_NONE,
  CM_DB_FAILURE_SQL,                    /* the statement itself is wrong */
  CM_DB_FAILURE_BUSY,                   /* another connection holds a lock */
  CM_DB_FAILURE_READ_ONLY,              /* the database may not be written */
  CM_DB_FAILURE_PERMISSION,             /* this role may not do that */
  CM_DB_FAILURE_CONSTRAINT_UNIQUE,      /* a unique value or key is taken */
  CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY, /* a reference to a missing record */
  CM_DB_FAILURE_CONSTRAINT,             /* any other constraint */
  CM_DB_FAILURE_DAMAGED,                /* the database is corrupt */
  CM_DB_FAILURE_NOT_A_DATABASE,         /* not a database of this engine at all */
  CM_DB_FAILURE_CANNOT_OPEN,            /* the database could not be reached */
  CM_DB_FAILURE_CONNECTION_LOST,        /* the server went away mid-work */
  CM_DB_FAILURE_FULL,                   /* no room left */
  CM_DB_FAILURE_INTERRUPTED,            /* cancelled on purpose */
  CM_DB_FAILURE_OTHER,
} CmDbFailure;

/* The type a column's value has in the row just stepped to. */
typedef enum {
  CM_DB_NULL,
  CM_DB_INTEGER,
  CM_DB_FLOAT,
  CM_DB_TEXT,
} CmDbType;

void        cm_db_close            (CmDb *db);
CmDbEngine  cm_db_engine           (CmDb *db);

/* Runs one or more statements that take no values and give no rows. */
gboolean    cm_db_exec             (CmDb *db, const char *sql);
/* Prepares @sql; NULL on failure. A statement prepared as persistent is
 * meant to be kept and reused many times. */
CmDbStmt   *cm_db_prepare          (CmDb *db, const char *sql);
CmDbStmt   *cm_db_prepare_persistent (CmDb *db, const char *sql);

typedef enum {
  CM_DB_READING, /* a consistent view; other writers may go on */
  CM_DB_WRITING, /* the one writer: others wait until it ends */
} CmDbTransaction;

gboolean    cm_db_begin            (CmDb *db, CmDbTransaction kind);
gboolean    cm_db_commit           (CmDb *db);
/* Ends an open transaction, undoing it; harmless when none is open. */
void        cm_db_rollback         (CmDb *db);
/* Whether a transaction is open on @db. */
gboolean    cm_db_in_transaction   (CmDb *db);
/* How many rows the last INSERT, UPDATE or DELETE changed. */
gint64      cm_db_changes          (CmDb *db);

CmDbFailure cm_db_last_failure     (CmDb *db);
/* The engine's own words for the last failure, for messages. */
const char *cm_db_last_message     (CmDb *db);

/* While @defer, the results of statements that give no rows and whose
 * changed-row count is known (an INSERT of one row) may be left unread
 * until a statement whose result is needed, the COMMIT or the end of
 * deferring: a server then takes many without a round trip each, and
 * those that put each value in a column of their own as one COPY per
 * table, with no statement run for each. The first such statement to
 * fail fails that later call instead, with its own failure and message,
 * and its transaction can then only be rolled back. Ending it (@defer FALSE) reads them all: FALSE with the first
 * failure. Only inside a writing transaction; engines that answer each
 * statement at once (a SQLite file) ignore it and answer TRUE. */
gboolean    cm_db_defer_results    (CmDb *db, gboolean defer);
/* How many statements' results were deferred since deferring last began;
 * @failed_at, which of them (from 1) failed, once that failure has been
 * reported, else 0. Both 0 where results never wait. */
guint64     cm_db_deferred         (CmDb *db, guint64 *failed_at);

/* ---- other connections' commits, and a connection lost ------------------ */

/* Engines without these (a SQLite file, which other programs' commits
 * reach through its data version instead) answer that they are not
 * supported: FALSE, -1 or NULL. */

/* Sends @payload on @channel to the connections listening to it, when the
 * open transaction commits (a server's goes with the COMMIT, in one round
 * trip; outside a transaction, at once); TRUE without sending anything
 * where notifications are not supported. */
gboolean    cm_db_notify           (CmDb *db, const char *channel, const char *payload);
/* Starts receiving what other connections send on @channel. */
gboolean    cm_db_listen           (CmDb *db, const char *channel);
/* The descriptor that becomes readable when a notification, or the end of
 * the connection, arrives; -1 when there is none. */
int         cm_db_socket           (CmDb *db);
/* The payloads (char *) sent on @channel by other connections that have
 * arrived since the last call, including those that came while other
 * statements ran; NULL when the connection is lost. */
GPtrArray  *cm_db_take_notifications (CmDb *db, const char *channel);

/* ---- statements ------------------------------------------------------- */

void        cm_db_stmt_free        (CmDbStmt *stmt);
CmDb       *cm_db_stmt_db          (CmDbStmt *stmt);
const char *cm_db_stmt_sql         (CmDbStmt *stmt);
/* Makes the statement ready to run again, with no values bound. */
void        cm_db_stmt_reset       (CmDbStmt *stmt);
CmDbStep    cm_db_step             (CmDbStmt *stmt);

/* Values are numbered from 1, as in SQL. A text bound with
 * cm_db_bind_text_static () must stay as it is until the statement is
 * reset or freed; cm_db_bind_text () keeps a copy. */
int         cm_db_bind_count       (CmDbStmt *stmt);
int         cm_db_bind_index       (CmDbStmt *stmt, const char *name);
void        cm_db_bind_null        (CmDbStmt *stmt, int index);
void        cm_db_bind_int64       (CmDbStmt *stmt, int index, gint64 value);
void        cm_db_bind_double      (CmDbStmt *stmt, int index, double value);
void        cm_db_bind_text        (CmDbStmt *stmt, int index, const char *text);
void        cm_db_bind_text_static (CmDbStmt *stmt, int index, const char *text);

/* Columns are numbered from 0. A text is valid until the next step,
 * reset or free of the statement. */
int         cm_db_column_count     (CmDbStmt *stmt);
const char *cm_db_column_name      (CmDbStmt *stmt, int column);
CmDbType    cm_db_column_type      (CmDbStmt *stmt, int column);
const char *cm_db_column_text      (CmDbStmt *stmt, int column);
gint64      cm_db_column_int64     (CmDbStmt *stmt, int column);
int         cm_db_column_int       (CmDbStmt *stmt, int column);
double      cm_db_column_double    (CmDbStmt *stmt, int column);

/* ---- loading many rows ------------------------------------------------ */

/* Rows written into @table as fast as the engine takes them: PostgreSQL's
 * COPY, a prepared INSERT in SQLite. Only inside a writing transaction.
 * @columns is NULL-terminated; each row's values are numbered from 1 in
 * its order, and a value not set in a row is NULL. Values are stored
 * exactly as bound. While a copy is open the connection does nothing else.
 * A failed row may show only at cm_db_copy_end (), as PostgreSQL checks
 * rows as they arrive. */
CmDbCopy   *cm_db_copy_begin       (CmDb *db, const char *table, const char *const *columns);
void        cm_db_copy_null        (CmDbCopy *copy, int index);
void        cm_db_copy_int64       (CmDbCopy *copy, int index, gint64 value);
void        cm_db_copy_double      (CmDbCopy *copy, int index, double value);
void        cm_db_copy_text        (CmDbCopy *copy, int index, const char *text);
/* The value of @column of the row @stmt stepped to, as its type says. */
void        cm_db_copy_column      (CmDbCopy *copy, int index, CmDbStmt *stmt, int column);
/* Writes the values set as one row, then unsets them. */
gboolean    cm_db_copy_row         (CmDbCopy *copy);
/* Both consume @copy. Ending writes the rows still held and tells whether
 * every row was written; the numbers the engine gives new rows (a
 * sequence or identity column) then follow the largest loaded. Cancelling
 * leaves the rows to the transaction's rollback. */
gboolean    cm_db_copy_end         (CmDbCopy *copy);
void        cm_db_copy_cancel      (CmDbCopy *copy);

/* @name as a quoted SQL identifier ("name", its quotes doubled). */
char       *cm_db_quote_name       (const char *name);
/* @names (NULL-terminated), each quoted, with commas between. */
char       *cm_db_quote_names      (const char *const *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDbStmt, cm_db_stmt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDbCopy, cm_db_copy_cancel)

G_END_DECLS
