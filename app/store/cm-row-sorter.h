/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-row-sorter.h: rows put in order in bounded memory, for a sheet written in one pass
 *
 * A sheet in date order is made while the contracts are read in id order:
 * each row goes into a private scratch database of its own (a temporary
 * file SQLite deletes on closing, never the portfolio), which spills to
 * disk past a few megabytes, and comes back in order. Each row holds
 * @n_numbers integers and @n_texts texts; rows are ordered by @order, an
 * ORDER BY over the columns n0, n1, ... and t0, t1, ..., then by the order
 * they were added.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CmRowSorter CmRowSorter;

typedef void (*CmRowSorterFunc) (const gint64 *numbers, const char * const *texts,
                                 gpointer user_data);

CmRowSorter *cm_row_sorter_new  (guint n_numbers, guint n_texts, const char *order,
                                 GError **error);
void         cm_row_sorter_free (CmRowSorter *sorter);
/* A NULL text is stored as "". */
gboolean     cm_row_sorter_add  (CmRowSorter *sorter, const gint64 *numbers,
                                 const char * const *texts, GError **error);
guint64      cm_row_sorter_count (CmRowSorter *sorter);
/* Hands every row to @each in order. */
gboolean     cm_row_sorter_each (CmRowSorter *sorter, CmRowSorterFunc each, gpointer user_data,
                                 GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmRowSorter, cm_row_sorter_free)

G_END_DECLS
