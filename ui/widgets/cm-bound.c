/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-bound.c: controls bound to one property of a stored record */
#include <glib/gi18n.h>

#include "cm-bound.h"
#include "cm-conflict-handle.h"
#include "cm-date-entry.h"
#include "cm-enums.h"
#include "cm-page-parts.h"

typedef struct {
  CmStore *store;
  CmEntity *entity;       /* the store's live record */
  const char *property;   /* interned */
  CmEntity *read;         /* the record as the control last showed it */
  gboolean showing;       /* set while the control is made to show a stored value */
  gboolean asking;        /* set while the conflict dialog asks about its save */
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_object_unref (binding->store);
  g_object_unref (binding->entity);
  g_object_unref (binding->read);
  g_free (binding);
}

/* Remembers @record as what @widget shows: a text field's text is then
 * stored, no longer the user's edit. */
static void
binding_read (GtkWidget *widget, Binding *binding, CmEntity *record)
{
  g_clear_object (&binding->read);
  binding->read = cm_entity_copy (record);
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_autofree char *text = NULL;

      g_object_get (record, binding->property, &text, NULL);
      cm_page_entry_row_stored (widget, text);
    }
}

static Binding *
bind (GtkWidget *widget, CmStore *store, CmEntity *entity, const char *property)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->store = g_object_ref (store);
  binding->entity = g_object_ref (entity);
  binding->property = g_intern_string (property);
  binding_read (widget, binding, entity);
  g_object_set_data_full (G_OBJECT (widget), "binding", binding, binding_free);
  /* Which value it edits, for a page telling it from another. */
  g_object_set_data_full (G_OBJECT (widget), "cm-fingerprint",
                          g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%s",
                                           cm_entity_get_table (entity),
                                           cm_entity_get_id (entity), property),
                          g_free);
  return binding;
}

static void show_stored (GtkWidget *widget, CmEntity *stored);

static void
conflict_settled (GtkWidget *widget, CmConflictOutcome outcome, CmEntity *record,
                  const GError *error, gpointer data)
{
  Binding *b = g_object_get_data (G_OBJECT (widget), "binding");

  b->asking = FALSE;
  if (outcome == CM_CONFLICT_SAVED)
    binding_read (widget, b, record);
  else if (outcome == CM_CONFLICT_KEPT)
    show_stored (widget, record);
  else if (outcome == CM_CONFLICT_FAILED)
    gtk_widget_activate_action (widget, "page.report", "s", error->message);
}

static void
save_value (GtkWidget *widget, const GValue *value)
{
  Binding *b = g_object_get_data (G_OBJECT (widget), "binding");
  g_autoptr(CmEntity) original = NULL;
  g_autoptr(CmEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  /* The dialog takes the focus, and a date left that way would ask again. */
  if (b->showing || b->asking)
    return;
  original = cm_conflict_copy_as_read (b->entity, b->read, b->property);
  draft = cm_entity_copy (original);
  g_object_set_property (G_OBJECT (draft), b->property, value);
  if (cm_store_save (b->store, draft, &error))
    {
      binding_read (widget, b, draft);
      return;
    }
  /* Set first: the conflict may be settled before the call returns. */
  b->asking = TRUE;
  if (!cm_conflict_handle (widget, b->store, original, draft, error, cm_store_save,
                           conflict_settled, NULL))
    {
      b->asking = FALSE;
      gtk_widget_activate_action (widget, "page.report", "s", error->message);
    }
}

static void
entry_applied (AdwEntryRow *row)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  save_value (GTK_WIDGET (row), &value);
}

GtkWidget *
cm_bound_entry_row (CmStore *store, CmEntity *entity, const char *property, const char *title,
                    gboolean editable)
{
  GtkWidget *row = cm_page_entry_row (title, NULL, editable);

  /* Shows the stored text. */
  bind (row, store, entity, property);
  g_signal_connect (row, "apply", G_CALLBACK (entry_applied), NULL);
  return row;
}

/* Saved once the user is done with a readable date that differs from the
 * record's; not as the field is torn down with its page. */
static void
date_committed (CmDateEntry *entry)
{
  Binding *b = g_object_get_data (G_OBJECT (entry), "binding");
  g_autofree char *stored = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (b->entity, b->property, &stored, NULL);
  if (!gtk_widget_get_mapped (GTK_WIDGET (entry)) ||
      g_strcmp0 (stored ? stored : "", cm_date_entry_get_iso (entry)) == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, cm_date_entry_get_iso (entry));
  save_value (GTK_WIDGET (entry), &value);
}

