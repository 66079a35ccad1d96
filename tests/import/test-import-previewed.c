/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import-previewed.c: a register previewed from its first rows, then
 * planned and written in one pass as it is read again: the columns chosen
 * and the rows left out apply, progress runs against the preview's count,
 * and a row refused late in the file or a cancel leaves the portfolio as
 * it was. */
#include "cm-import.h"
#include "cm-test-util.h"

#define N_ROWS 1500

/* N_ROWS data rows; the row numbered @bad (a table row) has a start
 * date that is no date, unless @bad is 0. */
static char *
register_of (const char *name, guint bad)
{
  g_autoptr(GString) text = g_string_new ("Ref,Name,Supplier,Start date,Until,Lead\n");
  g_autofree char *path = cm_test_temp_path (name);
  g_autoptr(GError) error = NULL;

  for (guint row = 1; row <= N_ROWS; row++)
    g_string_append_printf (text, "P-%04u,Service %u,Provider %u,%s,31/03/2027,Public Health\n", row, row, row % 9,
                            row == bad ? "31/02/2024" : "01/04/2024");
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The mapping a user would choose in the preview: none of these headers
 * is one the guess knows. */
static GArray *
chosen_mapping (const char *csv, guint *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) preview = cm_table_read_preview (csv, NULL, 20, n_rows, &error);
  GArray *mapping;

  g_assert_no_error (error);
  g_assert_cmpuint (cm_table_get_n_rows (preview), ==, 21);
  mapping = g_array_new (FALSE, FALSE, sizeof (CmImportField));
  g_array_append_vals (mapping, (CmImportField[]) { CM_IMPORT_FIELD_REFERENCE,
                                                    CM_IMPORT_FIELD_TITLE,
                                                    CM_IMPORT_FIELD_PROVIDER,
                                                    CM_IMPORT_FIELD_START_DATE,
                                                    CM_IMPORT_FIELD_END_DATE,
                                                    CM_IMPORT_FIELD_COMMISSIONER }, 6);
  return mapping;
}

static void
rising (double fraction, gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_previewed_writes_chosen_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("previewed.commissioner", &path);
  g_autofree char *csv = register_of ("previewed.csv", 0);
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  guint n_rows = 0;
  double progress = 0;

  mapping = chosen_mapping (csv, &n_rows);
  g_assert_cmpuint (n_rows, ==, N_ROWS + 1);
  g_array_append_vals (excluded, (guint[]) { 3, 1200 }, 2);
  plan = cm_import_plan_new_written_as_previewed (store, csv, NULL, mapping,
                                                  CM_IMPORT_DUPLICATE_SKIP, excluded,
                                                  "previewed.csv", n_rows, rising, &progress,
                                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "previewed.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress, >, 0.5);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_EXCLUDED), ==, 2);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE), ==, N_ROWS - 2);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, N_ROWS - 2);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"
                                            " WHERE reference IN ('P-0003', 'P-1200')"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"
                                            " WHERE start_date = '2024-04-01'"), ==, N_ROWS - 2);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 9);
}

/* The preview's rows were all good; the bad one comes far below them. */
static void
test_previewed_late_refusal_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("previewed-refused.commissioner", &path);
  g_autofree char *csv = register_of ("previewed-refused.csv", 1400);
  g_autofree char *head = cm_test_query_text (path, "SELECT value FROM meta"
                                                    " WHERE key = 'audit_head'");
  g_autofree char *head_after = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  g_autoptr(GPtrArray) report = NULL;
  guint n_rows = 0;

  mapping = chosen_mapping (csv, &n_rows);
  plan = cm_import_plan_new_written_as_previewed (store, csv, NULL, mapping,
                                                  CM_IMPORT_DUPLICATE_SKIP, NULL, "refused.csv",
                                                  n_rows, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cm_import_plan_apply (plan, store, "refused.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpint (cm_import_plan_row_status (plan, 1400), ==, CM_IMPORT_ROW_INVALID);
  report = cm_import_plan_report (plan);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report, 0), "D1401:"));
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM import_run"), ==, 0);
  head_after = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  g_assert_cmpstr (head_after, ==, head);
}

static void
test_previewed_cancel_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("previewed-cancelled.commissioner", &path);
  g_autofree char *csv = register_of ("previewed-cancelled.csv", 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  guint n_rows = 0;

  mapping = chosen_mapping (csv, &n_rows);
  g_cancellable_cancel (cancellable);
  plan = cm_import_plan_new_written_as_previewed (store, csv, NULL, mapping,
                                                  CM_IMPORT_DUPLICATE_SKIP, NULL,
                                                  "cancelled.csv", n_rows, NULL, NULL,
                                                  cancellable, &error);
  g_assert_no_error (error);
  g_assert_false (cm_import_plan_apply (plan, store, "cancelled.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM import_run"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-previewed/writes-chosen-columns", test_previewed_writes_chosen_columns);
  g_test_add_func ("/import-previewed/late-refusal-changes-nothing",
                   test_previewed_late_refusal_changes_nothing);
  g_test_add_func ("/import-previewed/cancel-changes-nothing",
                   test_previewed_cancel_changes_nothing);
  return g_test_run ();
}
