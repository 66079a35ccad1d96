/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-schema-snapshot.c: a new portfolio file, made from the schema's
 * snapshot, is the portfolio the migrations make */
#include "cm-test-util.h"

/* Opened by the store from version 1, a file takes every later migration
 * and its audit rows one by one, as a new file took them all before the
 * snapshot (migration 001 adds no audit rows). */
static CmStore *
open_migrated (const char *path)
{
  g_autoptr(GError) error = NULL;
  CmStore *store;

  sqlite3_close (cm_test_create_old_portfolio (path, 1));
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  return store;
}

/* The rows of @table to compare: the audit rows without their moment and
 * the hashes that cover it, meta without the newest hash. */
static char *
rows_sql (const char *table)
{
  if (g_str_equal (table, "audit"))
    return g_strdup ("SELECT id, actor, entity, entity_id, field, old_value, new_value"
                     " FROM audit ORDER BY id");
  if (g_str_equal (table, "meta"))
    return g_strdup ("SELECT * FROM meta WHERE key <> 'audit_head' ORDER BY rowid");
  return g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
}

static void
assert_same (const char *made, const char *migrated, const char *sql)
{
  g_autofree char *expected = cm_test_query_dump (migrated, sql);
  g_autofree char *found = cm_test_query_dump (made, sql);

  g_test_message ("%s", sql);
  g_assert_cmpstr (found, ==, expected);
}

static void
test_new_file_is_migrated_file (void)
{
  g_autofree char *made = NULL;
  g_autofree char *migrated = cm_test_temp_path ("migrated.commissioner");
  g_autoptr(CmStore) made_store = cm_test_open_new ("made.commissioner", &made);
  g_autoptr(CmStore) migrated_store = open_migrated (migrated);
  g_autofree char *tables = cm_test_query_dump (migrated, "SELECT name FROM sqlite_master"
                                                         " WHERE type = 'table' ORDER BY rowid");
  g_auto(GStrv) names = g_strsplit (tables, "\n", -1);

  assert_same (made, migrated, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid");
  for (guint i = 0; names[i] && *names[i]; i++)
    {
      g_autofree char *sql = rows_sql (names[i]);

      assert_same (made, migrated, sql);
    }
  assert_same (made, migrated, "PRAGMA user_version");
  assert_same (made, migrated, "PRAGMA application_id");

  /* The hooks ran on both: every seeded record has its baseline row. */
  g_assert_cmpint (cm_test_query_int (made, "SELECT count(*) FROM characteristic"), >, 0);
  g_assert_cmpint (cm_test_query_int (made, "SELECT count(*) FROM characteristic WHERE id NOT IN"
                                            " (SELECT entity_id FROM audit"
                                            "  WHERE entity = 'characteristic')"), ==, 0);
  g_assert_cmpint (cm_test_schema_version (made), ==, cm_store_latest_schema_version ());
}

static void
test_new_file_verifies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("verified.commissioner", NULL);
  gint64 rows = 0, bad_row = 0;

  g_assert_true (cm_store_verify_audit (store, &rows, &bad_row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, >, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cm_test_add_file_func ("/schema-snapshot/new-is-migrated", test_new_file_is_migrated_file);
  cm_test_add_file_func ("/schema-snapshot/verifies", test_new_file_verifies);
  return g_test_run ();
}
