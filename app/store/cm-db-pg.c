/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg.c: cm-db.h over libpq, for portfolios a team shares on a server */
#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cm-db-backend.h"
#include "cm-db-pg-copy-batch.h"
#include "cm-db-pg-connect.h"
#include "cm-db-pg-dialect.h"
#include "cm-db-pg.h"

/* A writing transaction holds the writers' lock, as SQLite's BEGIN
 * IMMEDIATE holds a file's write lock: the audit chain is appended by one
 * writer at a time. The lock is the row of the trail's head, which only a
 * role that may move the head can lock (FOR UPDATE needs UPDATE on meta):
 * a reader cannot take it and stall every writer, as it could an advisory
 * lock. The advisory lock stands in while there is no head row yet (a
 * portfolio being made, which migration 024 gives one) or no meta table;
 * advisory locks belong to one database, so one key serves every
 * portfolio on a server. (0x436d736e, the application id.) Waiting for
 * either ends after the connection's lock_timeout, as busy. */
#define WRITER_LOCK_KEY "1131246446"
#define WRITER_LOCK_SQL \
  "BEGIN; SELECT pg_advisory_xact_lock (" WRITER_LOCK_KEY ")" \
  " WHERE NOT EXISTS (SELECT FROM meta WHERE key = 'audit_head' FOR UPDATE)"
#define WRITER_LOCK_WITHOUT_META_SQL "BEGIN; SELECT pg_advisory_xact_lock (" WRITER_LOCK_KEY ")"

/* Statements freed are deallocated on the server this many at a time,
 * rather than with a round trip each. */
#define DEALLOCATE_BATCH 16

/* Statements queued in the pipeline before their results are read, so
 * that neither end holds an unbounded backlog. */
#define PIPELINE_BATCH 1024

/* Rows held for COPY are sent once this many bytes of them are held:
 * each batch is one savepoint, and more than 64 of those in a transaction
 * slow every other session's reading of its rows. */
#define COPY_BATCH_BYTES (16 * 1024 * 1024)

/* Or once this many statements' rows are, so that a row the server
 * refuses late is still among those the store can name
 * (cm-deferred-saves.c keeps four batches' worth). */
#define COPY_BATCH_STATEMENTS (1 << 16)

/* Fewer rows than this go as their INSERTs, pipelined: a COPY and its
 * savepoint cost more round trips than they would save. */
#define COPY_BATCH_MIN_ROWS 64

/* PostgreSQL's type oids (catalog/pg_type.h), for the column types. */
enum {
  BOOL_OID = 16,
  INT8_OID = 20,
  INT2_OID = 21,
  INT4_OID = 23,
  FLOAT4_OID = 700,
  FLOAT8_OID = 701,
  NUMERIC_OID = 1700,
  TEXT_OID = 25,
};

typedef struct {
  CmDb parent;
  PGconn *conn;
  char *uri;                 /* as given, for cm_db_pg_uri () */
  CmDbFailure failure;
  char *message;
  char *sqlstate;            /* of the last failure, for cm_db_pg_last_sqlstate () */
  gint64 changes;
  guint64 n_prepared;        /* for the statements' names */
  GPtrArray *to_deallocate;  /* names of statements freed, still on the server */
  /* The statement whose rows are still arriving, one at a time (libpq's
   * single-row mode): an export walks a million rows without holding
   * them. Until they have all arrived the connection can do nothing else. */
  struct _CmDbPgStmt *streaming;
  gboolean streaming_in_transaction; /* whether one was open when it began */
  /* Statements not freed yet: a connection closed before them stays
   * allocated, without its server connection, until the last is freed
   * (as SQLite's sqlite3_close_v2 () does). */
  guint n_statements;
  /* Each connection made again is a new server session, without the
   * statements prepared on the last one: they are prepared again as they
   * are next run. */
  guint generation;
  /* The notifications of the open transaction, as statements sent with
   * its COMMIT: one round trip for both. */
  GString *notes;
  /* While results may wait (cm_db_defer_results ()), INSERTs are queued in
   * libpq's pipeline without a round trip each; the first of them to
   * fail is held, to be reported by the next call that needs the server's
   * answer, as the transaction cannot succeed any more. */
  gboolean defer;
  gboolean pipelined;        /* in pipeline mode */
  guint n_queued;            /* statements sent since the pipeline was last read */
  guint64 n_deferred;        /* statements sent or held since deferring began */
  guint64 n_sent;            /* which of them was last sent in the pipeline */
  /* Single-row INSERTs held while deferring, sent as one COPY per table
   * when a result is needed or enough are held; @batch_first is which of
   * the statements deferred the first of them is. */
  CmDbPgCopyBatch *batch;
  guint64 batch_first;
  /* The rows copied last, kept until the server has taken them: their
   * last COPY is left to run while the next rows are read, and is waited
   * for only when the connection is next needed (@copy_pending). */
  CmDbPgCopyBatch *in_flight;
  guint64 in_flight_first;
  gboolean copy_pending;
  guint64 held_at;           /* which of them failed first, from 1 */
  guint64 failed_at;         /* … once reported */
  CmDbFailure held_failure;
  char *held_message;
  char *held_sqlstate;
} CmDbPg;

typedef struct _CmDbPgStmt {
  CmDbStmt parent;
  CmDbPgStatement *statement;
  char *sql;             /* as the store wrote it */
  char *name;            /* of the prepared statement on the server */
  char **values;         /* bound, as text; NULL for NULL */
  gboolean *owned;       /* which of @values are copies to free */
  PGresult *result;      /* the row stepped to, alone in its result or at @row */
  int row;
  PGresult *description; /* the columns, when asked before running */
  gboolean running;      /* sent to the server, not all its rows stepped through */
  /* Its results read ahead, when another statement needed the connection
   * before it was stepped through. */
  GQueue set_aside;
  guint generation;      /* of the session it was prepared on */
  gboolean deferrable;   /* an INSERT of one row, giving nothing back */
  CmDbPgCopyTarget *copy_target; /* where its rows may be copied, when deferred */
} CmDbPgStmt;

static const CmDbBackend pg_backend;

static CmDbPg *
pg_of (CmDb *db)
{
  return (CmDbPg *) db;
}

static CmDbPgStmt *
stmt_of (CmDbStmt *stmt)
{
  return (CmDbPgStmt *) stmt;
}

/* ---- failures ----------------------------------------------------------- */

static CmDbFailure
failure_of_sqlstate (const char *state)
{
  static const struct {
    const char *prefix;
    CmDbFailure failure;
  } states[] = {
    { "23505", CM_DB_FAILURE_CONSTRAINT_UNIQUE },
    { "23503", CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY },
    { "23", CM_DB_FAILURE_CONSTRAINT },
    { "42501", CM_DB_FAILURE_PERMISSION },
    { "25006", CM_DB_FAILURE_READ_ONLY },
    { "40001", CM_DB_FAILURE_BUSY },
    { "40P01", CM_DB_FAILURE_BUSY },
    { "55P03", CM_DB_FAILURE_BUSY },
    { "08", CM_DB_FAILURE_CONNECTION_LOST },
    { "57014", CM_DB_FAILURE_INTERRUPTED },
    { "57P", CM_DB_FAILURE_CONNECTION_LOST }, /* the server ended the session */
    { "53100", CM_DB_FAILURE_FULL },
    { "42", CM_DB_FAILURE_SQL },
    { "XX001", CM_DB_FAILURE_DAMAGED },
    { "XX002", CM_DB_FAILURE_DAMAGED },
  };

  if (state == NULL)
    return CM_DB_FAILURE_OTHER;
  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_has_prefix (state, states[i].prefix))
      return states[i].failure;
  return CM_DB_FAILURE_OTHER;
}

