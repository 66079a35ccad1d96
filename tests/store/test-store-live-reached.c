/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-live-reached.c: a saved contract reaches only its services' derived values
 *
 * A list of services shows each one's contract count and annual value,
 * which a saved contract changes. Each case changes contracts, asks the
 * store inside "records-changed" which services the change reached (the
 * service a contract left and the one it joined, or NULL when there were
 * too many changes to say), and checks that a services list reading rows
 * on demand shows what a fresh read of the file shows.
 */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-query-model.h"
#include "cm-service.h"
#include "cm-test-util.h"

#define N_SERVICES 3

typedef struct {
  CmStore *store;
  char *path;
  CmOrganisation *org;
  CmService *services[N_SERVICES];
  CmProvider *provider;
  GPtrArray *contracts;   /* two of services[0], one of services[1] */
  CmQueryModel *list;     /* every service, read on demand */
  GPtrArray *held;        /* the listed services, as a view holds its rows */
  GString *reached;       /* "table:names;" per records-changed, "table:all;" for NULL */
} Fixture;

static CmContract *
new_contract (Fixture *f, guint service, const char *reference)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", reference,
                       "service-id", cm_entity_get_id (CM_ENTITY (f->services[service])),
                       "provider-id", cm_entity_get_id (CM_ENTITY (f->provider)),
                       "annual-value", (gint64) 100000, "total-value", (gint64) 300000,
                       "start-date", "2024-04-01", "end-date", "2027-03-31", "term", "3+1",
                       NULL);
}

