/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import.c: planning and applying an import against real portfolio
 * files: the mapping, the plan's report, exclusions, cancelling, and that
 * a refused import leaves the file exactly as it was. */
#include "cm-contract.h"
#include "cm-csv-reader.h"
#include "cm-import.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

static CmTable *
table_of (const char *csv)
{
  g_autoptr(GError) error = NULL;
  CmTable *table = cm_csv_read (csv, strlen (csv), &error);

  g_assert_no_error (error);
  return table;
}

static void
test_headers (void)
{
  static const struct { const char *header; CmImportField field; } cases[] = {
    { "Reference", CM_IMPORT_FIELD_REFERENCE },
    { "  reference   NUMBER ", CM_IMPORT_FIELD_REFERENCE },
    { "Title of agreement", CM_IMPORT_FIELD_TITLE },
    { "Supplier name", CM_IMPORT_FIELD_PROVIDER },
    { "Department responsible", CM_IMPORT_FIELD_COMMISSIONER },
    { "Description", CM_IMPORT_FIELD_SERVICE },
    { "Contract value", CM_IMPORT_FIELD_TOTAL_VALUE },
    { "START DATE", CM_IMPORT_FIELD_START_DATE },
    { "end_date", CM_IMPORT_FIELD_END_DATE },
    { "Extensions taken", CM_IMPORT_FIELD_EXTENSIONS_INVOKED },
    { "Extensions invoked", CM_IMPORT_FIELD_EXTENSIONS_INVOKED },
    { "Procurement route", CM_IMPORT_FIELD_ROUTE },
    { "Invitation to quote or tender", CM_IMPORT_FIELD_ROUTE },
    { "Provider sector", CM_IMPORT_FIELD_PROVIDER_SECTOR },
    { "Supplier registration number", CM_IMPORT_FIELD_REGISTRATION },
    { "Procurement start", CM_IMPORT_FIELD_PROCUREMENT_BEGAN },
    { "Tender start date", CM_IMPORT_FIELD_PROCUREMENT_BEGAN },
    { "Procurement began", CM_IMPORT_FIELD_PROCUREMENT_BEGAN },
    { "Current end status", CM_IMPORT_FIELD_IGNORE },
    { "", CM_IMPORT_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpint (cm_import_field_from_header (cases[i].header), ==, cases[i].field);
    }
}

static void
test_guess_takes_first_column (void)
{
  g_autoptr(CmTable) table = table_of ("Ref,Title,Ref,Supplier\r\n");
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);

  g_assert_cmpuint (mapping->len, ==, 4);
  g_assert_cmpint (g_array_index (mapping, CmImportField, 0), ==, CM_IMPORT_FIELD_REFERENCE);
  g_assert_cmpint (g_array_index (mapping, CmImportField, 2), ==, CM_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (cm_import_mapping_column (mapping, CM_IMPORT_FIELD_PROVIDER), ==, 3);
}

static void
test_remembered_mapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("remember.commissioner", NULL);
  g_autoptr(CmTable) table = table_of ("Code,Name,Who\r\nA,B,C\r\n");
  g_autoptr(CmTable) other = table_of ("Code,Name,Whom\r\nA,B,C\r\n");
  g_autoptr(GArray) mapping = cm_import_mapping_for (store, table);
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) elsewhere = NULL;

  g_assert_cmpint (cm_import_mapping_column (mapping, CM_IMPORT_FIELD_REFERENCE), ==, -1);
  g_array_index (mapping, CmImportField, 0) = CM_IMPORT_FIELD_REFERENCE;
  g_array_index (mapping, CmImportField, 1) = CM_IMPORT_FIELD_TITLE;
  g_array_index (mapping, CmImportField, 2) = CM_IMPORT_FIELD_PROVIDER;
  cm_import_mapping_remember (store, table, mapping, &error);
  g_assert_no_error (error);

  again = cm_import_mapping_for (store, table);
  g_assert_cmpint (cm_import_mapping_column (again, CM_IMPORT_FIELD_PROVIDER), ==, 2);
  /* Other headers are guessed afresh. */
  elsewhere = cm_import_mapping_for (store, other);
  g_assert_cmpint (cm_import_mapping_column (elsewhere, CM_IMPORT_FIELD_PROVIDER), ==, -1);
}