static void
set_failure (CmDbPg *db, CmDbFailure failure, const char *message)
{
  db->failure = failure;
  g_clear_pointer (&db->sqlstate, g_free); /* record () sets the server's */
  g_free (db->message);
  db->message = g_strchomp (g_strdup (message != NULL ? message : ""));
}

/* Keeps @result's failure, if it is one, as the connection's last; TRUE
 * when @result is a success. */
static gboolean
record (CmDbPg *db, PGresult *result)
{
  switch (result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR)
    {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_SINGLE_TUPLE:
    case PGRES_EMPTY_QUERY: /* comments alone, as SQLite runs them: nothing */
      set_failure (db, CM_DB_FAILURE_NONE, NULL);
      return TRUE;
    default:
      break;
    }
  if (result == NULL || PQstatus (db->conn) == CONNECTION_BAD)
    set_failure (db, CM_DB_FAILURE_CONNECTION_LOST, PQerrorMessage (db->conn));
  else
    {
      set_failure (db, failure_of_sqlstate (PQresultErrorField (result, PG_DIAG_SQLSTATE)),
                   PQresultErrorMessage (result));
      db->sqlstate = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
    }
  return FALSE;
}

/* SQLite's changes () counts rows inserted, updated or deleted, and a
 * SELECT leaves it as it was. */
static void
count_changes (CmDbPg *db, PGresult *result)
{
  const char *command = PQcmdStatus (result);

  if (g_str_has_prefix (command, "INSERT") || g_str_has_prefix (command, "UPDATE") ||
      g_str_has_prefix (command, "DELETE") || g_str_has_prefix (command, "MERGE"))
    db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
}

/* ---- the pipeline ------------------------------------------------------- */

/* Keeps the connection's last failure, of statement @at since deferring
 * began, as the pipeline's first. */
static void
hold_failure (CmDbPg *db, guint64 at)
{
  if (db->held_failure != CM_DB_FAILURE_NONE)
    return;
  db->held_at = at;
  db->held_failure = db->failure;
  db->held_message = g_strdup (db->message);
  db->held_sqlstate = g_strdup (db->sqlstate);
}

/* Reads the results of the statements queued, keeping the first failure;
 * those after it were not run (PGRES_PIPELINE_ABORTED). */
static void
read_pipeline (CmDbPg *db)
{
  guint64 first = db->n_sent - db->n_queued + 1; /* of the first result to come */
  guint n_ends = 0;

  if (!db->pipelined)
    return;
  if (PQpipelineSync (db->conn) != 1)
    {
      record (db, NULL);
      hold_failure (db, first);
      db->n_queued = 0;
      return;
    }
  for (;;)
    {
      PGresult *result = PQgetResult (db->conn);
      ExecStatusType status;

      /* Each statement's results end with NULL; more than one for each
       * statement queued means the connection is gone. */
      if (result == NULL)
        {
          if (++n_ends > db->n_queued || PQstatus (db->conn) == CONNECTION_BAD)
            {
              record (db, NULL);
              hold_failure (db, first + MIN (n_ends, db->n_queued) - 1);
              break;
            }
          continue;
        }
      status = PQresultStatus (result);
      if (status != PGRES_PIPELINE_SYNC && status != PGRES_PIPELINE_ABORTED && !record (db, result))
        hold_failure (db, first + n_ends);
      PQclear (result);
      if (status == PGRES_PIPELINE_SYNC)
        break;
    }
  db->n_queued = 0;
}

/* Answers left unread keep libpq in pipeline mode, where nothing else
 * may run: the session is ended, as a server ending it would be, so that
 * the store connects again (cm-store-watch.c) and the server rolls back
 * the transaction, freeing its locks. */
static void
end_session (CmDbPg *db)
{
  g_autofree char *said = g_strstrip (g_strdup (PQerrorMessage (db->conn)));

  cm_db_pg_connect_hang_up (db->conn);
  /* libpq has often nothing to say yet, not having noticed the hang-up: the
   * reason goes in messages such as "The connection … was lost (%s)". */
  set_failure (db, CM_DB_FAILURE_CONNECTION_LOST,
               *said != '\0' ? said
                              : _("the connection was closed, as the server’s answers could "
                                  "not be read"));
}

/* Reads what the queued statements gave and leaves pipeline mode,
 * keeping the first failure. */
static void
leave_pipeline (CmDbPg *db)
{
  if (!db->pipelined)
    return;
  read_pipeline (db);
  if (!PQexitPipelineMode (db->conn))
    {
      record (db, NULL);
      hold_failure (db, db->n_sent);
      end_session (db);
    }
  db->pipelined = FALSE;
}

static void send_held_rows (CmDbPg *db, gboolean wait);

/* Sends the rows held, reads what the queued statements gave and leaves
 * pipeline mode; FALSE with the first failure as the connection's last,
 * as if the statement that failed had just been run. */
static gboolean
settle (CmDbPg *db)
{
  send_held_rows (db, TRUE);
  leave_pipeline (db);
  if (db->held_failure == CM_DB_FAILURE_NONE)
    return TRUE;
  set_failure (db, db->held_failure, db->held_message);
  db->sqlstate = g_steal_pointer (&db->held_sqlstate);
  db->failed_at = db->held_at;
  db->held_failure = CM_DB_FAILURE_NONE;
  g_clear_pointer (&db->held_message, g_free);
  return FALSE;
}

/* ---- the connection ----------------------------------------------------- */

static void land_in_flight (CmDbPg *db);

/* Waits for the rows copied last, and reads the rest of the rows of the
 * statement still streaming, keeping them with it, so that the connection
 * is free for something else: the store runs statements while it walks
 * the rows of another. */
static void
free_connection (CmDbPg *db)
{
  PGresult *result;

  land_in_flight (db);
  if (db->streaming == NULL)
    return;
  while ((result = PQgetResult (db->conn)) != NULL)
    g_queue_push_tail (&db->streaming->set_aside, result);
  db->streaming = NULL;
}

static gboolean
in_failed_transaction (CmDbPg *db)
{
  return PQtransactionStatus (db->conn) == PQTRANS_INERROR;
}

/* Deallocates the statements freed so far, outside transactions only: a
 * DEALLOCATE that failed would end the store's transaction with it. */
static void
deallocate_freed (CmDbPg *db)
{
  g_autoptr(GString) sql = NULL;

  free_connection (db);
  if (db->to_deallocate->len == 0 || PQtransactionStatus (db->conn) != PQTRANS_IDLE)
    return;
  sql = g_string_new (NULL);
  for (guint i = 0; i < db->to_deallocate->len; i++)
    g_string_append_printf (sql, "DEALLOCATE %s;", (char *) g_ptr_array_index (db->to_deallocate, i));
  PQclear (PQexec (db->conn, sql->str));
  g_ptr_array_set_size (db->to_deallocate, 0);
}

