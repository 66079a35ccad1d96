/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-live-bulk.c: lists follow a transaction of thousands of records, read again once
 *
 * An import writes thousands of contracts in one transaction, often all
 * from one record reset for each row. Past a few hundred changes to a
 * table the store stops keeping them one by one: each case checks that
 * the whole table's list, a filtered list and a list reading rows on
 * demand still hold what a fresh read of the file holds, that rows not
 * changed keep their objects, what "records-changed" and "changed" said,
 * and that the store held no reference per record while it wrote.
 */
#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-query-model.h"
#include "cm-service.h"
#include "cm-test-util.h"

/* Well past the changes the store keeps one by one. */
#define N_IMPORTED 3000
#define N_KEPT 6
/* Well under it. */
#define N_FEW 500

typedef struct {
  CmStore *store;
  char *path;
  CmOrganisation *org;
  CmService *services[2];
  CmProvider *provider;
  GPtrArray *contracts;    /* the first N_KEPT, of services[0] and [1] alternately */
  GListModel *all;         /* every contract */
  GListModel *live;        /* services[0]'s contracts */
  CmQueryModel *query;     /* every contract, read on demand */
  GString *records;        /* "table:saved,deleted;" or "table:all;" per records-changed */
  GString *details;        /* "table;" per "changed" */
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

static void
records_changed (CmStore *store, const char *table, GArray *saved, GArray *deleted, Fixture *f)
{
  if (saved == NULL || deleted == NULL)
    g_string_append_printf (f->records, "%s:all;", table ? table : "");
  else
    g_string_append_printf (f->records, "%s:%u,%u;", table, saved->len, deleted->len);
}

static void
store_changed (CmStore *store, Fixture *f)
{
  /* The detail is not passed to the handler: read it from the emission. */
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);

  g_string_append_printf (f->details, "%s;", g_quark_to_string (hint->detail));
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
  f->store = cm_test_open_new ("live-bulk.commissioner", &f->path);
  f->contracts = g_ptr_array_new_with_free_func (g_object_unref);
  f->org = cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  cm_test_save (f->store, f->org);
  for (guint i = 0; i < G_N_ELEMENTS (f->services); i++)
    {
      g_autofree char *name = g_strdup_printf ("Service %u", i + 1);

      f->services[i] = g_object_new (CM_TYPE_SERVICE, "name", name, "lead-commissioner-id",
                                     cm_entity_get_id (CM_ENTITY (f->org)), NULL);
      cm_test_save (f->store, f->services[i]);
    }
  f->provider = cm_provider_new ("Touchstone", CM_SECTOR_THIRD_SECTOR);
  cm_test_save (f->store, f->provider);
  for (guint i = 0; i < N_KEPT; i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-%u", i + 1);
      CmContract *contract = new_contract (f, i % 2, reference);

      cm_test_save (f->store, contract);
      g_ptr_array_add (f->contracts, contract);
    }
  f->all = cm_store_list_all (f->store, CM_TYPE_CONTRACT);
  f->live = cm_store_list_where_id (f->store, CM_TYPE_CONTRACT, "service-id",
                                    cm_entity_get_id (CM_ENTITY (f->services[0])));
  f->query = cm_query_model_new (f->store, CM_TYPE_CONTRACT);
  wait_for_query (f->query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->query)), ==, N_KEPT);
  f->records = g_string_new (NULL);
  f->details = g_string_new (NULL);
  g_signal_connect (f->store, "records-changed", G_CALLBACK (records_changed), f);
  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->query);
  g_clear_object (&f->live);
  g_clear_object (&f->all);
  g_ptr_array_unref (f->contracts);
  g_object_unref (f->org);
  for (guint i = 0; i < G_N_ELEMENTS (f->services); i++)
    g_object_unref (f->services[i]);
  g_object_unref (f->provider);
  g_string_free (f->records, TRUE);
  g_string_free (f->details, TRUE);
  g_clear_object (&f->store);
  g_free (f->path);
}

/* "id reference title;" of each record of @list, in order. */
static char *
describe (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s;",
                              cm_entity_get_id (CM_ENTITY (contract)),
                              cm_contract_get_reference (contract),
                              cm_contract_get_title (contract));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every list holds exactly what reading the file afresh gives. */
static void
assert_same_as_file (Fixture *f)
{
  g_autoptr(CmStore) fresh = cm_store_open (f->path, CM_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GListModel) all = cm_store_list_all (fresh, CM_TYPE_CONTRACT);
  gint64 service = cm_entity_get_id (CM_ENTITY (f->services[0]));
  g_autoptr(GListModel) live = cm_store_list_where_id (fresh, CM_TYPE_CONTRACT, "service-id",
                                                       service);
  g_autofree char *all_expected = describe (all);
  g_autofree char *all_listed = describe (f->all);
  g_autofree char *live_expected = describe (live);
  g_autofree char *live_listed = describe (f->live);
  g_autofree char *query_listed = NULL;

  g_assert_cmpstr (all_listed, ==, all_expected);
  g_assert_cmpstr (live_listed, ==, live_expected);
  wait_for_query (f->query);
  query_listed = describe (G_LIST_MODEL (f->query));
  g_assert_cmpstr (query_listed, ==, all_expected);
}

/* Writes @n new contracts in the open transaction, from one record reset
 * for each as the import does, or from a record of their own each. */
