/* cm-audit.c: the tamper-evident audit trail */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit.h"

G_DEFINE_QUARK (cm-audit-error-quark, cm_audit_error)

/* The hash the first row chains from. */
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static gboolean
sql_failed (sqlite3 *db, GError **error)
{
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_SQL,
               _("The audit trail could not be read or written: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/* Each field is written with its length first, so that no choice of
 * values can make two different rows hash the same text. */
static void
hash_field (GChecksum *sum, const char *value)
{
  char prefix[32];

  if (value == NULL)
    {
      g_checksum_update (sum, (const guchar *) "-;", 2);
      return;
    }
  g_snprintf (prefix, sizeof prefix, "%zu:", strlen (value));
  g_checksum_update (sum, (const guchar *) prefix, -1);
  g_checksum_update (sum, (const guchar *) value, -1);
  g_checksum_update (sum, (const guchar *) ";", 1);
}

static char *
row_hash (const char *prev_hash, const CmAuditRow *row)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->entity_id);

  hash_field (sum, prev_hash);
  hash_field (sum, row->at);
  hash_field (sum, row->actor);
  hash_field (sum, row->entity);
  hash_field (sum, id);
  hash_field (sum, row->field);
  hash_field (sum, row->old_value);
  hash_field (sum, row->new_value);
  return g_strdup (g_checksum_get_string (sum));
}

/* The statements that append a row, prepared once per portfolio: a large
 * import appends a million rows, and preparing them each time would take
 * longer than writing them. */
struct _CmAuditLog
{
  sqlite3 *db;
  sqlite3_stmt *read_head;
  sqlite3_stmt *insert;
  sqlite3_stmt *write_head;
};

CmAuditLog *
cm_audit_log_new (sqlite3 *db)
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
  sqlite3_finalize (log->read_head);
  sqlite3_finalize (log->insert);
  sqlite3_finalize (log->write_head);
  g_free (log);
}

/* Prepared on first use, since the tables exist only once migrated. */
static sqlite3_stmt *
prepared (CmAuditLog *log, sqlite3_stmt **stmt, const char *sql, GError **error)
{
  if (*stmt == NULL && sqlite3_prepare_v2 (log->db, sql, -1, stmt, NULL) != SQLITE_OK)
    {
      sql_failed (log->db, error);
      return NULL;
    }
  return *stmt;
}

static char *
read_head (CmAuditLog *log, GError **error)
{
  sqlite3_stmt *stmt = prepared (log, &log->read_head,
                                 "SELECT value FROM meta WHERE key = 'audit_head'", error);
  char *head = NULL;

  if (stmt == NULL)
    return NULL;
  head = g_strdup (sqlite3_step (stmt) == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0)
                                                     : GENESIS_HASH);
  sqlite3_reset (stmt);
  return head;
}

static gboolean
step_once (CmAuditLog *log, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE ? TRUE : sql_failed (log->db, error);
}

gboolean
cm_audit_append (CmAuditLog *log, const CmAuditRow *row, GError **error)
{
  g_autofree char *prev = read_head (log, error);
  g_autofree char *hash = prev ? row_hash (prev, row) : NULL;
  sqlite3_stmt *insert = NULL, *write_head = NULL;

  if (prev == NULL ||
      !(insert = prepared (log, &log->insert,
                           "INSERT INTO audit (at, actor, entity, entity_id, field,"
                           " old_value, new_value, prev_hash, hash)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(write_head = prepared (log, &log->write_head,
                               "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error)))
    return FALSE;
  sqlite3_bind_text (insert, 1, row->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, row->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, row->entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, row->entity_id);
  sqlite3_bind_text (insert, 5, row->field, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, row->old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, row->new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, hash, -1, SQLITE_STATIC);
  if (!step_once (log, insert, error))
    return FALSE;
  sqlite3_bind_text (write_head, 1, hash, -1, SQLITE_STATIC);
  return step_once (log, write_head, error);
}

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

gboolean
cm_audit_verify (sqlite3 *db, gint64 *rows_checked, gint64 *bad_row, GError **error)
{
  CmAuditLog reader = { .db = db };
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  g_autofree char *head = NULL;
  gint64 last_id = 0, count = 0;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, at, actor, entity, entity_id, field, old_value, new_value,"
                          " prev_hash, hash FROM audit ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    return sql_failed (db, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CmAuditRow row = {
        .at = (const char *) sqlite3_column_text (stmt, 1),
        .actor = (const char *) sqlite3_column_text (stmt, 2),
        .entity = (const char *) sqlite3_column_text (stmt, 3),
        .entity_id = sqlite3_column_int64 (stmt, 4),
        .field = (const char *) sqlite3_column_text (stmt, 5),
        .old_value = (const char *) sqlite3_column_text (stmt, 6),
        .new_value = (const char *) sqlite3_column_text (stmt, 7),
      };
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 8);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *expected = row_hash (stored_prev ? stored_prev : "", &row);

      if (g_strcmp0 (stored_prev, prev) != 0)
        {
          sqlite3_finalize (stmt);
          return broken (error, bad_row, id,
                         _("it does not follow the row before it, so a row before it was "
                           "deleted or changed."));
        }
      if (g_strcmp0 (stored_hash, expected) != 0)
        {
          sqlite3_finalize (stmt);
          return broken (error, bad_row, id,
                         _("its contents do not match its hash, so it was altered."));
        }
      g_free (prev);
      prev = g_strdup (stored_hash);
      last_id = id;
      count++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (db, error);

  head = read_head (&reader, error);
  sqlite3_finalize (reader.read_head);
  if (head == NULL)
    return FALSE;
  if (g_strcmp0 (head, prev) != 0)
    return broken (error, bad_row, last_id + 1,
                   _("the newest rows of the trail are missing."));

  if (rows_checked)
    *rows_checked = count;
  return TRUE;
}

char *
cm_audit_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}
