/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-six-monthly.c: the six-monthly progress report, as PDF
 *
 * Seed 004 recommendation 2 asks the operational group for a progress
 * report every six months on performance and quality, the commissioning
 * workforce and shared intelligence; recommendation 3 asks that those who
 * write equality impact assessments stay trained, and that the lessons of
 * each decommissioning be shared. This report covers the six months
 * ending on the day it is drawn.
 */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-eia.h"
#include "cm-measure-target.h"
#include "cm-report.h"
#include "cm-risk.h"
#include "cm-service.h"
#include "cm-staff.h"

typedef struct {
  const CmReportContext *context;
  GHashTable *services;   /* CmService by its id */
  GDate first;            /* the period's first day; its last is today */
  char *period;           /* "23 May 2026 to 22 November 2026" */
  GPtrArray *measures;    /* of CmMeasure, by service then name */
  GPtrArray *risks;       /* of CmRisk, highest score first */
  GPtrArray *staff;       /* of CmStaff, by name */
  GPtrArray *decommissions; /* of CmDecommission in the period or still open */
  guint decommissions_before; /* completed before the period */
  GPtrArray *reviews;     /* of CmEia reviewed in the period */
  guint reviews_before;   /* reviewed before it */
} Progress;

/* ---- what the report holds ------------------------------------------- */

static GPtrArray *
all_of (CmStore *store, GType type)
{
  GListModel *list = cm_store_list (store, type);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  return items;
}

static char *
text_of (gpointer entity, const char *property)
{
  return cm_entity_property_text (CM_ENTITY (entity), property);
}

static int
compare_text (gpointer a, gpointer b, const char *property)
{
  g_autofree char *x = text_of (a, property);
  g_autofree char *y = text_of (b, property);

  return g_utf8_collate (x, y);
}

static int
measure_order (gconstpointer a, gconstpointer b)
{
  gpointer x = *(gpointer const *) a, y = *(gpointer const *) b;
  int by_service = compare_text (x, y, "service-name");

  return by_service ? by_service : compare_text (x, y, "name");
}

static int
risk_order (gconstpointer a, gconstpointer b)
{
  CmRisk *x = *(CmRisk * const *) a, *y = *(CmRisk * const *) b;
  int by_score = cm_risk_get_score (y) - cm_risk_get_score (x);

  return by_score ? by_score : compare_text (x, y, "service-name");
}

static int
staff_order (gconstpointer a, gconstpointer b)
{
  return compare_text (*(gpointer const *) a, *(gpointer const *) b, "name");
}

static gboolean
in_period (const Progress *progress, const char *iso)
{
  GDate day;

  return cm_date_parse_iso (iso, &day) && g_date_compare (&day, &progress->first) >= 0 &&
         g_date_compare (&day, progress->context->today) <= 0;
}

static gboolean
before_period (const Progress *progress, const char *iso)
{
  GDate day;

  return cm_date_parse_iso (iso, &day) && g_date_compare (&day, &progress->first) < 0;
}

/* Those decided or completed in the period, and those still under way
 * (one completed after the report's day is still under way on it); only
 * the ones completed before the period's first day are just counted. */
static void
collect_decommissions (Progress *progress)
{
  g_autoptr(GPtrArray) all = all_of (progress->context->store, CM_TYPE_DECOMMISSION);

  progress->decommissions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      CmDecommission *d = g_ptr_array_index (all, i);
      const char *completed = cm_decommission_get_completed_on (d);

      if (before_period (progress, completed) &&
          !in_period (progress, cm_decommission_get_decision_date (d)))
        progress->decommissions_before++;
      else
        g_ptr_array_add (progress->decommissions, g_object_ref (d));
    }
}

static GHashTable *
services_by_id (CmStore *store)
{
  GListModel *list = cm_store_list (store, CM_TYPE_SERVICE);
  GHashTable *services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CmEntity *service = g_list_model_get_item (list, i);
      gint64 id = cm_entity_get_id (service);

      g_hash_table_insert (services, g_memdup2 (&id, sizeof id), service);
    }
  return services;
}

