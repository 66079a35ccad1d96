/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-model.c: records created, edited and deleted through the store
 *
 * Every check reads back what the store wrote: from the file itself,
 * through a connection of its own, or from the store's lists after the
 * file has been closed and opened again.
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-funding-source.h"
#include "cm-money.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-service-partner.h"
#include "cm-test-util.h"

/* The id the store gave a record. */
#define ID(entity) cm_entity_get_id (CM_ENTITY (entity))

/* ---- helpers ---------------------------------------------------------- */

static gint64 query_int (const char *path, const char *format, ...) G_GNUC_PRINTF (2, 3);
static char *query_text (const char *path, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cm_test_query_int (path, sql);
}

static char *
query_text (const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cm_test_query_text (path, sql);
}

static gint64
count_rows (const char *path, const char *table)
{
  return query_int (path, "SELECT count(*) FROM %s", table);
}

/* Closes the store and opens the file again, so that everything read
 * afterwards comes from the file and not from objects in memory. */
static void
reopen (CmStore **store, const char *path)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (store);
  *store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*store);
}

/* A property's text, "" for NULL. */
static char *
string_property (gpointer object, const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value ? value : g_strdup ("");
}

static gint64
int64_property (gpointer object, const char *property)
{
  gint64 value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

static int
int_property (gpointer object, const char *property)
{
  int value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

static gboolean
boolean_property (gpointer object, const char *property)
{
  gboolean value = FALSE;

  g_object_get (object, property, &value, NULL);
  return value;
}

static CmOrganisation *
new_organisation (CmStore *store, const char *name, CmOrganisationKind kind)
{
  CmOrganisation *org = cm_organisation_new (name, kind);

  cm_test_save (store, org);
  return org;
}

static CmService *
new_service (CmStore *store, const char *name, CmOrganisation *lead)
{
  CmService *service = g_object_new (CM_TYPE_SERVICE, "name", name,
                                     "lead-commissioner-id", ID (lead),
                                     NULL);

  cm_test_save (store, service);
  return service;
}

static CmProvider *
new_provider (CmStore *store, const char *name, CmSector sector)
{
  CmProvider *provider = cm_provider_new (name, sector);

  cm_test_save (store, provider);
  return provider;
}

static CmContract *
build_contract (const char *reference, CmService *service, CmProvider *provider, gint64 annual)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", reference,
                       "service-id", service ? ID (service) : 0,
                       "provider-id", provider ? ID (provider) : 0,
                       "annual-value", annual, "total-value", annual * 3,
                       "start-date", "2019-04-01", "end-date", "2022-03-31", NULL);
}

static CmContract *
new_contract (CmStore *store, const char *reference, CmService *service, CmProvider *provider,
              gint64 annual)
{
  CmContract *contract = build_contract (reference, service, provider, annual);

  cm_test_save (store, contract);
  return contract;
}

/* The store's own listed object for @contract. */
static CmContract *
listed_contract (CmStore *store, CmContract *contract)
{
  CmEntity *listed = cm_store_find (store, CM_TYPE_CONTRACT, ID (contract));

  g_assert_nonnull (listed);
  return CM_CONTRACT (listed);
}

