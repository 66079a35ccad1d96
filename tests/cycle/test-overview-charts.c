/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-overview-charts.c: the Overview's chart figures for the demo,
 * checked against SQL run on the file itself and against the gates and
 * deadlines the rest of the core works out */
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-contract-pass.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-demo.h"
#include "cm-overview.h"
#include "cm-overview-charts.h"
#include "cm-test-util.h"

typedef struct {
  char *path;
  CmStore *store;
  GDate *today;
  CmOverviewCharts *charts;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->today = cm_test_today ();
  f->path = cm_test_portfolio_path ("overview-charts.commissioner");
  g_unlink (f->path);
  g_assert_true (cm_demo_create (f->path, f->today, &error));
  g_assert_no_error (error);
  f->store = cm_store_open (f->path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  f->charts = cm_overview_charts_collect (f->store, f->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->charts);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cm_overview_charts_free (f->charts);
  g_object_unref (f->store);
  g_date_free (f->today);
  g_free (f->path);
}

static gint64
query_int (const char *path, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cm_test_query_int (path, sql);
}

static const char * const stage_nicks[] = { "analyse", "plan", "do", "review",
                                            "decommissioning" };

static void
test_stages_match_the_file (Fixture *f, gconstpointer data)
{
  guint overridden = 0;

  for (guint s = 0; s < G_N_ELEMENTS (stage_nicks); s++)
    {
      CmStageCount *count = &f->charts->stages[s];

      g_assert_cmpint (count->services, ==,
                       query_int (f->path, "SELECT count(*) FROM service WHERE stage = '%s'",
                                  stage_nicks[s]));
      g_assert_cmpint (count->overridden, ==,
                       query_int (f->path,
                                  "SELECT count(DISTINCT s.id) FROM service s"
                                  " JOIN stage_event e ON e.service_id = s.id"
                                  " AND e.cycle = s.cycle AND e.overridden = 1"
                                  " WHERE s.stage = '%s'", stage_nicks[s]));
      overridden += count->overridden;
    }
  /* The demo passes a gate by override: the count is not zero by default. */
  g_assert_cmpuint (overridden, >, 0);
}

/* Held as the gates themselves say, service by service. */
static void
test_held_matches_the_gates (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOverview) overview = cm_overview_collect (f->store, f->today);
  guint held[G_N_ELEMENTS (stage_nicks)] = { 0 };
  guint total = 0;

  for (guint i = 0; i < overview->held->len; i++)
    {
      CmServiceGate *gate = g_ptr_array_index (overview->held, i);

      held[cm_service_get_stage (gate->service)]++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (stage_nicks); s++)
    {
      g_assert_cmpuint (f->charts->stages[s].held, ==, held[s]);
      g_assert_cmpuint (f->charts->stages[s].held, <=, f->charts->stages[s].services);
      total += held[s];
    }
  g_assert_cmpuint (total, >, 0);
}

/* The year's spend, worked out in SQL from the contracts, their
 * providers and the services' funding sources: a third-sector contract's
 * annual value times its share of the year's days, split between the
 * funders by their amounts, or all to the lead commissioner. */
#define SPEND_SQL \
  "WITH live AS (SELECT c.service_id, c.annual_value," \
  "  CASE WHEN c.start_date > '%s' THEN c.start_date ELSE '%s' END AS a," \
  "  CASE WHEN c.decommissioned_on <> '' AND c.decommissioned_on < c.end_date" \
  "      AND c.decommissioned_on < '%s' THEN c.decommissioned_on" \
  "    WHEN c.end_date < '%s' THEN c.end_date ELSE '%s' END AS b" \
  "  FROM contract c JOIN provider p ON p.id = c.provider_id" \
  "  WHERE p.is_vcse <> 0 OR p.sector = 'third-sector')," \
  " spent AS (SELECT service_id," \
  "  annual_value * (%s + 1) / %u.0 AS pence FROM live WHERE b >= a)," \
  " shares AS (SELECT f.service_id," \
  "   coalesce(nullif(o.name, ''), nullif(f.description, ''), 'Funder not named') AS funder," \
  "   1.0 * f.amount / (SELECT sum(g.amount) FROM funding_source g" \
  "     WHERE g.service_id = f.service_id AND g.amount > 0) AS share" \
  "  FROM funding_source f LEFT JOIN organisation o ON o.id = f.organisation_id" \
  "  WHERE f.amount > 0" \
  "  UNION ALL SELECT s.id, o.name, 1.0 FROM service s" \
  "  JOIN organisation o ON o.id = s.lead_commissioner_id" \
  "  WHERE NOT EXISTS (SELECT 1 FROM funding_source f" \
  "   WHERE f.service_id = s.id AND f.amount > 0))"

/* The days from a to b, dates as text: the one thing the two engines
 * write differently here. */
static const char *
days_from_a_to_b (void)
{
  return cm_test_on_server () ? "(CAST(b AS date) - CAST(a AS date))"
                              : "(julianday(b) - julianday(a))";
}

