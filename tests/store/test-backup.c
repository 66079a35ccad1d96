/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-backup.c: copies of real portfolio files, the backup folder and its
 * retention at fixed times, restoring, and the backup a migration takes */
#include <glib/gstdio.h>
#include <utime.h>
#include <sqlite3.h>

#include "cm-backup.h"
#include "cm-csv-reader.h"
#include "cm-import.h"
#include "cm-provider.h"
#include "cm-resources.h"
#include "cm-test-util.h"

static char *data_home;

/* ---- fixtures --------------------------------------------------------- */

/* A portfolio of @n contracts, imported as a register would be. */
static CmStore *
portfolio_of (const char *name, guint n, char **path)
{
  g_autoptr(GError) error = NULL;
  CmStore *store = cm_test_open_new (name, path);
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Provider,Commissioner\r\n");
  g_autoptr(CmTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "B-%u,Contract %u,Provider %u,Adult Social Care\r\n", i, i, i % 3);
  table = cm_csv_read (csv->str, csv->len, &error);
  mapping = cm_import_mapping_guess (table);
  plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "fixture.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
add_provider (CmStore *store, const char *name)
{
  g_autoptr(CmProvider) provider = cm_provider_new (name, CM_SECTOR_INDEPENDENT);

  cm_test_save (store, provider);
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static char *
write_at (CmStore *store, CmBackupReason reason, GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_true (cm_backup_write (store, reason, now, NULL, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static void
assert_whole_portfolio (const char *path, gint64 contracts, gint64 providers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *check = cm_test_query_text (path, "PRAGMA integrity_check");
  g_autofree char *journal = cm_test_query_text (path, "PRAGMA journal_mode");
  g_autoptr(CmStore) opened = NULL;
  gint64 rows = 0;

  g_assert_cmpstr (check, ==, "ok");
  /* A file of its own, with no write-ahead log beside it. */
  g_assert_cmpstr (journal, ==, "delete");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, contracts);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, providers);
  opened = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (opened, &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, >, 0);
}

/* Names in @folder that start with a dot: copies left half written. */
static guint
count_hidden (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint hidden = 0;

  while (dir && (name = g_dir_read_name (dir)))
    hidden += name[0] == '.';
  return hidden;
}

static char *
backup_names (GPtrArray *backups)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (((CmBackup *) backups->pdata[i])->path);

      g_string_append_printf (names, "%s\n", name);
    }
  return g_string_free (names, FALSE);
}

/* ---- copies ----------------------------------------------------------- */

static void
test_copy_is_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("copied.commissioner", 40, &path);
  g_autofree char *copy = cm_test_temp_path ("copy-of-copied.commissioner");
  g_autofree char *folder = g_path_get_dirname (copy);

  g_unlink (copy);
  g_assert_true (cm_backup_copy (store, copy, &error));
  g_assert_no_error (error);
  assert_whole_portfolio (copy, 40, 3);

  /* A second copy replaces the first, and leaves nothing half written. */
  add_provider (store, "Added later");
  g_assert_true (cm_backup_copy (store, copy, &error));
  g_assert_no_error (error);
  assert_whole_portfolio (copy, 40, 4);
  g_assert_cmpuint (count_hidden (folder), ==, 0);
}

static void
test_copy_refuses_the_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("itself.commissioner", 5, &path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *dotted = g_build_filename (folder, ".", "itself.commissioner", NULL);

  for (const char *const *target = (const char *const[]) { path, wal, dotted, NULL }; *target;
       target++)
    {
      g_assert_false (cm_backup_copy (store, *target, &error));
      g_assert_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_SAME_FILE);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
    }
  /* Still the same, working portfolio. */
  add_provider (store, "Still writable");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 5);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 4);
}

/* A copy taken while another connection has written but not committed
 * holds the last committed state, whole. */