/* Records every items-changed of a list. */
typedef struct {
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel *list, guint position, guint removed, guint added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* ---- organisations ---------------------------------------------------- */

static void
test_organisation_crud (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("organisation.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Leeds City Council: Public Health",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmEntity) copy = NULL;
  g_autoptr(CmOrganisation) loaded = NULL;
  g_autofree char *row = NULL;
  GListModel *list = cm_store_list (store, CM_TYPE_ORGANISATION);
  CmEntity *listed;
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* Create */
  cm_test_save (store, org);
  id = ID (org);
  row = query_text (path, "SELECT name || '|' || kind FROM organisation"
                    " WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "Leeds City Council: Public Health|council-directorate");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = cm_store_find (store, CM_TYPE_ORGANISATION, id);
  g_assert_nonnull (listed);
  g_assert_true (listed != CM_ENTITY (org)); /* the list holds its own copy */

  /* Edit a copy, as the editor does; the listed object follows the file. */
  copy = cm_entity_copy (listed);
  g_object_set (copy, "name", "NHS Leeds Integrated Care Board", "kind",
                CM_ORGANISATION_KIND_NHS_BODY, NULL);
  cm_test_save (store, copy);
  g_assert_cmpint (cm_entity_get_id (copy), ==, id);
  g_clear_pointer (&row, g_free);
  row = query_text (path, "SELECT name || '|' || kind FROM organisation"
                    " WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "NHS Leeds Integrated Care Board|nhs-body");
  g_assert_cmpint (count_rows (path, "organisation"), ==, 1);
  g_assert_cmpstr (cm_organisation_get_name (CM_ORGANISATION (listed)), ==,
                   "NHS Leeds Integrated Care Board");
  g_assert_cmpint (cm_organisation_get_kind (CM_ORGANISATION (listed)), ==,
                   CM_ORGANISATION_KIND_NHS_BODY);

  /* Reopen */
  reopen (&store, path);
  list = cm_store_list (store, CM_TYPE_ORGANISATION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  loaded = g_list_model_get_item (list, 0);
  g_assert_cmpint (ID (loaded), ==, id);
  g_assert_cmpstr (cm_organisation_get_name (loaded), ==, "NHS Leeds Integrated Care Board");
  g_assert_cmpint (cm_organisation_get_kind (loaded), ==, CM_ORGANISATION_KIND_NHS_BODY);

  /* Delete */
  cm_test_delete (store, loaded);
  g_assert_cmpint (count_rows (path, "organisation"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (cm_store_find (store, CM_TYPE_ORGANISATION, id));

  /* Restore (undo) puts it back under the same id. */
  cm_test_restore (store, loaded);
  g_assert_cmpint (ID (loaded), ==, id);
  g_clear_pointer (&row, g_free);
  row = query_text (path, "SELECT name || '|' || kind FROM organisation"
                    " WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "NHS Leeds Integrated Care Board|nhs-body");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_nonnull (cm_store_find (store, CM_TYPE_ORGANISATION, id));
}

/* ---- services, with partners and funding ------------------------------ */

static void
test_service_crud (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("service.commissioner", &path);
  g_autoptr(CmOrganisation) lead = new_organisation (store, "Leeds City Council: Adult Social Care",
                                                     CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmOrganisation) ccg = new_organisation (store, "NHS Leeds CCG",
                                                    CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) ph = new_organisation (store, "Leeds City Council: Public Health",
                                                   CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = NULL;
  g_autoptr(CmServicePartner) partner_ccg = NULL;
  g_autoptr(CmServicePartner) partner_ph = NULL;
  g_autoptr(CmFundingSource) council_money = NULL;
  g_autoptr(CmFundingSource) ccg_money = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmService) loaded = NULL;
  g_autofree char *row = NULL;
  g_autofree char *names = NULL;
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  GListModel *funding = cm_store_list (store, CM_TYPE_FUNDING_SOURCE);
  CmEntity *listed;
  gint64 id, lead_id = ID (lead);

  service = g_object_new (CM_TYPE_SERVICE, "name", "Carers information, advice and support",
                          "area", CM_SERVICE_AREA_COMMUNITY_SUPPORT,
                          "client-group", CM_CLIENT_GROUP_CARERS, "lead-commissioner-id", lead_id,
                          "stage", CM_STAGE_DO, "cycle", 2, NULL);
  cm_test_save (store, service);
  id = ID (service);
  row = query_text (path, "SELECT name || '|' || area || '|' || client_group || '|' ||"
                    " lead_commissioner_id || '|' || typeof (lead_commissioner_id) || '|' ||"
                    " stage || '|' || cycle FROM service WHERE id = %" G_GINT64_FORMAT, id);
  {
    g_autofree char *expected = g_strdup_printf ("Carers information, advice and support|"
                                                 "community-support|carers|%" G_GINT64_FORMAT
                                                 "|integer|do|2", lead_id);
    g_assert_cmpstr (row, ==, expected);
  }
  listed = cm_store_find (store, CM_TYPE_SERVICE, id);
  g_assert_nonnull (listed);
  {
    g_autofree char *lead_name = string_property (listed, "lead-commissioner-name");
    g_autofree char *partners = string_property (listed, "partner-names");

    g_assert_cmpstr (lead_name, ==, "Leeds City Council: Adult Social Care");
    g_assert_cmpstr (partners, ==, "");
  }

  /* Partner commissioners */
  partner_ccg = cm_service_partner_new (id, ID (ccg));
  cm_test_save (store, partner_ccg);
  names = string_property (listed, "partner-names");
  g_assert_cmpstr (names, ==, "NHS Leeds CCG");
  g_clear_pointer (&names, g_free);

  partner_ph = cm_service_partner_new (id, ID (ph));
  cm_test_save (store, partner_ph);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM service_partner WHERE service_id = %"
                              G_GINT64_FORMAT, id), ==, 2);
  names = string_property (listed, "partner-names");
  {
    g_auto(GStrv) parts = g_strsplit (names, ", ", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_true (g_strv_contains ((const char * const *) parts, "NHS Leeds CCG"));
    g_assert_true (g_strv_contains ((const char * const *) parts,
                                    "Leeds City Council: Public Health"));
  }
  g_clear_pointer (&names, g_free);
  {
    CmEntity *p = cm_store_find (store, CM_TYPE_SERVICE_PARTNER, ID (partner_ph));
    g_autofree char *org_name = NULL;

    g_assert_nonnull (p);
    org_name = string_property (p, "organisation-name");
    g_assert_cmpstr (org_name, ==, "Leeds City Council: Public Health");
  }

  /* Funding sources */
  council_money = cm_funding_source_new (id, lead_id, "Carers budget", 135777400);
  ccg_money = cm_funding_source_new (id, ID (ccg), "CCG contribution", 25000000);
  cm_test_save (store, council_money);
  cm_test_save (store, ccg_money);
  g_assert_cmpuint (g_list_model_get_n_items (funding), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT sum(amount) FROM funding_source WHERE service_id = %"
                              G_GINT64_FORMAT, id), ==, 160777400);
  {
    CmEntity *f = cm_store_find (store, CM_TYPE_FUNDING_SOURCE, ID (ccg_money));
    g_autofree char *org_name = string_property (f, "organisation-name");
    g_autofree char *description = string_property (f, "description");

    g_assert_cmpstr (org_name, ==, "NHS Leeds CCG");
    g_assert_cmpstr (description, ==, "CCG contribution");
    g_assert_cmpint (int64_property (f, "amount"), ==, 25000000);
  }
  g_object_set (ccg_money, "amount", (gint64) 30000050, NULL);
  cm_test_save (store, ccg_money);
  g_assert_cmpint (query_int (path, "SELECT amount FROM funding_source"
                              " WHERE id = %" G_GINT64_FORMAT,
                              ID (ccg_money)), ==, 30000050);

  /* Edit the service itself */
  g_object_set (service, "stage", CM_STAGE_REVIEW, "cycle", 3, "area", CM_SERVICE_AREA_PREVENTION,
                "client-group", CM_CLIENT_GROUP_ALL_AGES, NULL);
  cm_test_save (store, service);
  g_clear_pointer (&row, g_free);
  row = query_text (path, "SELECT area || '|' || client_group || '|' || stage || '|' || cycle"
                    " FROM service WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "prevention|all-ages|review|3");
  g_assert_cmpint (cm_service_get_stage (CM_SERVICE (listed)), ==, CM_STAGE_REVIEW);

  /* A service that partners and funding still refer to cannot go. */
  g_assert_false (cm_store_delete (store, CM_ENTITY (service), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (path, "service"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);

  /* Removing a partner updates the names shown with the service. */
  cm_test_delete (store, partner_ccg);
  names = string_property (listed, "partner-names");
  g_assert_cmpstr (names, ==, "Leeds City Council: Public Health");
  g_clear_pointer (&names, g_free);

  /* Reopen and read every stored property back. */
  reopen (&store, path);
  services = cm_store_list (store, CM_TYPE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  loaded = g_list_model_get_item (services, 0);
  g_assert_cmpint (ID (loaded), ==, id);
  g_assert_cmpstr (cm_service_get_name (loaded), ==, "Carers information, advice and support");
  g_assert_cmpint (cm_service_get_area (loaded), ==, CM_SERVICE_AREA_PREVENTION);
  g_assert_cmpint (cm_service_get_client_group (loaded), ==, CM_CLIENT_GROUP_ALL_AGES);
  g_assert_cmpint (cm_service_get_stage (loaded), ==, CM_STAGE_REVIEW);
  g_assert_cmpint (cm_service_get_cycle (loaded), ==, 3);
  g_assert_cmpint (cm_service_get_lead_commissioner_id (loaded), ==, lead_id);
  names = string_property (loaded, "partner-names");
  g_assert_cmpstr (names, ==, "Leeds City Council: Public Health");
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (cm_store_list (store, CM_TYPE_SERVICE_PARTNER)),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cm_store_list (store, CM_TYPE_FUNDING_SOURCE)),
                    ==, 2);

  /* Take the partner and funding away, then the service can be deleted and restored. */
  cm_test_delete (store, partner_ph);
  cm_test_delete (store, council_money);
  cm_test_delete (store, ccg_money);
  cm_test_delete (store, loaded);
  g_assert_cmpint (count_rows (path, "service"), ==, 0);
  g_assert_cmpint (count_rows (path, "service_partner"), ==, 0);
  g_assert_cmpint (count_rows (path, "funding_source"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 0);

  cm_test_restore (store, loaded);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM service WHERE id = %" G_GINT64_FORMAT
                              " AND stage = 'review' AND cycle = 3", id), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
}

/* ---- providers -------------------------------------------------------- */

static void
test_provider_crud (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("provider.commissioner", &path);
  g_autoptr(CmProvider) provider = g_object_new (CM_TYPE_PROVIDER, "name", "Carers Leeds",
                                                 "sector", CM_SECTOR_THIRD_SECTOR,
                                                 "charity-number", "1099999",
                                                 "company-number", "04567890",
                                                 "is-sme", TRUE, "is-vcse", TRUE, NULL);
  g_autoptr(CmProvider) loaded = NULL;
  g_autofree char *row = NULL;
  GListModel *list = cm_store_list (store, CM_TYPE_PROVIDER);
  gint64 id;

  cm_test_save (store, provider);
  id = ID (provider);
  row = query_text (path, "SELECT name || '|' || sector || '|' || charity_number || '|' ||"
                    " company_number || '|' || is_sme || '|' || is_vcse || '|' || typeof (is_sme)"
                    " FROM provider WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "Carers Leeds|third-sector|1099999|04567890|1|1|integer");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_object_set (provider, "name", "Carers Leeds Ltd", "sector", CM_SECTOR_INDEPENDENT,
                "charity-number", "", "is-vcse", FALSE, NULL);
  cm_test_save (store, provider);
  g_clear_pointer (&row, g_free);
  row = query_text (path, "SELECT name || '|' || sector || '|' || charity_number || '|' ||"
                    " company_number || '|' || is_sme || '|' || is_vcse"
                    " FROM provider WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "Carers Leeds Ltd|independent||04567890|1|0");
  g_assert_cmpint (count_rows (path, "provider"), ==, 1);

  reopen (&store, path);
  list = cm_store_list (store, CM_TYPE_PROVIDER);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  loaded = g_list_model_get_item (list, 0);
  g_assert_cmpint (ID (loaded), ==, id);
  g_assert_cmpstr (cm_provider_get_name (loaded), ==, "Carers Leeds Ltd");
  g_assert_cmpint (cm_provider_get_sector (loaded), ==, CM_SECTOR_INDEPENDENT);
  g_assert_true (cm_provider_get_is_sme (loaded));
  g_assert_false (cm_provider_get_is_vcse (loaded));
  {
    g_autofree char *charity = string_property (loaded, "charity-number");
    g_autofree char *company = string_property (loaded, "company-number");

    g_assert_cmpstr (charity, ==, "");
    g_assert_cmpstr (company, ==, "04567890");
  }

  /* The other boolean, the other way, survives a reopen too. */
  g_object_set (loaded, "is-sme", FALSE, "is-vcse", TRUE, "sector", CM_SECTOR_IN_HOUSE, NULL);
  cm_test_save (store, loaded);
  g_clear_object (&loaded);
  reopen (&store, path);
  list = cm_store_list (store, CM_TYPE_PROVIDER);
  loaded = g_list_model_get_item (list, 0);
  g_assert_false (boolean_property (loaded, "is-sme"));
  g_assert_true (boolean_property (loaded, "is-vcse"));
  g_assert_cmpint (int_property (loaded, "sector"), ==, CM_SECTOR_IN_HOUSE);

  cm_test_delete (store, loaded);
  g_assert_cmpint (count_rows (path, "provider"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  cm_test_restore (store, loaded);
  g_clear_pointer (&row, g_free);
  row = query_text (path, "SELECT name || '|' || sector || '|' || is_sme || '|' || is_vcse"
                    " FROM provider WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "Carers Leeds Ltd|in-house|0|1");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

/* ---- contracts -------------------------------------------------------- */

/* More pence than a double holds exactly: only a true 64-bit path keeps it. */
#define HUGE_PENCE G_GINT64_CONSTANT (9007199254740993)

static void
test_contract_crud (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("contract.commissioner", &path);
  g_autoptr(CmOrganisation) asc = new_organisation (store, "Leeds City Council: Adult Social Care",
                                                    CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = new_service (store, "Neighbourhood Networks", asc);
  g_autoptr(CmProvider) provider = new_provider (store, "Neighbourhood Network schemes",
                                                 CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) contract = NULL;
  g_autoptr(CmContract) loaded = NULL;
  g_autofree char *row = NULL;
  GListModel *list = cm_store_list (store, CM_TYPE_CONTRACT);
  CmEntity *listed;
  gint64 id;

  contract = g_object_new (CM_TYPE_CONTRACT, "reference", "ASC-0042",
                           "title", "Neighbourhood Networks (37 areas)",
                           "service-id", ID (service),
                           "provider-id", ID (provider),
                           "contract-type", CM_CONTRACT_TYPE_GRANT,
                           "route", CM_PROCUREMENT_ROUTE_GRANT_SCHEME,
                           "annual-value", G_GINT64_CONSTANT (300000000),
                           "total-value", HUGE_PENCE,
                           "start-date", "2018-10-01", "end-date", "2028-09-30",
                           "term", "5+5", "notice-period", "6 months", NULL);
  cm_test_save (store, contract);
  id = ID (contract);

  row = query_text (path, "SELECT reference || '|' || title || '|' || contract_type || '|' || route"
                    " || '|' || annual_value || '|' || typeof (annual_value) || '|' || start_date"
                    " || '|' || end_date || '|' || term || '|' || notice_period"
                    " FROM contract WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "ASC-0042|Neighbourhood Networks (37 areas)|grant|grant-scheme|"
                   "300000000|integer|2018-10-01|2028-09-30|5+5|6 months");
  g_assert_cmpint (query_int (path, "SELECT total_value FROM contract"
                              " WHERE id = %" G_GINT64_FORMAT, id),
                   ==, HUGE_PENCE);
  g_assert_cmpint (query_int (path, "SELECT service_id = %" G_GINT64_FORMAT " AND provider_id = %"
                              G_GINT64_FORMAT " FROM contract WHERE id = %" G_GINT64_FORMAT,
                              ID (service),
                              ID (provider), id), ==, 1);

  /* The listed contract carries the names of its service and provider. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = cm_store_find (store, CM_TYPE_CONTRACT, id);
  g_assert_cmpstr (cm_contract_get_provider_name (CM_CONTRACT (listed)), ==,
                   "Neighbourhood Network schemes");
  g_assert_cmpstr (cm_contract_get_service_name (CM_CONTRACT (listed)), ==,
                   "Neighbourhood Networks");
  g_assert_cmpint (int_property (listed, "provider-sector"), ==, CM_SECTOR_THIRD_SECTOR);

  /* Edit: the extension was not taken. */
  g_object_set (contract, "end-date", "2023-09-30", "term", "5", "annual-value",
                G_GINT64_CONSTANT (287654321), "contract-type", CM_CONTRACT_TYPE_BLOCK,
                "route", CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME, NULL);
  cm_test_save (store, contract);
  g_clear_pointer (&row, g_free);
  row = query_text (path, "SELECT contract_type || '|' || route || '|' || annual_value || '|' ||"
                    " start_date || '|' || end_date || '|' || term FROM contract WHERE id = %"
                    G_GINT64_FORMAT, id);
  g_assert_cmpstr (row, ==, "block|provider-selection-regime|287654321|2018-10-01|2023-09-30|5");
  g_assert_cmpstr (cm_contract_get_end_date (CM_CONTRACT (listed)), ==, "2023-09-30");

  /* Reopen and read every stored property back. */
  reopen (&store, path);
  list = cm_store_list (store, CM_TYPE_CONTRACT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  loaded = g_list_model_get_item (list, 0);
  g_assert_cmpint (ID (loaded), ==, id);
  g_assert_cmpstr (cm_contract_get_reference (loaded), ==, "ASC-0042");
  g_assert_cmpstr (cm_contract_get_title (loaded), ==, "Neighbourhood Networks (37 areas)");
  g_assert_cmpint (cm_contract_get_service_id (loaded), ==, ID (service));
  g_assert_cmpint (cm_contract_get_provider_id (loaded), ==, ID (provider));
  g_assert_cmpint (int_property (loaded, "contract-type"), ==, CM_CONTRACT_TYPE_BLOCK);
  g_assert_cmpint (int_property (loaded, "route"), ==,
                   CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME);
  g_assert_cmpint (cm_contract_get_annual_value (loaded), ==, 287654321);
  g_assert_cmpint (cm_contract_get_total_value (loaded), ==, HUGE_PENCE);
  g_assert_cmpstr (cm_contract_get_start_date (loaded), ==, "2018-10-01");
  g_assert_cmpstr (cm_contract_get_end_date (loaded), ==, "2023-09-30");
  {
    g_autofree char *term = string_property (loaded, "term");
    g_autofree char *notice = string_property (loaded, "notice-period");

    g_assert_cmpstr (term, ==, "5");
    g_assert_cmpstr (notice, ==, "6 months");
  }
  g_assert_cmpstr (cm_contract_get_provider_name (loaded), ==, "Neighbourhood Network schemes");

  cm_test_delete (store, loaded);
  g_assert_cmpint (count_rows (path, "contract"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  cm_test_restore (store, loaded);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM contract WHERE id = %" G_GINT64_FORMAT
                              " AND reference = 'ASC-0042' AND total_value = %" G_GINT64_FORMAT,
                              id, HUGE_PENCE), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = cm_store_find (store, CM_TYPE_CONTRACT, id);
  g_assert_cmpstr (cm_contract_get_provider_name (CM_CONTRACT (listed)), ==,
                   "Neighbourhood Network schemes");
}

/* ---- lists ------------------------------------------------------------ */

static void
test_list_follows_changes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("list.commissioner", &path);
  GListModel *list = cm_store_list (store, CM_TYPE_ORGANISATION);
  ItemsChanged changed = { 0 };
  g_autoptr(CmOrganisation) west = cm_organisation_new ("NHS Leeds West CCG",
                                                        CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) north = cm_organisation_new ("NHS Leeds North CCG",
                                                         CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) bad = cm_organisation_new ("", CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) item = NULL;
  g_autoptr(GError) error = NULL;
  CmEntity *listed;
  guint name_notifications = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_true (cm_store_list (store, CM_TYPE_ORGANISATION) == list);

  cm_test_save (store, west);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);

  cm_test_save (store, north);
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  item = g_list_model_get_item (list, 1);
  g_assert_cmpint (ID (item), ==, ID (north));
  g_clear_object (&item);

  /* An edit changes the listed object in place, with a notification. */
  listed = cm_store_find (store, CM_TYPE_ORGANISATION, ID (west));
  g_signal_connect (listed, "notify::name", G_CALLBACK (count_notify), &name_notifications);
  g_object_set (west, "name", "NHS Leeds West Clinical Commissioning Group", NULL);
  cm_test_save (store, west);
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (name_notifications, ==, 1);
  g_assert_cmpstr (cm_organisation_get_name (CM_ORGANISATION (listed)), ==,
                   "NHS Leeds West Clinical Commissioning Group");

  /* Saving with nothing changed notifies nothing. */
  cm_test_save (store, west);
  g_assert_cmpuint (name_notifications, ==, 1);
  g_signal_handlers_disconnect_by_func (listed, count_notify, &name_notifications);

  /* A refused save leaves the list alone. */
  g_assert_false (cm_store_save (store, CM_ENTITY (bad), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  cm_test_delete (store, west);
  g_assert_cmpuint (changed.calls, ==, 3);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cm_organisation_get_name (item), ==, "NHS Leeds North CCG");
  g_assert_cmpint (count_rows (path, "organisation"), ==, 1);

  cm_test_restore (store, west);
  g_assert_cmpuint (changed.calls, ==, 4);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_signal_handlers_disconnect_by_func (list, on_items_changed, &changed);
}

/* ---- derived properties ----------------------------------------------- */

static void
test_contract_provider_name_follows_provider (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("provider-name.commissioner", &path);
  g_autoptr(CmOrganisation) ph = new_organisation (store, "Leeds City Council: Public Health",
                                                   CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = new_service (store, "Mental Health & Wellbeing", ph);
  g_autoptr(CmProvider) provider = new_provider (store, "Touchstone", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) first = NULL;
  g_autoptr(CmContract) second = NULL;
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  GListModel *providers = cm_store_list (store, CM_TYPE_PROVIDER);
  CmEntity *listed_provider = cm_store_find (store, CM_TYPE_PROVIDER, ID (provider));
  guint notifications = 0;

  first = new_contract (store, "PH-0006", service, provider, 57077800);
  second = new_contract (store, "PH-0007", service, provider, 1000000);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 2);

  /* The provider's own derived totals follow its contracts. */
  g_assert_cmpint (int_property (listed_provider, "contract-count"), ==, 2);
  g_assert_cmpint (int64_property (listed_provider, "annual-value"), ==,
                   query_int (path, "SELECT sum(annual_value) FROM contract WHERE provider_id = %"
                              G_GINT64_FORMAT, ID (provider)));
  g_assert_cmpint (int64_property (listed_provider, "annual-value"), ==, 58077800);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CmContract) c = g_list_model_get_item (contracts, i);

      g_assert_cmpstr (cm_contract_get_provider_name (c), ==, "Touchstone");
      if (i == 0)
        g_signal_connect (c, "notify::provider-name", G_CALLBACK (count_notify), &notifications);
    }

  g_object_set (provider, "name", "Touchstone Support Leeds", "sector", CM_SECTOR_INDEPENDENT,
                NULL);
  cm_test_save (store, provider);
  g_assert_cmpuint (notifications, ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CmContract) c = g_list_model_get_item (contracts, i);
      g_autofree char *in_file =
        query_text (path, "SELECT p.name FROM contract c JOIN provider p ON p.id = c.provider_id"
                    " WHERE c.id = %" G_GINT64_FORMAT, ID (c));

      g_assert_cmpstr (in_file, ==, "Touchstone Support Leeds");
      g_assert_cmpstr (cm_contract_get_provider_name (c), ==, in_file);
      g_assert_cmpint (int_property (c, "provider-sector"), ==, CM_SECTOR_INDEPENDENT);
      if (i == 0)
        g_signal_handlers_disconnect_by_func (c, count_notify, &notifications);
    }
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 1);

  /* Renaming the service reaches the contracts too. */
  g_object_set (service, "name", "Mental health and wellbeing", NULL);
  cm_test_save (store, service);
  g_assert_cmpstr (cm_contract_get_service_name (listed_contract (store, first)), ==,
                   "Mental health and wellbeing");

  /* Deleting a contract updates the provider's totals. */
  cm_test_delete (store, second);
  g_assert_cmpint (int_property (listed_provider, "contract-count"), ==, 1);
  g_assert_cmpint (int64_property (listed_provider, "annual-value"), ==, 57077800);
}

/* The sum of the service's contracts, computed from the file. */
static gint64
file_service_total (const char *path, CmService *service)
{
  return query_int (path, "SELECT coalesce(sum(annual_value), 0) FROM contract WHERE service_id = %"
                    G_GINT64_FORMAT, ID (service));
}

/* The sum of the service's contracts, from the contract list. */
static gint64
listed_service_total (CmStore *store, CmService *service)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) c = g_list_model_get_item (contracts, i);

      if (cm_contract_get_service_id (c) == ID (service))
        total += cm_contract_get_annual_value (c);
    }
  return total;
}

static void
test_service_annual_value_follows_contracts (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("annual-value.commissioner", &path);
  g_autoptr(CmOrganisation) north = new_organisation (store, "NHS Leeds North CCG",
                                                      CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmService) carers = new_service (store, "Carers", north);
  g_autoptr(CmService) refugees = new_service (store, "Refugees", north);
  g_autoptr(CmProvider) provider = new_provider (store, "Carers Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) a = NULL;
  g_autoptr(CmContract) b = NULL;
  g_autoptr(CmContract) other = NULL;
  g_autoptr(CmService) loaded = NULL;
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  CmService *listed = CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE, ID (carers)));
  guint notifications = 0;

  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 2);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, 0);
  g_signal_connect (listed, "notify::annual-value", G_CALLBACK (count_notify), &notifications);

  a = new_contract (store, "LN-0007", carers, provider, 4395000);
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, 4395000);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, file_service_total (path, carers));

  b = new_contract (store, "LN-0011", carers, provider, 123456789);
  other = new_contract (store, "LN-0010", refugees, provider, 500000);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, file_service_total (path, carers));
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, listed_service_total (store, carers));
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, 4395000 + 123456789);

  /* Editing a contract's value, and moving a contract to another service. */
  g_object_set (a, "annual-value", G_GINT64_CONSTANT (4400001), NULL);
  cm_test_save (store, a);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, file_service_total (path, carers));
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, 4400001 + 123456789);

  g_object_set (b, "service-id", ID (refugees), NULL);
  cm_test_save (store, b);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, 4400001);
  g_assert_cmpint (cm_service_get_annual_value (CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE,
                   ID (refugees)))), ==, 500000 + 123456789);

  cm_test_delete (store, a);
  g_assert_cmpint (cm_service_get_annual_value (listed), ==, 0);
  g_assert_cmpint (file_service_total (path, carers), ==, 0);
  g_signal_handlers_disconnect_by_func (listed, count_notify, &notifications);

  /* A freshly opened file computes the same. */
  reopen (&store, path);
  loaded = CM_SERVICE (g_object_ref (cm_store_find (store, CM_TYPE_SERVICE,
                                                    ID (refugees))));
  g_assert_cmpint (cm_service_get_annual_value (loaded), ==, file_service_total (path, refugees));
  g_assert_cmpint (cm_service_get_annual_value (loaded), ==, 500000 + 123456789);
}

