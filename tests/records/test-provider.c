/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-provider.c: a provider's dependency on our contracts (due diligence),
 * and a sector kept as written when it matched none of ours */
#include <string.h>

#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-provider.h"
#include "cm-provider-performance.h"
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
  rows = cm_transparency_rows (store, today, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->supplier_details, ==, "Other: Community benefit society (BenCom)");
  g_assert_cmpstr (row->invitation, ==, "Neither");
  g_assert_false (cm_procurement_route_is_compliant (CM_PROCUREMENT_ROUTE_OTHER));
}

static gint64
save_measure (CmStore *store, gint64 service, const char *name, const double *values,
              guint n_values)
{
  g_autoptr(CmMeasure) measure = cm_measure_new (service, name, CM_MEASURE_BETTER_OFF, "%", 80);
  gint64 id = cm_test_save (store, measure);

  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *period = g_strdup_printf ("2026-Q%u", i + 1);
      g_autoptr(CmMeasureValue) value = cm_measure_value_new (id, period, values[i]);

      cm_test_save (store, value);
    }
  return id;
}

/* Seed 004 para 35: the measures of the services a provider's contracts
 * pay for, and their trends in words. */
static void
test_performance (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("performance.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) carers = cm_service_new ("Carers support");
  g_autoptr(CmService) advocacy = cm_service_new ("Advocacy");
  g_autoptr(CmService) other = cm_service_new ("Day services");
  g_autoptr(CmProvider) provider = cm_provider_new ("Carers Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmProvider) idle = cm_provider_new ("Nobody Yet", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) first = cm_contract_new ("C-1", "Carers support");
  g_autoptr(CmContract) second = cm_contract_new ("C-2", "Advocacy");
  g_autoptr(CmContract) third = cm_contract_new ("C-3", "Carers support, east");
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *nothing = NULL;
  static const double rising[] = { 60, 70 }, falling[] = { 75, 70 }, one[] = { 50 };
  gint64 org_id = cm_test_save (store, org);
  gint64 provider_id, idle_id;

  g_object_set (carers, "lead-commissioner-id", org_id, NULL);
  g_object_set (advocacy, "lead-commissioner-id", org_id, NULL);
  g_object_set (other, "lead-commissioner-id", org_id, NULL);
  provider_id = cm_test_save (store, provider);
  idle_id = cm_test_save (store, idle);
  g_object_set (first, "provider-id", provider_id, "service-id", cm_test_save (store, carers),
                NULL);
  g_object_set (second, "provider-id", provider_id, "service-id", cm_test_save (store, advocacy),
                NULL);
  /* Two contracts for one service: its measures are listed once. */
  g_object_set (third, "provider-id", provider_id,
                "service-id", cm_entity_get_id (CM_ENTITY (carers)), NULL);
  cm_test_save (store, first);
  cm_test_save (store, second);
  cm_test_save (store, third);
  save_measure (store, cm_entity_get_id (CM_ENTITY (carers)), "Carers feeling supported",
                rising, 2);
  save_measure (store, cm_entity_get_id (CM_ENTITY (advocacy)), "Cases resolved", falling, 2);
  save_measure (store, cm_entity_get_id (CM_ENTITY (advocacy)), "Referrals seen in a week",
                one, 1);
  save_measure (store, cm_test_save (store, other), "Attendance", rising, 2);

  measures = cm_provider_measures (store, provider_id);
  g_assert_cmpuint (measures->len, ==, 3);
  /* By service, then by name. */
  g_assert_cmpstr (cm_measure_get_name (g_ptr_array_index (measures, 0)), ==, "Cases resolved");
  g_assert_cmpstr (cm_measure_get_name (g_ptr_array_index (measures, 2)), ==,
                   "Carers feeling supported");
  g_assert_cmpint (cm_measure_get_trend (g_ptr_array_index (measures, 2)), ==, CM_TREND_BETTER);
  summary = cm_provider_describe_trends (measures);
  g_assert_cmpstr (summary, ==, "3 measures: 1 better, 1 worse, 1 without a trend yet");

  none = cm_provider_measures (store, idle_id);
  g_assert_cmpuint (none->len, ==, 0);
  nothing = cm_provider_describe_trends (none);
  g_assert_nonnull (strstr (nothing, "No performance measures"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/provider/dependency", test_dependency);
  g_test_add_func ("/provider/other-as-written", test_other_as_written);
  g_test_add_func ("/provider/performance", test_performance);
  return g_test_run ();
}
