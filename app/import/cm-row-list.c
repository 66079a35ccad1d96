/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-row-list.c: the rows a message is about, named briefly or in full
 *
 * A plain array of row numbers: an import may note 30,000 of them, and
 * they are only turned into text when a message or a report asks.
 */
#include <glib/gi18n-lib.h>

#include "cm-row-list.h"

struct _CmRowList
{
  GArray *rows; /* guint, in the order added */
};

CmRowList *
cm_row_list_new (void)
{
  CmRowList *list = g_new0 (CmRowList, 1);

  list->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  return list;
}

void
cm_row_list_free (CmRowList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->rows);
  g_free (list);
}

void
cm_row_list_add (CmRowList *list, guint row)
{
  g_array_append_val (list->rows, row);
}

guint
cm_row_list_get_length (const CmRowList *list)
{
  return list->rows->len;
}

guint
cm_row_list_get (const CmRowList *list, guint i)
{
  g_return_val_if_fail (i < list->rows->len, 0);

  return g_array_index (list->rows, guint, i);
}

/* "a, b and c" for a whole list, "a, b, c, d, e and 7 more" past the limit. */
static char *
join_at_most (const char * const *texts, guint n_texts, guint shown)
{
  g_autoptr(GString) head = g_string_new (NULL);
  guint n_head = MIN (n_texts, shown);
  g_autofree char *more = NULL;

  if (n_texts == 0)
    return g_strdup ("");
  if (n_texts == 1)
    return g_strdup (texts[0]);
  /* A whole list ends "b and c"; a cut one ends "e and 7 more". */
  if (n_texts <= shown)
    n_head--;
  for (guint i = 0; i < n_head; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the items of a list, before its last two: "8, 18 and 28" */
        g_string_append (head, C_("list separator", ", "));
      g_string_append (head, texts[i]);
    }
  if (n_texts <= shown)
    /* TRANSLATORS: the last two of a list: "8, 18 and 28" */
    return g_strdup_printf (_("%s and %s"), head->str, texts[n_texts - 1]);
  more = cm_count_format (n_texts - shown);
  /* TRANSLATORS: the first few of a list, then how many are not named:
   * "8, 18, 28, 38, 48 and 29,871 more" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %s more", "%s and %s more",
                                       n_texts - shown), head->str, more);
}

char *
cm_short_list_format (const char * const *texts, guint n_texts)
{
  return join_at_most (texts, n_texts, CM_ROW_LIST_SHOWN);
}

static char *
format_rows (const CmRowList *list, guint shown)
{
  guint n = list->rows->len;
  guint n_named = MIN (n, shown);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_full (n_named, g_free);
  g_autofree char *joined = NULL;

  if (n == 0)
    return NULL;
  /* Row numbers stay ungrouped, as a spreadsheet shows them: "rows 8,
   * 1,234" would read as three rows. */
  for (guint i = 0; i < n_named; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("%u", g_array_index (list->rows, guint, i)));
  joined = join_at_most ((const char * const *) numbers->pdata, n, shown);
  /* TRANSLATORS: the rows of a file something was found on: "row 8",
   * "rows 8, 18 and 28" or "rows 8, 18, 28, 38, 48 and 29,871 more" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "row %s", "rows %s", n), joined);
}

char *
cm_row_list_format (const CmRowList *list)
{
  return format_rows (list, CM_ROW_LIST_SHOWN);
}

char *
cm_row_list_format_all (const CmRowList *list)
{
  return format_rows (list, G_MAXUINT);
}

char **
cm_row_list_to_strv (const CmRowList *list)
{
  char **rows = g_new0 (char *, list->rows->len + 1);

  for (guint i = 0; i < list->rows->len; i++)
    rows[i] = g_strdup_printf (_("Row %u"), g_array_index (list->rows, guint, i));
  return rows;
}