/* The reviews of EIAs after a decommission (seed 004 recommendation 3b):
 * how well each assessment predicted the effects, and what was learned. */
static void
collect_reviews (Progress *progress)
{
  g_autoptr(GPtrArray) all = all_of (progress->context->store, CM_TYPE_EIA);

  progress->reviews = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      CmEia *eia = g_ptr_array_index (all, i);
      const char *reviewed = cm_eia_get_reviewed_on (eia);

      if (in_period (progress, reviewed))
        g_ptr_array_add (progress->reviews, g_object_ref (eia));
      else if (*reviewed)
        progress->reviews_before++;
    }
}

static void
collect (Progress *progress)
{
  CmStore *store = progress->context->store;
  g_autofree char *from = NULL;
  g_autofree char *to = cm_date_to_long (progress->context->today);

  progress->first = *progress->context->today;
  g_date_subtract_months (&progress->first, 6);
  g_date_add_days (&progress->first, 1);
  from = cm_date_to_long (&progress->first);
  /* TRANSLATORS: the period a report covers: "23 May 2026 to 22 November 2026" */
  progress->period = g_strdup_printf (_("%s to %s"), from, to);
  progress->services = services_by_id (store);
  progress->measures = all_of (store, CM_TYPE_MEASURE);
  g_ptr_array_sort (progress->measures, measure_order);
  progress->risks = all_of (store, CM_TYPE_RISK);
  g_ptr_array_sort (progress->risks, risk_order);
  progress->staff = all_of (store, CM_TYPE_STAFF);
  g_ptr_array_sort (progress->staff, staff_order);
  collect_decommissions (progress);
  collect_reviews (progress);
}

static void
progress_clear (Progress *progress)
{
  g_free (progress->period);
  g_hash_table_unref (progress->services);
  g_ptr_array_unref (progress->measures);
  g_ptr_array_unref (progress->risks);
  g_ptr_array_unref (progress->staff);
  g_ptr_array_unref (progress->decommissions);
  g_ptr_array_unref (progress->reviews);
}

/* "22 Nov 2026", or @missing for a date not given. */
static char *
short_date (const char *iso, const char *missing)
{
  g_autofree char *text = NULL;
  GDate day;

  if (!cm_date_parse_iso (iso, &day) || *(text = cm_date_to_short (&day)) == '\0')
    return g_strdup (missing);
  return g_steal_pointer (&text);
}

/* The service's name, with its Community Committee where it has one:
 * local services of different areas often share a name. */
static char *
service_text (Progress *progress, gint64 service_id)
{
  CmService *service = g_hash_table_lookup (progress->services, &service_id);
  CmCommunityCommittee committee;

  if (service == NULL)
    return g_strdup ("");
  committee = cm_service_get_community_committee (service);
  if (committee == CM_COMMUNITY_COMMITTEE_NONE)
    return g_strdup (cm_service_get_name (service));
  /* TRANSLATORS: a service and its Community Committee: "Healthy Living (Inner West)" */
  return g_strdup_printf (_("%s (%s)"), cm_service_get_name (service),
                          cm_enum_to_label (CM_TYPE_COMMUNITY_COMMITTEE, committee));
}

/* ---- the title page --------------------------------------------------- */

static void
draw_title (CmReportPage *page, Progress *progress)
{
  /* TRANSLATORS: on a report's title page, then the period it covers */
  g_autofree char *covering = g_strdup_printf (_("The six months from %s"), progress->period);

  cm_report_title_page (page, progress->context, _("Six-monthly progress report"), covering);
}

/* ---- performance and quality ------------------------------------------ */

static char *
latest_text (CmMeasure *measure)
{
  g_autofree char *unit = text_of (measure, "unit");

  if (cm_measure_get_value_count (measure) == 0)
    return g_strdup (_("None yet"));
  /* TRANSLATORS: a measure's latest value, its unit and period: "80 % (2026-Q2)" */
  return g_strdup_printf (_("%g %s (%s)"), cm_measure_get_latest_value (measure), unit,
                          cm_measure_get_latest_period (measure));
}

