/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-reduction.c: what reduction scenarios do to providers, and that they
 * never touch the contracts */
#include <math.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-reduction.h"
#include "cm-scenario.h"
#include "cm-scenario-lines.h"
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

/* Two providers and two services; Age UK holds a contract of each. */
typedef struct {
  char *path;
  CmStore *store;
  gint64 age_uk, touchstone, carers, mental_health, scenario;
} Portfolio;

static gint64
add_contract (Portfolio *p, const char *reference, gint64 provider, gint64 service,
              gint64 pounds)
{
  g_autoptr(CmContract) contract = cm_contract_new (reference, "Support");

  g_object_set (contract, "provider-id", provider, "service-id", service,
                "annual-value", POUNDS (pounds), NULL);
  return cm_test_save (p->store, contract);
}

static void
portfolio_open (Portfolio *p)
{
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) carers = cm_service_new ("Carers support");
  g_autoptr(CmService) mental_health = cm_service_new ("Mental health recovery");
  g_autoptr(CmProvider) age_uk = cm_provider_new ("Age UK Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmProvider) touchstone = cm_provider_new ("Touchstone", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmScenario) scenario = cm_scenario_new ("Savings 2027/28");
  gint64 org_id;

  p->store = cm_test_open_new ("scenario-lines.commissioner", &p->path);
  org_id = cm_test_save (p->store, org);
  g_object_set (carers, "lead-commissioner-id", org_id, NULL);
  g_object_set (mental_health, "lead-commissioner-id", org_id, NULL);
  p->carers = cm_test_save (p->store, carers);
  p->mental_health = cm_test_save (p->store, mental_health);
  p->age_uk = cm_test_save (p->store, age_uk);
  p->touchstone = cm_test_save (p->store, touchstone);
  p->scenario = cm_test_save (p->store, scenario);
  add_contract (p, "ASC-1", p->age_uk, p->carers, 200000);
  add_contract (p, "ASC-2", p->age_uk, p->mental_health, 100000);
  add_contract (p, "ASC-3", p->touchstone, p->mental_health, 300000);
}

static void
portfolio_close (Portfolio *p)
{
  g_clear_object (&p->store);
  g_clear_pointer (&p->path, g_free);
}

static gint64
lines_where (Portfolio *p, const char *where)
{
  g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM scenario_line WHERE %s",
                                            where);
  return cm_test_query_int (p->path, query);
}

static void
test_choose_contracts (void)
{
  Portfolio p = { 0 };
  g_autoptr(GArray) by_provider = NULL;
  g_autoptr(GArray) by_service = NULL;
  g_autoptr(GArray) by_both = NULL;
  g_autoptr(GArray) none = NULL;
  CmScenarioChoice choice;

  portfolio_open (&p);
  by_provider = cm_scenario_choose_contracts (p.store, p.age_uk, 0);
  by_service = cm_scenario_choose_contracts (p.store, 0, p.mental_health);
  by_both = cm_scenario_choose_contracts (p.store, p.age_uk, p.mental_health);
  none = cm_scenario_choose_contracts (p.store, 0, 0);
  g_assert_cmpuint (by_provider->len, ==, 2);
  g_assert_cmpuint (by_service->len, ==, 2);
  g_assert_cmpuint (by_both->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);

  cm_scenario_preview (p.store, p.scenario, by_provider, &choice);
  g_assert_cmpuint (choice.n_new, ==, 2);
  g_assert_cmpuint (choice.n_already, ==, 0);
  g_assert_cmpint (choice.annual_value, ==, POUNDS (300000));
  portfolio_close (&p);
}

static void
test_add_contracts (void)
{
  Portfolio p = { 0 };
  g_autoptr(GArray) age_uk = NULL;
  g_autoptr(GArray) mental_health = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CmScenarioChoice choice;

  portfolio_open (&p);
  before = cm_test_query_dump (p.path, "SELECT * FROM contract");
  age_uk = cm_scenario_choose_contracts (p.store, p.age_uk, 0);
  added = cm_scenario_add_contracts (p.store, p.scenario, age_uk, 10, NULL);
  g_assert_nonnull (added);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpint (lines_where (&p, "percent = 10"), ==, 2);
  g_assert_cmpint (cm_test_query_int (p.path, "SELECT count(*) FROM audit"
                                              " WHERE entity = 'scenario_line'"
                                              " AND field = 'percent' AND new_value = '10'"),
                   ==, 2);

  /* The same choice again adds nothing; a service's adds only the new one. */
  again = cm_scenario_add_contracts (p.store, p.scenario, age_uk, 20, NULL);
  g_assert_cmpuint (again->len, ==, 0);
  mental_health = cm_scenario_choose_contracts (p.store, 0, p.mental_health);
  cm_scenario_preview (p.store, p.scenario, mental_health, &choice);
  g_assert_cmpuint (choice.n_new, ==, 1);
  g_assert_cmpuint (choice.n_already, ==, 1);
  g_assert_cmpint (choice.annual_value, ==, POUNDS (300000));
  more = cm_scenario_add_contracts (p.store, p.scenario, mental_health, 5, NULL);
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpint (lines_where (&p, "TRUE"), ==, 3);
  g_assert_cmpint (lines_where (&p, "percent = 5"), ==, 1);

  /* Undo takes the lines away again, audited. */
  g_assert_true (cm_scenario_remove_lines (p.store, added, NULL));
  g_assert_cmpint (lines_where (&p, "TRUE"), ==, 1);
  g_assert_cmpint (cm_test_query_int (p.path, "SELECT count(*) FROM audit"
                                              " WHERE entity = 'scenario_line'"
                                              " AND field = 'percent' AND new_value IS NULL"),
                   ==, 2);
  after = cm_test_query_dump (p.path, "SELECT * FROM contract");
  g_assert_cmpstr (before, ==, after);
  portfolio_close (&p);
}

