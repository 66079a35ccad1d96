/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-entry.c: a field for one date, typed the British way or picked
 *
 * The date is read again on every keystroke, so "valid" and "error" are
 * always current for a dialog's Save; the message under the field waits
 * until the user leaves it (or presses Enter), as half a date is not yet
 * a mistake, and then follows each correction.
 */
#include <glib/gi18n.h>

#include "cm-application.h"
#include "cm-date.h"
#include "cm-date-entry.h"
#include "cm-date-parse.h"

struct _CmDateEntry
{
  GtkWidget parent_instance;

  GtkWidget *line;
  GtkEntry *entry;
  GtkMenuButton *pick;
  GtkPopover *popover;
  GtkCalendar *calendar;
  GtkLabel *message;

  char *title;
  char *iso;          /* the date read, yyyy-mm-dd, or "" */
  char *error;        /* why the text is not a date, or NULL */
  gboolean allow_empty;
  gboolean show_error;
  gboolean revealed;  /* the user has left the field once */
  gboolean syncing;   /* the calendar is following the text */
  gboolean replacing; /* the text is being replaced as a whole */
};

G_DEFINE_FINAL_TYPE (CmDateEntry, cm_date_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ISO,
  PROP_ALLOW_EMPTY,
  PROP_SHOW_ERROR,
  PROP_VALID,
  PROP_ERROR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { ACTIVATE, COMMITTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* dd/mm/yyyy, as the field shows a date it has read. */
static char *
format_short (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static void
show_message (CmDateEntry *self)
{
  gboolean shown = self->revealed && self->error != NULL;
  GtkAccessible *entry = GTK_ACCESSIBLE (self->entry);

  gtk_label_set_text (self->message, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), shown && self->show_error);
  if (shown && self->show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_update_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->error, -1);
      gtk_accessible_update_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_reset_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (entry, GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Reads the text again and tells whoever listens what changed. */
static void
reread (CmDateEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  gboolean was_valid = self->error == NULL;
  GDate date;

  if (*stripped == '\0')
    {
      iso = g_strdup ("");
      if (!self->allow_empty)
        g_set_error_literal (&error, CM_DATE_PARSE_ERROR, CM_DATE_PARSE_ERROR_INVALID,
                             _("A date is needed: type it as 1/12/2026 or 1 December 2026"));
    }
  else if (cm_date_parse (stripped, CM_DATE_PARSE_TYPED, &date, &error))
    iso = cm_date_format_iso (&date);
  else
    iso = g_strdup ("");

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (iso, self->iso) != 0)
    {
      g_free (self->iso);
      self->iso = g_steal_pointer (&iso);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISO]);
    }
  if (g_strcmp0 (error ? error->message : NULL, self->error) != 0)
    {
      g_free (self->error);
      self->error = error ? g_strdup (error->message) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  if (was_valid != (self->error == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
  show_message (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
text_changed (CmDateEntry *self)
{
  if (!self->replacing)
    reread (self);
}

/* Replacing the text empties the field first: read it once, when the new
 * text is in, so a date shown again never reads as no date in between. */
static void
replace_text (CmDateEntry *self, const char *text)
{
  self->replacing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->replacing = FALSE;
  reread (self);
}

/* Once the user is done with the field: the date as dd/mm/yyyy, or what
 * is wrong with the text. */
static void
settle (CmDateEntry *self)
{
  GDate date;

  self->revealed = TRUE;
  if (cm_date_entry_get_date (self, &date))
    {
      g_autofree char *text = format_short (&date);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
        replace_text (self, text);
    }
  show_message (self);
  if (self->error == NULL)
    g_signal_emit (self, signals[COMMITTED], 0);
}

static void
entry_left (CmDateEntry *self)
{
  settle (self);
}

static void
entry_activated (CmDateEntry *self)
{
  settle (self);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

/* The calendar opens on the date typed, or else on today. */
static void
popover_shown (CmDateEntry *self)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (!cm_date_entry_get_date (self, &date) && CM_IS_APPLICATION (app))
    date = *cm_application_get_today (CM_APPLICATION (app));
  if (g_date_valid (&date))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 12, 0, 0);
  else
    shown = g_date_time_new_now_local ();
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->syncing = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
day_picked (CmDateEntry *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  GDate date;

  if (self->syncing)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  text = format_short (&date);
  replace_text (self, text);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  settle (self);
}

/* ---- public ----------------------------------------------------------- */

GtkWidget *
cm_date_entry_new (const char *title, const char *iso)
{
  return g_object_new (CM_TYPE_DATE_ENTRY, "title", title, "iso", iso, NULL);
}

/* yyyy-mm-dd, or "" when the field is empty or cannot be read. */
const char *
cm_date_entry_get_iso (CmDateEntry *self)
{
  g_return_val_if_fail (CM_IS_DATE_ENTRY (self), "");
  return self->iso;
}

/* Shows a stored date; an empty or unreadable one leaves the field empty. */
void
cm_date_entry_set_iso (CmDateEntry *self, const char *iso)
{
  GDate date;

  g_return_if_fail (CM_IS_DATE_ENTRY (self));
  if (cm_date_parse_iso (iso, &date))
    cm_date_entry_set_date (self, &date);
  else
    replace_text (self, "");
}

gboolean
cm_date_entry_get_date (CmDateEntry *self, GDate *date)
{
  g_return_val_if_fail (CM_IS_DATE_ENTRY (self), FALSE);
  return cm_date_parse_iso (self->iso, date);
}

void
cm_date_entry_set_date (CmDateEntry *self, const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CM_IS_DATE_ENTRY (self));
  text = date && g_date_valid (date) ? format_short (date) : g_strdup ("");
  replace_text (self, text);
}

gboolean
cm_date_entry_get_valid (CmDateEntry *self)
{
  g_return_val_if_fail (CM_IS_DATE_ENTRY (self), FALSE);
  return self->error == NULL;
}

/* What is wrong with the text, or NULL. */
const char *
cm_date_entry_get_error (CmDateEntry *self)
{
  g_return_val_if_fail (CM_IS_DATE_ENTRY (self), NULL);
  return self->error;
}

void
cm_date_entry_set_allow_empty (CmDateEntry *self, gboolean allow_empty)
{
  g_return_if_fail (CM_IS_DATE_ENTRY (self));
  if (self->allow_empty == !!allow_empty)
    return;
  self->allow_empty = !!allow_empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_EMPTY]);
  reread (self);
}

/* Whether the field shows its own message; a form that shows messages
 * its own way (the record editor) turns it off and reads "error". */
void
cm_date_entry_set_show_error (CmDateEntry *self, gboolean show_error)
{
  g_return_if_fail (CM_IS_DATE_ENTRY (self));
  if (self->show_error == !!show_error)
    return;
  self->show_error = !!show_error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ERROR]);
  show_message (self);
}

/* The text field itself, for a form that watches the keyboard in it. */
GtkEditable *
cm_date_entry_get_editable (CmDateEntry *self)
{
  g_return_val_if_fail (CM_IS_DATE_ENTRY (self), NULL);
  return GTK_EDITABLE (self->entry);
}

/* ---- construction ----------------------------------------------------- */

static void
set_title (CmDateEntry *self, const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->title, -1);
}

