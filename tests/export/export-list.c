/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* export-list.c: writes one filtered list as the records page would, for test-list-export.py
 *
 * export-list PORTFOLIO KIND PROPERTY VALUE SEARCH OUTPUT: the records of
 * the page KIND ("contracts") whose PROPERTY holds VALUE, narrowed to
 * those whose search text holds SEARCH ("" for all), with the page's
 * list columns, written to OUTPUT (.csv or .xlsx).
 */
#include <locale.h>
#include <string.h>

#include "cm-list-export.h"
#include "cm-list-rows.h"

static const CmRecordKind *
kind_named (const char *name)
{
  guint n;
  const CmRecordKind *kinds = cm_record_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (kinds[i].name, name))
      return &kinds[i];
  return NULL;
}

/* What the page's search leaves: the "search-text" property is folded. */
static GListModel *
narrowed (GListModel *records, const char *search)
{
  g_autofree char *needle = g_utf8_casefold (search, -1);
  GListStore *shown = g_list_store_new (g_list_model_get_item_type (records));

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);
      g_autofree char *text = NULL;

      g_object_get (record, "search-text", &text, NULL);
      if (strstr (text ? text : "", needle))
        g_list_store_append (shown, record);
    }
  return G_LIST_MODEL (shown);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) titles = NULL;
  const CmRecordKind *kind;

  setlocale (LC_ALL, "");
  if (argc != 7 || (kind = kind_named (argv[2])) == NULL)
    {
      g_printerr ("usage: export-list PORTFOLIO KIND PROPERTY VALUE SEARCH OUTPUT\n");
      return 2;
    }
  store = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  records = cm_store_list_where (store, kind->get_type (), argv[3], argv[4]);
  shown = narrowed (records, argv[5]);
  fields = cm_list_rows_fields (kind);
  titles = cm_list_rows_titles (fields);
  rows = cm_list_rows_texts (shown, fields);
  if (!cm_list_export_write (argv[6], kind->title, (const char * const *) titles, rows, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%u\n", rows->len);
  return 0;
}