static void
test_copy_during_open_write (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("busy.commissioner", 30, &path);
  g_autoptr(GDateTime) now = utc (2026, 11, 22, 9, 0);
  g_autofree char *backup = NULL;
  sqlite3 *writer = NULL;
  sqlite3_stmt *insert = NULL;

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "PRAGMA cache_size = 50; BEGIN IMMEDIATE", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  /* Enough rows to spill pages out of the writer's small cache. */
  g_assert_cmpint (sqlite3_prepare_v2 (writer, "INSERT INTO provider (name, sector)"
                                               " VALUES (?, 'independent')", -1, &insert, NULL),
                   ==, SQLITE_OK);
  for (int i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Uncommitted provider %d with a long name", i);

      sqlite3_bind_text (insert, 1, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);

  backup = write_at (store, CM_BACKUP_REASON_MANUAL, now);
  assert_whole_portfolio (backup, 30, 3);

  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 20003);
  assert_whole_portfolio (backup, 30, 3);
}

/* ---- the backup folder ------------------------------------------------ */

static void
test_folder_per_portfolio (void)
{
  g_autofree char *first = cm_test_temp_path ("Leeds.commissioner");
  g_autofree char *root = g_path_get_dirname (first);
  g_autofree char *elsewhere = g_build_filename (root, "sub", NULL);
  g_autofree char *second = g_build_filename (elsewhere, "Leeds.commissioner", NULL);
  g_autofree char *a = cm_backup_folder (first);
  g_autofree char *b = cm_backup_folder (second);
  g_autofree char *expected_parent = g_build_filename (data_home, "commissioner", "backups", NULL);
  g_autofree char *a_parent = g_path_get_dirname (a);
  g_autofree char *a_name = g_path_get_basename (a);

  g_assert_cmpstr (a_parent, ==, expected_parent);
  g_assert_true (g_str_has_prefix (a_name, "Leeds-"));
  g_assert_cmpstr (a, !=, b);
}

static void
test_write_and_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) empty = cm_test_open_new ("empty.commissioner", NULL);
  g_autoptr(CmStore) store = portfolio_of ("listed.commissioner", 12, &path);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 1, 10, 15, 0.25);
  g_autofree char *written = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  CmBackup *backup;
  char *nothing = NULL;

  /* Nothing recorded yet: nothing to lose, no file. */
  g_assert_true (cm_backup_write (empty, CM_BACKUP_REASON_IMPORT, at, NULL, &nothing, &error));
  g_assert_no_error (error);
  g_assert_null (nothing);

  written = write_at (store, CM_BACKUP_REASON_IMPORT, at);
  name = g_path_get_basename (written);
  g_assert_cmpstr (name, ==, "20260301T101500.250Z-import.commissioner");
  backups = cm_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->path, ==, written);
  g_assert_cmpint (backup->reason, ==, CM_BACKUP_REASON_IMPORT);
  g_assert_true (g_date_time_equal (backup->taken, at));
  g_assert_cmpint (backup->contracts, ==, 12);
  g_assert_cmpint (backup->services, ==, 12);
  g_assert_cmpint (backup->providers, ==, 3);
  assert_whole_portfolio (written, 12, 3);
}

/* Two backups in one millisecond get names of their own. */
static void
test_same_time_twice (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("twice.commissioner", 2, &path);
  g_autoptr(GDateTime) at = utc (2026, 5, 1, 8, 0);
  g_autofree char *first = write_at (store, CM_BACKUP_REASON_MANUAL, at);
  g_autofree char *second = write_at (store, CM_BACKUP_REASON_MANUAL, at);
  g_autoptr(GPtrArray) backups = cm_backup_list (path, NULL);

  g_assert_cmpstr (first, !=, second);
  g_assert_cmpuint (backups->len, ==, 2);
}

/* Two backups a month from March 2025 to November 2026, and ten more on
 * 21 November 2026: the newest ten are those ten alone. */
