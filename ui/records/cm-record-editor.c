/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-editor.c: a dialog that creates or edits one record
 *
 * Its rows are made from the record kind's fields. As the user leaves a
 * field or changes a choice, the record is read into a copy and checked
 * with its own rules (cm_field_check); the message shows under the field
 * it is about, and Save waits until the record is valid. Nothing reaches
 * the record until Save, and then only through the store, so a cancelled
 * or refused edit changes nothing.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "cm-conflict-handle.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-date-entry.h"
#include "cm-enums.h"
#include "cm-field-check.h"
#include "cm-money.h"
#include "cm-record-editor.h"
#include "cm-record-picker.h"
#include "cm-total-value.h"

struct _CmRecordEditor
{
  AdwWindow parent_instance;

  CmStore *store;
  const CmRecordKind *kind;
  CmEntity *draft;           /* a copy of the record, or a new one */
  CmEntity *original;        /* the record as read, to tell the user's changes from
                              * someone else's when a save meets theirs */
  GHashTable *rows;          /* property -> row widget */
  GHashTable *touched;       /* rows the user has left or changed */
  AdwWindowTitle *window_title;
  AdwPreferencesGroup *group;
  GtkLabel *error_label;
  GtkWidget *save;
  gboolean derives_total;    /* a contract's: its empty total is worked out */
};

G_DEFINE_FINAL_TYPE (CmRecordEditor, cm_record_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* A date, typed the British way or picked; its message shows under the
 * row, as every field's does. */
static GtkWidget *
date_row (const char *title, const char *iso)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = cm_date_entry_new (title, iso);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  cm_date_entry_set_show_error (CM_DATE_ENTRY (entry), FALSE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_entry_set_activates_default (GTK_ENTRY (cm_date_entry_get_editable (CM_DATE_ENTRY (entry))),
                                   TRUE); /* Enter saves */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  g_object_set_data (G_OBJECT (row), "date-entry", entry);
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

/* The kind of record a picker of @type can add, if any. */
static const CmRecordKind *
kind_of (GType type)
{
  guint n_kinds = 0;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (kinds[i].get_type () == type)
      return &kinds[i];
  return NULL;
}

static void picker_create (CmRecordPicker *picker, CmRecordEditor *self);

/* libadwaita 1.2 wraps a row's title anywhere: squeezed by a wide picker,
 * "Service" broke inside the word. Between words only, it keeps its
 * longest word's width. */
static void
wrap_title_between_words (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "title"))
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
      wrap_title_between_words (child);
    }
}

/* A choice among the records of another kind: beside the field's title, a
 * button naming the choice in full (a long name wraps, never cut off)
 * that opens a search of them all. */
static GtkWidget *
reference_row (CmRecordEditor *self, const char *title, GType type, gint64 id,
               gboolean optional)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picker = g_object_new (CM_TYPE_RECORD_PICKER, "store", self->store,
                                    "entity-type", type, "title", title,
                                    "optional", optional, "selected-id", id, NULL);
  const CmRecordKind *kind = kind_of (type);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  wrap_title_between_words (row);
  gtk_widget_set_hexpand (picker, TRUE);
  gtk_widget_set_valign (picker, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picker, 6);
  gtk_widget_set_margin_bottom (picker, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), picker);
  gtk_widget_set_focusable (row, FALSE);
  if (kind)
    {
      g_object_set (picker, "create-label", _(kind->words.create), NULL);
      g_signal_connect (picker, "create", G_CALLBACK (picker_create), self);
    }
  g_object_set_data (G_OBJECT (row), "picker", picker);
  return row;
}

static CmRecordPicker *
picker_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "picker");
}

/* A money field shows pence ("£45,000.00"), or nothing for no amount; a
 * total worked out from the annual value and term shows empty too, the
 * figure in its title, so it follows them as they change. */
