/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-decommission.c: a service's decommissioning, or starting it */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-decision-evidence.h"
#include "cm-decommission-checks.h"
#include "cm-decommission-page.h"
#include "cm-decommissioning.h"
#include "cm-reason-dialog.h"
#include "cm-service-contracts.h"
#include "cm-service-decommission.h"

struct _CmServiceDecommission
{
  CmServiceSection parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (CmServiceDecommission, cm_service_decommission, CM_TYPE_SERVICE_SECTION)

static void
open_clicked (GtkButton *button, CmServiceSection *self)
{
  gboolean audit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "audit"));

  cm_service_section_open (self, g_object_get_data (G_OBJECT (button), "decommission"), audit);
}

static GtkWidget *
open_button (CmServiceSection *self, CmDecommission *d, const char *mnemonic, const char *name,
             gboolean audit)
{
  GtkWidget *button = cm_service_section_row_button (mnemonic, name);

  g_object_set_data_full (G_OBJECT (button), "decommission", g_object_ref (d), g_object_unref);
  g_object_set_data (G_OBJECT (button), "audit", GINT_TO_POINTER (audit));
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked), self);
  return button;
}

/* ---- what holds completion, each with what settles it ---------------- */

static void
open_record_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_section_open (self, g_object_get_data (G_OBJECT (button), "record"), FALSE);
}

/* The window shows the decommission's page in one of the stacks around
 * this section: once it does, the page moves to @step. */
static void
open_at (CmServiceSection *self, CmEntity *record, CmDecommissionStep step)
{
  cm_service_section_open (self, record, FALSE);
  for (GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_STACK); stack;
       stack = gtk_widget_get_parent (stack)
               ? gtk_widget_get_ancestor (gtk_widget_get_parent (stack), GTK_TYPE_STACK) : NULL)
    {
      GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (stack));

      if (CM_IS_DECOMMISSION_PAGE (shown))
        {
          cm_decommission_page_show_step (CM_DECOMMISSION_PAGE (shown), step);
          return;
        }
    }
}

static void
open_steps_clicked (GtkButton *button, CmServiceSection *self)
{
  open_at (self, g_object_get_data (G_OBJECT (button), "record"), CM_DECOMMISSION_STEP_STEPS);
}

static void
open_moves_clicked (GtkButton *button, CmServiceSection *self)
{
  open_at (self, g_object_get_data (G_OBJECT (button), "record"), CM_DECOMMISSION_STEP_PEOPLE);
}

static void
edit_contract_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_section_edit (self, "contracts", g_object_get_data (G_OBJECT (button), "record"));
}

static void
notice_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_contracts_ask_notice (self, g_object_get_data (G_OBJECT (button), "record"));
}

