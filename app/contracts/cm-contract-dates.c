/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-dates.c: the dates that follow from a contract's term
 *
 * Commissioners count a term from the start date to the day before the
 * anniversary (a five-year contract from 1 June 2016 ends on 31 May 2021),
 * and "N months before" a date is the same day N months earlier, or that
 * month's last day when it is shorter (DOMAIN.md, seed 001 L1077). Each
 * extension is counted from its own start, the day after the period
 * before it ends.
 */
#include <glib/gi18n-lib.h>

#include "cm-contract-dates.h"

/* GLib's month arithmetic already falls back to the last day of a
 * shorter month: 31 August minus 6 months is 28 or 29 February. */
void
cm_date_add_period (GDate *date, const CmPeriod *period)
{
  g_date_add_months (date, period->months);
  g_date_add_days (date, period->days);
}

void
cm_date_subtract_period (GDate *date, const CmPeriod *period)
{
  g_date_subtract_months (date, period->months);
  g_date_subtract_days (date, period->days);
}

/* An anniversary that falls on a day the month lacks (31 March plus six
 * months) moves to the 1st of the next month, so the period ends on the
 * last day of the shorter month (30 September). */
void
cm_date_period_end (GDate *end, const GDate *start, const CmPeriod *period)
{
  *end = *start;
  g_date_add_months (end, period->months);
  if (g_date_get_day (end) < g_date_get_day (start))
    g_date_add_days (end, 1);
  g_date_add_days (end, period->days);
  g_date_subtract_days (end, 1);
}

/* The end after the next period, which starts the day after @end and is
 * counted from its own start (DOMAIN.md, "Extensions chain"). */
static void
chain (GDate *end, const CmPeriod *period)
{
  GDate start = *end;

  g_date_add_days (&start, 1);
  cm_date_period_end (end, &start, period);
}

static const CmExtension *
extension_at (const CmTerm *term, guint i)
{
  return &g_array_index (term->extensions, CmExtension, i);
}

/* The end of the initial period and the invoked extensions, each counted
 * from its own start; FALSE when the term does not say how long the
 * initial period is. */
static gboolean
term_end (GDate *end, const GDate *start, const CmTerm *term)
{
  if (start == NULL || term == NULL || !cm_term_states_initial (term))
    return FALSE;
  cm_date_period_end (end, start, &term->initial);
  for (guint i = 0; i < term->extensions->len; i++)
    if (extension_at (term, i)->invoked)
      chain (end, &extension_at (term, i)->length);
  return TRUE;
}

/* @current plus every extension still to take. */
static void
latest_end (GDate *latest, const GDate *current, const CmTerm *term)
{
  *latest = *current;
  for (guint i = 0; term && i < term->extensions->len; i++)
    if (!extension_at (term, i)->invoked)
      chain (latest, &extension_at (term, i)->length);
}

static gboolean
has_extension_left (const CmTerm *term)
{
  return term && cm_term_count_invoked (term) < term->extensions->len;
}

/* Whether a date is still ahead, close, or gone by. */
CmDeadlineStatus
cm_deadline_status_on (const GDate *due, const GDate *today, const CmDeadlineSettings *settings)
{
  int days_left = g_date_days_between (today, due);

  if (days_left < 0)
    return CM_DEADLINE_OVERDUE;
  if (days_left <= settings->due_soon_days)
    return CM_DEADLINE_DUE_SOON;
  return CM_DEADLINE_OK;
}

/* The longer of the contract's notice and, for the third sector, the
 * Compact minimum, as the date it gives counted from @from: backwards
 * (the latest day to serve notice before an end) or forwards (the end
 * notice served on @from allows). FALSE when the notice period is
 * unknown: the Compact minimum alone would pass for the whole notice. */
static gboolean
apply_notice (GDate *date, const GDate *from, gboolean backwards, const CmContractFacts *facts,
              const CmDeadlineSettings *settings)
{
  CmPeriod minimum = { settings->compact_minimum_months, 0 };
  GDate compact = *from;

  if (facts->notice == NULL)
    return FALSE;
  *date = *from;
  (backwards ? cm_date_subtract_period : cm_date_add_period) (date, facts->notice);
  if (!facts->third_sector)
    return TRUE;
  (backwards ? cm_date_subtract_period : cm_date_add_period) (&compact, &minimum);
  if (backwards ? g_date_compare (&compact, date) < 0 : g_date_compare (&compact, date) > 0)
    *date = compact;
  return TRUE;
}

