/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview-charts.c: the figures the Overview draws as charts */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-gate.h"
#include "cm-overview-charts.h"
#include "cm-spend.h"
#include "cm-store-private.h"

/* A service is held when its gate has a problem (cm_gate_problems ()):
 * a required item of its stage and cycle not settled (the template's,
 * while the cycle has no items of its own), Plan without a signed EIA of
 * the cycle, Do without a contract. Counted in one query rather than by
 * asking each service's gate in turn. */
static const char stages_sql[] =
  "SELECT s.stage, count(*),"
  " sum(s.stage IN ('analyse', 'plan', 'do', 'review') AND ("
  "  EXISTS (SELECT 1 FROM checklist_item i"
  "   WHERE i.service_id = s.id AND i.cycle = s.cycle AND i.stage = s.stage AND i.required"
  "   AND NOT (i.state = 'done' OR (i.state = 'not-applicable'"
  "            AND trim(i.reason, ' ' || char(9, 10, 11, 12, 13)) <> '')))"
  "  OR (instr (?1, ',' || s.stage || ',') > 0 AND NOT EXISTS (SELECT 1 FROM checklist_item i"
  "   WHERE i.service_id = s.id AND i.cycle = s.cycle))"
  "  OR (s.stage = 'plan' AND NOT EXISTS (SELECT 1 FROM eia e"
  "   WHERE e.service_id = s.id AND e.cycle = s.cycle AND e.signed))"
  "  OR (s.stage = 'do' AND NOT EXISTS (SELECT 1 FROM contract c"
  "   WHERE c.service_id = s.id)))),"
  " sum(EXISTS (SELECT 1 FROM stage_event e"
  "  WHERE e.service_id = s.id AND e.cycle = s.cycle AND e.overridden))"
  " FROM service s GROUP BY s.stage";

static gboolean
read_failed (sqlite3 *db, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The portfolio file could not be read (%s). Open it again, or restore a "
                 "backup."), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
count_stages (CmStore *store, CmStageCount *stages, GError **error)
{
  sqlite3 *db = cm_store_get_database (store);
  g_autoptr(GEnumClass) stage_class = g_type_class_ref (CM_TYPE_STAGE);
  g_autofree char *template_stages = cm_gate_template_stages (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, stages_sql, -1, &stmt, NULL) != SQLITE_OK)
    return read_failed (db, error);
  sqlite3_bind_text (stmt, 1, template_stages, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GEnumValue *stage = g_enum_get_value_by_nick (stage_class,
                                                    (const char *) sqlite3_column_text (stmt, 0));

      if (stage == NULL)
        continue;
      stages[stage->value] = (CmStageCount) { sqlite3_column_int (stmt, 1),
                                              sqlite3_column_int (stmt, 2),
                                              sqlite3_column_int (stmt, 3) };
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || read_failed (db, error);
}

/* service id -> the label of its area, the kind of service it is. */
static GHashTable *
service_types (CmStore *store, GError **error)
{
  sqlite3 *db = cm_store_get_database (store);
  g_autoptr(GEnumClass) area_class = g_type_class_ref (CM_TYPE_SERVICE_AREA);
  GHashTable *types = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, area FROM service", -1, &stmt, NULL) != SQLITE_OK)
    {
      read_failed (db, error);
      g_hash_table_unref (types);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GEnumValue *area = g_enum_get_value_by_nick (area_class,
                                                   (const char *) sqlite3_column_text (stmt, 1));

      g_hash_table_insert (types, g_memdup2 (&id, sizeof id),
                           (gpointer) (area ? cm_enum_to_label (CM_TYPE_SERVICE_AREA, area->value)
                                            : _("Kind not recorded")));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      read_failed (db, error);
      g_clear_pointer (&types, g_hash_table_unref);
    }
  return types;
}

static void
spend_total_free (gpointer data)
{
  CmSpendTotal *total = data;

  g_free (total->label);
  g_free (total);
}

static void
add_pence (GHashTable *totals, const char *label, gint64 pence)
{
  gint64 *sum = g_hash_table_lookup (totals, label);

  if (sum == NULL)
    g_hash_table_insert (totals, g_strdup (label), sum = g_new0 (gint64, 1));
  *sum += pence;
}

static gint
largest_first (gconstpointer a, gconstpointer b)
{
  const CmSpendTotal *x = *(CmSpendTotal * const *) a, *y = *(CmSpendTotal * const *) b;

  if (x->pence != y->pence)
    return x->pence < y->pence ? 1 : -1;
  return g_utf8_collate (x->label, y->label);
}

/* Largest first; past CM_CHART_MAX_BARS, the smallest are summed into
 * the last bar, which counts them and is left for the caller to name. */
static GPtrArray *
ranked (GHashTable *totals)
{
  GPtrArray *ranks = g_ptr_array_new_with_free_func (spend_total_free);
  GHashTableIter iter;
  const char *label;
  gint64 *pence;

  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, (gpointer *) &label, (gpointer *) &pence))
    {
      CmSpendTotal *total = g_new0 (CmSpendTotal, 1);

      total->label = g_strdup (label);
      total->pence = *pence;
      g_ptr_array_add (ranks, total);
    }
  g_ptr_array_sort (ranks, largest_first);
  if (ranks->len > CM_CHART_MAX_BARS)
    {
      CmSpendTotal *rest = g_new0 (CmSpendTotal, 1);

      for (guint i = CM_CHART_MAX_BARS - 1; i < ranks->len; i++)
        rest->pence += ((CmSpendTotal *) g_ptr_array_index (ranks, i))->pence;
      rest->n_merged = ranks->len - (CM_CHART_MAX_BARS - 1);
      g_ptr_array_set_size (ranks, CM_CHART_MAX_BARS - 1);
      g_ptr_array_add (ranks, rest);
    }
  return ranks;
}