static const char register_csv[] =
  "Reference,Title,Provider,Service,Start date,End date,Annual value,Sector,Commissioner\r\n"
  "C-1,Carers support,Carers Leeds,Carers,01/04/2019,31/03/2024,£100k,Charity,Adult Social Care\r\n"
  "C-2,Short breaks,carers  LEEDS,Carers,1/4/19,31/3/20,500,Mutual,\r\n"
  "C-3,Crisis line,Touchstone,,31/02/2019,31/03/2024,£1m,VCSE,NHS Leeds ICB\r\n"
  "C-4,Day centre,Touchstone,Day care,01/04/2019,31/03/2018,2000,,Public Health\r\n"
  "C-5,Meals,Touchstone,Meals,01/04/2019,31/03/2024,100,,\r\n"
  ",,,,,,,,\r\n";

/* A term, notice period and extensions taken that passed on one row are
 * not checked again on the next row with the same three; others are, and
 * each refusal names its own contract. */
static void
test_term_checked_per_combination (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("terms.commissioner", NULL);
  g_autoptr(CmTable) table = table_of (
    "Reference,Title,Provider,Service,Commissioner,Term,Extensions invoked,Notice period\r\n"
    "T-1,Carers,Mind,Carers,Adult Social Care,3+1,1,3 months\r\n"
    "T-2,Carers,Mind,Carers,Adult Social Care,3+1,2,3 months\r\n"
    "T-3,Carers,Mind,Carers,Adult Social Care,3+1,1,3 months\r\n"
    "T-4,Carers,Mind,Carers,Adult Social Care,3+1,2,3 months\r\n"
    "T-5,Carers,Mind,Carers,Adult Social Care,3+1,0,3 weeks\r\n");
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new (store, table, mapping,
                                                     CM_IMPORT_DUPLICATE_SKIP, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (cm_import_plan_row_status (plan, 1), ==, CM_IMPORT_ROW_CREATE);
  g_assert_cmpint (cm_import_plan_row_status (plan, 2), ==, CM_IMPORT_ROW_INVALID);
  g_assert_cmpint (cm_import_plan_row_status (plan, 3), ==, CM_IMPORT_ROW_CREATE);
  g_assert_cmpint (cm_import_plan_row_status (plan, 4), ==, CM_IMPORT_ROW_INVALID);
  g_assert_cmpint (cm_import_plan_row_status (plan, 5), ==, CM_IMPORT_ROW_CREATE);
  g_assert_cmpstr (g_ptr_array_index (cm_import_plan_row_problems (plan, 2), 0), ==,
                   "Row 3: Contract T-2 cannot have 2 extensions taken: its term “3+1” allows 1.");
  g_assert_cmpstr (g_ptr_array_index (cm_import_plan_row_problems (plan, 4), 0), ==,
                   "Row 5: Contract T-4 cannot have 2 extensions taken: its term “3+1” allows 1.");
}

static void
test_plan_reports_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("plan.commissioner", NULL);
  g_autoptr(CmTable) table = table_of (register_csv);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new (store, table, mapping,
                                                     CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  const GPtrArray *problems;
  g_autoptr(GPtrArray) report = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cm_import_plan_row_status (plan, 1), ==, CM_IMPORT_ROW_CREATE);
  g_assert_cmpint (cm_import_plan_row_status (plan, 2), ==, CM_IMPORT_ROW_CREATE);
  g_assert_cmpint (cm_import_plan_row_status (plan, 3), ==, CM_IMPORT_ROW_INVALID);
  g_assert_cmpint (cm_import_plan_row_status (plan, 4), ==, CM_IMPORT_ROW_INVALID);
  g_assert_cmpint (cm_import_plan_row_status (plan, 5), ==, CM_IMPORT_ROW_INVALID);
  g_assert_cmpint (cm_import_plan_row_status (plan, 6), ==, CM_IMPORT_ROW_BLANK);

  problems = cm_import_plan_row_problems (plan, 3);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "E4: "));
  problems = cm_import_plan_row_problems (plan, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "Row 5: "));
  /* A new service needs its lead commissioner. */
  problems = cm_import_plan_row_problems (plan, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "I6: "));
  report = cm_import_plan_report (plan);
  g_assert_cmpuint (report->len, ==, 3);

  /* One provider whatever its spelling; a service named by title when the
   * cell is empty; the unknown sector listed with its row. */
  g_assert_cmpuint (cm_import_plan_new_providers (plan)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (cm_import_plan_new_services (plan), 0), ==, "Carers");
  g_assert_cmpuint (cm_import_plan_new_services (plan)->len, ==, 4);
  g_assert_cmpuint (cm_import_plan_new_commissioners (plan)->len, ==, 3);
  g_assert_cmpuint (cm_import_plan_other_values (plan)->len, ==, 0);
}