static void
free_db (CmDbPg *db)
{
  cm_db_pg_copy_batch_free (db->batch);
  cm_db_pg_copy_batch_free (db->in_flight);
  g_free (db->held_message);
  g_free (db->held_sqlstate);
  g_ptr_array_unref (db->to_deallocate);
  g_string_free (db->notes, TRUE);
  g_free (db->uri);
  g_free (db->message);
  g_free (db->sqlstate);
  g_free (db);
}

static void
pg_close (CmDb *db)
{
  CmDbPg *pg = pg_of (db);

  g_clear_pointer (&pg->conn, PQfinish);
  pg->streaming = NULL;
  if (pg->n_statements == 0)
    free_db (pg);
}

static gboolean pg_begin (CmDb *db, CmDbTransaction kind);

static gboolean
starts_with_word (const char *sql, const char *word)
{
  const char *start = sql + strspn (sql, " \t\r\n");

  return g_ascii_strncasecmp (start, word, strlen (word)) == 0;
}

/* Runs @sql, keeping its failure; TRUE when it succeeded. A statement
 * queued before it that failed is its failure, but a ROLLBACK still ends
 * the transaction it spoiled. */
static gboolean
run (CmDbPg *db, const char *sql)
{
  PGresult *result;
  gboolean ok;

  free_connection (db);
  if (!settle (db) && !starts_with_word (sql, "ROLLBACK"))
    return FALSE;
  result = PQexec (db->conn, sql);
  ok = record (db, result);

  if (ok)
    count_changes (db, result);
  PQclear (result);
  return ok;
}

static void end_failed_begin (CmDbPg *pg);

static gboolean
is_commit (const char *sql)
{
  return starts_with_word (sql, "COMMIT") || starts_with_word (sql, "END");
}

/* A ROLLBACK of the whole transaction, not to a savepoint. */
static gboolean
is_rollback (const char *sql)
{
  return starts_with_word (sql, "ROLLBACK") &&
         g_regex_match_simple ("^\\s*ROLLBACK(\\s+(WORK|TRANSACTION))?\\s*;?\\s*$", sql,
                               G_REGEX_CASELESS, 0);
}

static void drop_held_rows (CmDbPg *db);

static gboolean
pg_exec (CmDb *db, const char *sql)
{
  CmDbPg *pg = pg_of (db);
  CmDbTransaction kind;
  gboolean failed_before;

  if (cm_db_pg_dialect_begin_kind (sql, &kind))
    return pg_begin (db, kind);
  if (is_rollback (sql))
    drop_held_rows (pg);
  deallocate_freed (pg);
  failed_before = in_failed_transaction (pg);
  if (is_commit (sql) && pg->notes->len > 0 && !failed_before)
    {
      g_autoptr(GString) notes = g_steal_pointer (&pg->notes);

      pg->notes = g_string_new (NULL);
      g_string_append (notes, sql);
      /* A note that fails stops the batch before its COMMIT: end the
       * transaction here, as a COMMIT always does, keeping the reason. */
      if (!run (pg, notes->str))
        {
          end_failed_begin (pg);
          return FALSE;
        }
    }
  else
    {
      /* A transaction that failed or rolled back announces nothing. */
      if (is_commit (sql) || starts_with_word (sql, "ROLLBACK"))
        g_string_truncate (pg->notes, 0);
      if (!run (pg, sql))
        return FALSE;
    }
  /* PostgreSQL ends a transaction that a statement failed in at its
   * COMMIT, undoing it, and calls that a success. */
  if (failed_before && is_commit (sql))
    {
      set_failure (pg, CM_DB_FAILURE_OTHER,
                   _("The changes were not saved, because one of them failed. Try them again."));
      return FALSE;
    }
  return TRUE;
}

/* Ends the transaction a failed BEGIN left open. */
static void
end_failed_begin (CmDbPg *pg)
{
  if (PQtransactionStatus (pg->conn) != PQTRANS_IDLE)
    PQclear (PQexec (pg->conn, "ROLLBACK"));
}

/* Begins writing under the writers' lock; a database without the meta
 * table yet (before the first migration) under the advisory lock alone. */
static gboolean
begin_writing (CmDbPg *pg)
{
  if (run (pg, WRITER_LOCK_SQL))
    return TRUE;
  if (g_strcmp0 (pg->sqlstate, "42P01") != 0)
    return FALSE;
  end_failed_begin (pg);
  return run (pg, WRITER_LOCK_WITHOUT_META_SQL);
}