/* A row saying what holds completion, with the button that settles it. */
static void
add_unmet (CmServiceSection *self, const char *problem, CmEntity *record, const char *mnemonic,
           const char *name, GCallback clicked)
{
  GtkWidget *row = cm_service_section_add_text (self, _("Holds completion"), problem,
                                                "dialog-warning-symbolic");
  GtkWidget *button = cm_service_section_row_button (mnemonic, name);

  g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (button, "clicked", clicked, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/* A contract's check: its dates to fill in, its notice to record, or
 * the contract itself, which has still to end. */
static void
add_contract_check (CmServiceSection *self, CmDecommissionCheck *check)
{
  CmEntity *contract = cm_store_find (cm_service_section_get_store (self), CM_TYPE_CONTRACT,
                                      check->contract_id);
  const char *reference;
  g_autofree char *name = NULL;

  if (contract == NULL)
    return;
  reference = cm_contract_get_reference (CM_CONTRACT (contract));
  switch (check->kind)
    {
    case CM_DECOMMISSION_CHECK_CONTRACT_DATES:
      name = g_strdup_printf (_("Edit contract %s to record its dates"), reference);
      add_unmet (self, check->problem, contract, _("_Edit Contract…"), name,
                 G_CALLBACK (edit_contract_clicked));
      break;
    case CM_DECOMMISSION_CHECK_NOTICE:
      name = g_strdup_printf (_("Record notice served on %s for the decommissioning"),
                              reference);
      add_unmet (self, check->problem, contract, _("Record _Notice Served…"), name,
                 G_CALLBACK (notice_clicked));
      break;
    default:
      name = g_strdup_printf (_("Open contract %s, which has not ended"), reference);
      add_unmet (self, check->problem, contract, _("Open _Contract"), name,
                 G_CALLBACK (open_record_clicked));
    }
}

/* The steps and the people's moves are settled on the decommission's
 * own page; the steps read as one row. */
static void
add_checks (CmServiceSection *self, CmDecommission *d)
{
  g_autoptr(GPtrArray) checks = cm_decommission_checks (cm_service_section_get_store (self), d,
                                                        cm_service_section_get_today (self));
  g_autoptr(GString) steps = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      CmDecommissionCheck *check = g_ptr_array_index (checks, i);

      if (check->kind == CM_DECOMMISSION_CHECK_STEP)
        g_string_append_printf (steps, "%s%s", steps->len ? "\n" : "", check->problem);
    }
  if (steps->len)
    add_unmet (self, steps->str, CM_ENTITY (d), _("Open _Steps"),
               _("Open the decommissioning’s steps"), G_CALLBACK (open_steps_clicked));
  for (guint i = 0; i < checks->len; i++)
    {
      CmDecommissionCheck *check = g_ptr_array_index (checks, i);

      if (check->kind == CM_DECOMMISSION_CHECK_MOVES)
        add_unmet (self, check->problem, CM_ENTITY (d), _("Open _Moves"),
                   _("Open the decommissioning’s moves to other support"),
                   G_CALLBACK (open_moves_clicked));
      else if (check->kind != CM_DECOMMISSION_CHECK_STEP)
        add_contract_check (self, check);
    }
}

/* A decision not informed by a signed EIA: the EIA to sign off, or the
 * decision, where its EIA is chosen or it is let stand with a reason. */
static void
add_evidence (CmServiceSection *self, CmDecommission *d)
{
  g_autoptr(CmDecisionEvidence) evidence =
    cm_decision_evidence_of_decommission (cm_service_section_get_store (self), d);
  GtkWidget *row, *button;

  if (evidence == NULL || evidence->problem == NULL || *evidence->override)
    return;
  row = cm_service_section_add_text (self, _("⚠ Not informed by a signed EIA before it"),
                                     evidence->problem, "dialog-warning-symbolic");
  if (evidence->eia && !cm_eia_get_signed (evidence->eia))
    {
      g_autofree char *name = g_strdup_printf (_("Open version %d of the EIA to sign it off"),
                                               cm_eia_get_version (evidence->eia));

      button = cm_service_section_row_button (_("Open EIA to Si_gn Off"), name);
      g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (evidence->eia),
                              g_object_unref);
    }
  else
    {
      button = cm_service_section_row_button (_("Open the _Decision"),
                                              _("Open the decision to decommission, to choose "
                                                "its EIA or let it stand"));
      g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (d), g_object_unref);
    }
  g_signal_connect (button, "clicked", G_CALLBACK (open_record_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
refresh (CmServiceSection *section)
{
  CmServiceDecommission *self = CM_SERVICE_DECOMMISSION (section);
  g_autoptr(CmDecommission) d =
    cm_decommission_for_service (cm_service_section_get_store (section),
                                 cm_service_section_get_service_id (section));
  g_autofree char *state = NULL;
  GtkWidget *row;

  gtk_widget_set_visible (self->start_button, d == NULL);
  if (d == NULL)
    return;
  if (*cm_decommission_get_completed_on (d))
    {
      g_autofree char *on = cm_date_format_long (cm_decommission_get_completed_on (d));

      state = g_strdup_printf (_("Completed on %s"), on);
    }
  else
    state = g_strdup (_("In progress: its steps, notice and each person’s move to other "
                        "support are on its page."));
  row = cm_service_section_add_text (section, cm_decommission_get_reason (d), state, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             open_button (section, d, _("A_udit Trail"),
                                          _("Audit Trail of the decommissioning"), TRUE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             open_button (section, d, _("Open De_commissioning"),
                                          _("Open Decommissioning"), FALSE));
  if (*cm_decommission_get_completed_on (d))
    return;
  add_evidence (section, d);
  add_checks (section, d);
}

static void
reason_given (const char *reason, gpointer data)
{
  CmServiceSection *self = data;
  CmService *service = cm_service_section_get_service (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmDecommission) started = NULL;

  if (reason && service)
    {
      started = cm_decommission_start (cm_service_section_get_store (self), service, reason,
                                       FALSE, &error);
      if (started == NULL)
        cm_service_section_report (self, error->message);
      else
        cm_service_section_open (self, CM_ENTITY (started), FALSE);
    }
  g_object_unref (self);
}

static void
start_clicked (CmServiceSection *self)
{
  cm_reason_dialog_ask (GTK_WIDGET (self), _("Decommission the Service?"),
                        _("Decommissioning opens for the service outside its Review, with its "
                          "steps, notice and transitions. Say why: it is kept in the history."),
                        _("Reason"), _("_Decommission"), TRUE, reason_given,
                        g_object_ref (self));
}

static void
cm_service_decommission_class_init (CmServiceDecommissionClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("The service is not being decommissioned.");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-decommission.ui");
  gtk_widget_class_bind_template_child (widget_class, CmServiceDecommission, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked);
}

static void
cm_service_decommission_init (CmServiceDecommission *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
