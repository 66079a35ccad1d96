/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-committees.c: performance by Community Committee area, as PDF
 *
 * Seed 004 recommendation 1 asks that the performance of commissioned
 * services be reported consistently through the Community Committees: per
 * committee, its services, their contracts and annual value, and how many
 * of their measures are on target. Services with no committee form their
 * own group, so the groups add up to the portfolio. Only the contracts
 * running on the report's day are counted: a service's stored totals sum
 * every contract it ever had, ended, re-let and decommissioned ones too.
 */
#include <glib/gi18n-lib.h>

#include "cm-contract-span.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-enums.h"
#include "cm-measure-target.h"
#include "cm-money.h"
#include "cm-report.h"

#define N_COMMITTEES (CM_COMMUNITY_COMMITTEE_OUTER_WEST + 1)
#define N_STANDINGS (CM_TARGET_MISSED + 1)

typedef struct {
  guint services;
  guint contracts;
  gint64 annual_value;
  guint standings[N_STANDINGS]; /* measures, by CmTargetStanding */
} Tally;

typedef struct {
  gint64 id;
  CmService *service;
  Tally tally;
} ServiceRow;

typedef struct {
  const CmReportContext *context;
  GPtrArray *rows[N_COMMITTEES]; /* of ServiceRow, by name */
  Tally tallies[N_COMMITTEES];
  Tally total;
} Committees;

static void
service_row_free (gpointer data)
{
  ServiceRow *row = data;

  g_object_unref (row->service);
  g_free (row);
}

static void
tally_add (Tally *into, const Tally *tally)
{
  into->services += tally->services;
  into->contracts += tally->contracts;
  into->annual_value += tally->annual_value;
  for (guint i = 0; i < N_STANDINGS; i++)
    into->standings[i] += tally->standings[i];
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  const ServiceRow *x = *(ServiceRow * const *) a;
  const ServiceRow *y = *(ServiceRow * const *) b;

  return g_utf8_collate (cm_service_get_name (x->service), cm_service_get_name (y->service));
}

/* Each service into its committee's group, keyed by its id for the measures. */
static void
collect_services (Committees *committees, GHashTable *by_id)
{
  GListModel *services = cm_store_list (committees->context->store, CM_TYPE_SERVICE);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      ServiceRow *row = g_new0 (ServiceRow, 1);
      guint committee;

      row->service = g_list_model_get_item (services, i);
      row->id = cm_entity_get_id (CM_ENTITY (row->service));
      row->tally.services = 1;
      committee = cm_service_get_community_committee (row->service);
      if (committee >= N_COMMITTEES)
        committee = CM_COMMUNITY_COMMITTEE_NONE;
      g_ptr_array_add (committees->rows[committee], row);
      g_hash_table_insert (by_id, &row->id, row);
    }
}

/* Not closed, started (or its start not recorded) and not yet ended (or
 * its end not known) on @today: a contract the committee still pays for. */
static gboolean
runs_on (CmContract *contract, const GDate *today, const CmDeadlineSettings *settings)
{
  GDate start, end;

  if (cm_contract_is_closed (contract))
    return FALSE;
  cm_contract_span (contract, today, settings, &start, &end);
  return (!g_date_valid (&start) || g_date_compare (&start, today) <= 0) &&
         (!g_date_valid (&end) || g_date_compare (&end, today) >= 0);
}

static void
collect_contracts (Committees *committees, GHashTable *by_id)
{
  GListModel *contracts = cm_store_list (committees->context->store, CM_TYPE_CONTRACT);
  CmDeadlineSettings settings;

  cm_deadline_settings_load (committees->context->store, &settings);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      gint64 service_id = cm_contract_get_service_id (contract);
      ServiceRow *row = g_hash_table_lookup (by_id, &service_id);

      if (row == NULL || !runs_on (contract, committees->context->today, &settings))
        continue;
      row->tally.contracts++;
      row->tally.annual_value += cm_contract_get_annual_value (contract);
    }
}

static void
collect_measures (Committees *committees, GHashTable *by_id)
{
  GListModel *measures = cm_store_list (committees->context->store, CM_TYPE_MEASURE);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(CmMeasure) measure = g_list_model_get_item (measures, i);
      gint64 service_id = cm_measure_get_service_id (measure);
      ServiceRow *row = g_hash_table_lookup (by_id, &service_id);

      if (row)
        row->tally.standings[cm_measure_target_standing (measure)]++;
    }
}

static void
collect (Committees *committees)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint c = 0; c < N_COMMITTEES; c++)
    committees->rows[c] = g_ptr_array_new_with_free_func (service_row_free);
  collect_services (committees, by_id);
  collect_contracts (committees, by_id);
  collect_measures (committees, by_id);
  for (guint c = 0; c < N_COMMITTEES; c++)
    {
      g_ptr_array_sort (committees->rows[c], by_name);
      for (guint i = 0; i < committees->rows[c]->len; i++)
        {
          ServiceRow *row = g_ptr_array_index (committees->rows[c], i);

          tally_add (&committees->tallies[c], &row->tally);
        }
      tally_add (&committees->total, &committees->tallies[c]);
    }
}

/* The ten committees in order, then the services that have none. */
static guint
nth_committee (guint n)
{
  return n + 1 < N_COMMITTEES ? n + 1 : CM_COMMUNITY_COMMITTEE_NONE;
}

