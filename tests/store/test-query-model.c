/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-query-model.c: a list that reads its records only when shown, searched and sorted in SQL
 *
 * Twelve contracts with two providers are saved to a real file; each case
 * makes a list of them, changes contracts or searches or sorts, and checks
 * the rows against the same question put to every contract the store
 * loads, which rows were announced (items-changed), and that a record held
 * while it changed stayed the same object.
 */
#include <string.h>

#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-query-model.h"
#include "cm-service.h"
#include "cm-test-util.h"

#define N_CONTRACTS 12

typedef struct {
  CmStore *store;
  char *path;
  CmService *service;
  CmProvider *providers[2];
  GPtrArray *contracts;
  CmQueryModel *model;
  GString *announced;      /* "position,removed,added;" per items-changed */
} Fixture;

static const char * const titles[] = {
  "home care", "Day opportunities", "Advocacy", "Carers breaks", "Meals at home", "Equipment",
  "Care homes", "Supported living", "Reablement", "Domiciliary care", "Extra care", "Befriending",
};

static CmContract *
new_contract (Fixture *f, const char *reference, const char *title, guint provider)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", title,
                       "service-id", cm_entity_get_id (CM_ENTITY (f->service)),
                       "provider-id", cm_entity_get_id (CM_ENTITY (f->providers[provider])),
                       "annual-value", (gint64) 1000 * (1 + strlen (title)),
                       "start-date", "2024-04-01", "end-date", "2027-03-31", "term", "3+1",
                       NULL);
}

static void
items_changed (GListModel *list, guint position, guint removed, guint added, Fixture *f)
{
  g_string_append_printf (f->announced, "%u,%u,%u;", position, removed, added);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOrganisation) org = NULL;

  f->store = cm_test_open_new ("query.commissioner", &f->path);
  org = cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  cm_test_save (f->store, org);
  f->service = g_object_new (CM_TYPE_SERVICE, "name", "Community support",
                             "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (org)), NULL);
  cm_test_save (f->store, f->service);
  f->providers[0] = cm_provider_new ("Touchstone", CM_SECTOR_THIRD_SECTOR);
  f->providers[1] = cm_provider_new ("Ëlan Homes", CM_SECTOR_INDEPENDENT);
  cm_test_save (f->store, f->providers[0]);
  cm_test_save (f->store, f->providers[1]);
  f->contracts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_CONTRACTS; i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-%02u", i + 1);
      CmContract *contract = new_contract (f, reference, titles[i], i % 3 == 0);

      cm_test_save (f->store, contract);
      g_ptr_array_add (f->contracts, contract);
    }
  f->model = cm_query_model_new (f->store, CM_TYPE_CONTRACT);
  f->announced = g_string_new (NULL);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (items_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->model);
  g_ptr_array_unref (f->contracts);
  g_object_unref (f->service);
  g_object_unref (f->providers[0]);
  g_object_unref (f->providers[1]);
  g_string_free (f->announced, TRUE);
  g_clear_object (&f->store);
  g_free (f->path);
}

/* Runs the main loop until the search or sort in flight has been read. */
static void
wait_for_query (CmQueryModel *model)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (cm_query_model_is_busy (model) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cm_query_model_is_busy (model));
}

static char *
references (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%s", i ? " " : "", cm_contract_get_reference (contract));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The references of every contract the store loads whose search text
 * holds @typed, in id order: what the list must show. */
static char *
expected_matches (Fixture *f, const char *typed)
{
  GListModel *all = cm_store_list (f->store, CM_TYPE_CONTRACT);
  g_autofree char *needle = g_utf8_casefold (typed, -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (all, i);
      g_autofree char *search_text = NULL;

      g_object_get (contract, "search-text", &search_text, NULL);
      if (strstr (search_text, needle))
        g_string_append_printf (text, "%s%s", text->len ? " " : "",
                                cm_contract_get_reference (contract));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_reads_rows_shown (Fixture *f, gconstpointer data)
{
  g_autofree char *all = expected_matches (f, "");
  g_autofree char *listed = references (G_LIST_MODEL (f->model));
  g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_autoptr(GObject) again = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_CONTRACTS);
  g_assert_cmpstr (listed, ==, all);
  g_assert_true (first == again);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), N_CONTRACTS));
  g_assert_false (cm_query_model_is_empty (f->model));
}

/* A record held while it is saved changes in place, and no row moves. */
static void
test_saved_in_place (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) held = g_list_model_get_item (G_LIST_MODEL (f->model), 4);
  g_autoptr(CmEntity) draft = cm_entity_copy (CM_ENTITY (held));

  g_object_set (draft, "title", "Meals on wheels", NULL);
  cm_test_save (f->store, draft);
  g_assert_cmpstr (cm_contract_get_title (held), ==, "Meals on wheels");
  g_assert_cmpstr (f->announced->str, ==, "");
}

static void
test_added_and_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) added = new_contract (f, "C-13", "Hospital discharge", 0);

  cm_test_save (f->store, added);
  g_assert_cmpstr (f->announced->str, ==, "12,0,1;");
  g_assert_cmpuint (cm_query_model_find (f->model, cm_entity_get_id (CM_ENTITY (added))), ==,
                    N_CONTRACTS);
  cm_test_delete (f->store, g_ptr_array_index (f->contracts, 2));
  g_assert_cmpstr (f->announced->str, ==, "12,0,1;2,1,0;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_CONTRACTS);
  g_assert_cmpuint (cm_query_model_find (f->model, cm_entity_get_id (CM_ENTITY (added))), ==,
                    N_CONTRACTS - 1);
}

