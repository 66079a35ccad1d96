/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import-values.c: reading the cells of a contracts register */
#include <glib.h>
#include <string.h>

#include "cm-enums.h"
#include "cm-import-values.h"
#include "cm-money.h"

typedef struct {
  const char *text;
  gboolean ok;
  gint64 pence;
  const char *message;
} MoneyCase;

static const MoneyCase money_cases[] = {
  { "£ 2,000", TRUE, 200000 },
  { "£2,000", TRUE, 200000 },
  { "1.5k", TRUE, 150000 },
  { "£20k", TRUE, 2000000 },
  { "£1.3m", TRUE, 130000000 },
  { "£1.3M", TRUE, 130000000 },
  { "1.375m", TRUE, 137500000 },
  { "1234.56", TRUE, 123456 },
  { "1234.5", TRUE, 123450 },
  { "1234", TRUE, 123400 },
  { "0", TRUE, 0 },
  { "£3,000,000", TRUE, 300000000 },
  { "  £564,720  ", TRUE, 56472000 },
  { "-100", FALSE, 0, "minus" },
  { "-£100", FALSE, 0, "minus" },
  { "£-100", FALSE, 0, "minus" },
  { "(£100)", FALSE, 0, "minus" },
  { "\xe2\x88\x92" "100", FALSE, 0, "minus" },
  { "1234.567", FALSE, 0, "two decimal places" },
  { "£0.001", FALSE, 0, "two decimal places" },
  { "TBC", FALSE, 0, "£12,500" },
  { "twelve thousand", FALSE, 0, "£12,500" },
  { "£1.3bn", FALSE, 0, "£1.3m" },
  { "1e3", FALSE, 0, "£12,500" },
  { "", FALSE, 0, "missing" },
};

static void
test_money (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      const MoneyCase *c = &money_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 pence = -1;

      g_test_message ("money “%s”", c->text);
      g_assert_cmpint (cm_import_parse_money (c->text, &pence, &error), ==, c->ok);
      if (c->ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (pence, ==, c->pence);
          continue;
        }
      g_assert_error (error, CM_IMPORT_VALUE_ERROR, CM_IMPORT_VALUE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, c->message));
    }
}

/* Amounts in the forms registers write most, with their pounds written
 * with and without thousands commas, and pence of none, one or two digits. */
static char *
plain_amount (guint64 pounds, int pence, int n_decimals, gboolean commas, gboolean sign)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, pounds);
  GString *out = g_string_new (sign ? "£" : "");

  for (const char *p = digits; *p; p++)
    {
      g_string_append_c (out, *p);
      if (commas && p[1] && strlen (p + 1) % 3 == 0)
        g_string_append_c (out, ',');
    }
  if (n_decimals == 1)
    g_string_append_printf (out, ".%d", pence / 10);
  else if (n_decimals == 2)
    g_string_append_printf (out, ".%02d", pence);
  return g_string_free (out, FALSE);
}

/* The register's plainest amounts are read on a shorter path: it must
 * give what the general reader gives, up to the largest it takes. */
static void
test_money_plain (void)
{
  static const char * const odd[] = {
    "0", "00", "0.5", "0.05", ",5", "1,2,3", "12.", ".5", "£.5", "999999999.99", "1000000000",
    "9999999999.99", "10000000000", "10000000001", "0000000001", "£", "£,", "1,000.", "1.2.3",
  };

  for (int i = 0; i < 4000; i++)
    {
      static const guint64 scale[] = { 10, 1000, 1000000, 1000000000, 10000000000 };
      g_autofree char *text = plain_amount (g_test_rand_int_range (0, G_MAXINT32) %
                                              scale[i % G_N_ELEMENTS (scale)],
                                            g_test_rand_int_range (0, 100), i % 3, i % 2, i % 5 > 0);
      gint64 expected = -1, pence = -1;

      g_assert_true (cm_money_parse (text, &expected, NULL));
      g_assert_true (cm_import_parse_money (text, &pence, NULL));
      g_assert_cmpint (pence, ==, expected);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      gint64 expected = -1, pence = -1;
      gboolean general = cm_money_parse (odd[i], &expected, NULL);

      g_test_message ("money “%s”", odd[i]);
      g_assert_cmpint (cm_import_parse_money (odd[i], &pence, NULL), ==, general);
      if (general)
        g_assert_cmpint (pence, ==, expected);
    }
}

