/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheet-columns.h: the columns of the workbook's record sheets
 *
 * A column either shows a field of the sheet's record type, headed as
 * its description says (cm-record-fields.h), or holds what the export
 * works out for the row (a gate's state, a key date), headed here.
 */
#pragma once

#include <glib-object.h>

#include "cm-record-fields.h"
#include "cm-sheet.h"

G_BEGIN_DECLS

typedef struct {
  const char *property; /* a described field of the sheet's type, or NULL */
  const char *heading;  /* N_(); for a worked-out column only */
  CmFormat format;      /* a worked-out column's; a field's column takes its field's */
} CmSheetColumn;

/* One cell of a record sheet's row, as its row writer has it: the column's
 * format says how it is written (cm_sheet_columns_write_row ()). */
typedef struct {
  const char *text;   /* a text or label, or a date as YYYY-MM-DD; NULL for none */
  const GDate *date;  /* a worked-out date; NULL or invalid for none */
  gint64 number;      /* a number, or pence */
  gboolean has_number;
} CmSheetCell;

/* Terminated by { NULL, NULL }. */
extern const CmSheetColumn cm_services_sheet_columns[];
extern const CmSheetColumn cm_contracts_sheet_columns[];

/* The headers of @columns, translated and NULL-terminated; free the array
 * only (g_free), its strings are not copies. */
const char          **cm_sheet_columns_headers (GType type, const CmSheetColumn *columns);
/* The description of the field column @col shows, or NULL for a
 * worked-out column. */
const CmRecordField  *cm_sheet_columns_field   (GType type, const CmSheetColumn *columns,
                                                guint col);

/* The format of each column of @columns, from its field's description
 * or its own; free with g_free (). Worked out once per sheet. */
CmFormat             *cm_sheet_columns_formats  (GType type, const CmSheetColumn *columns);
/* Writes one row's @n_cells @cells, one per column, each as @formats says: money
 * in £, dates as real dates, numbers as numbers, anything else as text
 * (an enum's label, a reference's name), each with its column's width.
 * Then moves to the next row. */
void                  cm_sheet_columns_write_row (CmSheet *sheet, const CmFormat *formats,
                                                  const CmSheetCell *cells, guint n_cells);

G_END_DECLS
