/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist-row.c: one checklist item, edited in place */
#include <glib/gi18n.h>

#include "cm-checklist.h"
#include "cm-checklist-row.h"
#include "cm-conflict-handle.h"
#include "cm-date.h"
#include "cm-date-entry.h"
#include "cm-page-parts.h"
#include "cm-reason-dialog.h"

/* What the row edits: the store and the store's live item, which a
 * colleague's change reaches in place. Each control keeps the item as it
 * last showed it ("as-read"): a field being edited keeps the version it
 * was read at while the others follow the store. */
typedef struct {
  CmStore *store;
  CmChecklistItem *item;
  GDate today;
  GPtrArray *controls;  /* unowned: the row's own children */
  GtkDropDown *state;
  GtkWidget *reason;
  gboolean showing;  /* set while the row is made to show a stored value */
  gboolean asking;   /* set while the conflict dialog asks about a save */
  gboolean choosing; /* set while the user gives a reason for not applicable */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_object_unref (row->store);
  g_object_unref (row->item);
  g_ptr_array_unref (row->controls);
  g_free (row);
}

char *
cm_checklist_row_key (CmChecklistItem *item)
{
  /* Whose item, in which cycle, and which record: a row kept for another
   * service's or cycle's same template item would save that one instead. */
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%d/%d/%s#%" G_GINT64_FORMAT,
                          cm_checklist_item_get_service_id (item),
                          cm_checklist_item_get_cycle (item), cm_checklist_item_get_stage (item),
                          cm_checklist_item_get_template_key (item),
                          cm_entity_get_id (CM_ENTITY (item)));
}

static gboolean
save_item (CmStore *store, CmEntity *item, GError **error)
{
  return cm_checklist_save_item (store, CM_CHECKLIST_ITEM (item), error);
}

static CmEntity *
read_by (GtkWidget *control)
{
  return g_object_get_data (G_OBJECT (control), "as-read");
}

static void
set_read_by (GtkWidget *control, CmEntity *record)
{
  g_object_set_data_full (G_OBJECT (control), "as-read", cm_entity_copy (record),
                          g_object_unref);
}

/* Shows the value @record holds for what @control edits, without saving it. */
static void
show_stored (Row *row, GtkWidget *control, CmEntity *record)
{
  const char *property = g_object_get_data (G_OBJECT (control), "property");
  g_autofree char *text = NULL;

  row->showing = TRUE;
  if (GTK_IS_DROP_DOWN (control))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (control),
                                cm_checklist_item_get_state (CM_CHECKLIST_ITEM (record)));
  else
    {
      g_object_get (record, property, &text, NULL);
      if (CM_IS_DATE_ENTRY (control))
        cm_date_entry_set_iso (CM_DATE_ENTRY (control), text);
      else if (ADW_IS_ENTRY_ROW (control))
        cm_page_entry_row_stored (control, text);
      else
        gtk_editable_set_text (GTK_EDITABLE (control), text ? text : "");
    }
  row->showing = FALSE;
}

/* Settled once the user chose between their change and a colleague's:
 * the control that was saved shows the record as it now stands. */
static void
conflict_settled (GtkWidget *widget, CmConflictOutcome outcome, CmEntity *record,
                  const GError *error, gpointer data)
{
  g_autoptr(GtkWidget) control = data;
  Row *row = g_object_get_data (G_OBJECT (widget), "row");

  row->asking = FALSE;
  if (outcome == CM_CONFLICT_SAVED || outcome == CM_CONFLICT_KEPT)
    {
      set_read_by (control, record);
      show_stored (row, control, record);
    }
  else if (outcome == CM_CONFLICT_FAILED)
    gtk_widget_activate_action (widget, "page.report", "s", error->message);
}

/* Asks the user about a colleague's change @refusal met saving @draft,
 * read as @original, from @control; FALSE for any other refusal. */
