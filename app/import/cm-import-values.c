/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-values.c: reading the values of a contracts register
 *
 * Registers come from many hands, so the parsers are generous about form
 * and strict about meaning. Dates are read by cm-date-parse.c, the same
 * reader as the date fields use.
 */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cm-cell-text.h"
#include "cm-enums.h"
#include "cm-import-values.h"
#include "cm-money.h"

#define MAX_COUNT 1000

G_DEFINE_QUARK (cm-import-value-error-quark, cm_import_value_error)

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError **error, CmImportValueError code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CM_IMPORT_VALUE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* ---- Money, counts and flags ------------------------------------------ */

static gboolean
is_negative (const char *s)
{
  gsize len = strlen (s);

  if (len >= 2 && s[0] == '(' && s[len - 1] == ')') /* accountants' negatives */
    return TRUE;
  for (const char *p = s; *p && !g_ascii_isdigit (*p); p++)
    if (*p == '-' || g_str_has_prefix (p, "\xe2\x88\x92")) /* U+2212 minus */
      return TRUE;
  return FALSE;
}

static gboolean
too_many_decimals (const char *s)
{
  const char *point = strchr (s, '.');
  gsize digits = 0;

  if (point == NULL)
    return FALSE;
  for (const char *p = point + 1; g_ascii_isdigit (*p); p++)
    digits++;
  /* "1.375m" is a fine way to write £1,375,000. */
  return digits > 2 && strpbrk (point, "kKmM") == NULL;
}

/* The plainest amounts, "£409,221.00" or "1234.5", which are most of a
 * register, read digit by digit: the general reader's copies and strtod
 * cost as much as the rest of the row. FALSE for any other form, left to
 * the general reader, which gives the same pence for these. */
static gboolean
parse_plain_money (const char *s, gint64 *pence)
{
  gint64 pounds = 0;
  int n_digits = 0, n_decimals = 0, fraction = 0;

  if (g_str_has_prefix (s, "£"))
    s += strlen ("£");
  /* Commas are dropped wherever they are, as the general reader does. */
  for (; g_ascii_isdigit (*s) || *s == ','; s++)
    if (*s != ',')
      {
        if (++n_digits > 9) /* far inside the general reader's cap of £10bn */
          return FALSE;
        pounds = pounds * 10 + (*s - '0');
      }
  if (*s == '.' && !g_ascii_isdigit (s[1]))
    return FALSE; /* "12." */
  if (*s == '.')
    for (s++; g_ascii_isdigit (*s); s++)
      {
        if (++n_decimals > 2)
          return FALSE;
        fraction = fraction * 10 + (*s - '0');
      }
  if (n_digits == 0 || *s != '\0')
    return FALSE;
  *pence = pounds * 100 + (n_decimals == 1 ? fraction * 10 : fraction);
  return TRUE;
}

gboolean
cm_import_parse_money (const char *text, gint64 *pence, GError **error)
{
  g_autofree char *s = NULL;

  g_return_val_if_fail (pence != NULL, FALSE);

  if (text && parse_plain_money (text, pence))
    return TRUE;
  s = cm_cell_text_clean (text);
  if (*s == '\0')
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
                 _("The amount is missing. Write pounds, such as £12,500."));
  if (is_negative (s))
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
                 _("“%s” is negative, and a value cannot be. Write the amount without a minus "
                   "sign, such as £12,500."), s);
  if (too_many_decimals (s))
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
                 _("“%s” has more than two decimal places. Write pounds and pence, "
                   "such as £1,234.56."), s);
  if (!cm_money_parse (s, pence, NULL))
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
                 _("“%s” is not an amount of money. Write pounds, such as £12,500, "
                   "£1,234.56 or £1.3m."), s);
  return TRUE;
}

/* A count of up to four digits and no more than MAX_COUNT, as nearly
 * every cell writes one, read without a copy; FALSE for any other form. */
static gboolean
parse_plain_count (const char *s, int *count)
{
  int value = 0;
  gsize n;

  for (n = 0; g_ascii_isdigit (s[n]); n++)
    {
      if (n == 4)
        return FALSE;
      value = value * 10 + (s[n] - '0');
    }
  if (n == 0 || s[n] != '\0' || value > MAX_COUNT)
    return FALSE;
  *count = value;
  return TRUE;
}

