/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheet.h: writing one worksheet of an exported workbook
 *
 * Every sheet gets the same treatment: a bold, frozen header row with an
 * autofilter, sensible column widths, dates as real Excel dates shown
 * dd/mm/yyyy, money as numbers in a £ format, and statuses as words with
 * a colour for the urgent ones. All text goes in as text, so a name that
 * starts with "=" can never become a formula.
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct {
  lxw_format *header;
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *money;
  lxw_format *percent;
  lxw_format *bold;
  lxw_format *bold_money;
  lxw_format *red;
  lxw_format *amber;
  lxw_format *green;
} CmSheetFormats;

typedef struct {
  lxw_worksheet *worksheet;
  const CmSheetFormats *formats;
  lxw_row_t row;           /* the next row to write */
  lxw_col_t n_columns;
  double *widths;          /* the widest text seen in each column, in characters */
  lxw_error error;         /* the first error, or LXW_NO_ERROR */
  const char *cut_note;    /* where a text cut to fit a cell is whole, or NULL */
} CmSheet;

void     cm_sheet_formats_init (CmSheetFormats *formats, lxw_workbook *workbook);

/* Writes into the sheet @name if the workbook has one, else adds it. */
CmSheet *cm_sheet_new          (lxw_workbook *workbook, const char *name,
                                const CmSheetFormats *formats, const char * const *headers);
void     cm_sheet_free         (CmSheet *sheet);
/* Finishes the sheet and sets it up for print (below), frees it and
 * returns its first error. */
lxw_error cm_sheet_close       (CmSheet *sheet, const char *footer);

/* A text longer than a cell holds (32,767 characters) is cut, ending with
 * a note that says so and, in @note, where the whole text is to be found
 * (by default, in the portfolio). @note must outlive the sheet. */
void     cm_sheet_set_cut_note (CmSheet *sheet, const char *note);

void     cm_sheet_text         (CmSheet *sheet, lxw_col_t col, const char *text);
void     cm_sheet_bold         (CmSheet *sheet, lxw_col_t col, const char *text);
void     cm_sheet_number       (CmSheet *sheet, lxw_col_t col, double value);
void     cm_sheet_money        (CmSheet *sheet, lxw_col_t col, gint64 pence);
void     cm_sheet_percent      (CmSheet *sheet, lxw_col_t col, double fraction);
/* An ISO date (YYYY-MM-DD) as an Excel date; nothing for an empty one. */
void     cm_sheet_date         (CmSheet *sheet, lxw_col_t col, const char *iso);
void     cm_sheet_gdate        (CmSheet *sheet, lxw_col_t col, const GDate *date);
/* An audit row's UTC time as an Excel date and time. */
void     cm_sheet_moment       (CmSheet *sheet, lxw_col_t col, const char *utc);
/* A =SUM() formula with its value, for viewers that do not recalculate. */
void     cm_sheet_sum          (CmSheet *sheet, lxw_col_t col, const char *formula, gint64 pence);
void     cm_sheet_next_row     (CmSheet *sheet);

/* Colours the cells of @col holding these words (status columns). */
void     cm_sheet_colour_words (CmSheet *sheet, lxw_col_t col);

/* Freezes the header, adds the autofilter and sets the widths. */
void     cm_sheet_finish       (CmSheet *sheet);

/* A4, fitted to the page's width with the header row on every page,
 * landscape when the columns are wide, and @footer (Excel's &-codes) at
 * the foot of each page. Call after cm_sheet_finish (). */
void     cm_sheet_print_setup  (CmSheet *sheet, const char *footer);

G_END_DECLS
