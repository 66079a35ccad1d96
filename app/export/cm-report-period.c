/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-period.c: the financial year and its quarters */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cm-report-period.h"

G_DEFINE_QUARK (cm-report-period-error-quark, cm_report_period_error)

/* Years GDate holds with room for the next calendar year. */
#define FIRST_YEAR 1900
#define LAST_YEAR 9998

void
cm_report_period_year (int year, CmReportPeriod *period)
{
  g_date_clear (&period->first, 1);
  g_date_clear (&period->last, 1);
  g_date_set_dmy (&period->first, 1, G_DATE_APRIL, year);
  g_date_set_dmy (&period->last, 31, G_DATE_MARCH, year + 1);
}

void
cm_report_period_quarter (int year, int n, CmReportPeriod *period)
{
  g_date_clear (&period->first, 1);
  g_date_set_dmy (&period->first, 1, G_DATE_APRIL, year);
  g_date_add_months (&period->first, 3 * (n - 1));
  period->last = period->first;
  g_date_add_months (&period->last, 3);
  g_date_subtract_days (&period->last, 1);
}

/* The calendar year in whose April the financial year of @day began. */
static int
financial_year_of (const GDate *day)
{
  int year = g_date_get_year (day);

  return g_date_get_month (day) >= G_DATE_APRIL ? year : year - 1;
}

void
cm_report_period_year_of (const GDate *day, CmReportPeriod *period)
{
  cm_report_period_year (financial_year_of (day), period);
}

void
cm_report_period_quarter_of (const GDate *day, CmReportPeriod *period)
{
  /* April, May and June are months 0 to 2 of the year, and so on. */
  int month_of_year = ((int) g_date_get_month (day) - G_DATE_APRIL + 12) % 12;

  cm_report_period_quarter (financial_year_of (day), 1 + month_of_year / 3, period);
}

void
cm_report_periods_default (const GDate *today, CmReportPeriods *periods)
{
  cm_report_period_quarter_of (today, &periods->quarter);
  cm_report_period_year_of (today, &periods->year);
}

/* Four digits exactly, within the years we can reckon with. */
static gboolean
read_year (const char *text, int *year)
{
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  *year = (int) strtol ((char[]) { text[0], text[1], text[2], text[3], '\0' }, NULL, 10);
  return *year >= FIRST_YEAR && *year <= LAST_YEAR;
}

gboolean
cm_report_period_parse_quarter (const char *text, CmReportPeriod *period, GError **error)
{
  int year;

  if (text && strlen (text) == 7 && read_year (text, &year) && text[4] == '-' &&
      g_ascii_toupper (text[5]) == 'Q' && text[6] >= '1' && text[6] <= '4')
    {
      cm_report_period_quarter (year, text[6] - '0', period);
      return TRUE;
    }
  g_set_error (error, CM_REPORT_PERIOD_ERROR, CM_REPORT_PERIOD_ERROR_INVALID,
               _("“%s” is not a quarter of a financial year. Write it as YYYY-Qn, where YYYY "
                 "is the year the financial year starts and Q1 is April to June: 2026-Q3 is "
                 "October to December 2026, 2026-Q4 January to March 2027."),
               text ? text : "");
  return FALSE;
}

gboolean
cm_report_period_parse_year (const char *text, CmReportPeriod *period, GError **error)
{
  int year = 0;
  gsize length = text ? strlen (text) : 0;
  gboolean ok = length >= 4 && read_year (text, &year);

  /* "2026/27" must name the year after. */
  if (ok && length == 7)
    ok = text[4] == '/' && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) &&
         (text[5] - '0') * 10 + (text[6] - '0') == (year + 1) % 100;
  else if (ok)
    ok = length == 4;
  if (ok)
    {
      cm_report_period_year (year, period);
      return TRUE;
    }
  g_set_error (error, CM_REPORT_PERIOD_ERROR, CM_REPORT_PERIOD_ERROR_INVALID,
               _("“%s” is not a financial year. Write the year it starts in, as YYYY or "
                 "YYYY/YY: 2026 or 2026/27 is 1 April 2026 to 31 March 2027."),
               text ? text : "");
  return FALSE;
}

guint
cm_report_period_days (const CmReportPeriod *period)
{
  return (guint) g_date_days_between (&period->first, &period->last) + 1;
}

guint
cm_report_period_days_live (const CmReportPeriod *period, const GDate *start, const GDate *end)
{
  const GDate *from = &period->first;
  const GDate *to = &period->last;

  if (start && g_date_valid (start) && g_date_compare (start, from) > 0)
    from = start;
  if (end && g_date_valid (end) && g_date_compare (end, to) < 0)
    to = end;
  return g_date_compare (from, to) > 0 ? 0 : (guint) g_date_days_between (from, to) + 1;
}

char *
cm_report_period_year_label (const CmReportPeriod *period)
{
  int year = g_date_get_year (&period->first);

  return g_strdup_printf ("%d/%02d", year, (year + 1) % 100);
}

char *
cm_report_period_quarter_label (const CmReportPeriod *period)
{
  int month_of_year = ((int) g_date_get_month (&period->first) - G_DATE_APRIL + 12) % 12;
  int year = g_date_get_month (&period->first) >= G_DATE_APRIL
               ? g_date_get_year (&period->first) : g_date_get_year (&period->first) - 1;
  char first[64] = "", last[64] = "";

  g_date_strftime (first, sizeof first, "%B", &period->first);
  g_date_strftime (last, sizeof last, "%B %Y", &period->last);
  /* TRANSLATORS: "2026-Q3 (October to December 2026)" */
  return g_strdup_printf (_("%d-Q%d (%s to %s)"), year, 1 + month_of_year / 3, first, last);
}
