/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheet-columns.c: the columns of the workbook's record sheets */
#include <glib/gi18n-lib.h>

#include "cm-sheet-columns.h"

/* The order the sheets have always had, so workbooks read by scripts and
 * imported back keep their columns where they were. */
const CmSheetColumn cm_services_sheet_columns[] = {
  { "name" },
  { "area" },
  { "client-group" },
  { "lead-commissioner-name" }, /* the one in force, with the recorded one beside it */
  { "partner-names" },
  { "stage" },
  { "cycle" },
  { "annual-value" },
  { NULL, N_("Analyse gate"), CM_FORMAT_TEXT },
  { NULL, N_("Plan gate"), CM_FORMAT_TEXT },
  { NULL, N_("Do gate"), CM_FORMAT_TEXT },
  { NULL, N_("Review gate"), CM_FORMAT_TEXT },
  { "community-committee" },
  { NULL, NULL }
};

const CmSheetColumn cm_contracts_sheet_columns[] = {
  { "reference" },
  { "title" },
  { "service-name" },
  { NULL, N_("Commissioner"), CM_FORMAT_TEXT }, /* the service's lead commissioner on the contract's day */
  { "provider-name" },
  { "provider-sector" },
  { "contract-type" },
  { "route" },
  { "annual-value" },
  { "total-value" }, /* worked out from the annual value and term when none was entered */
  { "start-date" },
  { "end-date" },
  { "term" },
  { "notice-period" },
  { "extensions-invoked" },
  { "notice-served" },
  { NULL, N_("Current end"), CM_FORMAT_DATE },
  { NULL, N_("Current end status"), CM_FORMAT_TEXT },
  { NULL, N_("Extension decision due"), CM_FORMAT_DATE },
  { NULL, N_("Extension decision status"), CM_FORMAT_TEXT },
  { NULL, N_("Latest notice date"), CM_FORMAT_DATE },
  { NULL, N_("Notice status"), CM_FORMAT_TEXT },
  { NULL, N_("Latest possible end"), CM_FORMAT_DATE },
  { "decommissioned-on" },
  { "procurement-began" },
  { NULL, NULL }
};

static gboolean
is_end (const CmSheetColumn *column)
{
  return column->property == NULL && column->heading == NULL;
}

const char **
cm_sheet_columns_headers (GType type, const CmSheetColumn *columns)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  for (const CmSheetColumn *column = columns; !is_end (column); column++)
    {
      const CmRecordField *field = column->property
                                     ? cm_record_field_find (type, column->property)
                                     : NULL;

      g_return_val_if_fail (column->property == NULL || field != NULL, NULL);
      g_ptr_array_add (headers, (gpointer) (field ? cm_record_field_heading (field)
                                                  : _(column->heading)));
    }
  g_ptr_array_add (headers, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&headers), FALSE);
}

const CmRecordField *
cm_sheet_columns_field (GType type, const CmSheetColumn *columns, guint col)
{
  for (guint i = 0; !is_end (&columns[i]); i++)
    if (i == col)
      return columns[i].property ? cm_record_field_find (type, columns[i].property) : NULL;
  return NULL;
}

CmFormat *
cm_sheet_columns_formats (GType type, const CmSheetColumn *columns)
{
  guint n = 0;
  CmFormat *formats;

  while (!is_end (&columns[n]))
    n++;
  formats = g_new0 (CmFormat, n);
  for (guint i = 0; i < n; i++)
    {
      const CmRecordField *field = cm_sheet_columns_field (type, columns, i);

      formats[i] = field ? field->format : columns[i].format;
    }
  return formats;
}

/* Each format's own call, which also gives the column its width. */
static void
write_cell (CmSheet *sheet, lxw_col_t col, CmFormat format, const CmSheetCell *cell)
{
  switch (format)
    {
    case CM_FORMAT_MONEY:
      if (cell->has_number)
        cm_sheet_money (sheet, col, cell->number);
      break;
    case CM_FORMAT_NUMBER:
    case CM_FORMAT_DECIMAL:
      if (cell->has_number)
        cm_sheet_number (sheet, col, cell->number);
      break;
    case CM_FORMAT_DATE:
      if (cell->date)
        cm_sheet_gdate (sheet, col, cell->date);
      else
        cm_sheet_date (sheet, col, cell->text);
      break;
    case CM_FORMAT_TEXT:
    case CM_FORMAT_ENUM:
    case CM_FORMAT_BOOLEAN:
    case CM_FORMAT_REFERENCE:
    case CM_FORMAT_AS_WRITTEN:
    default:
      cm_sheet_text (sheet, col, cell->text);
      break;
    }
}

void
cm_sheet_columns_write_row (CmSheet *sheet, const CmFormat *formats, const CmSheetCell *cells,
                            guint n_cells)
{
  g_return_if_fail (n_cells == sheet->n_columns);
  for (lxw_col_t col = 0; col < sheet->n_columns; col++)
    write_cell (sheet, col, formats[col], &cells[col]);
  cm_sheet_next_row (sheet);
}