static char *
money_text (CmRecordEditor *self, const CmRecordField *field, gint64 pence)
{
  if (pence == 0)
    return g_strdup ("");
  if (g_str_equal (field->property, "total-value") && CM_IS_CONTRACT (self->draft) &&
      cm_contract_total_is_derived (CM_CONTRACT (self->draft)))
    return g_strdup ("");
  return cm_money_format_full (pence);
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
      return reference_row (self, title, field->reference_type (), g_value_get_int64 (&value),
                            field->optional);
    case CM_FORMAT_MONEY:
      {
        g_autofree char *text = money_text (self, field, g_value_get_int64 (&value));
        return entry_row (title, text);
      }
    case CM_FORMAT_DATE:
      return date_row (title, g_value_get_string (&value));
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

/* Says what to do about a required choice left empty, offering the way
 * to add a record when there is one, so a new portfolio does not stall. */
static gboolean
refuse_no_choice (CmRecordPicker *picker, const char *lower_title, GError **error)
{
  g_autofree char *create = NULL;

  g_object_get (picker, "create-label", &create, NULL);
  if (create == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose a %s."), lower_title);
  else if (cm_record_picker_get_n_records (picker) == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("Choose a %s. There is none yet: open the choice and press %s to add one."),
                 lower_title, create);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("Choose a %s. To add a new one, open the choice and press %s"),
                 lower_title, create);
  return FALSE;
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
  gint64 id;

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
      id = cm_record_picker_get_selected_id (picker_of (row));
      if (id == 0 && !field->optional)
        return refuse_no_choice (picker_of (row), lower_title, error);
      g_object_set (draft, field->property, id, NULL);
      return TRUE;
    case CM_FORMAT_MONEY:
      /* Empty is no amount: a total left empty is worked out on saving. */
      if (*stripped && !cm_money_parse (stripped, &pence, error))
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
      {
        CmDateEntry *entry = g_object_get_data (G_OBJECT (row), "date-entry");

        if (!cm_date_entry_get_valid (entry))
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 cm_date_entry_get_error (entry));
            return FALSE;
          }
        g_object_set (draft, field->property, cm_date_entry_get_iso (entry), NULL);
        return TRUE;
      }
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

/* Scrolls the editor, once the line under a field has its place, so the
 * line shows: a field near the bottom would otherwise hide its message. */
static gboolean
reveal (GtkWidget *under, GdkFrameClock *clock, gpointer data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (under, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))
                                : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double bottom;

  /* Shown a moment ago, the line is laid out a frame later. */
  if (gtk_widget_get_height (under) == 0)
    return G_SOURCE_CONTINUE;
  if (content == NULL || !gtk_widget_compute_bounds (under, content, &bounds))
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  bottom = bounds.origin.y + bounds.size.height;
  if (bottom > gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment))
    gtk_adjustment_set_value (adjustment, bottom - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

/* The line under a row that says what is wrong with it. */
static void
set_row_message (GtkWidget *row, const char *message)
{
  GtkWidget *under = g_object_get_data (G_OBJECT (row), "message-row");

  if (message && under && !gtk_widget_get_visible (under))
    gtk_widget_add_tick_callback (under, reveal, NULL, NULL);

  if (message)
    {
      gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (row), "message")), message);
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  if (under)
    gtk_widget_set_visible (under, message != NULL);
}

