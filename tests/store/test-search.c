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
#include "cm-enums.h"
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
  g_autofree char *path = cm_test_portfolio_path ("search.commissioner");
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

/* Another service's lead commissioner than @original's. */
static gint64
other_lead (CmStore *store, CmService *original)
{
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  gint64 lead = 0;

  g_object_get (original, "lead-commissioner-id", &lead, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (services, i);
      gint64 other = 0;

      g_object_get (service, "lead-commissioner-id", &other, NULL);
      if (other != 0 && other != lead)
        return other;
    }
  g_assert_not_reached ();
}

/* A copy of @original under the same name, in another stage and cycle
 * with another lead commissioner. */
static CmService *
namesake (CmStore *store, CmService *original)
{
  g_autoptr(CmEntity) copy = cm_entity_copy (CM_ENTITY (original));
  g_autoptr(GError) error = NULL;

  cm_entity_set_id (copy, 0);
  g_object_set (copy, "lead-commissioner-id", other_lead (store, original), "cycle", 3,
                "stage", cm_service_get_stage (original) == CM_STAGE_REVIEW ? CM_STAGE_ANALYSE
                                                                           : CM_STAGE_REVIEW,
                NULL);
  cm_store_save (store, copy, &error);
  g_assert_no_error (error);
  return CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE, cm_entity_get_id (copy)));
}

/* What the search should say tells @service apart. */
static char *
expected_context (CmService *service)
{
  g_autofree char *lead = NULL;
  const char *stage = cm_enum_to_label (CM_TYPE_STAGE, cm_service_get_stage (service));

  g_object_get (service, "lead-commissioner-name", &lead, NULL);
  if (lead == NULL || *lead == '\0')
    return g_strdup_printf ("No lead commissioner · %s, cycle %d", stage,
                            cm_service_get_cycle (service));
  return g_strdup_printf ("Lead commissioner: %s · %s, cycle %d", lead, stage,
                          cm_service_get_cycle (service));
}

/* Two services of one name read apart by their lead commissioner,
 * stage and cycle; a contract by its service, an EIA by its version. */
static void
test_search_tells_namesakes_apart (void)
{
  g_autofree char *path = cm_test_portfolio_path ("namesakes.commissioner");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(CmService) first = NULL;
  CmService *second;
  guint services = 0;

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, &error));
  g_assert_no_error (error);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (cm_store_list (store, CM_TYPE_SERVICE), 0);
  second = namesake (store, first);
  hits = cm_search (store, cm_service_get_name (first), 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CmSearchHit *hit = g_ptr_array_index (hits, i);
      CmEntity *record = cm_store_find (store, hit->type, hit->id);

      g_test_message ("%s: %s · %s", hit->title, hit->detail, hit->context);
      if (hit->type == CM_TYPE_SERVICE && g_str_equal (hit->title, cm_service_get_name (first)))
        {
          g_autofree char *wanted = expected_context (CM_SERVICE (record));

          g_assert_cmpstr (hit->context, ==, wanted);
          services++;
        }
      else if (hit->type == CM_TYPE_EIA)
        {
          g_autofree char *wanted = g_strdup_printf ("Version %d, cycle %d",
                                                     cm_eia_get_version (CM_EIA (record)),
                                                     cm_eia_get_cycle (CM_EIA (record)));

          g_assert_cmpstr (hit->context, ==, wanted);
        }
    }
  g_assert_cmpuint (services, ==, 2);
  g_assert_cmpint (cm_service_get_stage (second), !=, cm_service_get_stage (first));
  g_clear_object (&store);
  g_unlink (path);
}

/* A contract's hit names the service it is for, unless its title does. */
static void
test_search_names_contract_service (void)
{
  g_autofree char *path = cm_test_portfolio_path ("contract-service.commissioner");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  CmService *service;
  g_autofree char *wanted = NULL;
  gboolean named[2] = { FALSE, FALSE };
  gboolean titled_after;

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, &error));
  g_assert_no_error (error);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  hits = cm_search (store, "-00", 500, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CmSearchHit *hit = g_ptr_array_index (hits, i);

      CmEntity *found = cm_store_find (store, hit->type, hit->id);

      if (hit->type != CM_TYPE_CONTRACT)
        continue;
      g_clear_pointer (&wanted, g_free);
      service = CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE,
                                           cm_contract_get_service_id (CM_CONTRACT (found))));
      g_assert_nonnull (service);
      /* Named once when the contract is titled after its service. */
      titled_after = g_str_equal (cm_contract_get_title (CM_CONTRACT (found)),
                                  cm_service_get_name (service));
      wanted = titled_after ? g_strdup ("")
                            : g_strdup_printf ("Service: %s", cm_service_get_name (service));
      g_assert_cmpstr (hit->context, ==, wanted);
      named[titled_after] = TRUE;
    }
  /* The demo has contracts of both kinds. */
  g_assert_true (named[FALSE]);
  g_assert_true (named[TRUE]);
  g_clear_object (&store);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/matches-walk", test_search_matches_walk);
  g_test_add_func ("/search/tells-namesakes-apart", test_search_tells_namesakes_apart);
  g_test_add_func ("/search/names-contract-service", test_search_names_contract_service);
  return g_test_run ();
}