static void
test_service_names_follow_organisations (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("partner-names.commissioner", &path);
  g_autoptr(CmOrganisation) ccg = new_organisation (store, "NHS Leeds CCG",
                                                    CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) children =
    new_organisation (store, "Leeds City Council: Children and Families",
                      CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) crisis =
    new_service (store, "Children and young people's mental health crisis support", ccg);
  g_autoptr(CmServicePartner) partner = NULL;
  CmEntity *listed = cm_store_find (store, CM_TYPE_SERVICE, ID (crisis));
  g_autofree char *names = NULL;
  g_autofree char *lead = NULL;

  partner = cm_service_partner_new (ID (crisis), ID (children));
  cm_test_save (store, partner);
  names = string_property (listed, "partner-names");
  g_assert_cmpstr (names, ==, "Leeds City Council: Children and Families");
  g_clear_pointer (&names, g_free);

  /* Renaming the organisations reaches the services that name them. */
  g_object_set (children, "name", "Leeds City Council: Children and Families Directorate", NULL);
  cm_test_save (store, children);
  g_object_set (ccg, "name", "NHS West Yorkshire ICB (Leeds)", NULL);
  cm_test_save (store, ccg);
  names = string_property (listed, "partner-names");
  lead = string_property (listed, "lead-commissioner-name");
  g_assert_cmpstr (names, ==, "Leeds City Council: Children and Families Directorate");
  g_assert_cmpstr (lead, ==, "NHS West Yorkshire ICB (Leeds)");
  g_clear_pointer (&names, g_free);

  cm_test_delete (store, partner);
  names = string_property (listed, "partner-names");
  g_assert_cmpstr (names, ==, "");
}

