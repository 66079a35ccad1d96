/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-query.h: the audit trail filtered, newest first, for reviewers
 *
 * A CmAuditModel is a GListModel of the rows that match a filter. It counts
 * them once and reads them a page at a time as a list view asks for them,
 * so a trail of 100,000 rows opens as fast as one of 100. Each item carries
 * its row in words (cm-audit-words.h) and whether the hash chain vouches
 * for it, does not, or could not be checked (cm-audit-verdict.h). The CSV and the workbook's "Audit trail" sheet read the same
 * rows in the same words.
 */
#pragma once

#include "cm-audit-verdict.h"
#include "cm-audit-words.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *table;     /* NULL: every kind of record */
  gint64 entity_id;      /* 0: every record of @table */
  const char *actor;     /* NULL: anyone */
  const char *from;      /* first UTC day, YYYY-MM-DD, or NULL */
  const char *to;        /* last UTC day, YYYY-MM-DD, or NULL */
  CmAuditStep step;
  const char *field;     /* a column, or NULL for any */
  const char *search;    /* words in the actor, field or values, or NULL */
  GArray *rows;          /* only these rows, by id (gint64), or NULL for any */
} CmAuditFilter;

/* Who appears in the trail, and which columns of @table it changed
 * (NULL-terminated, sorted). */
GStrv       cm_audit_actors        (CmStore *store, GError **error);
GStrv       cm_audit_fields        (CmStore *store, const char *table, GError **error);

#define CM_TYPE_AUDIT_ITEM (cm_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (CmAuditItem, cm_audit_item, CM, AUDIT_ITEM, GObject)

gint64      cm_audit_item_get_id       (CmAuditItem *self);
const CmAuditEntry *cm_audit_item_get_entry (CmAuditItem *self);
const char *cm_audit_item_get_when     (CmAuditItem *self); /* "24 November 2026, 14:05" */
const char *cm_audit_item_get_record   (CmAuditItem *self); /* "Contract ASC-0013 — Carers" */
CmAuditStep cm_audit_item_get_step     (CmAuditItem *self);
const char *cm_audit_item_get_field    (CmAuditItem *self); /* "Decision route" */
const char *cm_audit_item_get_before   (CmAuditItem *self); /* NULL for no value */
const char *cm_audit_item_get_after    (CmAuditItem *self);
CmAuditRowCheck cm_audit_item_get_check (CmAuditItem *self);

#define CM_TYPE_AUDIT_MODEL (cm_audit_model_get_type ())
G_DECLARE_FINAL_TYPE (CmAuditModel, cm_audit_model, CM, AUDIT_MODEL, GObject)

/* @verdict as from cm_audit_verdict_check (), worked out once by the
 * caller so that changing a filter does not check the chain again. */
CmAuditModel *cm_audit_model_new (CmStore *store, const CmAuditFilter *filter,
                                  const CmAuditVerdict *verdict, GError **error);

/* Calls @row for every matching row, newest first, reading a page at a
 * time; stops after @limit rows (0: no limit), or when @row returns
 * FALSE. Returns how many were read. */
typedef gboolean (*CmAuditRowFunc) (CmAuditItem *item, gpointer user_data);
gint64      cm_audit_foreach       (CmStore *store, const CmAuditFilter *filter,
                                    const CmAuditVerdict *verdict, gint64 limit,
                                    CmAuditRowFunc row, gpointer user_data, GError **error);

extern const char * const cm_audit_csv_headers[];
/* The matching rows as a CSV file in UTF-8 with a byte-order mark, written
 * safely (cm-safe-write.h). */
gboolean    cm_audit_write_csv     (CmStore *store, const CmAuditFilter *filter,
                                    const char *path, GError **error);

G_END_DECLS
