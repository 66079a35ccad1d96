/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-import.c: what an import and its undo ask of the portfolio file */
#include "cm-store-import.h"
#include "cm-store-private.h"
#include "cm-store-read-error.h"

static CmDbStmt *
prepare (CmStore *self, CmStoreReading reading, const char *sql, GError **error)
{
  CmDbStmt *stmt = cm_db_prepare (cm_store_get_db (self), sql);

  if (stmt == NULL)
    cm_store_read_failed (self, reading, error);
  return stmt;
}

static CmDbStmt *
prepare_for_undo (CmStore *self, const char *sql, GError **error)
{
  return prepare (self, CM_STORE_READING_TO_UNDO, sql, error);
}

/* Finishes with @stmt, which stopped stepping at @step: anything but the
 * end of its rows means some were not read. */
static gboolean
finish (CmStore *self, CmStoreReading reading, CmDbStmt *stmt, CmDbStep step, GError **error)
{
  if (step != CM_DB_DONE)
    cm_store_read_failed (self, reading, error);
  cm_db_stmt_free (stmt);
  return step == CM_DB_DONE;
}

/* The first row of @sql, with @a and @b for the parameters it has. */
static gboolean
query_row (CmStore *self, CmStoreReading reading, const char *sql, gint64 a, gint64 b,
           gint64 *values, int n_values, GError **error)
{
  CmDbStmt *stmt = prepare (self, reading, sql, error);
  int n_parameters;

  if (stmt == NULL)
    return FALSE;
  n_parameters = cm_db_bind_count (stmt);
  if (n_parameters > 0)
    cm_db_bind_int64 (stmt, 1, a);
  if (n_parameters > 1)
    cm_db_bind_int64 (stmt, 2, b);
  if (cm_db_step (stmt) != CM_DB_ROW)
    return finish (self, reading, stmt, CM_DB_FAILED, error);
  for (int i = 0; i < n_values; i++)
    values[i] = cm_db_column_int64 (stmt, i);
  cm_db_stmt_free (stmt);
  return TRUE;
}

/* ---- importing -------------------------------------------------------- */

/* Read straight from the file: the import must not load 100,000
 * contracts to learn which references are taken. */
gboolean
cm_store_contract_ids_by_reference (CmStore *self, GHashTable *references, GError **error)
{
  CmDbStmt *stmt = prepare (self, CM_STORE_READING_TO_IMPORT,
                            "SELECT reference, id FROM contract", error);
  CmDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = cm_db_column_int64 (stmt, 1);
      g_hash_table_insert (references, g_strdup (cm_db_column_text (stmt, 0)), id);
    }
  return finish (self, CM_STORE_READING_TO_IMPORT, stmt, step, error);
}

gboolean
cm_store_next_audit_id (CmStore *self, gint64 *id, GError **error)
{
  return query_row (self, CM_STORE_READING_TO_IMPORT, "SELECT coalesce(max(id), 0) + 1 FROM audit",
                    0, 0, id, 1, error);
}

gboolean
cm_store_highest_id (CmStore *self, const char *table, gint64 *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM \"%s\"", table);

  return query_row (self, CM_STORE_READING_TO_IMPORT, sql, 0, 0, id, 1, error);
}

gboolean
cm_store_ids_above (CmStore *self, const char *table, gint64 above, gint64 *count,
                    gint64 *first, gint64 *last, GError **error)
{
  /* When every row is above (an import into a new portfolio), the rows
   * are counted in the table's smallest index, not read one by one. */
  g_autofree char *sql = g_strdup_printf ("SELECT CASE WHEN (SELECT min(id) FROM \"%1$s\") > ?1"
                                          " THEN (SELECT count(*) FROM \"%1$s\")"
                                          " ELSE (SELECT count(*) FROM \"%1$s\" WHERE id > ?1) END,"
                                          " coalesce((SELECT min(id) FROM \"%1$s\" WHERE id > ?1), 0),"
                                          " coalesce((SELECT max(id) FROM \"%1$s\" WHERE id > ?1), 0)",
                                          table);
  gint64 range[3];

  if (!query_row (self, CM_STORE_READING_TO_IMPORT, sql, above, 0, range, 3, error))
    return FALSE;
  *count = range[0];
  *first = range[1];
  *last = range[2];
  return TRUE;
}

/* ---- undoing ---------------------------------------------------------- */

gboolean
cm_store_newest_import_run_id (CmStore *self, gint64 *id, GError **error)
{
  return query_row (self, CM_STORE_READING_TO_UNDO, "SELECT max(id) FROM import_run", 0, 0,
                    id, 1, error);
}

