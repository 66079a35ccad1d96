/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-record.h: a whole record's values as one row of the audit trail
 *
 * Most changes are audited one row per field. A record created among
 * thousands (an import) and the baseline of every record when records
 * began to be audited are one row each instead: the field is "*" or
 * "*baseline" and the new value a flat JSON object of the record's
 * non-empty fields, {"column": "text", ...}, in the trail's text form
 * (cm_value_to_text ()). Replaying such a row sets the whole record.
 */
#pragma once

#include <glib.h>

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

/* Called for each field of a parsed object; @text is NULL for a JSON null. */
typedef void (*CmAuditRecordEach) (const char *column, const char *text, gpointer user_data);

/* Reads what cm_audit_record_end () made (any flat JSON object of texts
 * and nulls); FALSE when @json is not one. */
gboolean cm_audit_record_parse     (const char *json, CmAuditRecordEach each, gpointer user_data);

G_END_DECLS