static void
test_refused_import_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("refused.commissioner", &path);
  g_autoptr(CmTable) table = table_of (register_csv);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new (store, table, mapping,
                                                     CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_autoptr(GBytes) before = cm_test_snapshot (path);
  g_autoptr(GBytes) after = NULL;

  g_assert_false (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS);
  after = cm_test_snapshot (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 0);
}

/* The day the procurement began is read when a register has it, and
 * stays empty (the start date stands in) when it has not. */
static void
test_procurement_began_imported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("began.commissioner", &path);
  g_autoptr(CmTable) table = table_of (
    "Reference,Title,Provider,Service,Start date,Procurement start,Commissioner\r\n"
    "P-1,Advocacy,Advonet,Advocacy,01/04/2026,15/09/2025,Adult Social Care\r\n"
    "P-2,Carers,Carers Leeds,Carers,01/04/2026,,Adult Social Care\r\n");
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new (store, table, mapping,
                                                     CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_autofree char *began = NULL;
  g_autofree char *unrecorded = NULL;

  g_assert_no_error (error);
  cm_import_plan_apply (plan, store, "began.csv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  began = cm_test_query_text (path, "SELECT procurement_began FROM contract"
                                    " WHERE reference = 'P-1'");
  unrecorded = cm_test_query_text (path, "SELECT procurement_began FROM contract"
                                         " WHERE reference = 'P-2'");
  g_assert_cmpstr (began, ==, "2025-09-15");
  g_assert_cmpstr (unrecorded, ==, "");
}

static void
count_progress (double fraction, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_excluded_rows_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("excluded.commissioner", &path);
  g_autoptr(CmTable) table = table_of (register_csv);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CmImportPlan) plan = NULL;
  g_autofree char *sector = NULL;
  double progress = 0;

  g_array_append_vals (excluded, (guint[]) { 3, 4, 5 }, 3);
  plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP, excluded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_EXCLUDED), ==, 3);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_INVALID), ==, 0);
  cm_import_plan_apply (plan, store, "register.csv", count_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (progress, ==, 1.0);

  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 2);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM service"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT annual_value FROM contract"
                                            " WHERE reference = 'C-1'"), ==, 10000000);
  sector = cm_test_query_text (path, "SELECT sector FROM provider");
  g_assert_cmpstr (sector, ==, "third-sector");
  g_assert_cmpint (cm_test_query_int (path, "SELECT created FROM import_run"), ==, 2);
}

