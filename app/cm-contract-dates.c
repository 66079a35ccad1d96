/* cm-contract-dates.c: the dates that follow from a contract's term
 *
 * Commissioners count a term from the start date to the day before the
 * anniversary (a five-year contract from 1 June 2016 ends on 31 May 2021),
 * and "N months before" a date is the same day N months earlier, or that
 * month's last day when it is shorter (DOMAIN.md, seed 001 L1077).
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

/* The day before the anniversary of @start after the term's initial
 * period and its invoked (or all) extensions. The periods are added as
 * one, so that a month-end fall-back happens once: a year from 29 February
 * 2020 reaches 1 March 2021, and so ends on 28 February. */
static void
end_after (GDate *end, const GDate *start, const CmTerm *term, gboolean all_extensions)
{
  CmPeriod total = term->initial;

  for (guint i = 0; i < term->extensions->len; i++)
    {
      const CmExtension *extension = &g_array_index (term->extensions, CmExtension, i);

      if (all_extensions || extension->invoked)
        {
          total.months += extension->length.months;
          total.days += extension->length.days;
        }
    }
  *end = *start;
  g_date_add_months (end, total.months);
  if (g_date_get_day (end) < g_date_get_day (start))
    g_date_add_days (end, 1); /* the anniversary of a day the month lacks */
  g_date_add_days (end, total.days);
  g_date_subtract_days (end, 1);
}

/* Whether a date is still ahead, close, or gone by. */
static CmDeadlineStatus
status_of (const GDate *due, const GDate *today, const CmDeadlineSettings *settings)
{
  int days_left = g_date_days_between (today, due);

  if (days_left < 0)
    return CM_DEADLINE_OVERDUE;
  if (days_left <= settings->due_soon_days)
    return CM_DEADLINE_DUE_SOON;
  return CM_DEADLINE_OK;
}

/* The later of the two dates is the one the shorter period gives; notice
 * must be served by the earlier. */
static void
latest_notice (GDate *latest, const GDate *end, const CmContractFacts *facts,
               const CmDeadlineSettings *settings)
{
  GDate compact = *end;
  CmPeriod minimum = { settings->compact_minimum_months, 0 };

  *latest = *end;
  cm_date_subtract_period (latest, facts->notice);
  if (!facts->third_sector)
    return;
  cm_date_subtract_period (&compact, &minimum);
  if (g_date_compare (&compact, latest) < 0)
    *latest = compact;
}

/* Today plus the longer of the notice period and, for the third sector,
 * the Compact minimum: what serving notice now could end the contract by. */
static void
notice_end (GDate *end, const GDate *today, const CmContractFacts *facts,
            const CmDeadlineSettings *settings)
{
  GDate compact = *today;
  CmPeriod minimum = { settings->compact_minimum_months, 0 };

  *end = *today;
  cm_date_add_period (end, facts->notice);
  if (!facts->third_sector)
    return;
  cm_date_add_period (&compact, &minimum);
  if (g_date_compare (&compact, end) > 0)
    *end = compact;
}

void
cm_contract_dates_compute (const CmContractFacts    *facts,
                           const GDate              *today,
                           const CmDeadlineSettings *settings,
                           CmContractDates          *dates)
{
  CmPeriod lead = { settings->extension_lead_months, 0 };

  end_after (&dates->current_end, facts->start, facts->term, FALSE);
  end_after (&dates->latest_end, facts->start, facts->term, TRUE);
  dates->end_status = status_of (&dates->current_end, today, settings);

  g_date_clear (&dates->extension_decision, 1);
  dates->extension_status = CM_DEADLINE_OK;
  if (cm_term_count_invoked (facts->term) < facts->term->extensions->len)
    {
      dates->extension_decision = dates->current_end;
      cm_date_subtract_period (&dates->extension_decision, &lead);
      dates->extension_status = status_of (&dates->extension_decision, today, settings);
    }

  latest_notice (&dates->latest_notice, &dates->current_end, facts, settings);
  notice_end (&dates->notice_end, today, facts, settings);
  if (facts->notice_served == NULL)
    dates->notice_status = status_of (&dates->latest_notice, today, settings);
  else if (g_date_compare (facts->notice_served, &dates->latest_notice) <= 0)
    dates->notice_status = CM_DEADLINE_OK;
  else
    dates->notice_status = CM_DEADLINE_BREACHED;
}

const char *
cm_deadline_status_nick (CmDeadlineStatus status)
{
  static const char * const nicks[] = { "ok", "due-soon", "overdue", "breached" };

  return nicks[status];
}

const char *
cm_deadline_status_label (CmDeadlineStatus status)
{
  static const char * const labels[] = { N_("OK"), N_("Due soon"), N_("Overdue"),
                                         N_("Breached") };

  return _(labels[status]);
}
