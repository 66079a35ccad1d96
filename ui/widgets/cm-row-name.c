/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-row-name.c: what a screen reader reads for a row of a list */
#include <glib/gi18n.h>

#include "cm-row-name.h"

static void
name (GtkWidget *widget, const char *text)
{
  if (widget)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    text ? text : "", -1);
}

/* The widget GTK made to hold the item's child: a list view's row, a
 * drop-down's choice, or a column view's cell. */
static GtkWidget *
holder (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  return child ? gtk_widget_get_parent (child) : NULL;
}

/* Names the item's own widget. */
void
cm_row_name_item (GtkListItem *list_item, const char *text)
{
  name (holder (list_item), text);
}

/* Names the column view row the item's cell is in: called from the bind
 * of the column whose text says which record the row is. */
void
cm_row_name_row (GtkListItem *list_item, const char *text)
{
  GtkWidget *cell = holder (list_item);

  name (cell ? gtk_widget_get_parent (cell) : NULL, text);
}

/* Names a column view's row of headings, and each heading by its column's
 * title: called once the columns are in. */
void
cm_row_name_headings (GtkColumnView *view)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  guint i = 0;

  if (header == NULL || GTK_IS_LIST_VIEW (header))
    return;
  name (header, _("Column headings"));
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title && i < g_list_model_get_n_items (columns);
       title = gtk_widget_get_next_sibling (title), i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      name (title, gtk_column_view_column_get_title (column));
    }
}