static gboolean
pg_begin (CmDb *db, CmDbTransaction kind)
{
  CmDbPg *pg = pg_of (db);
  CmDbFailure failure;
  g_autofree char *message = NULL;
  g_autofree char *sqlstate = NULL;
  gboolean begun;

  deallocate_freed (pg);
  g_string_truncate (pg->notes, 0); /* a transaction rolled back sent none */
  /* A writer waits for the writer before it, then reads what that one
   * committed: READ COMMITTED takes a new snapshot for each statement.
   * A reader takes its snapshot at once (the SELECT), as it begins. */
  begun = kind == CM_DB_WRITING
    ? begin_writing (pg)
    : run (pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT 1");
  if (begun)
    return TRUE;
  /* Waiting for the lock ran out, or the role may not write: end what
   * began, keeping why. */
  failure = pg->failure;
  message = g_strdup (pg->message);
  sqlstate = g_steal_pointer (&pg->sqlstate);
  end_failed_begin (pg);
  set_failure (pg, failure, message);
  pg->sqlstate = g_steal_pointer (&sqlstate);
  return FALSE;
}

static gboolean
pg_in_transaction (CmDb *db)
{
  /* results wait only inside a transaction */
  if (pg_of (db)->pipelined || pg_of (db)->copy_pending)
    return TRUE;
  switch (PQtransactionStatus (pg_of (db)->conn))
    {
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      return TRUE;
    case PQTRANS_ACTIVE: /* a statement streams: was a transaction open? */
      return pg_of (db)->streaming_in_transaction;
    default:
      return FALSE;
    }
}

static gint64
pg_changes (CmDb *db)
{
  return pg_of (db)->changes;
}

static CmDbFailure
pg_last_failure (CmDb *db)
{
  return pg_of (db)->failure;
}

static const char *
pg_last_message (CmDb *db)
{
  return pg_of (db)->message;
}

/* ---- statements --------------------------------------------------------- */

/* The parameter PostgreSQL could not give a type to ("$3" in its
 * message), from 1; 0 for any other failure. */
static int
untyped_parameter (PGresult *result)
{
  const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *dollar = message != NULL ? strrchr (message, '$') : NULL;

  if (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P18") != 0 || dollar == NULL)
    return 0;
  return atoi (dollar + 1);
}

/* Prepares @stmt on the server. A value PostgreSQL cannot type from its
 * place ("SELECT ?") is taken as text, as SQLite would store it. Each
 * failure is undone to the savepoint, when @guarded. */
static gboolean
prepare_typing_values (CmDbPg *db, CmDbPgStmt *stmt, gboolean guarded)
{
  int n = stmt->statement->n_params;
  g_autofree Oid *types = g_new0 (Oid, MAX (n, 1));

  for (int attempt = 0; attempt <= n; attempt++)
    {
      PGresult *result = PQprepare (db->conn, stmt->name, stmt->statement->sql, n, types);
      int untyped;

      if (record (db, result))
        {
          PQclear (result);
          return TRUE;
        }
      untyped = untyped_parameter (result);
      PQclear (result);
      if (guarded)
        PQclear (PQexec (db->conn, "ROLLBACK TO SAVEPOINT cm_prepare"));
      if (untyped < 1 || untyped > n || types[untyped - 1] == TEXT_OID)
        return FALSE;
      types[untyped - 1] = TEXT_OID;
    }
  return FALSE;
}

/* A failed prepare ends PostgreSQL's transaction, where SQLite's goes on:
 * inside one, it is tried behind a savepoint. */
static gboolean
prepare_on_server (CmDbPg *db, CmDbPgStmt *stmt)
{
  gboolean guarded;
  gboolean ok;

  free_connection (db);
  if (!settle (db))
    return FALSE;
  guarded = PQtransactionStatus (db->conn) == PQTRANS_INTRANS;
  if (guarded)
    PQclear (PQexec (db->conn, "SAVEPOINT cm_prepare"));
  ok = prepare_typing_values (db, stmt, guarded);
  if (guarded)
    PQclear (PQexec (db->conn, "RELEASE SAVEPOINT cm_prepare"));
  return ok;
}

/* Whether @sql inserts one row and gives nothing back: its changed-row
 * count is known before it runs, so its result may wait. */
static gboolean
is_single_insert (const char *sql)
{
  g_autofree char *lower = g_ascii_strdown (sql, -1);

  return starts_with_word (lower, "insert") && strstr (lower, "returning") == NULL &&
         strstr (lower, "select") == NULL && strstr (lower, "on conflict") == NULL &&
         strstr (lower, "), (") == NULL && strstr (lower, "),(") == NULL;
}

/* Where the rows of @statement may be copied, if it is an INSERT that
 * takes each value once. */
static CmDbPgCopyTarget *
copy_target_of (CmDbPgStatement *statement)
{
  g_autoptr(CmDbPgCopyTarget) target = cm_db_pg_copy_target_of_insert (statement->sql);

  if (target == NULL || target->n_values != statement->n_params)
    return NULL;
  return g_steal_pointer (&target);
}

static CmDbStmt *
pg_prepare (CmDb *db, const char *sql, gboolean persistent)
{
  CmDbPg *pg = pg_of (db);
  CmDbPgStmt *stmt = g_new0 (CmDbPgStmt, 1);

  /* Every statement has a name of its own, persistent or not: the store
   * runs one while it walks the rows of another. */
  stmt->parent.backend = &pg_backend;
  stmt->parent.db = db;
  stmt->statement = cm_db_pg_statement_new (sql);
  stmt->sql = g_strdup (sql);
  stmt->name = g_strdup_printf ("cm_%" G_GUINT64_FORMAT, ++pg->n_prepared);
  stmt->values = g_new0 (char *, MAX (stmt->statement->n_params, 1));
  stmt->owned = g_new0 (gboolean, MAX (stmt->statement->n_params, 1));
  stmt->deferrable = is_single_insert (sql);
  if (stmt->deferrable)
    stmt->copy_target = copy_target_of (stmt->statement);
  pg->n_statements++;
  if (pg->to_deallocate->len >= DEALLOCATE_BATCH)
    deallocate_freed (pg);
  stmt->generation = pg->generation;
  if (!prepare_on_server (pg, stmt))
    {
      g_clear_pointer (&stmt->name, g_free);
      cm_db_stmt_free (&stmt->parent);
      return NULL;
    }
  return &stmt->parent;
}

/* Prepares @stmt again on a connection made since it was prepared. */
static gboolean
ensure_prepared (CmDbPg *db, CmDbPgStmt *stmt)
{
  if (stmt->generation == db->generation)
    return TRUE;
  if (!prepare_on_server (db, stmt))
    return FALSE;
  stmt->generation = db->generation;
  return TRUE;
}

static void
clear_values (CmDbPgStmt *stmt)
{
  for (int i = 0; i < stmt->statement->n_params; i++)
    {
      if (stmt->owned[i])
        g_free (stmt->values[i]);
      stmt->values[i] = NULL;
      stmt->owned[i] = FALSE;
    }
}

/* Stops @stmt's run: its rows not stepped to are read and dropped. */
static void
end_run (CmDbPgStmt *stmt)
{
  CmDbPg *db = pg_of (stmt->parent.db);
  PGresult *result;

  if (db->streaming == stmt && db->conn != NULL)
    {
      while ((result = PQgetResult (db->conn)) != NULL)
        PQclear (result);
      db->streaming = NULL;
    }
  g_queue_clear_full (&stmt->set_aside, (GDestroyNotify) PQclear);
  stmt->running = FALSE;
}

static void
pg_stmt_reset (CmDbStmt *stmt)
{
  CmDbPgStmt *self = stmt_of (stmt);

  end_run (self);
  g_clear_pointer (&self->result, PQclear);
  clear_values (self);
}

static void
pg_stmt_free (CmDbStmt *stmt)
{
  CmDbPgStmt *self = stmt_of (stmt);

  CmDbPg *db = pg_of (stmt->db);

  pg_stmt_reset (stmt);
  g_clear_pointer (&self->description, PQclear);
  /* A statement prepared on an earlier connection is gone with it. */
  if (self->name != NULL && self->generation == db->generation)
    g_ptr_array_add (db->to_deallocate, g_steal_pointer (&self->name));
  g_free (self->name);
  cm_db_pg_statement_free (self->statement);
  cm_db_pg_copy_target_free (self->copy_target);
  g_free (self->values);
  g_free (self->owned);
  g_free (self->sql);
  g_free (self);
  if (--db->n_statements == 0 && db->conn == NULL)
    free_db (db);
}

static const char *
pg_stmt_sql (CmDbStmt *stmt)
{
  return stmt_of (stmt)->sql;
}

/* Sends @stmt with its values, its rows to come one at a time. */
static gboolean
send (CmDbPgStmt *stmt)
{
  CmDbPg *db = pg_of (stmt->parent.db);

  if (!ensure_prepared (db, stmt))
    return FALSE;
  free_connection (db);
  if (!settle (db))
    return FALSE;
  db->streaming_in_transaction = PQtransactionStatus (db->conn) != PQTRANS_IDLE;
  if (!PQsendQueryPrepared (db->conn, stmt->name, stmt->statement->n_params,
                            (const char *const *) stmt->values, NULL, NULL, 0))
    {
      record (db, NULL);
      return FALSE;
    }
  /* Refused, the rows come in one result, which pg_step () walks. */
  if (!PQsetSingleRowMode (db->conn))
    g_debug ("PostgreSQL: rows of “%s” come all at once", stmt->sql);
  db->streaming = stmt;
  stmt->running = TRUE;
  return TRUE;
}

/* @stmt's next result: one set aside, or the next from the server. */
static PGresult *
next_result (CmDbPgStmt *stmt)
{
  CmDbPg *db = pg_of (stmt->parent.db);

  if (!g_queue_is_empty (&stmt->set_aside))
    return g_queue_pop_head (&stmt->set_aside);
  return db->streaming == stmt ? PQgetResult (db->conn) : NULL;
}

/* Whether @result holds rows: one, or all of them when single-row mode
 * was refused. */
static gboolean
has_rows (PGresult *result)
{
  switch (result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR)
    {
    case PGRES_SINGLE_TUPLE:
      return TRUE;
    case PGRES_TUPLES_OK:
      return PQntuples (result) > 0;
    default:
      return FALSE;
    }
}

/* Whether @stmt may be queued rather than waited for. */
static gboolean
may_queue (CmDbPg *db, CmDbPgStmt *stmt)
{
  return db->defer && stmt->deferrable && !stmt->running &&
         (db->pipelined || db->copy_pending ||
          PQtransactionStatus (db->conn) == PQTRANS_INTRANS);
}

static gboolean
enter_pipeline (CmDbPg *db)
{
  if (db->pipelined)
    return TRUE;
  free_connection (db);
  if (!PQenterPipelineMode (db->conn))
    {
      record (db, NULL);
      return FALSE;
    }
  db->pipelined = TRUE;
  return TRUE;
}

/* Sends the statement prepared as @name in the pipeline, as statement
 * @at of those deferred. */
static gboolean
send_queued (CmDbPg *db, const char *name, int n_values, const char *const *values,
             guint64 at)
{
  if (!enter_pipeline (db) ||
      !PQsendQueryPrepared (db->conn, name, n_values, values, NULL, NULL, 0))
    {
      record (db, NULL);
      return FALSE;
    }
  db->n_sent = at;
  if (++db->n_queued >= PIPELINE_BATCH)
    read_pipeline (db);
  return TRUE;
}

/* The step of a statement whose result waits. */
static CmDbStep
deferred_done (CmDbPg *db)
{
  set_failure (db, CM_DB_FAILURE_NONE, NULL);
  db->changes = 1;
  return CM_DB_DONE;
}

/* Sends @stmt in the pipeline, its result read later, after the rows held
 * before it. Once one queued has failed, nothing more is sent: the
 * transaction will fail with it. */
static CmDbStep
queue (CmDbPg *db, CmDbPgStmt *stmt)
{
  if (!ensure_prepared (db, stmt))
    return CM_DB_FAILED;
  send_held_rows (db, TRUE);
  if (db->held_failure == CM_DB_FAILURE_NONE)
    {
      if (!send_queued (db, stmt->name, stmt->statement->n_params,
                        (const char *const *) stmt->values, db->n_deferred + 1))
        return CM_DB_FAILED;
      db->n_deferred++;
    }
  return deferred_done (db);
}

/* Holds @stmt's row for the COPY of its table, as queue () would send it. */
static CmDbStep
hold_row (CmDbPg *db, CmDbPgStmt *stmt)
{
  if (!ensure_prepared (db, stmt))
    return CM_DB_FAILED;
  if (db->held_failure == CM_DB_FAILURE_NONE)
    {
      if (db->batch == NULL)
        db->batch = cm_db_pg_copy_batch_new ();
      if (cm_db_pg_copy_batch_n_rows (db->batch) == 0)
        db->batch_first = db->n_deferred + 1;
      cm_db_pg_copy_batch_add (db->batch, stmt->name, stmt->copy_target,
                               (const char *const *) stmt->values);
      db->n_deferred++;
      if (cm_db_pg_copy_batch_size (db->batch) >= COPY_BATCH_BYTES ||
          cm_db_pg_copy_batch_n_rows (db->batch) >= COPY_BATCH_STATEMENTS)
        send_held_rows (db, FALSE);
    }
  return deferred_done (db);
}

static CmDbStep
pg_step (CmDbStmt *stmt)
{
  CmDbPgStmt *self = stmt_of (stmt);
  CmDbPg *db = pg_of (stmt->db);
  PGresult *result;
  gboolean ok;

  if (self->result == NULL && may_queue (db, self))
    return self->copy_target != NULL ? hold_row (db, self) : queue (db, self);

  if (self->result != NULL && PQresultStatus (self->result) == PGRES_TUPLES_OK)
    {
      /* rows that came all at once: the result ends the run, once walked */
      if (++self->row < PQntuples (self->result))
        return CM_DB_ROW;
      result = g_steal_pointer (&self->result);
    }
  else
    {
      g_clear_pointer (&self->result, PQclear);
      /* As in SQLite, a step after the last runs the statement again. */
      if (!self->running && !send (self))
        return CM_DB_FAILED;
      result = next_result (self);
      if (has_rows (result))
        {
          self->result = result;
          self->row = 0;
          return CM_DB_ROW;
        }
    }
  ok = record (db, result);
  if (ok)
    count_changes (db, result);
  PQclear (result);
  end_run (self);
  return ok ? CM_DB_DONE : CM_DB_FAILED;
}

static int
pg_bind_count (CmDbStmt *stmt)
{
  return stmt_of (stmt)->statement->n_params;
}

static int
pg_bind_index (CmDbStmt *stmt, const char *name)
{
  return cm_db_pg_statement_index (stmt_of (stmt)->statement, name);
}

static void
bind (CmDbStmt *stmt, int index, char *text, gboolean owned)
{
  CmDbPgStmt *self = stmt_of (stmt);

  if (index < 1 || index > self->statement->n_params)
    {
      if (owned)
        g_free (text);
      return;
    }
  if (self->owned[index - 1])
    g_free (self->values[index - 1]);
  self->values[index - 1] = text;
  self->owned[index - 1] = owned;
}

static void
pg_bind_null (CmDbStmt *stmt, int index)
{
  bind (stmt, index, NULL, FALSE);
}

static void
pg_bind_int64 (CmDbStmt *stmt, int index, gint64 value)
{
  bind (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), TRUE);
}

static void
pg_bind_double (CmDbStmt *stmt, int index, double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* Seventeen digits give back the very same double. */
  bind (stmt, index, g_strdup (g_ascii_formatd (text, sizeof text, "%.17g", value)), TRUE);
}

static void
pg_bind_text (CmDbStmt *stmt, int index, const char *text, gboolean copy)
{
  bind (stmt, index, copy ? g_strdup (text) : (char *) text, copy);
}

/* What says which columns @stmt gives: its rows, or before it runs the
 * server's description of it. */
static PGresult *
columns_of (CmDbPgStmt *stmt)
{
  if (stmt->result != NULL)
    return stmt->result;
  if (stmt->description == NULL)
    {
      CmDbPg *db = pg_of (stmt->parent.db);

      if (!ensure_prepared (db, stmt))
        return NULL;
      free_connection (db);
      if (!settle (db))
        return NULL;
      stmt->description = PQdescribePrepared (db->conn, stmt->name);
      if (!record (db, stmt->description))
        g_clear_pointer (&stmt->description, PQclear);
    }
  return stmt->description;
}

static int
pg_column_count (CmDbStmt *stmt)
{
  PGresult *columns = columns_of (stmt_of (stmt));

  return columns != NULL ? PQnfields (columns) : 0;
}

static const char *
pg_column_name (CmDbStmt *stmt, int column)
{
  PGresult *columns = columns_of (stmt_of (stmt));

  return columns != NULL ? PQfname (columns, column) : NULL;
}

/* Whether @column of the current row holds a value. */
static gboolean
has_value (CmDbPgStmt *stmt, int column)
{
  return stmt->result != NULL && column >= 0 && column < PQnfields (stmt->result) &&
         !PQgetisnull (stmt->result, stmt->row, column);
}

static CmDbType
pg_column_type (CmDbStmt *stmt, int column)
{
  CmDbPgStmt *self = stmt_of (stmt);

  if (!has_value (self, column))
    return CM_DB_NULL;
  switch (PQftype (self->result, column))
    {
    case INT2_OID:
    case INT4_OID:
    case INT8_OID:
    case BOOL_OID: /* SQLite's truth values are 1 and 0 */
      return CM_DB_INTEGER;
    case FLOAT4_OID:
    case FLOAT8_OID:
    case NUMERIC_OID:
      return CM_DB_FLOAT;
    default:
      return CM_DB_TEXT;
    }
}

static const char *
pg_column_text (CmDbStmt *stmt, int column)
{
  CmDbPgStmt *self = stmt_of (stmt);

  return has_value (self, column) ? PQgetvalue (self->result, self->row, column) : NULL;
}

static double
pg_column_double (CmDbStmt *stmt, int column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (stmt_of (stmt)->result, column) == BOOL_OID)
    return *text == 't';
  return g_ascii_strtod (text, NULL);
}