static void
test_retention (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("kept.commissioner", 3, &path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *names = NULL;
  const char *expected =
    "20261121T100000.000Z-daily.commissioner\n"
    "20261121T090000.000Z-daily.commissioner\n"
    "20261121T080000.000Z-daily.commissioner\n"
    "20261121T070000.000Z-daily.commissioner\n"
    "20261121T060000.000Z-daily.commissioner\n"
    "20261121T050000.000Z-daily.commissioner\n"
    "20261121T040000.000Z-daily.commissioner\n"
    "20261121T030000.000Z-daily.commissioner\n"
    "20261121T020000.000Z-daily.commissioner\n"
    "20261121T010000.000Z-daily.commissioner\n"
    /* then the newest of each earlier month, back to December 2025 */
    "20261020T120000.000Z-import.commissioner\n"
    "20260920T120000.000Z-import.commissioner\n"
    "20260820T120000.000Z-import.commissioner\n"
    "20260720T120000.000Z-import.commissioner\n"
    "20260620T120000.000Z-import.commissioner\n"
    "20260520T120000.000Z-import.commissioner\n"
    "20260420T120000.000Z-import.commissioner\n"
    "20260320T120000.000Z-import.commissioner\n"
    "20260220T120000.000Z-import.commissioner\n"
    "20260120T120000.000Z-import.commissioner\n"
    "20251220T120000.000Z-import.commissioner\n";

  for (int m = 0; m < 21; m++)
    {
      int year = 2025 + (m + 2) / 12, month = (m + 2) % 12 + 1;
      g_autoptr(GDateTime) early = utc (year, month, 5, 12, 0);
      g_autoptr(GDateTime) late = utc (year, month, 20, 12, 0);
      g_autofree char *a = write_at (store, CM_BACKUP_REASON_MANUAL, early);
      g_autofree char *b = write_at (store, CM_BACKUP_REASON_IMPORT, late);
    }
  for (int hour = 1; hour <= 10; hour++)
    {
      g_autoptr(GDateTime) at = utc (2026, 11, 21, hour, 0);
      g_autofree char *written = write_at (store, CM_BACKUP_REASON_DAILY, at);
    }

  backups = cm_backup_list (path, NULL);
  names = backup_names (backups);
  g_assert_cmpstr (names, ==, expected);
}

static void
test_daily (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("daily.commissioner", 3, &path);
  g_autoptr(GDateTime) morning = utc (2026, 6, 1, 9, 0);
  g_autoptr(GDateTime) evening = utc (2026, 6, 1, 17, 0);
  g_autoptr(GDateTime) next_day = utc (2026, 6, 2, 9, 0);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *first = NULL;
  char *again = NULL;
  g_autofree char *second = NULL;

  g_assert_true (cm_backup_daily (store, morning, NULL, &first, &error));
  g_assert_nonnull (first);
  g_assert_true (cm_backup_daily (store, evening, NULL, &again, &error));
  g_assert_null (again);
  g_assert_true (cm_backup_daily (store, next_day, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_nonnull (second);
  backups = cm_backup_list (path, NULL);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpint (((CmBackup *) backups->pdata[0])->reason, ==, CM_BACKUP_REASON_DAILY);
}

/* A backup stopped half way leaves neither a backup nor its temporary. */
static void
test_cancelled_leaves_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("cancelled.commissioner", 3, &path);
  g_autofree char *folder = cm_backup_folder (path);
  g_autoptr(GDateTime) now = utc (2026, 7, 1, 9, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) backups = NULL;
  char *written = NULL;

  /* Taken once, so that the folder is there to look in. */
  g_free (write_at (store, CM_BACKUP_REASON_MANUAL, now));
  g_cancellable_cancel (cancellable);
  g_assert_false (cm_backup_write (store, CM_BACKUP_REASON_DAILY, now, cancellable, &written,
                                   &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (written);
  g_assert_cmpuint (count_hidden (folder), ==, 0);
  backups = cm_backup_list (path, NULL);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* Writes an empty file @name in @folder, last changed at @changed. */
static char *
file_changed_at (const char *folder, const char *name, GDateTime *changed)
{
  char *path = g_build_filename (folder, name, NULL);
  struct utimbuf times = { 0 };

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  times.actime = times.modtime = g_date_time_to_unix (changed);
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  return path;
}

/* The temporaries of backups cut off long ago go; the others' files stay. */
static void
test_stale_temporaries_removed (void)
{
  static const struct {
    const char *name;
    int hours_old;
    gboolean removed;
  } files[] = {
    { ".20260808T090000.000Z-daily.commissioner.a1B2c3", 48, TRUE },
    { ".20260808T090000.000Z-daily.commissioner.a1B2c3-journal", 48, TRUE },
    /* perhaps a copy still being written */
    { ".20260810T080000.000Z-daily.commissioner.Zx9Yw8", 1, FALSE },
    /* not ours: no backup's name, a shorter random part, no suffix */
    { ".notes.commissioner.a1B2c3", 48, FALSE },
    { ".20260808T090000.000Z-daily.commissioner.a1B2c", 48, FALSE },
    { ".20260808T090000.000Z-daily.a1B2c3", 48, FALSE },
  };
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("stale.commissioner", 3, &path);
  g_autofree char *folder = cm_backup_folder (path);
  g_autoptr(GDateTime) now = utc (2026, 8, 10, 9, 0);
  g_auto(GStrv) paths = g_new0 (char *, G_N_ELEMENTS (files) + 1);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GDateTime) changed = g_date_time_add_hours (now, -files[i].hours_old);

      paths[i] = file_changed_at (folder, files[i].name, changed);
    }
  g_free (write_at (store, CM_BACKUP_REASON_DAILY, now));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_test_message ("%s", files[i].name);
      g_assert_cmpint (g_file_test (paths[i], G_FILE_TEST_EXISTS), !=, files[i].removed);
    }
}

/* ---- restoring -------------------------------------------------------- */

static void
test_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("restored.commissioner", 20, &path);
  g_autoptr(GDateTime) at = utc (2026, 2, 1, 9, 0);
  g_autofree char *backup = write_at (store, CM_BACKUP_REASON_MANUAL, at);
  g_autofree char *backup_name = g_path_get_basename (backup);
  g_autofree char *head_before = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *replaced_name = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  CmBackup *replaced;
  gint64 rows = 0;

  before = cm_test_query_dump (path, "SELECT * FROM provider ORDER BY id");
  add_provider (store, "Added after the backup");
  head_before = cm_store_get_meta (store, "audit_head");

  g_assert_true (cm_backup_restore (store, backup, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The old records are back, and the file opens and verifies. */
  after = cm_test_query_dump (path, "SELECT * FROM provider ORDER BY id");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 20);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, &rows, NULL, &error));
  g_assert_no_error (error);

  /* The audit trail says what was restored, and what it replaced. */
  note = cm_test_query_text (path, "SELECT new_value FROM audit WHERE entity = 'meta'"
                                   " AND field = 'restored-from' ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, backup_name));
  anchor = cm_test_query_text (path, "SELECT new_value FROM audit WHERE entity = 'meta'"
                                     " AND field = 'restored_from_backup'"
                                     " ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (strstr (anchor, head_before));

  /* The state it replaced was backed up first. */
  backups = cm_backup_list (path, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  replaced = g_ptr_array_index (backups, 0);
  g_assert_cmpint (replaced->reason, ==, CM_BACKUP_REASON_RESTORE);
  g_assert_cmpint (replaced->providers, ==, 4);
  replaced_name = g_path_get_basename (replaced->path);
  g_assert_nonnull (strstr (note, replaced_name));
}

/* A backup made before new files took 16 KiB pages has 4 KiB ones: it
 * still restores into a new portfolio, which then keeps WAL. */
static void
test_restore_other_page_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("repaged.commissioner", 20, &path);
  g_autoptr(GDateTime) at = utc (2026, 2, 1, 9, 0);
  g_autofree char *backup = write_at (store, CM_BACKUP_REASON_MANUAL, at);
  g_autofree char *before = cm_test_query_dump (path, "SELECT * FROM provider ORDER BY id");
  g_autofree char *after = NULL;
  g_autofree char *journal = NULL;
  gint64 rows = 0;

  g_assert_cmpint (cm_test_query_int (path, "PRAGMA page_size"), ==, 16384);
  cm_test_run_sql (backup, "PRAGMA page_size = 4096; VACUUM");
  g_assert_cmpint (cm_test_query_int (backup, "PRAGMA page_size"), ==, 4096);
  add_provider (store, "Added after the backup");

  g_assert_true (cm_backup_restore (store, backup, &error));
  g_assert_no_error (error);
  journal = cm_test_query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_true (cm_store_verify_audit (store, &rows, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  after = cm_test_query_dump (path, "SELECT * FROM provider ORDER BY id");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA page_size"), ==, 4096);
}

static void
test_restore_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = portfolio_of ("refusing.commissioner", 4, &path);
  g_autofree char *notes = cm_test_temp_path ("notes.commissioner");
  g_autofree char *before = cm_test_query_dump (path, "SELECT * FROM contract ORDER BY id");
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (notes, "Reference,Title\n", -1, NULL));
  g_assert_false (cm_backup_restore (store, notes, &error));
  g_assert_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_NOT_A_BACKUP);
  g_clear_error (&error);
  g_assert_false (cm_backup_restore (store, path, &error));
  g_assert_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_NOT_A_BACKUP);
  after = cm_test_query_dump (path, "SELECT * FROM contract ORDER BY id");
  g_assert_cmpstr (after, ==, before);
}

