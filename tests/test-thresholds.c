/* test-thresholds.c: thresholds as dated data, and the route warning */
#include <string.h>

#include "cm-contract.h"
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/thresholds/in-force", test_in_force);
  g_test_add_func ("/thresholds/route-warning", test_route_warning);
  return g_test_run ();
}