gboolean
cm_import_parse_count (const char *text, int *count, GError **error)
{
  g_autofree char *s = NULL;
  const char *point;
  gsize whole;

  g_return_val_if_fail (count != NULL, FALSE);

  if (text && parse_plain_count (text, count))
    return TRUE;
  s = cm_cell_text_clean (text);
  point = strchr (s, '.');
  whole = point ? (gsize) (point - s) : strlen (s);
  if (*s == '\0')
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
                 _("The count is missing. Write a whole number, such as 0 or 2, or none."));
  if (g_ascii_strcasecmp (s, "none") == 0 || g_ascii_strcasecmp (s, "nil") == 0)
    {
      *count = 0;
      return TRUE;
    }
  /* A spreadsheet may give a whole number as "2.0". */
  if (point)
    for (const char *p = point + 1; *p; p++)
      if (*p != '0')
        whole = 0;
  if (!cm_cell_text_all_digits (s, whole) || whole > 4 || atoi (s) > MAX_COUNT)
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
                 _("“%s” is not a count. Write a whole number, such as 0 or 2, or none."), s);
  *count = atoi (s);
  return TRUE;
}

gboolean
cm_import_parse_flag (const char *text, gboolean *value, GError **error)
{
  static const struct {
    const char *text;
    gboolean value;
  } flags[] = {
    { "yes", TRUE }, { "y", TRUE }, { "true", TRUE }, { "1", TRUE },
    { "no", FALSE }, { "n", FALSE }, { "false", FALSE }, { "0", FALSE },
  };
  g_autofree char *s = cm_cell_text_clean (text);

  g_return_val_if_fail (value != NULL, FALSE);

  if (*s == '\0')
    return fail (error, CM_IMPORT_VALUE_ERROR_INVALID, _("The answer is missing. Write Yes or No."));
  for (gsize i = 0; i < G_N_ELEMENTS (flags); i++)
    if (g_ascii_strcasecmp (s, flags[i].text) == 0)
      {
        *value = flags[i].value;
        return TRUE;
      }
  return fail (error, CM_IMPORT_VALUE_ERROR_INVALID,
               _("“%s” is not yes or no. Write Yes or No."), s);
}

/* ---- Vocabularies ----------------------------------------------------- */

typedef struct {
  GType (*get_type) (void);
  int value;
  const char *text;
} Synonym;

/* What UK council and NHS registers write, besides our nicks and labels
 * (which match already: "in house" is the nick "in-house"). Compared
 * without case, spaces or punctuation. */
static const Synonym synonyms[] = {
  /* Sector (DOMAIN.md: third sector is charity, CIC and community group). */
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "VCSE" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "VCS" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "VCFS" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "VCSE sector" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "voluntary" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "voluntary sector" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "voluntary and community" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "voluntary and community sector" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "voluntary community and social enterprise" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "voluntary community and faith sector" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "charity" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "charitable" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "registered charity" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "charitable incorporated organisation" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "CIO" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "community interest company" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "CIC" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "community group" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "community organisation" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "social enterprise" },
  { cm_sector_get_type, CM_SECTOR_THIRD_SECTOR, "not for profit" },
  { cm_sector_get_type, CM_SECTOR_INDEPENDENT, "private" },
  { cm_sector_get_type, CM_SECTOR_INDEPENDENT, "private sector" },
  { cm_sector_get_type, CM_SECTOR_INDEPENDENT, "for profit" },
  { cm_sector_get_type, CM_SECTOR_INDEPENDENT, "commercial" },
  { cm_sector_get_type, CM_SECTOR_NHS, "NHS trust" },
  { cm_sector_get_type, CM_SECTOR_NHS, "NHS foundation trust" },
  { cm_sector_get_type, CM_SECTOR_NHS, "foundation trust" },
  { cm_sector_get_type, CM_SECTOR_NHS, "NHS provider" },
  { cm_sector_get_type, CM_SECTOR_IN_HOUSE, "council" },
  { cm_sector_get_type, CM_SECTOR_IN_HOUSE, "council in-house" },
  { cm_sector_get_type, CM_SECTOR_IN_HOUSE, "local authority" },
  { cm_sector_get_type, CM_SECTOR_IN_HOUSE, "local authority in-house" },
  /* Contract type (seed 001, procurement routes). */
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_CONTRACT, "service contract" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_CONTRACT, "NHS standard contract" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_GRANT, "grant agreement" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_GRANT, "grant funding" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_GRANT, "grant aid" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_SERVICE_LEVEL_AGREEMENT, "SLA" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, "framework" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, "framework agreement" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, "call-off" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, "call-off contract" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_BLOCK, "block contract" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_SPOT_PURCHASE, "spot" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_SPOT_PURCHASE, "spot contract" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_SPOT_PURCHASE, "spot purchasing" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_INTERIM, "interim contract" },
  { cm_contract_type_get_type, CM_CONTRACT_TYPE_INTERIM, "interim arrangement" },
  /* Procurement route; the last three are the Transparency Code's answers. */
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_OPEN, "open tender" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_OPEN, "open competition" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_OPEN, "competitive tender" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_OPEN, "tender" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_OPEN, "ITT" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_RESTRICTED, "restricted tender" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, "LTR" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_FRAMEWORK, "framework call-off" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_FRAMEWORK, "call-off" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_FRAMEWORK, "mini competition" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_FRAMEWORK, "further competition" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME, "PSR" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A, "direct award process A" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A, "PSR direct award A" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A, "PSR direct award process A" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B, "direct award process B" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B, "PSR direct award B" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B, "PSR direct award process B" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C, "direct award process C" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C, "PSR direct award C" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C, "PSR direct award process C" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER, "most suitable provider" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER, "most suitable provider process" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS, "competitive process" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS, "PSR competitive process" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "waiver" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "single tender" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "single tender action" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "STA" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "single source" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "exemption" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_GRANT_SCHEME, "grant" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_GRANT_SCHEME, "grant programme" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_GRANT_SCHEME, "grant funding" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_QUOTATION, "quote" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_QUOTATION, "quotes" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_QUOTATION, "RFQ" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_QUOTATION, "request for quotation" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_QUOTATION, "ITQ" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_QUOTATION, "invitation to quote" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_OPEN, "invitation to tender" },
  { cm_procurement_route_get_type, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "neither" },
};

