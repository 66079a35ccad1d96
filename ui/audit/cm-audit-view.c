/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-view.c: the reviewer's Audit Trail window
 *
 * The list is a CmAuditModel: the rows are counted when a filter changes
 * and read a page at a time as they scroll into sight, and the column view
 * makes widgets only for the rows on screen, so a long trail opens at once.
 * The chain is checked once, when the window opens.
 */
#include <glib/gi18n.h>

#include "cm-audit-query.h"
#include "cm-audit-view.h"
#include "cm-row-name.h"
#include "cm-date.h"
#include "cm-date-parse.h"

struct _CmAuditView
{
  AdwWindow parent_instance;

  CmStore *store;
  gint64 first_bad;       /* the first row the chain does not vouch for, or 0 */
  gint64 entity_id;       /* one record, or 0 */
  GArray *rows;           /* only these rows, or NULL */
  char *from_day;         /* the filter's days, ISO */
  char *to_day;
  GStrv actors;
  GStrv fields;           /* columns of the chosen kind of record */

  AdwToastOverlay *toasts;
  GtkSearchEntry *search;
  GtkDropDown *kind;
  GtkDropDown *step;
  GtkDropDown *field;
  GtkDropDown *actor;
  GtkEntry *from;
  GtkEntry *to;
  GtkButton *record;      /* "Only this record", to widen the view */
  GtkLabel *summary;
  GtkStack *stack;
  GtkColumnView *list;
};

G_DECLARE_FINAL_TYPE (CmAuditView, cm_audit_view, CM, AUDIT_VIEW, AdwWindow)
G_DEFINE_FINAL_TYPE (CmAuditView, cm_audit_view, ADW_TYPE_WINDOW)

static void
label (gpointer widget, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* ---- the filter from the controls ------------------------------------- */

static const char *
chosen_table (CmAuditView *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind);

  return kind == 0 || kind == GTK_INVALID_LIST_POSITION ? NULL : cm_audit_filter_tables ()[kind - 1];
}

static const char *
chosen (GtkDropDown *drop_down, GStrv values)
{
  guint i = gtk_drop_down_get_selected (drop_down);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || values == NULL ||
      i > g_strv_length (values))
    return NULL;
  return values[i - 1];
}

/* A day as typed, read as every date field reads it (1/12/2026, 1 Dec
 * 2026, 2026-12-01); NULL for an empty entry; FALSE, with the reason on
 * the entry, for text that is not a date. */
static gboolean
day_of (GtkEntry *entry, char **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  GDate date;

  *iso = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (*text == '\0')
    return TRUE;
  if (!cm_date_parse (text, CM_DATE_PARSE_TYPED, &date, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
      return FALSE;
    }
  *iso = cm_date_format_iso (&date);
  return TRUE;
}

/* Fills @filter from the controls; its days live until the next call. */
static void
read_filter (CmAuditView *self, CmAuditFilter *filter)
{
  g_clear_pointer (&self->from_day, g_free);
  g_clear_pointer (&self->to_day, g_free);
  day_of (self->from, &self->from_day);
  day_of (self->to, &self->to_day);
  *filter = (CmAuditFilter) {
    .table = chosen_table (self),
    .entity_id = self->entity_id,
    .actor = chosen (self->actor, self->actors),
    .from = self->from_day,
    .to = self->to_day,
    .step = gtk_drop_down_get_selected (self->step),
    .field = chosen (self->field, self->fields),
    .search = gtk_editable_get_text (GTK_EDITABLE (self->search)),
    .rows = self->rows,
  };
  if (filter->step > CM_AUDIT_STEP_DELETED)
    filter->step = CM_AUDIT_STEP_ANY;
}

static void
refresh (CmAuditView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmAuditModel) model = NULL;
  g_autofree char *count = NULL;
  CmAuditFilter filter;
  guint n;

  read_filter (self, &filter);
  model = cm_audit_model_new (self->store, &filter, self->first_bad, &error);
  if (model == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (
    gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&model)))));
  count = g_strdup_printf (ngettext ("%'u change", "%'u changes", n), n);
  if (self->first_bad == 0)
    gtk_label_set_text (self->summary, count);
  else
    {
      g_autofree char *text =
        /* Translators: "120 changes · ⚠ The hash chain breaks at change 4031: …" */
        g_strdup_printf (_("%s · ⚠ The hash chain breaks at change %lld: that change and "
                           "every later one may have been altered outside Commissioner."),
                         count, (long long) self->first_bad);
      gtk_label_set_text (self->summary, text);
    }
  gtk_stack_set_visible_child_name (self->stack, n ? "list" : "empty");
}