static gboolean
meet_conflict (GtkWidget *widget, GtkWidget *control, CmEntity *original, CmEntity *draft,
               const GError *refusal)
{
  Row *row = g_object_get_data (G_OBJECT (widget), "row");

  /* Set first: the conflict may be settled before the call returns. */
  row->asking = TRUE;
  if (cm_conflict_handle (widget, row->store, original, draft, refusal, save_item,
                          conflict_settled, g_object_ref (control)))
    return TRUE;
  row->asking = FALSE;
  g_object_unref (control);
  return FALSE;
}

/* Saves what @control edits, @property = @value, on a copy of the item as
 * the row showed it; FALSE after reporting why it could not, or while
 * asking the user what to do about a colleague's change it met. */
static gboolean
save (GtkWidget *widget, GtkWidget *control, const char *property, ...)
{
  Row *row = g_object_get_data (G_OBJECT (widget), "row");
  g_autoptr(CmEntity) original = NULL;
  g_autoptr(CmEntity) draft = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  /* The dialog takes the focus, and a date left that way would ask again. */
  if (row->asking)
    return FALSE;
  original = cm_conflict_copy_as_read (CM_ENTITY (row->item), read_by (control), property);
  draft = cm_entity_copy (original);
  va_start (args, property);
  g_object_set_valist (G_OBJECT (draft), property, args);
  va_end (args);
  if (save_item (row->store, draft, &error))
    {
      set_read_by (control, draft);
      return TRUE;
    }
  if (!meet_conflict (widget, control, original, draft, error))
    gtk_widget_activate_action (widget, "page.report", "s", error->message);
  return FALSE;
}

/* Not applicable, with the reason given, on the item as its state was
 * read; a colleague's change met is the conflict dialog's to settle.
 * Refused otherwise, the reason dialog asks again with the reason kept. */
static gboolean
not_applicable_reason (const char *reason, gpointer data, GError **error)
{
  GtkWidget *widget = data;
  Row *row = g_object_get_data (G_OBJECT (widget), "row");
  GtkWidget *control = GTK_WIDGET (row->state);
  g_autoptr(CmEntity) original =
    cm_conflict_copy_as_read (CM_ENTITY (row->item), read_by (control), "state");
  g_autoptr(CmEntity) draft = cm_entity_copy (original);
  g_autoptr(GError) refusal = NULL;

  g_object_set (draft, "state", CM_ITEM_STATE_NOT_APPLICABLE, "reason", reason, NULL);
  if (save_item (row->store, draft, &refusal))
    {
      set_read_by (control, draft);
      return TRUE;
    }
  if (meet_conflict (widget, control, original, draft, refusal))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&refusal));
  return FALSE;
}

/* Cancelled or saved, the choice shows the item's state. */
static void
not_applicable_done (gpointer data)
{
  GtkWidget *widget = data;
  Row *row = g_object_get_data (G_OBJECT (widget), "row");

  if (row)
    row->choosing = FALSE;
  /* A colleague's change met shows once the user chose about it. */
  if (row && !row->asking)
    gtk_drop_down_set_selected (row->state, cm_checklist_item_get_state (row->item));
  g_object_unref (widget);
}

static void
state_chosen (GtkDropDown *dropdown, GParamSpec *pspec, GtkWidget *widget)
{
  Row *row = g_object_get_data (G_OBJECT (widget), "row");
  CmItemState state = gtk_drop_down_get_selected (dropdown);
  g_autofree char *heading = NULL;

  if (row->showing || state == cm_checklist_item_get_state (row->item))
    return;
  if (state != CM_ITEM_STATE_NOT_APPLICABLE)
    {
      /* Left as chosen while the user is asked: the answer shows it. */
      if (!save (widget, GTK_WIDGET (dropdown), "state", state, NULL) && !row->asking)
        gtk_drop_down_set_selected (dropdown, cm_checklist_item_get_state (row->item));
      return;
    }
  /* Not applicable only with a reason: ask for it first. */
  row->choosing = TRUE;
  heading = g_strdup_printf (_("Why does “%s” not apply?"),
                             cm_checklist_item_get_title (row->item));
  cm_reason_dialog_ask_checked (widget, heading,
                                _("The reason is kept with the item and in the audit trail."),
                                _("Reason"), _("_Mark Not Applicable"), FALSE,
                                not_applicable_reason, g_object_ref (widget),
                                not_applicable_done);
}