static const char *
trend_label (CmTrend trend)
{
  switch (trend)
    {
    case CM_TREND_BETTER:
      return _("Better");
    case CM_TREND_WORSE:
      return _("Worse");
    case CM_TREND_SAME:
      return _("The same");
    case CM_TREND_NONE:
    default:
      return _("Not yet known");
    }
}

static void
draw_measures (CmReportPage *page, Progress *progress)
{
  const char *headers[] = { _("Service"), _("Measure"), _("Latest"), _("Target"), _("Trend"),
                            _("Standing"), NULL };
  static const double shares[] = { 0.20, 0.22, 0.17, 0.15, 0.11, 0.15 };
  guint counts[CM_TARGET_MISSED + 1] = { 0 };
  g_autofree char *summary = NULL;

  cm_report_page_heading (page, _("Performance and quality: measures"));
  if (progress->measures->len == 0)
    {
      cm_report_page_paragraph (page, _("No performance measure is recorded for any service. "
                                        "Add measures and their values on each service's "
                                        "page."));
      return;
    }
  for (guint i = 0; i < progress->measures->len; i++)
    counts[cm_measure_target_standing (g_ptr_array_index (progress->measures, i))]++;
  summary = g_strdup_printf (ngettext ("%u measure: %u on target, %u off target and %u with no "
                                       "value yet. The trend compares the latest value with "
                                       "the one before it.",
                                       "%u measures: %u on target, %u off target and %u with "
                                       "no value yet. The trend compares the latest value with "
                                       "the one before it.", progress->measures->len),
                             progress->measures->len, counts[CM_TARGET_MET],
                             counts[CM_TARGET_MISSED], counts[CM_TARGET_NO_VALUE]);
  cm_report_page_paragraph (page, summary);
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < progress->measures->len; i++)
    {
      CmMeasure *m = g_ptr_array_index (progress->measures, i);
      g_autofree char *service = service_text (progress, cm_measure_get_service_id (m));
      g_autofree char *latest = latest_text (m);
      g_autofree char *unit = text_of (m, "unit");
      g_autofree char *target = g_strdup_printf ("%g %s", cm_measure_get_target (m), unit);
      const char *cells[] = { service, cm_measure_get_name (m), latest, target,
                              trend_label (cm_measure_get_trend (m)),
                              cm_target_standing_label (cm_measure_target_standing (m)) };

      cm_report_page_row (page, cells);
    }
  cm_report_page_end_table (page);
}

/* The day a risk is to be reviewed by, and whether that day has passed. */
static char *
review_text (Progress *progress, const char *iso)
{
  g_autofree char *day = short_date (iso, _("Not set"));
  GDate due;

  if (!cm_date_parse_iso (iso, &due) || g_date_compare (&due, progress->context->today) >= 0)
    return g_steal_pointer (&day);
  /* TRANSLATORS: a risk's review date that has passed: "12 Nov 2026, overdue" */
  return g_strdup_printf (_("%s, overdue"), day);
}

