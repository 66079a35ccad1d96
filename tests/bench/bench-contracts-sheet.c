/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-contracts-sheet.c: the export's yardstick, the Contracts sheet written by plain libxlsxwriter
 *
 * Reads a portfolio's contracts with one ordered SELECT and writes the
 * cells of the export's Contracts sheet (24 columns: texts, money, counts
 * and dates, as the export types them) with libxlsxwriter alone in
 * constant_memory mode. The derived dates and their statuses are stood in
 * for by the stored end date and a fixed word, so the anchor does the
 * export's writing without its date rules: the same cells, nothing more.
 *
 *   bench-contracts-sheet PORTFOLIO OUT.xlsx
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static const char *headers[] = {
  "Reference", "Title", "Service", "Commissioner", "Provider", "Provider sector", "Type",
  "Procurement route", "Annual value", "Total value", "Start date", "End date", "Term",
  "Notice period", "Extensions taken", "Notice served", "Current end", "Current end status",
  "Extension decision due", "Extension decision status", "Latest notice date", "Notice status",
  "Latest possible end", "Decommissioned on",
};

static const char select_sql[] =
  "SELECT c.reference, c.title, s.name, o.name, p.name, p.sector, c.contract_type, c.route,"
  " c.annual_value, c.total_value, c.start_date, c.end_date, c.term, c.notice_period,"
  " c.extensions_invoked, c.notice_served, c.decommissioned_on"
  " FROM contract c LEFT JOIN service s ON s.id = c.service_id"
  " LEFT JOIN provider p ON p.id = c.provider_id"
  " LEFT JOIN organisation o ON o.id = s.lead_commissioner_id ORDER BY c.id";

static void
text (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, sqlite3_stmt *stmt, int column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  if (value && *value)
    worksheet_write_string (sheet, row, col, value, NULL);
}

static void
money (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, sqlite3_stmt *stmt, int column,
       lxw_format *format)
{
  worksheet_write_number (sheet, row, col, sqlite3_column_int64 (stmt, column) / 100.0, format);
}

/* An ISO date "YYYY-MM-DD" as a date cell; anything else is left blank. */
static void
date (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, sqlite3_stmt *stmt, int column,
      lxw_format *format)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  int year, month, day;

  if (value && sscanf (value, "%4d-%2d-%2d", &year, &month, &day) == 3)
    worksheet_write_datetime (sheet, row, col,
                              &(lxw_datetime) { year, month, day, 0, 0, 0 }, format);
}

int
main (int argc, char *argv[])
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *day, *pounds;
  lxw_row_t row = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-contracts-sheet PORTFOLIO OUT.xlsx\n");
      return 2;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, select_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-contracts-sheet: %s: %s\n", argv[1], sqlite3_errmsg (db));
      return 1;
    }
  workbook = workbook_new_opt (argv[2], &(lxw_workbook_options) { .constant_memory = LXW_TRUE,
                                                                  .use_zip64 = LXW_TRUE });
  sheet = workbook_add_worksheet (workbook, "Contracts");
  day = workbook_add_format (workbook);
  format_set_num_format (day, "dd/mm/yyyy");
  pounds = workbook_add_format (workbook);
  format_set_num_format (pounds, "£#,##0.00");

  for (lxw_col_t col = 0; col < sizeof headers / sizeof headers[0]; col++)
    worksheet_write_string (sheet, row, col, headers[col], NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row++;
      for (lxw_col_t col = 0; col < 8; col++)
        text (sheet, row, col, stmt, col);
      money (sheet, row, 8, stmt, 8, pounds);
      money (sheet, row, 9, stmt, 9, pounds);
      date (sheet, row, 10, stmt, 10, day);
      date (sheet, row, 11, stmt, 11, day);
      text (sheet, row, 12, stmt, 12);
      text (sheet, row, 13, stmt, 13);
      worksheet_write_number (sheet, row, 14, sqlite3_column_int (stmt, 14), NULL);
      date (sheet, row, 15, stmt, 15, day);
      for (lxw_col_t col = 16; col <= 20; col += 2)
        {
          date (sheet, row, col, stmt, 11, day);
          worksheet_write_string (sheet, row, col + 1, "Upcoming", NULL);
        }
      date (sheet, row, 22, stmt, 11, day);
      date (sheet, row, 23, stmt, 16, day);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-contracts-sheet: could not write %s\n", argv[2]);
      return 1;
    }
  return 0;
}