static void
text_applied (AdwEntryRow *entry, GtkWidget *widget)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (save (widget, GTK_WIDGET (entry), property, text, NULL))
    cm_page_entry_row_stored (GTK_WIDGET (entry), text);
}

/* @control edits @property of the row's item, as read now. */
static void
follows (Row *row, GtkWidget *control, const char *property)
{
  g_object_set_data (G_OBJECT (control), "property", (gpointer) property);
  set_read_by (control, CM_ENTITY (row->item));
  g_ptr_array_add (row->controls, control);
}

static GtkWidget *
text_row (GtkWidget *expander, Row *row, const char *title, const char *property,
          gboolean editable)
{
  g_autofree char *value = NULL;
  GtkWidget *entry;

  g_object_get (row->item, property, &value, NULL);
  entry = cm_page_entry_row (title, value, editable);
  follows (row, entry, property);
  g_signal_connect (entry, "apply", G_CALLBACK (text_applied), expander);
  return entry;
}

/* Saved once the user is done with a readable date that differs from the
 * item's; not as the field is torn down with its page. */
static void
date_committed (CmDateEntry *entry, GtkWidget *widget)
{
  Row *row = g_object_get_data (G_OBJECT (widget), "row");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autofree char *stored = NULL;

  g_object_get (row->item, property, &stored, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (entry)) &&
      g_strcmp0 (stored ? stored : "", cm_date_entry_get_iso (entry)) != 0)
    save (widget, GTK_WIDGET (entry), property, cm_date_entry_get_iso (entry), NULL);
}

static GtkWidget *
date_row (GtkWidget *expander, Row *row, const char *title, const char *property,
          gboolean editable)
{
  GtkWidget *line = cm_page_text_row (title, NULL, NULL);
  g_autofree char *value = NULL;
  GtkWidget *entry;

  g_object_get (row->item, property, &value, NULL);
  entry = cm_date_entry_new (title, value);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (entry, editable);
  follows (row, entry, property);
  g_signal_connect (entry, "committed", G_CALLBACK (date_committed), expander);
  adw_action_row_add_suffix (ADW_ACTION_ROW (line), entry);
  return line;
}

/* "Done — Commissioning officer, 24 November 2026", from the audit trail;
 * "To do — due 1 December 2026" from the item. */
static char *
state_line (CmStore *store, CmChecklistItem *item, const GDate *today)
{
  CmItemState state = cm_checklist_item_get_state (item);
  const char *label = cm_enum_to_label (CM_TYPE_ITEM_STATE, state);
  g_autofree char *actor = NULL, *at = NULL;
  GDate due;

  if (state != CM_ITEM_STATE_TO_DO &&
      cm_store_last_change (store, CM_ENTITY (item), "state", &actor, &at))
    {
      g_autofree char *when = cm_date_format_moment (at);

      /* Translators: a step's state, who set it and when: "Done — Commissioning
       * officer, 24 November 2026" */
      return g_strdup_printf (_("%s — %s, %s"), label, actor, when);
    }
  if (state == CM_ITEM_STATE_TO_DO &&
      cm_date_parse_iso (cm_checklist_item_get_due_date (item), &due))
    {
      g_autofree char *when = cm_date_to_long (&due);

      if (g_date_compare (&due, today) < 0)
        /* Translators: a step's state and the day it was due: "To do — overdue
         * since 1 December 2026" */
        return g_strdup_printf (_("%s — overdue since %s"), label, when);
      /* Translators: a step's state and the day it is due: "To do — due 1
       * December 2026" */
      return g_strdup_printf (_("%s — due %s"), label, when);
    }
  return g_strdup (label);
}

