/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-parse.c: reading a date as people in the UK write it */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cm-cell-text.h"
#include "cm-date-parse.h"

/* As cm_date_parse_iso() accepts: contracts live in living memory. */
#define MIN_YEAR 1900
#define MAX_YEAR 2199

G_DEFINE_QUARK (cm-date-parse-error-quark, cm_date_parse_error)

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError **error, CmDateParseError code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CM_DATE_PARSE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
not_a_date (const char *text, GError **error)
{
  return fail (error, CM_DATE_PARSE_ERROR_INVALID,
               _("“%s” is not a date: type it as 1/12/2026 or 1 December 2026"), text);
}

/* "April", in the interface's language. */
static void
month_name (guint m, char *name, gsize size)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, m, 2000);
  g_date_strftime (name, size, "%B", &first);
}

/* Checks a day, month and year as read, saying which of them is wrong:
 * 31/04/2026 names a day that does not exist, 1/13/2026 no month. */
static gboolean
set_dmy (const char *text, guint d, guint m, guint y, GDate *date, GError **error)
{
  char month[64];

  if (m < 1 || m > 12)
    return fail (error, CM_DATE_PARSE_ERROR_INVALID,
                 _("“%s” is not a date: there is no month %u, months run from 1 to 12"), text, m);
  if (d < 1 || d > 31)
    return fail (error, CM_DATE_PARSE_ERROR_INVALID,
                 _("“%s” is not a date: there is no day %u, days run from 1 to 31"), text, d);
  if (y < MIN_YEAR || y > MAX_YEAR)
    return fail (error, CM_DATE_PARSE_ERROR_INVALID,
                 _("“%s” is not a date here: the year must be between %d and %d"),
                 text, MIN_YEAR, MAX_YEAR);
  if (!g_date_valid_dmy (d, m, y))
    {
      month_name (m, month, sizeof month);
      /* Translators: a day, a month's name and a year, as in
       * "31 April 2026 does not exist" */
      return fail (error, CM_DATE_PARSE_ERROR_INVALID, _("%u %s %u does not exist"), d, month, y);
    }
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Two-digit years: 70-99 are last century, 00-69 this one. */
static guint
full_year (const char *digits, gsize len)
{
  guint y = atoi (digits);

  if (len == 2)
    return y < 70 ? 2000 + y : 1900 + y;
  return len == 4 ? y : 0;
}

/* Excel's 1900 system: day 1 is 1 January 1900, and day 60 is the
 * 29 February 1900 that Lotus 1-2-3 wrongly thought a leap day. Any
 * fraction is a time of day, which dates here do not carry. */
static gboolean
parse_serial (const char *text, const char *whole, GDate *date, GError **error)
{
  gsize len = strlen (whole);
  guint serial = len <= 7 ? atoi (whole) : 0;

  if (serial >= MIN_YEAR && serial <= 2100)
    return fail (error, CM_DATE_PARSE_ERROR_AMBIGUOUS,
                 _("“%s” could be a year or a spreadsheet’s day number: "
                   "write the whole date, such as 1/12/2026"), text);
  if (serial == 60)
    return fail (error, CM_DATE_PARSE_ERROR_INVALID,
                 _("“%s” is the spreadsheet day 29 February 1900, which never was: "
                   "write the date itself, such as 1/3/1900"), text);
  if (serial == 0)
    return not_a_date (text, error);

  g_date_set_dmy (date, serial < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, serial);
  if (g_date_get_year (date) > MAX_YEAR)
    {
      g_date_clear (date, 1);
      return not_a_date (text, error);
    }
  return TRUE;
}

/* Drops a time of day after the date ("2019-04-01T00:00:00",
 * "01/04/2019 00:00"). FALSE if what follows is not a time. */
static gboolean
drop_time (char *text)
{
  char *colon = strchr (text, ':');
  char *start = colon;
  const char *p;

  if (colon == NULL)
    return TRUE;
  while (start > text && g_ascii_isdigit (start[-1]))
    start--;
  if (colon - start < 1 || colon - start > 2 || start == text ||
      (start[-1] != ' ' && start[-1] != 'T'))
    return FALSE;
  /* hh:mm, then optionally :ss, .fraction and a Z. */
  p = colon + 1;
  if (!cm_cell_text_all_digits (p, 2))
    return FALSE;
  p += 2;
  if (*p == ':' && cm_cell_text_all_digits (p + 1, 2))
    p += 3;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++);
  if (*p == 'Z')
    p++;
  if (*p != '\0')
    return FALSE;
  start[-1] = '\0';
  g_strchomp (text);
  return TRUE;
}

/* A run of digits or of letters in a date. */
typedef struct {
  gboolean number;
  const char *start;
  gsize len;
} Piece;

/* A date split into its runs, and what separates them. */
typedef struct {
  guint n;
  Piece part[3];
  char sep[2];        /* the separator after parts 0 and 1 */
  gboolean single[2]; /* whether that separator was one character */
} Pieces;

