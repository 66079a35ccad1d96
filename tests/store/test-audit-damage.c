/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-damage.c: a damaged trail found, changes refused until the
 * damage is accepted, and the acceptance never hiding the damage */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cm-audit.h"
#include "cm-audit-baseline.h"
#include "cm-audit-damage.h"
#include "cm-audit-mark.h"
#include "cm-backup.h"
#include "cm-db-sqlite.h"
#include "cm-organisation.h"
#include "cm-schema.h"
#include "cm-test-util.h"

static void
test_damage_refused_then_accepted (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("damage.commissioner", &path);
  g_autoptr(CmOrganisation) first = cm_organisation_new ("Public Health",
                                                         CM_ORGANISATION_KIND_PARTNER);
  g_autoptr(CmOrganisation) second = cm_organisation_new ("Adult Social Care",
                                                          CM_ORGANISATION_KIND_PARTNER);
  g_auto(CmAuditDamage) damage = { 0 };
  g_auto(CmAuditDamage) again = { 0 };
  g_autoptr(GError) error = NULL;

  cm_test_save (store, first);
  g_assert_true (cm_audit_damage_check (path, &damage, &error));
  g_assert_null (damage.damage);

  cm_test_run_sql (path, "UPDATE organisation SET name = 'Public Health (edited)';");
  g_assert_true (cm_audit_damage_check (path, &damage, &error));
  g_assert_nonnull (damage.damage);
  g_assert_null (damage.accepted);
  g_assert_nonnull (strstr (damage.damage, "Public Health (edited)"));

  cm_store_refuse_changes (store, damage.damage);
  g_assert_false (cm_store_save (store, CM_ENTITY (second), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (cm_audit_damage_accept (store, damage.damage, "Agreed with audit", &error));
  g_assert_no_error (error);
  cm_test_save (store, second);

  /* Still damaged, and now known to be accepted, by whom and why. */
  g_assert_true (cm_audit_damage_check (path, &again, &error));
  g_assert_cmpstr (again.damage, ==, damage.damage);
  g_assert_nonnull (again.accepted);
  g_assert_nonnull (strstr (again.accepted, "Agreed with audit"));
  g_assert_nonnull (strstr (again.accepted, cm_store_get_actor (store)));
}

static CmOrganisation *
partner (const char *name)
{
  return cm_organisation_new (name, CM_ORGANISATION_KIND_PARTNER);
}

/* After a whole check, only the rows added since are checked, from the mark. */
static void
test_since_checks_rows_added (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("since-marks.ini");
  g_autoptr(CmStore) store = cm_test_open_new ("since.commissioner", &path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_autoptr(CmOrganisation) second = partner ("Adult Social Care");
  g_auto(CmAuditDamage) damage = { 0 };
  g_auto(CmAuditDamage) later = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = -1, head;

  g_unlink (marks);
  cm_test_save (store, first);
  g_assert_false (cm_audit_mark_read (marks, path, &seq, &hash));
  g_assert_true (cm_audit_damage_check_since (path, marks, &damage, &error));
  g_assert_no_error (error);
  g_assert_null (damage.damage);
  head = cm_test_query_int (path, "SELECT max(id) FROM audit");
  g_assert_true (cm_audit_mark_read (marks, path, &seq, &hash));
  g_assert_cmpint (seq, ==, head);

  /* A row added since, altered: found from the mark. */
  cm_test_save (store, second);
  cm_test_run_sql (path, "UPDATE audit SET new_value = 'Altered'"
                         " WHERE id = (SELECT max(id) FROM audit);");
  g_assert_true (cm_audit_damage_check_since (path, marks, &later, &error));
  g_assert_no_error (error);
  g_assert_nonnull (later.damage);
  g_assert_nonnull (strstr (later.damage, "its contents do not match its hash"));
  /* The mark stays where the trail was last sound. */
  g_clear_pointer (&hash, g_free);
  g_assert_true (cm_audit_mark_read (marks, path, &seq, &hash));
  g_assert_cmpint (seq, ==, head);
}

/* A record edited outside is found by the whole check only; a marked row
 * rewritten sends the check back to the whole trail. */
static void
test_since_whole_when_mark_row_changed (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("whole-marks.ini");
  g_autoptr(CmStore) store = cm_test_open_new ("whole.commissioner", &path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_autoptr(CmOrganisation) second = partner ("Adult Social Care");
  g_auto(CmAuditDamage) sound = { 0 };
  g_auto(CmAuditDamage) whole = { 0 };
  g_auto(CmAuditDamage) rehashed = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0, head;

  g_unlink (marks);
  cm_test_save (store, first);
  cm_test_save (store, second);
  g_assert_true (cm_audit_damage_check_since (path, marks, &sound, &error));
  g_assert_null (sound.damage);
  head = cm_test_query_int (path, "SELECT max(id) FROM audit");

  cm_test_run_sql (path, "UPDATE organisation SET name = 'Public Health (edited)'"
                         " WHERE name = 'Public Health';");
  g_assert_true (cm_audit_damage_check (path, &whole, &error));
  g_assert_nonnull (whole.damage);
  g_assert_nonnull (strstr (whole.damage, "Public Health (edited)"));

  cm_test_run_sql (path, "UPDATE audit SET hash = replace (hash, substr (hash, 1, 1), 'x')"
                         " WHERE id = (SELECT max(id) FROM audit);");
  g_assert_true (cm_audit_mark_read (marks, path, &seq, &hash));
  g_assert_cmpint (seq, ==, head);
  g_assert_true (cm_audit_damage_check_since (path, marks, &rehashed, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rehashed.damage);
}

/* SQLite's check of the file runs with the trail's, for a window that
 * opened the file without it. */
static void
test_since_finds_damaged_file (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("file-marks.ini");
  g_autoptr(CmStore) store = cm_test_open_new ("file.commissioner", &path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_auto(CmAuditDamage) sound = { 0 };
  g_auto(CmAuditDamage) damage = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  gint64 page, page_size;
  gsize length;

  g_unlink (marks);
  cm_test_save (store, first);
  g_assert_true (cm_audit_damage_check_since (path, marks, &sound, &error));
  g_clear_object (&store);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;");
  page = cm_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'contract'");
  page_size = cm_test_query_int (path, "PRAGMA page_size");
  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  memset (data + (page - 1) * page_size, 0xA5, 64);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));

  g_assert_false (cm_audit_damage_check_since (path, marks, &damage, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT);
}

/* ---- what a check reads, and what it cannot read --------------------- */

/* Between the check's reading of the rows and of the head, the window
 * commits a change: one snapshot sees neither, so it is not damage. */
static void
commit_between_reads (CmDb *db, gpointer data)
{
  static int commits;
  g_autofree char *name = g_strdup_printf ("Committed meanwhile %d", ++commits);
  g_autoptr(CmOrganisation) late = partner (name);
  g_autoptr(GError) error = NULL;

  cm_audit_verify_between_reads = NULL;
  cm_store_save (CM_STORE (data), CM_ENTITY (late), &error);
  g_assert_no_error (error);
}

static void
test_commit_during_check_is_not_damage (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("during-marks.ini");
  g_autoptr(CmStore) store = cm_test_open_new ("during.commissioner", &path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_autoptr(CmOrganisation) second = partner ("Adult Social Care");
  g_auto(CmAuditDamage) whole = { 0 };
  g_auto(CmAuditDamage) since = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 before;

  g_unlink (marks);
  cm_test_save (store, first);
  /* The whole check (no mark yet), with its replay. */
  before = cm_test_query_int (path, "SELECT max(id) FROM audit");
  cm_audit_verify_between_reads = commit_between_reads;
  cm_audit_verify_between_reads_data = store;
  g_assert_true (cm_audit_damage_check_since (path, marks, &whole, &error));
  g_assert_no_error (error);
  g_assert_null (cm_audit_verify_between_reads);
  g_assert_cmpint (cm_test_query_int (path, "SELECT max(id) FROM audit"), >, before);
  g_assert_cmpstr (whole.damage, ==, NULL);

  /* The check from the mark. */
  cm_test_save (store, second);
  cm_audit_verify_between_reads = commit_between_reads;
  g_assert_true (cm_audit_damage_check_since (path, marks, &since, &error));
  g_assert_no_error (error);
  g_assert_null (cm_audit_verify_between_reads);
  g_assert_cmpstr (since.damage, ==, NULL);
}

/* The check's connection can no longer read: an error, not damage. */
static void
deny_reading (CmDb *db, gpointer data)
{
  cm_audit_verify_between_reads = NULL;
  sqlite3_set_authorizer (cm_db_sqlite_handle (db),
                          (int (*) (void *, int, const char *, const char *, const char *,
                                    const char *)) data, NULL);
}

static int
refuse_all (void *data, int action, const char *a, const char *b, const char *c,
            const char *d)
{
  return SQLITE_DENY;
}

static void
test_read_error_is_not_damage (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("unread-marks.ini");
  g_autoptr(CmStore) store = cm_test_open_new ("unread.commissioner", &path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_auto(CmAuditDamage) whole = { 0 };
  g_auto(CmAuditDamage) since = { 0 };
  g_autoptr(GError) error = NULL;

  g_unlink (marks);
  cm_test_save (store, first);
  cm_audit_verify_between_reads = deny_reading;
  cm_audit_verify_between_reads_data = (gpointer) refuse_all;
  g_assert_false (cm_audit_damage_check_since (path, marks, &whole, &error));
  g_assert_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_SQL);
  g_assert_null (whole.damage);
  g_clear_error (&error);

  g_assert_true (cm_audit_damage_check_since (path, marks, &whole, &error));
  g_assert_no_error (error);
  cm_audit_verify_between_reads = deny_reading;
  g_assert_false (cm_audit_damage_check_since (path, marks, &since, &error));
  g_assert_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_SQL);
  g_assert_null (since.damage);
}

/* A file whose header is not SQLite's is reported, not taken for damage. */
static void
test_garbage_header_is_an_error (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("garbage-marks.ini");
  g_autoptr(CmStore) store = cm_test_open_new ("garbage.commissioner", &path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_auto(CmAuditDamage) sound = { 0 };
  g_auto(CmAuditDamage) damage = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  gsize length;

  g_unlink (marks);
  cm_test_save (store, first);
  g_assert_true (cm_audit_damage_check_since (path, marks, &sound, &error));
  g_clear_object (&store);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;");
  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  memset (data, 'x', 100);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));

  g_assert_false (cm_audit_damage_check_since (path, marks, &damage, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_PORTFOLIO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (damage.damage);
}

/* Sets the last whole check of @path's mark @days ago. */
static void
age_mark (const char *marks, const char *path, int days)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *group = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (file, marks, G_KEY_FILE_NONE, &error));
  g_assert_true (g_key_file_has_key (file, group, "whole-checked", NULL));
  g_key_file_set_int64 (file, group, "whole-checked",
                        g_get_real_time () / G_USEC_PER_SEC - days * 24 * 60 * 60);
  g_assert_true (g_key_file_save_to_file (file, marks, &error));
}

/* A portfolio whose first audit row was altered after a whole check found
 * it sound, the mark at the newest row: @path, the marks in @marks. */
static void
alter_before_mark (const char *name, char **path, const char *marks)
{
  g_autoptr(CmStore) store = cm_test_open_new (name, path);
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_autoptr(CmOrganisation) second = partner ("Adult Social Care");
  g_auto(CmAuditDamage) sound = { 0 };
  g_auto(CmAuditDamage) unseen = { 0 };
  g_autoptr(GError) error = NULL;

  g_unlink (marks);
  cm_test_save (store, first);
  cm_test_save (store, second);
  g_assert_true (cm_audit_damage_check_since (*path, marks, &sound, &error));
  g_assert_null (sound.damage);
  cm_test_run_sql (*path, "UPDATE audit SET new_value = 'Altered' WHERE id = 1;");
  /* A fresh mark of the same file checks only the rows since. */
  g_assert_true (cm_audit_damage_check_since (*path, marks, &unseen, &error));
  g_assert_null (unseen.damage);
}

static void
test_before_mark_found_when_stale (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("stale-marks.ini");
  g_auto(CmAuditDamage) week = { 0 };
  g_auto(CmAuditDamage) damage = { 0 };
  g_autoptr(GError) error = NULL;

  alter_before_mark ("stale.commissioner", &path, marks);
  age_mark (marks, path, CM_AUDIT_MARK_WHOLE_DAYS - 1);
  g_assert_true (cm_audit_damage_check_since (path, marks, &week, &error));
  g_assert_null (week.damage);

  age_mark (marks, path, CM_AUDIT_MARK_WHOLE_DAYS + 1);
  g_assert_true (cm_audit_damage_check_since (path, marks, &damage, &error));
  g_assert_no_error (error);
  g_assert_nonnull (damage.damage);
  g_assert_nonnull (strstr (damage.damage, "row 1"));
}

static void
test_before_mark_found_when_replaced (void)
{
  g_autofree char *path = NULL;
  g_autofree char *marks = cm_test_temp_path ("replaced-marks.ini");
  g_auto(CmAuditDamage) damage = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf before, after;

  alter_before_mark ("replaced.commissioner", &path, marks);
  /* The same bytes, as a new file at the same path (a copy put back). */
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  bytes = cm_test_read_file (path);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);

  g_assert_true (cm_audit_damage_check_since (path, marks, &damage, &error));
  g_assert_no_error (error);
  g_assert_nonnull (damage.damage);
  g_assert_nonnull (strstr (damage.damage, "row 1"));
}

/* A portfolio opened before SQLite's check of it refuses changes, naming
 * the file, until the check lifts the refusal. */
static void
test_refused_while_checked (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) opened = cm_test_open_new ("checking.commissioner", &path);
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmOrganisation) first = partner ("Public Health");
  g_autoptr(CmOrganisation) second = partner ("Adult Social Care");
  g_autoptr(GError) error = NULL;

  g_clear_object (&opened);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_CHECKED, &error);
  g_assert_no_error (error);
  cm_audit_damage_refuse_until_checked (store);
  g_assert_false (cm_store_save (store, CM_ENTITY (first), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "still being checked"));
  g_clear_error (&error);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation"), ==, 0);

  cm_store_refuse_changes (store, NULL);
  cm_test_save (store, second);
}

