/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-steps.c: the steps of the EIA page, each a column of groups */
#include <glib/gi18n.h>

#include "cm-bound.h"
#include "cm-date.h"
#include "cm-eia-steps.h"
#include "cm-mnemonic-button.h"
#include "cm-page-parts.h"
#include "cm-reason-dialog.h"
#include "cm-status-page.h"

static GtkWidget *
column (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
}

static void
add (GtkWidget *group, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static gint64
eia_id (CmEiaStep *step)
{
  return cm_entity_get_id (CM_ENTITY (step->eia));
}

/* ---- screening -------------------------------------------------------- */

static char *
training_text (CmEiaStep *step, gint64 staff_id)
{
  CmStaff *staff = CM_STAFF (cm_store_find (step->store, CM_TYPE_STAFF, staff_id));
  GDate due;
  g_autofree char *when = NULL;

  if (staff == NULL)
    return g_strdup (_("Choose from the commissioning staff"));
  switch (cm_staff_training (staff, &step->today, &due))
    {
    case CM_TRAINING_CURRENT:
      when = cm_date_to_long (&due);
      return g_strdup_printf (_("EIA training in date until %s"), when);
    case CM_TRAINING_OUT_OF_DATE:
      when = cm_date_to_long (&due);
      return g_strdup_printf (_("⚠ EIA training out of date since %s"), when);
    case CM_TRAINING_MISSING:
    default:
      return g_strdup (_("⚠ No EIA training recorded"));
    }
}

static GtkWidget *
proposal_group (CmEiaStep *step)
{
  GtkWidget *g = cm_page_group (_("Proposal"), NULL);
  GtkWidget *author = cm_bound_reference_row (step->store, CM_ENTITY (step->eia), "author-id",
                                              _("Author"), CM_TYPE_STAFF, step->editable);
  g_autofree char *training = training_text (step, cm_eia_get_author_id (step->eia));

  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (author), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (author), training);
  add (g, cm_bound_entry_row (step->store, CM_ENTITY (step->eia), "proposal",
                              _("The proposal or decision assessed"), step->editable));
  add (g, author);
  return g;
}

static GtkWidget *
aims_group (CmEiaStep *step)
{
  GtkWidget *g = cm_page_group (_("Aims of the Public Sector Equality Duty Engaged"),
                                _("Equality Act 2010, section 149."));
  static const struct { const char *property; const char *title; } aims[] = {
    { "aim-discrimination", N_("Eliminate discrimination, harassment and victimisation") },
    { "aim-opportunity", N_("Advance equality of opportunity") },
    { "aim-relations", N_("Foster good relations") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aims); i++)
    add (g, cm_bound_switch_row (step->store, CM_ENTITY (step->eia), aims[i].property,
                                 _(aims[i].title), step->editable));
  return g;
}

static void
choice_made (GtkDropDown *choice, GParamSpec *pspec, GtkWidget *reason)
{
  GtkWidget *expander = gtk_widget_get_ancestor (reason, ADW_TYPE_EXPANDER_ROW);

  if (gtk_drop_down_get_selected (choice) == 0 || !GTK_IS_EDITABLE (reason) ||
      *gtk_editable_get_text (GTK_EDITABLE (reason)))
    return;
  if (expander)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (reason);
}

/* Once a choice is made, the keyboard moves on to the reason it needs. */
static void
follow_with_reason (GtkWidget *choice, GtkWidget *reason)
{
  g_signal_connect_object (choice, "notify::selected", G_CALLBACK (choice_made), reason,
                           G_CONNECT_AFTER);
}

static GtkWidget *
screening_row (CmEiaStep *step, CmEiaCharacteristic *c)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *name = cm_eia_characteristic_get_name (c);
  const char *reason = cm_eia_characteristic_get_screening_reason (c);
  g_autofree char *accessible = g_strdup_printf (_("Relevance of “%s”"), name);
  g_autofree char *reason_title = g_strdup_printf (_("Why “%s” is or is not relevant"), name);
  g_autofree char *subtitle = g_strdup_printf (*reason ? "%s: %s" : "%s",
                                               cm_enum_to_label (CM_TYPE_RELEVANCE,
                                                                 cm_eia_characteristic_get_relevance (c)),
                                               reason);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  GtkWidget *choice = cm_bound_dropdown (step->store, CM_ENTITY (c), "relevance", accessible,
                                         step->editable);
  GtkWidget *why = cm_bound_entry_row (step->store, CM_ENTITY (c), "screening-reason",
                                       reason_title, step->editable);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), choice);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), why);
  follow_with_reason (choice, why);
  return row;
}

