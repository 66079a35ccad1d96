/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-baseline.c: every record as it stood when its trail began */
#include <glib/gi18n-lib.h>

#include "cm-audit-baseline.h"
#include "cm-audit-record.h"
#include "cm-audit-tables.h"

typedef struct {
  CmDb *db;
  CmAuditLog *log;
  const char *at;    /* one moment for the whole event */
  const char *actor;
  GString *json;
} Baseline;

static gboolean
sql_failed (CmDb *db, GError **error)
{
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_SQL,
               _("The audit trail could not be read or written: %s"), cm_db_last_message (db));
  return FALSE;
}

static gboolean
append (Baseline *b, const char *entity, gint64 id, GError **error)
{
  CmAuditRow row = {
    .at = b->at,
    .actor = b->actor,
    .entity = entity,
    .entity_id = id,
    .field = CM_AUDIT_FIELD_BASELINE,
    .new_value = b->json->str,
  };

  return cm_audit_append (b->log, &row, error);
}

/* The settings come first: their row marks where the event begins. */
static gboolean
write_settings (Baseline *b, GError **error)
{
  CmDbStmt *stmt = NULL;
  CmDbStep rc;

  if ((stmt = cm_db_prepare (b->db, CM_AUDIT_META_SELECT)) == NULL)
    return sql_failed (b->db, error);
  cm_audit_record_begin (b->json);
  while ((rc = cm_db_step (stmt)) == CM_DB_ROW)
    cm_audit_record_add (b->json, cm_db_column_text (stmt, 0), cm_db_column_text (stmt, 1));
  cm_audit_record_end (b->json);
  cm_db_stmt_free (stmt);
  if (rc != CM_DB_DONE)
    return sql_failed (b->db, error);
  return append (b, "meta", 0, error);
}

static void
record_json (GString *json, const CmAuditTable *table, CmDbStmt *stmt, const int *present)
{
  char buffer[CM_AUDIT_TEXT_SIZE];

  cm_audit_record_begin (json);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *text = present[i] > 0
                         ? cm_audit_column_text (stmt, present[i], table->kinds[i], buffer)
                         : NULL;
      if (text)
        cm_audit_record_add (json, table->columns[i], text);
    }
  cm_audit_record_end (json);
}

static gboolean
write_table (Baseline *b, const CmAuditTable *table, GError **error)
{
  g_autofree int *present = g_new0 (int, table->n_columns + 1);
  g_autofree char *sql = cm_audit_table_select (table, b->db, present);
  CmDbStmt *stmt = NULL;
  gboolean ok = TRUE;
  CmDbStep rc = CM_DB_DONE;

  if (sql == NULL)
    return TRUE; /* a table a later migration brings */
  if ((stmt = cm_db_prepare (b->db, sql)) == NULL)
    return sql_failed (b->db, error);
  while (ok && (rc = cm_db_step (stmt)) == CM_DB_ROW)
    {
      record_json (b->json, table, stmt, present);
      ok = append (b, table->name, cm_db_column_int64 (stmt, 0), error);
    }
  cm_db_stmt_free (stmt);
  if (ok && rc != CM_DB_DONE)
    return sql_failed (b->db, error);
  return ok;
}

gboolean
cm_audit_baseline_write (CmDb *db, CmAuditLog *log, const char *actor, GError **error)
{
  g_autofree char *at = cm_audit_now ();
  g_autoptr(GString) json = g_string_new (NULL);
  Baseline b = { db, log, at, actor, json };
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);

  if (!write_settings (&b, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!write_table (&b, &tables[i], error))
      return FALSE;
  return TRUE;
}