/* An older file is migrated (and backed up first) as it opens, so it is
 * checked whatever the caller says: a damaged one is neither. */
static void
test_older_file_always_checked (void)
{
  g_autofree char *path = cm_test_temp_path ("older-damaged.commissioner");
  g_autofree char *backups = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  sqlite3 *db;
  gint64 page, page_size;
  gsize length;

  g_unlink (path);
  db = cm_test_create_old_portfolio (path, CM_AUDIT_BASELINE_VERSION);
  sqlite3_close (db);
  cm_test_run_sql (path, "PRAGMA journal_mode = DELETE;");
  page = cm_test_query_int (path, "SELECT rootpage FROM sqlite_master"
                                  " WHERE name = 'organisation'");
  page_size = cm_test_query_int (path, "PRAGMA page_size");
  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_assert_cmpuint (length, >=, page * page_size);
  memset (data + (page - 1) * page_size, 0xA5, 64);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_CHECKED, &error);
  g_assert_null (store);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT);
  backups = cm_backup_folder (path);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit-damage/refused-then-accepted", test_damage_refused_then_accepted);
  g_test_add_func ("/audit-damage/since-checks-rows-added", test_since_checks_rows_added);
  g_test_add_func ("/audit-damage/since-whole-when-mark-row-changed",
                   test_since_whole_when_mark_row_changed);
  g_test_add_func ("/audit-damage/since-finds-damaged-file", test_since_finds_damaged_file);
  g_test_add_func ("/audit-damage/commit-during-check-is-not-damage",
                   test_commit_during_check_is_not_damage);
  g_test_add_func ("/audit-damage/read-error-is-not-damage", test_read_error_is_not_damage);
  g_test_add_func ("/audit-damage/garbage-header-is-an-error", test_garbage_header_is_an_error);
  g_test_add_func ("/audit-damage/before-mark-found-when-stale",
                   test_before_mark_found_when_stale);
  g_test_add_func ("/audit-damage/before-mark-found-when-replaced",
                   test_before_mark_found_when_replaced);
  g_test_add_func ("/audit-damage/refused-while-checked", test_refused_while_checked);
  g_test_add_func ("/audit-damage/older-file-always-checked", test_older_file_always_checked);
  return g_test_run ();
}
