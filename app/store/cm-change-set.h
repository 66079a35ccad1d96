/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-change-set.h: the records a commit changed, and the note naming them
 *
 * A commit names what it changed, for the programs following the
 * portfolio to read only those records again: each table with the ids of
 * its records, or the table alone when it changed too many to name (an
 * import), when every list of it is read again whole. A set also carries
 * the newest audit row the commit reached, where known.
 *
 * As text (a server's notification) it reads "@1234;contract:12,13;service:4;meta":
 * entries apart by ";", a table's ids after ":", apart by ",", and the
 * audit row after "@". An older program's note, table names apart by ","
 * ("contract,service"), reads as those tables whole.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Beyond this many records of one table, the table is named alone. */
#define CM_CHANGE_SET_MAX_RECORDS 1024

typedef struct _CmChangeSet CmChangeSet;

CmChangeSet     *cm_change_set_new         (void);
void             cm_change_set_free        (CmChangeSet *set);
/* Adds the record @id of @table, unless the table is named whole. */
void             cm_change_set_add_record  (CmChangeSet *set, const char *table, gint64 id);
/* Adds @table whole: any of its records may have changed. */
void             cm_change_set_add_table   (CmChangeSet *set, const char *table);
/* Adds what @note names (see above); text it cannot read names nothing. */
void             cm_change_set_add_note    (CmChangeSet *set, const char *note);
/* The set as a note of at most @limit bytes: the tables whose ids do not
 * fit are named alone, the earliest tables keeping theirs first. */
char            *cm_change_set_to_note     (CmChangeSet *set, gsize limit);

gboolean         cm_change_set_is_empty    (CmChangeSet *set);
/* The tables named, in the order they were first named. */
guint            cm_change_set_n_tables    (CmChangeSet *set);
const char      *cm_change_set_table       (CmChangeSet *set, guint index);
/* The ids (gint64) named of @table, in the order first named; NULL when
 * the table is named whole. */
GArray          *cm_change_set_ids         (CmChangeSet *set, const char *table);
/* The newest audit row the changes reached, or 0 when not known. */
gint64           cm_change_set_audit_row   (CmChangeSet *set);
void             cm_change_set_set_audit_row (CmChangeSet *set, gint64 row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmChangeSet, cm_change_set_free)

G_END_DECLS