/* ---- validation ------------------------------------------------------- */

typedef struct {
  char *path;
  CmStore *store;
  CmOrganisation *org;
  CmService *service;
  CmProvider *provider;
  CmContract *contract;
} Portfolio;

static void
portfolio_setup (Portfolio *p, const char *name)
{
  p->store = cm_test_open_new (name, &p->path);
  p->org = new_organisation (p->store, "Leeds City Council: Public Health",
                             CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  p->service = new_service (p->store, "Sexual Health", p->org);
  p->provider = new_provider (p->store, "Yorkshire MESMAC", CM_SECTOR_THIRD_SECTOR);
  p->contract = new_contract (p->store, "PH-0005", p->service, p->provider, 56374000);
  /* Load every list, so that a stray change would show in them. */
  cm_store_list (p->store, CM_TYPE_ORGANISATION);
  cm_store_list (p->store, CM_TYPE_SERVICE);
  cm_store_list (p->store, CM_TYPE_PROVIDER);
  cm_store_list (p->store, CM_TYPE_CONTRACT);
  cm_store_list (p->store, CM_TYPE_SERVICE_PARTNER);
  cm_store_list (p->store, CM_TYPE_FUNDING_SOURCE);
}

static void
portfolio_teardown (Portfolio *p)
{
  g_clear_object (&p->contract);
  g_clear_object (&p->provider);
  g_clear_object (&p->service);
  g_clear_object (&p->org);
  g_clear_object (&p->store);
  g_clear_pointer (&p->path, g_free);
}

static const char * const tables[] = {
  "organisation", "service", "service_partner", "funding_source", "provider", "contract",
  "audit", "meta",
};
static const GType *list_types (void);

static const GType *
list_types (void)
{
  static GType types[6];

  types[0] = CM_TYPE_ORGANISATION;
  types[1] = CM_TYPE_SERVICE;
  types[2] = CM_TYPE_SERVICE_PARTNER;
  types[3] = CM_TYPE_FUNDING_SOURCE;
  types[4] = CM_TYPE_PROVIDER;
  types[5] = CM_TYPE_CONTRACT;
  return types;
}

/* Everything a failed action must leave as it was: each table's rows
 * (including the audit trail and its head) and each list's length. */
static char *
snapshot (Portfolio *p)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);
      g_autofree char *dump = cm_test_query_dump (p->path, sql);

      g_string_append_printf (out, "[%s]\n%s", tables[i], dump);
    }
  for (gsize i = 0; i < 6; i++)
    g_string_append_printf (out, "[list %s] %u\n", g_type_name (list_types ()[i]),
                            g_list_model_get_n_items (cm_store_list (p->store, list_types ()[i])));
  return g_string_free (out, FALSE);
}