/* Searching returns before the rows are read; they come from the thread. */
static void
test_search (Fixture *f, gconstpointer data)
{
  static const char * const typed[] = { "CARE", "ëlan", "C-1", "nothing like it", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *expected = expected_matches (f, typed[i]);
      g_autofree char *listed = NULL;

      cm_query_model_set_search (f->model, typed[i]);
      g_assert_true (cm_query_model_is_busy (f->model) || *typed[i] == '\0');
      wait_for_query (f->model);
      listed = references (G_LIST_MODEL (f->model));
      g_assert_cmpstr (listed, ==, expected);
    }
}

/* A newer search cancels the one in flight, whose rows never show. */
static void
test_stale_search_dropped (Fixture *f, gconstpointer data)
{
  g_autofree char *expected = expected_matches (f, "touchstone");
  g_autofree char *listed = NULL;

  cm_query_model_set_search (f->model, "a");
  cm_query_model_set_search (f->model, "touchstone");
  wait_for_query (f->model);
  listed = references (G_LIST_MODEL (f->model));
  g_assert_cmpstr (listed, ==, expected);
  /* Only the newer search's rows were announced: ten of the twelve rows
   * replaced by six, the last two (C-11, C-12) kept. */
  g_assert_cmpstr (f->announced->str, ==, "0,10,0;0,0,6;");
}

static int
compare_titles (gconstpointer a, gconstpointer b)
{
  g_autofree char *x = g_utf8_casefold (cm_contract_get_title (*(CmContract **) a), -1);
  g_autofree char *y = g_utf8_casefold (cm_contract_get_title (*(CmContract **) b), -1);

  return strcmp (x, y);
}

static void
test_sort (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new (); /* borrowed from f->contracts */
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *listed = NULL;
  g_autoptr(CmContract) last = NULL;

  for (guint i = 0; i < f->contracts->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (f->contracts, i));
  g_ptr_array_sort (sorted, compare_titles);
  for (guint i = sorted->len; i > 0; i--)
    g_string_append_printf (expected, "%s%s", expected->len ? " " : "",
                            cm_contract_get_reference (g_ptr_array_index (sorted, i - 1)));
  cm_query_model_set_sort (f->model, "title", TRUE);
  wait_for_query (f->model);
  listed = references (G_LIST_MODEL (f->model));
  g_assert_cmpstr (listed, ==, expected->str);
  /* Finding a record no longer relies on the ids ascending. */
  last = g_list_model_get_item (G_LIST_MODEL (f->model), N_CONTRACTS - 1);
  g_assert_cmpuint (cm_query_model_find (f->model, cm_entity_get_id (CM_ENTITY (last))), ==,
                    N_CONTRACTS - 1);
}

/* A record added while a search is shown joins at once when it matches,
 * so a page can select what it has just saved. */
static void
test_added_while_searching (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) matching = new_contract (f, "C-13", "Night care", 0);
  g_autoptr(CmContract) other = new_contract (f, "C-14", "Advice line", 1);
  g_autofree char *listed = NULL;
  g_autofree char *expected = NULL;

  cm_query_model_set_search (f->model, "touchstone");
  wait_for_query (f->model);
  cm_test_save (f->store, matching);
  cm_test_save (f->store, other);
  g_assert_cmpuint (cm_query_model_find (f->model, cm_entity_get_id (CM_ENTITY (matching))), !=,
                    G_MAXUINT);
  g_assert_cmpuint (cm_query_model_find (f->model, cm_entity_get_id (CM_ENTITY (other))), ==,
                    G_MAXUINT);
  wait_for_query (f->model);
  listed = references (G_LIST_MODEL (f->model));
  expected = expected_matches (f, "touchstone");
  g_assert_cmpstr (listed, ==, expected);
}

/* Renaming a provider changes the derived values of the contracts held,
 * and a search on the new name finds them. */
static void
test_source_renamed (Fixture *f, gconstpointer data)
{
  g_autoptr(CmContract) held = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_autofree char *listed = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (cm_contract_get_provider_name (held), ==, "Ëlan Homes");
  g_object_set (f->providers[1], "name", "Riverside Homes", NULL);
  cm_test_save (f->store, f->providers[1]);
  g_assert_cmpstr (cm_contract_get_provider_name (held), ==, "Riverside Homes");
  cm_query_model_set_search (f->model, "riverside");
  wait_for_query (f->model);
  listed = references (G_LIST_MODEL (f->model));
  expected = expected_matches (f, "riverside");
  g_assert_cmpstr (listed, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/query-model/reads-rows-shown", Fixture, NULL, fixture_set_up,
              test_reads_rows_shown, fixture_tear_down);
  g_test_add ("/query-model/saved-in-place", Fixture, NULL, fixture_set_up,
              test_saved_in_place, fixture_tear_down);
  g_test_add ("/query-model/added-and-deleted", Fixture, NULL, fixture_set_up,
              test_added_and_deleted, fixture_tear_down);
  g_test_add ("/query-model/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/query-model/stale-search-dropped", Fixture, NULL, fixture_set_up,
              test_stale_search_dropped, fixture_tear_down);
  g_test_add ("/query-model/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/query-model/added-while-searching", Fixture, NULL, fixture_set_up,
              test_added_while_searching, fixture_tear_down);
  g_test_add ("/query-model/source-renamed", Fixture, NULL, fixture_set_up,
              test_source_renamed, fixture_tear_down);
  return g_test_run ();
}