static void
test_add_refuses (void)
{
  Portfolio p = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing = NULL;
  g_autoptr(GError) no_scenario = NULL;
  gint64 unknown = 9999;

  portfolio_open (&p);
  ids = cm_scenario_choose_contracts (p.store, 0, p.mental_health);
  g_assert_null (cm_scenario_add_contracts (p.store, p.scenario, ids, 120, &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from 0 to 100"));
  g_assert_null (cm_scenario_add_contracts (p.store, p.scenario, ids, NAN, NULL));

  /* One contract gone: none of the list is added. */
  g_array_append_val (ids, unknown);
  g_assert_null (cm_scenario_add_contracts (p.store, p.scenario, ids, 10, &missing));
  g_assert_error (missing, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_assert_null (cm_scenario_add_contracts (p.store, unknown, ids, 10, &no_scenario));
  g_assert_error (no_scenario, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (lines_where (&p, "TRUE"), ==, 0);
  portfolio_close (&p);
}

static void
test_set_all_percent (void)
{
  Portfolio p = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) unchanged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) empty = NULL;
  g_autoptr(CmReduction) blanket = NULL;
  g_autoptr(CmScenario) second = cm_scenario_new ("Untouched");
  g_autoptr(GArray) touchstone = NULL;
  gint64 second_id;

  portfolio_open (&p);
  second_id = cm_test_save (p.store, second);
  g_assert_null (cm_scenario_set_all_percent (p.store, p.scenario, 15, &empty));
  g_assert_error (empty, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);

  ids = cm_scenario_choose_contracts (p.store, p.age_uk, 0);
  added = cm_scenario_add_contracts (p.store, p.scenario, ids, 10, NULL);
  touchstone = cm_scenario_choose_contracts (p.store, p.touchstone, 0);
  g_ptr_array_unref (cm_scenario_add_contracts (p.store, p.scenario, touchstone, 15, NULL));
  other = cm_scenario_add_contracts (p.store, second_id, ids, 3, NULL);

  g_assert_null (cm_scenario_set_all_percent (p.store, p.scenario, -1, &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);

  /* The line already at 15% is left alone: only two changes are audited. */
  before = cm_scenario_set_all_percent (p.store, p.scenario, 15, NULL);
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_cmpint (lines_where (&p, "percent = 15"), ==, 3);
  g_assert_cmpint (lines_where (&p, "percent = 3"), ==, 2);
  g_assert_cmpint (cm_test_query_int (p.path, "SELECT count(*) FROM audit"
                                              " WHERE entity = 'scenario_line' AND field = 'percent'"
                                              " AND old_value = '10' AND new_value = '15'"), ==, 2);
  blanket = cm_reduction_of_scenario (p.store, p.scenario);
  g_assert_true (blanket->blanket);
  g_assert_cmpfloat (blanket->blanket_percent, ==, 15);

  unchanged = cm_scenario_set_all_percent (p.store, p.scenario, 15, NULL);
  g_assert_cmpuint (unchanged->len, ==, 0);

  /* Undo puts back what each line was. */
  g_assert_true (cm_scenario_restore_lines (p.store, before, NULL));
  g_assert_cmpint (lines_where (&p, "percent = 10"), ==, 2);
  g_assert_cmpint (lines_where (&p, "percent = 15"), ==, 1);
  portfolio_close (&p);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reduction/table", test_table);
  g_test_add_func ("/reduction/leaves-contracts-alone", test_scenario_leaves_contracts_alone);
  g_test_add_func ("/reduction/choose-contracts", test_choose_contracts);
  g_test_add_func ("/reduction/add-contracts", test_add_contracts);
  g_test_add_func ("/reduction/add-refuses", test_add_refuses);
  g_test_add_func ("/reduction/set-all-percent", test_set_all_percent);
  return g_test_run ();
}