static gboolean
row_shows_message (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

/* Whether a message for @row may show: once the user has been there, and
 * not while typing in a row that was fine (it is checked on leaving). */
static gboolean
may_show (CmRecordEditor *self, GtkWidget *row, GtkWidget *typing)
{
  /* A choice left empty is why Save waits: it says so once the user has
   * started on any field, since nothing else would tell them. */
  if (picker_of (row) && g_hash_table_size (self->touched) > 0)
    return TRUE;
  if (!g_hash_table_contains (self->touched, row))
    return FALSE;
  return row != typing || row_shows_message (row);
}

/* A contract's empty total says, where an empty field shows its title,
 * what saving will store: the total worked out from the annual value and
 * term as they now read. */
static void
show_total_hint (CmRecordEditor *self, CmEntity *scratch)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, "total-value");
  const CmRecordField *field = row ? g_object_get_data (G_OBJECT (row), "field") : NULL;
  gint64 derived;
  g_autofree char *amount = NULL;
  g_autofree char *hint = NULL;

  if (!self->derives_total || field == NULL)
    return;
  derived = *gtk_editable_get_text (GTK_EDITABLE (row)) == '\0'
              ? cm_contract_get_derived_total (CM_CONTRACT (scratch)) : 0;
  if (derived == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
      if (!row_shows_message (row))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  amount = cm_money_format_full (derived);
  /* TRANSLATORS: the title of an empty total field; %s is an amount */
  hint = g_strdup_printf (_("Total value: %s from the annual value and term"), amount);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hint);
  if (!row_shows_message (row))
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Left empty, the total is worked out from the annual value "
                                      "and term. Type a total to use another."), -1);
}

/* Reads every row into a copy of the record and checks it with the
 * record's own rules: a value that cannot be read is marked on its row,
 * and so is the field the record's complaint is about. Save waits for a
 * record the store would accept. */
static void
check_all (CmRecordEditor *self, GtkWidget *last, GtkWidget *typing)
{
  g_autoptr(CmEntity) scratch = cm_entity_copy (self->draft);
  g_autoptr(GPtrArray) fields_read = g_ptr_array_new ();
  g_autoptr(GPtrArray) blamed = g_ptr_array_new ();
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) invalid = NULL;
  GtkWidget *target = NULL;
  const char *problem;

  for (const CmRecordField *field = self->kind->fields; field->property; field++)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, field->property);
      g_autoptr(GError) error = NULL;

      if (row == NULL)
        continue;
      g_ptr_array_add (fields_read, (gpointer) field->property);
      if (read_row (scratch, field, row, &error))
        set_row_message (row, NULL);
      else
        {
          set_row_message (row, may_show (self, row, typing) ? error->message : NULL);
          if (first == NULL)
            first = g_steal_pointer (&error);
        }
    }
  g_ptr_array_add (fields_read, NULL);
  show_total_hint (self, scratch);

  if (first == NULL && !cm_field_check (scratch, (const char * const *) fields_read->pdata,
                                        blamed, &invalid))
    {
      /* The field just left, if it is to blame; else one the user has been to. */
      for (guint i = 0; i < blamed->len; i++)
        {
          GtkWidget *row = g_hash_table_lookup (self->rows, g_ptr_array_index (blamed, i));

          if (row == last || (target == NULL && may_show (self, row, typing)))
            target = row;
        }
      if (target && may_show (self, target, typing))
        set_row_message (target, invalid->message);
    }

  problem = first ? first->message : invalid ? invalid->message : NULL;
  /* A complaint about no one field goes above the fields, once the user
   * has started; one about a field not reached yet waits for it. */
  if (invalid && blamed->len == 0 && g_hash_table_size (self->touched) > 0)
    {
      gtk_label_set_text (self->error_label, invalid->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (self->save, problem == NULL);
  gtk_widget_set_tooltip_text (self->save, problem);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : "", -1);
}

/* An amount the user typed ("45k", "45000") is shown as money once the
 * field is left; text that is not an amount stays for them to correct. */
static void
show_as_money (GtkWidget *row)
{
  const CmRecordField *field = g_object_get_data (G_OBJECT (row), "field");
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  gint64 pence = 0;

  if (field == NULL || field->format != CM_FORMAT_MONEY)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*text == '\0' || !cm_money_parse (text, &pence, NULL))
    return;
  shown = cm_money_format_full (pence);
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), shown);
}

static void
left (GtkEventControllerFocus *focus, CmRecordEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  g_hash_table_add (self->touched, row);
  show_as_money (row);
  check_all (self, row, NULL);
}

