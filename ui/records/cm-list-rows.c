/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-list-rows.c: the texts a list of records shows, row by row, for exporting it */
#include <glib/gi18n.h>

#include "cm-list-rows.h"

GPtrArray *
cm_list_rows_fields (const CmRecordKind *kind)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (const CmRecordField *field = kind->fields; field->property; field++)
    if (field->in_list)
      g_ptr_array_add (fields, (gpointer) field);
  return fields;
}

char **
cm_list_rows_titles (GPtrArray *fields)
{
  char **titles = g_new0 (char *, fields->len + 1);

  for (guint i = 0; i < fields->len; i++)
    titles[i] = g_strdup (_(((const CmRecordField *) g_ptr_array_index (fields, i))->title));
  return titles;
}

GPtrArray *
cm_list_rows_texts (GListModel *items, GPtrArray *fields)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < g_list_model_get_n_items (items); r++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, r);
      char **cells = g_new0 (char *, fields->len + 1);

      for (guint i = 0; i < fields->len; i++)
        cells[i] = cm_record_field_text (item, g_ptr_array_index (fields, i));
      g_ptr_array_add (rows, cells);
    }
  return rows;
}