static void
test_cancelled_import_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("cancelled.commissioner", &path);
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Provider,Commissioner\r\n");
  g_autoptr(CmTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (csv, "K-%u,Contract %u,Provider %u,Adult Social Care\r\n", i, i,
                            i % 7);
  table = table_of (csv->str);
  mapping = cm_import_mapping_guess (table);
  plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_assert_no_error (error);
  before = cm_test_snapshot (path);
  g_cancellable_cancel (cancellable);
  g_assert_false (cm_import_plan_apply (plan, store, "big.csv", NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = cm_test_snapshot (path);
  g_assert_true (g_bytes_equal (before, after));

  /* The same plan still applies once the user lets it. */
  cm_import_plan_apply (plan, store, "big.csv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 1200);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 7);
}

static void
test_mapping_needs_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("unmapped.commissioner", NULL);
  g_autoptr(CmTable) table = table_of ("Title,Provider\r\nA,B\r\n");
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = cm_import_plan_new (store, table, mapping,
                                                     CM_IMPORT_DUPLICATE_SKIP, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_MAPPING);
}

/* A register of new and known contracts, with a sector kept under Other
 * and a provider that later rows name again. */
static const char written_csv[] =
  "Reference,Title,Provider,Service,Start date,End date,Term,Annual value,Sector,Commissioner\r\n"
  "W-1,Carers support,Carers Leeds,Carers,01/04/2019,31/03/2024,3+1+1,£100k,Charity,"
  "Adult Social Care\r\n"
  "W-2,Short breaks,carers  LEEDS,Carers,1/4/19,31/3/22,2+1,500,Mutual,Adult Social Care\r\n"
  "K-1,Crisis line,Touchstone,Crisis,01/04/2020,31/03/2025,5,£1m,VCSE,NHS Leeds ICB\r\n"
  "W-3,Meals,Touchstone,Meals,01/04/2019,31/03/2024,3 years plus 24 months,100,,"
  "Public Health\r\n";

typedef enum {
  PLANNED_THEN_APPLIED,
  WRITTEN_WHILE_PLANNING,
  STREAMED_FROM_FILE, /* each row read, planned and written in turn */
} ImportWay;

/* @csv in a file of its own in the test's folder. */
static char *
file_of (const char *name, const char *csv)
{
  g_autofree char *path = cm_test_temp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* What an import wrote into a portfolio that held contract K-1: every
 * record and audit row but the times. */
static char *
import_written (const char *name, ImportWay way)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new (name, &path);
  g_autoptr(CmTable) known = table_of ("Reference,Title,Provider,Commissioner\r\n"
                                       "K-1,Crisis,Touchstone,NHS Leeds ICB\r\n");
  g_autoptr(CmTable) table = table_of (written_csv);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(GArray) known_mapping = cm_import_mapping_guess (known);
  g_autoptr(CmImportPlan) first = cm_import_plan_new (store, known, known_mapping,
                                                      CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_autoptr(CmImportPlan) plan = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_true (cm_import_plan_apply (first, store, "known.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (way == STREAMED_FROM_FILE)
    {
      g_autofree char *csv = file_of ("written.csv", written_csv);

      plan = cm_import_plan_new_written_from_file (store, csv, NULL, CM_IMPORT_DUPLICATE_UPDATE,
                                                   "register.csv", &error);
    }
  else if (way == WRITTEN_WHILE_PLANNING)
    plan = cm_import_plan_new_written (store, table, mapping, CM_IMPORT_DUPLICATE_UPDATE,
                                       "register.csv", &error);
  else
    plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_UPDATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE), ==, 3);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_UPDATE), ==, 1);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  for (const char *const *sql = (const char *const[]) {
         "SELECT id, actor, entity, entity_id, field, old_value, new_value FROM audit ORDER BY id",
         "SELECT * FROM contract ORDER BY id", "SELECT * FROM provider ORDER BY id",
         "SELECT * FROM service ORDER BY id", "SELECT * FROM organisation ORDER BY id",
         "SELECT * FROM import_run ORDER BY id", NULL };
       *sql; sql++)
    {
      g_autofree char *rows = cm_test_query_dump (path, *sql);

      g_string_append (dump, rows);
    }
  return g_string_free (dump, FALSE);
}

/* Writing as the rows are planned writes what planning and then applying
 * writes, audit rows included. */
static void
test_written_while_planning (void)
{
  g_autofree char *applied = import_written ("applied.commissioner", PLANNED_THEN_APPLIED);
  g_autofree char *written = import_written ("written.commissioner", WRITTEN_WHILE_PLANNING);
  g_autofree char *streamed = import_written ("streamed.commissioner", STREAMED_FROM_FILE);

  g_assert_nonnull (strstr (applied, "W-3"));
  g_assert_cmpstr (written, ==, applied);
  g_assert_cmpstr (streamed, ==, applied);
}

/* A register that cannot be read to its end writes nothing, though its
 * first rows were written before the bad one was reached. */
static void
test_streamed_read_error_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("streamed-unreadable.commissioner", &path);
  g_autofree char *csv = file_of ("unreadable.csv",
                                  "Reference,Title,Provider,Commissioner\n"
                                  "U-1,Meals,Touchstone,Public Health\n"
                                  "U-2,Crisis,Touchstone,Public Health\n"
                                  "U-3,Day \xff\xfe care,Touchstone,Public Health\n");
  g_autofree char *head = cm_test_query_text (path, "SELECT value FROM meta"
                                                    " WHERE key = 'audit_head'");
  g_autofree char *head_after = NULL;
  g_autoptr(CmImportPlan) plan = NULL;

  plan = cm_import_plan_new_written_from_file (store, csv, NULL, CM_IMPORT_DUPLICATE_SKIP,
                                               "unreadable.csv", &error);
  g_assert_null (plan);
  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "Could not read "));
  g_assert_nonnull (strstr (error->message, "unreadable.csv"));
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM import_run"), ==, 0);
  head_after = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  g_assert_cmpstr (head_after, ==, head);
}

