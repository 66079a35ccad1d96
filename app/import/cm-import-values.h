/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-values.h: reading the values of a contracts register
 *
 * Each parser takes a cell's text, ignoring space around it, and either
 * gives a value or says, in a sentence a commissioner understands, what
 * was expected.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CM_IMPORT_VALUE_ERROR (cm_import_value_error_quark ())
typedef enum {
  CM_IMPORT_VALUE_ERROR_INVALID,
  CM_IMPORT_VALUE_ERROR_AMBIGUOUS, /* could be read two ways; never guessed */
} CmImportValueError;
GQuark cm_import_value_error_quark (void);

/* Dates are read by cm_date_parse() with CM_DATE_PARSE_SERIALS. */
/* "£1,234.50", "1234", "£1.3m", "£20k": whole pence, never negative. */
gboolean cm_import_parse_money (const char *text, gint64 *pence, GError **error);
/* A count such as extensions invoked: "0", "2", "none". */
gboolean cm_import_parse_count (const char *text, int *count, GError **error);
/* Yes/No, Y/N, TRUE/FALSE, 1/0. */
gboolean cm_import_parse_flag  (const char *text, gboolean *value, GError **error);

/* The value of @enum_type (CM_TYPE_SECTOR, CM_TYPE_CONTRACT_TYPE or
 * CM_TYPE_PROCUREMENT_ROUTE) that @text names, by nick, label or a common
 * synonym ("VCSE", "Charity" and "Third sector" are all third sector),
 * ignoring case, spaces and punctuation, and else by the part before a
 * comma. When nothing matches, returns the type's "other" value and sets
 * *@matched to FALSE; the text "Other" itself matches. */
int      cm_import_match_enum  (GType enum_type, const char *text, gboolean *matched);

G_END_DECLS
