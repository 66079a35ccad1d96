/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit.c: the tamper-evident audit trail */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit.h"
#include "cm-audit-hash.h"
#include "cm-db-sqlite.h"

G_DEFINE_QUARK (cm-audit-error-quark, cm_audit_error)

/* The first row hashed with the second format; migration 014 writes it. */
#define FORMAT_2_FROM_KEY "audit_format_2_from"

static gboolean
sql_failed (CmDb *db, GError **error)
{
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_SQL,
               _("The audit trail could not be read or written: %s"), cm_db_last_message (db));
  return FALSE;
}

/* The statements that append a row, prepared once per portfolio: a large
 * import appends a million rows, and preparing them each time would take
 * longer than writing them. */
struct _CmAuditLog
{
  CmDb *db;
  CmDbStmt *read_head;
  CmDbStmt *stored_head;
  CmDbStmt *next_seq;
  CmDbStmt *insert;
  CmDbStmt *write_head;
  CmDbStmt *row_hash;
  CmAuditHash *hasher;  /* made on the first row appended */

  /* Inside a transaction the head is kept here and written to meta once,
   * before the commit, rather than read and written again for every row. */
  gboolean holding;
  gboolean known;       /* seq and hash below are the trail's head */
  gboolean appended;    /* rows were appended since the transaction began */
  gint64 seq;           /* the newest row's number */
  char *hash;           /* and the hash the next row chains from */
  gint64 start_seq;     /* the head as the transaction found it */
  char *start_hash;
};

CmAuditLog *
cm_audit_log_new (CmDb *db)
{
  CmAuditLog *log = g_new0 (CmAuditLog, 1);

  log->db = db;
  return log;
}

void
cm_audit_log_free (CmAuditLog *log)
{
  if (log == NULL)
    return;
  cm_db_stmt_free (log->read_head);
  cm_db_stmt_free (log->stored_head);
  cm_db_stmt_free (log->next_seq);
  cm_db_stmt_free (log->insert);
  cm_db_stmt_free (log->write_head);
  cm_db_stmt_free (log->row_hash);
  cm_audit_hash_free (log->hasher);
  g_free (log->hash);
  g_free (log->start_hash);
  g_free (log);
}

/* Prepared on first use, since the tables exist only once migrated. */
static CmDbStmt *
prepared (CmAuditLog *log, CmDbStmt **stmt, const char *sql, GError **error)
{
  if (*stmt == NULL && (*stmt = cm_db_prepare_persistent (log->db, sql)) == NULL)
    {
      sql_failed (log->db, error);
      return NULL;
    }
  return *stmt;
}

static char *
read_head (CmAuditLog *log, GError **error)
{
  CmDbStmt *stmt = prepared (log, &log->read_head,
                             "SELECT value FROM meta WHERE key = 'audit_head'", error);
  char *head = NULL;

  if (stmt == NULL)
    return NULL;
  head = g_strdup (cm_db_step (stmt) == CM_DB_ROW ? cm_db_column_text (stmt, 0)
                                                  : CM_AUDIT_GENESIS_HASH);
  cm_db_stmt_reset (stmt);
  return head;
}

/* The number the next row takes: rows are numbered without gaps. */
static gboolean
next_seq (CmAuditLog *log, gint64 *seq, GError **error)
{
  CmDbStmt *stmt = prepared (log, &log->next_seq,
                             "SELECT coalesce(max(id), 0) + 1 FROM audit", error);
  CmDbStep rc;

  if (stmt == NULL)
    return FALSE;
  rc = cm_db_step (stmt);
  *seq = cm_db_column_int64 (stmt, 0);
  cm_db_stmt_reset (stmt);
  return rc == CM_DB_ROW ? TRUE : sql_failed (log->db, error);
}

static gboolean
step_once (CmAuditLog *log, CmDbStmt *stmt, GError **error)
{
  CmDbStep rc = cm_db_step (stmt);

  cm_db_stmt_reset (stmt);
  return rc == CM_DB_DONE ? TRUE : sql_failed (log->db, error);
}

/* The head as the file holds it: the hash in meta and the newest row's
 * number, in one statement (one round trip to a server). */
