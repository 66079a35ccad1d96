/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-sign-off-step.c: the EIA page's sign-off, versions and review */
#include <glib/gi18n.h>

#include "cm-bound.h"
#include "cm-conflict-handle.h"
#include "cm-date.h"
#include "cm-eia-sign-off.h"
#include "cm-eia-steps.h"
#include "cm-mnemonic-button.h"
#include "cm-page-parts.h"
#include "cm-reason-dialog.h"
#include "cm-status-page.h"

static void
add (GtkWidget *group, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
show_version (CmEiaStep *step, gint64 id)
{
  gtk_widget_activate_action (step->page, "eia.show-version", "x", id);
}

/* ---- sign-off --------------------------------------------------------- */

/* Whether the signatory's EIA training was in date on the day they signed
 * (recommendation 3a), for reviewers reading the versions later. */
static const char *
training_when_signed (CmEiaStep *step, CmEia *eia)
{
  CmStaff *signatory = CM_STAFF (cm_store_find (step->store, CM_TYPE_STAFF,
                                                cm_eia_get_signatory_id (eia)));
  GDate on;

  if (signatory == NULL || !cm_date_parse_iso (cm_eia_get_signed_on (eia), &on))
    return _("signatory’s training unknown");
  switch (cm_staff_training (signatory, &on, NULL))
    {
    case CM_TRAINING_CURRENT:
      return _("EIA training in date when signed");
    case CM_TRAINING_OUT_OF_DATE:
      return _("⚠ EIA training out of date when signed");
    case CM_TRAINING_MISSING:
    default:
      return _("⚠ no EIA training recorded");
    }
}

static void
sign_clicked (GtkButton *button, CmEiaStep *step)
{
  cm_eia_sign_off_ask (step->page, step->store, step->eia, &step->today);
}

/* The assessment a new version is asked of, as the page showing it may be
 * made again before the user answers a conflict. */
typedef struct {
  CmStore *store;
  gint64 eia_id;
} NewVersion;

static void
new_version_free (gpointer data)
{
  NewVersion *ask = data;

  g_object_unref (ask->store);
  g_free (ask);
}

static void new_version_again (GtkWidget *page, gpointer data);

/* Starts a new version of the assessment as it now stands and shows it;
 * a colleague's change met on the way is asked about, with Try Again. */
static void
start_new_version (GtkWidget *page, CmStore *store, gint64 eia_id)
{
  CmEntity *eia = cm_store_find (store, CM_TYPE_EIA, eia_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEia) next = NULL;
  NewVersion *again;

  if (eia == NULL)
    return;
  next = cm_eia_new_version (store, CM_EIA (eia), &error);
  if (next)
    {
      gtk_widget_activate_action (page, "eia.show-version", "x",
                                  cm_entity_get_id (CM_ENTITY (next)));
      return;
    }
  again = g_new0 (NewVersion, 1);
  again->store = g_object_ref (store);
  again->eia_id = eia_id;
  if (!cm_conflict_handle_action (page, store, error, new_version_again, again,
                                  new_version_free))
    {
      new_version_free (again);
      gtk_widget_activate_action (page, "page.report", "s", error->message);
    }
}

static void
new_version_again (GtkWidget *page, gpointer data)
{
  NewVersion *ask = data;

  start_new_version (page, ask->store, ask->eia_id);
}

static void
new_version_clicked (GtkButton *button, CmEiaStep *step)
{
  start_new_version (step->page, step->store, cm_entity_get_id (CM_ENTITY (step->eia)));
}

static GtkWidget *
readiness_group (CmEiaStep *step)
{
  g_autoptr(GPtrArray) problems = cm_eia_sign_off_problems (step->store, step->eia);
  GtkWidget *g = cm_page_group (_("Ready to Sign Off?"), NULL);

  if (problems->len == 0)
    add (g, cm_page_text_row (_("Ready"), _("The screening and assessment are complete."),
                              "emblem-ok-symbolic"));
  for (guint i = 0; i < problems->len; i++)
    add (g, cm_page_text_row (_("Still to do"), g_ptr_array_index (problems, i),
                              "dialog-warning-symbolic"));
  return g;
}

static GtkWidget *
button_row (GtkWidget *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* Sign Off… takes no press while anything is still to do, and says why
 * beside it, so that nothing typed into a dialog is refused afterwards. */
static void
hold_until_ready (CmEiaStep *step, GtkWidget *button)
{
  g_autofree char *why = cm_eia_sign_off_held (step->store, step->eia, TRUE);
  GtkWidget *label;

  if (why == NULL)
    return;
  gtk_widget_set_sensitive (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  label = gtk_label_new (why);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (button)), label);
}

static GtkWidget *
unsigned_group (CmEiaStep *step)
{
  GtkWidget *g = cm_page_group (_("Sign-off"), _("Who signs, in what role. Their EIA "
                                                 "training is checked."));
  g_autoptr(GPtrArray) warnings =
    cm_eia_training_warnings (step->store, step->eia, cm_eia_get_signatory_id (step->eia),
                              &step->today);
  GtkWidget *sign_button = cm_mnemonic_button_new (_("_Sign Off…"), NULL);

  add (g, cm_bound_reference_row (step->store, CM_ENTITY (step->eia), "signatory-id",
                                  _("Signatory"), CM_TYPE_STAFF, TRUE));
  add (g, cm_bound_entry_row (step->store, CM_ENTITY (step->eia), "signatory-role",
                              _("Signatory’s role"), TRUE));
  for (guint i = 0; i < warnings->len; i++)
    add (g, cm_page_text_row (_("Training"), g_ptr_array_index (warnings, i),
                              "dialog-warning-symbolic"));
  gtk_widget_add_css_class (sign_button, "suggested-action");
  g_signal_connect (sign_button, "clicked", G_CALLBACK (sign_clicked), step);
  add (g, button_row (sign_button));
  hold_until_ready (step, sign_button);
  return g;
}

static GtkWidget *
signed_group (CmEiaStep *step)
{
  GtkWidget *g = cm_page_group (_("Signed Off"), NULL);
  g_autofree char *name = NULL, *role = NULL, *override = NULL;
  g_autofree char *on = cm_date_format_long (cm_eia_get_signed_on (step->eia));
  g_autofree char *who = NULL;
  GtkWidget *next = cm_mnemonic_button_new (_("Start a _New Version"), NULL);

  g_object_get (step->eia, "signatory-name", &name, "signatory-role", &role,
                "training-override", &override, NULL);
  who = g_strdup_printf (_("%s (%s), %s · %s"), name, role, on,
                         training_when_signed (step, step->eia));
  add (g, cm_page_text_row (_("Signed off by"), who, "emblem-ok-symbolic"));
  if (*override)
    add (g, cm_page_text_row (_("Signed off despite a training warning"), override,
                              "dialog-warning-symbolic"));
  g_signal_connect (next, "clicked", G_CALLBACK (new_version_clicked), step);
  add (g, button_row (next));
  return g;
}

/* ---- versions --------------------------------------------------------- */

static void
open_clicked (GtkButton *button, CmEiaStep *step)
{
  show_version (step, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")));
}

/* Every version of this EIA, oldest first: back along previous-id, then
 * forward to those that name a later one as previous. */
static GPtrArray *
versions (CmEiaStep *step)
{
  GPtrArray *chain = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = cm_store_list (step->store, CM_TYPE_EIA);
  CmEia *eia = step->eia;
  gboolean found = TRUE;

  for (; eia; eia = CM_EIA (cm_store_find (step->store, CM_TYPE_EIA, cm_eia_get_previous_id (eia))))
    g_ptr_array_insert (chain, 0, g_object_ref (eia));
  while (found)
    {
      gint64 last = cm_entity_get_id (g_ptr_array_index (chain, chain->len - 1));

      found = FALSE;
      for (guint i = 0; !found && i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(CmEia) later = g_list_model_get_item (all, i);

          if (cm_eia_get_previous_id (later) == last)
            {
              g_ptr_array_add (chain, g_steal_pointer (&later));
              found = TRUE;
            }
        }
    }
  return chain;
}

static char *
version_text (CmEiaStep *step, CmEia *older, CmEia *eia)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *who = NULL;

  if (cm_eia_get_signed (eia))
    {
      g_autofree char *on = cm_date_format_long (cm_eia_get_signed_on (eia));

      g_object_get (eia, "signatory-name", &who, NULL);
      g_string_printf (text, _("Signed off by %s on %s · %s"), who, on,
                       training_when_signed (step, eia));
    }
  else
    g_string_assign (text, _("Draft"));
  if (older)
    {
      g_autoptr(GPtrArray) changes = cm_eia_differences (step->store, older, eia);

      if (changes->len == 0)
        g_string_append (text, _("\nNo changes from the version before"));
      for (guint i = 0; i < changes->len; i++)
        g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (changes, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
versions_group (CmEiaStep *step)
{
  g_autoptr(GPtrArray) chain = versions (step);
  GtkWidget *g = cm_page_group (_("Versions"), _("Each version with its differences from the "
                                                 "one before."));

  for (guint i = 0; i < chain->len; i++)
    {
      CmEia *eia = g_ptr_array_index (chain, i);
      g_autofree char *title = g_strdup_printf (_("Version %d"), cm_eia_get_version (eia));
      g_autofree char *text = version_text (step, i ? g_ptr_array_index (chain, i - 1) : NULL,
                                            eia);
      GtkWidget *row = cm_page_text_row (title, text, NULL);

      if (cm_entity_get_id (CM_ENTITY (eia)) != cm_entity_get_id (CM_ENTITY (step->eia)))
        {
          g_autofree char *label = g_strdup_printf (_("Open version %d"),
                                                    cm_eia_get_version (eia));
          GtkWidget *open = cm_mnemonic_button_new (label, NULL);

          gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (open), "id",
                             GSIZE_TO_POINTER (cm_entity_get_id (CM_ENTITY (eia))));
          g_signal_connect (open, "clicked", G_CALLBACK (open_clicked), step);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
      add (g, row);
    }
  return g;
}

GtkWidget *
cm_eia_step_sign_off (CmEiaStep *step)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  if (!cm_eia_get_signed (step->eia))
    {
      gtk_box_append (GTK_BOX (box), readiness_group (step));
      gtk_box_append (GTK_BOX (box), unsigned_group (step));
    }
  else
    gtk_box_append (GTK_BOX (box), signed_group (step));
  gtk_box_append (GTK_BOX (box), versions_group (step));
  return box;
}

/* ---- the review after decommissioning --------------------------------- */

static GtkWidget *
predictions_group (CmEiaStep *step, GPtrArray *list)
{
  GtkWidget *g = cm_page_group (_("Did the Predicted Impacts Happen?"), NULL);

  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);
      const char *name = cm_eia_characteristic_get_name (c);
      g_autofree char *predicted = NULL;
      g_autofree char *question = NULL;
      GtkWidget *row;

      if (cm_eia_characteristic_get_relevance (c) != CM_RELEVANCE_RELEVANT)
        continue;
      predicted = g_strdup_printf (_("Predicted: %s impact"),
                                   cm_enum_to_label (CM_TYPE_IMPACT,
                                                     cm_eia_characteristic_get_impact (c)));
      question = g_strdup_printf (_("Did the impact on “%s” happen?"), name);
      row = cm_page_text_row (name, predicted, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 cm_bound_dropdown (step->store, CM_ENTITY (c), "happened",
                                                    question, TRUE));
      add (g, row);
    }
  return g;
}

static GtkWidget *
mitigations_group (CmEiaStep *step, GPtrArray *list)
{
  GtkWidget *g = cm_page_group (_("How Well Did the Mitigations Work?"),
                                _("Rate each from 1 (not at all) to 5 (fully); 0 is not rated."));

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(GPtrArray) actions =
        cm_eia_mitigations (step->store, cm_entity_get_id (g_ptr_array_index (list, i)));

      for (guint j = 0; j < actions->len; j++)
        {
          CmEiaMitigation *m = g_ptr_array_index (actions, j);
          const char *what = cm_eia_mitigation_get_description (m);
          g_autofree char *rating = g_strdup_printf (_("Effectiveness of “%s”"), what);
          g_autofree char *note = g_strdup_printf (_("Note on “%s”"), what);
          GtkWidget *row = cm_page_text_row (what, NULL, NULL);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     cm_bound_spin (step->store, CM_ENTITY (m), "effectiveness",
                                                    rating, 0, 5, TRUE));
          add (g, row);
          add (g, cm_bound_entry_row (step->store, CM_ENTITY (m), "effectiveness-note", note,
                                      TRUE));
        }
    }
  return g;
}

