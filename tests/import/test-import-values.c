/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import-values.c: reading the cells of a contracts register */
#include <glib.h>
#include <string.h>

#include "cm-enums.h"
#include "cm-import-values.h"

#define OK 0
#define INVALID 1
#define AMBIGUOUS 2

typedef struct {
  const char *text;
  int result;          /* OK, INVALID or AMBIGUOUS */
  const char *iso;     /* when OK */
  const char *message; /* a part of the error message, or NULL */
} DateCase;

static const DateCase date_cases[] = {
  /* Day first, with slashes, dots or dashes. */
  { "01/04/2019", OK, "2019-04-01" },
  { "1/4/2019", OK, "2019-04-01" },
  { "05/04/2019", OK, "2019-04-05" }, /* both could be months: UK order wins */
  { "12/11/2020", OK, "2020-11-12" },
  { "01.04.2019", OK, "2019-04-01" },
  { "01-04-2019", OK, "2019-04-01" },
  { "  01/04/2019  ", OK, "2019-04-01" },
  { "\xc2\xa0" "01/04/2019", OK, "2019-04-01" },
  /* Two-digit years: 00-69 this century, 70-99 the last. */
  { "1/4/19", OK, "2019-04-01" },
  { "31/12/00", OK, "2000-12-31" },
  { "1/1/69", OK, "2069-01-01" },
  { "1/1/70", OK, "1970-01-01" },
  { "15/6/99", OK, "1999-06-15" },
  /* Month ends and leap years. */
  { "31/01/2019", OK, "2019-01-31" },
  { "30/04/2019", OK, "2019-04-30" },
  { "31/12/2019", OK, "2019-12-31" },
  { "28/02/2019", OK, "2019-02-28" },
  { "29/02/2020", OK, "2020-02-29" },
  { "29/02/2000", OK, "2000-02-29" },
  { "29/02/24", OK, "2024-02-29" },
  /* Months by name. */
  { "1 Apr 2019", OK, "2019-04-01" },
  { "1 April 2019", OK, "2019-04-01" },
  { "01-Apr-2019", OK, "2019-04-01" },
  { "1-Apr-19", OK, "2019-04-01" },
  { "30 Sept 2019", OK, "2019-09-30" },
  { "30 Sep 2019", OK, "2019-09-30" },
  { "1 SEPTEMBER 2019", OK, "2019-09-01" },
  { "1 may 2019", OK, "2019-05-01" },
  { "31 Oct 2019", OK, "2019-10-31" },
  { "1st April 2019", OK, "2019-04-01" },
  { "April 1, 2019", OK, "2019-04-01" },
  { "29 Feb 2020", OK, "2020-02-29" },
  /* ISO, with or without a time. */
  { "2019-04-01", OK, "2019-04-01" },
  { "2019-4-1", OK, "2019-04-01" },
  { "2019-04-01T00:00:00", OK, "2019-04-01" },
  { "2019-04-01 00:00:00", OK, "2019-04-01" },
  { "2019-04-01T13:45:10.500Z", OK, "2019-04-01" },
  { "01/04/2019 00:00", OK, "2019-04-01" },
  /* Excel serials, 1900 system. */
  { "1", OK, "1900-01-01" },
  { "59", OK, "1900-02-28" },
  { "61", OK, "1900-03-01" },
  { "43556", OK, "2019-04-01" },
  { "43556.75", OK, "2019-04-01" },
  { "43556.", OK, "2019-04-01" },
  { "44986", OK, "2023-03-01" },
  { "60", INVALID, NULL, "29 February 1900" },
  { "0", INVALID, NULL, "01/04/2019" },
  /* Ambiguous: never guessed. */
  { "04/13/2019", AMBIGUOUS, NULL, "13/04/2019" },
  { "12/31/2019", AMBIGUOUS, NULL, "31/12/2019" },
  { "2/29/2020", AMBIGUOUS, NULL, "US" },
  { "2019/04/05", AMBIGUOUS, NULL, "year" },
  { "2019.04.05", AMBIGUOUS, NULL, "year" },
  { "2019", AMBIGUOUS, NULL, "year" },
  { "1900", AMBIGUOUS, NULL, "01/04/2019" },
  { "2100", AMBIGUOUS, NULL, "01/04/2019" },
  { "2019.0", AMBIGUOUS, NULL, "year" },
  /* Invalid, saying what to write instead. */
  { "31/02/2019", INVALID, NULL, "01/04/2019" },
  { "29/02/2019", INVALID, NULL, "February 2019 has 28 days" },
  { "29/02/1900", INVALID, NULL, "28 days" },
  { "31/04/2019", INVALID, NULL, "April 2019 has 30 days" },
  { "2019-02-30", INVALID, NULL, "28 days" },
  { "2019-13-01", INVALID, NULL, "01/04/2019" },
  { "32/01/2019", INVALID, NULL, "01/04/2019" },
  { "13/13/2019", INVALID, NULL, "01/04/2019" },
  { "00/01/2019", INVALID, NULL, "01/04/2019" },
  { "1/4/219", INVALID, NULL, "01/04/2019" },
  { "01/04-2019", INVALID, NULL, "01/04/2019" },
  { "1 Apl 2019", INVALID, NULL, "not a month" },
  { "31 Feb 2019", INVALID, NULL, "28 days" },
  { "April 2019", INVALID, NULL, "01/04/2019" },
  { "next April", INVALID, NULL, "01/04/2019" },
  { "TBC", INVALID, NULL, "01/04/2019" },
  { "", INVALID, NULL, "missing" },
  { "01/04/2019 noon", INVALID, NULL, "01/04/2019" },
  { "10:30", INVALID, NULL, "01/04/2019" },
  { "1/4/1850", INVALID, NULL, "01/04/2019" },
  { "99999999", INVALID, NULL, "01/04/2019" },
  { "-43556", INVALID, NULL, "01/04/2019" },
};

static void
test_dates (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = cm_import_parse_date (c->text, &date, &error);
      int code;

      g_test_message ("date “%s”", c->text);
      if (c->result == OK)
        {
          char iso[11];

          g_assert_no_error (error);
          g_assert_true (ok);
          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
          g_assert_cmpstr (iso, ==, c->iso);
          continue;
        }
      code = c->result == AMBIGUOUS ? CM_IMPORT_VALUE_ERROR_AMBIGUOUS
                                    : CM_IMPORT_VALUE_ERROR_INVALID;
      g_assert_false (ok);
      g_assert_false (g_date_valid (&date));
      g_assert_error (error, CM_IMPORT_VALUE_ERROR, code);
      g_test_message ("  %s", error->message);
      if (c->message)
        g_assert_nonnull (strstr (error->message, c->message));
    }
}

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
  g_test_add_func ("/import-values/dates", test_dates);
  g_test_add_func ("/import-values/money", test_money);
  g_test_add_func ("/import-values/counts", test_counts);
  g_test_add_func ("/import-values/flags", test_flags);
  g_test_add_func ("/import-values/sectors", test_sectors);
  g_test_add_func ("/import-values/contract-types", test_contract_types);
  g_test_add_func ("/import-values/routes", test_routes);
  g_test_add_func ("/import-values/enum-round-trip", test_enum_round_trip);
  g_test_add_func ("/import-values/label-as-written", test_label_as_written);
  return g_test_run ();
}