static void
typed (GtkEditable *row, CmRecordEditor *self)
{
  check_all (self, GTK_WIDGET (row), GTK_WIDGET (row));
}

/* Only a change in what the text reads as: the date shown again as
 * dd/mm/yyyy on leaving is no edit, and must not hide the message. */
static void
date_typed (CmDateEntry *entry, GParamSpec *pspec, GtkWidget *row)
{
  check_all (g_object_get_data (G_OBJECT (row), "editor"), row, row);
}

static void
date_left (GtkEventControllerFocus *focus, GtkWidget *row)
{
  CmRecordEditor *self = g_object_get_data (G_OBJECT (row), "editor");

  g_hash_table_add (self->touched, row);
  check_all (self, row, NULL);
}

/* A date is left when its text field is, though the keyboard may only
 * have moved to the calendar button beside it in the same row. */
static void
watch_date (GtkWidget *row, CmDateEntry *date)
{
  GtkWidget *text = GTK_WIDGET (cm_date_entry_get_editable (date));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (date_left), row);
  gtk_widget_add_controller (text, focus);
  g_object_set_data (G_OBJECT (row), "date-focus", focus);
  g_signal_connect (date, "notify::iso", G_CALLBACK (date_typed), row);
  g_signal_connect (date, "notify::error", G_CALLBACK (date_typed), row);
}

static void
chosen (GtkWidget *row, GParamSpec *pspec, CmRecordEditor *self)
{
  g_hash_table_add (self->touched, row);
  check_all (self, row, NULL);
}

static void
toggled (GtkWidget *toggle, GParamSpec *pspec, GtkWidget *row)
{
  chosen (row, NULL, g_object_get_data (G_OBJECT (row), "editor"));
}

static void
picked (CmRecordPicker *picker, GParamSpec *pspec, GtkWidget *row)
{
  chosen (row, NULL, g_object_get_data (G_OBJECT (row), "editor"));
}

/* Text rows are checked as the keyboard leaves them, and again as they
 * are corrected; choices as they change. */
static void
watch_row (CmRecordEditor *self, GtkWidget *row, const CmRecordField *field)
{
  GtkEventController *focus;
  GObject *toggle = g_object_get_data (G_OBJECT (row), "switch");
  CmDateEntry *date = g_object_get_data (G_OBJECT (row), "date-entry");

  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "editor", self);
  if (date)
    watch_date (row, date);
  else if (GTK_IS_EDITABLE (row))
    {
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (left), self);
      gtk_widget_add_controller (row, focus);
      g_object_set_data (G_OBJECT (row), "focus", focus);
      g_signal_connect (row, "changed", G_CALLBACK (typed), self);
    }
  else if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (chosen), self);
  else if (picker_of (row))
    g_signal_connect (picker_of (row), "notify::selected-id", G_CALLBACK (picked), row);
  else if (toggle)
    g_signal_connect (toggle, "notify::active", G_CALLBACK (toggled), row);
}

/* Undoes watch_row for every row. The rows outlive the editor's state:
 * they are torn down by the window's own dispose, and the row holding the
 * keyboard then loses it, which must not check a record already gone. */
static void
stop_watching (CmRecordEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      GObject *focus = g_object_get_data (row, "focus");
      GObject *toggle = g_object_get_data (row, "switch");
      GObject *picker = g_object_get_data (row, "picker");
      CmDateEntry *date = g_object_get_data (row, "date-entry");

      g_signal_handlers_disconnect_by_data (row, self);
      if (picker)
        {
          g_signal_handlers_disconnect_by_func (picker, picked, row);
          g_signal_handlers_disconnect_by_data (picker, self);
        }
      if (date)
        {
          g_signal_handlers_disconnect_by_func (date, date_typed, row);
          g_signal_handlers_disconnect_by_func (g_object_get_data (row, "date-focus"), date_left,
                                                row);
        }
      if (focus)
        g_signal_handlers_disconnect_by_data (focus, self);
      if (toggle)
        g_signal_handlers_disconnect_by_func (toggle, toggled, row);
    }
}