static GtkWidget *
lessons_group (CmEiaStep *step)
{
  GtkWidget *g = cm_page_group (_("Lessons"), _("Share what the review learned with the "
                                                "commissioning operational group (Leeds City "
                                                "Council Scrutiny Board inquiry into "
                                                "commissioning, 2017, recommendation 3)."));
  static const struct { const char *property; const char *title; } fields[] = {
    { "unpredicted-impacts", N_("Impacts nobody predicted") },
    { "lessons", N_("Lessons learned") },
    { "lessons-shared-with", N_("Where the lessons were shared") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add (g, cm_bound_entry_row (step->store, CM_ENTITY (step->eia), fields[i].property,
                                _(fields[i].title), TRUE));
  add (g, cm_bound_date_row (step->store, CM_ENTITY (step->eia), "reviewed-on",
                             _("Reviewed on"), TRUE));
  return g;
}

GtkWidget *
cm_eia_step_review (CmEiaStep *step)
{
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *box;

  if (!cm_eia_get_signed (step->eia))
    return cm_status_page_new ("emblem-documents-symbolic", _("Not Signed Off Yet"),
                               _("The review looks back, after the service is decommissioned, "
                                 "at what a signed-off assessment predicted."), NULL);
  list = cm_eia_characteristics (step->store, cm_entity_get_id (CM_ENTITY (step->eia)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (box), predictions_group (step, list));
  gtk_box_append (GTK_BOX (box), mitigations_group (step, list));
  gtk_box_append (GTK_BOX (box), lessons_group (step));
  return box;
}
