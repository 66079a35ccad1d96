/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-conflict-dialog.c: the dialog of a save that met someone else's change */
#include <glib/gi18n.h>

#include "cm-audit-words.h"
#include "cm-checklist-item.h"
#include "cm-conflict-dialog.h"
#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-service.h"

/* A field's value as the editor shows it, or a word saying it is blank. */
static char *
shown_value (CmEntity *record, const CmRecordField *field)
{
  g_autofree char *text = cm_record_field_text (G_OBJECT (record), field);

  return text && *text ? g_steal_pointer (&text) : g_strdup (_("(blank)"));
}

/* One row per differing field: its label, then theirs and the user's. */
static GtkWidget *
values_row (const char *title, const char *their_value, const char *my_value)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: the two values of a field a colleague changed meanwhile */
  subtitle = g_strdup_printf (_("Theirs: %s\nYours: %s"), their_value, my_value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* A field the record's description names (those its own pages edit
 * among them) in the editor's words; any other with the trail's label
 * and values, never a column's name. */
static GtkWidget *
field_row (CmStoreConflictField *differs, GType type, CmEntity *theirs, CmEntity *mine)
{
  const CmRecordField *field = cm_record_field_of_column (type, differs->property);
  g_autofree char *their_value = NULL;
  g_autofree char *my_value = NULL;

  if (field == NULL)
    {
      g_autofree char *label = cm_audit_field_label (cm_entity_get_table (theirs),
                                                     differs->property);

      return values_row (label, differs->theirs ? differs->theirs : _("(blank)"),
                         differs->mine ? differs->mine : _("(blank)"));
    }
  their_value = shown_value (theirs, field);
  my_value = shown_value (mine, field);
  return values_row (_(field->title), their_value, my_value);
}

static GtkWidget *
field_list (CmStoreConflict *conflict)
{
  GtkWidget *list = gtk_list_box_new ();
  GType type = G_OBJECT_TYPE (conflict->stored);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fields that differ"), -1);
  for (guint i = 0; i < conflict->fields->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         field_row (g_ptr_array_index (conflict->fields, i), type,
                                    conflict->stored, conflict->mine));
  return list;
}

/* Who changed the record and when, each left out when the trail does not say. */
static char *
changed_text (CmStoreConflict *conflict, const char *record)
{
  gboolean known_actor = conflict->actor && *conflict->actor;
  g_autofree char *when = conflict->at && *conflict->at ? cm_date_format_moment (conflict->at)
                                                        : NULL;

  /* Translators: who changed a record, which one, and when
   * ("jsmith (Jane Smith) changed “LCC-042 — Carers' breaks” on 4 December 2026, 14:02,
   * after you opened it.") */
  if (known_actor && when)
    return g_strdup_printf (_("%s changed “%s” on %s, after you opened it."),
                            conflict->actor, record, when);
  if (known_actor)
    return g_strdup_printf (_("%s changed “%s” after you opened it."), conflict->actor, record);
  if (when)
    return g_strdup_printf (_("Someone else changed “%s” on %s, after you opened it."),
                            record, when);
  return g_strdup_printf (_("Someone else changed “%s” after you opened it."), record);
}

static const char *
service_name (CmStore *store, gint64 service_id)
{
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE, service_id);

  return service ? cm_service_get_name (CM_SERVICE (service)) : NULL;
}

/* How the sentence names @record: a checklist item or a decommissioning,
 * with no name of its own, by its service. */
static char *
record_name (CmStore *store, CmEntity *record)
{
  const char *service = NULL;

  if (CM_IS_CHECKLIST_ITEM (record) &&
      (service = service_name (store, cm_checklist_item_get_service_id (CM_CHECKLIST_ITEM (record)))))
    /* Translators: a checklist item and its service: "Provider engaged (Carers' breaks)" */
    return g_strdup_printf (C_("record", "%s (%s)"),
                            cm_checklist_item_get_title (CM_CHECKLIST_ITEM (record)), service);
  if (CM_IS_DECOMMISSION (record) &&
      (service = service_name (store, cm_decommission_get_service_id (CM_DECOMMISSION (record)))))
    /* Translators: the decommissioning of a service: "Decommissioning of Carers' breaks" */
    return g_strdup_printf (_("Decommissioning of %s"), service);
  return cm_entity_describe (record);
}

static char *
body_text (CmStore *store, CmStoreConflict *conflict)
{
  g_autofree char *record = record_name (store, conflict->stored);
  g_autofree char *changed = changed_text (conflict, record);
  guint n = conflict->fields->len;
  g_autofree char *fields = g_strdup_printf (ngettext ("%u field differs from your copy.",
                                                       "%u fields differ from your copy.", n),
                                             n);

  /* Translators: who changed which record, then how many of its fields differ */
  return g_strdup_printf (_("%s %s Nothing is saved until you choose."), changed, fields);
}

/* Beyond this many fields, the list scrolls rather than the dialog grow
 * past the screen; fewer are shown whole (a scrolled list of wrapped rows
 * does not ask for their full height). */
#define MAX_UNSCROLLED_FIELDS 4

static GtkWidget *
fields_shown (CmStoreConflict *conflict)
{
  GtkWidget *list = field_list (conflict);
  GtkWidget *scrolled;

  if (conflict->fields->len <= MAX_UNSCROLLED_FIELDS)
    return list;
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

GtkWidget *
cm_conflict_dialog_new (GtkWindow *parent, CmStore *store, CmStoreConflict *conflict)
{
  g_autofree char *body = body_text (store, conflict);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Changed by Someone Else"), body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), fields_shown (conflict));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    CM_CONFLICT_KEEP_THEIRS, _("_Keep Theirs"),
                                    CM_CONFLICT_APPLY_MINE, _("_Apply Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              CM_CONFLICT_APPLY_MINE,
                                              ADW_RESPONSE_SUGGESTED);
  /* Escape discards nothing: the editor stays as the user left it. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "back");
  return dialog;
}
