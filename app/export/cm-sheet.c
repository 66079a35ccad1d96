/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheet.c: writing one worksheet of an exported workbook */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-sheet.h"

static lxw_format *
add_format (lxw_workbook *workbook, const char *num_format, gboolean bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (num_format)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  return format;
}

static lxw_format *
fill (lxw_workbook *workbook, lxw_color_t background, lxw_color_t text)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_bg_color (format, background);
  format_set_font_color (format, text);
  return format;
}

void
cm_sheet_formats_init (CmSheetFormats *formats, lxw_workbook *workbook)
{
  formats->header = add_format (workbook, NULL, TRUE);
  format_set_bottom (formats->header, LXW_BORDER_THIN);
  formats->date = add_format (workbook, "dd/mm/yyyy", FALSE);
  formats->datetime = add_format (workbook, "dd/mm/yyyy hh:mm", FALSE);
  formats->money = add_format (workbook, "£#,##0.00", FALSE);
  formats->percent = add_format (workbook, "0.0%", FALSE);
  formats->bold = add_format (workbook, NULL, TRUE);
  formats->bold_money = add_format (workbook, "£#,##0.00", TRUE);
  formats->red = fill (workbook, 0xFFC7CE, 0x9C0006);
  formats->amber = fill (workbook, 0xFFEB9C, 0x9C5700);
  formats->green = fill (workbook, 0xC6EFCE, 0x006100);
}

static void
keep (CmSheet *sheet, lxw_error error)
{
  if (sheet->error == LXW_NO_ERROR)
    sheet->error = error;
}

static void
widen (CmSheet *sheet, lxw_col_t col, double characters)
{
  if (col < sheet->n_columns && characters > sheet->widths[col])
    sheet->widths[col] = characters;
}

CmSheet *
cm_sheet_new (lxw_workbook *workbook, const char *name, const CmSheetFormats *formats,
              const char * const *headers)
{
  CmSheet *sheet = g_new0 (CmSheet, 1);

  /* A workbook may add its sheets up front, to fix their order. */
  sheet->worksheet = workbook_get_worksheet_by_name (workbook, name);
  if (sheet->worksheet == NULL)
    sheet->worksheet = workbook_add_worksheet (workbook, name);
  sheet->formats = formats;
  sheet->n_columns = g_strv_length ((char **) headers);
  sheet->widths = g_new0 (double, sheet->n_columns);
  if (sheet->worksheet == NULL)
    {
      sheet->error = LXW_ERROR_MEMORY_MALLOC_FAILED;
      return sheet;
    }
  for (lxw_col_t col = 0; col < sheet->n_columns; col++)
    {
      keep (sheet, worksheet_write_string (sheet->worksheet, 0, col, headers[col],
                                           formats->header));
      widen (sheet, col, g_utf8_strlen (headers[col], -1) + 2);
    }
  sheet->row = 1;
  return sheet;
}

void
cm_sheet_free (CmSheet *sheet)
{
  g_free (sheet->widths);
  g_free (sheet);
}

lxw_error
cm_sheet_close (CmSheet *sheet, const char *footer)
{
  lxw_error error;

  cm_sheet_finish (sheet);
  cm_sheet_print_setup (sheet, footer);
  error = sheet->error;
  cm_sheet_free (sheet);
  return error;
}

/* Excel holds at most this many characters in a cell and refuses a
 * workbook with more; a longer text (an import's list of every record it
 * made) is cut, saying so and where the whole of it is, rather than the
 * whole export failing. */
#define MAX_CELL_CHARS 32767

static char *
fit_cell (CmSheet *sheet, const char *text)
{
  g_autofree char *marker = sheet->cut_note
    /* TRANSLATORS: ends a cell cut short, then says where its whole text is
     * to be found: "export the audit trail from the Audit Trail window …" */
    ? g_strdup_printf (_(" … [cut at 32,767 characters, all a cell holds: %s]"),
                       sheet->cut_note)
    /* TRANSLATORS: ends a cell cut short */
    : g_strdup (_(" … [cut at 32,767 characters, all a cell holds: the whole text is in "
                  "the portfolio]"));
  glong keep_chars = MAX_CELL_CHARS - g_utf8_strlen (marker, -1);
  g_autofree char *head = g_strndup (text, g_utf8_offset_to_pointer (text, keep_chars) - text);

  return g_strconcat (head, marker, NULL);
}

void
cm_sheet_set_cut_note (CmSheet *sheet, const char *note)
{
  sheet->cut_note = note;
}

/* A text widens its column to its length in characters plus one, but no
 * further than this. */
#define TEXT_WIDTH_MAX 60

/* The characters of @text, counted no further than @most: a column is
 * never widened past that, so a long text is not walked to its end. */
static glong
chars_up_to (const char *text, glong most)
{
  glong n = 0;

  for (const char *p = text; *p && n < most; p = g_utf8_next_char (p))
    n++;
  return n;
}

/* Once a column is as wide as any text makes it, its texts are not
 * counted: most cells of a long sheet change nothing. */
static void
widen_for_text (CmSheet *sheet, lxw_col_t col, const char *text)
{
  if (col < sheet->n_columns && sheet->widths[col] < TEXT_WIDTH_MAX + 1)
    widen (sheet, col, chars_up_to (text, TEXT_WIDTH_MAX) + 1);
}