typedef struct {
  const char *text;
  gboolean ok;
  int value;
} ScalarCase;

static const ScalarCase count_cases[] = {
  { "0", TRUE, 0 }, { "2", TRUE, 2 }, { " 3 ", TRUE, 3 }, { "none", TRUE, 0 },
  { "None", TRUE, 0 }, { "2.0", TRUE, 2 }, { "", FALSE }, { "-1", FALSE }, { "2.5", FALSE },
  { "two", FALSE }, { "100000", FALSE },
};

static void
test_counts (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      const ScalarCase *c = &count_cases[i];
      g_autoptr(GError) error = NULL;
      int count = -1;

      g_test_message ("count “%s”", c->text);
      g_assert_cmpint (cm_import_parse_count (c->text, &count, &error), ==, c->ok);
      if (c->ok)
        g_assert_cmpint (count, ==, c->value);
      else
        g_assert_error (error, CM_IMPORT_VALUE_ERROR, CM_IMPORT_VALUE_ERROR_INVALID);
    }
}

static const ScalarCase flag_cases[] = {
  { "Yes", TRUE, TRUE }, { "yes", TRUE, TRUE }, { "YES", TRUE, TRUE }, { "Y", TRUE, TRUE },
  { "y", TRUE, TRUE }, { "TRUE", TRUE, TRUE }, { "true", TRUE, TRUE }, { "1", TRUE, TRUE },
  { "No", TRUE, FALSE }, { "n", TRUE, FALSE }, { "N", TRUE, FALSE }, { "FALSE", TRUE, FALSE },
  { "False", TRUE, FALSE }, { "0", TRUE, FALSE }, { " no ", TRUE, FALSE },
  { "", FALSE }, { "maybe", FALSE }, { "2", FALSE }, { "yes please", FALSE },
};

static void
test_flags (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (flag_cases); i++)
    {
      const ScalarCase *c = &flag_cases[i];
      g_autoptr(GError) error = NULL;
      gboolean value = -1;

      g_test_message ("flag “%s”", c->text);
      g_assert_cmpint (cm_import_parse_flag (c->text, &value, &error), ==, c->ok);
      if (c->ok)
        g_assert_cmpint (value, ==, c->value);
      else
        {
          g_assert_error (error, CM_IMPORT_VALUE_ERROR, CM_IMPORT_VALUE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "Yes or No"));
        }
    }
}

typedef struct {
  const char *text;
  int value;
  gboolean matched;
} EnumCase;

