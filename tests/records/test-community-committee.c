/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-community-committee.c: a service's Community Committee saved, read
 * back from the file, changed with an audit row, and named in words */
#include <sqlite3.h>

#include "cm-audit-words.h"
#include "cm-enums.h"
#include "cm-organisation.h"
#include "cm-service.h"
#include "cm-test-util.h"

static CmService *
new_service (CmStore *store, const char *name, CmCommunityCommittee committee)
{
  g_autoptr(CmOrganisation) lead =
    cm_organisation_new (name, CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  CmService *service;

  cm_test_save (store, lead);
  service = g_object_new (CM_TYPE_SERVICE, "name", name, "community-committee", committee,
                          "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (lead)), NULL);
  cm_test_save (store, service);
  return service;
}

static char *
stored (const char *path, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT community_committee FROM service"
                                          " WHERE id = %" G_GINT64_FORMAT, id);

  return cm_test_query_text (path, sql);
}

static gint64
audit_rows (const char *path, gint64 id, const char *old_value, const char *new_value)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM audit WHERE entity = 'service' AND entity_id = %" G_GINT64_FORMAT
    " AND field = 'community_committee' AND coalesce(old_value, '') = '%s'"
    " AND new_value = '%s'", id, old_value, new_value);

  return cm_test_query_int (path, sql);
}

static void
test_saved_and_read_back (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("committee.commissioner", &path);
  g_autoptr(CmService) east = new_service (store, "Inner East lunch clubs",
                                           CM_COMMUNITY_COMMITTEE_INNER_EAST);
  g_autoptr(CmService) city = new_service (store, "City-wide advocacy",
                                           CM_COMMUNITY_COMMITTEE_NONE);
  gint64 east_id = cm_entity_get_id (CM_ENTITY (east));
  gint64 city_id = cm_entity_get_id (CM_ENTITY (city));
  g_autofree char *east_text = stored (path, east_id);
  g_autofree char *city_text = stored (path, city_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) loaded = NULL;

  /* Stable keys in the file, whatever the labels are translated to. */
  g_assert_cmpstr (east_text, ==, "inner-east");
  g_assert_cmpstr (city_text, ==, "none");
  g_clear_object (&store);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  loaded = cm_store_load (store, CM_TYPE_SERVICE, east_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_get_community_committee (CM_SERVICE (loaded)), ==,
                   CM_COMMUNITY_COMMITTEE_INNER_EAST);
  g_assert_cmpint (audit_rows (path, east_id, "", "inner-east"), ==, 1);
}

static void
test_change_is_audited (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("committee-change.commissioner", &path);
  g_autoptr(CmService) service = new_service (store, "Men's health",
                                              CM_COMMUNITY_COMMITTEE_INNER_SOUTH);
  gint64 id = cm_entity_get_id (CM_ENTITY (service));
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *label = cm_audit_field_label ("service", "community_committee");
  g_autoptr(CmAuditWords) words = cm_audit_words_new (store);
  g_autofree char *value = cm_audit_words_value (words, "service", "community_committee",
                                                 "outer-north-west");

  g_object_set (service, "community-committee", CM_COMMUNITY_COMMITTEE_OUTER_NORTH_WEST, NULL);
  cm_test_save (store, service);
  now = stored (path, id);
  g_assert_cmpstr (now, ==, "outer-north-west");
  g_assert_cmpint (audit_rows (path, id, "inner-south", "outer-north-west"), ==, 1);

  /* Back to none, as a service that becomes city-wide. */
  g_object_set (service, "community-committee", CM_COMMUNITY_COMMITTEE_NONE, NULL);
  cm_test_save (store, service);
  g_assert_cmpint (audit_rows (path, id, "outer-north-west", "none"), ==, 1);

  /* The trail names the field and the value in words, and still verifies. */
  g_assert_cmpstr (label, ==, "Community Committee");
  g_assert_cmpstr (value, ==, "Outer North West");
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A portfolio made before the field opens with every service city-wide,
 * and the trail records the value each one was given. */
static void
test_older_portfolio_migrates (void)
{
  g_autofree char *path = cm_test_temp_path ("committee-old.commissioner");
  sqlite3 *db = cm_test_create_old_portfolio (path, 20);
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) service = NULL;

  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO organisation VALUES (1, 'Leeds City Council', 'council-directorate', NULL, '');"
    "INSERT INTO service (id, name, area, client_group, lead_commissioner_id, stage, cycle)"
    "  VALUES (7, 'Lunch clubs', 'prevention', 'older-people', 1, 'do', 1);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_get_schema_version (store), >=, 21);
  service = cm_store_load (store, CM_TYPE_SERVICE, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_get_community_committee (CM_SERVICE (service)), ==,
                   CM_COMMUNITY_COMMITTEE_NONE);
  g_assert_cmpint (audit_rows (path, 7, "", "none"), ==, 1);
}

/* Leeds' ten, each with its own key and label, and "none" first. */
static void
test_the_ten_committees (void)
{
  static const char *const names[] = {
    "Inner East", "Inner North East", "Inner North West", "Inner South", "Inner West",
    "Outer East", "Outer North East", "Outer North West", "Outer South", "Outer West",
  };
  g_autoptr(GHashTable) nicks = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (cm_enum_count (CM_TYPE_COMMUNITY_COMMITTEE), ==, 11);
  g_assert_cmpstr (cm_enum_to_nick (CM_TYPE_COMMUNITY_COMMITTEE, CM_COMMUNITY_COMMITTEE_NONE),
                   ==, "none");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *nick = cm_enum_to_nick (CM_TYPE_COMMUNITY_COMMITTEE, i + 1);

      g_assert_cmpstr (cm_enum_to_label (CM_TYPE_COMMUNITY_COMMITTEE, i + 1), ==, names[i]);
      g_assert_nonnull (nick);
      g_assert_false (g_hash_table_contains (nicks, nick));
      g_hash_table_add (nicks, (gpointer) nick);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/community-committee/saved-and-read-back", test_saved_and_read_back);
  g_test_add_func ("/community-committee/change-is-audited", test_change_is_audited);
  g_test_add_func ("/community-committee/older-portfolio", test_older_portfolio_migrates);
  g_test_add_func ("/community-committee/the-ten", test_the_ten_committees);
  return g_test_run ();
}
