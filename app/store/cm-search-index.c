/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-search-index.c: the folded search text of every record of a table, to scan without SQL */
#include <string.h>

#include "cm-search-index.h"
#include "cm-store.h"

/* Rows scanned between checks that the search is still wanted. */
#define CANCEL_CHECK_ROWS 4096

struct _CmSearchIndex
{
  GArray *ids;       /* gint64, ascending */
  GArray *offsets;   /* gsize into @text, one per id */
  GString *text;     /* every row's text, each ending in a NUL */
};

static void
clear_index (CmSearchIndex *index)
{
  g_array_unref (index->ids);
  g_array_unref (index->offsets);
  g_string_free (index->text, TRUE);
}

CmSearchIndex *
cm_search_index_read (CmDb *db, const char *sql, GError **error)
{
  CmSearchIndex *index = g_atomic_rc_box_new0 (CmSearchIndex);
  CmDbStmt *stmt = cm_db_prepare (db, sql);
  CmDbStep step = CM_DB_FAILED;

  index->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  index->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  index->text = g_string_new (NULL);
  if (stmt != NULL)
    while ((step = cm_db_step (stmt)) == CM_DB_ROW)
      {
        gint64 id = cm_db_column_int64 (stmt, 0);
        const char *text = cm_db_column_text (stmt, 1);

        g_array_append_val (index->ids, id);
        g_array_append_val (index->offsets, index->text->len);
        g_string_append_len (index->text, text ? text : "", text ? strlen (text) + 1 : 1);
      }
  if (step != CM_DB_DONE)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED, "%s", cm_db_last_message (db));
      g_clear_pointer (&index, cm_search_index_unref);
    }
  cm_db_stmt_free (stmt);
  return index;
}

CmSearchIndex *
cm_search_index_ref (CmSearchIndex *index)
{
  return g_atomic_rc_box_acquire (index);
}

void
cm_search_index_unref (CmSearchIndex *index)
{
  g_atomic_rc_box_release_full (index, (GDestroyNotify) clear_index);
}

static gboolean
find_id (CmSearchIndex *index, gint64 id, guint *position)
{
  const gint64 *ids = (const gint64 *) index->ids->data;
  guint low = 0, high = index->ids->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (ids[middle] == id)
        {
          *position = middle;
          return TRUE;
        }
      if (ids[middle] < id)
        low = middle + 1;
      else
        high = middle;
    }
  return FALSE;
}

GArray *
cm_search_index_filter (CmSearchIndex *index, GArray *order, const char *needle,
                        GCancellable *cancellable)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = order ? order->len : index->ids->len;

  for (guint i = 0; i < n; i++)
    {
      gint64 id = order ? g_array_index (order, gint64, i) : g_array_index (index->ids, gint64, i);
      guint row = i;

      if (i % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;
      /* A record the index has not read is left out until it is read again. */
      if (order && !find_id (index, id, &row))
        continue;
      if (strstr (index->text->str + g_array_index (index->offsets, gsize, row), needle))
        g_array_append_val (found, id);
    }
  return g_steal_pointer (&found);
}