GtkWidget *
cm_bound_date_row (CmStore *store, CmEntity *entity, const char *property, const char *title,
                   gboolean editable)
{
  GtkWidget *row = cm_page_text_row (title, NULL, NULL);
  g_autofree char *iso = NULL;
  GtkWidget *entry;

  g_object_get (entity, property, &iso, NULL);
  entry = cm_date_entry_new (title, iso);
  bind (entry, store, entity, property);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (entry, editable);
  g_signal_connect (entry, "committed", G_CALLBACK (date_committed), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  return row;
}

static void
switch_toggled (GtkSwitch *toggle, GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  save_value (GTK_WIDGET (toggle), &value);
}

GtkWidget *
cm_bound_switch_row (CmStore *store, CmEntity *entity, const char *property, const char *title,
                     gboolean editable)
{
  GtkWidget *row = cm_page_text_row (title, NULL, NULL);
  GtkWidget *toggle = gtk_switch_new ();
  gboolean active;

  bind (toggle, store, entity, property);
  g_object_get (entity, property, &active, NULL);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (toggle, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_toggled), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

static void
choice_made (GtkDropDown *dropdown, GParamSpec *pspec)
{
  Binding *b = g_object_get_data (G_OBJECT (dropdown), "binding");
  GParamSpec *target = g_object_class_find_property (G_OBJECT_GET_CLASS (b->entity), b->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, target->value_type);
  g_value_set_enum (&value, gtk_drop_down_get_selected (dropdown));
  save_value (GTK_WIDGET (dropdown), &value);
}

GtkWidget *
cm_bound_dropdown (CmStore *store, CmEntity *entity, const char *property,
                   const char *accessible_name, gboolean editable)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
  int current;
  GtkWidget *dropdown;

  g_object_get (entity, property, &current, NULL);
  dropdown = cm_page_enum_dropdown (pspec->value_type, current, accessible_name);
  bind (dropdown, store, entity, property);
  gtk_widget_set_sensitive (dropdown, editable);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (choice_made), NULL);
  return dropdown;
}

/* Chooses the record with @id, or none. */
static void
select_reference (AdwComboRow *row, gint64 id)
{
  GListModel *choices = adw_combo_row_get_model (row);

  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(CmEntity) choice = g_list_model_get_item (choices, i);

      if (cm_entity_get_id (choice) == id)
        adw_combo_row_set_selected (row, i);
    }
}

static void
reference_chosen (AdwComboRow *row, GParamSpec *pspec)
{
  CmEntity *chosen = adw_combo_row_get_selected_item (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (chosen == NULL)
    return;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, cm_entity_get_id (chosen));
  save_value (GTK_WIDGET (row), &value);
}

GtkWidget *
cm_bound_reference_row (CmStore *store, CmEntity *entity, const char *property,
                        const char *title, GType type, gboolean editable)
{
  GListModel *choices = cm_store_list (store, type);
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkExpression) by_name = gtk_property_expression_new (type, NULL, "name");
  gint64 id;

  bind (row, store, entity, property);
  g_object_get (entity, property, &id, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), by_name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
  select_reference (ADW_COMBO_ROW (row), id);
  gtk_widget_set_sensitive (row, editable);
  g_signal_connect (row, "notify::selected", G_CALLBACK (reference_chosen), NULL);
  return row;
}

static void
spin_changed (GtkSpinButton *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (spin));
  save_value (GTK_WIDGET (spin), &value);
}

GtkWidget *
cm_bound_spin (CmStore *store, CmEntity *entity, const char *property,
               const char *accessible_name, int lower, int upper, gboolean editable)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);
  int current;

  bind (spin, store, entity, property);
  g_object_get (entity, property, &current, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), current);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (spin, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed), NULL);
  return spin;
}

/* Keep Theirs: the control shows the stored value again, without saving it. */
static void
show_stored (GtkWidget *widget, CmEntity *stored)
{
  Binding *b = g_object_get_data (G_OBJECT (widget), "binding");
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (stored), b->property);

  binding_read (widget, b, stored);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (stored), b->property, &value);
  b->showing = TRUE;
  /* A text field took the stored text as it was read, above. */
  if (CM_IS_DATE_ENTRY (widget))
    cm_date_entry_set_iso (CM_DATE_ENTRY (widget), g_value_get_string (&value));
  else if (GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), g_value_get_boolean (&value));
  else if (GTK_IS_DROP_DOWN (widget))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), g_value_get_enum (&value));
  else if (GTK_IS_SPIN_BUTTON (widget))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_value_get_int (&value));
  else if (ADW_IS_COMBO_ROW (widget))
    select_reference (ADW_COMBO_ROW (widget), g_value_get_int64 (&value));
  b->showing = FALSE;
}
