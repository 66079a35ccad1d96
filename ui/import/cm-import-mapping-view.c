/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-mapping-view.c: the first rows of a register, with the field
 * each column is read into
 *
 * A grid rather than a list view: it shows at most twenty rows, and each
 * column needs its own drop-down above it. A field can be held by one
 * column only, so choosing it for one column sets the column that held
 * it to Ignore. "changed" follows every choice, for the plan to be made
 * again.
 */
#include <glib/gi18n.h>

#include "cm-import-mapping.h"
#include "cm-import-mapping-view.h"

struct _CmImportMappingView
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkGrid *grid;
  GArray *mapping;         /* of CmImportField, one per column */
  GPtrArray *dropdowns;    /* one per column */
  gboolean updating;       /* setting drop-downs ourselves */
};

/* Longer cells are cut short, with the whole text in their tooltip. */
#define MAX_CELL_CHARS 24

G_DEFINE_FINAL_TYPE (CmImportMappingView, cm_import_mapping_view, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- helpers ---------------------------------------------------------- */

static const char *
field_label (CmImportField field)
{
  const char *label = field == CM_IMPORT_FIELD_IGNORE ? NULL : cm_import_field_label (field);

  return label ? label : _("Ignore");
}

/* The spreadsheet letters of a column: "C" for column 2. */
static char *
column_letters (guint column)
{
  g_autofree char *cell = cm_table_cell_name (0, column);

  return g_strndup (cell, strcspn (cell, "0123456789"));
}

static char *
column_name (CmTable *table, guint column)
{
  g_autofree char *letters = column_letters (column);
  const char *header = cm_table_get (table, 0, column);

  if (header == NULL || *header == '\0')
    return g_strdup_printf (_("column %s"), letters);
  return g_strdup_printf (_("column %s, “%s”"), letters, header);
}

static GtkWidget *
cell_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  /* As wide as the text up to a limit: in a scrolled grid a label gets
   * its minimum width, not its natural one. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CELL_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN (g_utf8_strlen (text ? text : "", -1), MAX_CELL_CHARS));
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (text && *text)
    gtk_widget_set_tooltip_text (label, text);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GListModel *
field_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (int field = 0; field < CM_IMPORT_N_FIELDS; field++)
    gtk_string_list_append (labels, field_label (field));
  return G_LIST_MODEL (labels);
}

/* ---- callbacks -------------------------------------------------------- */

static void
field_chosen (GtkDropDown *dropdown, GParamSpec *pspec, CmImportMappingView *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  CmImportField field = gtk_drop_down_get_selected (dropdown);

  if (self->updating || field == g_array_index (self->mapping, CmImportField, column))
    return;
  self->updating = TRUE;
  for (guint i = 0; i < self->mapping->len; i++)
    if (i != column && field != CM_IMPORT_FIELD_IGNORE &&
        g_array_index (self->mapping, CmImportField, i) == field)
      {
        g_array_index (self->mapping, CmImportField, i) = CM_IMPORT_FIELD_IGNORE;
        gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, i),
                                    CM_IMPORT_FIELD_IGNORE);
      }
  g_array_index (self->mapping, CmImportField, column) = field;
  self->updating = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
field_dropdown (CmImportMappingView *self, CmTable *table, guint column, CmImportField field)
{
  g_autoptr(GListModel) labels = field_labels ();
  g_autofree char *name = column_name (table, column);
  g_autofree char *accessible = g_strdup_printf (_("Field for %s"), name);
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (labels), NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (dropdown, accessible);
  g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (column));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (field_chosen), self);
  return dropdown;
}

/* ---- overrides -------------------------------------------------------- */

static void
cm_import_mapping_view_dispose (GObject *object)
{
  CmImportMappingView *self = CM_IMPORT_MAPPING_VIEW (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_IMPORT_MAPPING_VIEW);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);

  G_OBJECT_CLASS (cm_import_mapping_view_parent_class)->dispose (object);
}

static void
cm_import_mapping_view_class_init (CmImportMappingViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_import_mapping_view_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-import-mapping-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CmImportMappingView, scroller);
}

static void
cm_import_mapping_view_init (CmImportMappingView *self)
{
  self->dropdowns = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API ------------------------------------------------------- */

GtkWidget *
cm_import_mapping_view_new (void)
{
  return g_object_new (CM_TYPE_IMPORT_MAPPING_VIEW, NULL);
}

void
cm_import_mapping_view_set_table (CmImportMappingView *self, CmTable *table, GArray *mapping)
{
  guint n_columns = cm_table_get_n_columns (table);
  guint n_rows = MIN (cm_table_get_n_rows (table), CM_IMPORT_PREVIEW_ROWS + 1);

  g_return_if_fail (CM_IS_IMPORT_MAPPING_VIEW (self));

  g_clear_pointer (&self->mapping, g_array_unref);
  self->mapping = g_array_copy (mapping);
  /* Columns past the header row's last are read as nothing. */
  while (self->mapping->len < n_columns)
    {
      CmImportField ignore = CM_IMPORT_FIELD_IGNORE;

      g_array_append_val (self->mapping, ignore);
    }
  g_ptr_array_set_size (self->dropdowns, 0);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 6);
  g_object_set (self->grid, "margin-top", 12, "margin-bottom", 12, "margin-start", 12,
                "margin-end", 12, NULL);
  for (guint column = 0; column < n_columns; column++)
    {
      GtkWidget *dropdown =
        field_dropdown (self, table, column, g_array_index (self->mapping, CmImportField, column));

      g_ptr_array_add (self->dropdowns, dropdown);
      gtk_grid_attach (self->grid, dropdown, column, 0, 1, 1);
      for (guint row = 0; row < n_rows; row++)
        gtk_grid_attach (self->grid,
                         cell_label (cm_table_get (table, row, column), row ? NULL : "heading"),
                         column, row + 1, 1, 1);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->grid));
}

GArray *
cm_import_mapping_view_get_mapping (CmImportMappingView *self)
{
  g_return_val_if_fail (CM_IS_IMPORT_MAPPING_VIEW (self), NULL);

  return self->mapping;
}