/* Early termination ends the contract once the notice has run, when that
 * comes before the end it was heading for. */
static void
apply_early_termination (const CmContractFacts *facts, const CmDeadlineSettings *settings,
                         CmContractDates *dates)
{
  GDate effective;

  if (facts->notice_served == NULL || facts->notice_kind != CM_NOTICE_KIND_EARLY_TERMINATION ||
      !apply_notice (&effective, facts->notice_served, FALSE, facts, settings) ||
      g_date_compare (&effective, &dates->current_end) >= 0)
    return;
  dates->current_end = effective;
  dates->latest_end = effective;
  dates->ended_early = TRUE;
}

static void
notice_status (const CmContractFacts *facts, const GDate *today,
               const CmDeadlineSettings *settings, CmContractDates *dates)
{
  if (!g_date_valid (&dates->latest_notice))
    dates->notice_status = CM_DEADLINE_UNKNOWN;
  else if (facts->notice_served == NULL)
    dates->notice_status = cm_deadline_status_on (&dates->latest_notice, today, settings);
  else if (dates->ended_early || g_date_compare (facts->notice_served, &dates->latest_notice) <= 0)
    dates->notice_status = CM_DEADLINE_OK;
  else
    dates->notice_status = CM_DEADLINE_BREACHED;
}

/* Due at the end minus the lead time, or on the latest notice date if
 * that is earlier: a decision not to extend taken after the last day to
 * give notice cannot be honoured. Notice served of either kind means no
 * decision is pending. */
static void
extension_decision (const CmContractFacts *facts, const GDate *today,
                    const CmDeadlineSettings *settings, CmContractDates *dates)
{
  CmPeriod lead = { settings->extension_lead_months, 0 };

  g_date_clear (&dates->extension_decision, 1);
  dates->extension_status = CM_DEADLINE_OK;
  if (!has_extension_left (facts->term) || facts->notice_served != NULL)
    return;
  dates->extension_decision = dates->current_end;
  cm_date_subtract_period (&dates->extension_decision, &lead);
  if (g_date_valid (&dates->latest_notice) &&
      g_date_compare (&dates->latest_notice, &dates->extension_decision) < 0)
    dates->extension_decision = dates->latest_notice;
  dates->extension_status = cm_deadline_status_on (&dates->extension_decision, today, settings);
}

/* The recorded end date wins over start + term, since it is what was
 * signed; a disagreement is kept for the pages to show. */
gboolean
cm_contract_dates_compute (const CmContractFacts    *facts,
                           const GDate              *today,
                           const CmDeadlineSettings *settings,
                           CmContractDates          *dates)
{
  CmContractDates out = { 0 };
  gboolean from_term = term_end (&out.term_end, facts->start, facts->term);

  if (!from_term)
    g_date_clear (&out.term_end, 1);
  if (facts->recorded_end != NULL)
    out.current_end = *facts->recorded_end;
  else if (from_term)
    out.current_end = out.term_end;
  else
    return FALSE;
  out.end_disagrees = from_term && facts->recorded_end != NULL &&
                      g_date_compare (&out.term_end, facts->recorded_end) != 0;
  out.scheduled_end = out.current_end;
  latest_end (&out.latest_end, &out.current_end, facts->term);

  if (!apply_notice (&out.latest_notice, &out.current_end, TRUE, facts, settings))
    g_date_clear (&out.latest_notice, 1);
  apply_early_termination (facts, settings, &out);
  out.end_status = cm_deadline_status_on (&out.current_end, today, settings);
  extension_decision (facts, today, settings, &out);
  notice_status (facts, today, settings, &out);
  if (!apply_notice (&out.notice_end, today, FALSE, facts, settings))
    g_date_clear (&out.notice_end, 1);
  *dates = out;
  return TRUE;
}

const char *
cm_deadline_status_nick (CmDeadlineStatus status)
{
  static const char * const nicks[] = { "ok", "due-soon", "overdue", "breached", "unknown" };

  return nicks[status];
}

const char *
cm_deadline_status_label (CmDeadlineStatus status)
{
  static const char * const labels[] = { N_("OK"), N_("Due soon"), N_("Overdue"),
                                         N_("Breached"), N_("Unknown") };

  return _(labels[status]);
}
