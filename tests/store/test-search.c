/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-search.c: the one search finds what walking every list finds
 *
 * Each case searches the demo portfolio and compares the hits, kind by
 * kind, with the records whose names or references contain the text
 * when every list is walked in C, capped at the same limit.
 */
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-decommission.h"
#include "cm-demo.h"
#include "cm-eia.h"
#include "cm-provider.h"
#include "cm-search.h"
#include "cm-service.h"
#include "cm-test-util.h"

/* What each kind is found by, as the search documents it. */
static const struct {
  GType (*type) (void);
  const char *properties[2];
} searched[] = {
  { cm_service_get_type, { "name", NULL } },
  { cm_contract_get_type, { "reference", "title" } },
  { cm_provider_get_type, { "name", NULL } },
  { cm_eia_get_type, { "service-name", "proposal" } },
  { cm_decommission_get_type, { "service-name", "reason" } },
};

static gboolean
contains_ignoring_case (const char *text, const char *needle)
{
  g_autofree char *haystack = g_ascii_strdown (text ? text : "", -1);
  g_autofree char *lower = g_ascii_strdown (needle, -1);

  return strstr (haystack, lower) != NULL;
}

/* "kind:id kind:id ..." of the records a walk of the lists finds. */
static char *
walked (CmStore *store, const char *text, guint limit)
{
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (searched); k++)
    {
      GListModel *list = cm_store_list (store, searched[k].type ());
      guint n = 0;

      for (guint i = 0; i < g_list_model_get_n_items (list) && n < limit; i++)
        {
          g_autoptr(CmEntity) record = g_list_model_get_item (list, i);
          gboolean match = FALSE;

          for (guint p = 0; p < 2 && searched[k].properties[p]; p++)
            {
              g_autofree char *value = cm_entity_property_text (record,
                                                                searched[k].properties[p]);
              match = match || contains_ignoring_case (value, text);
            }
          if (!match)
            continue;
          g_string_append_printf (found, "%s:%" G_GINT64_FORMAT " ",
                                  g_type_name (searched[k].type ()), cm_entity_get_id (record));
          n++;
        }
    }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

static char *
searched_for (CmStore *store, const char *text, guint limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cm_search (store, text, limit, &error);
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CmSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_nonnull (hit->title);
      g_string_append_printf (found, "%s:%" G_GINT64_FORMAT " ", g_type_name (hit->type),
                              hit->id);
    }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

static const struct {
  const char *text;
  guint limit;
  gboolean finds;        /* whether the demo holds a match at all */
} cases[] = {
  { "care", 50, TRUE },     /* services, contracts, providers and more */
  { "CARE", 50, TRUE },     /* case does not matter */
  { "care", 2, TRUE },      /* at most two of each kind */
  { "PH-00", 500, TRUE },   /* contract references */
  { "vulnerable", 50, TRUE }, /* a service and its decommission */
  { "  care  ", 50, TRUE }, /* spaces around the text are not searched for */
  { "%", 50, FALSE },       /* LIKE's wildcards are taken literally */
  { "_", 50, FALSE },
  { "zzqx no such thing", 50, FALSE },
  { "", 50, FALSE },        /* blank finds nothing */
};

static void
test_search_matches_walk (void)
{
  g_autofree char *path = cm_test_temp_path ("search.commissioner");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, &error));
  g_assert_no_error (error);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (cases[c].text));
      g_autofree char *expected = *trimmed ? walked (store, trimmed, cases[c].limit)
                                           : g_strdup ("");
      g_autofree char *found = searched_for (store, cases[c].text, cases[c].limit);

      g_test_message ("“%s”, at most %u: %s", cases[c].text, cases[c].limit, found);
      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpint (*found != '\0', ==, cases[c].finds);
    }
  g_clear_object (&store);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/matches-walk", test_search_matches_walk);
  return g_test_run ();
}
