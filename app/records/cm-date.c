/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date.c: calendar dates as the portfolio stores them */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-entity.h"

/* The number the @n digits at @text write, already known to be digits. */
static unsigned
digits_value (const char *text, int n)
{
  unsigned value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (unsigned) (text[i] - '0');
  return value;
}

/* Whether @text is exactly "yyyy-mm-dd", a real day, with its parts:
 * apart from making a GDate, which checking a date does not need and
 * which costs several times the check. */
static gboolean
read_iso (const char *text, unsigned *y, unsigned *m, unsigned *d)
{
  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  *y = digits_value (text, 4);
  /* Contracts live in living memory; a far-off year is a typing slip, and
   * month arithmetic near year 1 would fail. */
  if (*y < 1900 || *y > 2199)
    return FALSE;
  *m = digits_value (text + 5, 2);
  *d = digits_value (text + 8, 2);
  return g_date_valid_dmy (*d, *m, *y);
}

/* Parses exactly "yyyy-mm-dd"; dates carry no time or zone (DOMAIN.md). */
gboolean
cm_date_parse_iso (const char *text, GDate *date)
{
  unsigned y, m, d;

  g_date_clear (date, 1);
  if (!read_iso (text, &y, &m, &d))
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
  unsigned y, m, d;

  if ((iso == NULL || *iso == '\0') && !required)
    return TRUE;
  if (read_iso (iso, &y, &m, &d))
    return TRUE;
  g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
               _("%s “%s” is not a date. Write it as year-month-day, for example 2019-04-01."),
               what, iso ? iso : "");
  return FALSE;
}