static char *
status_line (CmStore *store, CmChecklistItem *item, const GDate *today)
{
  g_autofree char *line = state_line (store, item, today);

  if (cm_checklist_item_get_required (item))
    return g_steal_pointer (&line);
  /* Translators: a step the gate does not require, then its state: "Optional ·
   * To do — due 1 December 2026" */
  return g_strdup_printf (_("Optional · %s"), line);
}

static GtkWidget *
state_dropdown (Row *row, gboolean editable)
{
  g_autofree char *name = g_strdup_printf (_("State of “%s”"),
                                           cm_checklist_item_get_title (row->item));
  GtkWidget *dropdown = cm_page_enum_dropdown (CM_TYPE_ITEM_STATE,
                                               cm_checklist_item_get_state (row->item), name);

  gtk_widget_set_sensitive (dropdown, editable);
  follows (row, dropdown, "state");
  row->state = GTK_DROP_DOWN (dropdown);
  return dropdown;
}

/* Whether the user is busy with @control: typing in it, or choosing. */
static gboolean
is_busy (Row *row, GtkWidget *control)
{
  if (GTK_IS_DROP_DOWN (control))
    return row->asking || row->choosing;
  return cm_page_entry_row_is_edited (control) ||
         (gtk_widget_get_state_flags (control) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* A change to the live item, a colleague's or the row's own: each field
 * not being edited shows it, and is read anew; one being edited keeps
 * what was typed, and the version it was read at, for its save to meet
 * the change. The row stays, so the page made again keeps it. */
static void
item_changed (CmChecklistItem *item, GParamSpec *pspec, GtkWidget *widget)
{
  Row *row = g_object_get_data (G_OBJECT (widget), "row");
  g_autofree char *status = NULL;

  for (guint i = 0; i < row->controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (row->controls, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (control), "property"), pspec->name) == 0 &&
          !is_busy (row, control))
        {
          show_stored (row, control, CM_ENTITY (item));
          set_read_by (control, CM_ENTITY (item));
        }
    }
  if (g_strcmp0 (pspec->name, "state") == 0)
    gtk_widget_set_visible (row->reason,
                            cm_checklist_item_get_state (item) == CM_ITEM_STATE_NOT_APPLICABLE);
  if (g_strv_contains ((const char * const[]) { "state", "due-date", "required", NULL },
                       pspec->name))
    {
      status = status_line (row->store, item, &row->today);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (widget), status);
    }
}

GtkWidget *
cm_checklist_row_new (CmStore *store, CmChecklistItem *item, gboolean editable,
                      const GDate *today)
{
  GtkWidget *expander = adw_expander_row_new ();
  Row *row = g_new0 (Row, 1);
  g_autofree char *status = status_line (store, item, today);

  row->store = g_object_ref (store);
  row->item = g_object_ref (item);
  row->today = *today;
  row->controls = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (expander), "row", row, row_free);
  /* Which item it edits, for a page telling it from another. */
  g_object_set_data_full (G_OBJECT (expander), "cm-fingerprint", cm_checklist_row_key (item),
                          g_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), cm_checklist_item_get_title (item));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), status);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), state_dropdown (row, editable));
  g_signal_connect (row->state, "notify::selected", G_CALLBACK (state_chosen), expander);

  if (*cm_checklist_item_get_guidance (item))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              cm_page_text_row (_("Guidance"),
                                                cm_checklist_item_get_guidance (item), NULL));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            text_row (expander, row, _("Evidence (a note or document reference)"),
                                      "evidence", editable));
  /* Made hidden too: a colleague's change may call for it. */
  row->reason = text_row (expander, row, _("Why it does not apply"), "reason", editable);
  gtk_widget_set_visible (row->reason,
                          cm_checklist_item_get_state (item) == CM_ITEM_STATE_NOT_APPLICABLE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row->reason);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            text_row (expander, row, _("Owner"), "owner", editable));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            date_row (expander, row, _("Due date"), "due-date", editable));
  g_signal_connect_object (item, "notify", G_CALLBACK (item_changed), expander, 0);
  return expander;
}