/* An Other choice asks for the words it stands for; any other hides them. */
static void
sync_as_written (GtkWidget *choice, GParamSpec *pspec, GtkWidget *as_written)
{
  guint other = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (as_written), "other"));

  gtk_widget_set_visible (as_written, adw_combo_row_get_selected (ADW_COMBO_ROW (choice)) == other);
}

/* Shows @row, an as-written field, only while the choice above it is Other. */
static void
follow_choice (CmRecordEditor *self, const CmRecordField *field, GtkWidget *row)
{
  GtkWidget *choice = g_hash_table_lookup (self->rows, field[-1].property);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->draft),
                                                    field[-1].property);
  int other = -1;

  cm_enum_from_nick (pspec->value_type, "other", &other);
  g_object_set_data (G_OBJECT (row), "other", GINT_TO_POINTER (other));
  g_signal_connect (choice, "notify::selected", G_CALLBACK (sync_as_written), row);
  sync_as_written (choice, NULL, row);
}

/* A hidden row under @row for its message, in the same list, so it reads
 * as part of the field. */
static GtkWidget *
message_row (GtkWidget *row)
{
  GtkWidget *under = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (under), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (under), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (under), FALSE);
  gtk_widget_set_focusable (under, FALSE);
  gtk_widget_set_visible (under, FALSE);
  g_object_set_data (G_OBJECT (row), "message-row", under);
  g_object_set_data (G_OBJECT (row), "message", label);
  return under;
}

static void
created (CmRecordEditor *added, CmEntity *record, CmRecordPicker *picker)
{
  cm_record_picker_set_selected_id (picker, cm_entity_get_id (record));
}

/* New Commissioner… in a picker: the record is added in an editor of its
 * own, through the store, and chosen here once saved. */
