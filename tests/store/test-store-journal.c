/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-journal.c: an import that fills a portfolio file nobody else has open
 *
 * Such an import is written with a rollback journal, and the file is in
 * WAL again after it, whether it was committed, refused or cancelled, and
 * after a crash part way. While it is written, the file is shut to other
 * connections, so that none can hold its commit up. Another connection to
 * the file keeps it in WAL throughout, and sees none of the import until
 * it is committed. The journal mode is read through connections of the
 * test's own, as another program would see it.
 */
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cm-csv-reader.h"
#include "cm-import.h"
#include "cm-test-util.h"

/* Enough rows for the switch to pay (cm-store-bulk.c), more than one
 * progress report (every 500 rows), and more than the portfolio holds:
 * the import is one that fills it. */
#define N_ROWS 10000
/* Reported on too (at row 500), but under that. */
#define N_SMALL 1200
/* Where the process that crashes finds the portfolio. */
#define CRASH_PATH "CM_TEST_JOURNAL_CRASH_PATH"

/* What a connection opened during the import finds when the file is
 * shut to it. */
#define SHUT_OUT "shut out"

typedef struct {
  const char *path;
  char *mode;       /* the journal mode seen during the import, or SHUT_OUT */
  gboolean journal; /* a rollback journal was beside the file then */
  gint64 contracts; /* the contracts a connection opened then saw, or -1 */
  gboolean crash;   /* end the process at the first report */
} Watch;

static CmTable *
register_table (guint n_rows)
{
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Provider,Commissioner\r\n");
  g_autoptr(GError) error = NULL;
  CmTable *table;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "J-%u,Contract %u,Provider %u,Adult Social Care\r\n", i, i,
                            i % 7);
  table = cm_csv_read (csv->str, csv->len, &error);
  g_assert_no_error (error);
  return table;
}

