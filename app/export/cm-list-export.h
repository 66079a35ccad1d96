/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-list-export.h: one list as the user sees it, written as CSV or XLSX
 *
 * The caller hands over the rows and columns its list shows, as the texts
 * it shows; the file's name says which format (".csv" or ".xlsx"). Both
 * are written whole or not at all (cm-safe-write.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CM_LIST_EXPORT_ERROR (cm_list_export_error_quark ())
typedef enum {
  CM_LIST_EXPORT_ERROR_FORMAT,  /* the name ends in neither .csv nor .xlsx */
  CM_LIST_EXPORT_ERROR_FAILED,
} CmListExportError;
GQuark cm_list_export_error_quark (void);

/* Writes a header row of @titles, then @rows (of NULL-terminated string
 * arrays, one text per title) to @path; @sheet names the XLSX sheet. */
gboolean cm_list_export_write (const char *path, const char *sheet, const char * const *titles,
                               GPtrArray *rows, GError **error);

G_END_DECLS
