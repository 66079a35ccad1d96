/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-money.c: amounts of money, held as whole pence
 *
 * Pence in a 64-bit integer keep totals exact; floating point would make
 * a spend summary disagree with its own lines by a penny.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-count.h"
#include "cm-entity.h"
#include "cm-money.h"

/* "£1,234,567" or "£1,234.50" */
char *
cm_money_format (gint64 pence)
{
  GString *out = g_string_new (pence < 0 ? "-£" : "£");
  guint64 abs_pence = pence < 0 ? (guint64) -pence : (guint64) pence;
  g_autofree char *pounds = cm_count_format (abs_pence / 100);

  g_string_append (out, pounds);
  if (abs_pence % 100 != 0)
    g_string_append_printf (out, ".%02u", (guint) (abs_pence % 100));
  return g_string_free (out, FALSE);
}

/* "£45,000.00": pence always shown, as a field shows an amount once left. */
char *
cm_money_format_full (gint64 pence)
{
  guint64 abs_pence = pence < 0 ? (guint64) -pence : (guint64) pence;
  g_autofree char *pounds = cm_count_format (abs_pence / 100);

  return g_strdup_printf ("%s£%s.%02u", pence < 0 ? "-" : "", pounds, (guint) (abs_pence % 100));
}

static gboolean
is_decimal (const char *text)
{
  gboolean seen_point = FALSE, seen_digit = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '.' && !seen_point)
        seen_point = TRUE;
      else if (g_ascii_isdigit (*p))
        seen_digit = TRUE;
      else
        return FALSE;
    }
  return seen_digit;
}

/* Accepts "£1,234.50", "1234", "£1.3m" and "£20k". */
gboolean
cm_money_parse (const char *text, gint64 *pence, GError **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  double multiplier = 1;
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  char *end = "";
  const char *point;
  double value;

  if (g_str_has_prefix (clean, "£"))
    memmove (clean, clean + strlen ("£"), strlen (clean) - strlen ("£") + 1);
  for (const char *p = clean; *p; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (digits, *p);

  if (digits->len > 0 && g_ascii_tolower (digits->str[digits->len - 1]) == 'k')
    multiplier = 1e3;
  else if (digits->len > 0 && g_ascii_tolower (digits->str[digits->len - 1]) == 'm')
    multiplier = 1e6;
  if (multiplier > 1)
    g_string_truncate (digits, digits->len - 1);

  /* Only digits and one decimal point: strtod alone would take "nan",
   * "1e3" or hex. */
  value = is_decimal (digits->str) ? g_ascii_strtod (digits->str, &end) : -1;
  /* Pounds have two decimals; a third would be rounded away unseen. The cap
   * (£10bn) keeps any portfolio's totals far inside 64 bits. */
  point = strchr (digits->str, '.');
  if (multiplier == 1 && point && strlen (point + 1) > 2)
    value = -1;
  if (value < 0 || *end != '\0' || value * multiplier > 1e10)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("“%s” is not an amount of money. Write pounds, for example £12,500 or £1.3m."),
                   text ? text : "");
      return FALSE;
    }
  *pence = (gint64) (value * multiplier * 100 + 0.5);
  return TRUE;
}
