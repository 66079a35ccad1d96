/* test-provider.c: a provider's dependency on our contracts (due diligence),
 * and a sector kept as written when it matched none of ours */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"
#include "cm-thresholds.h"
#include "cm-transparency.h"

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

static char *
audit_value (const char *path, const char *column, const char *field)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT coalesce(%s, '(null)') FROM audit WHERE field = '%s' "
                     "ORDER BY id DESC LIMIT 1", column, field);

  return cm_test_query_text (path, sql);
}

/* An imported sector, type and route that matched nothing are filed as
 * Other, and the text survives a real file, its audit trail and reopening. */
static void
test_other_as_written (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("other.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Community short breaks");
  g_autoptr(CmProvider) provider = cm_provider_new ("Leeds Short Breaks Society", CM_SECTOR_OTHER);
  g_autoptr(CmContract) contract = cm_contract_new ("ASC-0042", "Short breaks");
  g_autoptr(CmProvider) loaded = NULL;
  g_autoptr(CmContract) loaded_contract = NULL;
  g_autofree char *sector_audit = NULL, *written_audit = NULL, *old_audit = NULL;
  g_autofree char *stored = NULL, *type_stored = NULL, *provider_written = NULL;
  g_autofree char *type_written = NULL, *route_written = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDate) today = NULL;
  const CmTransparencyRow *row;
  int type = 0, route = 0;

  g_object_set (service, "lead-commissioner-id", cm_test_save (store, org), NULL);
  cm_test_save (store, service);
  g_object_set (provider, "sector-as-written", "Community benefit society", NULL);
  cm_test_save (store, provider);
  g_object_set (contract, "service-id", cm_entity_get_id (CM_ENTITY (service)),
                "provider-id", cm_entity_get_id (CM_ENTITY (provider)),
                "contract-type", CM_CONTRACT_TYPE_OTHER, "type-as-written", "Memorandum",
                "route", CM_PROCUREMENT_ROUTE_OTHER, "route-as-written", "Dynamic purchasing",
                "annual-value", (gint64) 1000000, NULL); /* £10,000 */
  cm_test_save (store, contract);

  stored = cm_test_query_text (path, "SELECT sector || '|' || sector_as_written FROM provider");
  g_assert_cmpstr (stored, ==, "other|Community benefit society");
  type_stored = cm_test_query_text (path, "SELECT contract_type || '|' || type_as_written || '|' ||"
                                          " route || '|' || route_as_written FROM contract");
  g_assert_cmpstr (type_stored, ==, "other|Memorandum|other|Dynamic purchasing");
  sector_audit = audit_value (path, "new_value", "sector");
  written_audit = audit_value (path, "new_value", "sector_as_written");
  g_assert_cmpstr (sector_audit, ==, "other");
  g_assert_cmpstr (written_audit, ==, "Community benefit society");
  g_clear_pointer (&written_audit, g_free);

  /* A correction is audited from the old text to the new. */
  g_object_set (provider, "sector-as-written", "Community benefit society (BenCom)", NULL);
  cm_test_save (store, provider);
  old_audit = audit_value (path, "old_value", "sector_as_written");
  written_audit = audit_value (path, "new_value", "sector_as_written");
  g_assert_cmpstr (old_audit, ==, "Community benefit society");
  g_assert_cmpstr (written_audit, ==, "Community benefit society (BenCom)");
  g_clear_object (&store);

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  loaded = g_list_model_get_item (cm_store_list (store, CM_TYPE_PROVIDER), 0);
  g_assert_cmpint (cm_provider_get_sector (loaded), ==, CM_SECTOR_OTHER);
  g_assert_cmpstr (cm_provider_get_sector_as_written (loaded), ==,
                   "Community benefit society (BenCom)");
  loaded_contract = g_list_model_get_item (cm_store_list (store, CM_TYPE_CONTRACT), 0);
  g_object_get (loaded_contract, "contract-type", &type, "type-as-written", &type_written,
                "route", &route, "route-as-written", &route_written,
                "provider-sector-as-written", &provider_written, NULL);
  g_assert_cmpint (type, ==, CM_CONTRACT_TYPE_OTHER);
  g_assert_cmpstr (type_written, ==, "Memorandum");
  g_assert_cmpint (route, ==, CM_PROCUREMENT_ROUTE_OTHER);
  g_assert_cmpstr (route_written, ==, "Dynamic purchasing");
  g_assert_cmpint (cm_contract_get_provider_sector (loaded_contract), ==, CM_SECTOR_OTHER);
  g_assert_cmpstr (provider_written, ==, "Community benefit society (BenCom)");

  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The register shows what was written, and claims no advertising for a
   * route it cannot read. */
  today = cm_test_today ();
  rows = cm_transparency_rows (store, today);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->supplier_details, ==, "Other: Community benefit society (BenCom)");
  g_assert_cmpstr (row->invitation, ==, "Neither");
  g_assert_false (cm_procurement_route_is_compliant (CM_PROCUREMENT_ROUTE_OTHER));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/provider/dependency", test_dependency);
  g_test_add_func ("/provider/other-as-written", test_other_as_written);
  return g_test_run ();
}