static void
draw_risks (CmReportPage *page, Progress *progress)
{
  const char *headers[] = { _("Service"), _("Risk"), _("Score"), _("Rating"), _("Review by"),
                            NULL };
  static const double shares[] = { 0.22, 0.44, 0.08, 0.11, 0.15 };
  guint counts[CM_RAG_RED + 1] = { 0 };
  g_autofree char *summary = NULL;

  cm_report_page_heading (page, _("Performance and quality: risks"));
  if (progress->risks->len == 0)
    {
      cm_report_page_paragraph (page, _("No risk is recorded in any service's risk register."));
      return;
    }
  for (guint i = 0; i < progress->risks->len; i++)
    counts[cm_risk_get_rag (g_ptr_array_index (progress->risks, i))]++;
  summary = g_strdup_printf (ngettext ("%u risk, highest score first: %u red, %u amber and %u "
                                       "green. The score is likelihood times impact.",
                                       "%u risks, highest score first: %u red, %u amber and %u "
                                       "green. The score is likelihood times impact.",
                                       progress->risks->len),
                             progress->risks->len, counts[CM_RAG_RED], counts[CM_RAG_AMBER],
                             counts[CM_RAG_GREEN]);
  cm_report_page_paragraph (page, summary);
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < progress->risks->len; i++)
    {
      CmRisk *r = g_ptr_array_index (progress->risks, i);
      g_autofree char *service = service_text (progress, cm_risk_get_service_id (r));
      g_autofree char *score = g_strdup_printf ("%d", cm_risk_get_score (r));
      g_autofree char *review = review_text (progress, cm_risk_get_review_date (r));
      const char *cells[] = { service, cm_risk_get_description (r), score,
                              cm_enum_to_label (CM_TYPE_RAG, cm_risk_get_rag (r)), review };

      cm_report_page_row (page, cells);
    }
  cm_report_page_end_table (page);
}

/* ---- commissioning workforce ------------------------------------------ */

static const char *
training_label (CmTraining training)
{
  switch (training)
    {
    case CM_TRAINING_CURRENT:
      return _("Current");
    case CM_TRAINING_OUT_OF_DATE:
      return _("Expired");
    case CM_TRAINING_MISSING:
    default:
      return _("Never trained");
    }
}

static void
draw_staff_summary (CmReportPage *page, Progress *progress)
{
  guint counts[CM_TRAINING_MISSING + 1] = { 0 };
  guint trained_in_period = 0;
  g_autofree char *summary = NULL;
  g_autofree char *recent = NULL;

  for (guint i = 0; i < progress->staff->len; i++)
    {
      CmStaff *s = g_ptr_array_index (progress->staff, i);

      counts[cm_staff_training (s, progress->context->today, NULL)]++;
      trained_in_period += in_period (progress, cm_staff_get_eia_trained_on (s));
    }
  summary = g_strdup_printf (ngettext ("EIA training of %u member of staff on the day: %u "
                                       "current, %u expired and %u never trained.",
                                       "EIA training of %u members of staff on the day: %u "
                                       "current, %u expired and %u never trained.",
                                       progress->staff->len),
                             progress->staff->len, counts[CM_TRAINING_CURRENT],
                             counts[CM_TRAINING_OUT_OF_DATE], counts[CM_TRAINING_MISSING]);
  recent = g_strdup_printf (ngettext ("%u was trained or refreshed in the six months.",
                                      "%u were trained or refreshed in the six months.",
                                      trained_in_period), trained_in_period);
  cm_report_page_paragraph (page, summary);
  cm_report_page_paragraph (page, recent);
}

static void
draw_workforce (CmReportPage *page, Progress *progress)
{
  const char *headers[] = { _("Name"), _("Role"), _("EIA training"), _("Refresher due"),
                            _("Training"), NULL };
  static const double shares[] = { 0.24, 0.28, 0.16, 0.16, 0.16 };

  cm_report_page_heading (page, _("Commissioning workforce"));
  if (progress->staff->len == 0)
    {
      cm_report_page_paragraph (page, _("No commissioning staff are recorded, so no EIA "
                                        "training can be reported. Add your staff and the "
                                        "day each was trained."));
      return;
    }
  draw_staff_summary (page, progress);
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < progress->staff->len; i++)
    {
      CmStaff *s = g_ptr_array_index (progress->staff, i);
      GDate due = { 0 };
      CmTraining training = cm_staff_training (s, progress->context->today, &due);
      g_autofree char *role = text_of (s, "role");
      g_autofree char *trained = short_date (cm_staff_get_eia_trained_on (s), _("Never"));
      g_autofree char *due_iso = g_date_valid (&due) ? cm_date_format_iso (&due) : g_strdup ("");
      g_autofree char *due_text = short_date (due_iso, "");
      const char *cells[] = { cm_staff_get_name (s), role, trained, due_text,
                              training_label (training) };

      cm_report_page_row (page, cells);
    }
  cm_report_page_end_table (page);
}