static gboolean
read_stored_head (CmAuditLog *log, gint64 *seq, char **hash, GError **error)
{
  CmDbStmt *stmt = prepared (log, &log->stored_head,
                             "SELECT (SELECT value FROM meta WHERE key = 'audit_head'),"
                             " coalesce(max(id), 0) FROM audit", error);

  if (stmt == NULL)
    return FALSE;
  if (cm_db_step (stmt) != CM_DB_ROW)
    {
      cm_db_stmt_reset (stmt);
      return sql_failed (log->db, error);
    }
  *hash = g_strdup (cm_db_column_type (stmt, 0) != CM_DB_NULL ? cm_db_column_text (stmt, 0)
                                                               : CM_AUDIT_GENESIS_HASH);
  *seq = cm_db_column_int64 (stmt, 1);
  cm_db_stmt_reset (stmt);
  return TRUE;
}

/* The hash of row @seq, after a rollback inside the transaction left it
 * the newest row. */
static char *
stored_row_hash (CmAuditLog *log, gint64 seq, GError **error)
{
  CmDbStmt *stmt = prepared (log, &log->row_hash, "SELECT hash FROM audit WHERE id = ?", error);
  char *hash = NULL;

  if (stmt == NULL)
    return NULL;
  cm_db_bind_int64 (stmt, 1, seq);
  if (cm_db_step (stmt) == CM_DB_ROW)
    hash = g_strdup (cm_db_column_text (stmt, 0));
  else
    sql_failed (log->db, error);
  cm_db_stmt_reset (stmt);
  return hash;
}

/* Inside a transaction the head is read once; after a rollback to a
 * savepoint, from the rows that are left. */
static gboolean
know_head (CmAuditLog *log, GError **error)
{
  gint64 seq = 0;
  char *hash = NULL;

  if (log->known)
    return TRUE;
  if (log->start_hash == NULL)
    {
      if (!read_stored_head (log, &log->start_seq, &log->start_hash, error))
        return FALSE;
      seq = log->start_seq;
      hash = g_strdup (log->start_hash);
    }
  else
    {
      if (!next_seq (log, &seq, error))
        return FALSE;
      seq -= 1;
      hash = seq == log->start_seq ? g_strdup (log->start_hash) : stored_row_hash (log, seq, error);
      if (hash == NULL)
        return FALSE;
    }
  g_free (log->hash);
  log->hash = hash;
  log->seq = seq;
  log->known = TRUE;
  return TRUE;
}

void
cm_audit_log_hold (CmAuditLog *log)
{
  cm_audit_log_release (log);
  log->holding = TRUE;
}

void
cm_audit_log_reread (CmAuditLog *log)
{
  log->known = FALSE;
}

void
cm_audit_log_release (CmAuditLog *log)
{
  log->holding = log->known = log->appended = FALSE;
  g_clear_pointer (&log->hash, g_free);
  g_clear_pointer (&log->start_hash, g_free);
}

gboolean
cm_audit_log_span (CmAuditLog *log, gint64 *found, gint64 *leaves)
{
  if (!log->holding || !log->appended || !log->known)
    return FALSE;
  *found = log->start_seq;
  *leaves = log->seq;
  return TRUE;
}