static const EnumCase sector_cases[] = {
  { "third-sector", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Third sector / VCSE", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Third sector", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "THIRD SECTOR", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "VCSE", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "vcs", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Voluntary", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Voluntary sector", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Voluntary & community sector", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Charity", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "charitable", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Community Interest Company", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "C.I.C.", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Community group", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Social enterprise", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "Third sector/VCSE, registered charity", CM_SECTOR_THIRD_SECTOR, TRUE },
  { "independent", CM_SECTOR_INDEPENDENT, TRUE },
  { "Independent sector", CM_SECTOR_INDEPENDENT, TRUE },
  { "Private", CM_SECTOR_INDEPENDENT, TRUE },
  { "private sector", CM_SECTOR_INDEPENDENT, TRUE },
  { "For-profit", CM_SECTOR_INDEPENDENT, TRUE },
  { "NHS", CM_SECTOR_NHS, TRUE },
  { "NHS Trust", CM_SECTOR_NHS, TRUE },
  { "NHS Foundation Trust", CM_SECTOR_NHS, TRUE },
  { "Foundation trust", CM_SECTOR_NHS, TRUE },
  { "In-house", CM_SECTOR_IN_HOUSE, TRUE },
  { "in house", CM_SECTOR_IN_HOUSE, TRUE },
  { "INHOUSE", CM_SECTOR_IN_HOUSE, TRUE },
  { "Council", CM_SECTOR_IN_HOUSE, TRUE },
  { "Local authority", CM_SECTOR_IN_HOUSE, TRUE },
  { "Other", CM_SECTOR_OTHER, TRUE },
  { "Community benefit society", CM_SECTOR_OTHER, FALSE },
  { "Public sector", CM_SECTOR_OTHER, FALSE },
  { "", CM_SECTOR_OTHER, FALSE },
  { "Mixed, NHS", CM_SECTOR_OTHER, FALSE }, /* only the part before a comma */
};

static const EnumCase type_cases[] = {
  { "Contract", CM_CONTRACT_TYPE_CONTRACT, TRUE },
  { "contract", CM_CONTRACT_TYPE_CONTRACT, TRUE },
  { "Grant", CM_CONTRACT_TYPE_GRANT, TRUE },
  { "Grant agreement", CM_CONTRACT_TYPE_GRANT, TRUE },
  { "SLA", CM_CONTRACT_TYPE_SERVICE_LEVEL_AGREEMENT, TRUE },
  { "Service Level Agreement", CM_CONTRACT_TYPE_SERVICE_LEVEL_AGREEMENT, TRUE },
  { "Framework", CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, TRUE },
  { "Call-off", CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, TRUE },
  { "call off", CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, TRUE },
  { "Framework call-off", CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, TRUE },
  { "Block", CM_CONTRACT_TYPE_BLOCK, TRUE },
  { "Block contract", CM_CONTRACT_TYPE_BLOCK, TRUE },
  { "Spot", CM_CONTRACT_TYPE_SPOT_PURCHASE, TRUE },
  { "Spot purchase", CM_CONTRACT_TYPE_SPOT_PURCHASE, TRUE },
  { "Interim", CM_CONTRACT_TYPE_INTERIM, TRUE },
  { "Interim contract", CM_CONTRACT_TYPE_INTERIM, TRUE },
  { "Memorandum of understanding", CM_CONTRACT_TYPE_OTHER, FALSE },
  { "Section 75 agreement", CM_CONTRACT_TYPE_OTHER, FALSE },
};

static const EnumCase route_cases[] = {
  { "Open", CM_PROCUREMENT_ROUTE_OPEN, TRUE },
  { "Open tender", CM_PROCUREMENT_ROUTE_OPEN, TRUE },
  { "Open procedure", CM_PROCUREMENT_ROUTE_OPEN, TRUE },
  { "Invitation to tender", CM_PROCUREMENT_ROUTE_OPEN, TRUE },
  { "Restricted", CM_PROCUREMENT_ROUTE_RESTRICTED, TRUE },
  { "Restricted procedure", CM_PROCUREMENT_ROUTE_RESTRICTED, TRUE },
  { "Competitive flexible", CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE, TRUE },
  { "Competitive Flexible Procedure", CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE, TRUE },
  { "Light touch", CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, TRUE },
  { "Light Touch Regime", CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, TRUE },
  { "Framework", CM_PROCUREMENT_ROUTE_FRAMEWORK, TRUE },
  { "PSR", CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME, TRUE },
  { "Provider Selection Regime", CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME, TRUE },
  { "PSR direct award C", CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C, TRUE },
  { "Direct award process A", CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A, TRUE },
  { "Provider Selection Regime, direct award process B", CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B,
    TRUE },
  { "Most suitable provider", CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER, TRUE },
  { "Competitive process", CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS, TRUE },
  { "Direct award", CM_PROCUREMENT_ROUTE_DIRECT_AWARD, TRUE },
  { "Waiver", CM_PROCUREMENT_ROUTE_DIRECT_AWARD, TRUE },
  { "Single tender", CM_PROCUREMENT_ROUTE_DIRECT_AWARD, TRUE },
  { "Single Tender Action", CM_PROCUREMENT_ROUTE_DIRECT_AWARD, TRUE },
  { "Neither", CM_PROCUREMENT_ROUTE_DIRECT_AWARD, TRUE },
  { "Grant scheme", CM_PROCUREMENT_ROUTE_GRANT_SCHEME, TRUE },
  { "Grant", CM_PROCUREMENT_ROUTE_GRANT_SCHEME, TRUE },
  { "Quotation", CM_PROCUREMENT_ROUTE_QUOTATION, TRUE },
  { "Quote", CM_PROCUREMENT_ROUTE_QUOTATION, TRUE },
  { "RFQ", CM_PROCUREMENT_ROUTE_QUOTATION, TRUE },
  { "Invitation to quote", CM_PROCUREMENT_ROUTE_QUOTATION, TRUE },
  { "Negotiated without prior publication", CM_PROCUREMENT_ROUTE_OTHER, FALSE },
  { "Dynamic purchasing system", CM_PROCUREMENT_ROUTE_OTHER, FALSE },
};

static void
check_enum_cases (GType enum_type, const EnumCase *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      gboolean matched = !cases[i].matched;
      int value = cm_import_match_enum (enum_type, cases[i].text, &matched);

      g_test_message ("%s “%s”", g_type_name (enum_type), cases[i].text);
      g_assert_cmpstr (cm_enum_to_nick (enum_type, value), ==,
                       cm_enum_to_nick (enum_type, cases[i].value));
      g_assert_cmpint (matched, ==, cases[i].matched);
    }
}

