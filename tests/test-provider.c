/* test-provider.c: a provider's dependency on our contracts (due diligence) */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

static void
test_dependency (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("provider.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Carers support");
  g_autoptr(CmProvider) provider = cm_provider_new ("Carers Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmProvider) listed = NULL;
  GListModel *providers = cm_store_list (store, CM_TYPE_PROVIDER);

  g_object_set (service, "lead-commissioner-id", cm_test_save (store, org), NULL);
  cm_test_save (store, service);
  cm_test_save (store, provider);
  listed = g_list_model_get_item (providers, 0);
  g_assert_cmpfloat (cm_provider_get_dependency (listed), ==, -1);

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-%d", i);
      g_autoptr(CmContract) contract = cm_contract_new (reference, "Carers support");

      g_object_set (contract, "service-id", cm_entity_get_id (CM_ENTITY (service)),
                    "provider-id", cm_entity_get_id (CM_ENTITY (provider)),
                    "annual-value", (gint64) 30000000, NULL); /* £300,000 */
      cm_test_save (store, contract);
    }
  g_object_set (provider, "annual-income", (gint64) 240000000, NULL); /* £2.4m */
  cm_test_save (store, provider);

  /* The listed provider follows: £600,000 of £2.4m is 25%. */
  g_assert_cmpint (cm_provider_get_annual_value (listed), ==, 60000000);
  g_assert_cmpfloat_with_epsilon (cm_provider_get_dependency (listed), 25.0, 1e-9);
  g_assert_cmpint (cm_test_query_int (path, "SELECT annual_income FROM provider"), ==, 240000000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/provider/dependency", test_dependency);
  return g_test_run ();
}