static void
assert_refused (Portfolio *p, gpointer entity, GQuark domain, int code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  gint64 id = ID (entity);

  g_assert_false (cm_store_save (p->store, CM_ENTITY (entity), &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (ID (entity), ==, id);
  after = snapshot (p);
  g_assert_cmpstr (after, ==, before);
}

static void
test_validation_writes_nothing (void)
{
  Portfolio p = { 0 };
  gint64 service_id, provider_id, org_id;

  portfolio_setup (&p, "validation.commissioner");
  service_id = ID (p.service);
  provider_id = ID (p.provider);
  org_id = ID (p.org);
  g_assert_cmpint (count_rows (p.path, "audit"), >, 0);

  {
    g_autoptr(CmOrganisation) empty = cm_organisation_new ("", CM_ORGANISATION_KIND_PARTNER);
    g_autoptr(CmOrganisation) blank = cm_organisation_new ("  \t ", CM_ORGANISATION_KIND_PARTNER);

    assert_refused (&p, empty, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, blank, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  }
  {
    g_autoptr(CmService) nameless = g_object_new (CM_TYPE_SERVICE, "name", "",
                                                  "lead-commissioner-id", org_id, NULL);
    g_autoptr(CmService) no_lead = cm_service_new ("Healthy Living Services");

    assert_refused (&p, nameless, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, no_lead, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  }
  {
    g_autoptr(CmProvider) nameless = cm_provider_new ("", CM_SECTOR_INDEPENDENT);

    assert_refused (&p, nameless, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  }
  {
    g_autoptr(CmContract) no_service = build_contract ("PH-0101", NULL, p.provider, 100);
    g_autoptr(CmContract) no_provider = build_contract ("PH-0102", p.service, NULL, 100);
    g_autoptr(CmContract) no_reference = build_contract ("", p.service, p.provider, 100);
    g_autoptr(CmContract) backwards = build_contract ("PH-0103", p.service, p.provider, 100);
    g_autoptr(CmContract) no_such_day = build_contract ("PH-0104", p.service, p.provider, 100);
    g_autoptr(CmContract) no_such_month = build_contract ("PH-0105", p.service, p.provider, 100);
    g_autoptr(CmContract) negative = build_contract ("PH-0106", p.service, p.provider, -1);

    g_object_set (backwards, "start-date", "2019-04-01", "end-date", "2019-03-31", NULL);
    g_object_set (no_such_day, "start-date", "2019-02-30", NULL);
    g_object_set (no_such_month, "end-date", "2019-13-01", NULL);
    assert_refused (&p, no_service, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, no_provider, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, no_reference, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, backwards, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, no_such_day, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, no_such_month, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, negative, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  }
  {
    g_autoptr(CmFundingSource) no_service = cm_funding_source_new (0, org_id, "Grant", 100);
    g_autoptr(CmFundingSource) negative = cm_funding_source_new (service_id, org_id, "Grant", -100);

    assert_refused (&p, no_service, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    assert_refused (&p, negative, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  }

  /* An edit that breaks a record is refused too, and the file keeps the old values. */
  {
    g_autoptr(CmEntity) edit = cm_entity_copy (cm_store_find (p.store, CM_TYPE_CONTRACT,
                                                              ID (p.contract)));
    CmContract *listed = CM_CONTRACT (cm_store_find (p.store, CM_TYPE_CONTRACT,
                                                     cm_entity_get_id (edit)));
    g_autofree char *end = NULL;

    g_object_set (edit, "end-date", "2019-02-30", "annual-value", G_GINT64_CONSTANT (1), NULL);
    assert_refused (&p, edit, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    g_object_set (edit, "end-date", "2018-01-01", NULL);
    assert_refused (&p, edit, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    g_object_set (edit, "end-date", "2022-03-31", "provider-id", G_GINT64_CONSTANT (0), NULL);
    assert_refused (&p, edit, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
    end = query_text (p.path, "SELECT end_date || '|' || annual_value || '|' || provider_id"
                      " FROM contract"
                      " WHERE id = %" G_GINT64_FORMAT, cm_entity_get_id (edit));
    {
      g_autofree char *expected = g_strdup_printf ("2022-03-31|56374000|%" G_GINT64_FORMAT,
                                                   provider_id);
      g_assert_cmpstr (end, ==, expected);
    }
    g_assert_cmpstr (cm_contract_get_end_date (listed), ==, "2022-03-31");
    g_assert_cmpint (cm_contract_get_annual_value (listed), ==, 56374000);
  }

  portfolio_teardown (&p);
}

/* ---- constraints ------------------------------------------------------ */

static void
test_delete_provider_with_contracts (void)
{
  Portfolio p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 provider_id;
  CmEntity *listed;

  portfolio_setup (&p, "delete-provider.commissioner");
  provider_id = ID (p.provider);
  before = snapshot (&p);

  g_assert_false (cm_store_delete (p.store, CM_ENTITY (p.provider), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Yorkshire MESMAC"));
  g_clear_error (&error);

  after = snapshot (&p);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (p.path, "SELECT count(*) FROM provider WHERE id = %" G_GINT64_FORMAT,
                              provider_id), ==, 1);
  g_assert_cmpint (query_int (p.path, "SELECT count(*) FROM contract"
                              " WHERE provider_id = %" G_GINT64_FORMAT,
                              provider_id), ==, 1);
  listed = cm_store_find (p.store, CM_TYPE_PROVIDER, provider_id);
  g_assert_nonnull (listed);
  g_assert_cmpstr (cm_contract_get_provider_name (listed_contract (p.store, p.contract)), ==,
                   "Yorkshire MESMAC");

  /* The same goes for the organisation that leads a service. */
  g_assert_false (cm_store_delete (p.store, CM_ENTITY (p.org), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = snapshot (&p);
  g_assert_cmpstr (after, ==, before);

  /* Once its contract is gone, the provider can be deleted. */
  cm_test_delete (p.store, p.contract);
  cm_test_delete (p.store, p.provider);
  g_assert_cmpint (count_rows (p.path, "provider"), ==, 0);
  g_assert_null (cm_store_find (p.store, CM_TYPE_PROVIDER, provider_id));

  portfolio_teardown (&p);
}

static void
test_duplicate_reference (void)
{
  Portfolio p = { 0 };
  g_autoptr(CmContract) twin = NULL;
  g_autoptr(CmContract) other = NULL;
  g_autoptr(CmOrganisation) same_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  portfolio_setup (&p, "duplicate.commissioner");
  before = snapshot (&p);
  twin = build_contract ("PH-0005", p.service, p.provider, 100);
  g_assert_false (cm_store_save (p.store, CM_ENTITY (twin), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (ID (twin), ==, 0);
  after = snapshot (&p);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (p.path, "SELECT count(*) FROM contract WHERE reference = 'PH-0005'"),
                   ==, 1);

  /* Renaming another contract to a taken reference is refused the same way. */
  other = new_contract (p.store, "PH-0006", p.service, p.provider, 200);
  g_clear_pointer (&before, g_free);
  before = snapshot (&p);
  g_object_set (other, "reference", "PH-0005", NULL);
  g_assert_false (cm_store_save (p.store, CM_ENTITY (other), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = snapshot (&p);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (cm_contract_get_reference (CM_CONTRACT (cm_store_find (p.store, CM_TYPE_CONTRACT,
                   ID (other)))), ==, "PH-0006");

  /* Organisation names are unique too. */
  same_name = cm_organisation_new ("Leeds City Council: Public Health",
                                   CM_ORGANISATION_KIND_PARTNER);
  g_assert_false (cm_store_save (p.store, CM_ENTITY (same_name), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = snapshot (&p);
  g_assert_cmpstr (after, ==, before);

  portfolio_teardown (&p);
}

/* ---- transactions ----------------------------------------------------- */

static void
test_outer_rollback_discards_everything (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("rollback.commissioner", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Better Care Fund",
                                                       CM_ORGANISATION_KIND_POOLED_BUDGET);
  g_autoptr(CmService) service = NULL;
  g_autoptr(CmProvider) provider = cm_provider_new ("Age UK Leeds", CM_SECTOR_THIRD_SECTOR);
  GListModel *orgs = cm_store_list (store, CM_TYPE_ORGANISATION);
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  GListModel *providers = cm_store_list (store, CM_TYPE_PROVIDER);
  ItemsChanged changed = { 0 };
  gint64 audit_before = count_rows (path, "audit");

  g_signal_connect (orgs, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (services, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (providers, "items-changed", G_CALLBACK (on_items_changed), &changed);

  g_assert_true (cm_store_begin (store, &error));
  g_assert_no_error (error);
  cm_test_save (store, org);
  service = g_object_new (CM_TYPE_SERVICE, "name", "Community support within the Better Care Fund",
                          "lead-commissioner-id", ID (org), NULL);

  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, service);
  cm_test_save (store, provider);
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);

  /* Nothing is visible outside the open transaction yet. */
  g_assert_cmpint (count_rows (path, "organisation"), ==, 0);
  g_assert_cmpuint (changed.calls, ==, 0);

  cm_store_rollback (store);

  g_assert_cmpint (count_rows (path, "organisation"), ==, 0);
  g_assert_cmpint (count_rows (path, "service"), ==, 0);
  g_assert_cmpint (count_rows (path, "provider"), ==, 0);
  g_assert_cmpint (count_rows (path, "audit"), ==, audit_before);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 0);
  g_assert_cmpuint (changed.calls, ==, 0);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The store is usable afterwards, and nothing rolled back reappears. */
  {
    g_autoptr(CmOrganisation) again = new_organisation (store,
                                                        "Leeds City Council: Adult Social Care",
                                                        CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);

    g_assert_cmpuint (changed.calls, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
    g_assert_cmpint (count_rows (path, "organisation"), ==, 1);
    g_assert_cmpint (count_rows (path, "service"), ==, 0);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit"
                                " WHERE new_value = 'Better Care Fund'"), ==, 0);
  }
  g_signal_handlers_disconnect_by_func (orgs, on_items_changed, &changed);
  g_signal_handlers_disconnect_by_func (services, on_items_changed, &changed);
  g_signal_handlers_disconnect_by_func (providers, on_items_changed, &changed);
}

static void
test_inner_rollback_keeps_outer_work (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("inner-rollback.commissioner", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOrganisation) kept = cm_organisation_new ("NHS Leeds South and East CCG",
                                                        CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmOrganisation) dropped = cm_organisation_new ("NHS Leeds North CCG",
                                                           CM_ORGANISATION_KIND_NHS_BODY);
  GListModel *orgs = cm_store_list (store, CM_TYPE_ORGANISATION);
  ItemsChanged changed = { 0 };
  g_autoptr(CmOrganisation) item = NULL;

  g_signal_connect (orgs, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, kept);
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, dropped);
  cm_store_rollback (store);
  g_assert_cmpuint (changed.calls, ==, 0);
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
  item = g_list_model_get_item (orgs, 0);
  g_assert_cmpstr (cm_organisation_get_name (item), ==, "NHS Leeds South and East CCG");
  g_assert_cmpint (count_rows (path, "organisation"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM organisation"
                              " WHERE name = 'NHS Leeds North CCG'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit"
                              " WHERE new_value = 'NHS Leeds North CCG'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit"
                              " WHERE new_value = 'NHS Leeds South and East CCG'"), ==, 1);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (orgs, on_items_changed, &changed);
}

static void
test_nested_commit_shows_at_the_end (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("nested-commit.commissioner", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOrganisation) first = cm_organisation_new ("Leeds City Council: Public Health",
                                                         CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmOrganisation) second = cm_organisation_new ("Better Care Fund",
                                                          CM_ORGANISATION_KIND_POOLED_BUDGET);
  GListModel *orgs = cm_store_list (store, CM_TYPE_ORGANISATION);
  ItemsChanged changed = { 0 };

  g_signal_connect (orgs, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, first);
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, second);
  g_assert_true (cm_store_commit (store, &error));
  g_assert_cmpuint (changed.calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 0);
  g_assert_cmpint (count_rows (path, "organisation"), ==, 0);

  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
  g_assert_cmpint (count_rows (path, "organisation"), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit WHERE entity = 'organisation'"),
                   ==, 4);
  g_signal_handlers_disconnect_by_func (orgs, on_items_changed, &changed);
}

/* One user action: a service and its partner. The partner is refused, the
 * caller rolls the action back, the user corrects it and saves again. */
static void
test_save_again_after_rollback (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("save-again.commissioner", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOrganisation) lead = new_organisation (store, "NHS Leeds CCG",
                                                     CM_ORGANISATION_KIND_NHS_BODY);
  g_autoptr(CmService) service = NULL;
  g_autoptr(CmFundingSource) money = NULL;

  service = g_object_new (CM_TYPE_SERVICE, "name",
                          "Children and young people's mental health crisis support",
                          "lead-commissioner-id", ID (lead), NULL);
  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, service);
  money = cm_funding_source_new (ID (service), ID (lead),
                                 "CCG", -40000000);
  g_assert_false (cm_store_save (store, CM_ENTITY (money), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_clear_error (&error);
  cm_store_rollback (store);
  g_assert_cmpint (count_rows (path, "service"), ==, 0);

  /* The undone insert gave its id back: saving again inserts. */
  g_assert_cmpint (ID (service), ==, 0);

  g_assert_true (cm_store_begin (store, &error));
  cm_test_save (store, service);
  g_object_set (money, "service-id", ID (service), "amount",
                G_GINT64_CONSTANT (40000000), NULL);
  cm_test_save (store, money);
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "service"), ==, 1);
  g_assert_cmpint (count_rows (path, "funding_source"), ==, 1);
}

/* ---- money and dates -------------------------------------------------- */

static void
test_money_format (void)
{
  static const struct {
    gint64 pence;
    const char *text;
  } cases[] = {
    { 0, "£0" },
    { 5, "£0.05" },
    { 50, "£0.50" },
    { 100, "£1" },
    { 99999, "£999.99" },
    { 100000, "£1,000" },
    { 123456789, "£1,234,567.89" },
    { G_GINT64_CONSTANT (1298474300), "£12,984,743" },
    { G_GINT64_CONSTANT (5560323000), "£55,603,230" },
    { -150, "-£1.50" },
    { -123456700, "-£1,234,567" },
    { G_GINT64_CONSTANT (100000000000000), "£1,000,000,000,000" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cm_money_format (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_parse (void)
{
  static const struct {
    const char *text;
    gint64 pence;
  } good[] = {
    { "0", 0 },
    { "£0", 0 },
    { "1,234", 123400 },
    { "£1,234", 123400 },
    { "£1,234.50", 123450 },
    { "£1,234,567.89", 123456789 },
    { "1234567.89", 123456789 },
    { "  £12,500  ", 1250000 },
    { "£0.29", 29 },
    { "£1.15", 115 },
    { "£1.3m", 130000000 },
    { "£1.3M", 130000000 },
    { "£20k", 2000000 },
    { "20K", 2000000 },
    { "£12.5k", 1250000 },
    { "£55,603,230", G_GINT64_CONSTANT (5560323000) },
    { "12 984 743", G_GINT64_CONSTANT (1298474300) },
  };
  static const char * const bad[] = {
    "twelve", "", "   ", "£", "k", "m", "£-5", "-5", "1.2.3", "£12abc", "12 pounds", "£1,2x",
    "1e400",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = -1;

      g_test_message ("parse “%s”", good[i].text);
      g_assert_true (cm_money_parse (good[i].text, &pence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pence, ==, good[i].pence);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = 4242;

      g_test_message ("refuse “%s”", bad[i]);
      g_assert_false (cm_money_parse (bad[i], &pence, &error));
      g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
      g_assert_cmpint (pence, ==, 4242);
    }

  /* Formatting and parsing agree. */
  for (gint64 pence = -1; pence < G_GINT64_CONSTANT (100000000000); pence = pence * 7 + 13)
    {
      g_autofree char *text = cm_money_format (ABS (pence));
      gint64 back = -1;

      g_assert_true (cm_money_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, ABS (pence));
    }
}

/* A field left shows pence always, and reads back as the same amount. */
static void
test_money_format_full (void)
{
  static const struct {
    gint64 pence;
    const char *text;
  } cases[] = {
    { 0, "£0.00" },
    { 5, "£0.05" },
    { 100, "£1.00" },
    { 4500000, "£45,000.00" },
    { 123456789, "£1,234,567.89" },
    { -150, "-£1.50" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cm_money_format_full (cases[i].pence);
      gint64 back = -1;

      g_assert_cmpstr (text, ==, cases[i].text);
      if (cases[i].pence >= 0)
        {
          g_assert_true (cm_money_parse (text, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].pence);
        }
    }
}

/* Words that strtod() takes for numbers are not amounts of money. */
static void
test_money_parse_refuses_not_a_number (void)
{
  static const char * const bad[] = { "nan", "£NaN", "-nan", "nan(1)k", "inf", "infinity", "0x10",
                                     "1e3" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = 4242;

      g_test_message ("refuse “%s”", bad[i]);
      g_assert_false (cm_money_parse (bad[i], &pence, &error));
      g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
      g_assert_cmpint (pence, ==, 4242);
    }
}

static void
test_date_parse_iso (void)
{
  static const struct {
    const char *text;
    guint day, month, year;
  } good[] = {
    { "2024-02-29", 29, 2, 2024 },
    { "2000-02-29", 29, 2, 2000 },
    { "2019-04-01", 1, 4, 2019 },
    { "2018-10-01", 1, 10, 2018 },
    { "2019-10-31", 31, 10, 2019 },
    { "2026-12-31", 31, 12, 2026 },
  };
  static const char * const bad[] = {
    "2023-02-29", "1900-02-29", "2019-02-30", "2019-04-31", "2019-13-01", "2019-00-10",
    "2019-04-00", "2019-4-1", "2019-04-1", "19-04-01", "2019/04/01", "01-04-2019",
    "2019-04-01T00:00", "2019-04-01 ",
    "", "tomorrow",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate date;
      g_autofree char *back = NULL;

      g_test_message ("parse “%s”", good[i].text);
      g_assert_true (cm_date_parse_iso (good[i].text, &date));
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_day (&date), ==, good[i].day);
      g_assert_cmpuint (g_date_get_month (&date), ==, good[i].month);
      g_assert_cmpuint (g_date_get_year (&date), ==, good[i].year);
      back = cm_date_format_iso (&date);
      g_assert_cmpstr (back, ==, good[i].text);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;

      g_test_message ("refuse “%s”", bad[i]);
      g_assert_false (cm_date_parse_iso (bad[i], &date));
    }
  {
    GDate date;

    g_assert_false (cm_date_parse_iso (NULL, &date));
  }
}

/* "Exactly yyyy-mm-dd": anything else would be stored as typed, and
 * dates are compared as text. */
static void
test_date_parse_iso_is_strict (void)
{
  static const char * const bad[] = { " 2019-4-01", "2019-04- 1", "2019- 4-01", "+019-04-01",
                                     "-019-04-01" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;

      g_test_message ("refuse “%s”", bad[i]);
      g_assert_false (cm_date_parse_iso (bad[i], &date));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/organisation", test_organisation_crud);
  g_test_add_func ("/model/service", test_service_crud);
  g_test_add_func ("/model/provider", test_provider_crud);
  g_test_add_func ("/model/contract", test_contract_crud);
  g_test_add_func ("/model/list/items-changed", test_list_follows_changes);
  g_test_add_func ("/model/derived/provider-name", test_contract_provider_name_follows_provider);
  g_test_add_func ("/model/derived/annual-value", test_service_annual_value_follows_contracts);
  g_test_add_func ("/model/derived/partner-names", test_service_names_follow_organisations);
  g_test_add_func ("/model/validation", test_validation_writes_nothing);
  g_test_add_func ("/model/constraint/delete-provider", test_delete_provider_with_contracts);
  g_test_add_func ("/model/constraint/duplicate-reference", test_duplicate_reference);
  g_test_add_func ("/model/transaction/outer-rollback", test_outer_rollback_discards_everything);
  g_test_add_func ("/model/transaction/inner-rollback", test_inner_rollback_keeps_outer_work);
  g_test_add_func ("/model/transaction/nested-commit", test_nested_commit_shows_at_the_end);
  g_test_add_func ("/model/transaction/save-again-after-rollback", test_save_again_after_rollback);
  g_test_add_func ("/model/money/format", test_money_format);
  g_test_add_func ("/model/money/parse", test_money_parse);
  g_test_add_func ("/model/money/format-full", test_money_format_full);
  g_test_add_func ("/model/money/parse-not-a-number", test_money_parse_refuses_not_a_number);
  g_test_add_func ("/model/date/parse-iso", test_date_parse_iso);
  g_test_add_func ("/model/date/parse-iso-strict", test_date_parse_iso_is_strict);
  return g_test_run ();
}