static void
test_sectors (void)
{
  check_enum_cases (CM_TYPE_SECTOR, sector_cases, G_N_ELEMENTS (sector_cases));
}

static void
test_contract_types (void)
{
  check_enum_cases (CM_TYPE_CONTRACT_TYPE, type_cases, G_N_ELEMENTS (type_cases));
}

static void
test_routes (void)
{
  check_enum_cases (CM_TYPE_PROCUREMENT_ROUTE, route_cases, G_N_ELEMENTS (route_cases));
}

/* Every nick and label reads back as its own value. */
static void
test_enum_round_trip (void)
{
  GType types[] = { CM_TYPE_SECTOR, CM_TYPE_CONTRACT_TYPE, CM_TYPE_PROCUREMENT_ROUTE };

  for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint v = 0; v < cm_enum_count (types[t]); v++)
      {
        gboolean matched = FALSE;

        g_assert_cmpint (cm_import_match_enum (types[t], cm_enum_to_nick (types[t], v), &matched),
                         ==, v);
        g_assert_true (matched);
        g_assert_cmpint (cm_import_match_enum (types[t], cm_enum_to_label (types[t], v), &matched),
                         ==, v);
        g_assert_true (matched);
      }
}

/* Exports show an unmatched value as the user wrote it. */
static void
test_label_as_written (void)
{
  g_autofree char *other = cm_enum_to_label_as_written (CM_TYPE_SECTOR, CM_SECTOR_OTHER,
                                                        "Community benefit society");
  g_autofree char *plain = cm_enum_to_label_as_written (CM_TYPE_SECTOR, CM_SECTOR_NHS,
                                                        "ignored unless Other");
  g_autofree char *empty = cm_enum_to_label_as_written (CM_TYPE_PROCUREMENT_ROUTE,
                                                        CM_PROCUREMENT_ROUTE_OTHER, "");

  g_assert_cmpstr (other, ==, "Other: Community benefit society");
  g_assert_cmpstr (plain, ==, "NHS");
  g_assert_cmpstr (empty, ==, "Other");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-values/money", test_money);
  g_test_add_func ("/import-values/money-plain", test_money_plain);
  g_test_add_func ("/import-values/counts", test_counts);
  g_test_add_func ("/import-values/flags", test_flags);
  g_test_add_func ("/import-values/sectors", test_sectors);
  g_test_add_func ("/import-values/contract-types", test_contract_types);
  g_test_add_func ("/import-values/routes", test_routes);
  g_test_add_func ("/import-values/enum-round-trip", test_enum_round_trip);
  g_test_add_func ("/import-values/label-as-written", test_label_as_written);
  return g_test_run ();
}
