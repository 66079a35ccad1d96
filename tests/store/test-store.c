/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store.c: opening, creating, migrating and refusing portfolio files */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-organisation.h"
#include "cm-test-util.h"

static void
test_create_sets_schema_and_pragmas (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("create.commissioner", &path);
  g_autofree char *journal = cm_test_query_text (path, "PRAGMA journal_mode");
  g_autoptr(CmContract) orphan = cm_contract_new ("C-1", "No such service");

  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_store_latest_schema_version ());
  g_assert_cmpint (cm_store_latest_schema_version (), >=, 1);
  g_assert_cmpstr (journal, ==, "wal");

  /* Foreign keys are enforced: a contract of a service that does not exist is refused. */
  g_object_set (orphan, "service-id", (gint64) 999, "provider-id", (gint64) 999, NULL);
  g_assert_false (cm_store_save (store, CM_ENTITY (orphan), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT);
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("reopen.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmStore) again = NULL;
  GListModel *orgs;

  g_assert_true (cm_store_save (store, CM_ENTITY (org), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  orgs = cm_store_list (again, CM_TYPE_ORGANISATION);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
  {
    g_autoptr(CmOrganisation) loaded = g_list_model_get_item (orgs, 0);
    g_assert_cmpstr (cm_organisation_get_name (loaded), ==, "Adult Social Care");
  }
}

static void
test_migrates_old_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cm_test_temp_path ("old.commissioner");
  g_autoptr(CmStore) store = NULL;

  /* A file at schema 0: a valid SQLite database with no tables yet. */
  g_unlink (path);
  cm_test_run_sql (path, "CREATE TABLE unrelated (x); DROP TABLE unrelated;");
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_store_latest_schema_version ());
}

static void
test_refuses_newer_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("newer.commissioner", &path);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;",
                                          cm_store_latest_schema_version () + 1);

  g_clear_object (&store);
  cm_test_run_sql (path, sql);
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_NEWER_VERSION);
}

static void
test_refuses_file_that_is_not_sqlite (void)
{
  g_autofree char *path = cm_test_temp_path ("notes.commissioner");

  g_assert_true (g_file_set_contents (path, "Reference,Title\nPH-1,Healthy Living\n", -1, NULL));
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_NOT_PORTFOLIO);
}

static void
test_refuses_corrupt_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("corrupt.commissioner", &path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  gsize length;

  cm_test_run_sql (path, "PRAGMA wal_checkpoint(TRUNCATE);");
  g_clear_object (&store);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;");

  /* Keep the SQLite header but overwrite the schema table on page 1. */
  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_assert_cmpuint (length, >, 4096);
  memset (data + 100, 0xA5, 900);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_CORRUPT);
}

/* Another program's SQLite database is not ours to migrate. */
static void
test_refuses_foreign_database (void)
{
  g_autofree char *path = cm_test_temp_path ("other.sqlite");

  g_unlink (path);
  cm_test_run_sql (path, "CREATE TABLE meta (k, v); INSERT INTO meta VALUES (1, 2);");
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_NOT_PORTFOLIO);
}

/* A database with nothing in it holds no portfolio to read: reading it
 * says so rather than calling it old or damaged. */
static void
test_read_only_refuses_empty_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cm_test_temp_path ("old-read.commissioner");
  g_autoptr(CmStore) store = NULL;

  g_unlink (path);
  cm_test_run_sql (path, "CREATE TABLE unrelated (x); DROP TABLE unrelated;");
  store = cm_store_open (path, CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO);
}

static void
test_missing_file_is_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cm_test_temp_path ("absent.commissioner");
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);

  g_assert_null (store);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Deleting the newest record and adding another must not hand out its id
 * again: the audit rows of an id belong to one record. */
static void
test_ids_are_not_reused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("ids.commissioner", NULL);
  g_autoptr(CmOrganisation) first = cm_organisation_new ("First", CM_ORGANISATION_KIND_PARTNER);
  g_autoptr(CmOrganisation) second = cm_organisation_new ("Second", CM_ORGANISATION_KIND_PARTNER);
  gint64 first_id;

  g_assert_true (cm_store_save (store, CM_ENTITY (first), &error));
  first_id = cm_entity_get_id (CM_ENTITY (first));
  g_assert_true (cm_store_delete (store, CM_ENTITY (first), &error));
  g_assert_true (cm_store_save (store, CM_ENTITY (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (second)), >, first_id);
  g_assert_true (cm_store_restore (store, CM_ENTITY (first), &error));
  g_assert_no_error (error);
}

