/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-table.c: reading CSV and XLSX files, as other software writes them,
 * into tables of text (fixtures made by tests/fixtures/make-fixtures.py) */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-csv-reader.h"
#include "cm-table.h"
#include "cm-test-util.h"
#include "cm-xlsx-reader.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static CmTable *
read_fixture (const char *name, const char *sheet)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  CmTable *table = cm_table_read_file (path, sheet, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_fixture_error (const char *name, const char *sheet, CmTableError code, const char *part)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_table_read_file (path, sheet, &error);

  g_assert_null (table);
  g_assert_error (error, CM_TABLE_ERROR, (int) code);
  if (part)
    g_assert_nonnull (strstr (error->message, part));
}

/* Each row of @table, cells joined by "|", rows by "\n". */
static char *
dump (CmTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < cm_table_get_n_rows (table); row++)
    {
      for (guint column = 0; column < cm_table_get_n_columns (table); column++)
        g_string_append_printf (out, "%s%s", column ? "|" : "", cm_table_get (table, row, column));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_table (CmTable *table, const char *expected)
{
  g_autofree char *text = dump (table);

  g_assert_cmpstr (text, ==, expected);
}

static CmTable *
read_csv (const char *data)
{
  g_autoptr(GError) error = NULL;
  CmTable *table = cm_csv_read (data, strlen (data), &error);

  g_assert_no_error (error);
  return table;
}

static void
assert_csv_error (const char *data, gsize length, CmTableError code, const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_csv_read (data, length, &error);

  g_assert_null (table);
  g_assert_error (error, CM_TABLE_ERROR, (int) code);
  if (part)
    g_assert_nonnull (strstr (error->message, part));
}

static void
test_cell_name (void)
{
  static const struct {
    guint row, column;
    const char *name;
  } cases[] = {
    { 0, 0, "A1" }, { 4, 2, "C5" }, { 0, 25, "Z1" }, { 0, 26, "AA1" },
    { 0, 701, "ZZ1" }, { 0, 702, "AAA1" }, { 9, 16383, "XFD10" }, { 1048575, 0, "A1048576" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cm_table_cell_name (cases[i].row, cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_table_cells (void)
{
  g_autoptr(CmTable) table = cm_table_new ();

  g_assert_cmpuint (cm_table_get_n_rows (table), ==, 0);
  g_assert_cmpstr (cm_table_get (table, 0, 0), ==, "");
  cm_table_begin_row (table);
  cm_table_append_cell (table, "a", -1);
  cm_table_append_cell (table, "bcd", 2);
  cm_table_begin_row (table);
  cm_table_begin_row (table);
  cm_table_append_cell (table, "", 0);
  cm_table_append_cell (table, "x", 1);
  cm_table_append_cell (table, "y", 1);
  g_assert_cmpuint (cm_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (cm_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (cm_table_get (table, 0, 1), ==, "bc");
  g_assert_cmpstr (cm_table_get (table, 0, 2), ==, "");
  g_assert_cmpstr (cm_table_get (table, 1, 0), ==, "");
  g_assert_cmpstr (cm_table_get (table, 2, 2), ==, "y");
  g_assert_cmpstr (cm_table_get (table, 3, 0), ==, "");
}

static void
test_csv_bom_comma (void)
{
  g_autoptr(CmTable) table = read_fixture ("bom-comma.csv", NULL);

  assert_table (table, "Reference|Title|Value\nC-001|Home care|1234.50\nC-002|Café services|99\n");
}

static void
test_csv_semicolon (void)
{
  g_autoptr(CmTable) table = read_fixture ("semicolon.csv", NULL);

  assert_table (table, "Reference|Title|Value\nC-001|Home care, north|1234,50\nC-002|Day care|7\n");
}

static void
test_csv_quoted (void)
{
  g_autoptr(CmTable) table = read_fixture ("quoted.csv", NULL);

  g_assert_cmpuint (cm_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (cm_table_get (table, 1, 1), ==, "Said \"yes\", then no");
  g_assert_cmpstr (cm_table_get (table, 2, 1), ==, "Line one\nline two");
  g_assert_cmpstr (cm_table_get (table, 2, 2), ==, "2");
  g_assert_cmpstr (cm_table_get (table, 3, 0), ==, "C-003");
  g_assert_cmpstr (cm_table_get (table, 3, 1), ==, "");
}

static void
test_csv_ragged (void)
{
  g_autoptr(CmTable) table = read_fixture ("ragged.csv", NULL);

  g_assert_cmpuint (cm_table_get_n_columns (table), ==, 5);
  assert_table (table, "a|b|c||\n1||||\n1|2|3|4|5\n||||\n||||\n");
}

static void
test_csv_line_ends (void)
{
  g_autoptr(CmTable) lf = read_csv ("a,b\n1,2\n");
  g_autoptr(CmTable) crlf = read_csv ("a,b\r\n1,2\r\n");
  g_autoptr(CmTable) cr = read_csv ("a,b\r1,2");
  g_autoptr(CmTable) no_end = read_csv ("a,b\n1,2");
  g_autoptr(CmTable) empty = read_csv ("");
  g_autoptr(CmTable) bom_only = read_csv ("\xef\xbb\xbf");
  g_autoptr(CmTable) trailing = read_csv ("a,\n");

  assert_table (lf, "a|b\n1|2\n");
  assert_table (crlf, "a|b\n1|2\n");
  assert_table (cr, "a|b\n1|2\n");
  assert_table (no_end, "a|b\n1|2\n");
  g_assert_cmpuint (cm_table_get_n_rows (empty), ==, 0);
  g_assert_cmpuint (cm_table_get_n_rows (bom_only), ==, 0);
  assert_table (trailing, "a|\n");
}

/* Inside quotes a CRLF reads as LF and a lone CR is kept; the lines they
 * span still count, for the messages that name a line. */
static void
test_csv_quoted_line_ends (void)
{
  g_autoptr(CmTable) table = read_csv ("a,b\n\"one\r\ntwo\",\"x\ry\r\n\"\n");
  const char bad[] = "a,b\n\"p\r\nq\nr\",\"s\r\nt\"\nc\xff,d\n";

  g_assert_cmpstr (cm_table_get (table, 1, 0), ==, "one\ntwo");
  g_assert_cmpstr (cm_table_get (table, 1, 1), ==, "x\ry\n");
  assert_csv_error (bad, sizeof bad - 1, CM_TABLE_ERROR_ENCODING, "A3");
  assert_csv_error (bad, sizeof bad - 1, CM_TABLE_ERROR_ENCODING, "line 6");
}

static void
test_csv_quotes (void)
{
  g_autoptr(CmTable) table = read_csv ("\"a;b\";c;\"\"\"\"\n\"x\"y;z\"q\n\"\"");

  /* The header's only semicolons outside quotes choose the delimiter. */
  assert_table (table, "a;b|c|\"\nxy|z\"q|\n||\n");
}

static void
test_csv_invalid_utf8 (void)
{
  g_autofree char *path = fixture ("invalid-utf8.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_table_read_file (path, NULL, &error);

  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "B2"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "CSV UTF-8"));
  /* A NUL is not text either. */
  assert_csv_error ("a,b\nc\0d,e\n", 10, CM_TABLE_ERROR_ENCODING, "A2");
}

static void
test_csv_unterminated (void)
{
  assert_fixture_error ("unterminated.csv", NULL, CM_TABLE_ERROR_FORMAT, "B3");
  assert_fixture_error ("unterminated.csv", NULL, CM_TABLE_ERROR_FORMAT, "line 3");
}

static void
test_csv_too_large (void)
{
  g_autoptr(GString) data = g_string_new ("a,b\n1,");
  g_autofree char *path = cm_test_temp_path ("huge-cell.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = NULL;

  for (guint i = 0; i <= CM_TABLE_MAX_CELL_BYTES; i++)
    g_string_append_c (data, 'x');
  assert_csv_error (data->str, data->len, CM_TABLE_ERROR_TOO_LARGE, "B2");
  g_assert_true (g_file_set_contents (path, data->str, data->len, NULL));
  table = cm_table_read_file (path, NULL, &error);
  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Quoted, the limit holds too; exactly at it, the cell is read. */
  g_string_assign (data, "\"");
  for (guint i = 0; i < CM_TABLE_MAX_CELL_BYTES; i++)
    g_string_append_c (data, 'y');
  g_string_append (data, "\"\n");
  g_clear_pointer (&table, cm_table_free);
  table = cm_csv_read (data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (cm_table_get (table, 0, 0)), ==, CM_TABLE_MAX_CELL_BYTES);
  g_string_insert_c (data, 1, 'y');
  assert_csv_error (data->str, data->len, CM_TABLE_ERROR_TOO_LARGE, "A1");

  g_string_assign (data, "a");
  for (guint i = 0; i < CM_TABLE_MAX_COLUMNS; i++)
    g_string_append_c (data, ',');
  assert_csv_error (data->str, data->len, CM_TABLE_ERROR_TOO_LARGE, "XFE1");

  /* Blank lines are rows too, up to the last a spreadsheet has. */
  g_string_truncate (data, 0);
  for (guint i = 0; i < CM_TABLE_MAX_ROWS; i++)
    g_string_append_c (data, '\n');
  g_clear_pointer (&table, cm_table_free);
  table = cm_csv_read (data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_table_get_n_rows (table), ==, CM_TABLE_MAX_ROWS);
  g_string_append (data, "x");
  assert_csv_error (data->str, data->len, CM_TABLE_ERROR_TOO_LARGE, "A1048577");
  g_unlink (path);
}

static void
test_xlsx_openpyxl (void)
{
  g_autoptr(CmTable) table = read_fixture ("openpyxl.xlsx", NULL);
  g_autoptr(CmTable) second = read_fixture ("openpyxl.xlsx", "Second sheet");
  g_autoptr(CmTable) first = read_fixture ("openpyxl.xlsx", "Contracts");

  assert_table (table,
                "Reference|Title|Value|Start|Active|Count\n"
                "C-001|Home care|1234.5|2019-04-01|TRUE|43556\n"
                "C-002|Day care|0.1|2024-02-29|FALSE|-7\n"
                "|||||\n"
                "|after a gap||1E+21||\n");
  g_assert_cmpuint (cm_table_get_n_columns (table), ==, 6);
  assert_table (second, "Only|here\n");
  assert_table (first, "Reference|Title|Value|Start|Active|Count\n"
                       "C-001|Home care|1234.5|2019-04-01|TRUE|43556\n"
                       "C-002|Day care|0.1|2024-02-29|FALSE|-7\n"
                       "|||||\n"
                       "|after a gap||1E+21||\n");
}

static void
test_xlsx_list_sheets (void)
{
  g_autofree char *path = fixture ("openpyxl.xlsx");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = cm_xlsx_list_sheets (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheets), ==, 2);
  g_assert_cmpstr (sheets[0], ==, "Contracts");
  g_assert_cmpstr (sheets[1], ==, "Second sheet");
}

static void
test_xlsx_no_sheet (void)
{
  assert_fixture_error ("openpyxl.xlsx", "Register", CM_TABLE_ERROR_NO_SHEET, "“Register”");
  assert_fixture_error ("openpyxl.xlsx", "Register", CM_TABLE_ERROR_NO_SHEET,
                        "“Contracts”, “Second sheet”");
}

static void
test_xlsx_libreoffice (void)
{
  g_autoptr(CmTable) table = read_fixture ("libreoffice.xlsx", NULL);

  assert_table (table, "Reference|Title|Value|Start\n"
                       "C-001|Home care|1234.5|2019-04-01\n"
                       "C-002|Café|42|2024-02-29\n");
}

/* The same register saved by LibreOffice in its own format. */
static void
test_ods_libreoffice (void)
{
  g_autoptr(CmTable) table = read_fixture ("libreoffice.ods", NULL);

  assert_table (table, "Reference|Title|Value|Start\n"
                       "C-001|Home care|1234.5|2019-04-01\n"
                       "C-002|Café|42|2024-02-29\n");
}

/* Inline strings, as libxlsxwriter's constant_memory mode writes them. */
static void
test_xlsx_xlsxwriter (void)
{
  g_autoptr(CmTable) table = read_fixture ("xlsxwriter.xlsx", "Register");

  assert_table (table, "Reference|Start|Value|Active\n"
                       "C-001 \"Home\" & <care>|2019-04-01|1234.5|TRUE\n"
                       "|||\n"
                       "|Line one\nline two||\n");
}

static void
test_xlsx_inline (void)
{
  g_autoptr(CmTable) table = read_fixture ("inline.xlsx", NULL);

  /* Row 3: a date with its time, a custom date format, a number whose
   * format only quotes a "d", Excel's 29 February 1900 and the day before. */
  assert_table (table,
                "Inline|Rich inline|Plain|Rich text runs|\n"
                "ab|#N/A|TRUE|2024-04-01|\n"
                "2019-04-01|1900-03-01|30|1900-02-29|1900-02-28\n"
                "||||\n"
                "||||\n"
                "no ref|0.0025|||\n");
}

static void
test_xlsx_1904 (void)
{
  g_autoptr(CmTable) table = read_fixture ("date1904.xlsx", NULL);

  assert_table (table, "1904-01-01|2019-04-01|42094\n");
}

static void
test_xlsx_damaged (void)
{
  assert_fixture_error ("truncated.xlsx", NULL, CM_TABLE_ERROR_FORMAT, "incomplete");
  assert_fixture_error ("not-workbook.zip", NULL, CM_TABLE_ERROR_FORMAT, "not a spreadsheet");
  assert_fixture_error ("not-worksheet.xlsx", NULL, CM_TABLE_ERROR_FORMAT, "“Sheet1”");
  assert_fixture_error ("entities.xlsx", NULL, CM_TABLE_ERROR_FORMAT, NULL);
  assert_fixture_error ("out-of-order.xlsx", NULL, CM_TABLE_ERROR_FORMAT, "A1");
  assert_fixture_error ("bad-shared-string.xlsx", NULL, CM_TABLE_ERROR_FORMAT, "B1");
}

static void
test_xlsx_too_large (void)
{
  assert_fixture_error ("huge-cell.xlsx", NULL, CM_TABLE_ERROR_TOO_LARGE, "A2");
  assert_fixture_error ("bomb.xlsx", NULL, CM_TABLE_ERROR_TOO_LARGE, NULL);
  assert_fixture_error ("wide-rows.xlsx", NULL, CM_TABLE_ERROR_TOO_LARGE, "XFD");
}

static void
test_missing_file (void)
{
  g_autofree char *path = cm_test_temp_path ("not-there.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_table_read_file (path, NULL, &error);
  g_auto(GStrv) sheets = NULL;

  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not-there.csv"));
  g_clear_error (&error);
  sheets = cm_xlsx_list_sheets (path, &error);
  g_assert_null (sheets);
  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_IO);
}

/* Every cell of @table is UTF-8, as the import needs. */
static void
assert_cells_are_text (CmTable *table)
{
  for (guint row = 0; row < cm_table_get_n_rows (table); row++)
    for (guint column = 0; column < cm_table_get_n_columns (table); column++)
      g_assert_true (g_utf8_validate (cm_table_get (table, row, column), -1, NULL));
}

/* The hostile inputs, crash-* (see make-fixtures.py): each must be read
 * or refused with a table error, and under the sanitizers without a
 * memory error. Both readers must have had some, so that a lost corpus
 * fails rather than passing on nothing. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n_csv = 0, n_xlsx = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CmTable) table = NULL;

      if (!g_str_has_prefix (name, "crash-"))
        continue;
      if (g_str_has_suffix (name, ".csv"))
        n_csv++;
      else if (g_str_has_suffix (name, ".xlsx"))
        n_xlsx++;
      path = g_build_filename (dir_path, name, NULL);
      table = cm_table_read_file (path, NULL, &error);
      g_test_message ("%s: %s", name, error ? error->message : "read");
      g_assert_true ((table == NULL) != (error == NULL));
      if (error)
        g_assert_true (error->domain == CM_TABLE_ERROR);
      else
        assert_cells_are_text (table);
    }
  g_assert_cmpuint (n_csv, >, 0);
  g_assert_cmpuint (n_xlsx, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/cell-name", test_cell_name);
  g_test_add_func ("/table/cells", test_table_cells);
  g_test_add_func ("/table/missing-file", test_missing_file);
  g_test_add_func ("/csv/bom-comma", test_csv_bom_comma);
  g_test_add_func ("/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/csv/quoted", test_csv_quoted);
  g_test_add_func ("/csv/ragged", test_csv_ragged);
  g_test_add_func ("/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/csv/quotes", test_csv_quotes);
  g_test_add_func ("/csv/quoted-line-ends", test_csv_quoted_line_ends);
  g_test_add_func ("/csv/invalid-utf8", test_csv_invalid_utf8);
  g_test_add_func ("/csv/unterminated", test_csv_unterminated);
  g_test_add_func ("/csv/too-large", test_csv_too_large);
  g_test_add_func ("/xlsx/openpyxl", test_xlsx_openpyxl);
  g_test_add_func ("/xlsx/list-sheets", test_xlsx_list_sheets);
  g_test_add_func ("/xlsx/no-sheet", test_xlsx_no_sheet);
  g_test_add_func ("/xlsx/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/xlsx/xlsxwriter", test_xlsx_xlsxwriter);
  g_test_add_func ("/xlsx/inline", test_xlsx_inline);
  g_test_add_func ("/xlsx/1904", test_xlsx_1904);
  g_test_add_func ("/xlsx/damaged", test_xlsx_damaged);
  g_test_add_func ("/xlsx/too-large", test_xlsx_too_large);
  g_test_add_func ("/ods/libreoffice", test_ods_libreoffice);
  g_test_add_func ("/fuzz/regressions", test_fuzz_regressions);
  return g_test_run ();
}
