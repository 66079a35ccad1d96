/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-xlsx-reader.h: the cells of one worksheet of an XLSX workbook
 *
 * Opens the zip with minizip and streams the XML with libxml2's
 * xmlTextReader: shared and inline strings, numbers, booleans, and dates
 * held as serial numbers in the 1900 date system (a number whose cell
 * style is a date format).
 */
#pragma once

#include "cm-table.h"

G_BEGIN_DECLS

/* The workbook's sheet names, in order (NULL-terminated). */
char   **cm_xlsx_list_sheets (const char *path, GError **error);
CmTable *cm_xlsx_read_file   (const char *path, const char *sheet, GError **error);
/* Appends the rows of the sheet to @table (cm-table.h). */
gboolean  cm_xlsx_read_file_into (CmTable *table, const char *path, const char *sheet,
                                  GError **error);

/* True when @data starts like a zip file. */
gboolean cm_xlsx_looks_like  (const guint8 *data, gsize length);

G_END_DECLS
