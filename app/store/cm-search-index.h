/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-search-index.h: the folded search text of every record of a table, to scan without SQL
 *
 * Reading the search text of 1,000,000 contracts (joins, and a Unicode
 * fold of each) takes seconds; scanning it once read takes milliseconds.
 * A list's first search reads it in its thread; every later keystroke
 * scans it, until a change to the records makes the list drop it. An
 * index never changes once read, so threads share it by reference.
 */
#pragma once

#include <gio/gio.h>

#include "cm-db.h"

G_BEGIN_DECLS

typedef struct _CmSearchIndex CmSearchIndex;

/* Reads @sql, which selects an id and a folded text per row in id order. */
CmSearchIndex *cm_search_index_read   (CmDb *db, const char *sql, GError **error);
CmSearchIndex *cm_search_index_ref    (CmSearchIndex *index);
void           cm_search_index_unref  (CmSearchIndex *index);
/* The ids of @order (ascending ids, or any order of them; NULL: every id
 * of the index) whose text holds @needle, in that order; NULL when
 * @cancellable is cancelled first. */
GArray        *cm_search_index_filter (CmSearchIndex *index, GArray *order, const char *needle,
                                       GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSearchIndex, cm_search_index_unref)

G_END_DECLS
