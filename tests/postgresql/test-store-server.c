/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-server.c: the store on a portfolio in a PostgreSQL database
 *
 * Opens an empty database on a throwaway cluster (cm_test_pg_uri, run
 * through on-server.py), which the store migrates;
 * then what a server's portfolio does differently from a file: the role
 * signed in is the actor, another connection's commit is noticed through
 * the trail, a change is audited and its trail verifies, and a save the
 * server refuses inside a transaction leaves that transaction usable, as
 * does a copy asked for then.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-audit-query.h"
#include "cm-backup.h"
#include "cm-contract.h"
#include "cm-db-pg.h"
#include "cm-organisation.h"
#include "cm-store.h"
#include "cm-test-util.h"

static CmStore *
open_store (CmStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  CmStore *store = cm_store_open (cm_test_pg_uri (), flags, &error);

  g_assert_no_error (error);
  return store;
}

/* Runs @sql on a connection of its own, as another program would. */
static void
run_elsewhere (const char *sql)
{
  g_autoptr(GError) error = NULL;
  CmDb *db = cm_db_pg_connect (cm_test_pg_uri (), &error);

  g_assert_no_error (error);
  g_assert_true (cm_db_exec (db, sql));
  cm_db_close (db);
}

static void
test_migrated (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  g_autoptr(CmStore) again = open_store (CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY);
  guint count = 1;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_store_latest_schema_version ());
  g_assert_cmpstr (cm_store_get_path (store), ==, cm_test_pg_uri ());
  g_assert_false (cm_store_is_on_network (store));
  g_assert_true (cm_store_count (store, CM_TYPE_CONTRACT, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (cm_store_is_read_only (again));
  g_assert_cmpint (cm_store_get_schema_version (again), ==, cm_store_latest_schema_version ());
}

/* The trail's actor is the role, whatever name the person gives. */
static void
test_actor_is_role (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);

  g_assert_cmpstr (cm_store_get_actor (store), ==, g_get_user_name ());
  cm_store_set_actor (store, "Jane Smith");
  g_assert_cmpstr (cm_store_get_actor (store), ==, g_get_user_name ());
  g_assert_cmpstr (cm_store_get_display_name (store), ==, "Jane Smith");
}

static void
test_another_commit_noticed (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  g_autoptr(GListModel) contracts = cm_store_list_all (store, CM_TYPE_CONTRACT);
  guint n = g_list_model_get_n_items (contracts);

  g_assert_false (cm_store_reload_if_changed (store));
  run_elsewhere ("BEGIN;"
                 " INSERT INTO organisation (id, name, kind) VALUES (901, 'Council', 'council');"
                 " INSERT INTO service (id, name, area, client_group, lead_commissioner_id)"
                 "  VALUES (901, 'Home care', 'adults', 'older-people', 901);"
                 " INSERT INTO provider (id, name, sector) VALUES (901, 'Acme', 'private');"
                 " INSERT INTO contract (id, reference, title, service_id, provider_id,"
                 "  contract_type, route) VALUES (901, 'SRV-901', 'Home care', 901, 901,"
                 "  'block', 'open');"
                 " INSERT INTO audit (id, at, actor, entity, entity_id, field, new_value,"
                 "  prev_hash, hash) SELECT coalesce (max (id), 0) + 1, '2026-11-22T10:00:00Z',"
                 "  session_user, 'contract', 901, 'title', 'Home care', '', '' FROM audit;"
                 " COMMIT");
  g_assert_true (cm_store_reload_if_changed (store));
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, n + 1);
  g_assert_false (cm_store_reload_if_changed (store));
}

/* A connection the server drops: the save says so, naming the portfolio,
 * and says the change may not have been made. */
static void
test_connection_lost (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;

  run_elsewhere ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                 " WHERE application_name = 'commissioner' AND pid <> pg_backend_pid ()");
  g_assert_false (cm_store_set_meta (store, "name", "After the network went", &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "connection to"));
  g_assert_nonnull (strstr (error->message, "may not have been saved"));
}