static const char *
service_name (Fixture *f, gint64 id)
{
  for (guint i = 0; i < N_SERVICES; i++)
    if (cm_entity_get_id (CM_ENTITY (f->services[i])) == id)
      return cm_service_get_name (f->services[i]);
  return "?";
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* What the store says the change to a contract reached among the services. */
static void
records_changed (CmStore *store, const char *table, GArray *saved, GArray *deleted, Fixture *f)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (g_strcmp0 (table, "contract") != 0)
    return;
  ids = cm_store_ids_reached (store, CM_TYPE_SERVICE, table);
  if (ids == NULL)
    {
      g_string_append (f->reached, "contract:all;");
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (names, (gpointer) service_name (f, g_array_index (ids, gint64, i)));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (",", (char **) names->pdata);
  g_string_append_printf (f->reached, "contract:%s;", joined);
}

static void
wait_for_query (CmQueryModel *model)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (cm_query_model_is_busy (model) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (cm_query_model_is_busy (model));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static const guint service_of[] = { 0, 0, 1 };

  f->store = cm_test_open_new ("live-reached.commissioner", &f->path);
  f->contracts = g_ptr_array_new_with_free_func (g_object_unref);
  f->held = g_ptr_array_new_with_free_func (g_object_unref);
  f->reached = g_string_new (NULL);
  f->org = cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  cm_test_save (f->store, f->org);
  for (guint i = 0; i < N_SERVICES; i++)
    {
      g_autofree char *name = g_strdup_printf ("S%u", i + 1);

      f->services[i] = g_object_new (CM_TYPE_SERVICE, "name", name, "lead-commissioner-id",
                                     cm_entity_get_id (CM_ENTITY (f->org)), NULL);
      cm_test_save (f->store, f->services[i]);
    }
  f->provider = cm_provider_new ("Touchstone", CM_SECTOR_THIRD_SECTOR);
  cm_test_save (f->store, f->provider);
  for (guint i = 0; i < G_N_ELEMENTS (service_of); i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-%u", i + 1);
      CmContract *contract = new_contract (f, service_of[i], reference);

      cm_test_save (f->store, contract);
      g_ptr_array_add (f->contracts, contract);
    }
  f->list = cm_query_model_new (f->store, CM_TYPE_SERVICE);
  wait_for_query (f->list);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->list)); i++)
    g_ptr_array_add (f->held, g_list_model_get_item (G_LIST_MODEL (f->list), i));
  g_signal_connect (f->store, "records-changed", G_CALLBACK (records_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_ptr_array_unref (f->held);
  g_clear_object (&f->list);
  g_ptr_array_unref (f->contracts);
  g_object_unref (f->org);
  for (guint i = 0; i < N_SERVICES; i++)
    g_object_unref (f->services[i]);
  g_object_unref (f->provider);
  g_string_free (f->reached, TRUE);
  g_clear_object (&f->store);
  g_free (f->path);
}

/* "S1 2 200000;" per service of @list: name, contract count, annual value. */
static char *
describe (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (list, i);
      int count = 0;
      gint64 value = 0;

      g_object_get (service, "contract-count", &count, "annual-value", &value, NULL);
      g_string_append_printf (text, "%s %d %" G_GINT64_FORMAT ";",
                              cm_service_get_name (service), count, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_shows (Fixture *f, const char *expected)
{
  g_autoptr(CmStore) fresh = cm_store_open (f->path, CM_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GListModel) reread = cm_store_list_all (fresh, CM_TYPE_SERVICE);
  g_autofree char *from_file = describe (reread);
  g_autofree char *shown = NULL;

  wait_for_query (f->list);
  shown = describe (G_LIST_MODEL (f->list));
  g_assert_cmpstr (from_file, ==, expected);
  g_assert_cmpstr (shown, ==, expected);
}

static void
test_moved (Fixture *f, gconstpointer data)
{
  CmContract *moved = g_ptr_array_index (f->contracts, 0);

  g_object_set (moved, "service-id", cm_entity_get_id (CM_ENTITY (f->services[1])), NULL);
  cm_test_save (f->store, moved);
  g_assert_cmpstr (f->reached->str, ==, "contract:S1,S2;");
  assert_shows (f, "S1 1 100000;S2 2 200000;S3 0 0;");
}

static void
test_value_changed (Fixture *f, gconstpointer data)
{
  CmContract *changed = g_ptr_array_index (f->contracts, 2);

  g_object_set (changed, "annual-value", (gint64) 250000, NULL);
  cm_test_save (f->store, changed);
  g_assert_cmpstr (f->reached->str, ==, "contract:S2;");
  assert_shows (f, "S1 2 200000;S2 1 250000;S3 0 0;");
}

static void
test_inserted_and_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) added = new_contract (f, 2, "C-4");

  cm_test_save (f->store, added);
  cm_test_delete (f->store, g_ptr_array_index (f->contracts, 1));
  g_assert_cmpstr (f->reached->str, ==, "contract:S3;contract:S1;");
  assert_shows (f, "S1 1 100000;S2 1 100000;S3 1 100000;");
}

/* Past the changes named one by one, the store cannot say: every held
 * service is read again. */
static void
test_too_many (Fixture *f, gconstpointer data)
{
  g_assert_true (cm_store_begin (f->store, NULL));
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *reference = g_strdup_printf ("M-%u", i + 1);
      g_autoptr(CmContract) contract = new_contract (f, 2, reference);

      cm_test_save (f->store, contract);
    }
  g_assert_true (cm_store_commit (f->store, NULL));
  g_assert_cmpstr (f->reached->str, ==, "contract:all;");
  assert_shows (f, "S1 2 200000;S2 1 100000;S3 100 10000000;");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-live-reached/moved", Fixture, NULL, fixture_set_up, test_moved,
              fixture_tear_down);
  g_test_add ("/store-live-reached/value-changed", Fixture, NULL, fixture_set_up,
              test_value_changed, fixture_tear_down);
  g_test_add ("/store-live-reached/inserted-and-deleted", Fixture, NULL, fixture_set_up,
              test_inserted_and_deleted, fixture_tear_down);
  g_test_add ("/store-live-reached/too-many", Fixture, NULL, fixture_set_up, test_too_many,
              fixture_tear_down);
  return g_test_run ();
}
