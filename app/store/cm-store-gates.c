/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-gates.c: what the file says of every service's gate and kind,
 * each asked in one query */
#include "cm-store-gates.h"
#include "cm-store-private.h"
#include "cm-store-read-error.h"

/* Whether the gate holds service s, as cm_gate_problems () decides. The
 * whitespace trim () takes away is written out, and the flags compared
 * with 0, for PostgreSQL, which has no char () and no integer truth. */
#define HELD_CONDITION \
  "(s.stage IN ('analyse', 'plan', 'do', 'review') AND (" \
  "  EXISTS (SELECT 1 FROM checklist_item i" \
  "   WHERE i.service_id = s.id AND i.cycle = s.cycle AND i.stage = s.stage AND i.required <> 0" \
  "   AND NOT (i.state = 'done' OR (i.state = 'not-applicable'" \
  "            AND trim(i.reason, ' \t\n\v\f\r') <> '')))" \
  "  OR (instr (?1, ',' || s.stage || ',') > 0 AND NOT EXISTS (SELECT 1 FROM checklist_item i" \
  "   WHERE i.service_id = s.id AND i.cycle = s.cycle))" \
  "  OR (s.stage = 'plan' AND NOT EXISTS (SELECT 1 FROM eia e" \
  "   WHERE e.service_id = s.id AND e.cycle = s.cycle AND e.signed <> 0))" \
  "  OR (s.stage = 'do' AND NOT EXISTS (SELECT 1 FROM contract c" \
  "   WHERE c.service_id = s.id))))"

static const char held_sql[] =
  "SELECT s.id FROM service s WHERE " HELD_CONDITION " ORDER BY s.id";

static const char stages_sql[] =
  "SELECT s.stage, count(*), count(*) FILTER (WHERE " HELD_CONDITION "),"
  " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM stage_event e"
  "  WHERE e.service_id = s.id AND e.cycle = s.cycle AND e.overridden <> 0))"
  " FROM service s GROUP BY s.stage";

static gboolean
read_failed (CmStore *store, CmDbStmt *stmt, GError **error)
{
  cm_store_read_failed (store, CM_STORE_READING_TO_SHOW, error);
  cm_db_stmt_free (stmt);
  return FALSE;
}

GArray *
cm_store_services_held (CmStore *store, const char *template_stages, GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64));
  CmDbStmt *stmt;
  CmDbStep step;

  if ((stmt = cm_db_prepare (db, held_sql)) == NULL)
    {
      read_failed (store, stmt, error);
      return NULL;
    }
  cm_db_bind_text_static (stmt, 1, template_stages);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (stmt, 0);

      g_array_append_val (held, id);
    }
  if (step != CM_DB_DONE)
    {
      read_failed (store, stmt, error);
      return NULL;
    }
  cm_db_stmt_free (stmt);
  return g_steal_pointer (&held);
}

gboolean
cm_store_count_stages (CmStore *store, const char *template_stages,
                       CmStoreStageCount counts[CM_STAGE_DECOMMISSIONING + 1], GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autoptr(GEnumClass) stage_class = g_type_class_ref (CM_TYPE_STAGE);
  CmDbStmt *stmt;
  CmDbStep step;

  if ((stmt = cm_db_prepare (db, stages_sql)) == NULL)
    return read_failed (store, stmt, error);
  cm_db_bind_text_static (stmt, 1, template_stages);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      GEnumValue *stage = g_enum_get_value_by_nick (stage_class,
                                                    cm_db_column_text (stmt, 0));

      if (stage == NULL)
        continue;
      counts[stage->value] = (CmStoreStageCount) { cm_db_column_int (stmt, 1),
                                                   cm_db_column_int (stmt, 2),
                                                   cm_db_column_int (stmt, 3) };
    }
  if (step != CM_DB_DONE)
    return read_failed (store, stmt, error);
  cm_db_stmt_free (stmt);
  return TRUE;
}

GHashTable *
cm_store_service_areas (CmStore *store, GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autoptr(GEnumClass) area_class = g_type_class_ref (CM_TYPE_SERVICE_AREA);
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  CmDbStmt *stmt;
  CmDbStep step;

  if ((stmt = cm_db_prepare (db, "SELECT id, area FROM service")) == NULL)
    {
      read_failed (store, stmt, error);
      return NULL;
    }
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (stmt, 0);
      GEnumValue *area = g_enum_get_value_by_nick (area_class,
                                                   cm_db_column_text (stmt, 1));

      g_hash_table_insert (areas, g_memdup2 (&id, sizeof id),
                           GINT_TO_POINTER (area ? area->value : -1));
    }
  if (step != CM_DB_DONE)
    {
      read_failed (store, stmt, error);
      return NULL;
    }
  cm_db_stmt_free (stmt);
  return g_steal_pointer (&areas);
}