static GtkWidget *
characteristics_group (CmEiaStep *step, GPtrArray *list)
{
  GtkWidget *g = cm_page_group (_("Characteristics"),
                                _("Is each relevant to the proposal? Give a reason either way."));

  for (guint i = 0; i < list->len; i++)
    add (g, screening_row (step, g_ptr_array_index (list, i)));
  return g;
}

static GtkWidget *
outcome_group (CmEiaStep *step, GPtrArray *list)
{
  GtkWidget *g = cm_page_group (_("Outcome"), NULL);
  GtkWidget *outcome = cm_page_text_row (_("Screening outcome"), NULL, NULL);
  GtkWidget *choice, *why;
  guint relevant = 0;
  g_autofree char *hint = NULL;

  for (guint i = 0; i < list->len; i++)
    relevant += cm_eia_characteristic_get_relevance (g_ptr_array_index (list, i))
                == CM_RELEVANCE_RELEVANT;
  hint = relevant
         ? g_strdup_printf (ngettext ("%u characteristic is relevant, so a full assessment "
                                      "is usually needed.",
                                      "%u characteristics are relevant, so a full assessment "
                                      "is usually needed.", relevant), relevant)
         : g_strdup (_("No characteristic is marked relevant yet."));
  choice = cm_bound_dropdown (step->store, CM_ENTITY (step->eia), "outcome",
                              _("Screening outcome"), step->editable);
  why = cm_bound_entry_row (step->store, CM_ENTITY (step->eia), "outcome-reason",
                            _("Reason for the outcome"), step->editable);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (outcome), hint);
  adw_action_row_add_suffix (ADW_ACTION_ROW (outcome), choice);
  add (g, outcome);
  add (g, why);
  follow_with_reason (choice, why);
  return g;
}

GtkWidget *
cm_eia_step_screening (CmEiaStep *step)
{
  g_autoptr(GPtrArray) list = cm_eia_characteristics (step->store, eia_id (step));
  GtkWidget *box = column ();

  gtk_box_append (GTK_BOX (box), proposal_group (step));
  gtk_box_append (GTK_BOX (box), aims_group (step));
  gtk_box_append (GTK_BOX (box), characteristics_group (step, list));
  gtk_box_append (GTK_BOX (box), outcome_group (step, list));
  return box;
}

/* ---- assessment ------------------------------------------------------- */

typedef struct {
  CmEiaStep *step;
  gint64 characteristic_id;
} NewAction;

static void
action_described (const char *description, gpointer data)
{
  NewAction *request = data;
  g_autoptr(CmEiaMitigation) action = NULL;
  g_autoptr(GError) error = NULL;

  if (description)
    {
      action = cm_eia_mitigation_new (request->characteristic_id, description, "", "");
      if (!cm_store_save (request->step->store, CM_ENTITY (action), &error))
        gtk_widget_activate_action (request->step->page, "page.report", "s", error->message);
    }
  g_free (request);
}

static void
add_action_clicked (GtkButton *button, CmEiaStep *step)
{
  NewAction *request = g_new0 (NewAction, 1);

  request->step = step;
  request->characteristic_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  cm_reason_dialog_ask (step->page, _("Add a Mitigating Action"),
                        _("Say what will be done. Give its owner and due date on its row."),
                        _("Action"), _("_Add"), FALSE, action_described, request);
}