static void
insert_many (Fixture *f, guint n, const char *prefix, CmContract *scratch, GPtrArray *written)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *reference = g_strdup_printf ("%s-%u", prefix, i + 1);
      g_autoptr(CmContract) contract = scratch ? g_object_ref (scratch)
                                               : new_contract (f, i % 2, reference);
      g_autoptr(GError) error = NULL;

      if (scratch)
        {
          cm_entity_set_id (CM_ENTITY (scratch), 0);
          g_object_set (scratch, "reference", reference, "title", reference,
                        "service-id", cm_entity_get_id (CM_ENTITY (f->services[i % 2])), NULL);
        }
      g_assert_true (cm_store_insert_validated (f->store, CM_ENTITY (contract), &error));
      g_assert_no_error (error);
      if (written)
        g_ptr_array_add (written, g_object_ref (contract));
    }
}

static gboolean
lists (GListModel *list, gpointer record)
{
  return g_list_store_find (G_LIST_STORE (list), record, NULL);
}

/* An import of thousands of contracts that also changes one contract and
 * deletes another: every list shows all of it after one reading. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) scratch = new_contract (f, 0, "scratch");
  g_autoptr(CmContract) kept = g_list_model_get_item (f->all, 0);
  g_autoptr(CmContract) kept_live = g_list_model_get_item (f->live, 1);
  g_autoptr(CmContract) deleted = g_list_model_get_item (f->all, N_KEPT - 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_store_begin (f->store, &error));
  insert_many (f, N_IMPORTED, "I", scratch, NULL);
  /* The store kept no reference to the record per row it wrote. */
  g_assert_cmpuint (G_OBJECT (scratch)->ref_count, <, 10);
  g_object_set (g_ptr_array_index (f->contracts, 1), "title", "Renamed", NULL);
  cm_test_save (f->store, g_ptr_array_index (f->contracts, 1));
  cm_test_delete (f->store, g_ptr_array_index (f->contracts, N_KEPT - 1));
  g_assert_cmpstr (f->records->str, ==, "");
  g_assert_true (cm_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (f->records->str, ==, "contract:all;");
  g_assert_cmpstr (f->details->str, ==, "contract;");
  g_assert_cmpuint (g_list_model_get_n_items (f->all), ==, N_KEPT - 1 + N_IMPORTED);
  g_assert_cmpuint (g_list_model_get_n_items (f->live), ==, N_KEPT / 2 + N_IMPORTED / 2);
  assert_same_as_file (f);
  /* Rows read again are the objects the views already hold. */
  g_assert_true (lists (f->all, kept));
  g_assert_true (lists (f->live, kept_live));
  g_assert_false (lists (f->all, deleted));
  g_assert_cmpuint (G_OBJECT (scratch)->ref_count, ==, 1);
}

/* Undone work leaves the lists as they were, and the records it created
 * new again, so that saving them once more inserts them. */
static void
test_rolled_back (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) scratch = new_contract (f, 0, "scratch");
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = describe (f->all);
  g_autofree char *after = NULL;

  /* Too few to read again whole until the inner level adds its own. */
  g_assert_true (cm_store_begin (f->store, NULL));
  insert_many (f, N_FEW, "A", NULL, written);
  g_assert_true (cm_store_begin (f->store, NULL));
  insert_many (f, N_IMPORTED, "B", scratch, NULL);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (scratch)), >, 0);
  cm_store_rollback (f->store);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (scratch)), ==, 0);
  for (guint i = 0; i < written->len; i++)
    g_assert_cmpint (cm_entity_get_id (g_ptr_array_index (written, i)), >, 0);
  cm_store_rollback (f->store);
  for (guint i = 0; i < written->len; i++)
    g_assert_cmpint (cm_entity_get_id (g_ptr_array_index (written, i)), ==, 0);

  g_assert_cmpstr (f->records->str, ==, "");
  g_assert_cmpstr (f->details->str, ==, "");
  after = describe (f->all);
  g_assert_cmpstr (after, ==, before);
  assert_same_as_file (f);

  /* Saved again, they go in. */
  g_assert_true (cm_store_begin (f->store, NULL));
  for (guint i = 0; i < written->len; i++)
    cm_test_save (f->store, g_ptr_array_index (written, i));
  g_assert_true (cm_store_commit (f->store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (f->all), ==, N_KEPT + N_FEW);
  assert_same_as_file (f);
}

/* Only the table written in bulk is read again whole: a few changes to
 * another table in the same transaction are still named one by one. */
static void
test_other_tables_listed (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) scratch = new_contract (f, 0, "scratch");
  g_autoptr(CmProvider) provider = cm_provider_new ("Second Step", CM_SECTOR_THIRD_SECTOR);

  g_assert_true (cm_store_begin (f->store, NULL));
  cm_test_save (f->store, provider);
  insert_many (f, N_IMPORTED, "I", scratch, NULL);
  g_assert_true (cm_store_commit (f->store, NULL));

  g_assert_cmpstr (f->records->str, ==, "provider:1,0;contract:all;");
  g_assert_cmpstr (f->details->str, ==, "provider;contract;");
  assert_same_as_file (f);
}

/* Below the bulk threshold, each record is still named. */
static void
test_few_named (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) scratch = new_contract (f, 0, "scratch");

  g_assert_true (cm_store_begin (f->store, NULL));
  insert_many (f, 10, "F", scratch, NULL);
  g_assert_true (cm_store_commit (f->store, NULL));

  g_assert_cmpstr (f->records->str, ==, "contract:10,0;");
  assert_same_as_file (f);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-live-bulk/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/store-live-bulk/rolled-back", Fixture, NULL, fixture_set_up, test_rolled_back,
              fixture_tear_down);
  g_test_add ("/store-live-bulk/other-tables-listed", Fixture, NULL, fixture_set_up,
              test_other_tables_listed, fixture_tear_down);
  g_test_add ("/store-live-bulk/few-named", Fixture, NULL, fixture_set_up, test_few_named,
              fixture_tear_down);
  return g_test_run ();
}
