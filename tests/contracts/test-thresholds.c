/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-thresholds.c: thresholds as dated data, and the route warning */
#include <string.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-thresholds.h"

static GPtrArray *
load (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *thresholds = cm_thresholds_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (thresholds);
  return thresholds;
}

static void
test_in_force (void)
{
  g_autoptr(GPtrArray) thresholds = load ();
  static const struct {
    const char *kind;
    GDateDay day;
    GDateMonth month;
    GDateYear year;
    gint64 pence; /* 0: none in force */
  } cases[] = {
    /* Seed 000 4.5.2: the 2015 EU threshold for goods and services. */
    { "goods-and-services", 1, 6, 2015, 17251400 },
    { "goods-and-services", 31, 12, 2023, 17251400 },
    /* DOMAIN.md: from 1 January 2024, including VAT. */
    { "goods-and-services", 1, 1, 2024, 21490400 },
    { "light-touch", 1, 1, 2024, 66354000 },
    { "light-touch", 31, 12, 2023, 0 },
    { "works", 24, 2, 2025, 537260900 },
    { "central-government", 31, 12, 2025, 13968800 },
    /* The Threshold Amounts (Amendment) Regulations 2025, from 1 January
     * 2026, including VAT: the day before and the day itself. */
    { "goods-and-services", 31, 12, 2025, 21490400 },
    { "goods-and-services", 1, 1, 2026, 20772000 },
    { "central-government", 1, 1, 2026, 13501800 },
    { "works", 31, 12, 2025, 537260900 },
    { "works", 1, 1, 2026, 519300000 },
    { "light-touch", 31, 12, 2025, 66354000 },
    { "light-touch", 1, 1, 2026, 66354000 },
    { "council-advertising", 1, 4, 2019, 1000000 },
    { "nhs-advertising", 1, 4, 2019, 2500000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (cases[i].day, cases[i].month, cases[i].year);
      const CmThreshold *t = cm_thresholds_in_force (thresholds, cases[i].kind, date);

      g_assert_cmpint (t ? t->pence : 0, ==, cases[i].pence);
    }
}

/* No label shown to users names an internal source. */
static void
test_labels_name_public_sources (void)
{
  g_autoptr(GPtrArray) thresholds = load ();

  for (guint i = 0; i < thresholds->len; i++)
    {
      const CmThreshold *t = g_ptr_array_index (thresholds, i);
      g_autofree char *folded = g_utf8_casefold (t->label, -1);

      g_test_message ("label “%s”", t->label);
      g_assert_null (strstr (folded, "seed"));
      g_assert_false (g_regex_match_simple ("\\bL[0-9]", t->label, 0, 0));
    }
}

static CmContract *
contract (CmContractType type, CmProcurementRoute route, gint64 total_pounds, const char *start,
          CmOrganisationKind commissioner)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", "T-1", "title", "Test",
                       "contract-type", type, "route", route, "total-value", total_pounds * 100,
                       "start-date", start, "commissioner-kind", commissioner, NULL);
}

#define COUNCIL CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE
#define NHS CM_ORGANISATION_KIND_NHS_BODY

static void
test_route_warning (void)
{
  g_autoptr(GPtrArray) thresholds = load ();
  static const struct {
    CmContractType type;
    CmProcurementRoute route;
    gint64 total_pounds;
    const char *start;
    CmOrganisationKind commissioner;
    const char *warns;   /* a word of the warning, or NULL for none */
  } cases[] = {
    /* Over the light touch threshold by a route that is not compliant. */
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 700000, "2024-04-01",
      COUNCIL, "compliant" },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_QUOTATION, 663541, "2025-04-01", NHS,
      "compliant" },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_OPEN, 5000000, "2024-04-01", COUNCIL, NULL },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, 5000000, "2024-04-01", NHS,
      NULL },
    /* Grants are not procurements. */
    { CM_CONTRACT_TYPE_GRANT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 5000000, "2024-04-01", COUNCIL,
      NULL },
    /* Under light touch, but over the local advertising limits unadvertised. */
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 663540, "2024-04-01",
      COUNCIL, "YORtender" },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_QUOTATION, 10001, "2024-04-01", COUNCIL,
      "YORtender" },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_QUOTATION, 10000, "2024-04-01", COUNCIL,
      NULL },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 20000, "2024-04-01", NHS,
      NULL },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 25001, "2024-04-01", NHS,
      "Contracts Finder" },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_OPEN, 50000, "2024-04-01", NHS, NULL },
    /* Before any rule on record, or with no start date, nothing to judge by. */
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 5000000, "2018-04-01",
      COUNCIL, NULL },
    { CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 5000000, "", COUNCIL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) c = contract (cases[i].type, cases[i].route, cases[i].total_pounds,
                                          cases[i].start, cases[i].commissioner);
      g_autofree char *warning = cm_thresholds_check (thresholds, c);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, warning ? warning : "(none)");
      if (cases[i].warns == NULL)
        g_assert_null (warning);
      else
        g_assert_nonnull (strstr (warning ? warning : "", cases[i].warns));
    }
}

/* The day a contract is judged on: when its procurement began, else its
 * start; and what the works threshold is on that day either side of the
 * 2026 change. */
