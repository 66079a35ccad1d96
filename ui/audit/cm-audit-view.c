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
  char *table;            /* the kind of record it opens on, or NULL */
  gint64 entity_id;       /* one record, or 0 */
  GArray *rows;           /* only these rows, or NULL */
  char *rows_name;        /* what those rows are, for the button that widens */
  gboolean ready;         /* the filters are set up: changes to them refresh */
  CmAuditVerdict verdict; /* what the chain says of the rows, checked on opening */
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

G_DEFINE_FINAL_TYPE (CmAuditView, cm_audit_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TABLE,
  PROP_ENTITY_ID,
  PROP_ROWS,
  PROP_ROWS_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The count of changes shown, and what the chain says of them. */
static char *
summary_text (CmAuditView *self, const char *count)
{
  switch (self->verdict.finding)
    {
    case CM_AUDIT_BROKEN:
      /* Translators: "120 changes · ⚠ The hash chain breaks at change 4031: …" */
      return g_strdup_printf (_("%s · ⚠ The hash chain breaks at change %lld: that change and "
                                "every later one may have been altered outside Commissioner."),
                              count, (long long) self->verdict.first_bad);
    case CM_AUDIT_NOT_CHECKED:
      /* Translators: "120 changes · The hash chain could not be checked, … The reason.
       * Open …" */
      return g_strdup_printf (_("%s · The hash chain could not be checked, so no change is "
                                "vouched for or found altered. %s Open the Audit Trail again "
                                "once that is put right."),
                              count, self->verdict.reason);
    case CM_AUDIT_VERIFIED:
    default:
      return g_strdup (count);
    }
}

static void
refresh (CmAuditView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmAuditModel) model = NULL;
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;
  CmAuditFilter filter;
  guint n;

  /* The template's controls signal as they are set up; the list is read
   * once they all are. */
  if (!self->ready)
    return;
  read_filter (self, &filter);
  model = cm_audit_model_new (self->store, &filter, &self->verdict, &error);
  if (model == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (
    gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&model)))));
  count = g_strdup_printf (ngettext ("%'u change", "%'u changes", n), n);
  summary = summary_text (self, count);
  gtk_label_set_text (self->summary, summary);
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
  if (!self->ready)
    return;
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
  switch (cm_audit_item_get_check (item))
    {
    case CM_AUDIT_ROW_NOT_VOUCHED:
      return _("⚠ Not vouched for");
    case CM_AUDIT_ROW_NOT_CHECKED:
      /* Translators: the chain could not be checked, so it neither vouches for the change
       * nor finds it altered */
      return _("Not checked");
    case CM_AUDIT_ROW_VOUCHED:
    default:
      return _("Verifies");
    }
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

/* What each column of the template shows, in its order. */
static const ItemText column_texts[] = {
  cm_audit_item_get_when, who_text, cm_audit_item_get_record, step_text,
  cm_audit_item_get_field, cm_audit_item_get_before, cm_audit_item_get_after, verifies_text,
};

static void
fill_columns (CmAuditView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->list);

  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (column_texts));
  for (guint i = 0; i < G_N_ELEMENTS (column_texts); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) column_texts[i]);
      gtk_column_view_column_set_factory (column, factory);
    }
  cm_row_name_headings (self->list);
}

/* ---- the filters ------------------------------------------------------ */