/* The import's record names a handful of what it created and counts the
 * rest, so that it fits a spreadsheet cell however many rows there were;
 * each contract's own audit row names it. */
static void
test_summary_is_bounded (void)
{
  const guint n_rows = 3000;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("bounded.commissioner", &path);
  g_autoptr(GString) register_text = g_string_new ("Reference,Title,Provider,Commissioner\n");
  g_autofree char *csv = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *audited = NULL;

  for (guint i = 1; i <= n_rows; i++)
    g_string_append_printf (register_text, "B-%04u,Service %u,Provider %u,Public Health\n", i,
                            i, i);
  csv = file_of ("bounded.csv", register_text->str);
  plan = cm_import_plan_new_written_from_file (store, csv, NULL, CM_IMPORT_DUPLICATE_SKIP,
                                               "bounded.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "bounded.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, n_rows);
  g_assert_cmpint (cm_test_query_int (path, "SELECT created FROM import_run"), ==, n_rows);
  summary = cm_test_query_text (path, "SELECT summary FROM import_run");
  g_assert_nonnull (strstr (summary, "Contracts created: B-0001, B-0002, B-0003, B-0004, B-0005"
                                     " and 2,995 more"));
  g_assert_nonnull (strstr (summary, "Providers created: "));
  g_assert_nonnull (strstr (summary, " and 2,995 more"));
  g_assert_null (strstr (summary, "B-0006"));
  g_assert_cmpuint (strlen (summary), <, 1000);
  audited = cm_test_query_text (path, "SELECT max(length(new_value)) FROM audit");
  g_assert_cmpint (atoi (audited), <, 32767);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'contract'"
                                            " AND field = '*'"), ==, n_rows);
  /* Each a list of values, its columns named once in its layout, not in
   * every row. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND entity = 'contract'"
                                            " AND new_value LIKE '[1,\"B-%'"), ==, n_rows);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND entity = 'provider'"
                                            " AND new_value LIKE '[1,\"Provider %'"), ==, n_rows);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND new_value LIKE '%\"reference\"%'"), ==, 0);
}

/* A row found invalid after rows were written takes them all back. */
static void
test_written_refusal_changes_nothing (void)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("written-refused.commissioner", &path);
  g_autoptr(CmTable) table = table_of (register_csv);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autofree char *head = cm_test_query_text (path, "SELECT value FROM meta"
                                                    " WHERE key = 'audit_head'");
  g_autofree char *head_after = NULL;

  plan = cm_import_plan_new_written (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP,
                                     "register.csv", &error);
  g_assert_no_error (error);
  /* The first two contracts were written before the third row was found invalid. */
  g_assert_cmpint (cm_import_plan_row_status (plan, 2), ==, CM_IMPORT_ROW_CREATE);
  g_assert_cmpint (cm_import_plan_row_status (plan, 3), ==, CM_IMPORT_ROW_INVALID);
  report = cm_import_plan_report (plan);
  g_assert_cmpuint (report->len, ==, 3);
  g_assert_false (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM import_run"), ==, 0);
  head_after = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  g_assert_cmpstr (head_after, ==, head);
  /* The indexes dropped for the rows came back with the rollback. */
  sql = g_strdup_printf ("SELECT count(*) FROM %s IN ('contract_service', 'contract_provider',"
                         " 'audit_entity')", cm_test_on_server ()
                                             ? "pg_indexes WHERE indexname"
                                             : "sqlite_master WHERE name");
  g_assert_cmpint (cm_test_query_int (path, sql), ==, 3);
}

