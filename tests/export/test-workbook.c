/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-workbook.c: a cancelled or failed export leaves the target as it was
 * (the workbook's content is checked by test-export.py with openpyxl) */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-db-sqlite.h"
#include "cm-demo.h"
#include "cm-store-private.h"
#include "cm-test-util.h"
#include "cm-workbook.h"

/* Whether a temporary file of @target is left in its folder. */
static gboolean
temporary_left (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);
  g_autofree char *prefix = g_strdup_printf (".%s.", name);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  while (dir && (entry = g_dir_read_name (dir)))
    if (g_str_has_prefix (entry, prefix))
      return TRUE;
  return FALSE;
}

/* The demo portfolio made as @name, open to read, and "an earlier
 * workbook" written at @target. */
static CmStore *
demo_beside_earlier_file (const char *name, const char *target, const GDate *today)
{
  g_autofree char *portfolio = cm_test_portfolio_path (name);
  g_autoptr(GError) error = NULL;
  CmStore *store;

  g_unlink (portfolio);
  g_assert_true (cm_demo_create (portfolio, today, NULL));
  store = cm_store_open (portfolio, CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (target, "an earlier workbook", -1, NULL));
  return store;
}

/* The file at @target still holds what demo_beside_earlier_file () wrote,
 * with no temporary file beside it. */
static void
assert_earlier_file_kept (const char *target)
{
  g_autofree char *kept = NULL;

  g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "an earlier workbook");
  g_assert_false (temporary_left (target));
}

static void
test_cancel_keeps_the_old_workbook (void)
{
  g_autofree char *target = cm_test_temp_path ("workbook.xlsx");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CmStore) store = demo_beside_earlier_file ("workbook.commissioner", target, today);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cm_workbook_export (store, target, today, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_earlier_file_kept (target);

  /* Not cancelled, it replaces the earlier file with a workbook (a zip). */
  g_assert_true (cm_workbook_export (store, target, today, NULL, NULL));
  g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
  g_assert_true (g_str_has_prefix (kept, "PK"));
  g_assert_false (temporary_left (target));
}

/* Refuses reading the audit trail's new values, which only the Audit trail
 * sheet's query asks for unconditionally. */
static int
refuse_audit_values (void *data, int action, const char *table, const char *column,
                     const char *database, const char *trigger)
{
  return action == SQLITE_READ && g_strcmp0 (table, "audit") == 0 &&
         g_strcmp0 (column, "new_value") == 0 ? SQLITE_DENY : SQLITE_OK;
}

/* The same refusal on every connection opened from here on, such as the
 * one the Audit trail sheet is read with beside the other sheets. */
static int
refuse_on_opening (sqlite3 *db, char **message, const struct sqlite3_api_routines *api)
{
  sqlite3_set_authorizer (db, refuse_audit_values, NULL);
  return SQLITE_OK;
}

/* The export fails with the store's words, SQLite's reason in them, and
 * the earlier file stays as it was. */
static void
assert_refused_trail_fails (CmStore *store, const char *target, const GDate *today)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_workbook_export (store, target, today, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "audit.new_value is prohibited"));
  assert_earlier_file_kept (target);
}

/* A trail that cannot be read fails the export with the store's reason,
 * rather than leaving the Audit trail sheet empty. */
static void
test_unread_audit_trail_fails (void)
{
  g_autofree char *target = cm_test_temp_path ("workbook-unread.xlsx");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(CmStore) store = demo_beside_earlier_file ("workbook-unread.commissioner", target,
                                                       today);

  sqlite3_set_authorizer (cm_db_sqlite_handle (cm_store_get_db (store)), refuse_audit_values,
                          NULL);
  sqlite3_auto_extension ((void (*) (void)) refuse_on_opening);
  assert_refused_trail_fails (store, target, today);
  sqlite3_cancel_auto_extension ((void (*) (void)) refuse_on_opening);
}

/* Where no second connection opens (here, the file has moved since the
 * store opened it), the Audit trail is read with the store itself: its
 * refusal, on that connection alone, fails the export. Without it the
 * export succeeds. */
static void
test_trail_read_with_the_store_alone (void)
{
  g_autofree char *target = cm_test_temp_path ("workbook-alone.xlsx");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(CmStore) store = demo_beside_earlier_file ("workbook-alone.commissioner", target,
                                                       today);
  g_autofree char *moved = g_strconcat (cm_store_get_path (store), ".moved", NULL);
  g_autofree char *written = NULL;

  g_assert_cmpint (g_rename (cm_store_get_path (store), moved), ==, 0);
  sqlite3_set_authorizer (cm_db_sqlite_handle (cm_store_get_db (store)), refuse_audit_values,
                          NULL);
  assert_refused_trail_fails (store, target, today);

  sqlite3_set_authorizer (cm_db_sqlite_handle (cm_store_get_db (store)), NULL, NULL);
  g_assert_true (cm_workbook_export (store, target, today, NULL, NULL));
  g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "PK"));
  g_unlink (moved);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workbook/cancel-keeps-the-old-workbook", test_cancel_keeps_the_old_workbook);
  /* The refusal is SQLite's own, set on the file's connection. */
  cm_test_add_file_func ("/workbook/unread-audit-trail-fails", test_unread_audit_trail_fails);
  cm_test_add_file_func ("/workbook/trail-read-with-the-store-alone",
                         test_trail_read_with_the_store_alone);
  return g_test_run ();
}
