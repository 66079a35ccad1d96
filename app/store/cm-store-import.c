/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-import.c: what an import and its undo ask of the portfolio file */
#include <glib/gi18n-lib.h>

#include "cm-store-import.h"
#include "cm-store-private.h"

/* The two messages say what the failure left untouched: an import reads
 * before it writes, an undo before it deletes. */
static gboolean
import_read_failed (CmStore *self, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The portfolio file could not be read (%s). Nothing was imported."),
               sqlite3_errmsg (cm_store_get_database (self)));
  return FALSE;
}

static sqlite3_stmt *
prepare_for_undo (CmStore *self, const char *sql, GError **error)
{
  sqlite3 *db = cm_store_get_database (self);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio file could not be read (%s). Nothing was changed."),
                   sqlite3_errmsg (db));
      return NULL;
    }
  return stmt;
}

/* ---- importing -------------------------------------------------------- */

/* Read straight from the file: the import must not load 100,000
 * contracts to learn which references are taken. */
gboolean
cm_store_contract_ids_by_reference (CmStore *self, GHashTable *references, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (cm_store_get_database (self), "SELECT reference, id FROM contract", -1,
                          &stmt, NULL) != SQLITE_OK)
    return import_read_failed (self, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (references, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), id);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The first row of @sql, whose one parameter, if any, is @after. */
static gboolean
query_int64 (CmStore *self, const char *sql, gint64 after, gint64 *values, int n_values,
             GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (cm_store_get_database (self), sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, after);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_ROW)
    for (int i = 0; i < n_values; i++)
      values[i] = sqlite3_column_int64 (stmt, i);
  else
    import_read_failed (self, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

gboolean
cm_store_next_audit_id (CmStore *self, gint64 *id, GError **error)
{
  return query_int64 (self, "SELECT coalesce(max(id), 0) + 1 FROM audit", 0, id, 1, error);
}

gboolean
cm_store_highest_id (CmStore *self, const char *table, gint64 *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM \"%s\"", table);

  return query_int64 (self, sql, 0, id, 1, error);
}

gboolean
cm_store_ids_above (CmStore *self, const char *table, gint64 above, gint64 *count,
                    gint64 *first, gint64 *last, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*), coalesce(min(id), 0),"
                                          " coalesce(max(id), 0) FROM \"%s\" WHERE id > ?1",
                                          table);
  gint64 range[3];

  if (!query_int64 (self, sql, above, range, 3, error))
    return FALSE;
  *count = range[0];
  *first = range[1];
  *last = range[2];
  return TRUE;
}

/* ---- undoing ---------------------------------------------------------- */

/* The first column of the one row of @sql, with @a and @b for its
 * parameters if it has them, or 0. */
static gboolean
query_id (CmStore *self, const char *sql, gint64 a, gint64 b, gint64 *id, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_undo (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) == 2)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
    }
  *id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
cm_store_newest_import_run_id (CmStore *self, gint64 *id, GError **error)
{
  return query_id (self, "SELECT max(id) FROM import_run", 0, 0, id, error);
}

gboolean
cm_store_import_run_audit_id (CmStore *self, gint64 run_id, gint64 from, gint64 *id,
                              GError **error)
{
  return query_id (self, "SELECT min(id) FROM audit WHERE entity = 'import_run'"
                         " AND entity_id = ?1 AND id >= ?2", run_id, from, id, error);
}

gboolean
cm_store_count_ids_between (CmStore *self, const char *table, gint64 first, gint64 last,
                            gint64 *count, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE id BETWEEN ?1 AND ?2",
                                          table);

  return query_id (self, sql, first, last, count, error);
}

/* The first column of every row of @stmt, bound to @a and @b. */
static GArray *
collect_ids (sqlite3_stmt *stmt, gint64 a, gint64 b)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

GArray *
cm_store_ids_between (CmStore *self, const char *table, gint64 first, gint64 last,
                      GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE id BETWEEN ?1 AND ?2"
                                          " ORDER BY id DESC", table);
  sqlite3_stmt *stmt = prepare_for_undo (self, sql, error);

  return stmt ? collect_ids (stmt, first, last) : NULL;
}

GArray *
cm_store_contracts_changed_between (CmStore *self, gint64 from, gint64 before, GError **error)
{
  /* Changed fields only: a created record's one whole-record row
   * (field "*") is not an update. */
  sqlite3_stmt *stmt = prepare_for_undo (self, "SELECT DISTINCT entity_id FROM audit WHERE"
                                               " id >= ?1 AND id < ?2 AND entity = 'contract'"
                                               " AND field NOT LIKE '*%' ORDER BY entity_id",
                                         error);

  return stmt ? collect_ids (stmt, from, before) : NULL;
}

/* Hands each row of @stmt (entity_id, field, old_value) to @each. */
static void
each_change (sqlite3_stmt *stmt, CmStoreAuditChange each, gpointer user_data)
{
  while (sqlite3_step (stmt) == SQLITE_ROW)
    each (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          (const char *) sqlite3_column_text (stmt, 2), user_data);
  sqlite3_finalize (stmt);
}

gboolean
cm_store_each_change_after (CmStore *self, const char *table, gint64 first, gint64 last,
                            gint64 after, CmStoreAuditChange each, gpointer user_data,
                            GError **error)
{
  sqlite3_stmt *stmt = prepare_for_undo (self, "SELECT entity_id, field, old_value FROM audit"
                                               " WHERE entity = ?1 AND entity_id BETWEEN ?2 AND ?3"
                                               " AND id > ?4 ORDER BY entity_id, id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  sqlite3_bind_int64 (stmt, 4, after);
  each_change (stmt, each, user_data);
  return TRUE;
}

gboolean
cm_store_each_change_between (CmStore *self, const char *table, gint64 id, gint64 from,
                              gint64 before, CmStoreAuditChange each, gpointer user_data,
                              GError **error)
{
  sqlite3_stmt *stmt = prepare_for_undo (self, "SELECT entity_id, field, old_value FROM audit"
                                               " WHERE id >= ?1 AND id < ?2 AND entity = ?3"
                                               " AND entity_id = ?4 ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, before);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  each_change (stmt, each, user_data);
  return TRUE;
}

char *
cm_store_last_audited_name (CmStore *self, const char *table, gint64 id)
{
  sqlite3_stmt *stmt = prepare_for_undo (self, "SELECT old_value FROM audit WHERE entity = ?1"
                                               " AND entity_id = ?2 AND field IN"
                                               " ('reference', 'name') AND old_value IS NOT NULL"
                                               " ORDER BY id DESC LIMIT 1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name;
}