/* Register @name of @n_rows new contracts, each with a provider of its
 * own; from 2, row @twice (0 for none) takes the title of register A's
 * row 2, and row 3 and the row after row @twice rename A's rows 3 and 4. */
static char *
many_rows_file (const char *name, guint n_rows, guint twice)
{
  g_autoptr(GString) text = g_string_new ("Reference,Title,Provider,Commissioner\n");

  for (guint row = 2; row <= n_rows + 1; row++)
    if (twice && row == twice)
      g_string_append_printf (text, "%s-%05u,A service 2,%s provider %u,Public Health\n", name,
                              row, name, row);
    else if (twice && (row == 3 || row == twice + 1))
      g_string_append_printf (text, "A-%05u,A service %u renamed,A provider %u,Public Health\n",
                              row == 3 ? 3 : 4, row == 3 ? 3 : 4, row == 3 ? 3 : 4);
    else
      g_string_append_printf (text, "%s-%05u,%s service %u,%s provider %u,Public Health\n", name,
                              row, name, row, name, row);
  return file_of (name, text->str);
}

static gboolean
import_file (CmStore *store, const char *csv, GError **error)
{
  g_autoptr(CmImportPlan) plan = cm_import_plan_new_written_from_file (store, csv, NULL,
                                                                       CM_IMPORT_DUPLICATE_UPDATE,
                                                                       "many.csv", error);

  return plan != NULL && cm_import_plan_apply (plan, store, "many.csv", NULL, NULL, NULL, error);
}

/* Many rows at once, as a server takes them without waiting for each:
 * the trail verifies after them, and a row the database itself refuses
 * (a unique index the import knows nothing of) far into the register
 * takes every row back and is named, though a server's answer to it
 * comes only after the next rows were sent, one of them a change read
 * first. */
static void
test_database_refusal_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("refused-late.commissioner", &path);
  g_autofree char *first = many_rows_file ("A", 6000, 0);
  g_autofree char *second = many_rows_file ("B", 6000, 5001);
  g_autofree char *head = NULL;
  g_autofree char *head_after = NULL;
  gint64 checked = 0;

  g_assert_true (import_file (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, &checked, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (checked, >, 6000);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 6000);
  head = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  /* The same statement in both engines' SQL. */
  cm_test_run_sql (path, "CREATE UNIQUE INDEX contract_title_once ON contract (title)");
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_false (import_file (store, second, &error));
  g_assert_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Row 5001: "));
  /* Named in the same words on both engines, a server's late answer too. */
  g_assert_nonnull (strstr (error->message, "“B-05001 — A service 2” is already in the portfolio"));
  g_assert_true (g_str_has_suffix (error->message, " Nothing was written."));
  g_clear_error (&error);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 6000);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 6000);
  g_assert_cmpint (cm_test_query_int (path, "SELECT max(row_version) FROM contract"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM import_run"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"
                                            " WHERE reference LIKE 'B-%' OR title LIKE '%renamed'"),
                   ==, 0);
  head_after = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  g_assert_cmpstr (head_after, ==, head);
}