static gboolean
is_ordinal (const char *p, gsize len)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th" };

  for (gsize i = 0; len == 2 && i < G_N_ELEMENTS (suffixes); i++)
    if (g_ascii_strncasecmp (p, suffixes[i], 2) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
split_pieces (const char *text, Pieces *pieces)
{
  const char *p = text;

  memset (pieces, 0, sizeof *pieces);
  while (*p)
    {
      const char *start = p;
      gboolean number = g_ascii_isdigit (*p);

      if (!number && !g_ascii_isalpha (*p))
        return FALSE;
      while (*p && (number ? g_ascii_isdigit (*p) : g_ascii_isalpha (*p)))
        p++;
      /* "1st April": the suffix says nothing a number does not. */
      if (!number && pieces->n > 0 && start == pieces->part[pieces->n - 1].start +
          pieces->part[pieces->n - 1].len && is_ordinal (start, p - start))
        ;
      else if (pieces->n == 3)
        return FALSE;
      else
        pieces->part[pieces->n++] = (Piece) { number, start, p - start };

      start = p;
      while (*p && strchr (" /.-,", *p))
        p++;
      if (*p == '\0')
        break;
      if (pieces->n < 1 || pieces->n > 2)
        return FALSE;
      if (p > start)
        {
          pieces->sep[pieces->n - 1] = p - start == 1 ? *start : ' ';
          pieces->single[pieces->n - 1] = p - start == 1;
        }
    }
  return TRUE;
}

static guint
piece_number (const Pieces *pieces, guint i)
{
  return pieces->part[i].len <= 4 ? atoi (pieces->part[i].start) : 0;
}

/* 1-12 for an English month name, abbreviated or in full, or 0. */
static guint
month_number (const char *word, gsize len)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
  };

  if (len == 4 && g_ascii_strncasecmp (word, "sept", 4) == 0)
    return 9;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if ((len == 3 || len == strlen (months[i])) && g_ascii_strncasecmp (word, months[i], len) == 0)
      return i + 1;
  return 0;
}

/* "1 Apr 2019", "01-Apr-19", "1st April 2019", and "April 1, 2019": with
 * the month named, either order is plain. */
static gboolean
parse_named (const char *text, const Pieces *pieces, GDate *date, GError **error)
{
  guint word = pieces->part[0].number ? 1 : 0;
  guint day = word == 1 ? 0 : 1;
  guint m = month_number (pieces->part[word].start, pieces->part[word].len);
  guint y = full_year (pieces->part[2].start, pieces->part[2].len);

  if (m == 0)
    return fail (error, CM_DATE_PARSE_ERROR_INVALID,
                 _("“%s” is not a date: “%.*s” is not a month; "
                   "type it as 1/12/2026 or 1 December 2026"), text,
                 (int) pieces->part[word].len, pieces->part[word].start);
  if (pieces->part[day].len > 2 || !pieces->part[2].number || y == 0)
    return not_a_date (text, error);
  return set_dmy (text, piece_number (pieces, day), m, y, date, error);
}

/* Numbers only: yyyy-mm-dd, or day first (UK) with one kind of separator. */
static gboolean
parse_numeric (const char *text, const Pieces *pieces, GDate *date, GError **error)
{
  guint a = piece_number (pieces, 0), b = piece_number (pieces, 1);
  guint y = full_year (pieces->part[2].start, pieces->part[2].len);
  gboolean one_sep = pieces->single[0] && pieces->single[1] && pieces->sep[0] == pieces->sep[1];

  if (!one_sep || pieces->part[1].len > 2)
    return not_a_date (text, error);
  if (pieces->part[0].len == 4)
    {
      if (pieces->part[2].len > 2)
        return not_a_date (text, error);
      if (pieces->sep[0] == '-')
        return set_dmy (text, piece_number (pieces, 2), b, a, date, error);
      return fail (error, CM_DATE_PARSE_ERROR_AMBIGUOUS,
                   _("“%s” starts with the year, so its day and month could be either way "
                     "round: type the day first, as 1/12/2026, or year-month-day with "
                     "dashes, as 2026-12-01"), text);
    }
  if (pieces->part[0].len > 2 || y == 0)
    return not_a_date (text, error);
  /* Valid only month first: a US date, which we will not silently turn round. */
  if ((b < 1 || b > 12) && a >= 1 && a <= 12 && g_date_valid_dmy (b, a, y))
    return fail (error, CM_DATE_PARSE_ERROR_AMBIGUOUS,
                 _("“%s” looks like a US date, month first: type the day first, as %02u/%02u/%u"),
                 text, b, a, y);
  return set_dmy (text, a, b, y, date, error);
}

/* A bare number: a spreadsheet's day, perhaps with a time as a fraction. */
static gboolean
is_serial (const char *s)
{
  const char *point = strchr (s, '.');

  return cm_cell_text_all_digits (s, point ? (gsize) (point - s) : strlen (s)) &&
         (point == NULL || point[1] == '\0' || cm_cell_text_all_digits (point + 1, strlen (point + 1)));
}

gboolean
cm_date_parse (const char *text, CmDateParseFlags flags, GDate *date, GError **error)
{
  g_autofree char *s = cm_cell_text_clean (text);
  Pieces pieces;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (*s == '\0')
    return fail (error, CM_DATE_PARSE_ERROR_INVALID,
                 _("The date is missing: type it as 1/12/2026 or 1 December 2026"));
  if (is_serial (s))
    {
      g_autofree char *whole = g_strndup (s, strcspn (s, "."));

      if (flags & CM_DATE_PARSE_SERIALS)
        return parse_serial (s, whole, date, error);
      return not_a_date (s, error);
    }
  if (!drop_time (s) || !split_pieces (s, &pieces) || pieces.n != 3)
    return not_a_date (s, error);
  if (pieces.part[0].number && pieces.part[1].number && pieces.part[2].number)
    return parse_numeric (s, &pieces, date, error);
  if (pieces.part[0].number != pieces.part[1].number)
    return parse_named (s, &pieces, date, error);
  return not_a_date (s, error);
}
