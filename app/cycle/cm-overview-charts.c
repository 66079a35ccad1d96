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
#include "cm-store-gates.h"

static gboolean
count_stages (CmStore *store, CmStageCount *stages, GError **error)
{
  g_autofree char *template_stages = cm_gate_template_stages (store);

  return cm_store_count_stages (store, template_stages, stages, error);
}

/* service id -> the label of its area, the kind of service it is. */
static GHashTable *
service_types (CmStore *store, GError **error)
{
  g_autoptr(GHashTable) areas = cm_store_service_areas (store, error);
  GHashTable *types;
  GHashTableIter iter;
  gpointer id, area;

  if (areas == NULL)
    return NULL;
  types = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, areas);
  while (g_hash_table_iter_next (&iter, &id, &area))
    g_hash_table_insert (types, g_memdup2 (id, sizeof (gint64)),
                         (gpointer) (GPOINTER_TO_INT (area) >= 0
                                       ? cm_enum_to_label (CM_TYPE_SERVICE_AREA,
                                                           GPOINTER_TO_INT (area))
                                       : _("Kind not recorded")));
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
sum_spend (CmStore *store, const CmSpend *spend, CmOverviewCharts *charts, GError **error)
{
  g_autoptr(GHashTable) types = service_types (store, error);
  g_autoptr(GHashTable) by_funder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  CmSpendTotal *rest;

  if (types == NULL)
    return FALSE;
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
count_endings (const CmContractPass *pass, CmOverviewCharts *charts)
{
  GHashTableIter iter;
  gpointer day, count;

  g_hash_table_iter_init (&iter, pass->ends);
  while (g_hash_table_iter_next (&iter, &day, &count))
    {
      GDate end;
      int q;

      g_date_clear (&end, 1);
      g_date_set_julian (&end, GPOINTER_TO_UINT (day));
      if ((q = quarter_index (charts, &end)) >= 0)
        charts->ending[q] += GPOINTER_TO_UINT (count);
    }
}

static CmOverviewCharts *
collect (CmStore *store, const GDate *today, const CmContractPass *pass, GError **error)
{
  g_autoptr(CmOverviewCharts) charts = g_new0 (CmOverviewCharts, 1);

  cm_report_period_year_of (today, &charts->year);
  set_quarters (charts, today);
  if (!count_stages (store, charts->stages, error) ||
      !sum_spend (store, pass->spend, charts, error))
    return NULL;
  count_endings (pass, charts);
  return g_steal_pointer (&charts);
}

CmOverviewCharts *
cm_overview_charts_collect_from (CmStore *store, const GDate *today, const CmContractPass *pass,
                                 GError **error)
{
  return collect (store, today, pass, error);
}

CmOverviewCharts *
cm_overview_charts_collect (CmStore *store, const GDate *today, GError **error)
{
  g_autoptr(CmContractPass) pass = cm_contract_pass_run (store, today, NULL, error);

  return pass ? collect (store, today, pass, error) : NULL;
}

void
cm_overview_charts_free (CmOverviewCharts *charts)
{
  g_clear_pointer (&charts->spend_by_commissioner, g_ptr_array_unref);
  g_clear_pointer (&charts->spend_by_type, g_ptr_array_unref);
  g_free (charts);
}
