/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-xlsx-value.h: a cell's XML text as the text the import reads
 *
 * Each function appends to @out the text cm-table.h promises: a date as
 * "yyyy-mm-dd", any other number as its shortest decimal, a boolean as
 * "TRUE" or "FALSE". Text that is not what its cell type claims is kept
 * as it is. Internal to the XLSX reader.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a number format shows a number as a date: by the id of one of
 * Excel's built-in formats, or by a custom format's code, which is a date
 * when it has a day, month or year code outside quoted text, [colours and
 * locales] and characters taken literally (\x, _x, *x). */
gboolean cm_xlsx_value_builtin_format_is_date (guint id);
gboolean cm_xlsx_value_format_code_is_date    (const char *code);

/* A number cell. When @is_date, a serial day in the 1900 date system, or
 * the 1904 one when @date1904, unless no register could hold that day. */
void     cm_xlsx_value_append_number          (const char *text, gboolean is_date,
                                               gboolean date1904, GString *out);
/* An ISO 8601 date and time ("2024-04-01T00:00:00") as its date. */
void     cm_xlsx_value_append_iso_date        (const char *text, GString *out);
/* "1", "0", "true" or "false", in any case. */
void     cm_xlsx_value_append_boolean         (const char *text, GString *out);

G_END_DECLS
