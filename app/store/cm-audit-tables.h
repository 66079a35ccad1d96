/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-tables.h: the tables the audit trail covers, and the text it
 * records for each of their columns
 *
 * Every table of records has an entity type (cm-entity.h) that names its
 * columns; the trail records a column's value in the text form of that
 * property (cm_value_to_text ()). The baseline and the replay read stored
 * rows, so they turn each stored value into that same text here.
 */
#pragma once

#include <glib-object.h>

#include "cm-db.h"

G_BEGIN_DECLS

/* How a column stores its property's value (cm-value.h). */
typedef enum {
  CM_AUDIT_VALUE_TEXT,
  CM_AUDIT_VALUE_ENUM,      /* its nick */
  CM_AUDIT_VALUE_BOOLEAN,   /* 0 or 1 */
  CM_AUDIT_VALUE_INT,
  CM_AUDIT_VALUE_INT64,
  CM_AUDIT_VALUE_REFERENCE, /* an id, NULL for none */
  CM_AUDIT_VALUE_DOUBLE,
} CmAuditValueKind;

typedef struct {
  const char        *name;        /* the table, as the trail's entity names it */
  GType              type;        /* the entity kept in it */
  guint              n_columns;   /* not counting id */
  char             **columns;     /* column names, in the entity's order */
  CmAuditValueKind  *kinds;       /* how each column stores its value */
  int                name_column; /* the column that names a record to a person, or -1 */
} CmAuditTable;

/* Every audited table, sorted by name. */
const CmAuditTable *cm_audit_tables        (guint *n_tables);
const CmAuditTable *cm_audit_table_find    (const char *name);
/* The index of @column in @table's columns, or -1. */
int                 cm_audit_table_column  (const CmAuditTable *table, const char *column);

#define CM_AUDIT_TEXT_SIZE 64

/* The trail's text for the value @stmt holds in @column, stored as
 * @kind, or NULL where the trail records no value (an empty text, a
 * missing reference). It points into @stmt, @buffer or static text, so it
 * lasts until @stmt steps on. A value of a kind the property never stores
 * is given as it was found, quoted, so it never agrees with a trail the
 * application wrote. */
const char         *cm_audit_column_text   (CmDbStmt *stmt, int column, CmAuditValueKind kind,
                                            char buffer[CM_AUDIT_TEXT_SIZE]);

/* SELECT id, <columns> FROM <table> ORDER BY id, over the columns @db's
 * table has (older files lack the newer ones). @present receives, for
 * each of @table's columns, its place in the result or -1. NULL when @db
 * has no such table. */
char               *cm_audit_table_select  (const CmAuditTable *table, CmDb *db, int *present);

/* The portfolio's settings (the meta table) the trail covers: all but the
 * trail's own bookkeeping, its keys named audit_* (its head). */
#define CM_AUDIT_META_SELECT \
  "SELECT key, value FROM meta WHERE key NOT LIKE 'audit\\_%' ESCAPE '\\' ORDER BY key"
gboolean            cm_audit_meta_key_is_own (const char *key);

G_END_DECLS
