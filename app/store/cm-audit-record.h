/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-record.h: a whole record's values as one row of the audit trail
 *
 * Most changes are audited one row per field. A record created among
 * thousands (an import) and the baseline of every record when records
 * began to be audited are one row each instead: the field is "*" or
 * "*baseline" and the new value holds the record's values in the trail's
 * text form (cm_value_to_text ()). Replaying such a row sets the whole
 * record. The value takes one of two forms:
 *
 * - a flat JSON object of the record's non-empty fields,
 *   {"column": "text", ...}: every baseline row, and a record of a table
 *   with no layout (cm-audit-layout.h) or with a value outside it;
 * - a JSON array, the layout's number first, then one element per column
 *   of that layout, in its order: the column's text, or null where it is
 *   blank, [1,"REF-1",null,...]. An import's contracts, providers and
 *   services are written so, the column names left out as they would be
 *   half the row. Every element is written, so a record has one text.
 */
#pragma once

#include <glib.h>

#include "cm-audit-layout.h"

G_BEGIN_DECLS

/* A record created whole, among many (an import). */
#define CM_AUDIT_FIELD_RECORD "*"
/* Every record as it stood when its audit trail began. */
#define CM_AUDIT_FIELD_BASELINE "*baseline"

/* Whether @field is one of the two above, not a column. */
gboolean cm_audit_field_is_whole   (const char *field);

/* Builds the JSON object: begin, one add per field, end. */
void     cm_audit_record_begin     (GString *json);
void     cm_audit_record_add       (GString *json, const char *column, const char *text);
void     cm_audit_record_end       (GString *json);

/* Builds the JSON array: begin, one add for each of @layout's columns in
 * order (@text NULL or empty for a blank one), end. */
void     cm_audit_record_begin_list (GString *json, const CmAuditLayout *layout);
void     cm_audit_record_list_add   (GString *json, const char *text);
void     cm_audit_record_end_list   (GString *json);

/* The layout an array of @table's is written in; NULL for an object, or
 * an array whose layout @table does not have. */
const CmAuditLayout *cm_audit_record_layout (const char *table, const char *json);

/* Called for each field of a parsed record; @text is NULL for a JSON null. */
typedef void (*CmAuditRecordEach) (const char *column, const char *text, gpointer user_data);

/* Reads what either form's end made for a record of @table (whose layout
 * names an array's columns; NULL when no array is expected): any flat
 * JSON object of texts and nulls, each handed to @each, or an array of a
 * layout's number of @table and as many texts or nulls as that layout
 * has columns, the texts handed to @each (a null is a blank field, which
 * an object leaves out). FALSE when @json is neither. */
gboolean cm_audit_record_parse     (const char *table, const char *json,
                                    CmAuditRecordEach each, gpointer user_data);

G_END_DECLS