gboolean
cm_store_import_run_audit_id (CmStore *self, gint64 run_id, gint64 from, gint64 *id,
                              GError **error)
{
  return query_row (self, CM_STORE_READING_TO_UNDO, "SELECT min(id) FROM audit WHERE"
                    " entity = 'import_run' AND entity_id = ?1 AND id >= ?2", run_id, from, id, 1,
                    error);
}

gboolean
cm_store_count_ids_between (CmStore *self, const char *table, gint64 first, gint64 last,
                            gint64 *count, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE id BETWEEN ?1 AND ?2",
                                          table);

  return query_row (self, CM_STORE_READING_TO_UNDO, sql, first, last, count, 1, error);
}

/* The first column of every row of @stmt, bound to @a and @b; NULL
 * when a row could not be read. */
static GArray *
collect_ids (CmStore *self, CmDbStmt *stmt, gint64 a, gint64 b, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CmDbStep step;

  cm_db_bind_int64 (stmt, 1, a);
  cm_db_bind_int64 (stmt, 2, b);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!finish (self, CM_STORE_READING_TO_UNDO, stmt, step, error))
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
cm_store_ids_between (CmStore *self, const char *table, gint64 first, gint64 last,
                      GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE id BETWEEN ?1 AND ?2"
                                          " ORDER BY id DESC", table);
  CmDbStmt *stmt = prepare_for_undo (self, sql, error);

  return stmt ? collect_ids (self, stmt, first, last, error) : NULL;
}

GArray *
cm_store_contracts_changed_between (CmStore *self, gint64 from, gint64 before, GError **error)
{
  /* Changed fields only: a created record's one whole-record row
   * (field "*") is not an update. */
  CmDbStmt *stmt = prepare_for_undo (self, "SELECT DISTINCT entity_id FROM audit WHERE"
                                           " id >= ?1 AND id < ?2 AND entity = 'contract'"
                                           " AND field NOT LIKE '*%' ORDER BY entity_id",
                                     error);

  return stmt ? collect_ids (self, stmt, from, before, error) : NULL;
}

/* Hands @each each row (entity_id, field, old_value) that @sql selects,
 * with @table for its parameter @table_at and @numbers for the other
 * three, in order; FALSE when a row could not be read, though @each had
 * those before it. */
static gboolean
each_change (CmStore *self, const char *sql, const char *table, int table_at,
             const gint64 numbers[3], CmStoreAuditChange each, gpointer user_data,
             GError **error)
{
  CmDbStmt *stmt = prepare_for_undo (self, sql, error);
  CmDbStep step;

  if (stmt == NULL)
    return FALSE;
  for (int at = 1, n = 0; at <= 4; at++)
    if (at == table_at)
      cm_db_bind_text_static (stmt, at, table);
    else
      cm_db_bind_int64 (stmt, at, numbers[n++]);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    each (cm_db_column_int64 (stmt, 0), cm_db_column_text (stmt, 1),
          cm_db_column_text (stmt, 2), user_data);
  return finish (self, CM_STORE_READING_TO_UNDO, stmt, step, error);
}

gboolean
cm_store_each_change_after (CmStore *self, const char *table, gint64 first, gint64 last,
                            gint64 after, CmStoreAuditChange each, gpointer user_data,
                            GError **error)
{
  return each_change (self, "SELECT entity_id, field, old_value FROM audit"
                            " WHERE entity = ?1 AND entity_id BETWEEN ?2 AND ?3"
                            " AND id > ?4 ORDER BY entity_id, id",
                      table, 1, (gint64[]) { first, last, after }, each, user_data, error);
}

gboolean
cm_store_each_change_between (CmStore *self, const char *table, gint64 id, gint64 from,
                              gint64 before, CmStoreAuditChange each, gpointer user_data,
                              GError **error)
{
  return each_change (self, "SELECT entity_id, field, old_value FROM audit"
                            " WHERE id >= ?1 AND id < ?2 AND entity = ?3"
                            " AND entity_id = ?4 ORDER BY id",
                      table, 3, (gint64[]) { from, before, id }, each, user_data, error);
}

char *
cm_store_last_audited_name (CmStore *self, const char *table, gint64 id)
{
  CmDbStmt *stmt = prepare_for_undo (self, "SELECT old_value FROM audit WHERE entity = ?1"
                                           " AND entity_id = ?2 AND field IN"
                                           " ('reference', 'name') AND old_value IS NOT NULL"
                                           " ORDER BY id DESC LIMIT 1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  cm_db_bind_text_static (stmt, 1, table);
  cm_db_bind_int64 (stmt, 2, id);
  if (cm_db_step (stmt) == CM_DB_ROW)
    name = g_strdup (cm_db_column_text (stmt, 0));
  cm_db_stmt_free (stmt);
  return name;
}
