/* test-reduction.c: what reduction scenarios do to providers, and that they
 * never touch the contracts */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-reduction.h"
#include "cm-scenario.h"
#include "cm-service.h"
#include "cm-test-util.h"

#define POUNDS(n) ((gint64) (n) * 100)

typedef struct {
  const char *name;
  CmReductionLine lines[4];
  guint n_lines;
  gint64 saving;
  gboolean blanket;
  const char *hardest;
  double hardest_share;      /* -1: unknown */
} Case;

static const Case cases[] = {
  { "one contract", { { 1, "Age UK Leeds", POUNDS (1000000), POUNDS (200000), 10 } }, 1,
    POUNDS (20000), FALSE, "Age UK Leeds", 0.02 },
  { "a blanket cut falls unequally",
    { { 1, "Age UK Leeds", POUNDS (1000000), POUNDS (200000), 10 },
      { 2, "Touchstone", POUNDS (400000), POUNDS (300000), 10 } }, 2,
    POUNDS (50000), TRUE, "Touchstone", 0.075 },
  { "varied cuts are not blanket",
    { { 1, "Age UK Leeds", POUNDS (1000000), POUNDS (200000), 15 },
      { 2, "Touchstone", POUNDS (400000), POUNDS (300000), 5 } }, 2,
    POUNDS (45000), FALSE, "Touchstone", 0.0375 },
  { "a provider with two contracts adds up",
    { { 1, "Age UK Leeds", POUNDS (1000000), POUNDS (200000), 10 },
      { 1, "Age UK Leeds", POUNDS (1000000), POUNDS (100000), 20 },
      { 2, "Touchstone", POUNDS (4000000), POUNDS (300000), 10 } }, 3,
    POUNDS (70000), FALSE, "Age UK Leeds", 0.04 },
  { "unknown incomes come after known ones",
    { { 1, "Barca-Leeds", 0, POUNDS (900000), 10 },
      { 2, "Touchstone", POUNDS (4000000), POUNDS (100000), 10 } }, 2,
    POUNDS (100000), TRUE, "Touchstone", 0.0025 },
  { "0% and 100%",
    { { 1, "Age UK Leeds", POUNDS (1000000), POUNDS (200000), 0 },
      { 2, "Touchstone", POUNDS (400000), POUNDS (300000), 100 } }, 2,
    POUNDS (300000), FALSE, "Touchstone", 0.75 },
  { "pence round half away from zero",
    { { 1, "Age UK Leeds", 0, 5, 50 } }, 1, 3, FALSE, "Age UK Leeds", -1 },
};

static void
test_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(CmReduction) r = cm_reduction_compute (c->lines, c->n_lines);
      const CmProviderEffect *first = &g_array_index (r->effects, CmProviderEffect, 0);

      g_test_message ("case: %s", c->name);
      g_assert_cmpint (r->saving, ==, c->saving);
      g_assert_cmpint (r->blanket, ==, c->blanket);
      g_assert_cmpstr (first->provider_name, ==, c->hardest);
      g_assert_cmpfloat_with_epsilon (first->share_of_income, c->hardest_share, 1e-9);
    }
}

static void
test_scenario_leaves_contracts_alone (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("reduction.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Public Health",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Healthy Living Services");
  g_autoptr(CmProvider) provider = cm_provider_new ("Barca-Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) contract = cm_contract_new ("PH-0001", "Healthy living");
  g_autoptr(CmScenario) scenario = cm_scenario_new ("10% across Public Health");
  g_autoptr(CmScenarioLine) line = NULL;
  g_autoptr(CmScenarioLine) too_much = NULL;
  g_autoptr(CmReduction) effect = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_object_set (service, "lead-commissioner-id", cm_test_save (store, org), NULL);
  g_object_set (provider, "annual-income", POUNDS (2000000), NULL);
  g_object_set (contract, "service-id", cm_test_save (store, service),
                "provider-id", cm_test_save (store, provider),
                "annual-value", POUNDS (578100), NULL);
  cm_test_save (store, contract);
  before = cm_test_query_dump (path, "SELECT * FROM contract");

  cm_test_save (store, scenario);
  line = cm_scenario_line_new (cm_entity_get_id (CM_ENTITY (scenario)),
                               cm_entity_get_id (CM_ENTITY (contract)), 10);
  cm_test_save (store, line);
  too_much = cm_scenario_line_new (cm_entity_get_id (CM_ENTITY (scenario)),
                                   cm_entity_get_id (CM_ENTITY (contract)), 120);
  g_assert_false (cm_store_save (store, CM_ENTITY (too_much), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);

  effect = cm_reduction_of_scenario (store, cm_entity_get_id (CM_ENTITY (scenario)));
  g_assert_cmpint (effect->saving, ==, POUNDS (57810));
  g_assert_cmpfloat_with_epsilon (g_array_index (effect->effects, CmProviderEffect, 0)
                                  .share_of_income, 57810.0 / 2000000, 1e-9);
  after = cm_test_query_dump (path, "SELECT * FROM contract");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit"
                                            " WHERE entity = 'scenario_line'"
                                            " AND field = 'percent'"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reduction/table", test_table);
  g_test_add_func ("/reduction/leaves-contracts-alone", test_scenario_leaves_contracts_alone);
  return g_test_run ();
}