/* The bar that sums the smallest, or NULL when there is none. */
static CmSpendTotal *
merged (GPtrArray *ranks)
{
  CmSpendTotal *last = ranks->len ? g_ptr_array_index (ranks, ranks->len - 1) : NULL;

  return last && last->n_merged > 0 ? last : NULL;
}

/* The Spend summary sheet's figures for the year, summed two ways. */
static gboolean
sum_spend (CmStore *store, const GDate *today, CmOverviewCharts *charts, GError **error)
{
  CmDeadlineSettings settings;
  g_autoptr(CmSpend) spend = NULL;
  g_autoptr(GHashTable) types = service_types (store, error);
  g_autoptr(GHashTable) by_funder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  CmSpendTotal *rest;

  if (types == NULL)
    return FALSE;
  cm_deadline_settings_load (store, &settings);
  spend = cm_spend_for_year (store, &charts->year, today, &settings);
  for (guint i = 0; i < spend->lines->len; i++)
    {
      CmSpendLine *line = g_ptr_array_index (spend->lines, i);
      const char *type = g_hash_table_lookup (types, &line->service_id);

      add_pence (by_funder, *line->funder ? line->funder : _("Funder not named"), line->pence);
      add_pence (by_type, type ? type : _("Kind not recorded"), line->pence);
    }
  charts->spend_undated = spend->undated;
  charts->spend_by_commissioner = ranked (by_funder);
  charts->spend_by_type = ranked (by_type);
  if ((rest = merged (charts->spend_by_commissioner)))
    rest->label = g_strdup_printf (ngettext ("%u other funder", "%u other funders",
                                             rest->n_merged), rest->n_merged);
  if ((rest = merged (charts->spend_by_type)))
    rest->label = g_strdup_printf (ngettext ("%u other kind of service",
                                             "%u other kinds of service", rest->n_merged),
                                   rest->n_merged);
  return TRUE;
}

/* The quarter holding @day, or -1 when it is outside the eight. */
static int
quarter_index (CmOverviewCharts *charts, const GDate *day)
{
  for (int q = 0; q < CM_CHART_QUARTERS; q++)
    if (g_date_compare (day, &charts->quarters[q].first) >= 0 &&
        g_date_compare (day, &charts->quarters[q].last) <= 0)
      return q;
  return -1;
}

static void
set_quarters (CmOverviewCharts *charts, const GDate *today)
{
  cm_report_period_quarter_of (today, &charts->quarters[0]);
  for (int q = 1; q < CM_CHART_QUARTERS; q++)
    {
      charts->quarters[q].first = charts->quarters[q - 1].first;
      g_date_add_months (&charts->quarters[q].first, 3);
      charts->quarters[q].last = charts->quarters[q].first;
      g_date_add_months (&charts->quarters[q].last, 3);
      g_date_subtract_days (&charts->quarters[q].last, 1);
    }
}

/* Contracts still open, by the quarter of their current end: the date
 * engine's end, with every extension invoked so far and any early end. */
static void
count_endings (CmStore *store, const GDate *today, CmOverviewCharts *charts)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  CmDeadlineSettings settings;

  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      CmContractDates dates;
      int q;

      if (cm_contract_is_closed (contract) ||
          !cm_contract_compute_dates (contract, today, &settings, &dates))
        continue;
      if ((q = quarter_index (charts, &dates.current_end)) >= 0)
        charts->ending[q]++;
    }
}

/* The same count from the deadlines cm_deadlines_collect () worked out:
 * each contract not closed has its end among them, on its current end. */
static void
count_endings_of (GPtrArray *deadlines, CmOverviewCharts *charts)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      CmDeadline *d = g_ptr_array_index (deadlines, i);
      int q;

      if (d->kind == CM_DEADLINE_KIND_END && !cm_contract_is_closed (d->contract) &&
          (q = quarter_index (charts, &d->date)) >= 0)
        charts->ending[q]++;
    }
}

static CmOverviewCharts *
collect (CmStore *store, const GDate *today, GPtrArray *deadlines, GError **error)
{
  g_autoptr(CmOverviewCharts) charts = g_new0 (CmOverviewCharts, 1);

  cm_report_period_year_of (today, &charts->year);
  set_quarters (charts, today);
  if (!count_stages (store, charts->stages, error) ||
      !sum_spend (store, today, charts, error))
    return NULL;
  if (deadlines)
    count_endings_of (deadlines, charts);
  else
    count_endings (store, today, charts);
  return g_steal_pointer (&charts);
}

CmOverviewCharts *
cm_overview_charts_collect_from (CmStore *store, const GDate *today, GPtrArray *deadlines,
                                 GError **error)
{
  return collect (store, today, deadlines, error);
}

CmOverviewCharts *
cm_overview_charts_collect (CmStore *store, const GDate *today, GError **error)
{
  return collect (store, today, NULL, error);
}

void
cm_overview_charts_free (CmOverviewCharts *charts)
{
  g_clear_pointer (&charts->spend_by_commissioner, g_ptr_array_unref);
  g_clear_pointer (&charts->spend_by_type, g_ptr_array_unref);
  g_free (charts);
}