static gint64
pg_column_int64 (CmDbStmt *stmt, int column)
{
  const char *text = pg_column_text (stmt, column);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return 0;
  if (PQftype (stmt_of (stmt)->result, column) == BOOL_OID)
    return *text == 't';
  value = g_ascii_strtoll (text, &end, 10);
  /* A fraction or exponent: SQLite truncates a double towards zero. */
  if (*end != '\0' && strchr (".eEIN", *end) != NULL)
    {
      double whole = pg_column_double (stmt, column);

      /* beyond the range, SQLite gives the nearest end of it */
      if (whole >= 9223372036854775807.0)
        return G_MAXINT64;
      if (whole <= -9223372036854775808.0)
        return G_MININT64;
      return isnan (whole) ? 0 : (gint64) whole;
    }
  return value;
}

/* ---- notifications and new sessions ----------------------------------- */

static gboolean
pg_notify (CmDb *db, const char *channel, const char *payload)
{
  CmDbPg *pg = pg_of (db);
  const char *values[] = { channel, payload };
  char *channel_literal, *payload_literal;
  PGresult *result;
  gboolean ok;

  free_connection (pg);
  if (pg->pipelined || PQtransactionStatus (pg->conn) == PQTRANS_INTRANS)
    {
      /* Literals, as a COMMIT sent with them takes no values. */
      channel_literal = PQescapeLiteral (pg->conn, channel, strlen (channel));
      payload_literal = PQescapeLiteral (pg->conn, payload, strlen (payload));
      ok = channel_literal != NULL && payload_literal != NULL;
      if (ok)
        g_string_append_printf (pg->notes, "SELECT pg_notify (%s, %s); ", channel_literal,
                                payload_literal);
      else
        record (pg, NULL);
      PQfreemem (channel_literal);
      PQfreemem (payload_literal);
      return ok;
    }
  if (!settle (pg))
    return FALSE;
  result = PQexecParams (pg->conn, "SELECT pg_notify ($1, $2)", 2, NULL, values, NULL, NULL, 0);
  ok = record (pg, result);
  PQclear (result);
  return ok;
}