static gboolean
store_head (CmAuditLog *log, const char *hash, GError **error)
{
  CmDbStmt *write_head = prepared (log, &log->write_head,
                                   "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);

  if (write_head == NULL)
    return FALSE;
  cm_db_bind_text_static (write_head, 1, hash);
  return step_once (log, write_head, error);
}

gboolean
cm_audit_log_write_head (CmAuditLog *log, GError **error)
{
  if (!log->holding || !log->appended)
    return TRUE;
  /* A rollback may have taken back every row appended. */
  if (!know_head (log, error))
    return FALSE;
  return log->seq == log->start_seq || store_head (log, log->hash, error);
}

/* The row's prev_hash column is left empty: the hash the row follows is
 * the previous row's own, which the row's hash covers, so storing it again
 * proved nothing and made each row 64 bytes larger. (Rows written before
 * schema 25 store it; the verifier accepts either.) */
static gboolean
insert_row (CmAuditLog *log, gint64 seq, const char *hash, const CmAuditRow *row,
            GError **error)
{
  CmDbStmt *insert = prepared (log, &log->insert,
                               "INSERT INTO audit (id, at, actor, entity, entity_id, field,"
                               " old_value, new_value, prev_hash, hash)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (insert == NULL)
    return FALSE;
  cm_db_bind_int64 (insert, 1, seq);
  cm_db_bind_text_static (insert, 2, row->at);
  cm_db_bind_text_static (insert, 3, row->actor);
  cm_db_bind_text_static (insert, 4, row->entity);
  cm_db_bind_int64 (insert, 5, row->entity_id);
  cm_db_bind_text_static (insert, 6, row->field);
  cm_db_bind_text_static (insert, 7, row->old_value);
  cm_db_bind_text_static (insert, 8, row->new_value);
  cm_db_bind_text_static (insert, 9, "");
  cm_db_bind_text_static (insert, 10, hash);
  return step_once (log, insert, error);
}

/* The hash of @row as row @seq after @prev, as a new string. */
static char *
hash_appended (CmAuditLog *log, gint64 seq, const char *prev, const CmAuditRow *row,
               GError **error)
{
  const char *hash = NULL;

  if (log->hasher == NULL && (log->hasher = cm_audit_hash_new (error)) == NULL)
    return NULL;
  hash = cm_audit_hash_row_v2 (log->hasher, seq, prev, row, error);
  return hash ? g_strdup (hash) : NULL;
}

gboolean
cm_audit_append (CmAuditLog *log, const CmAuditRow *row, GError **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (log->holding)
    {
      if (!know_head (log, error))
        return FALSE;
      seq = log->seq + 1;
      if ((hash = hash_appended (log, seq, log->hash, row, error)) == NULL ||
          !insert_row (log, seq, hash, row, error))
        return FALSE;
      g_free (log->hash);
      log->hash = g_steal_pointer (&hash);
      log->seq = seq;
      log->appended = TRUE;
      return TRUE;
    }
  if (!read_stored_head (log, &seq, &prev, error))
    return FALSE;
  seq += 1;
  if ((hash = hash_appended (log, seq, prev, row, error)) == NULL)
    return FALSE;
  return insert_row (log, seq, hash, row, error) && store_head (log, hash, error);
}

/* ---- verifying -------------------------------------------------------- */

static gboolean
broken (GError **error, gint64 *bad_row, gint64 id, const char *why)
{
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (bad_row)
    *bad_row = id;
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BROKEN,
               _("The audit trail is broken at row %s: %s"), row, why);
  return FALSE;
}

/* Where the second format begins. Its absence or damage is itself a break:
 * every migrated portfolio has it. */
static gboolean
read_format_2_from (CmDb *db, gint64 *from, GError **error)
{
  CmDbStmt *stmt = NULL;
  gboolean found = FALSE;

  /* Only a text counts: a number or a blob there was written by hand. */
  if ((stmt = cm_db_prepare (db, "SELECT value FROM meta WHERE key = '" FORMAT_2_FROM_KEY "'"
                                 " AND typeof(value) = 'text'")) == NULL)
    return sql_failed (db, error);
  if (cm_db_step (stmt) == CM_DB_ROW)
    found = g_ascii_string_to_signed (cm_db_column_text (stmt, 0), 10, 1, G_MAXINT64, from,
                                      NULL);
  cm_db_stmt_free (stmt);
  if (!found)
    g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BROKEN,
                 _("The audit trail is broken: the record of where its current format begins "
                   "is missing or damaged, so the file was changed outside Commissioner."));
  return found;
}

/* The columns of a row, in the order the verifying query selects them. */
enum {
  COL_ID, COL_AT, COL_ACTOR, COL_ENTITY, COL_ENTITY_ID, COL_FIELD, COL_OLD, COL_NEW,
  COL_PREV, COL_HASH, COL_TYPED,
};

