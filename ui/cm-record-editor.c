/* cm-record-editor.c: a dialog that creates or edits one record
 *
 * Its rows are made from the record kind's fields. A value that cannot be
 * read is marked as the user leaves its field. Nothing reaches the record
 * until Save, and then only through the store, so a cancelled or refused
 * edit changes nothing.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "cm-date.h"
#include "cm-enums.h"
#include "cm-mnemonic-button.h"
#include "cm-money.h"
#include "cm-record-editor.h"

struct _CmRecordEditor
{
  AdwWindow parent_instance;

  CmStore *store;
  const CmRecordKind *kind;
  CmEntity *draft;           /* a copy of the record, or a new one */
  GHashTable *rows;          /* property -> row widget */
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CmRecordEditor, cm_record_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- rows ------------------------------------------------------------- */

static GtkWidget *
entry_row (const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE); /* Enter saves */
  return row;
}

static GtkWidget *
enum_row (const char *title, GType enum_type, int value)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < cm_enum_count (enum_type); i++)
    gtk_string_list_append (labels, cm_enum_to_label (enum_type, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), value);
  g_object_unref (labels);
  return row;
}

static GtkWidget *
switch_row (const char *title, gboolean active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  return row;
}

/* A choice among the records of another kind, shown by name. */
static GtkWidget *
reference_row (CmRecordEditor *self, const char *title, GType type, gint64 id)
{
  GListModel *choices = cm_store_list (self->store, type);
  GtkWidget *row = adw_combo_row_new ();
  guint n = g_list_model_get_n_items (choices);
  g_autoptr(GtkExpression) by_name = gtk_property_expression_new (type, NULL, "name");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), by_name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmEntity) choice = g_list_model_get_item (choices, i);

      if (cm_entity_get_id (choice) == id)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  return row;
}

static GtkWidget *
field_row (CmRecordEditor *self, const CmRecordField *field)
{
  GObject *draft = G_OBJECT (self->draft);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (draft), field->property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *title = g_strdup (_(field->title));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (draft, field->property, &value);

  switch (field->format)
    {
    case CM_FORMAT_ENUM:
      return enum_row (title, pspec->value_type, g_value_get_enum (&value));
    case CM_FORMAT_BOOLEAN:
      return switch_row (title, g_value_get_boolean (&value));
    case CM_FORMAT_REFERENCE:
      return reference_row (self, title, field->reference_type (), g_value_get_int64 (&value));
    case CM_FORMAT_MONEY:
      {
        g_autofree char *text = cm_money_format (g_value_get_int64 (&value));
        return entry_row (title, text);
      }
    case CM_FORMAT_DATE:
      {
        g_autofree char *hinted = g_strdup_printf (_("%s (YYYY-MM-DD)"), title);
        return entry_row (hinted, g_value_get_string (&value));
      }
    case CM_FORMAT_NUMBER:
      {
        g_autofree char *text = g_strdup_printf ("%d", g_value_get_int (&value));
        return entry_row (title, text);
      }
    case CM_FORMAT_DECIMAL:
      {
        g_autofree char *text = g_strdup_printf ("%g", g_value_get_double (&value));
        return entry_row (title, text);
      }
    case CM_FORMAT_TEXT:
    default:
      return entry_row (title, g_value_get_string (&value));
    }
}

/* ---- saving ----------------------------------------------------------- */

/* A decimal as people write it: "85", "12.5"; nothing else. */
static gboolean
parse_decimal (const char *text, double *out)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end && *end == '\0' && isfinite (*out);
}

/* Moves one row's value into @target; FALSE with @error when the text
 * cannot be read as the field needs (an amount, a date, a choice). */