static void
fill_choices (CmAuditView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All records"));
  for (const char * const *t = cm_audit_filter_tables (); *t; t++)
    gtk_string_list_append (kinds, cm_audit_table_noun (*t));
  for (CmAuditStep s = CM_AUDIT_STEP_ANY; s <= CM_AUDIT_STEP_DELETED; s++)
    gtk_string_list_append (steps, cm_audit_step_label (s));
  gtk_string_list_append (people, _("Anyone"));
  self->actors = cm_audit_actors (self->store, NULL);
  for (guint i = 0; self->actors && self->actors[i]; i++)
    gtk_string_list_append (people, self->actors[i]);
  gtk_drop_down_set_model (self->kind, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->step, G_LIST_MODEL (steps));
  gtk_drop_down_set_model (self->actor, G_LIST_MODEL (people));
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

/* Narrows to the rows given, or to the one record given. */
static void
narrow (CmAuditView *self)
{
  g_autoptr(CmAuditWords) words = NULL;
  g_autofree char *record = NULL;

  if (self->rows)
    {
      show_narrowed (self, self->rows_name ? self->rows_name : "");
      return;
    }
  if (self->table == NULL || self->entity_id <= 0)
    {
      self->entity_id = 0;
      return;
    }
  words = cm_audit_words_new (self->store);
  record = cm_audit_words_record (words, self->table, self->entity_id);
  show_narrowed (self, record);
}

/* ---- the window ------------------------------------------------------- */

static void
cm_audit_view_constructed (GObject *object)
{
  CmAuditView *self = CM_AUDIT_VIEW (object);

  G_OBJECT_CLASS (cm_audit_view_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL);
  cm_audit_verdict_check (self->store, &self->verdict);
  fill_choices (self);
  if (self->rows == NULL)
    select_kind (self, self->table);
  fill_fields (self);
  narrow (self);
  self->ready = TRUE;
  refresh (self);
}

static void
cm_audit_view_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  CmAuditView *self = CM_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_TABLE:
      g_free (self->table);
      self->table = g_value_dup_string (value);
      break;
    case PROP_ENTITY_ID:
      self->entity_id = g_value_get_int64 (value);
      break;
    case PROP_ROWS:
      g_clear_pointer (&self->rows, g_array_unref);
      self->rows = g_value_dup_boxed (value);
      break;
    case PROP_ROWS_NAME:
      g_free (self->rows_name);
      self->rows_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_audit_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmAuditView *self = CM_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;
    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;
    case PROP_ROWS:
      g_value_set_boxed (value, self->rows);
      break;
    case PROP_ROWS_NAME:
      g_value_set_string (value, self->rows_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_audit_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CM_TYPE_AUDIT_VIEW);
  G_OBJECT_CLASS (cm_audit_view_parent_class)->dispose (object);
}

static void
cm_audit_view_finalize (GObject *object)
{
  CmAuditView *self = CM_AUDIT_VIEW (object);

  g_clear_object (&self->store);
  g_free (self->table);
  g_free (self->rows_name);
  g_strfreev (self->actors);
  g_strfreev (self->fields);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self->from_day);
  g_free (self->to_day);
  cm_audit_verdict_clear (&self->verdict);
  G_OBJECT_CLASS (cm_audit_view_parent_class)->finalize (object);
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  properties[PROP_TABLE] = g_param_spec_string ("table", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_ID] = g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   flags);
  properties[PROP_ROWS] = g_param_spec_boxed ("rows", NULL, NULL, G_TYPE_ARRAY, flags);
  properties[PROP_ROWS_NAME] = g_param_spec_string ("rows-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_audit_view_class_init (CmAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cm_audit_view_constructed;
  object_class->set_property = cm_audit_view_set_property;
  object_class->get_property = cm_audit_view_get_property;
  object_class->dispose = cm_audit_view_dispose;
  object_class->finalize = cm_audit_view_finalize;
  install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, toasts);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, search);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, kind);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, step);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, field);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, actor);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, from);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, to);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, record);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, summary);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, stack);
  gtk_widget_class_bind_template_child (widget_class, CmAuditView, list);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, widen);

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
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_columns (self);
}

GtkWindow *
cm_audit_view_new (CmStore *store, GtkWindow *parent, const char *table, gint64 entity_id)
{
  return g_object_new (CM_TYPE_AUDIT_VIEW, "store", store, "transient-for", parent,
                       "table", table, "entity-id", MAX (entity_id, 0), NULL);
}

GtkWindow *
cm_audit_view_new_for_rows (CmStore *store, GtkWindow *parent, const char *what, GArray *rows)
{
  return g_object_new (CM_TYPE_AUDIT_VIEW, "store", store, "transient-for", parent,
                       "rows", rows, "rows-name", what, NULL);
}