static gboolean
pg_listen (CmDb *db, const char *channel)
{
  CmDbPg *pg = pg_of (db);
  char *name = PQescapeIdentifier (pg->conn, channel, strlen (channel));
  g_autofree char *sql = NULL;

  if (name == NULL)
    {
      record (pg, NULL);
      return FALSE;
    }
  sql = g_strdup_printf ("LISTEN %s", name);
  PQfreemem (name);
  return run (pg, sql);
}

static int
pg_socket (CmDb *db)
{
  return PQsocket (pg_of (db)->conn);
}

static GPtrArray *
pg_take_notifications (CmDb *db, const char *channel)
{
  CmDbPg *pg = pg_of (db);
  GPtrArray *payloads;
  PGnotify *note;

  /* libpq keeps the notifications that arrive while statements run, for
   * PQnotifies () to hand out here; reading more input waits while a
   * statement's rows are still coming, which come first. */
  if (pg->streaming == NULL && !PQconsumeInput (pg->conn))
    record (pg, NULL);
  if (PQstatus (pg->conn) == CONNECTION_BAD)
    {
      set_failure (pg, CM_DB_FAILURE_CONNECTION_LOST, PQerrorMessage (pg->conn));
      return NULL;
    }
  payloads = g_ptr_array_new_with_free_func (g_free);
  while ((note = PQnotifies (pg->conn)) != NULL)
    {
      if (note->be_pid != PQbackendPID (pg->conn) && g_strcmp0 (note->relname, channel) == 0)
        g_ptr_array_add (payloads, g_strdup (note->extra));
      PQfreemem (note);
    }
  return payloads;
}

static void log_notice (void *data, const char *message);

/* @conn, a new session, takes the lost one's place. */
static void
take_session (CmDbPg *pg, PGconn *conn)
{
  PQfinish (pg->conn);
  pg->conn = conn;
  PQsetNoticeProcessor (pg->conn, log_notice, NULL);
  pg->streaming = NULL;
  pg->pipelined = FALSE; /* what was queued went with the lost session */
  pg->n_queued = 0;
  if (pg->batch != NULL)
    cm_db_pg_copy_batch_clear (pg->batch);
  if (pg->in_flight != NULL)
    cm_db_pg_copy_batch_clear (pg->in_flight);
  pg->copy_pending = FALSE;
  pg->held_failure = CM_DB_FAILURE_NONE;
  g_clear_pointer (&pg->held_message, g_free);
  g_clear_pointer (&pg->held_sqlstate, g_free);
  pg->generation++;
  g_ptr_array_set_size (pg->to_deallocate, 0);
  g_string_truncate (pg->notes, 0);
  set_failure (pg, CM_DB_FAILURE_NONE, NULL);
}

/* ---- loading many rows: COPY ... FROM STDIN ----------------------------- */

/* Rows are sent once this much of them is held. */
#define COPY_CHUNK (256 * 1024)

typedef struct {
  CmDbCopy parent;
  char *table;      /* quoted, for moving its sequences on */
  char **values;    /* the row's, in COPY's text form; NULL for NULL */
  GString *pending; /* rows not sent yet */
  gboolean failed;
} CmDbPgCopy;

static CmDbPgCopy *
copy_of (CmDbCopy *copy)
{
  return (CmDbPgCopy *) copy;
}

static char *
copy_statement (const char *quoted_table, const char *const *columns)
{
  g_autofree char *quoted_columns = cm_db_quote_names (columns);

  return g_strdup_printf ("COPY %s (%s) FROM STDIN", quoted_table, quoted_columns);
}