/* ---- migrations ------------------------------------------------------- */

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A portfolio at the schema before the latest, with one audited record,
 * made from the migrations themselves. */
static char *
old_portfolio (const char *name, int *version)
{
  g_autofree char *path = cm_test_temp_path (name);
  g_auto(GStrv) names = NULL;
  guint n;
  sqlite3 *db = NULL;

  g_unlink (path);
  cm_resources_ensure ();
  names = g_resources_enumerate_children ("/org/commissioner/Commissioner/sql", 0, NULL);
  n = g_strv_length (names);
  g_assert_cmpuint (n, >=, 2);
  qsort (names, n, sizeof (char *), compare_names);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *resource = g_build_path ("/", "/org/commissioner/Commissioner/sql", names[i],
                                                NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      *version = atoi (names[i]);
    }
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO provider (name, sector) VALUES ('Old provider', 'independent');"
      "INSERT INTO audit (at, actor, entity, entity_id, field, new_value, prev_hash, hash)"
      " VALUES ('2020-01-01T00:00:00Z', 'Test', 'provider', 1, 'name', 'Old provider', '-', '-');"
      "PRAGMA user_version = %d;", *version);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

static void
test_migration_backs_up_first (void)
{
  g_autoptr(GError) error = NULL;
  int version = 0;
  g_autofree char *path = old_portfolio ("old.commissioner", &version);
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(GPtrArray) backups = NULL;
  CmBackup *backup;

  g_assert_no_error (error);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, cm_store_latest_schema_version ());
  backups = cm_backup_list (path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpint (backup->reason, ==, CM_BACKUP_REASON_MIGRATION);
  g_assert_cmpint (backup->providers, ==, 1);
  g_assert_cmpint (cm_test_query_int (backup->path, "PRAGMA user_version"), ==, version);
}

