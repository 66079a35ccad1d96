/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-file.c: what the store makes of a file before it trusts it,
 * and that it never loses SQLite's locks on it */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cm-contract.h"
#include "cm-demo.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-schema.h"
#include "cm-store-file.h"
#include "cm-test-util.h"

static gboolean
exists (const char *path, const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

static gint64
save_organisation (CmStore *store, const char *name)
{
  g_autoptr(CmOrganisation) org = cm_organisation_new (name, CM_ORGANISATION_KIND_PARTNER);

  return cm_test_save (store, org);
}

/* A second store on the same file, in the same process, and another
 * program opening and closing it, must not cost the first store its
 * locks: if they did, the other program would delete the -wal file the
 * first store still writes to, and its later saves would be lost. */
static void
test_writes_survive_other_connections (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) writer = cm_test_open_new ("locks.commissioner", &path);
  g_autoptr(GError) error = NULL;
  CmStore *reader;

  save_organisation (writer, "Before the export");
  reader = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cm_store_list (reader, CM_TYPE_ORGANISATION)),
                    ==, 1);
  g_object_unref (reader);

  cm_test_run_sql (path, "SELECT count(*) FROM organisation;");
  g_assert_true (exists (path, "-wal"));
  save_organisation (writer, "After the export");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation"), ==, 2);
  g_clear_object (&writer);
  /* What a fresh program reads once the window has closed. */
  cm_test_run_sql (path, "SELECT name FROM organisation;");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation"), ==, 2);
}

/* Another program's database is refused untouched, whatever version it
 * claims: not migrated, not switched to WAL. */
static void
test_foreign_database_at_our_versions (void)
{
  int versions[] = { 1, 5, cm_schema_latest_version () };

  for (gsize i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *path = cm_test_temp_path ("foreign.sqlite");
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE contract (x); PRAGMA user_version = %d;",
                                              versions[i]);

      g_unlink (path);
      cm_test_run_sql (path, sql);
      cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_NOT_PORTFOLIO);
      cm_test_assert_refused (path, CM_STORE_OPEN_READ_ONLY, CM_STORE_ERROR_NOT_PORTFOLIO);
    }
}

static void
test_other_application_id_is_refused (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("other-id.commissioner", &path);

  g_clear_object (&store);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA application_id = 1234;");
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_NOT_PORTFOLIO);
}

/* Files made before the id existed are ours by their tables; they get
 * the id with their next change. */
static void
test_unmarked_portfolio_is_marked_on_write (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("unmarked.commissioner", &path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cm_test_query_int (path, "PRAGMA application_id"), ==,
                   CM_SCHEMA_APPLICATION_ID);
  g_clear_object (&store);
  cm_test_run_sql (path, "PRAGMA application_id = 0;");

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA application_id"), ==, 0);

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  save_organisation (store, "First change");
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA application_id"), ==,
                   CM_SCHEMA_APPLICATION_ID);
}

/* A table the schema promises is missing: damaged, for every command. */
static void
test_missing_table_is_damage (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("renamed.commissioner", &path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;"
                         " ALTER TABLE contract RENAME TO contract_old;");
  cm_test_assert_refused (path, CM_STORE_OPEN_READ_ONLY, CM_STORE_ERROR_CORRUPT);
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_CORRUPT);
  /* A reader beside a checked connection skips only SQLite's own check. */
  cm_test_assert_refused (path, CM_STORE_OPEN_READ_ONLY | CM_STORE_OPEN_CHECKED,
                          CM_STORE_ERROR_CORRUPT);
  store = cm_store_open (path, CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_true (g_str_match_string ("contract", error->message, FALSE));
}

/* One overwritten page of a table, with the header intact, is found by
 * SQLite's own check before anything is read from the file. */
static void
test_damaged_page_is_found (void)
{
  g_autofree char *path = cm_test_temp_path ("page.commissioner");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  gint64 page, page_size;
  gsize length;

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, &error));
  g_assert_no_error (error);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;");
  page = cm_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'contract'");
  page_size = cm_test_query_int (path, "PRAGMA page_size");

  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_assert_cmpuint (length, >=, page * page_size);
  memset (data + (page - 1) * page_size, 0xA5, 64);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));
  cm_test_assert_refused (path, CM_STORE_OPEN_READ_ONLY, CM_STORE_ERROR_CORRUPT);
  cm_test_assert_refused (path, CM_STORE_OPEN_DEFAULT, CM_STORE_ERROR_CORRUPT);
}