static gint64
sql_spend (Fixture *f, const char *select_where)
{
  g_autofree char *first = g_strdup_printf ("%04d-%02d-%02d",
                                            g_date_get_year (&f->charts->year.first),
                                            g_date_get_month (&f->charts->year.first),
                                            g_date_get_day (&f->charts->year.first));
  g_autofree char *last = g_strdup_printf ("%04d-%02d-%02d",
                                           g_date_get_year (&f->charts->year.last),
                                           g_date_get_month (&f->charts->year.last),
                                           g_date_get_day (&f->charts->year.last));
  guint days = g_date_days_between (&f->charts->year.first, &f->charts->year.last) + 1;

  return query_int (f->path,
                    SPEND_SQL " SELECT CAST(round(coalesce(sum(pence * share), 0)) AS BIGINT)"
                    " FROM spent JOIN shares USING (service_id)"
                    " JOIN service sv ON sv.id = service_id %s",
                    first, first, last, last, last, days_from_a_to_b (), days,
                    select_where);
}

/* Lines are rounded to the penny one by one: a penny each at most. */
#define ROUNDING 100

static gint64
sum_of (GPtrArray *totals)
{
  gint64 sum = 0;

  for (guint i = 0; i < totals->len; i++)
    sum += ((CmSpendTotal *) g_ptr_array_index (totals, i))->pence;
  return sum;
}

static void
assert_largest_first (GPtrArray *totals)
{
  g_assert_cmpuint (totals->len, >, 1);
  g_assert_cmpuint (totals->len, <=, CM_CHART_MAX_BARS);
  /* The bar of the smallest merged may be larger than the one before. */
  for (guint i = 1; i + 1 < totals->len; i++)
    g_assert_cmpint (((CmSpendTotal *) g_ptr_array_index (totals, i - 1))->pence, >=,
                     ((CmSpendTotal *) g_ptr_array_index (totals, i))->pence);
}

static void
test_spend_by_commissioner (Fixture *f, gconstpointer data)
{
  GPtrArray *totals = f->charts->spend_by_commissioner;
  gint64 all = sql_spend (f, "");

  g_assert_cmpint (all, >, 0);
  g_assert_cmpint (ABS (sum_of (totals) - all), <=, ROUNDING);
  assert_largest_first (totals);
  for (guint i = 0; i < totals->len; i++)
    {
      CmSpendTotal *total = g_ptr_array_index (totals, i);
      g_auto(GStrv) parts = g_strsplit (total->label, "'", -1);
      g_autofree char *quoted = g_strjoinv ("''", parts);
      g_autofree char *where = NULL;

      if (total->n_merged > 0)
        continue;
      where = g_strdup_printf ("WHERE funder = '%s'", quoted);
      g_assert_cmpint (ABS (total->pence - sql_spend (f, where)), <=, ROUNDING);
    }
}

