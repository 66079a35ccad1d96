/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-rendered.c: a new record rendered ahead of its insertion is
 * written exactly as one inserted straight, through real portfolio files. */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-funding-source.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

/* What a case's contract holds besides the ids it names. */
typedef struct {
  const char *reference;
  const char *title;
  const char *term;
} Case;

static const Case cases[] = {
  { "R-1", "Home care", "3+1+1" },
  { "R-2", "", "" },
  { "", "", "" },                        /* nothing before the ids */
  { "R-4", "Quote \" and\nline", "6 months" },
};

static CmContract *
case_contract (const Case *c)
{
  CmContract *contract = cm_contract_new (c->reference, c->title);

  g_object_set (contract, "term", c->term, "annual-value", (gint64) 1200000,
                "start-date", "2026-04-01", NULL);
  return contract;
}

static void
name_ids (CmContract *contract, gint64 service_id, gint64 provider_id)
{
  g_object_set (contract, "service-id", service_id, "provider-id", provider_id, NULL);
}

/* @entity inserted, rendered ahead of naming @lead as its lead
 * commissioner or not; @lead 0 names none, and its id is left out. */
static void
insert_service (CmStore *store, CmRenderedRecord *record, gboolean rendered, gint64 lead)
{
  g_autoptr(CmService) service = cm_service_new ("Respite");
  g_autoptr(GError) error = NULL;

  if (rendered)
    cm_store_render_new_record (CM_ENTITY (service), record);
  g_object_set (service, "lead-commissioner-id", lead, NULL);
  g_assert_true (rendered ? cm_store_insert_rendered (store, CM_ENTITY (service), record, &error)
                          : cm_store_insert_validated (store, CM_ENTITY (service), &error));
  g_assert_no_error (error);
}

/* A funding source, whose table has no layout, so written as an object
 * that begins with the ids it names, rendered ahead or not. */
static void
insert_funding (CmStore *store, CmRenderedRecord *record, gboolean rendered, gint64 service,
                gint64 funder)
{
  g_autoptr(CmFundingSource) funding = cm_funding_source_new (0, 0, "Better Care Fund", 120000);
  g_autoptr(GError) error = NULL;

  if (rendered)
    cm_store_render_new_record (CM_ENTITY (funding), record);
  g_object_set (funding, "service-id", service, "organisation-id", funder, NULL);
  g_assert_true (rendered ? cm_store_insert_rendered (store, CM_ENTITY (funding), record, &error)
                          : cm_store_insert_validated (store, CM_ENTITY (funding), &error));
  g_assert_no_error (error);
}

/* Every case inserted into a new portfolio, rendered ahead or not; its
 * audit values as a dump. */
static char *
write_cases (const char *name, gboolean rendered)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new (name, &path);
  g_autoptr(CmProvider) provider = cm_provider_new ("Care Ltd", CM_SECTOR_INDEPENDENT);
  g_autoptr(CmService) service = cm_service_new ("Home support");
  g_autoptr(CmOrganisation) council = cm_organisation_new ("Council", 0);
  CmRenderedRecord *record = cm_rendered_record_new ();
  g_autoptr(GError) error = NULL;
  char *dump;

  cm_test_save (store, provider);
  cm_test_save (store, council);
  g_object_set (service, "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (council)), NULL);
  cm_test_save (store, service);
  g_assert_true (cm_store_begin (store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract = case_contract (&cases[i]);
      gint64 service_id = cm_entity_get_id (CM_ENTITY (service));
      gint64 provider_id = cm_entity_get_id (CM_ENTITY (provider));

      if (rendered)
        {
          /* Rendered before the ids are known, as an import does. */
          cm_store_render_new_record (CM_ENTITY (contract), record);
          name_ids (contract, service_id, provider_id);
          g_assert_true (cm_store_insert_rendered (store, CM_ENTITY (contract), record, &error));
        }
      else
        {
          name_ids (contract, service_id, provider_id);
          g_assert_true (cm_store_insert_validated (store, CM_ENTITY (contract), &error));
        }
      g_assert_no_error (error);
    }
  insert_service (store, record, rendered, cm_entity_get_id (CM_ENTITY (council)));
  insert_service (store, record, rendered, 0);
  insert_funding (store, record, rendered, cm_entity_get_id (CM_ENTITY (service)),
                  cm_entity_get_id (CM_ENTITY (council)));
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  cm_rendered_record_free (record);
  g_clear_object (&store);
  dump = cm_test_query_dump (path, "SELECT entity, entity_id, field, new_value FROM audit"
                                   " WHERE field = '*' ORDER BY id");
  g_unlink (path);
  return dump;
}

static void
test_same_as_straight (void)
{
  g_autofree char *straight = write_cases ("rendered-straight.commissioner", FALSE);
  g_autofree char *rendered = write_cases ("rendered-ahead.commissioner", TRUE);

  /* Contracts and services are lists of values in their layouts, with
   * their ids, blanks as null; a table without a layout keeps objects. */
  g_test_message ("%s", straight);
  g_assert_nonnull (strstr (straight, "contract|1|*|[1,\"R-1\",\"Home care\",\"1\",\"1\","
                                      "\"contract\","));
  g_assert_nonnull (strstr (straight, "contract|3|*|[1,null,null,\"1\",\"1\","));
  g_assert_nonnull (strstr (straight, "service|2|*|[1,\"Respite\",\"prevention\",\"adults\","
                                      "\"1\","));
  g_assert_nonnull (strstr (straight, "service|3|*|[1,\"Respite\",\"prevention\",\"adults\","
                                      "null,"));
  g_assert_nonnull (strstr (straight, "funding_source|1|*|{\"service_id\":\"1\","
                                      "\"organisation_id\":\"1\",\"description\":"));
  g_assert_cmpstr (rendered, ==, straight);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-rendered/same-as-straight", test_same_as_straight);
  return g_test_run ();
}
