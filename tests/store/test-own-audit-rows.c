/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-own-audit-rows.c: the audit rows a store's own commits appended */
#include "cm-own-audit-rows.h"

/* Own commits right after the row seen are passed at once. */
static void
test_pass_own_commit_at_once (void)
{
  g_autoptr(CmOwnAuditRows) rows = cm_own_audit_rows_new ();

  cm_own_audit_rows_add (rows, 10, 14);
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 10), ==, 14);
  g_assert_false (cm_own_audit_rows_contain (rows, 12));
  g_assert_cmpint (cm_own_audit_rows_count (rows, 0, 100), ==, 0);
}

/* Others' rows 11-12, then own 13-14, others' 15, own 16-18 and 19-20:
 * the own rows wait until the others' before them are followed, then are
 * passed in one go. */
static void
test_own_rows_wait_for_others_before_them (void)
{
  g_autoptr(CmOwnAuditRows) rows = cm_own_audit_rows_new ();

  cm_own_audit_rows_add (rows, 12, 14);
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 10), ==, 10);
  cm_own_audit_rows_add (rows, 15, 18);
  cm_own_audit_rows_add (rows, 18, 20);
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 10), ==, 10);

  g_assert_false (cm_own_audit_rows_contain (rows, 11));
  g_assert_false (cm_own_audit_rows_contain (rows, 12));
  g_assert_true (cm_own_audit_rows_contain (rows, 13));
  g_assert_true (cm_own_audit_rows_contain (rows, 14));
  g_assert_false (cm_own_audit_rows_contain (rows, 15));
  g_assert_true (cm_own_audit_rows_contain (rows, 16));
  g_assert_true (cm_own_audit_rows_contain (rows, 20));
  g_assert_false (cm_own_audit_rows_contain (rows, 21));
  g_assert_cmpint (cm_own_audit_rows_count (rows, 10, 20), ==, 7);
  g_assert_cmpint (cm_own_audit_rows_count (rows, 13, 17), ==, 3);

  /* Others' 11-12 followed: own 13-14 passed, then 15 waits. */
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 12), ==, 14);
  g_assert_false (cm_own_audit_rows_contain (rows, 13));
  /* Others' 15 followed: both later own spans passed. */
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 15), ==, 20);
  g_assert_cmpint (cm_own_audit_rows_count (rows, 0, 100), ==, 0);
}

/* A row seen that jumped past own spans (the lists read again whole)
 * forgets them. */
static void
test_spans_behind_row_seen_forgotten (void)
{
  g_autoptr(CmOwnAuditRows) rows = cm_own_audit_rows_new ();

  cm_own_audit_rows_add (rows, 12, 14);
  cm_own_audit_rows_add (rows, 20, 22);
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 16), ==, 16);
  g_assert_false (cm_own_audit_rows_contain (rows, 13));
  g_assert_true (cm_own_audit_rows_contain (rows, 21));
  g_assert_cmpint (cm_own_audit_rows_pass (rows, 30), ==, 30);
  g_assert_false (cm_own_audit_rows_contain (rows, 21));
}

/* A copy, read in another thread, keeps the spans as they were when it
 * was made, whatever the store commits after. */
static void
test_copy_keeps_its_spans (void)
{
  g_autoptr(CmOwnAuditRows) rows = cm_own_audit_rows_new ();
  g_autoptr(CmOwnAuditRows) copy = NULL;

  cm_own_audit_rows_add (rows, 12, 14);
  copy = cm_own_audit_rows_copy (rows);
  cm_own_audit_rows_add (rows, 15, 18);
  g_assert_true (cm_own_audit_rows_contain (copy, 13));
  g_assert_false (cm_own_audit_rows_contain (copy, 16));
  g_assert_cmpint (cm_own_audit_rows_count (copy, 10, 20), ==, 2);
  g_assert_cmpint (cm_own_audit_rows_count (rows, 10, 20), ==, 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/own-audit-rows/pass-at-once", test_pass_own_commit_at_once);
  g_test_add_func ("/own-audit-rows/wait-for-others", test_own_rows_wait_for_others_before_them);
  g_test_add_func ("/own-audit-rows/forget-passed", test_spans_behind_row_seen_forgotten);
  g_test_add_func ("/own-audit-rows/copy", test_copy_keeps_its_spans);
  return g_test_run ();
}