/* A register of @n_rows new contracts, each with a provider of its own,
 * whose row @taken has reference TAKEN-1. */
static CmTable *
taken_register (guint n_rows, guint taken)
{
  g_autoptr(GString) text = g_string_new ("Reference,Title,Provider,Commissioner\n");

  for (guint row = 2; row <= n_rows + 1; row++)
    if (row == taken)
      g_string_append (text, "TAKEN-1,Taken service,Taken provider,Public Health\n");
    else
      g_string_append_printf (text, "T-%05u,T service %u,T provider %u,Public Health\n", row,
                              row, row);
  return table_of (text->str);
}

/* Plans a register of @n_rows, lets a colleague's store save a contract
 * with the reference of its row @taken, then applies the plan: the
 * failure, after "Row N: ", once it is checked that nothing was written. */
static char *
refusal_of_taken_reference (const char *name, guint n_rows, guint taken)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new (name, &path);
  g_autoptr(CmStore) colleague = NULL;
  g_autoptr(CmTable) table = taken_register (n_rows, taken);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = NULL;
  g_autoptr(CmProvider) provider = cm_provider_new ("Meanwhile Ltd", CM_SECTOR_INDEPENDENT);
  g_autoptr(CmService) service = cm_service_new ("Meanwhile service");
  g_autoptr(CmContract) contract = cm_contract_new ("TAKEN-1", "Taken meanwhile");
  g_autofree char *head = NULL;
  g_autofree char *head_after = NULL;
  g_autofree char *prefix = g_strdup_printf ("Row %u: ", taken);

  plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_UPDATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE), ==, n_rows);
  colleague = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_object_set (service, "lead-commissioner-id", cm_test_save_new (colleague, cm_organisation_new (
                  "Meanwhile directorate", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE)), NULL);
  g_object_set (contract, "provider-id", cm_test_save (colleague, provider), "service-id",
                cm_test_save (colleague, service), NULL);
  cm_test_save (colleague, contract);
  g_clear_object (&colleague);
  head = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");

  g_assert_false (cm_import_plan_apply (plan, store, "taken.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (g_str_has_suffix (error->message, " Nothing was written."));
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, NULL));
  g_clear_object (&store);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM provider"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM service"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM organisation"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM import_run"), ==, 0);
  head_after = cm_test_query_text (path, "SELECT value FROM meta WHERE key = 'audit_head'");
  g_assert_cmpstr (head_after, ==, head);
  return g_strdup (error->message + strlen (prefix));
}

/* A reference a colleague takes after the import was planned, far into a
 * register that a server takes many rows at a time (more than it takes
 * in one go, so that the refusal comes back while later rows are read),
 * fails the import at that row with the very words it fails a short
 * register with, whose rows a server takes one at a time; nothing of
 * either is written. */
static void
test_reference_taken_meanwhile_changes_nothing (void)
{
  g_autofree char *many = refusal_of_taken_reference ("taken-many.commissioner", 20000, 5000);
  g_autofree char *few = refusal_of_taken_reference ("taken-few.commissioner", 12, 10);

  g_assert_cmpstr (many, ==, few);
}

/* Values that COPY's text form must escape, as a register may hold them. */
static const char *const awkward_titles[] = {
  "Back\\slash", "\\N", "Tab\there", "Line\nbreak", "Quote \"\"mark\"\"", "Ünïcödé – dash",
  "\\.", "Ends with a backslash\\",
};

