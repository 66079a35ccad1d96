/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ods-reader.h: the cells of one sheet of an OpenDocument spreadsheet
 *
 * The format LibreOffice saves by default (.ods): a zip whose content.xml
 * is streamed with libxml2, as the XLSX reader streams its sheets. Cells
 * become text as cm-table.h describes: dates "yyyy-mm-dd", numbers,
 * currency and percentages their stored value, booleans "TRUE" or
 * "FALSE", and formulas the value last calculated.
 */
#pragma once

#include "cm-table.h"

G_BEGIN_DECLS

/* Whether the zip file @path says it is an OpenDocument spreadsheet. */
gboolean cm_ods_is_spreadsheet (const char *path);

/* The spreadsheet's sheet names, in order (NULL-terminated). */
char   **cm_ods_list_sheets    (const char *path, GError **error);
CmTable *cm_ods_read_file      (const char *path, const char *sheet, GError **error);
/* Appends the rows of the sheet to @table (cm-table.h). */
gboolean  cm_ods_read_file_into (CmTable *table, const char *path, const char *sheet,
                                 GError **error);

G_END_DECLS