static const char *
committee_name (guint committee)
{
  return cm_enum_to_label (CM_TYPE_COMMUNITY_COMMITTEE, committee);
}

/* A row of figures after its first cell: services (when @with_services),
 * contracts, annual value and the measures by standing; ruled off as the
 * table's total when @total. */
static void
draw_tally_row (CmReportPage *page, const char *first, const Tally *tally,
                gboolean with_services, gboolean total)
{
  g_autofree char *services = g_strdup_printf ("%u", tally->services);
  g_autofree char *contracts = g_strdup_printf ("%u", tally->contracts);
  g_autofree char *value = cm_money_format (tally->annual_value);
  g_autofree char *met = g_strdup_printf ("%u", tally->standings[CM_TARGET_MET]);
  g_autofree char *missed = g_strdup_printf ("%u", tally->standings[CM_TARGET_MISSED]);
  g_autofree char *none = g_strdup_printf ("%u", tally->standings[CM_TARGET_NO_VALUE]);
  const char *with[] = { first, services, contracts, value, met, missed, none };
  const char *without[] = { first, contracts, value, met, missed, none };

  if (total)
    cm_report_page_total_row (page, with_services ? with : without);
  else
    cm_report_page_row (page, with_services ? with : without);
}

static void
draw_summary (CmReportPage *page, Committees *committees)
{
  const char *headers[] = { _("Community Committee"), _("Services"), _("Contracts"),
                            _("Annual value"), _("On target"), _("Off target"),
                            _("No value yet"), NULL };
  static const double shares[] = { 0.26, 0.11, 0.12, 0.18, 0.11, 0.11, 0.11 };
  guint total = committees->total.services;
  guint unassigned = committees->tallies[CM_COMMUNITY_COMMITTEE_NONE].services;
  g_autofree char *services = g_strdup_printf (
    /* Translators: the first sentence of the committees report's summary. */
    ngettext ("The portfolio holds %u service.", "The portfolio holds %u services.", total),
    total);
  g_autofree char *not_assigned = g_strdup_printf (
    /* Translators: follows "The portfolio holds N services." */
    ngettext ("%u service is not assigned to a Community Committee.",
              "%u services are not assigned to a Community Committee.", unassigned),
    unassigned);
  g_autofree char *counted = g_strdup_printf (
    /* Translators: %s is the report's day, as "22 November 2026". */
    _("Contracts and annual value count only the contracts running on %s: started, not yet "
      "ended, not decommissioned and with no outcome recorded. A measure is on target when "
      "its latest value meets its target."), committees->context->as_on);

  cm_report_page_heading (page, _("Summary"));
  cm_report_page_paragraph (page, services);
  cm_report_page_paragraph (page, unassigned == 0
                            ? _("Every service is assigned to a Community Committee.")
                            : not_assigned);
  cm_report_page_paragraph (page, counted);
  cm_report_page_table (page, headers, shares);
  for (guint n = 0; n < N_COMMITTEES; n++)
    {
      guint c = nth_committee (n);

      draw_tally_row (page, committee_name (c), &committees->tallies[c], TRUE, FALSE);
    }
  draw_tally_row (page, _("Total"), &committees->total, TRUE, TRUE);
  cm_report_page_end_table (page);
}

static void
draw_committee (CmReportPage *page, Committees *committees, guint committee)
{
  const char *headers[] = { _("Service"), _("Contracts"), _("Annual value"), _("On target"),
                            _("Off target"), _("No value yet"), NULL };
  static const double shares[] = { 0.37, 0.12, 0.18, 0.11, 0.11, 0.11 };
  GPtrArray *rows = committees->rows[committee];

  cm_report_page_heading (page, committee_name (committee));
  if (rows->len == 0)
    {
      cm_report_page_paragraph (page, committee == CM_COMMUNITY_COMMITTEE_NONE
                                ? _("Every service is assigned to a Community Committee.")
                                : _("No service is assigned to this Community Committee."));
      return;
    }
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < rows->len; i++)
    {
      ServiceRow *row = g_ptr_array_index (rows, i);

      draw_tally_row (page, cm_service_get_name (row->service), &row->tally, FALSE, FALSE);
    }
  draw_tally_row (page, _("Total"), &committees->tallies[committee], FALSE, TRUE);
  cm_report_page_end_table (page);
}

static void
draw_report (CmReportPage *page, gpointer data)
{
  Committees *committees = data;

  cm_report_title_page (page, committees->context, _("Performance by Community Committee area"),
                        NULL);
  if (committees->total.services == 0)
    {
      cm_report_page_heading (page, _("Summary"));
      cm_report_page_paragraph (page, _("This portfolio holds no services, so there is no "
                                        "performance to report by Community Committee area. "
                                        "Add services and choose each one's Community "
                                        "Committee."));
      return;
    }
  draw_summary (page, committees);
  for (guint n = 0; n < N_COMMITTEES; n++)
    draw_committee (page, committees, nth_committee (n));
}

gboolean
cm_report_committees (const CmReportContext *context, const char *path, GError **error)
{
  Committees committees = { context };
  gboolean written;

  collect (&committees);
  written = cm_report_render (context, path, _("Performance by Community Committee area"),
                              draw_report, &committees, error);
  for (guint c = 0; c < N_COMMITTEES; c++)
    g_ptr_array_unref (committees.rows[c]);
  return written;
}
