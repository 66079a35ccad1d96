/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date.c: calendar dates as the portfolio stores them */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-entity.h"

/* Parses exactly "yyyy-mm-dd"; dates carry no time or zone (DOMAIN.md). */
gboolean
cm_date_parse_iso (const char *text, GDate *date)
{
  unsigned y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  /* Contracts live in living memory; a far-off year is a typing slip, and
   * month arithmetic near year 1 would fail. */
  if (y < 1900 || y > 2199)
    return FALSE;
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
cm_date_format_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* "1 October 2018", for the interface. */
char *
cm_date_to_long (const GDate *date)
{
  char buf[64];

  /* A date that is not known (a notice date without a notice period). */
  if (!g_date_valid (date))
    return g_strdup (_("not known"));
  /* Translators: a date, as in "1 October 2018"; see the codes of strftime () */
  g_date_strftime (buf, sizeof buf, _("%-d %B %Y"), date);
  return g_strdup (buf);
}

/* "31 Mar 2026", for narrow columns and labels; "" for a date not known,
 * so each caller says what is missing in its own words. */
char *
cm_date_to_short (const GDate *date)
{
  char buf[64];

  /* Translators: a short date in a narrow column, as in "31 Mar 2026"; see
   * the codes of strftime () */
  if (!g_date_valid (date) || g_date_strftime (buf, sizeof buf, _("%-d %b %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

/* The same from stored text; empty for an unset date. */
char *
cm_date_format_long (const char *iso)
{
  GDate date;

  return cm_date_parse_iso (iso, &date) ? cm_date_to_long (&date) : g_strdup ("");
}

/* "24 November 2026, 14:05" in local time, from an audit row's UTC time. */
char *
cm_date_format_moment (const char *utc)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (utc, NULL);
  g_autoptr(GDateTime) local = moment ? g_date_time_to_local (moment) : NULL;

  /* Translators: a moment, as in "24 November 2026, 14:05"; see the codes
   * of g_date_time_format () */
  return local ? g_date_time_format (local, _("%-d %B %Y, %H:%M")) : g_strdup (utc ? utc : "");
}

gboolean
cm_date_validate (const char *iso, const char *what, gboolean required, GError **error)
{
  GDate date;

  if ((iso == NULL || *iso == '\0') && !required)
    return TRUE;
  if (cm_date_parse_iso (iso, &date))
    return TRUE;
  g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
               _("%s “%s” is not a date. Write it as year-month-day, for example 2019-04-01."),
               what, iso ? iso : "");
  return FALSE;
}
