/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-layout.h: the columns, in order, of a record written whole as a
 * list of values
 *
 * An import writes one audit row per record it creates, thousands at a
 * time. Naming every column in each row made the names half the row's
 * bytes, so the tables an import fills write a list of values instead,
 * led by the number of a layout kept here that names them.
 *
 * A layout is frozen: written out here rather than taken from the entity
 * classes, so that the trail reads the same whatever the entities later
 * become. A column later added to one of these tables means adding layout
 * 2 for it, never editing layout 1. Until then a record with a value in a
 * column outside its table's newest layout is written with its columns
 * named (still correct, only larger).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char         *table;
  guint               number;    /* the first value of every row written in it */
  guint               n_columns;
  const char * const *columns;   /* as the table names them */
} CmAuditLayout;

/* Layout @number of @table, or NULL when there is none. */
const CmAuditLayout *cm_audit_layout_find   (const char *table, guint number);
/* The layout a record of @table is written in now, or NULL for a table
 * whose records are written with their columns named. */
const CmAuditLayout *cm_audit_layout_newest (const char *table);
/* The place of @column in @layout, or -1. */
int                  cm_audit_layout_column (const CmAuditLayout *layout, const char *column);

G_END_DECLS