static void
put_text (CmSheet *sheet, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0' || sheet->worksheet == NULL)
    return;
  if (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    text = cut = fit_cell (sheet, text);
  keep (sheet, worksheet_write_string (sheet->worksheet, sheet->row, col, text, format));
  widen_for_text (sheet, col, text);
}

void
cm_sheet_text (CmSheet *sheet, lxw_col_t col, const char *text)
{
  put_text (sheet, col, text, NULL);
}

void
cm_sheet_bold (CmSheet *sheet, lxw_col_t col, const char *text)
{
  put_text (sheet, col, text, sheet->formats->bold);
}

static void
put_number (CmSheet *sheet, lxw_col_t col, double value, lxw_format *format, double width)
{
  if (sheet->worksheet == NULL)
    return;
  keep (sheet, worksheet_write_number (sheet->worksheet, sheet->row, col, value, format));
  widen (sheet, col, width);
}

void
cm_sheet_number (CmSheet *sheet, lxw_col_t col, double value)
{
  put_number (sheet, col, value, NULL, 8);
}

void
cm_sheet_money (CmSheet *sheet, lxw_col_t col, gint64 pence)
{
  put_number (sheet, col, pence / 100.0, sheet->formats->money, 16);
}

void
cm_sheet_percent (CmSheet *sheet, lxw_col_t col, double fraction)
{
  put_number (sheet, col, fraction, sheet->formats->percent, 8);
}

void
cm_sheet_gdate (CmSheet *sheet, lxw_col_t col, const GDate *date)
{
  lxw_datetime when = { 0 };

  if (date == NULL || !g_date_valid (date) || sheet->worksheet == NULL)
    return;
  when.year = g_date_get_year (date);
  when.month = g_date_get_month (date);
  when.day = g_date_get_day (date);
  keep (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, col, &when,
                                         sheet->formats->date));
  widen (sheet, col, 12);
}

void
cm_sheet_date (CmSheet *sheet, lxw_col_t col, const char *iso)
{
  GDate date;

  if (cm_date_parse_iso (iso, &date))
    cm_sheet_gdate (sheet, col, &date);
}

void
cm_sheet_moment (CmSheet *sheet, lxw_col_t col, const char *utc)
{
  g_autoptr(GDateTime) moment = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  lxw_datetime when;

  if (moment == NULL || sheet->worksheet == NULL)
    {
      cm_sheet_text (sheet, col, utc);
      return;
    }
  when = (lxw_datetime) { g_date_time_get_year (moment), g_date_time_get_month (moment),
                          g_date_time_get_day_of_month (moment), g_date_time_get_hour (moment),
                          g_date_time_get_minute (moment), g_date_time_get_seconds (moment) };
  keep (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, col, &when,
                                         sheet->formats->datetime));
  widen (sheet, col, 17);
}

void
cm_sheet_sum (CmSheet *sheet, lxw_col_t col, const char *formula, gint64 pence)
{
  if (sheet->worksheet == NULL)
    return;
  keep (sheet, worksheet_write_formula_num (sheet->worksheet, sheet->row, col, formula,
                                            sheet->formats->bold_money, pence / 100.0));
  widen (sheet, col, 16);
}

void
cm_sheet_next_row (CmSheet *sheet)
{
  sheet->row++;
}

static void
colour_containing (CmSheet *sheet, lxw_col_t col, const char *word, lxw_format *format)
{
  lxw_conditional_format rule = { 0 };

  rule.type = LXW_CONDITIONAL_TYPE_TEXT;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
  rule.value_string = (char *) word;
  rule.format = format;
  keep (sheet, worksheet_conditional_format_range (sheet->worksheet, 1, col,
                                                   MAX (sheet->row, 2) - 1, col, &rule));
}

void
cm_sheet_colour_words (CmSheet *sheet, lxw_col_t col)
{
  if (sheet->worksheet == NULL)
    return;
  colour_containing (sheet, col, "Breached", sheet->formats->red);
  colour_containing (sheet, col, "Overdue", sheet->formats->red);
  colour_containing (sheet, col, "Red", sheet->formats->red);
  colour_containing (sheet, col, "Due soon", sheet->formats->amber);
  colour_containing (sheet, col, "Amber", sheet->formats->amber);
  colour_containing (sheet, col, "Green", sheet->formats->green);
}

void
cm_sheet_finish (CmSheet *sheet)
{
  if (sheet->worksheet == NULL)
    return;
  worksheet_freeze_panes (sheet->worksheet, 1, 0);
  keep (sheet, worksheet_autofilter (sheet->worksheet, 0, 0, MAX (sheet->row, 2) - 1,
                                     sheet->n_columns - 1));
  for (lxw_col_t col = 0; col < sheet->n_columns; col++)
    keep (sheet, worksheet_set_column (sheet->worksheet, col, col, sheet->widths[col], NULL));
}

/* Wider than this, in characters or columns, and a portrait page would
 * shrink the text past reading. */
#define PORTRAIT_WIDTH 100
#define PORTRAIT_COLUMNS 5
#define PAPER_A4 9

void
cm_sheet_print_setup (CmSheet *sheet, const char *footer)
{
  double width = 0;

  if (sheet->worksheet == NULL)
    return;
  for (lxw_col_t col = 0; col < sheet->n_columns; col++)
    width += sheet->widths[col];
  worksheet_set_paper (sheet->worksheet, PAPER_A4);
  if (width > PORTRAIT_WIDTH || sheet->n_columns > PORTRAIT_COLUMNS)
    worksheet_set_landscape (sheet->worksheet);
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);
  keep (sheet, worksheet_repeat_rows (sheet->worksheet, 0, 0));
  keep (sheet, worksheet_set_footer (sheet->worksheet, footer));
}