static void
fill_fields (CmAuditView *self)
{
  const char *table = chosen_table (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->fields, g_strfreev);
  gtk_string_list_append (labels, _("Any field"));
  if (table)
    self->fields = cm_audit_fields (self->store, table, NULL);
  for (guint i = 0; self->fields && self->fields[i]; i++)
    {
      g_autofree char *text = cm_audit_field_label (table, self->fields[i]);

      gtk_string_list_append (labels, text);
    }
  gtk_drop_down_set_model (self->field, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->field, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field), table != NULL);
}

static void
kind_changed (CmAuditView *self)
{
  fill_fields (self);
  refresh (self);
}

static void
widen (CmAuditView *self)
{
  self->entity_id = 0;
  g_clear_pointer (&self->rows, g_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->record), FALSE);
  refresh (self);
}

/* ---- export ----------------------------------------------------------- */

static void
export_chosen (GtkNativeDialog *chooser, int response, CmAuditView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *done = NULL;
  CmAuditFilter filter;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  read_filter (self, &filter);
  if (!cm_audit_write_csv (self->store, &filter, path, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  shown = g_filename_display_basename (path);
  done = g_strdup_printf (_("The audit trail shown was exported to “%s”."), shown);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (done));
}

static void
export_audit (GtkWidget *widget, const char *action, GVariant *param)
{
  CmAuditView *self = CM_AUDIT_VIEW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Audit"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Audit trail.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
focus_search (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (CM_AUDIT_VIEW (widget)->search));
}

/* ---- the list --------------------------------------------------------- */

typedef const char *(*ItemText) (CmAuditItem *item);

static const char *
step_text (CmAuditItem *item)
{
  return cm_audit_step_label (cm_audit_item_get_step (item));
}

static const char *
who_text (CmAuditItem *item)
{
  return cm_audit_item_get_entry (item)->actor;
}

static const char *
verifies_text (CmAuditItem *item)
{
  return cm_audit_item_get_verifies (item) ? _("Verifies") : _("⚠ Not vouched for");
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (text), TRUE);
  gtk_list_item_set_child (list_item, text);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, ItemText text_of)
{
  CmAuditItem *item = gtk_list_item_get_item (list_item);
  const char *text = item ? text_of (item) : NULL;
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  /* An em dash, not a blank, where a field had no value. */
  gtk_label_set_text (GTK_LABEL (cell), text && *text ? text : "—");
  gtk_widget_set_tooltip_text (cell, text && *text ? text : NULL);
  cm_row_name_item (list_item, text && *text ? text : "—");
  /* A change reads as the record and the field it changed. */
  if (item && text_of == cm_audit_item_get_record)
    {
      const char *field = cm_audit_item_get_field (item);
      g_autofree char *name = field && *field ? g_strdup_printf (_("%s, %s"), text, field)
                                              : g_strdup (text);

      cm_row_name_row (list_item, name);
    }
}

static void
add_column (CmAuditView *self, const char *title, ItemText text_of, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), text_of);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->list, column);
}

static GtkWidget *
build_list (CmAuditView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->list = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->list, TRUE);
  label (self->list, _("Changes, newest first"));
  add_column (self, _("When"), cm_audit_item_get_when, FALSE);
  add_column (self, _("Who"), who_text, FALSE);
  add_column (self, _("Record"), cm_audit_item_get_record, TRUE);
  add_column (self, _("Step"), step_text, FALSE);
  add_column (self, _("Field"), cm_audit_item_get_field, FALSE);
  add_column (self, _("Before"), cm_audit_item_get_before, TRUE);
  add_column (self, _("After"), cm_audit_item_get_after, TRUE);
  add_column (self, _("Hash chain"), verifies_text, FALSE);
  cm_row_name_headings (self->list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No changes match these filters"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose a wider date range or another record, person or "
                                     "kind of change, or clear the search."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  return GTK_WIDGET (self->stack);
}

/* ---- the filters ------------------------------------------------------ */

static GtkDropDown *
drop_down (CmAuditView *self, GtkWidget *box, const char *name, GtkStringList *choices)
{
  GtkDropDown *choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (choices), NULL));

  label (choice, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (choice), name);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice));
  return choice;
}

static GtkEntry *
day_entry (GtkWidget *box, const char *name, const char *placeholder)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry),
                               _("A day such as 1 December 2026, 1/12/2026 or 2026-12-01, "
                                 "in UTC"));
  label (entry, name);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry));
  return entry;
}

