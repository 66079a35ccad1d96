/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-damage.c: a damaged trail found, changes refused until the
 * damage is accepted, and the acceptance never hiding the damage */
#include <glib/gstdio.h>

#include "cm-audit-damage.h"
#include "cm-audit-mark.h"
#include "cm-organisation.h"
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

  cm_test_run_sqlite (path, "UPDATE organisation SET name = 'Public Health (edited)';");
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
  cm_test_run_sqlite (path, "UPDATE audit SET new_value = 'Altered'"
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

  cm_test_run_sqlite (path, "UPDATE organisation SET name = 'Public Health (edited)'"
                            " WHERE name = 'Public Health';");
  g_assert_true (cm_audit_damage_check (path, &whole, &error));
  g_assert_nonnull (whole.damage);
  g_assert_nonnull (strstr (whole.damage, "Public Health (edited)"));

  cm_test_run_sqlite (path, "UPDATE audit SET hash = replace (hash, substr (hash, 1, 1), 'x')"
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
  cm_test_run_sqlite (path, "PRAGMA journal_mode = DELETE;");
  page = cm_test_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'contract'");
  page_size = cm_test_query_int (path, "PRAGMA page_size");
  bytes = cm_test_read_file (path);
  data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  memset (data + (page - 1) * page_size, 0xA5, 64);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));

  g_assert_false (cm_audit_damage_check_since (path, marks, &damage, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT);
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
  return g_test_run ();
}