/* Lower case, letters and digits only, "&" as "and": "In-house",
 * "in house" and "IN HOUSE" all become "inhouse". */
static char *
normalise (const char *text, gssize len)
{
  g_autofree char *folded = g_utf8_casefold (text, len);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (c == '&')
        g_string_append (out, "and");
    }
  return g_string_free (out, FALSE);
}

static void
add_word (GHashTable *words, const char *text, int value)
{
  /* The first spelling wins, so a synonym cannot take over a label. */
  char *key = normalise (text, -1);

  if (*key && !g_hash_table_contains (words, key))
    g_hash_table_insert (words, key, GINT_TO_POINTER (value + 1));
  else
    g_free (key);
}

/* Normalised nick, label and synonym -> value + 1, built once per type:
 * an import matches every row of a register against it. */
static GHashTable *
vocabulary (GType enum_type)
{
  static GHashTable *by_type; /* GType -> GHashTable */
  G_LOCK_DEFINE_STATIC (by_type);
  GHashTable *words;

  G_LOCK (by_type);
  if (by_type == NULL)
    by_type = g_hash_table_new (NULL, NULL);
  words = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (enum_type));
  if (words == NULL)
    {
      words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < cm_enum_count (enum_type); i++)
        {
          add_word (words, cm_enum_to_nick (enum_type, i), i);
          add_word (words, cm_enum_to_label (enum_type, i), i);
        }
      for (gsize i = 0; i < G_N_ELEMENTS (synonyms); i++)
        if (synonyms[i].get_type () == enum_type)
          add_word (words, synonyms[i].text, synonyms[i].value);
      g_hash_table_insert (by_type, GSIZE_TO_POINTER (enum_type), words);
    }
  G_UNLOCK (by_type);
  return words;
}

static gboolean
lookup (GHashTable *words, const char *text, gssize len, int *value)
{
  g_autofree char *key = normalise (text, len);
  gpointer found = g_hash_table_lookup (words, key);

  if (found == NULL)
    return FALSE;
  *value = GPOINTER_TO_INT (found) - 1;
  return TRUE;
}

int
cm_import_match_enum (GType enum_type, const char *text, gboolean *matched)
{
  GHashTable *words;
  const char *comma;
  gboolean found;
  int value, other = 0;

  if (!cm_enum_from_nick (enum_type, "other", &other))
    g_return_val_if_reached (0);

  words = vocabulary (enum_type);
  text = text ? text : "";
  comma = strchr (text, ',');
  /* The whole text first, then what comes before a comma: the Transparency
   * sheet writes "Third sector / VCSE, registered charity". */
  found = lookup (words, text, -1, &value) ||
          (comma && lookup (words, text, comma - text, &value));
  if (matched)
    *matched = found;
  return found ? value : other;
}