#define VERIFY_SELECT \
  "SELECT id, at, actor, entity, entity_id, field, old_value, new_value, prev_hash, hash," \
  " typeof(id) = 'integer' AND typeof(entity_id) = 'integer' AND typeof(at) = 'text'" \
  " AND typeof(actor) = 'text' AND typeof(entity) = 'text' AND typeof(field) = 'text'" \
  " AND typeof(old_value) IN ('text', 'null') AND typeof(new_value) IN ('text', 'null')" \
  " AND typeof(prev_hash) = 'text' AND typeof(hash) = 'text'" \
  " FROM audit"

/* The whole trail reads every row, a row numbered 0 or less included. */
static const char verify_sql[] = VERIFY_SELECT " ORDER BY id";
static const char verify_since_sql[] = VERIFY_SELECT " WHERE id > ?1 ORDER BY id";

/* Text that runs on past a NUL hashes as if it ended there; SQLite's own
 * comparisons see all of it. Only a SQLite text can hold a NUL, and only
 * SQLite tells how long a value is: this asks it directly. */
static gboolean
holds_hidden_text (CmDbStmt *stmt)
{
  sqlite3_stmt *handle = cm_db_sqlite_stmt_handle (stmt);

  if (handle == NULL)
    return FALSE;
  for (int column = COL_AT; column <= COL_HASH; column++)
    {
      const char *text = (const char *) sqlite3_column_text (handle, column);

      if (column != COL_ENTITY_ID && text &&
          (gsize) sqlite3_column_bytes (handle, column) != strlen (text))
        return TRUE;
    }
  return FALSE;
}

/* Why the current row of @stmt does not belong at place @expected_id after
 * a row whose hash is @prev, or NULL when it does (or when @hasher failed,
 * with @error set). */
static const char *
row_fault (CmDbStmt *stmt, gint64 expected_id, const char *prev, gint64 format_2_from,
           CmAuditHash *hasher, GError **error)
{
  gint64 id = cm_db_column_int64 (stmt, COL_ID);
  CmAuditRow row = {
    .at = cm_db_column_text (stmt, COL_AT),
    .actor = cm_db_column_text (stmt, COL_ACTOR),
    .entity = cm_db_column_text (stmt, COL_ENTITY),
    .entity_id = cm_db_column_int64 (stmt, COL_ENTITY_ID),
    .field = cm_db_column_text (stmt, COL_FIELD),
    .old_value = cm_db_column_text (stmt, COL_OLD),
    .new_value = cm_db_column_text (stmt, COL_NEW),
  };
  const char *stored_prev = cm_db_column_text (stmt, COL_PREV);
  const char *stored_hash = cm_db_column_text (stmt, COL_HASH);
  const char *expected = NULL;

  /* A value stored as another type (an id as a blob that shows as "4")
   * hashes the same but hides the row from the record it belongs to. */
  if (!cm_db_column_int (stmt, COL_TYPED) || holds_hidden_text (stmt))
    return _("a value in it is not stored the way Commissioner stores it, so it was edited "
             "outside Commissioner.");
  if (id != expected_id)
    return _("its number does not follow on from the row before it (rows are numbered 1, 2, "
             "3 and so on), so rows were deleted, added or renumbered.");
  /* Empty since schema 25 (insert_row ()); when stored, it must be right. */
  if (*stored_prev != '\0' && g_strcmp0 (stored_prev, prev) != 0)
    return _("it does not follow the row before it, so a row before it was deleted or "
             "changed.");
  expected = id >= format_2_from ? cm_audit_hash_row_v2 (hasher, id, prev, &row, error)
                                 : cm_audit_hash_row_v1 (hasher, prev, &row, error);
  if (expected == NULL)
    return NULL;
  if (g_strcmp0 (stored_hash, expected) != 0)
    return _("its contents do not match its hash, so it was altered.");
  return NULL;
}

gboolean
cm_audit_verify (CmDb *db, gint64 *rows_checked, gint64 *bad_row, GError **error)
{
  return cm_audit_verify_from (db, 0, CM_AUDIT_GENESIS_HASH, rows_checked, bad_row, error);
}

void (*cm_audit_verify_between_reads) (CmDb *db, gpointer data) = NULL;
gpointer cm_audit_verify_between_reads_data = NULL;

