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

G_BEGIN_DECLS

typedef struct {
  const char *property; /* a described field of the sheet's type, or NULL */
  const char *heading;  /* N_(); for a worked-out column only */
} CmSheetColumn;

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

G_END_DECLS