static gboolean
read_row (CmEntity *target, const CmRecordField *field, GtkWidget *row, GError **error)
{
  GObject *draft = G_OBJECT (target);
  const char *text = GTK_IS_EDITABLE (row) ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
  g_autofree char *stripped = text ? g_strstrip (g_strdup (text)) : NULL;
  g_autofree char *title = g_strdup (_(field->title));
  g_autofree char *lower_title = g_utf8_strdown (title, -1);
  gint64 pence = 0;
  guint64 number = 0;
  double decimal = 0;
  guint selected;

  switch (field->format)
    {
    case CM_FORMAT_ENUM:
      g_object_set (draft, field->property, adw_combo_row_get_selected (ADW_COMBO_ROW (row)), NULL);
      return TRUE;
    case CM_FORMAT_BOOLEAN:
      g_object_set (draft, field->property,
                    gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "switch")), NULL);
      return TRUE;
    case CM_FORMAT_REFERENCE:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      if (selected == GTK_INVALID_LIST_POSITION)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Choose a %s."), lower_title);
          return FALSE;
        }
      g_object_set (draft, field->property,
                    cm_entity_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))),
                    NULL);
      return TRUE;
    case CM_FORMAT_MONEY:
      if (!cm_money_parse (stripped, &pence, error))
        return FALSE;
      g_object_set (draft, field->property, pence, NULL);
      return TRUE;
    case CM_FORMAT_NUMBER:
      if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT, &number, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s must be a whole number, such as 0 or 2."), title);
          return FALSE;
        }
      g_object_set (draft, field->property, (int) number, NULL);
      return TRUE;
    case CM_FORMAT_DECIMAL:
      if (!parse_decimal (stripped, &decimal))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s must be a number, such as 85 or 12.5."), title);
          return FALSE;
        }
      g_object_set (draft, field->property, decimal, NULL);
      return TRUE;
    case CM_FORMAT_DATE:
      if (!cm_date_validate (stripped, title, FALSE, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case CM_FORMAT_TEXT:
    default:
      g_object_set (draft, field->property, stripped, NULL);
      return TRUE;
    }
}

static void
show_error (CmRecordEditor *self, GtkWidget *row, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row)
    gtk_widget_grab_focus (row);
}

/* Reads every row into @target; on the first that cannot be read, sets
 * @bad_row and @error. */
static gboolean
read_all (CmRecordEditor *self, CmEntity *target, GtkWidget **bad_row, GError **error)
{
  for (const CmRecordField *field = self->kind->fields; field->property; field++)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, field->property);

      if (row && !read_row (target, field, row, error))
        {
          *bad_row = row;
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads a field as the user leaves it, into a scratch copy, so a value
 * that cannot be read (an amount, a date) is marked at once; the record as
 * a whole is checked at Save. */
static void
check_row (CmRecordEditor *self, GtkWidget *row)
{
  const CmRecordField *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(CmEntity) scratch = cm_entity_copy (self->draft);
  g_autoptr(GError) error = NULL;

  if (read_row (scratch, field, row, &error))
    {
      gtk_widget_remove_css_class (row, "error");
      if (g_object_get_data (G_OBJECT (self->error_label), "row") == row)
        gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->error_label, error->message);
  g_object_set_data (G_OBJECT (self->error_label), "row", row);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
left (GtkEventControllerFocus *focus, CmRecordEditor *self)
{
  check_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

/* Text rows are checked as the keyboard leaves them; choices cannot be
 * wrong until Save. */
static void
watch_row (CmRecordEditor *self, GtkWidget *row, const CmRecordField *field)
{
  GtkEventController *focus;

  if (!GTK_IS_EDITABLE (row))
    return;
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (left), self);
  gtk_widget_add_controller (row, focus);
}

static void
save_clicked (CmRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  if (!read_all (self, self->draft, &bad_row, &error))
    {
      show_error (self, bad_row, error->message);
      return;
    }
  if (!(self->kind->save ? self->kind->save : cm_store_save) (self->store, self->draft, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- construction ----------------------------------------------------- */

static void
cm_record_editor_dispose (GObject *object)
{
  CmRecordEditor *self = CM_RECORD_EDITOR (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (cm_record_editor_parent_class)->dispose (object);
}

static void
cm_record_editor_class_init (CmRecordEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_record_editor_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CM_TYPE_ENTITY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cm_record_editor_init (CmRecordEditor *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
}

static GtkWidget *
build_header (CmRecordEditor *self, const char *title)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = cm_mnemonic_button_new (_("_Cancel"), "window.close");
  GtkWidget *save = cm_mnemonic_button_new (_("_Save"), NULL);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return header;
}

GtkWidget *
cm_record_editor_new (CmStore *store, const CmRecordKind *kind, CmEntity *entity)
{
  CmRecordEditor *self = g_object_new (CM_TYPE_RECORD_EDITOR, "modal", TRUE,
                                       "default-width", 520, "default-height", 640, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = entity ? g_strdup_printf (_("Edit %s"), _(kind->noun))
                                  : g_strdup_printf (_("New %s"), _(kind->noun));

  self->store = g_object_ref (store);
  self->kind = kind;
  self->draft = entity ? cm_entity_copy (entity) : g_object_new (kind->get_type (), NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_box_append (GTK_BOX (box), build_header (self, title));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  for (const CmRecordField *field = kind->fields; field->property; field++)
    {
      GtkWidget *row;

      if (!field->editable)
        continue;
      row = field_row (self, field);
      g_hash_table_insert (self->rows, (gpointer) field->property, row);
      watch_row (self, row, field);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  return GTK_WIDGET (self);
}
