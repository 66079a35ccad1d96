/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-row-sorter.c: rows put in order in bounded memory, for a sheet written in one pass */
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <sqlite3.h>

#include "cm-row-sorter.h"
#include "cm-store.h"

/* The most a row holds: a sheet's widest row. */
#define MAX_COLUMNS 32

struct _CmRowSorter {
  sqlite3 *db;
  sqlite3_stmt *insert;
  guint n_numbers;
  guint n_texts;
  char *order;
  guint64 count;
};

static gboolean
failed (sqlite3 *db, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The rows of a sheet could not be put in order in the temporary folder "
                 "(%s). Check that it has space, then try again."),
               db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  return FALSE;
}

static char *
columns_sql (guint n_numbers, guint n_texts, gboolean typed)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < n_numbers; i++)
    g_string_append_printf (sql, "%sn%u%s", sql->len ? ", " : "", i, typed ? " INTEGER" : "");
  for (guint i = 0; i < n_texts; i++)
    g_string_append_printf (sql, "%st%u%s", sql->len ? ", " : "", i, typed ? " TEXT" : "");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

CmRowSorter *
cm_row_sorter_new (guint n_numbers, guint n_texts, const char *order, GError **error)
{
  g_autoptr(CmRowSorter) sorter = g_new0 (CmRowSorter, 1);
  g_autofree char *typed = columns_sql (n_numbers, n_texts, TRUE);
  g_autofree char *names = columns_sql (n_numbers, n_texts, FALSE);
  g_autoptr(GString) marks = g_string_new ("?");
  g_autofree char *create = NULL;
  g_autofree char *insert = NULL;

  g_return_val_if_fail (n_numbers + n_texts > 0 && n_numbers + n_texts <= MAX_COLUMNS, NULL);
  sorter->n_numbers = n_numbers;
  sorter->n_texts = n_texts;
  sorter->order = g_strdup (order);
  for (guint i = 1; i < n_numbers + n_texts; i++)
    g_string_append (marks, ", ?");
  create = g_strdup_printf ("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                            " CREATE TABLE row (%s); BEGIN", typed);
  insert = g_strdup_printf ("INSERT INTO row (%s) VALUES (%s)", names, marks->str);
  /* An empty name: a private database in a temporary file, deleted on
   * closing; its pages stay in a small cache and spill to that file. */
  if (sqlite3_open_v2 ("", &sorter->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK ||
      sqlite3_exec (sorter->db, create, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (sorter->db, insert, -1, &sorter->insert, NULL) != SQLITE_OK)
    {
      failed (sorter->db, error);
      return NULL;
    }
  return g_steal_pointer (&sorter);
}

void
cm_row_sorter_free (CmRowSorter *sorter)
{
  if (sorter == NULL)
    return;
  sqlite3_finalize (sorter->insert);
  sqlite3_close (sorter->db);
  g_free (sorter->order);
  g_free (sorter);
}

gboolean
cm_row_sorter_add (CmRowSorter *sorter, const gint64 *numbers, const char * const *texts,
                   GError **error)
{
  for (guint i = 0; i < sorter->n_numbers; i++)
    sqlite3_bind_int64 (sorter->insert, i + 1, numbers[i]);
  for (guint i = 0; i < sorter->n_texts; i++)
    sqlite3_bind_text (sorter->insert, sorter->n_numbers + i + 1, texts[i] ? texts[i] : "", -1,
                       SQLITE_STATIC);
  if (sqlite3_step (sorter->insert) != SQLITE_DONE)
    {
      sqlite3_reset (sorter->insert);
      return failed (sorter->db, error);
    }
  sqlite3_reset (sorter->insert);
  sorter->count++;
  return TRUE;
}

guint64
cm_row_sorter_count (CmRowSorter *sorter)
{
  return sorter->count;
}

gboolean
cm_row_sorter_each (CmRowSorter *sorter, CmRowSorterFunc each, gpointer user_data,
                    GError **error)
{
  g_autofree char *names = columns_sql (sorter->n_numbers, sorter->n_texts, FALSE);
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM row ORDER BY %s%srowid", names,
                                             sorter->order ? sorter->order : "",
                                             sorter->order ? ", " : "");
  gint64 numbers[MAX_COLUMNS];
  const char *texts[MAX_COLUMNS];
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (sorter->db, select, -1, &stmt, NULL) != SQLITE_OK)
    return failed (sorter->db, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < sorter->n_numbers; i++)
        numbers[i] = sqlite3_column_int64 (stmt, i);
      for (guint i = 0; i < sorter->n_texts; i++)
        texts[i] = (const char *) sqlite3_column_text (stmt, sorter->n_numbers + i);
      each (numbers, texts, user_data);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || failed (sorter->db, error);
}