gboolean
cm_audit_verify_from (CmDb *db, gint64 from_seq, const char *from_hash, gint64 *rows_checked,
                      gint64 *bad_row, GError **error)
{
  CmAuditLog reader = { .db = db };
  g_autoptr(CmAuditHash) hasher = NULL;
  g_autoptr(GError) failure = NULL;
  CmDbStmt *stmt = NULL;
  g_autofree char *prev = g_strdup (from_hash);
  g_autofree char *head = NULL;
  gint64 last_id = from_seq, format_2_from = 0;
  CmDbStep rc;

  if (!read_format_2_from (db, &format_2_from, error) ||
      (hasher = cm_audit_hash_new (error)) == NULL)
    return FALSE;
  if ((stmt = cm_db_prepare (db, from_seq > 0 ? verify_since_sql : verify_sql)) == NULL)
    return sql_failed (db, error);
  if (from_seq > 0)
    cm_db_bind_int64 (stmt, 1, from_seq);
  while ((rc = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (stmt, COL_ID);
      const char *fault = row_fault (stmt, last_id + 1, prev, format_2_from, hasher, &failure);

      if (fault || failure)
        {
          cm_db_stmt_free (stmt);
          if (failure)
            {
              g_propagate_error (error, g_steal_pointer (&failure));
              return FALSE;
            }
          return broken (error, bad_row, id, fault);
        }
      g_free (prev);
      prev = g_strdup (cm_db_column_text (stmt, COL_HASH));
      last_id = id;
    }
  cm_db_stmt_free (stmt);
  if (rc != CM_DB_DONE)
    return sql_failed (db, error);

  if (cm_audit_verify_between_reads)
    cm_audit_verify_between_reads (db, cm_audit_verify_between_reads_data);
  head = read_head (&reader, error);
  cm_db_stmt_free (reader.read_head);
  if (head == NULL)
    return FALSE;
  /* The trail held format_2_from - 1 rows when the second format began. */
  if (g_strcmp0 (head, prev) != 0 || last_id < format_2_from - 1)
    return broken (error, bad_row, last_id + 1,
                   _("the newest rows of the trail are missing."));

  if (rows_checked)
    *rows_checked = last_id;
  return TRUE;
}

gboolean
cm_audit_head (CmDb *db, gint64 *seq, char **hash, GError **error)
{
  CmDbStmt *stmt = NULL;
  CmDbStep rc;

  if ((stmt = cm_db_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")) == NULL)
    return sql_failed (db, error);
  rc = cm_db_step (stmt);
  if (rc == CM_DB_ROW)
    {
      *seq = cm_db_column_int64 (stmt, 0);
      *hash = g_strdup (cm_db_column_text (stmt, 1));
    }
  else if (rc == CM_DB_DONE)
    {
      *seq = 0;
      *hash = g_strdup (CM_AUDIT_GENESIS_HASH);
    }
  cm_db_stmt_free (stmt);
  return rc == CM_DB_ROW || rc == CM_DB_DONE ? TRUE : sql_failed (db, error);
}

/* An import stamps a million rows: the date and time are formatted once a
 * second, and only the microseconds for each row. */
char *
cm_audit_now (void)
{
  G_LOCK_DEFINE_STATIC (formatted);
  static gint64 formatted_second = -1;
  static char formatted[32];
  gint64 now = g_get_real_time ();
  gint64 second = now / G_USEC_PER_SEC;
  gint64 micro = now % G_USEC_PER_SEC;
  char stamp[48];
  gsize length;

  if (now < 0) /* a clock set before 1970 */
    {
      g_autoptr(GDateTime) at = g_date_time_new_now_utc ();

      return g_date_time_format (at, "%Y-%m-%dT%H:%M:%S.%fZ");
    }
  G_LOCK (formatted);
  if (second != formatted_second)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S");

      g_strlcpy (formatted, text, sizeof formatted);
      formatted_second = second;
    }
  length = g_strlcpy (stamp, formatted, sizeof stamp - 9);
  G_UNLOCK (formatted);
  stamp[length++] = '.';
  for (int i = 5; i >= 0; i--, micro /= 10)
    stamp[length + i] = '0' + micro % 10;
  length += 6;
  stamp[length++] = 'Z';
  stamp[length] = '\0';
  return g_strdup (stamp);
}