static gboolean
cm_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CM_DATE_ENTRY (widget)->entry));
}

static void
cm_date_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmDateEntry *self = CM_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ISO:
      g_value_set_string (value, self->iso);
      break;
    case PROP_ALLOW_EMPTY:
      g_value_set_boolean (value, self->allow_empty);
      break;
    case PROP_SHOW_ERROR:
      g_value_set_boolean (value, self->show_error);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->error == NULL);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_date_entry_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  CmDateEntry *self = CM_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_title (self, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_ISO:
      cm_date_entry_set_iso (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_EMPTY:
      cm_date_entry_set_allow_empty (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_ERROR:
      cm_date_entry_set_show_error (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_date_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CM_TYPE_DATE_ENTRY);
  G_OBJECT_CLASS (cm_date_entry_parent_class)->dispose (object);
}

static void
cm_date_entry_finalize (GObject *object)
{
  CmDateEntry *self = CM_DATE_ENTRY (object);

  g_free (self->title);
  g_free (self->iso);
  g_free (self->error);
  G_OBJECT_CLASS (cm_date_entry_parent_class)->finalize (object);
}

static void
cm_date_entry_class_init (CmDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cm_date_entry_get_property;
  object_class->set_property = cm_date_entry_set_property;
  object_class->dispose = cm_date_entry_dispose;
  object_class->finalize = cm_date_entry_finalize;
  widget_class->grab_focus = cm_date_entry_grab_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ISO] =
    g_param_spec_string ("iso", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_EMPTY] =
    g_param_spec_boolean ("allow-empty", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ERROR] =
    g_param_spec_boolean ("show-error", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user is done with a date that can be read: the field was left,
   * Enter pressed or a day picked. Forms that save as they go save then. */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-date-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, CmDateEntry, line);
  gtk_widget_class_bind_template_child (widget_class, CmDateEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, CmDateEntry, pick);
  gtk_widget_class_bind_template_child (widget_class, CmDateEntry, popover);
  gtk_widget_class_bind_template_child (widget_class, CmDateEntry, calendar);
  gtk_widget_class_bind_template_child (widget_class, CmDateEntry, message);
  gtk_widget_class_bind_template_callback (widget_class, text_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, day_picked);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cm_date_entry_init (CmDateEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->iso = g_strdup ("");
  self->title = g_strdup ("");
  self->allow_empty = TRUE;
  self->show_error = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
}