static char *
awkward_register (guint n_rows)
{
  g_autoptr(GString) text = g_string_new ("Reference,Title,Provider,Commissioner\n");

  for (guint row = 2; row <= n_rows + 1; row++)
    g_string_append_printf (text, "W-%03u,\"%s %u\",W provider %u,Public Health\n", row,
                            awkward_titles[row % G_N_ELEMENTS (awkward_titles)], row, row % 9);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every record and audit row an import of @csv wrote into @path, but the
 * times and actors, which differ between runs and backends. */
static char *
imported_records (const char *path, const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_autoptr(CmTable) table = table_of (csv);
  g_autoptr(GArray) mapping = cm_import_mapping_guess (table);
  g_autoptr(CmImportPlan) plan = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_no_error (error);
  plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_UPDATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "awkward.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  for (const char *const *sql = (const char *const[]) {
         "SELECT id, entity, entity_id, field, old_value, new_value FROM audit ORDER BY id",
         "SELECT * FROM contract ORDER BY id", "SELECT * FROM provider ORDER BY id",
         "SELECT * FROM service ORDER BY id", "SELECT * FROM organisation ORDER BY id", NULL };
       *sql; sql++)
    {
      g_autofree char *rows = cm_test_query_dump (path, *sql);

      g_string_append (dump, rows);
    }
  return g_string_free (dump, FALSE);
}

/* A server takes a large import's rows many at a time, yet writes the
 * same records, ids and audit rows as a file, which takes them one by one,
 * whatever the values hold. */
static void
test_server_writes_what_a_file_writes (void)
{
  g_autofree char *csv = awkward_register (300);
  g_autofree char *server_path = cm_test_portfolio_path ("awkward-server.commissioner");
  g_autofree char *file_path = cm_test_temp_path ("awkward-file.commissioner");
  g_autofree char *on_server = NULL;
  g_autofree char *on_file = NULL;

  if (!cm_test_on_server ())
    {
      g_test_skip ("compares what a server writes with what a file writes");
      return;
    }
  on_server = imported_records (server_path, csv);
  on_file = imported_records (file_path, csv);
  g_assert_nonnull (strstr (on_file, "Back\\slash 2"));
  g_assert_cmpstr (on_server, ==, on_file);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/headers", test_headers);
  g_test_add_func ("/import/procurement-began", test_procurement_began_imported);
  g_test_add_func ("/import/guess-takes-first-column", test_guess_takes_first_column);
  g_test_add_func ("/import/remembered-mapping", test_remembered_mapping);
  g_test_add_func ("/import/plan-reports-cells", test_plan_reports_cells);
  g_test_add_func ("/import/term-checked-per-combination", test_term_checked_per_combination);
  g_test_add_func ("/import/refused-import-changes-nothing", test_refused_import_changes_nothing);
  g_test_add_func ("/import/excluded-rows-import", test_excluded_rows_import);
  g_test_add_func ("/import/cancelled-import-changes-nothing",
                   test_cancelled_import_changes_nothing);
  g_test_add_func ("/import/mapping-needs-reference", test_mapping_needs_reference);
  g_test_add_func ("/import/written-while-planning", test_written_while_planning);
  g_test_add_func ("/import/written-refusal-changes-nothing",
                   test_written_refusal_changes_nothing);
  g_test_add_func ("/import/streamed-read-error-changes-nothing",
                   test_streamed_read_error_changes_nothing);
  g_test_add_func ("/import/summary-is-bounded", test_summary_is_bounded);
  g_test_add_func ("/import/database-refusal-changes-nothing",
                   test_database_refusal_changes_nothing);
  g_test_add_func ("/import/reference-taken-meanwhile-changes-nothing",
                   test_reference_taken_meanwhile_changes_nothing);
  g_test_add_func ("/import/server-writes-what-a-file-writes",
                   test_server_writes_what_a_file_writes);
  return g_test_run ();
}