/* How many rows of @store's trail @filter lets through. */
static guint
audit_rows_matching (CmStore *store, const CmAuditFilter *filter)
{
  g_autoptr(GError) error = NULL;
  CmAuditVerdict vouched = { CM_AUDIT_VERIFIED };
  g_autoptr(CmAuditModel) model = cm_audit_model_new (store, filter, &vouched, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* A change is audited on a server as in a file, as the role, and the
 * trail verifies: its baseline, chain and records. */
static void
test_changes_audited (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 checked = 0, bad = 0;

  g_assert_true (cm_store_set_meta (store, "name", "Team portfolio", &error));
  g_assert_no_error (error);
  name = cm_store_get_meta (store, "name");
  g_assert_cmpstr (name, ==, "Team portfolio");
  g_assert_true (cm_store_verify_audit (store, &checked, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (checked, >, 1);
  g_assert_cmpint (bad, ==, 0);
}

/* PostgreSQL gives up a transaction at its first failed statement: a
 * save the database refuses is undone to its own savepoint, and the
 * transaction around it goes on and commits, audited. */
static void
test_refused_save_inside_transaction (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  CmOrganisationKind kind = CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE;
  g_autoptr(CmOrganisation) first = cm_organisation_new ("Public Health", kind);
  g_autoptr(CmOrganisation) twin = cm_organisation_new ("Public Health", kind);
  g_autoptr(CmOrganisation) other = cm_organisation_new ("Housing", kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  gint64 checked = 0, bad = 0;

  g_assert_true (cm_store_begin (store, &error));
  g_assert_true (cm_store_save (store, CM_ENTITY (first), &error));
  g_assert_no_error (error);
  g_assert_false (cm_store_save (store, CM_ENTITY (twin), &refused));
  g_assert_error (refused, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
  g_assert_true (cm_store_save (store, CM_ENTITY (other), &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (twin)), ==, 0);
  g_assert_true (cm_store_verify_audit (store, &checked, &bad, &error));
  g_assert_no_error (error);
}

/* A copy asked for while a change is being written is refused, as it
 * would end the store's transaction; the change goes on and commits. */
static void
test_copy_refused_inside_transaction (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  CmOrganisationKind kind = CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE;
  g_autoptr(CmOrganisation) kept = cm_organisation_new ("Adult Social Care", kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-store-server-XXXXXX", &error);
  g_autofree char *copy = g_build_filename (folder, "copy.cmportfolio", NULL);
  guint before = 0, after = 0;

  g_assert_no_error (error);
  g_assert_true (cm_store_count (store, CM_TYPE_ORGANISATION, &before, NULL));
  g_assert_true (cm_store_begin (store, &error));
  g_assert_true (cm_store_save (store, CM_ENTITY (kept), &error));
  g_assert_no_error (error);
  g_assert_false (cm_backup_copy (store, copy, &refused));
  g_assert_error (refused, CM_BACKUP_ERROR, CM_BACKUP_ERROR_FAILED);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (cm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_count (store, CM_TYPE_ORGANISATION, &after, NULL));
  g_assert_cmpuint (after, ==, before + 1);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* The audit view's filters in the server's SQL: words in any case, and
 * a list of rows bound as one value. */
static void
test_audit_filters (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_DEFAULT);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  CmAuditFilter search = { .step = CM_AUDIT_STEP_ANY, .search = "team PORTFOLIO" };
  CmAuditFilter listed = { .step = CM_AUDIT_STEP_ANY, .rows = rows };

  g_array_append_vals (rows, (gint64[]) { 1, 2, 999999 }, 3);
  g_assert_cmpuint (audit_rows_matching (store, &search), ==, 1);
  g_assert_cmpuint (audit_rows_matching (store, &listed), ==, 2);
}

static void
test_snapshot (void)
{
  g_autoptr(CmStore) store = open_store (CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY);
  g_autoptr(GError) error = NULL;
  guint before = 0, during = 0;

  g_assert_true (cm_store_begin_read (store, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_count (store, CM_TYPE_CONTRACT, &before, NULL));
  run_elsewhere ("INSERT INTO contract (id, reference, title, service_id, provider_id,"
                 " contract_type, route) VALUES (902, 'SRV-902', 'Day care', 901, 901,"
                 " 'block', 'open')");
  g_assert_true (cm_store_count (store, CM_TYPE_CONTRACT, &during, NULL));
  g_assert_cmpuint (during, ==, before);
  cm_store_end_read (store);
  g_assert_true (cm_store_count (store, CM_TYPE_CONTRACT, &during, NULL));
  g_assert_cmpuint (during, ==, before + 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* In this order: the first opening makes the portfolio. */
  g_test_add_func ("/store-server/migrated", test_migrated);
  g_test_add_func ("/store-server/actor-is-role", test_actor_is_role);
  /* Before a commit made by hand leaves the trail unchained. */
  g_test_add_func ("/store-server/changes-audited", test_changes_audited);
  g_test_add_func ("/store-server/audit-filters", test_audit_filters);
  g_test_add_func ("/store-server/refused-save-inside-transaction",
                   test_refused_save_inside_transaction);
  g_test_add_func ("/store-server/copy-refused-inside-transaction",
                   test_copy_refused_inside_transaction);
  g_test_add_func ("/store-server/another-commit-noticed", test_another_commit_noticed);
  g_test_add_func ("/store-server/snapshot", test_snapshot);
  g_test_add_func ("/store-server/connection-lost", test_connection_lost);
  return g_test_run ();
}