static void
picker_create (CmRecordPicker *picker, CmRecordEditor *self)
{
  GType type = G_TYPE_NONE;
  const CmRecordKind *kind;
  GtkWidget *editor;

  g_object_get (picker, "entity-type", &type, NULL);
  kind = kind_of (type);
  g_return_if_fail (kind != NULL);
  editor = cm_record_editor_new (self->store, kind, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (created), picker, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Keep Theirs: the user's copy is dropped for the stored record, shown in
 * an editor of its own. */
static void
keep_theirs (CmRecordEditor *self, CmEntity *stored)
{
  GtkWidget *editor = cm_record_editor_new (self->store, self->kind, stored);

  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_window_set_modal (GTK_WINDOW (editor), gtk_window_get_modal (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
saved (CmRecordEditor *self, CmEntity *record)
{
  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Someone saved the record since it was read: settled once the user chose
 * between their values and the stored ones. */
static void
conflict_settled (GtkWidget *widget, CmConflictOutcome outcome, CmEntity *record,
                  const GError *error, gpointer data)
{
  CmRecordEditor *self = CM_RECORD_EDITOR (widget);

  if (outcome == CM_CONFLICT_SAVED)
    saved (self, record);
  else if (outcome == CM_CONFLICT_KEPT)
    keep_theirs (self, record);
  else if (outcome == CM_CONFLICT_FAILED)
    show_error (self, NULL, error->message);
}

static void
save_draft (CmRecordEditor *self)
{
  CmConflictSaveFunc save = self->kind->save ? self->kind->save : cm_store_save;
  g_autoptr(GError) error = NULL;

  if (!save (self->store, self->draft, &error))
    {
      if (self->original == NULL ||
          !cm_conflict_handle (GTK_WIDGET (self), self->store, self->original, self->draft,
                               error, save, conflict_settled, NULL))
        show_error (self, NULL, error->message);
      return;
    }
  saved (self, self->draft);
}

static void
save_clicked (CmRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  if (!read_all (self, self->draft, &bad_row, &error))
    {
      /* Saved with Enter before the field was left: mark it now. */
      g_hash_table_add (self->touched, bad_row);
      check_all (self, bad_row, NULL);
      gtk_widget_grab_focus (bad_row);
      return;
    }
  save_draft (self);
}

/* ---- construction ----------------------------------------------------- */

static void
add_rows (CmRecordEditor *self)
{
  for (const CmRecordField *field = self->kind->fields; field->property; field++)
    {
      GtkWidget *row;

      if (!field->editable)
        continue;
      row = field_row (self, field);
      g_hash_table_insert (self->rows, (gpointer) field->property, row);
      watch_row (self, row, field);
      if (field->format == CM_FORMAT_AS_WRITTEN)
        follow_choice (self, field, row);
      adw_preferences_group_add (self->group, row);
      adw_preferences_group_add (self->group, message_row (row));
      if (g_str_equal (field->property, "total-value") && CM_IS_CONTRACT (self->draft))
        self->derives_total = TRUE;
      /* Nothing to choose from: say at once how to go on. */
      if (picker_of (row) && !field->optional &&
          cm_record_picker_get_n_records (picker_of (row)) == 0)
        g_hash_table_add (self->touched, row);
    }
}

static void
cm_record_editor_constructed (GObject *object)
{
  CmRecordEditor *self = CM_RECORD_EDITOR (object);
  gboolean stored;
  const char *title;

  G_OBJECT_CLASS (cm_record_editor_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL && self->kind != NULL);
  /* A record not yet stored (a contract's new notice, filled in) is new. */
  stored = self->draft && cm_entity_get_id (self->draft) != 0;
  if (self->draft == NULL)
    self->draft = g_object_new (self->kind->get_type (), NULL);
  title = _(stored ? self->kind->words.edit_title : self->kind->words.new_title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  add_rows (self);
  check_all (self, NULL, NULL);
}

static void
cm_record_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmRecordEditor *self = CM_RECORD_EDITOR (object);
  CmEntity *entity;

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_KIND:
      self->kind = g_value_get_pointer (value);
      break;
    case PROP_ENTITY:
      /* Edited on a copy: nothing reaches the record but through Save. */
      entity = g_value_get_object (value);
      g_clear_object (&self->draft);
      g_clear_object (&self->original);
      self->draft = entity ? cm_entity_copy (entity) : NULL;
      self->original = entity ? cm_entity_copy (entity) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_record_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmRecordEditor *self = CM_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_pointer (value, (gpointer) self->kind);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_record_editor_dispose (GObject *object)
{
  CmRecordEditor *self = CM_RECORD_EDITOR (object);

  if (self->rows)
    stop_watching (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_RECORD_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->original);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (cm_record_editor_parent_class)->dispose (object);
}

static void
cm_record_editor_class_init (CmRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cm_record_editor_constructed;
  object_class->set_property = cm_record_editor_set_property;
  object_class->get_property = cm_record_editor_get_property;
  object_class->dispose = cm_record_editor_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  /* The CmRecordKind whose fields make the rows. */
  properties[PROP_KIND] = g_param_spec_pointer ("kind", NULL, NULL, flags);
  /* The record edited, on a copy; NULL for a new one. */
  properties[PROP_ENTITY] = g_param_spec_object ("entity", NULL, NULL, CM_TYPE_ENTITY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CM_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CmRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CmRecordEditor, group);
  gtk_widget_class_bind_template_child (widget_class, CmRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CmRecordEditor, save);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cm_record_editor_init (CmRecordEditor *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cm_record_editor_new (CmStore *store, const CmRecordKind *kind, CmEntity *entity)
{
  return g_object_new (CM_TYPE_RECORD_EDITOR, "store", store, "kind", kind, "entity", entity,
                       NULL);
}