static void
test_empty_file (void)
{
  g_autofree char *path = cm_test_temp_path ("empty.commissioner");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  cm_test_assert_refused (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY,
                               CM_STORE_ERROR_NOT_PORTFOLIO);
  store = cm_store_open (path, CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_true (g_str_match_string ("empty", error->message, FALSE));
  g_clear_error (&error);

  /* Opened for work, an empty file becomes a new portfolio. */
  store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_schema_latest_version ());
}

/* Reading leaves the folder as it was: no -wal or -shm behind. */
static void
test_reading_leaves_no_files (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("tidy.commissioner", &path);
  g_autoptr(CmOrganisation) refused = cm_organisation_new ("Refused", 0);
  g_autoptr(GError) error = NULL;

  save_organisation (store, "Public Health");
  g_clear_object (&store);
  g_assert_false (exists (path, "-wal"));

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cm_store_is_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (cm_store_list (store, CM_TYPE_ORGANISATION)),
                    ==, 1);
  g_assert_false (cm_store_save (store, CM_ENTITY (refused), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  g_assert_false (exists (path, "-wal"));
  g_assert_false (exists (path, "-shm"));
}

/* A portfolio of an older schema is read through an updated copy in
 * memory: the file itself is not migrated by reading it. */
static void
test_older_file_is_read_without_change (void)
{
  g_autofree char *path = cm_test_temp_path ("older.commissioner");
  g_auto(GStrv) names = cm_schema_migration_names ();
  g_autoptr(GString) sql = g_string_new ("PRAGMA foreign_keys = OFF;\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CmStore) store = NULL;
  guint n = g_strv_length (names);

  g_unlink (path);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *migration = cm_schema_migration_sql (names[i], &error);

      g_assert_no_error (error);
      g_string_append (sql, migration);
    }
  g_string_append_printf (sql, "; INSERT INTO organisation (name, kind) VALUES ('Old', 'partner');"
                               " PRAGMA user_version = %d;",
                          cm_schema_migration_version (names[n - 2]));
  cm_test_run_sql (path, sql->str);
  before = cm_test_read_file (path);

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_schema_latest_version ());
  g_assert_cmpuint (g_list_model_get_n_items (cm_store_list (store, CM_TYPE_ORGANISATION)),
                    ==, 1);
  g_clear_object (&store);
  after = cm_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (exists (path, "-wal"));

  /* Opened for work, it is migrated and marked. */
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA user_version"), ==,
                   cm_schema_latest_version ());
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA application_id"), ==,
                   CM_SCHEMA_APPLICATION_ID);
}

static void
count (guint *emitted)
{
  (*emitted)++;
}

/* The window's store sees what another program committed: another
 * store's commit, and a tool's edit that leaves no audit row. (Caught up
 * with apart: an edit that leaves no audit row, caught up with together
 * with another's audited commit, is followed as the audit names it,
 * which leaves it out, as on a server.) */
static void
test_reload_sees_other_writers (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) window = cm_test_open_new ("live.commissioner", &path);
  g_autoptr(CmStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *orgs = cm_store_list (window, CM_TYPE_ORGANISATION);
  gint64 first = save_organisation (window, "Public Health");
  guint emitted = 0;
  CmOrganisation *listed;

  g_signal_connect_swapped (window, "changed", G_CALLBACK (count), &emitted);
  g_assert_false (cm_store_reload_if_changed (window));
  other = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  save_organisation (other, "Adult Social Care");
  g_assert_true (cm_store_reload_if_changed (window));
  g_assert_cmpuint (emitted, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);

  cm_test_run_sql (path, "UPDATE organisation SET name = 'Public Health Leeds' WHERE id = 1;");
  g_assert_true (cm_store_reload_if_changed (window));
  g_assert_cmpuint (emitted, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
  listed = CM_ORGANISATION (cm_store_find (window, CM_TYPE_ORGANISATION, first));
  g_assert_cmpstr (cm_organisation_get_name (listed), ==, "Public Health Leeds");
  g_assert_false (cm_store_reload_if_changed (window));

  cm_test_run_sql (path, "DELETE FROM organisation WHERE name = 'Adult Social Care';");
  g_assert_true (cm_store_reload_if_changed (window));
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 1);
}

/* Three contracts of one service, saved through @store; their ids in @ids. */
static void
save_three_contracts (CmStore *store, gint64 ids[3])
{
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Adult Social Care",
                                                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmProvider) provider = cm_provider_new ("Touchstone", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmService) service = NULL;

  cm_test_save (store, org);
  cm_test_save (store, provider);
  service = g_object_new (CM_TYPE_SERVICE, "name", "Home care", "lead-commissioner-id",
                          cm_entity_get_id (CM_ENTITY (org)), NULL);
  cm_test_save (store, service);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *reference = g_strdup_printf ("C-%u", i + 1);
      g_autoptr(CmContract) contract = g_object_new (CM_TYPE_CONTRACT, "reference", reference,
                                                     "title", reference, "service-id",
                                                     cm_entity_get_id (CM_ENTITY (service)),
                                                     "provider-id",
                                                     cm_entity_get_id (CM_ENTITY (provider)),
                                                     NULL);
      ids[i] = cm_test_save_new (store, g_steal_pointer (&contract));
    }
}