#define CONTRACT CM_CONTRACT_TYPE_CONTRACT

static void
test_judging_day (void)
{
  g_autoptr(GPtrArray) thresholds = load ();
  static const struct {
    CmContractType type;
    const char *start;
    const char *began;
    const char *day;      /* NULL: none */
    gboolean recorded;
    gint64 works_pence;
    const char *says;     /* a part of the page's sentence */
  } cases[] = {
    { CONTRACT, "2026-04-01", "2025-12-31", "2025-12-31", TRUE, 537260900,
      "on 31 December 2025, the day the procurement began" },
    { CONTRACT, "2026-04-01", "2026-01-01", "2026-01-01", TRUE, 519300000,
      "on 1 January 2026, the day the procurement began" },
    { CONTRACT, "2026-04-01", "", "2026-04-01", FALSE, 519300000,
      "on 1 April 2026, the contract’s start date; the procurement start is not recorded" },
    { CONTRACT, "2025-12-31", "", "2025-12-31", FALSE, 537260900, "the contract’s start date" },
    { CONTRACT, "2019-04-01", "", "2019-04-01", FALSE, 0,
      "Judged against the thresholds in force on 1 April 2019, the contract’s start date; "
      "the procurement start is not recorded" },
    { CONTRACT, "", "2025-06-01", "2025-06-01", TRUE, 537260900, "the day the procurement began" },
    { CONTRACT, "", "", NULL, FALSE, 0, "neither" },
    /* Grants are not procurements, whatever their dates. */
    { CM_CONTRACT_TYPE_GRANT, "2026-04-01", "2025-12-31", "2025-12-31", TRUE, 537260900,
      "no procurement thresholds apply" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) c = g_object_new (CM_TYPE_CONTRACT, "contract-type", cases[i].type,
                                              "start-date", cases[i].start,
                                              "procurement-began", cases[i].began, NULL);
      g_autofree char *says = cm_thresholds_describe_judging_day (c);
      gboolean recorded = !cases[i].recorded;
      GDate day;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, says);
      g_assert_nonnull (strstr (says, cases[i].says));
      if (cases[i].day == NULL)
        {
          g_assert_false (cm_thresholds_judging_day (c, &day, &recorded));
          continue;
        }
      g_assert_true (cm_thresholds_judging_day (c, &day, &recorded));
      g_assert_cmpint (recorded, ==, cases[i].recorded);
      {
        g_autofree char *iso = cm_date_format_iso (&day);
        const CmThreshold *works = cm_thresholds_in_force (thresholds, "works", &day);

        g_assert_cmpstr (iso, ==, cases[i].day);
        g_assert_cmpint (works ? works->pence : 0, ==, cases[i].works_pence);
      }
    }
}

/* The route warning follows the procurement start, not the contract's:
 * a direct award whose procurement began before any rule on record is not
 * judged, even though the contract started under one. */
static void
test_warning_follows_procurement_start (void)
{
  g_autoptr(GPtrArray) thresholds = load ();
  static const struct {
    const char *start;
    const char *began;
    gboolean warns;
  } cases[] = {
    { "2024-04-01", "", TRUE },
    { "2024-04-01", "2023-06-01", FALSE },
    { "2023-04-01", "", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) c =
        g_object_new (CM_TYPE_CONTRACT, "reference", "T-2", "title", "Test",
                      "route", CM_PROCUREMENT_ROUTE_DIRECT_AWARD,
                      "total-value", (gint64) 70000000, "start-date", cases[i].start,
                      "procurement-began", cases[i].began, NULL);
      g_autofree char *warning = cm_thresholds_check (thresholds, c);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, warning ? warning : "(none)");
      g_assert_cmpint (warning != NULL && strstr (warning, "compliant") != NULL, ==,
                       cases[i].warns);
    }
}

/* A procurement cannot begin after its contract started. */
static void
test_began_after_start_refused (void)
{
  static const struct {
    const char *start;
    const char *began;
    gboolean valid;
  } cases[] = {
    { "2026-04-01", "2026-04-01", TRUE },
    { "2026-04-01", "2025-10-01", TRUE },
    { "2026-04-01", "2026-04-02", FALSE },
    { "", "2026-04-02", TRUE },
    { "2026-04-01", "2026-02-30", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmContract) c =
        g_object_new (CM_TYPE_CONTRACT, "reference", "T-3", "title", "Test", "service-id",
                      (gint64) 1, "provider-id", (gint64) 1, "start-date", cases[i].start,
                      "procurement-began", cases[i].began, NULL);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (cm_entity_validate (CM_ENTITY (c), &error), ==, cases[i].valid);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/thresholds/in-force", test_in_force);
  g_test_add_func ("/thresholds/route-warning", test_route_warning);
  g_test_add_func ("/thresholds/labels-name-public-sources", test_labels_name_public_sources);
  g_test_add_func ("/thresholds/judging-day", test_judging_day);
  g_test_add_func ("/thresholds/warning-follows-procurement-start",
                   test_warning_follows_procurement_start);
  g_test_add_func ("/thresholds/began-after-start-refused", test_began_after_start_refused);
  return g_test_run ();
}
