/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-damaged-read.c: a read that stops part way fails, rather than passing for a whole one */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-demo.h"
#include "cm-store-import.h"
#include "cm-test-util.h"

/* Contracts with long references, so that the index of references
 * spans several pages, as a real register's does. */
#define PADDING_SQL \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)" \
  " INSERT INTO contract (reference, title, service_id, provider_id, contract_type, route)" \
  " SELECT printf ('PAD-%04d-%.200c', i, 'x'), 'Padding', (SELECT min(id) FROM service)," \
  " (SELECT min(id) FROM provider), 'contract', 'open' FROM n;"

/* Of the leaf pages of @table and its indexes, all but the first in
 * each one's order (its path is all zeros), or all when @keep_first is
 * FALSE. */
#define LEAVES_SQL \
  "SELECT pageno FROM dbstat WHERE pagetype = 'leaf' AND name IN" \
  " (SELECT name FROM sqlite_schema WHERE tbl_name = '%s')" \
  " AND (NOT %d OR replace (replace (path, '000', ''), '/', '') <> '')"

/* A demo portfolio with those leaf pages of @table overwritten: a scan
 * reads the rows of the first page of each, then meets the damage. */
static char *
damaged_portfolio (const char *name, const char *table, gboolean keep_first)
{
  char *path = cm_test_temp_path (name);
  g_autoptr(GDate) today = cm_test_today ();
  g_autofree char *leaves_sql = g_strdup_printf (LEAVES_SQL, table, keep_first);
  g_autofree char *leaves = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  gint64 page_size;
  gsize length;

  g_unlink (path);
  g_assert_true (cm_demo_create (path, today, NULL));
  cm_test_run_sql (path, PADDING_SQL);
  /* Everything in the one file, so that overwriting it is the damage. */
  cm_test_run_sql (path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
  page_size = cm_test_query_int (path, "PRAGMA page_size");
  leaves = cm_test_query_dump (path, leaves_sql);
  pages = g_strsplit (g_strstrip (leaves), "\n", -1);
  g_assert_cmpuint (g_strv_length (pages), >, 0);

  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  for (guint i = 0; pages[i]; i++)
    {
      gint64 page = g_ascii_strtoll (pages[i], NULL, 10);

      g_assert_cmpint (page, >, 1);
      g_assert_cmpuint (length, >=, (gsize) (page * page_size));
      memset (data + (page - 1) * page_size, 0xA5, page_size);
    }
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));
  return path;
}

/* Opened past the check that would refuse it: the damage stands for a
 * read that fails after opening, such as a disk's. */
static CmStore *
open_damaged (const char *path)
{
  g_autoptr(GError) error = NULL;
  CmStore *store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY |
                                  CM_STORE_OPEN_CHECKED, &error);

  g_assert_no_error (error);
  return store;
}

/* The import would otherwise take the references it did not read for
 * free, and add their contracts again. */
static void
test_references_read_in_part_fail (void)
{
  g_autofree char *path = damaged_portfolio ("damaged-references.commissioner", "contract", TRUE);
  g_autoptr(CmStore) store = open_damaged (path);
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_store_contract_ids_by_reference (store, references, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  /* It did read the rows before the damage: a part, not nothing. */
  g_assert_cmpuint (g_hash_table_size (references), >, 0);
  g_clear_object (&store);
  g_unlink (path);
}

/* An undo that read half the ids would delete half the import. */
static void
test_ids_read_in_part_fail (void)
{
  g_autofree char *path = damaged_portfolio ("damaged-ids.commissioner", "contract", TRUE);
  g_autoptr(CmStore) store = open_damaged (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cm_store_ids_between (store, "contract", 1, G_MAXINT64, &error);

  g_assert_null (ids);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_clear_object (&store);
  g_unlink (path);
}

/* The Overview would otherwise take a damaged file for an empty one. */
static void
test_count_of_damaged_table_fails (void)
{
  g_autofree char *path = damaged_portfolio ("damaged-count.commissioner", "contract", FALSE);
  g_autoptr(CmStore) store = open_damaged (path);
  g_autoptr(GError) error = NULL;
  guint count = G_MAXUINT;

  g_assert_false (cm_store_count (store, CM_TYPE_CONTRACT, &count, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count, ==, G_MAXUINT);
  g_clear_object (&store);
  g_unlink (path);
}

static void
count_change (gint64 entity_id, const char *field, const char *old_value, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Undoing the changes it did read, and not the rest, would leave the
 * records half as they were. */
static void
test_changes_read_in_part_fail (void)
{
  g_autofree char *path = damaged_portfolio ("damaged-changes.commissioner", "audit", TRUE);
  g_autoptr(CmStore) store = open_damaged (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changed = NULL;
  guint seen = 0;

  g_assert_false (cm_store_each_change_after (store, "contract", 1, G_MAXINT64, 0,
                                              count_change, &seen, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_clear_error (&error);
  changed = cm_store_contracts_changed_between (store, 1, G_MAXINT64, &error);
  g_assert_null (changed);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_clear_object (&store);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-damaged-read/references", test_references_read_in_part_fail);
  g_test_add_func ("/store-damaged-read/ids", test_ids_read_in_part_fail);
  g_test_add_func ("/store-damaged-read/count", test_count_of_damaged_table_fails);
  g_test_add_func ("/store-damaged-read/changes", test_changes_read_in_part_fail);
  return g_test_run ();
}