static void
retitle (CmStore *store, gint64 id, const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) contract = cm_store_load (store, CM_TYPE_CONTRACT, id, &error);

  g_assert_no_error (error);
  g_object_set (contract, "title", title, NULL);
  cm_test_save (store, contract);
}

static const char *
listed_title (CmStore *store, gint64 id)
{
  return cm_contract_get_title (CM_CONTRACT (cm_store_find (store, CM_TYPE_CONTRACT, id)));
}

/* The contracts "records-changed" named saved, "id;" each, or "any;"
 * when it named none (any record may have changed). */
static void
note_saved (CmStore *store, const char *table, GArray *saved, GArray *deleted, GString *named)
{
  if (table != NULL && !g_str_equal (table, "contract"))
    return;
  for (guint i = 0; saved && i < saved->len; i++)
    g_string_append_printf (named, "%" G_GINT64_FORMAT ";", g_array_index (saved, gint64, i));
  if (saved == NULL)
    g_string_append (named, "any;");
}

/* Another program's save of one contract reads that contract again, in
 * place, and no other: not the window's own save made after it, nor a
 * contract a tool renamed meanwhile without an audit row (a list read
 * again whole would show that). Alone, the tool's rename is seen. */
static void
test_other_save_reloads_that_row (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) window = cm_test_open_new ("rows.commissioner", &path);
  g_autoptr(CmStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) named = g_string_new (NULL);
  GListModel *contracts = cm_store_list (window, CM_TYPE_CONTRACT);
  gint64 ids[3];
  gpointer objects[3];
  g_autofree char *only_other = NULL;

  save_three_contracts (window, ids);
  for (guint i = 0; i < 3; i++)
    objects[i] = cm_store_find (window, CM_TYPE_CONTRACT, ids[i]);
  only_other = g_strdup_printf ("%" G_GINT64_FORMAT ";", ids[1]);
  g_signal_connect (window, "records-changed", G_CALLBACK (note_saved), named);
  other = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);

  retitle (other, ids[1], "Saved by another");
  retitle (window, ids[0], "Saved here after");
  g_string_truncate (named, 0);
  cm_test_run_sql (path, "UPDATE contract SET title = 'Renamed unseen' WHERE reference = 'C-3';");
  g_assert_true (cm_store_reload_if_changed (window));

  g_assert_cmpstr (named->str, ==, only_other);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (cm_store_find (window, CM_TYPE_CONTRACT, ids[i]) == objects[i]);
  g_assert_cmpstr (listed_title (window, ids[1]), ==, "Saved by another");
  g_assert_cmpstr (listed_title (window, ids[0]), ==, "Saved here after");
  g_assert_cmpstr (listed_title (window, ids[2]), ==, "C-3");
  g_assert_false (cm_store_reload_if_changed (window));

  cm_test_run_sql (path, "UPDATE contract SET title = 'Renamed again' WHERE reference = 'C-3';");
  g_string_truncate (named, 0);
  g_assert_true (cm_store_reload_if_changed (window));
  g_assert_cmpstr (named->str, ==, "any;");
  g_assert_cmpstr (listed_title (window, ids[2]), ==, "Renamed again");
  g_assert_true (cm_store_find (window, CM_TYPE_CONTRACT, ids[2]) == objects[2]);
}

/* Whether @list holds a record with @id, and its object if so in @object. */
static gboolean
lists_id (GListModel *list, gint64 id, gpointer *object)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmEntity) record = g_list_model_get_item (list, i);

      if (cm_entity_get_id (record) == id)
        {
          *object = record;
          return TRUE;
        }
    }
  return FALSE;
}

/* Another program's action saving several contracts reaches a list of
 * one service's contracts too: the one moved to another service leaves
 * it, the one retitled stays the same object with its new title. */