/* Where no backup can be written, the file is not migrated. */
static void
test_migration_stops_without_backup (void)
{
  g_autoptr(GError) error = NULL;
  int version = 0;
  g_autofree char *path = old_portfolio ("blocked.commissioner", &version);
  g_autofree char *folder = cm_backup_folder (path);
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autoptr(CmStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_null (store);
  g_assert_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_FAILED);
  g_test_message ("refused with: %s", error->message);
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA user_version"), ==, version);
  g_unlink (folder);
}

int
main (int argc, char **argv)
{
  int status;

  /* Before anything asks GLib for the data folder, which it keeps. */
  data_home = g_dir_make_tmp ("commissioner-backups-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/copy-is-whole", test_copy_is_whole);
  g_test_add_func ("/backup/copy-refuses-the-portfolio", test_copy_refuses_the_portfolio);
  g_test_add_func ("/backup/copy-during-open-write", test_copy_during_open_write);
  g_test_add_func ("/backup/folder-per-portfolio", test_folder_per_portfolio);
  g_test_add_func ("/backup/write-and-list", test_write_and_list);
  g_test_add_func ("/backup/same-time-twice", test_same_time_twice);
  g_test_add_func ("/backup/retention", test_retention);
  g_test_add_func ("/backup/daily", test_daily);
  g_test_add_func ("/backup/cancelled-leaves-nothing", test_cancelled_leaves_nothing);
  g_test_add_func ("/backup/stale-temporaries-removed", test_stale_temporaries_removed);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-other-page-size", test_restore_other_page_size);
  g_test_add_func ("/backup/restore-refuses", test_restore_refuses);
  g_test_add_func ("/backup/migration-backs-up-first", test_migration_backs_up_first);
  g_test_add_func ("/backup/migration-stops-without-backup", test_migration_stops_without_backup);
  status = g_test_run ();
  cm_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
