/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-xlsx-value.c: a cell's XML text as the text the import reads
 *
 * Numbers are written as their shortest decimal, or as a date when their
 * cell's number format shows a date; serial days count in the 1900 date
 * system, or the 1904 one when the workbook says so.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cm-xlsx-value.h"

#define MAX_DATE_SERIAL 2958465 /* 9999-12-31 */
#define SERIAL_1900_FEB_29 60   /* a day that never was, kept from Lotus 1-2-3 */
#define DAYS_1900_TO_1904 1462

/* Number formats: which show a number as a date */

gboolean
cm_xlsx_value_builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

gboolean
cm_xlsx_value_format_code_is_date (const char *code)
{
  for (const char *p = code; *p; p++)
    {
      const char *close;

      switch (*p)
        {
        case '"':
        case '[':
          close = strchr (p + 1, *p == '"' ? '"' : ']');
          if (!close)
            return FALSE;
          p = close;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1])
            p++;
          break;
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

/* Values: numbers, dates and booleans as text */

/* The shortest decimal that reads back as @value, written out in full
 * unless it is very large or very small ("43556", "0.1", "1.5E+25"). */
static void
format_number (double value, GString *out)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[20];
  gsize n_digits = 0;
  const char *p;
  int exponent;

  if (value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  /* buffer is "-d.ddde+xx" */
  p = buffer;
  if (*p == '-')
    g_string_append_c (out, *p++);
  for (; *p && *p != 'e'; p++)
    {
      if (g_ascii_isdigit (*p) && n_digits < sizeof digits)
        digits[n_digits++] = *p;
    }
  exponent = *p == 'e' ? atoi (p + 1) : 0;
  if (exponent < -7 || exponent > 20)
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, digits + 1, n_digits - 1);
        }
      g_string_append_printf (out, "E%+d", exponent);
      return;
    }
  if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append_len (out, digits, n_digits);
      return;
    }
  for (gsize i = 0; i < n_digits || (int) i <= exponent; i++)
    {
      if ((int) i == exponent + 1)
        g_string_append_c (out, '.');
      g_string_append_c (out, i < n_digits ? digits[i] : '0');
    }
}

/* A serial day number as "yyyy-mm-dd", or FALSE when it is not a day
 * a register could hold. The time of day is dropped. */
static gboolean
format_serial_date (double serial, gboolean date1904, GString *out)
{
  GDate date;
  double days = floor (serial);

  if (date1904)
    days += DAYS_1900_TO_1904;
  if (days < 1 || days > MAX_DATE_SERIAL)
    return FALSE;
  if (days == SERIAL_1900_FEB_29)
    {
      g_string_append (out, "1900-02-29");
      return TRUE;
    }
  /* Before the fictitious 29 February, serials count from 31 December 1899. */
  if (days < SERIAL_1900_FEB_29)
    days += 1;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) days);
  g_string_append_printf (out, "%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
  return TRUE;
}

/* Whether @text is already what format_number() would write: a plain
 * decimal without redundant zeros, of at most 15 digits, DBL_DIG, so that
 * no shorter text reads as the same double. Most numbers in a sheet are,
 * and this spares trying each precision in turn. */
static gboolean
is_shortest_decimal (const char *text)
{
  const char *p = text + (*text == '-');
  const char *point = strchr (p, '.');
  gsize n_digits = 0;

  if (!g_ascii_isdigit (*p) || (*p == '0' && p[1] != '.') ||
      (point && (point[1] == '\0' || text[strlen (text) - 1] == '0')))
    return FALSE;
  /* Below 1e-7 format_number() writes an exponent. */
  if (*p == '0' && point && strspn (point + 1, "0") > 6)
    return FALSE;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (p != point)
        return FALSE;
    }
  return n_digits <= 15;
}

void
cm_xlsx_value_append_number (const char *text, gboolean is_date, gboolean date1904, GString *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value = g_ascii_strtod (trimmed, &end);

  if (*trimmed == '\0' || *end != '\0' || !isfinite (value))
    {
      g_string_append (out, text);
      return;
    }
  if (is_date && format_serial_date (value, date1904, out))
    return;
  if (value != 0 && is_shortest_decimal (trimmed))
    g_string_append (out, trimmed);
  else
    format_number (value, out);
}

void
cm_xlsx_value_append_iso_date (const char *text, GString *out)
{
  gboolean is_date = strlen (text) >= 10 && (text[10] == '\0' || text[10] == 'T');

  for (int i = 0; is_date && i < 10; i++)
    is_date = (i == 4 || i == 7) ? text[i] == '-' : g_ascii_isdigit (text[i]);
  if (is_date)
    g_string_append_len (out, text, 10);
  else
    g_string_append (out, text);
}

void
cm_xlsx_value_append_boolean (const char *text, GString *out)
{
  if (strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "true") == 0)
    g_string_append (out, "TRUE");
  else if (strcmp (text, "0") == 0 || g_ascii_strcasecmp (text, "false") == 0)
    g_string_append (out, "FALSE");
  else
    g_string_append (out, text);
}