static void
test_other_save_reaches_live_list (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) window = cm_test_open_new ("live-rows.commissioner", &path);
  g_autoptr(CmStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) of_service = NULL;
  g_autoptr(CmService) elsewhere = NULL;
  g_autoptr(CmEntity) service = NULL;
  gint64 lead = 0;
  g_autoptr(CmContract) moved = NULL;
  g_autoptr(CmContract) retitled = NULL;
  gpointer object = NULL, kept = NULL;
  gint64 ids[3];

  save_three_contracts (window, ids);
  moved = CM_CONTRACT (cm_store_load (window, CM_TYPE_CONTRACT, ids[0], &error));
  g_assert_no_error (error);
  of_service = cm_store_list_where_id (window, CM_TYPE_CONTRACT, "service-id",
                                       cm_contract_get_service_id (moved));
  g_assert_cmpuint (g_list_model_get_n_items (of_service), ==, 3);
  g_assert_true (lists_id (of_service, ids[1], &kept));
  service = cm_store_load (window, CM_TYPE_SERVICE, cm_contract_get_service_id (moved), &error);
  g_assert_no_error (error);
  g_object_get (service, "lead-commissioner-id", &lead, NULL);
  elsewhere = g_object_new (CM_TYPE_SERVICE, "name", "Day care", "lead-commissioner-id", lead,
                            NULL);
  other = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  cm_test_save (other, elsewhere);
  g_clear_object (&moved);
  moved = CM_CONTRACT (cm_store_load (other, CM_TYPE_CONTRACT, ids[0], &error));
  retitled = CM_CONTRACT (cm_store_load (other, CM_TYPE_CONTRACT, ids[1], &error));
  g_assert_no_error (error);
  g_object_set (moved, "service-id", cm_entity_get_id (CM_ENTITY (elsewhere)), NULL);
  g_object_set (retitled, "title", "Retitled by another", NULL);
  g_assert_true (cm_store_begin (other, &error));
  cm_test_save (other, moved);
  cm_test_save (other, retitled);
  g_assert_true (cm_store_commit (other, &error));
  g_assert_no_error (error);

  g_assert_true (cm_store_reload_if_changed (window));
  g_assert_cmpuint (g_list_model_get_n_items (of_service), ==, 2);
  g_assert_false (lists_id (of_service, ids[0], &object));
  g_assert_true (lists_id (of_service, ids[1], &object));
  g_assert_true (object == kept);
  g_assert_cmpstr (cm_contract_get_title (object), ==, "Retitled by another");
}

static void
test_network_types (void)
{
  g_autofree char *path = cm_test_temp_path ("local.commissioner");

  g_assert_true (cm_store_file_is_network_type (0x6969));      /* NFS */
  g_assert_true (cm_store_file_is_network_type (0xff534d42));  /* CIFS */
  g_assert_true (cm_store_file_is_network_type (0xfe534d42));  /* SMB2 */
  g_assert_false (cm_store_file_is_network_type (0xef53));     /* ext4 */
  g_assert_false (cm_store_file_is_network_type (0x01021994)); /* tmpfs */
  g_assert_false (cm_store_file_is_on_network (path));
}

/* Another program holding the file locked is "busy", not "damaged". */
static void
test_locked_file_is_busy (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("busy.commissioner", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  GOutputStream *in;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  const char *hold = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT 'held';\n";

  g_clear_object (&store);
  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "sqlite3", path, NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (holder);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  g_assert_true (g_output_stream_write_all (in, hold, strlen (hold), NULL, NULL, &error));
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }
  while (!g_str_equal (line, "held"));

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY);
  g_test_message ("refused with: %s", error->message);

  g_output_stream_close (in, NULL, NULL);
  g_assert_true (g_subprocess_wait (holder, NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-file/locks-survive", test_writes_survive_other_connections);
  g_test_add_func ("/store-file/foreign-versions", test_foreign_database_at_our_versions);
  g_test_add_func ("/store-file/other-application-id", test_other_application_id_is_refused);
  g_test_add_func ("/store-file/marked-on-write", test_unmarked_portfolio_is_marked_on_write);
  g_test_add_func ("/store-file/missing-table", test_missing_table_is_damage);
  g_test_add_func ("/store-file/damaged-page", test_damaged_page_is_found);
  g_test_add_func ("/store-file/empty", test_empty_file);
  g_test_add_func ("/store-file/reading-leaves-no-files", test_reading_leaves_no_files);
  g_test_add_func ("/store-file/older-read-unchanged", test_older_file_is_read_without_change);
  g_test_add_func ("/store-file/reload", test_reload_sees_other_writers);
  g_test_add_func ("/store-file/reload-that-row", test_other_save_reloads_that_row);
  g_test_add_func ("/store-file/reload-live-rows", test_other_save_reaches_live_list);
  g_test_add_func ("/store-file/network", test_network_types);
  g_test_add_func ("/store-file/busy", test_locked_file_is_busy);
  return g_test_run ();
}