static GtkWidget *
build_filters (CmAuditView *self)
{
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkStringList *steps = gtk_string_list_new (NULL);
  GtkStringList *people = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All records"));
  for (const char * const *t = cm_audit_filter_tables (); *t; t++)
    gtk_string_list_append (kinds, cm_audit_table_noun (*t));
  for (CmAuditStep s = CM_AUDIT_STEP_ANY; s <= CM_AUDIT_STEP_DELETED; s++)
    gtk_string_list_append (steps, cm_audit_step_label (s));
  gtk_string_list_append (people, _("Anyone"));
  self->actors = cm_audit_actors (self->store, NULL);
  for (guint i = 0; self->actors && self->actors[i]; i++)
    gtk_string_list_append (people, self->actors[i]);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search names and values"), NULL);
  label (self->search, _("Search the changes"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->search));
  self->kind = drop_down (self, top, _("Kind of record"), kinds);
  self->field = drop_down (self, top, _("Field"), gtk_string_list_new (NULL));
  self->step = drop_down (self, top, _("Kind of change"), steps);

  self->actor = drop_down (self, bottom, _("Who made the change"), people);
  gtk_box_append (GTK_BOX (bottom), gtk_label_new (_("From")));
  self->from = day_entry (bottom, _("From day"), _("first day"));
  gtk_box_append (GTK_BOX (bottom), gtk_label_new (_("to")));
  self->to = day_entry (bottom, _("To day"), _("last day"));
  self->record = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->record), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->record), _("Show every record"));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->record));

  gtk_box_append (GTK_BOX (rows), top);
  gtk_box_append (GTK_BOX (rows), bottom);
  return rows;
}

static void
connect_filters (CmAuditView *self)
{
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->kind, "notify::selected", G_CALLBACK (kind_changed), self);
  g_signal_connect_swapped (self->field, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->step, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->actor, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->from, "changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->to, "changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->record, "clicked", G_CALLBACK (widen), self);
}

/* ---- the window ------------------------------------------------------- */

static void
cm_audit_view_finalize (GObject *object)
{
  CmAuditView *self = CM_AUDIT_VIEW (object);

  g_clear_object (&self->store);
  g_strfreev (self->actors);
  g_strfreev (self->fields);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self->from_day);
  g_free (self->to_day);
  G_OBJECT_CLASS (cm_audit_view_parent_class)->finalize (object);
}

static void
cm_audit_view_class_init (CmAuditViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cm_audit_view_finalize;
  gtk_widget_class_install_action (widget_class, "audit.export", NULL, export_audit);
  gtk_widget_class_install_action (widget_class, "audit.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "audit.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "audit.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cm_audit_view_init (CmAuditView *self)
{
}

static void
build (CmAuditView *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("E_xport Audit…"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "audit.export");
  gtk_widget_set_tooltip_text (export, _("Write the changes shown to a CSV file (Ctrl+E)"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_top (body, 6);
  gtk_box_append (GTK_BOX (body), build_filters (self));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (content), body);
  gtk_box_append (GTK_BOX (content), build_list (self));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
select_kind (CmAuditView *self, const char *table)
{
  const char * const *tables = cm_audit_filter_tables ();

  for (guint i = 0; table && tables[i]; i++)
    if (g_str_equal (tables[i], table))
      gtk_drop_down_set_selected (self->kind, i + 1);
}

static void
show_narrowed (CmAuditView *self, const char *what)
{
  /* Translators: a button that removes the filter to one record */
  g_autofree char *text = g_strdup_printf (_("Only %s ✕"), what);

  gtk_button_set_label (self->record, text);
  gtk_widget_set_visible (GTK_WIDGET (self->record), TRUE);
}

static CmAuditView *
view_new (CmStore *store, GtkWindow *parent)
{
  CmAuditView *self = g_object_new (cm_audit_view_get_type (), NULL);

  self->store = g_object_ref (store);
  self->first_bad = cm_audit_first_bad_row (store);
  gtk_window_set_title (GTK_WINDOW (self), _("Audit Trail"));
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 720);
  build (self);
  return self;
}

GtkWindow *
cm_audit_view_new (CmStore *store, GtkWindow *parent, const char *table, gint64 entity_id)
{
  CmAuditView *self = view_new (store, parent);

  select_kind (self, table);
  fill_fields (self);
  if (table && entity_id > 0)
    {
      g_autoptr(CmAuditWords) words = cm_audit_words_new (store);
      g_autofree char *record = cm_audit_words_record (words, table, entity_id);

      self->entity_id = entity_id;
      show_narrowed (self, record);
    }
  refresh (self);
  connect_filters (self);
  return GTK_WINDOW (self);
}

GtkWindow *
cm_audit_view_new_for_rows (CmStore *store, GtkWindow *parent, const char *what, GArray *rows)
{
  CmAuditView *self = view_new (store, parent);

  fill_fields (self);
  self->rows = g_array_ref (rows);
  show_narrowed (self, what);
  refresh (self);
  connect_filters (self);
  return GTK_WINDOW (self);
}