static void
test_spend_by_type (Fixture *f, gconstpointer data)
{
  GPtrArray *totals = f->charts->spend_by_type;
  g_autoptr(GEnumClass) areas = g_type_class_ref (CM_TYPE_SERVICE_AREA);

  g_assert_cmpint (ABS (sum_of (totals) - sql_spend (f, "")), <=, ROUNDING);
  assert_largest_first (totals);
  for (guint i = 0; i < totals->len; i++)
    {
      CmSpendTotal *total = g_ptr_array_index (totals, i);
      const char *nick = NULL;
      g_autofree char *where = NULL;

      for (guint v = 0; v < areas->n_values; v++)
        if (g_str_equal (cm_enum_to_label (CM_TYPE_SERVICE_AREA, areas->values[v].value),
                         total->label))
          nick = areas->values[v].value_nick;
      g_assert_nonnull (nick);
      where = g_strdup_printf ("WHERE sv.area = '%s'", nick);
      g_assert_cmpint (ABS (total->pence - sql_spend (f, where)), <=, ROUNDING);
    }
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Eight quarters of the financial year, back to back, from the one
 * holding today; each counts the open contracts the file says end in it. */
static void
test_endings_by_quarter (Fixture *f, gconstpointer data)
{
  guint total = 0;

  g_assert_cmpint (g_date_compare (&f->charts->quarters[0].first, f->today), <=, 0);
  g_assert_cmpint (g_date_compare (&f->charts->quarters[0].last, f->today), >=, 0);
  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    {
      CmReportPeriod *quarter = &f->charts->quarters[q];
      g_autofree char *first = iso (&quarter->first);
      g_autofree char *last = iso (&quarter->last);

      g_assert_cmpint (g_date_get_day (&quarter->first), ==, 1);
      g_assert_cmpint ((g_date_get_month (&quarter->first) - G_DATE_APRIL + 12) % 3, ==, 0);
      if (q > 0)
        g_assert_cmpint (g_date_days_between (&f->charts->quarters[q - 1].last,
                                              &quarter->first), ==, 1);
      g_assert_cmpint (f->charts->ending[q], ==,
                       query_int (f->path,
                                  "SELECT count(*) FROM contract WHERE end_date BETWEEN '%s'"
                                  " AND '%s' AND decommissioned_on = '' AND outcome = 'none'",
                                  first, last));
      total += f->charts->ending[q];
    }
  g_assert_cmpuint (total, >, 0);
}

/* The same ends as the Deadlines page lists. */
static void
test_endings_match_the_deadlines (Fixture *f, gconstpointer data)
{
  CmDeadlineSettings settings;
  g_autoptr(GPtrArray) deadlines = NULL;
  guint ending[CM_CHART_QUARTERS] = { 0 };
  guint skipped;

  cm_deadline_settings_load (f->store, &settings);
  deadlines = cm_deadlines_collect (cm_store_list (f->store, CM_TYPE_CONTRACT), f->today,
                                    &settings, &skipped);
  for (guint i = 0; i < deadlines->len; i++)
    {
      CmDeadline *d = g_ptr_array_index (deadlines, i);

      if (d->kind != CM_DEADLINE_KIND_END || cm_contract_is_closed (d->contract))
        continue;
      for (guint q = 0; q < CM_CHART_QUARTERS; q++)
        ending[q] += g_date_compare (&d->date, &f->charts->quarters[q].first) >= 0 &&
                     g_date_compare (&d->date, &f->charts->quarters[q].last) <= 0;
    }
  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    g_assert_cmpuint (f->charts->ending[q], ==, ending[q]);
}

/* Worked out beside the overview, from the dates it worked out, the
 * charts say what they say alone. */
static void
test_with_the_overview (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOverviewCharts) charts = NULL;
  g_autoptr(CmOverview) overview = cm_overview_collect_with_charts (f->store, f->today, NULL,
                                                                   &charts, &error);
  g_autoptr(CmOverview) alone = cm_overview_collect (f->store, f->today);
  guint ending = 0;

  g_assert_no_error (error);
  g_assert_nonnull (charts);
  for (guint s = 0; s < G_N_ELEMENTS (charts->stages); s++)
    {
      g_assert_cmpuint (charts->stages[s].services, ==, f->charts->stages[s].services);
      g_assert_cmpuint (charts->stages[s].held, ==, f->charts->stages[s].held);
    }
  g_assert_cmpuint (charts->spend_by_type->len, ==, f->charts->spend_by_type->len);
  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    {
      g_assert_cmpuint (charts->ending[q], ==, f->charts->ending[q]);
      ending += charts->ending[q];
    }
  g_assert_cmpuint (ending, >, 0);
  g_assert_cmpuint (overview->attention->len, ==, alone->attention->len);
  g_assert_cmpuint (overview->held->len, ==, alone->held->len);
  g_assert_cmpuint (overview->overdue_dates, ==, alone->overdue_dates);
}

/* Readers asking for the pass over the contracts of an unchanged file
 * share one; a change to it makes a new one, which sees the change. */
static void
test_pass_shared_until_changed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmContractPass) first = cm_contract_pass_shared (f->store, f->today, NULL, &error);
  g_autoptr(CmContractPass) again = cm_contract_pass_shared (f->store, f->today, NULL, &error);
  g_autoptr(CmContractPass) changed = NULL;
  CmEntity *contract;
  gboolean seen = FALSE;

  g_assert_no_error (error);
  g_assert_true (first == again);
  g_assert_cmpuint (first->due->len, >, 0);
  contract = cm_store_find (f->store, CM_TYPE_CONTRACT,
                            ((CmDateDue *) g_ptr_array_index (first->due, 0))->contract_id);
  g_object_set (contract, "title", "Renamed for the shared pass", NULL);
  g_assert_true (cm_store_save (f->store, contract, &error));
  g_assert_no_error (error);
  changed = cm_contract_pass_shared (f->store, f->today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (changed != first);
  g_assert_cmpuint (changed->due->len, ==, first->due->len);
  for (guint i = 0; i < changed->due->len; i++)
    {
      const CmDateDue *due = g_ptr_array_index (changed->due, i);

      if (due->contract_id == cm_entity_get_id (contract))
        {
          g_assert_cmpstr (due->title, ==, "Renamed for the shared pass");
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

/* No services, no contracts: every figure is zero, nothing fails. */
static void
test_empty_portfolio (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("charts-empty.commissioner", &path);
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOverviewCharts) charts = cm_overview_charts_collect (store, today, &error);

  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (charts->stages); s++)
    g_assert_cmpuint (charts->stages[s].services, ==, 0);
  g_assert_cmpuint (charts->spend_by_commissioner->len, ==, 0);
  g_assert_cmpuint (charts->spend_by_type->len, ==, 0);
  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    g_assert_cmpuint (charts->ending[q], ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/overview-charts/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("stages-match-the-file", test_stages_match_the_file);
  ADD ("held-matches-the-gates", test_held_matches_the_gates);
  ADD ("spend-by-commissioner", test_spend_by_commissioner);
  ADD ("spend-by-type", test_spend_by_type);
  ADD ("endings-by-quarter", test_endings_by_quarter);
  ADD ("endings-match-the-deadlines", test_endings_match_the_deadlines);
  ADD ("with-the-overview", test_with_the_overview);
  ADD ("pass-shared-until-changed", test_pass_shared_until_changed);
#undef ADD
  g_test_add_func ("/overview-charts/empty-portfolio", test_empty_portfolio);
  return g_test_run ();
}
