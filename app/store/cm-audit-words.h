/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-words.h: an audit row in the words a reviewer reads
 *
 * The trail stores tables, columns, nicks and ids ("service_id: 4"). These
 * turn them into the labels the editors use ("Service"), enum labels
 * ("Executive board"), the names of referenced records ("Carers
 * (ASC-0008)"), pounds and long dates, for the Audit Trail view, its CSV
 * and the workbook alike. A column nobody described (one an older schema
 * had) reads as its own name made human ("Case for change"); nothing here
 * fails on an unknown row.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The kind of change a row is part of. */
typedef enum {
  CM_AUDIT_STEP_ANY,
  CM_AUDIT_STEP_CREATED,  /* the record was made */
  CM_AUDIT_STEP_CHANGED,  /* a later change to one field */
  CM_AUDIT_STEP_DELETED,  /* the record was deleted */
} CmAuditStep;

const char *cm_audit_step_label   (CmAuditStep step);

/* The record kind's noun for a table: "Contract"; a humanised table name
 * for one nobody described. */
const char *cm_audit_table_noun   (const char *table);
/* The tables people can filter by, NULL-terminated, in the order of the
 * kinds' nouns. */
const char * const *cm_audit_filter_tables (void);
/* The field's label from its description (cm-record-fields.h), as the
 * editors show it: "Service", "Decision route"; a setting's for "meta". */
char       *cm_audit_field_label  (const char *table, const char *column);

/* Words for one portfolio's rows; remembers the names it looked up. */
typedef struct _CmAuditWords CmAuditWords;

CmAuditWords *cm_audit_words_new    (CmStore *store);
void          cm_audit_words_free   (CmAuditWords *self);

/* The record a row is about: "Contract ASC-0013 — Carers". */
char *cm_audit_words_record (CmAuditWords *self, const char *table, gint64 id);
/* A stored value in words; NULL for no value. */
char *cm_audit_words_value  (CmAuditWords *self, const char *table, const char *column,
                             const char *value);
/* "Decision route: not recorded → Executive board" */
char *cm_audit_words_change (CmAuditWords *self, const CmAuditEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmAuditWords, cm_audit_words_free)

G_END_DECLS
