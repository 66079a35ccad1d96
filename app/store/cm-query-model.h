/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-query-model.h: a list of one kind of record that reads rows only when shown
 *
 * The list holds the ids of its records, in the order shown, read by one
 * SQL query; a record is read from the file when a view asks for its row,
 * and kept while anything holds it (and a few more besides), so a list of
 * 1,000,000 contracts costs its ids, not 1,000,000 objects. Searching and
 * sorting run that query again in a thread of its own, with a connection
 * of its own, and the new ids replace the old when it ends: setting the
 * search returns at once, and a newer search cancels an older one.
 *
 * The list follows the store's "records-changed": a record saved changes
 * in place (the same object, notifying its properties), joins or leaves,
 * and only the rows that changed are announced.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_QUERY_MODEL (cm_query_model_get_type ())
G_DECLARE_FINAL_TYPE (CmQueryModel, cm_query_model, CM, QUERY_MODEL, GObject)

/* Every record of @entity_type, in id order. */
CmQueryModel *cm_query_model_new         (CmStore *store, GType entity_type);
/* Shows only the records whose "search-text" holds @text, case-folded;
 * NULL or "" shows every record. Returns before the rows are read. */
void          cm_query_model_set_search  (CmQueryModel *self, const char *text);
/* Orders the rows by @property (NULL: by id), as the list's column shows
 * it: text case-folded, choices in their natural order. */
void          cm_query_model_set_sort    (CmQueryModel *self, const char *property,
                                          gboolean descending);
/* Whether a search or sort is still being read ("busy" notifies). */
gboolean      cm_query_model_is_busy     (CmQueryModel *self);
/* Whether the table holds no record at all, whatever the search shows. */
gboolean      cm_query_model_is_empty    (CmQueryModel *self);
/* The position of the record with @id, or G_MAXUINT when not shown. */
guint         cm_query_model_find        (CmQueryModel *self, gint64 id);
/* The SELECT the list runs, with "?1" for the folded search text when
 * @search, ordered by @sort_property (NULL: by id): for a benchmark to
 * time the same statement in the sqlite3 shell. */
char         *cm_query_model_sql         (GType entity_type, gboolean search,
                                          const char *sort_property, gboolean descending);

G_END_DECLS
