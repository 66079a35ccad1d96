/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-csv-reader.h: CSV as spreadsheets write it
 *
 * UTF-8 with or without a byte order mark; comma or semicolon separated
 * (whichever the header row uses outside quotes); RFC 4180 quoting, with
 * doubled quotes and line breaks inside quoted fields; CRLF or LF.
 */
#pragma once

#include "cm-table.h"

G_BEGIN_DECLS

CmTable *cm_csv_read      (const char *data, gsize length, GError **error);
CmTable *cm_csv_read_file (const char *path, GError **error);
/* Appends the rows of @path to @table (cm-table.h). */
gboolean  cm_csv_read_file_into (CmTable *table, const char *path, GError **error);

G_END_DECLS
