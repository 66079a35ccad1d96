/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-rendered.c: a new record rendered ahead of its insertion is
 * written exactly as one inserted straight, through real portfolio files. */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-enums.h"
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

/* ---- a record with a column its table's layout lacks ------------------ */

/* A provider as a later schema might have it: one more column, an id,
 * that layout 1 does not list. */
typedef struct {
  CmEntity parent_instance;
} WideProvider;

typedef struct {
  CmEntityClass parent_class;
} WideProviderClass;

G_DEFINE_TYPE (WideProvider, wide_provider, CM_TYPE_ENTITY)

static void
wide_provider_class_init (WideProviderClass *klass)
{
  static GParamSpec *pspecs[11];
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
  guint n = 1;

  pspecs[n++] = g_param_spec_string ("name", NULL, NULL, "", rw);
  pspecs[n++] = g_param_spec_enum ("sector", NULL, NULL, CM_TYPE_SECTOR, CM_SECTOR_INDEPENDENT, rw);
  pspecs[n++] = g_param_spec_string ("charity-number", NULL, NULL, "", rw);
  pspecs[n++] = g_param_spec_string ("company-number", NULL, NULL, "", rw);
  pspecs[n++] = g_param_spec_boolean ("is-sme", NULL, NULL, FALSE, rw);
  pspecs[n++] = g_param_spec_boolean ("is-vcse", NULL, NULL, FALSE, rw);
  pspecs[n++] = g_param_spec_int64 ("annual-income", NULL, NULL, 0, G_MAXINT64, 0, rw);
  pspecs[n++] = g_param_spec_string ("sector-as-written", NULL, NULL, "", rw);
  pspecs[n++] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  cm_entity_class_install (CM_ENTITY_CLASS (klass), "provider", pspecs, n, NULL);
}

static void
wide_provider_init (WideProvider *self)
{
}

/* Two wide providers inserted, rendered ahead or not, the second naming
 * a parent only after it was rendered; their audit values as a dump. */
static char *
write_wide (const char *name, gboolean rendered)
{
  g_autofree char *path = cm_test_portfolio_path (name);
  CmRenderedRecord *record = cm_rendered_record_new ();
  g_autoptr(GError) error = NULL;
  char *dump;

  g_object_unref (cm_test_open_new (name, NULL));
  cm_test_run_sql (path, "ALTER TABLE provider ADD COLUMN parent_id INTEGER");
  {
    g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);

    g_assert_no_error (error);
    g_assert_true (cm_store_begin (store, &error));
    for (gint64 parent = 0; parent <= 1; parent++)
      {
        g_autoptr(CmEntity) wide = g_object_new (wide_provider_get_type (), "name", "Wide",
                                                 "annual-income", (gint64) 700, NULL);

        if (rendered)
          cm_store_render_new_record (wide, record);
        g_object_set (wide, "parent-id", parent, NULL);
        g_assert_true (rendered ? cm_store_insert_rendered (store, wide, record, &error)
                                : cm_store_insert_validated (store, wide, &error));
        g_assert_no_error (error);
      }
    g_assert_true (cm_store_commit (store, &error));
    g_assert_no_error (error);
  }
  cm_rendered_record_free (record);
  dump = cm_test_query_dump (path, "SELECT entity_id, new_value FROM audit"
                                   " WHERE field = '*' ORDER BY id");
  g_unlink (path);
  return dump;
}

/* A record with no value outside its table's layout is a list; one with
 * a value there is an object with that value named, even when the value
 * is an id given only after the record was rendered as a list. */
static void
test_outside_layout_is_object (void)
{
  g_autofree char *straight = write_wide ("wide-straight.commissioner", FALSE);
  g_autofree char *rendered = write_wide ("wide-ahead.commissioner", TRUE);

  g_test_message ("%s", straight);
  g_assert_cmpstr (straight, ==, "1|[1,\"Wide\",\"independent\",null,null,\"false\",\"false\","
                                 "\"700\",null]\n"
                                 "2|{\"name\":\"Wide\",\"sector\":\"independent\",\"is_sme\":"
                                 "\"false\",\"is_vcse\":\"false\",\"annual_income\":\"700\","
                                 "\"parent_id\":\"1\"}\n");
  g_assert_cmpstr (rendered, ==, straight);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-rendered/same-as-straight", test_same_as_straight);
  g_test_add_func ("/store-rendered/outside-layout", test_outside_layout_is_object);
  return g_test_run ();
}