static CmDbCopy *
pg_copy_begin (CmDb *db, const char *table, const char *const *columns)
{
  CmDbPg *pg = pg_of (db);
  g_autofree char *quoted = cm_db_quote_name (table);
  g_autofree char *sql = copy_statement (quoted, columns);
  PGresult *result;
  CmDbPgCopy *copy;

  deallocate_freed (pg);
  if (!settle (pg))
    return NULL;
  result = PQexec (pg->conn, sql);
  if (result == NULL || PQresultStatus (result) != PGRES_COPY_IN)
    {
      record (pg, result);
      PQclear (result);
      return NULL;
    }
  PQclear (result);
  copy = g_new0 (CmDbPgCopy, 1);
  copy->parent.backend = &pg_backend;
  copy->parent.db = db;
  copy->parent.n_columns = g_strv_length ((char **) columns);
  copy->table = g_steal_pointer (&quoted);
  copy->values = g_new0 (char *, copy->parent.n_columns + 1);
  copy->pending = g_string_sized_new (COPY_CHUNK + 4096);
  return &copy->parent;
}

static void
set_copy_value (CmDbCopy *copy, int index, char *text)
{
  CmDbPgCopy *self = copy_of (copy);

  if (index < 1 || index > copy->n_columns)
    {
      g_free (text);
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = text;
}

static void
pg_copy_null (CmDbCopy *copy, int index)
{
  set_copy_value (copy, index, NULL);
}

static void
pg_copy_int64 (CmDbCopy *copy, int index, gint64 value)
{
  set_copy_value (copy, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_copy_double (CmDbCopy *copy, int index, double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* As bound to a statement: seventeen digits give back the same double. */
  set_copy_value (copy, index, g_strdup (g_ascii_formatd (text, sizeof text, "%.17g", value)));
}

static void
pg_copy_text (CmDbCopy *copy, int index, const char *text)
{
  set_copy_value (copy, index, g_strdup (text));
}

/* Sends the rows held, keeping the first failure. */
static gboolean
send_pending (CmDbPgCopy *self)
{
  CmDbPg *db = pg_of (self->parent.db);

  if (self->failed || self->pending->len == 0)
    return !self->failed;
  if (PQputCopyData (db->conn, self->pending->str, self->pending->len) != 1)
    {
      set_failure (db, CM_DB_FAILURE_CONNECTION_LOST, PQerrorMessage (db->conn));
      self->failed = TRUE;
    }
  g_string_truncate (self->pending, 0);
  return !self->failed;
}

static gboolean
pg_copy_row (CmDbCopy *copy)
{
  CmDbPgCopy *self = copy_of (copy);

  for (int i = 0; i < copy->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (self->pending, '\t');
      cm_db_pg_copy_append_value (self->pending, self->values[i]);
      g_clear_pointer (&self->values[i], g_free);
    }
  g_string_append_c (self->pending, '\n');
  if (self->pending->len >= COPY_CHUNK)
    return send_pending (self);
  return !self->failed;
}

/* Moves every sequence of @table's columns (serial or identity) past the
 * largest value loaded, so that the rows added next take new numbers. */
static gboolean
advance_sequences (CmDbPg *db, const char *quoted_table)
{
  char *literal = PQescapeLiteral (db->conn, quoted_table, strlen (quoted_table));
  g_autofree char *sql = NULL;

  if (literal == NULL)
    return FALSE;
  sql = g_strdup_printf (
    "DO $cm$ DECLARE c record; BEGIN"
    " FOR c IN SELECT a.attname, pg_get_serial_sequence (%1$s, a.attname) AS sequence"
    "  FROM pg_attribute a WHERE a.attrelid = %1$s::regclass AND a.attnum > 0"
    "  AND NOT a.attisdropped LOOP"
    "  IF c.sequence IS NOT NULL THEN"
    "   EXECUTE format ('SELECT setval (%%L, coalesce ((SELECT max (%%I) FROM %%s), 0) + 1, false)',"
    "                   c.sequence, c.attname, %1$s);"
    "  END IF;"
    " END LOOP; END $cm$", literal);
  PQfreemem (literal);
  return run (db, sql);
}

/* The end of the copy: the server's verdict on every row. */
static gboolean
finish_copy (CmDbPg *db, gboolean keep)
{
  PGresult *result;
  gboolean ok;

  if (PQputCopyEnd (db->conn, keep ? NULL : "cancelled") != 1)
    {
      set_failure (db, CM_DB_FAILURE_CONNECTION_LOST, PQerrorMessage (db->conn));
      while ((result = PQgetResult (db->conn)) != NULL)
        PQclear (result);
      return FALSE;
    }
  result = PQgetResult (db->conn);
  ok = record (db, result);
  if (ok)
    count_changes (db, result);
  PQclear (result);
  while ((result = PQgetResult (db->conn)) != NULL)
    PQclear (result);
  return ok;
}

static gboolean
pg_copy_end (CmDbCopy *copy, gboolean keep)
{
  CmDbPgCopy *self = copy_of (copy);
  CmDbPg *db = pg_of (copy->db);
  gboolean ok = keep && send_pending (self);

  if (db->conn != NULL)
    {
      /* A failure met on the way is the one to keep. */
      g_autofree char *message = self->failed ? g_strdup (db->message) : NULL;
      CmDbFailure failure = db->failure;

      ok = finish_copy (db, ok) && ok;
      if (self->failed)
        set_failure (db, failure, message);
      if (ok)
        ok = advance_sequences (db, self->table);
    }
  for (int i = 0; i < copy->n_columns; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_string_free (self->pending, TRUE);
  g_free (self->table);
  g_free (self);
  return keep && ok;
}

/* ---- single-row INSERTs held, sent as one COPY per table --------------- */

/* Sends the rows of @batch, the first of them statement @first of those
 * deferred, as their INSERTs, in the pipeline as queue () would have sent
 * them: the first to fail is named as it would have been. */
static void
queue_held_rows (CmDbPg *db, CmDbPgCopyBatch *batch, guint64 first)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint n_rows = cm_db_pg_copy_batch_n_rows (batch);

  for (guint i = 0; i < n_rows && db->held_failure == CM_DB_FAILURE_NONE; i++)
    {
      const char *name = cm_db_pg_copy_batch_row (batch, i, values);

      if (!send_queued (db, name, values->len, (const char *const *) values->pdata, first + i))
        hold_failure (db, first + i);
    }
}

/* Runs @sql, whose result is not needed, keeping a failure. */
static gboolean
run_quietly (CmDbPg *db, const char *sql)
{
  PGresult *result = PQexec (db->conn, sql);
  gboolean ok = record (db, result);

  PQclear (result);
  return ok;
}

/* The tables' references, as pairs of names (referencing, referenced). */
static GPtrArray *
references_between_tables (CmDbPg *db)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  PGresult *result = PQexec (db->conn,
                             "SELECT conrelid::regclass::text, confrelid::regclass::text"
                             " FROM pg_constraint WHERE contype = 'f'");

  if (record (db, result))
    for (int row = 0; row < PQntuples (result); row++)
      {
        g_ptr_array_add (pairs, g_strdup (PQgetvalue (result, row, 0)));
        g_ptr_array_add (pairs, g_strdup (PQgetvalue (result, row, 1)));
      }
  PQclear (result);
  return pairs;
}

/* Sends the rows of @part in a COPY; its verdict is read by
 * finish_copy_sent (). */
static gboolean
start_copy (CmDbPg *db, gconstpointer part)
{
  gsize length;
  const char *data = cm_db_pg_copy_part_data (part, &length);
  PGresult *result = PQexec (db->conn, cm_db_pg_copy_part_sql (part));

  if (result == NULL || PQresultStatus (result) != PGRES_COPY_IN)
    {
      record (db, result);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  if (PQputCopyData (db->conn, data, length) == 1 && PQputCopyEnd (db->conn, NULL) == 1)
    return TRUE;
  record (db, NULL);
  while ((result = PQgetResult (db->conn)) != NULL)
    PQclear (result);
  return FALSE;
}

/* The server's verdict on the COPY sent last. */
static gboolean
finish_copy_sent (CmDbPg *db)
{
  PGresult *result = PQgetResult (db->conn);
  gboolean ok = record (db, result);

  PQclear (result);
  while ((result = PQgetResult (db->conn)) != NULL)
    PQclear (result);
  return ok;
}

static void
undo_copies (CmDbPg *db)
{
  run_quietly (db, "ROLLBACK TO SAVEPOINT cm_copy_rows; RELEASE SAVEPOINT cm_copy_rows");
}

/* Copies the rows held, a table after those it references, behind a
 * savepoint, leaving the last COPY to run (land_in_flight ()); FALSE,
 * with nothing of them written, when an earlier one failed. */
static gboolean
copy_held_rows (CmDbPg *db)
{
  g_autoptr(GPtrArray) references = NULL;
  GPtrArray *parts;

  if (!run_quietly (db, "SAVEPOINT cm_copy_rows"))
    return FALSE;
  references = references_between_tables (db);
  parts = cm_db_pg_copy_batch_parts (db->batch, references);
  for (guint i = 0; i < parts->len; i++)
    if (!start_copy (db, parts->pdata[i]) || (i + 1 < parts->len && !finish_copy_sent (db)))
      {
        undo_copies (db);
        return FALSE;
      }
  return TRUE;
}

/* Waits for the server to take the rows copied last. A COPY names no
 * row the way its INSERT would, nor fails at the same one when several
 * would fail: when it fails, the rows are sent again as their INSERTs,
 * whose first failure is the one reported. */
static void
land_in_flight (CmDbPg *db)
{
  if (!db->copy_pending)
    return;
  db->copy_pending = FALSE;
  if (!finish_copy_sent (db) || !run_quietly (db, "RELEASE SAVEPOINT cm_copy_rows"))
    {
      undo_copies (db);
      queue_held_rows (db, db->in_flight, db->in_flight_first);
    }
  cm_db_pg_copy_batch_clear (db->in_flight);
}

/* Drops the rows held, and those of a COPY in flight once the server has
 * taken them, without sending them again: the ROLLBACK to come undoes
 * them all, whether they would fail or not. */
static void
drop_held_rows (CmDbPg *db)
{
  if (db->batch != NULL)
    cm_db_pg_copy_batch_clear (db->batch);
  if (!db->copy_pending)
    return;
  db->copy_pending = FALSE;
  finish_copy_sent (db);
  cm_db_pg_copy_batch_clear (db->in_flight);
}

/* Sends the rows held, after the statements queued before them: a few
 * as INSERTs, more as COPY, whose end is waited for only when @wait. */
static void
send_held_rows (CmDbPg *db, gboolean wait)
{
  guint n_rows = db->batch != NULL ? cm_db_pg_copy_batch_n_rows (db->batch) : 0;
  CmDbPgCopyBatch *sent;

  free_connection (db);
  if (n_rows == 0)
    return;
  if (n_rows >= COPY_BATCH_MIN_ROWS)
    {
      leave_pipeline (db);
      if (db->held_failure == CM_DB_FAILURE_NONE && copy_held_rows (db))
        {
          /* The batch in flight has landed: its rows are free to hold
           * the next. */
          sent = db->batch;
          db->batch = db->in_flight != NULL ? db->in_flight : cm_db_pg_copy_batch_new ();
          db->in_flight = sent;
          db->in_flight_first = db->batch_first;
          db->copy_pending = TRUE;
          if (wait)
            land_in_flight (db);
          return;
        }
    }
  queue_held_rows (db, db->batch, db->batch_first);
  cm_db_pg_copy_batch_clear (db->batch);
}

static gboolean
pg_defer_results (CmDb *db, gboolean defer)
{
  CmDbPg *pg = pg_of (db);

  if (defer && !pg->defer)
    pg->n_deferred = pg->failed_at = 0;
  pg->defer = defer;
  return defer || settle (pg);
}

static guint64
pg_deferred (CmDb *db, guint64 *failed_at)
{
  *failed_at = pg_of (db)->failed_at;
  return pg_of (db)->n_deferred;
}

static const CmDbBackend pg_backend = {
  .engine = CM_DB_ENGINE_POSTGRESQL,
  .defer_results = pg_defer_results,
  .deferred = pg_deferred,
  .close = pg_close,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .begin = pg_begin,
  .in_transaction = pg_in_transaction,
  .changes = pg_changes,
  .last_failure = pg_last_failure,
  .last_message = pg_last_message,
  .notify = pg_notify,
  .listen = pg_listen,
  .socket = pg_socket,
  .take_notifications = pg_take_notifications,
  .stmt_free = pg_stmt_free,
  .stmt_sql = pg_stmt_sql,
  .stmt_reset = pg_stmt_reset,
  .step = pg_step,
  .bind_count = pg_bind_count,
  .bind_index = pg_bind_index,
  .bind_null = pg_bind_null,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
  .column_type = pg_column_type,
  .column_text = pg_column_text,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .copy_begin = pg_copy_begin,
  .copy_null = pg_copy_null,
  .copy_int64 = pg_copy_int64,
  .copy_double = pg_copy_double,
  .copy_text = pg_copy_text,
  .copy_row = pg_copy_row,
  .copy_end = pg_copy_end,
};

/* The server's notices ("table … does not exist, skipping") are for
 * someone reading a log, not for the terminal. */
static void
log_notice (void *data, const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

CmDb *
cm_db_pg_connect (const char *uri, GError **error)
{
  PGconn *conn = cm_db_pg_connect_server (uri, error);
  CmDbPg *db;

  if (conn == NULL)
    return NULL;
  db = g_new0 (CmDbPg, 1);
  db->parent.backend = &pg_backend;
  db->conn = conn;
  db->uri = g_strdup (uri);
  PQsetNoticeProcessor (conn, log_notice, NULL);
  db->to_deallocate = g_ptr_array_new_with_free_func (g_free);
  db->notes = g_string_new (NULL);
  return &db->parent;
}

void
cm_db_pg_take_session (CmDb *db, CmDb *fresh)
{
  CmDbPg *pg = pg_of (db);
  CmDbPg *from = pg_of (fresh);

  g_return_if_fail (db->backend == &pg_backend && fresh->backend == &pg_backend);

  /* Names prepared on @fresh's session stay taken there. */
  pg->n_prepared = MAX (pg->n_prepared, from->n_prepared);
  take_session (pg, g_steal_pointer (&from->conn));
  cm_db_close (fresh);
}

const char *
cm_db_pg_uri (CmDb *db)
{
  g_return_val_if_fail (db->backend == &pg_backend, NULL);
  return ((CmDbPg *) db)->uri;
}

const char *
cm_db_pg_last_sqlstate (CmDb *db)
{
  g_return_val_if_fail (db->backend == &pg_backend, NULL);
  return ((CmDbPg *) db)->sqlstate;
}
