/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-query-server.c: a list of a server's portfolio, searched and sorted
 *
 * The list reads a search or sort on a connection of its own: for a
 * portfolio in a PostgreSQL database (cm_test_pg_uri: on-server.py starts
 * a throwaway cluster), that is another connection to the same database.
 */
#include "cm-db-pg.h"
#include "cm-provider.h"
#include "cm-query-model.h"
#include "cm-store.h"
#include "cm-test-util.h"

/* Providers written as another program would: the store does not write
 * to a server's portfolio yet. */
static void
add_providers (void)
{
  g_autoptr(GError) error = NULL;
  CmDb *db = cm_db_pg_connect (cm_test_pg_uri (), &error);

  g_assert_no_error (error);
  g_assert_true (cm_db_exec (db, "INSERT INTO provider (id, name, sector) VALUES"
                                 " (1, 'Touchstone', 'third-sector'),"
                                 " (2, 'Riverside Care', 'independent'),"
                                 " (3, 'Touchwood Homes', 'independent')"));
  cm_db_close (db);
}

static void
wait_for_query (CmQueryModel *model)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (cm_query_model_is_busy (model) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cm_query_model_is_busy (model));
}

static gint64
id_at (CmQueryModel *model, guint position)
{
  g_autoptr(CmEntity) entity = g_list_model_get_item (G_LIST_MODEL (model), position);

  return cm_entity_get_id (entity);
}

static void
test_search_and_sort (void)
{
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmQueryModel) model = NULL;

  g_object_unref (cm_test_pg_open ()); /* made a portfolio by opening */
  add_providers ();
  store = cm_test_pg_open ();
  model = cm_query_model_new (store, CM_TYPE_PROVIDER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  cm_query_model_set_search (model, "touch");
  wait_for_query (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpint (id_at (model, 0), ==, 1);
  g_assert_cmpint (id_at (model, 1), ==, 3);

  cm_query_model_set_search (model, NULL);
  cm_query_model_set_sort (model, "name", TRUE);
  wait_for_query (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpint (id_at (model, 0), ==, 3);
  g_assert_cmpint (id_at (model, 1), ==, 1);
  g_assert_cmpint (id_at (model, 2), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/query-server/search-and-sort", test_search_and_sort);
  return g_test_run ();
}
