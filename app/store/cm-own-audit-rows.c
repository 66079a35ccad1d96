/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-own-audit-rows.c: the audit rows a store's own commits appended */
#include "cm-own-audit-rows.h"

/* Beyond this many spans (a store that commits without ever catching up
 * with others), the oldest are forgotten: their rows are then read again
 * as another's, which costs a read but shows nothing wrong. */
#define MAX_SPANS 1024

typedef struct {
  gint64 after;
  gint64 last;
} Span;

struct _CmOwnAuditRows
{
  GArray *spans; /* Span, in commit order */
};

CmOwnAuditRows *
cm_own_audit_rows_new (void)
{
  CmOwnAuditRows *rows = g_new0 (CmOwnAuditRows, 1);

  rows->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  return rows;
}

void
cm_own_audit_rows_free (CmOwnAuditRows *rows)
{
  if (rows == NULL)
    return;
  g_array_unref (rows->spans);
  g_free (rows);
}

CmOwnAuditRows *
cm_own_audit_rows_copy (CmOwnAuditRows *rows)
{
  CmOwnAuditRows *copy = cm_own_audit_rows_new ();

  g_array_append_vals (copy->spans, rows->spans->data, rows->spans->len);
  return copy;
}

void
cm_own_audit_rows_add (CmOwnAuditRows *rows, gint64 after, gint64 last)
{
  Span span = { after, last };

  if (last <= after)
    return;
  if (rows->spans->len == MAX_SPANS)
    g_array_remove_index (rows->spans, 0);
  g_array_append_val (rows->spans, span);
}

gint64
cm_own_audit_rows_pass (CmOwnAuditRows *rows, gint64 seen)
{
  gboolean moved = TRUE;

  /* Commits of others and of ours may alternate: each pass may make the
   * next span follow the row seen. */
  while (moved)
    {
      moved = FALSE;
      for (guint i = rows->spans->len; i > 0; i--)
        {
          Span *span = &g_array_index (rows->spans, Span, i - 1);

          if (span->after <= seen && span->last > seen)
            {
              seen = span->last;
              moved = TRUE;
            }
          if (span->last <= seen)
            g_array_remove_index (rows->spans, i - 1);
        }
    }
  return seen;
}

gboolean
cm_own_audit_rows_contain (CmOwnAuditRows *rows, gint64 row)
{
  for (guint i = 0; i < rows->spans->len; i++)
    {
      Span *span = &g_array_index (rows->spans, Span, i);

      if (row > span->after && row <= span->last)
        return TRUE;
    }
  return FALSE;
}

gint64
cm_own_audit_rows_count (CmOwnAuditRows *rows, gint64 after, gint64 last)
{
  gint64 count = 0;

  for (guint i = 0; i < rows->spans->len; i++)
    {
      Span *span = &g_array_index (rows->spans, Span, i);

      count += MAX (0, MIN (span->last, last) - MAX (span->after, after));
    }
  return count;
}