static void
count (guint *emitted)
{
  (*emitted)++;
}

/* "changed" follows each committed action once, settings included, and
 * never a rolled-back one. */
static void
test_changed_signal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("changed.commissioner", NULL);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Public Health",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmOrganisation) unnamed = cm_organisation_new ("", CM_ORGANISATION_KIND_PARTNER);
  guint emitted = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (count), &emitted);
  g_assert_true (cm_store_save (store, CM_ENTITY (org), &error));
  g_assert_cmpuint (emitted, ==, 1);
  g_assert_true (cm_store_set_meta (store, "due_soon_days", "30", &error));
  g_assert_cmpuint (emitted, ==, 2);
  g_assert_false (cm_store_save (store, CM_ENTITY (unnamed), NULL));
  g_assert_true (cm_store_begin (store, &error));
  g_assert_true (cm_store_delete (store, CM_ENTITY (org), &error));
  cm_store_rollback (store);
  g_assert_no_error (error);
  g_assert_cmpuint (emitted, ==, 2);
}

/* A portfolio that opening made (as a failed first import leaves it) is
 * taken away again: the file removed, the server's database emptied, so
 * that it takes a portfolio again later. One opened again was not made. */
static void
test_discard_new_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("discarded.commissioner", &path);
  g_autoptr(CmStore) again = NULL;
  int refusal = cm_test_on_server () ? CM_STORE_ERROR_NOT_PORTFOLIO : CM_STORE_ERROR_NOT_FOUND;

  g_assert_true (cm_store_made_portfolio (store));
  g_clear_object (&store);
  again = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (cm_store_made_portfolio (again));
  g_clear_object (&again);

  g_assert_true (cm_store_discard_new_portfolio (path, &error));
  g_assert_no_error (error);
  again = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_null (again);
  g_assert_error (error, CM_STORE_ERROR, refusal);
  g_clear_error (&error);
  if (cm_test_on_server ())
    g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM pg_proc p"
                                              " JOIN pg_namespace n ON n.oid = p.pronamespace"
                                              " WHERE n.nspname = current_schema ()"),
                     ==, 0);
  store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cm_store_made_portfolio (store));
}

/* A server's new portfolio that someone saved in meanwhile is kept. */
static void
test_discard_keeps_saved_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);

  if (!cm_test_on_server ())
    {
      g_test_skip ("a file is removed whatever it holds: only a server's database is shared");
      return;
    }
  store = cm_test_open_new ("discard-saved.commissioner", &path);
  cm_test_save (store, org);
  g_clear_object (&store);

  g_assert_false (cm_store_discard_new_portfolio (path, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changes were saved in it meanwhile"));
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cm_test_add_file_func ("/store/create", test_create_sets_schema_and_pragmas);
  g_test_add_func ("/store/reopen", test_reopen_keeps_data);
  cm_test_add_file_func ("/store/migrate", test_migrates_old_file);
  cm_test_add_file_func ("/store/refuse-newer", test_refuses_newer_file);
  cm_test_add_file_func ("/store/refuse-not-sqlite", test_refuses_file_that_is_not_sqlite);
  cm_test_add_file_func ("/store/refuse-corrupt", test_refuses_corrupt_file);
  cm_test_add_file_func ("/store/missing", test_missing_file_is_reported);
  cm_test_add_file_func ("/store/refuse-foreign", test_refuses_foreign_database);
  cm_test_add_file_func ("/store/read-only-empty", test_read_only_refuses_empty_database);
  g_test_add_func ("/store/ids-not-reused", test_ids_are_not_reused);
  g_test_add_func ("/store/changed-signal", test_changed_signal);
  g_test_add_func ("/store/discard-new", test_discard_new_portfolio);
  g_test_add_func ("/store/discard-keeps-saved", test_discard_keeps_saved_changes);
  return g_test_run ();
}