/* An action's rows: what, who, when, and how far it has got. */
static void
add_mitigation_rows (CmEiaStep *step, GtkWidget *expander, CmEiaMitigation *m)
{
  const char *what = cm_eia_mitigation_get_description (m);
  GtkWidget *row = cm_page_text_row (_("Mitigating action"), what, "emblem-important-symbolic");
  g_autofree char *status_name = g_strdup_printf (_("Progress of “%s”"), what);
  g_autofree char *owner = g_strdup_printf (_("Owner of “%s”"), what);
  g_autofree char *due = g_strdup_printf (_("Due date of “%s”"), what);

  /* Progress is recorded after sign-off too. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cm_bound_dropdown (step->store, CM_ENTITY (m), "status",
                                                status_name, TRUE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            cm_bound_entry_row (step->store, CM_ENTITY (m), "owner", owner,
                                                step->editable));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            cm_bound_date_row (step->store, CM_ENTITY (m), "due-date", due,
                                               step->editable));
}

static GtkWidget *
impact_row (CmEiaStep *step, CmEiaCharacteristic *c)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *name = cm_eia_characteristic_get_name (c);
  g_autofree char *accessible = g_strdup_printf (_("Impact on “%s”"), name);
  g_autofree char *evidence_title = g_strdup_printf (_("Evidence of the impact on “%s”"), name);
  g_autoptr(GPtrArray) actions = cm_eia_mitigations (step->store, cm_entity_get_id (CM_ENTITY (c)));
  g_autofree char *subtitle =
    g_strdup_printf (ngettext ("%s impact · %u mitigating action", "%s impact · %u mitigating actions",
                               actions->len),
                     cm_enum_to_label (CM_TYPE_IMPACT, cm_eia_characteristic_get_impact (c)),
                     actions->len);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               cm_bound_dropdown (step->store, CM_ENTITY (c), "impact",
                                                  accessible, step->editable));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            cm_bound_entry_row (step->store, CM_ENTITY (c), "evidence",
                                                evidence_title, step->editable));
  for (guint i = 0; i < actions->len; i++)
    add_mitigation_rows (step, row, g_ptr_array_index (actions, i));
  if (step->editable)
    {
      g_autofree char *label = g_strdup_printf (_("Add an action for “%s”…"), name);
      GtkWidget *button = cm_mnemonic_button_new (label, NULL);
      GtkWidget *button_row = gtk_list_box_row_new ();

      g_object_set_data (G_OBJECT (button), "id",
                         GSIZE_TO_POINTER (cm_entity_get_id (CM_ENTITY (c))));
      g_signal_connect (button, "clicked", G_CALLBACK (add_action_clicked), step);
      gtk_widget_add_css_class (button, "flat");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (button_row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (button_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), button_row);
    }
  return row;
}

GtkWidget *
cm_eia_step_assessment (CmEiaStep *step)
{
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *box, *g;
  guint relevant = 0;

  if (cm_eia_get_outcome (step->eia) != CM_EIA_OUTCOME_FULL_ASSESSMENT)
    return cm_status_page_new ("emblem-documents-symbolic", _("No Full Assessment"),
                               cm_eia_get_outcome (step->eia) == CM_EIA_OUTCOME_UNDECIDED
                               ? _("Finish the screening first: its outcome says whether a "
                                   "full assessment is needed.")
                               : _("The screening decided that no full assessment is needed."),
                               NULL);
  list = cm_eia_characteristics (step->store, eia_id (step));
  box = column ();
  g = cm_page_group (_("Impacts"),
                     _("For each relevant characteristic: the impact, its evidence and, for a "
                       "negative impact, the actions that lessen it; an impact still unknown "
                       "needs an action to gather the evidence. Every action has an owner and "
                       "a due date."));
  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);

      if (cm_eia_characteristic_get_relevance (c) != CM_RELEVANCE_RELEVANT)
        continue;
      relevant++;
      add (g, impact_row (step, c));
    }
  if (relevant == 0)
    add (g, cm_page_text_row (_("No characteristic was screened as relevant"),
                              _("Mark the relevant ones in the screening step."), NULL));
  gtk_box_append (GTK_BOX (box), g);
  return box;
}

/* ---- summary ---------------------------------------------------------- */

static char *
summary_text (CmEiaStep *step, CmEiaCharacteristic *c)
{
  g_autoptr(GPtrArray) actions = NULL;
  guint done = 0;

  if (cm_eia_characteristic_get_relevance (c) != CM_RELEVANCE_RELEVANT)
    return g_strdup_printf (_("%s: %s"),
                            cm_enum_to_label (CM_TYPE_RELEVANCE,
                                              cm_eia_characteristic_get_relevance (c)),
                            cm_eia_characteristic_get_screening_reason (c));
  actions = cm_eia_mitigations (step->store, cm_entity_get_id (CM_ENTITY (c)));
  for (guint i = 0; i < actions->len; i++)
    done += cm_eia_mitigation_get_status (g_ptr_array_index (actions, i)) == CM_MITIGATION_DONE;
  return g_strdup_printf (ngettext ("%s impact · %u action, %u done · %s",
                                    "%s impact · %u actions, %u done · %s", actions->len),
                          cm_enum_to_label (CM_TYPE_IMPACT, cm_eia_characteristic_get_impact (c)),
                          actions->len, done, cm_eia_characteristic_get_evidence (c));
}

GtkWidget *
cm_eia_step_summary (CmEiaStep *step)
{
  g_autoptr(GPtrArray) list = cm_eia_characteristics (step->store, eia_id (step));
  GtkWidget *g = cm_page_group (_("Impacts by Characteristic"),
                                _("The screening and assessment at a glance."));

  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);
      g_autofree char *text = summary_text (step, c);
      CmImpact impact = cm_eia_characteristic_get_impact (c);
      gboolean relevant = cm_eia_characteristic_get_relevance (c) == CM_RELEVANCE_RELEVANT;

      add (g, cm_page_text_row (cm_eia_characteristic_get_name (c), text,
                                !relevant ? NULL
                                : impact == CM_IMPACT_NEGATIVE ? "dialog-warning-symbolic"
                                : impact == CM_IMPACT_POSITIVE ? "emblem-ok-symbolic"
                                                               : "dialog-question-symbolic"));
    }
  return g;
}