/* ---- decommissions and their lessons ---------------------------------- */

static void
draw_decommissions (CmReportPage *page, Progress *progress)
{
  const char *headers[] = { _("Service"), _("Decided"), _("Completed"), _("Lessons learned"),
                            NULL };
  static const double shares[] = { 0.22, 0.13, 0.13, 0.52 };

  cm_report_page_heading (page, _("Shared intelligence: decommissions and their lessons"));
  if (progress->decommissions_before > 0)
    {
      g_autofree char *earlier = g_strdup_printf (
        ngettext ("%u decommission completed before the six months is not shown.",
                  "%u decommissions completed before the six months are not shown.",
                  progress->decommissions_before), progress->decommissions_before);

      cm_report_page_paragraph (page, earlier);
    }
  if (progress->decommissions->len == 0)
    {
      cm_report_page_paragraph (page, _("No service was decommissioned in the six months, and "
                                        "none is being decommissioned."));
      return;
    }
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < progress->decommissions->len; i++)
    {
      CmDecommission *d = g_ptr_array_index (progress->decommissions, i);
      g_autofree char *service = text_of (d, "service-name");
      g_autofree char *lessons = text_of (d, "lessons");
      g_autofree char *decided = short_date (cm_decommission_get_decision_date (d),
                                             _("Not recorded"));
      g_autofree char *completed = short_date (cm_decommission_get_completed_on (d),
                                               _("Under way"));
      const char *cells[] = { service, decided, completed,
                              *lessons ? lessons : _("No lessons recorded yet.") };

      cm_report_page_row (page, cells);
    }
  cm_report_page_end_table (page);
}

static void
draw_reviews (CmReportPage *page, Progress *progress)
{
  const char *headers[] = { _("Service"), _("Reviewed"), _("Impacts not predicted"),
                            _("Lessons learned"), NULL };
  static const double shares[] = { 0.22, 0.13, 0.30, 0.35 };

  cm_report_page_heading (page, _("Shared intelligence: equality impact assessments reviewed"));
  if (progress->reviews_before > 0)
    {
      g_autofree char *earlier = g_strdup_printf (
        ngettext ("%u review made before the six months is not shown.",
                  "%u reviews made before the six months are not shown.",
                  progress->reviews_before), progress->reviews_before);

      cm_report_page_paragraph (page, earlier);
    }
  if (progress->reviews->len == 0)
    {
      cm_report_page_paragraph (page, _("No equality impact assessment was reviewed after a "
                                        "decommission in the six months."));
      return;
    }
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < progress->reviews->len; i++)
    {
      CmEia *eia = g_ptr_array_index (progress->reviews, i);
      g_autofree char *service = service_text (progress, cm_eia_get_service_id (eia));
      g_autofree char *reviewed = short_date (cm_eia_get_reviewed_on (eia), "");
      g_autofree char *impacts = text_of (eia, "unpredicted-impacts");
      g_autofree char *lessons = text_of (eia, "lessons");
      const char *cells[] = { service, reviewed, impacts,
                              *lessons ? lessons : _("No lessons recorded yet.") };

      cm_report_page_row (page, cells);
    }
  cm_report_page_end_table (page);
}

static void
draw_report (CmReportPage *page, gpointer data)
{
  Progress *progress = data;

  draw_title (page, progress);
  draw_measures (page, progress);
  draw_risks (page, progress);
  draw_workforce (page, progress);
  draw_decommissions (page, progress);
  draw_reviews (page, progress);
}

gboolean
cm_report_six_monthly (const CmReportContext *context, const char *path, GError **error)
{
  Progress progress = { context };
  gboolean written;

  collect (&progress);
  written = cm_report_render (context, path, _("Six-monthly progress report"), draw_report,
                              &progress, error);
  progress_clear (&progress);
  return written;
}