static CmImportPlan *
plan_of (CmStore *store, guint n_rows)
{
  g_autoptr(CmTable) table = register_table (n_rows);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(GError) error = NULL;
  CmImportPlan *plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP,
                                           NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
journal_mode (const char *path)
{
  return cm_test_query_text (path, "PRAGMA journal_mode");
}

/* The journal mode another program reads, without waiting: SHUT_OUT
 * when the file is locked against it. */
static char *
journal_mode_or_shut_out (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    {
      g_assert_cmpint (sqlite3_errcode (db), ==, SQLITE_BUSY);
      mode = g_strdup (SHUT_OUT);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

static void
look_in (Watch *watch)
{
  g_autofree char *journal = g_strconcat (watch->path, "-journal", NULL);

  if (watch->mode != NULL)
    return;
  watch->mode = journal_mode_or_shut_out (watch->path);
  watch->journal = g_file_test (journal, G_FILE_TEST_EXISTS);
  watch->contracts = g_str_equal (watch->mode, SHUT_OUT)
    ? -1 : cm_test_query_int (watch->path, "SELECT count(*) FROM contract");
  if (watch->crash)
    _exit (0); /* as if the power went: no rollback, no close */
}

static void
watch_progress (double fraction, gpointer data)
{
  if (fraction > 0)
    look_in (data);
}

static gboolean
watch_and_refuse (CmImportPlan *plan, CmStore *store, gpointer data, GError **error)
{
  look_in (data);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused after the rows");
  return FALSE;
}

static void
assert_wal_and_contracts (const char *path, gint64 contracts)
{
  g_autofree char *mode = journal_mode (path);

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, contracts);
}

/* Imports @n_rows into @store, what another connection saw during it in
 * @watch; then the file is in WAL, the rows in it. */
static void
import_watched (CmStore *store, guint n_rows, Watch *watch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmImportPlan) plan = plan_of (store, n_rows);

  g_assert_true (cm_import_plan_apply (plan, store, "register.csv", watch_progress, watch,
                                       NULL, &error));
  g_assert_no_error (error);
  assert_wal_and_contracts (watch->path, n_rows);
}

static void
test_alone_written_with_rollback_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("journal-alone.commissioner", &path);
  Watch watch = { path };

  assert_wal_and_contracts (path, 0);
  import_watched (store, N_ROWS, &watch);
  g_assert_cmpstr (watch.mode, ==, SHUT_OUT);
  g_assert_true (watch.journal);
  g_free (watch.mode);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_shared_file_stays_wal (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("journal-shared.commissioner", &path);
  CmDb *other = cm_test_connect (path);
  g_autoptr(CmDbStmt) read = cm_db_prepare (other, "SELECT count(*) FROM contract");
  Watch watch = { path };

  /* The other connection has read the file: it holds it open in WAL. */
  g_assert_nonnull (read);
  g_assert_cmpint (cm_db_step (read), ==, CM_DB_ROW);
  cm_db_stmt_reset (read);
  import_watched (store, N_ROWS, &watch);
  g_assert_cmpstr (watch.mode, ==, "wal");
  g_assert_false (watch.journal);
  g_assert_cmpint (watch.contracts, ==, 0);
  g_free (watch.mode);
  g_assert_cmpint (cm_db_step (read), ==, CM_DB_ROW);
  g_assert_cmpint (cm_db_column_int64 (read, 0), ==, N_ROWS);
  g_clear_pointer (&read, cm_db_stmt_free);
  cm_db_close (other);
}

/* Too few rows for the switch to pay. */
static void
test_small_import_stays_wal (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("journal-small.commissioner", &path);
  Watch watch = { path };

  import_watched (store, N_SMALL, &watch);
  g_assert_cmpstr (watch.mode, ==, "wal");
  g_assert_cmpint (watch.contracts, ==, 0);
  g_free (watch.mode);
}

static void
test_refused_back_to_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("journal-refused.commissioner", &path);
  g_autoptr(CmImportPlan) plan = plan_of (store, N_ROWS);
  Watch watch = { path };

  cm_import_plan_set_more_write (plan, watch_and_refuse, &watch, NULL);
  g_assert_false (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (watch.mode, ==, SHUT_OUT);
  assert_wal_and_contracts (path, 0);
  g_free (watch.mode);
}

static void
test_cancelled_back_to_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("journal-cancelled.commissioner", &path);
  g_autoptr(CmImportPlan) plan = plan_of (store, N_ROWS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, cancellable,
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_wal_and_contracts (path, 0);
  /* The same store writes the next import in WAL or alone, as it finds the file. */
  g_clear_error (&error);
  g_assert_true (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_wal_and_contracts (path, N_ROWS);
}

/* The command line's import, planned in one thread and written in another. */
static void
test_written_while_planning_back_to_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("journal-written.commissioner", &path);
  g_autoptr(CmTable) table = register_table (N_ROWS);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new_written (store, table, mapping,
                                                             CM_IMPORT_DUPLICATE_SKIP,
                                                             "register.csv", &error);

  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_wal_and_contracts (path, N_ROWS);
}

static void
crash_part_way (void)
{
  const char *path = g_getenv (CRASH_PATH);
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, NULL);
  g_autoptr(CmImportPlan) plan = NULL;
  Watch watch = { path, .crash = TRUE };

  g_assert_nonnull (store);
  cm_store_set_actor (store, "Test commissioner");
  plan = plan_of (store, N_ROWS);
  cm_import_plan_apply (plan, store, "register.csv", watch_progress, &watch, NULL, NULL);
  g_assert_not_reached ();
}

static void
test_crash_part_way_rolled_back (void)
{
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv (CRASH_PATH);
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_no_error (error);
  g_clear_object (&store);
  g_test_trap_subprocess ("/store-journal/crash-part-way/subprocess", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* The process ended in the import, its journal left behind. */
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_wal_and_contracts (path, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Set before any thread starts, and inherited by the process that crashes. */
  if (g_getenv (CRASH_PATH) == NULL)
    {
      g_autofree char *path = cm_test_temp_path ("journal-crash.commissioner");

      g_setenv (CRASH_PATH, path, TRUE);
    }
  g_test_add_func ("/store-journal/alone", test_alone_written_with_rollback_journal);
  g_test_add_func ("/store-journal/shared", test_shared_file_stays_wal);
  g_test_add_func ("/store-journal/small", test_small_import_stays_wal);
  g_test_add_func ("/store-journal/refused", test_refused_back_to_wal);
  g_test_add_func ("/store-journal/cancelled", test_cancelled_back_to_wal);
  g_test_add_func ("/store-journal/written-while-planning", test_written_while_planning_back_to_wal);
  g_test_add_func ("/store-journal/crash-part-way", test_crash_part_way_rolled_back);
  g_test_add_func ("/store-journal/crash-part-way/subprocess", crash_part_way);
  return g_test_run ();
}
