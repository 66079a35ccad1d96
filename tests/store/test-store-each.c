/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-each.c: walking a record type row by row gives what its list holds */
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-demo.h"
#include "cm-provider.h"
#include "cm-risk.h"
#include "cm-service.h"
#include "cm-test-util.h"

typedef struct {
  GListModel *list;    /* the same records, loaded as a list */
  guint seen;
  guint stop_after;    /* 0: never stop */
} Walk;

/* Every stored and derived property of @record is as the list has it,
 * but the search text, which a walk leaves empty. */
static gboolean
same_as_listed (CmEntity *record, gpointer user_data)
{
  Walk *walk = user_data;
  g_autoptr(CmEntity) listed = g_list_model_get_item (walk->list, walk->seen);
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_assert_nonnull (listed);
  g_assert_cmpint (cm_entity_get_id (record), ==, cm_entity_get_id (listed));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *walked = cm_entity_property_text (record, pspecs[i]->name);
      g_autofree char *loaded = cm_entity_property_text (listed, pspecs[i]->name);

      if (g_str_equal (pspecs[i]->name, "search-text"))
        g_assert_true (walked == NULL || *walked == '\0');
      else
        g_assert_cmpstr (walked, ==, loaded);
    }
  walk->seen++;
  return walk->stop_after == 0 || walk->seen < walk->stop_after;
}

static const struct {
  const char *name;
  GType (*type) (void);
} record_types[] = {
  { "contracts", cm_contract_get_type },
  { "services", cm_service_get_type },
  { "providers", cm_provider_get_type },
  { "risks", cm_risk_get_type },
};

static void
test_each_gives_the_listed_records (void)
{
  g_autofree char *portfolio = cm_test_portfolio_path ("each.commissioner");
  g_autoptr(GDate) today = cm_test_today ();

  g_unlink (portfolio);
  g_assert_true (cm_demo_create (portfolio, today, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      g_autoptr(GError) error = NULL;
      /* Walked first, in a store whose lists are not loaded yet. */
      g_autoptr(CmStore) store = cm_store_open (portfolio, CM_STORE_OPEN_READ_ONLY, &error);
      Walk walk = { NULL, 0, 0 };
      guint count = G_MAXUINT;
      g_autoptr(CmStore) other = cm_store_open (portfolio, CM_STORE_OPEN_READ_ONLY, &error);

      g_test_message ("%s", record_types[i].name);
      g_assert_no_error (error);
      walk.list = cm_store_list (other, record_types[i].type ());
      g_assert_true (cm_store_each (store, record_types[i].type (), same_as_listed, &walk,
                                    &error));
      g_assert_no_error (error);
      g_assert_cmpuint (walk.seen, >, 0);
      g_assert_cmpuint (walk.seen, ==, g_list_model_get_n_items (walk.list));
      /* Counted without reading them, as the Overview counts them. */
      g_assert_true (cm_store_count (store, record_types[i].type (), &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, walk.seen);
    }
  g_unlink (portfolio);
}

static void
test_each_stops_when_asked (void)
{
  g_autofree char *portfolio = cm_test_portfolio_path ("each-stop.commissioner");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Walk walk = { NULL, 0, 3 };

  g_unlink (portfolio);
  g_assert_true (cm_demo_create (portfolio, today, NULL));
  store = cm_store_open (portfolio, CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  walk.list = cm_store_list (store, CM_TYPE_CONTRACT);
  g_assert_cmpuint (g_list_model_get_n_items (walk.list), >, 3);
  g_assert_true (cm_store_each (store, CM_TYPE_CONTRACT, same_as_listed, &walk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (walk.seen, ==, 3);
  g_unlink (portfolio);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-each/gives-the-listed-records", test_each_gives_the_listed_records);
  g_test_add_func ("/store-each/stops-when-asked", test_each_stops_when_asked);
  return g_test_run ();
}
