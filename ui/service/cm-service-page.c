/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-page.c: one service's commissioning cycle, and everything about it */
#include <glib/gi18n.h>

#include "cm-checklist.h"
#include "cm-checklist-row.h"
#include "cm-conflict-handle.h"
#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-date.h"
#include "cm-decision-evidence.h"
#include "cm-detail-page.h"
#include "cm-eia.h"
#include "cm-eia-process.h"
#include "cm-eia-sign-off.h"
#include "cm-gate.h"
#include "cm-mnemonic-button.h"
#include "cm-page-parts.h"
#include "cm-reason-dialog.h"
#include "cm-service-contracts.h"
#include "cm-service-decommission.h"
#include "cm-service-eia.h"
#include "cm-service-engagement.h"
#include "cm-service-history.h"
#include "cm-service-measures.h"
#include "cm-service-page.h"
#include "cm-service-risks.h"
#include "cm-succession.h"

struct _CmServicePage
{
  CmDetailPage parent_instance;

  CmStore *store;              /* borrowed from the detail page */
  GDate today;
  gint64 service_id;
  CmStage shown_stage;         /* whose checklist is shown */

  GtkWidget *heading;          /* the slots of the parts made in code */
  GtkWidget *stepper;
  GtkWidget *checklist;
  GtkWidget *gate;
  GtkWidget *history;
  CmServiceSection *contracts; /* the sections whose editors the gate opens */
  CmServiceSection *eia;
};

G_DEFINE_FINAL_TYPE (CmServicePage, cm_service_page, CM_TYPE_DETAIL_PAGE)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (CmServicePage *self, const char *message)
{
  cm_detail_page_report (CM_DETAIL_PAGE (self), message);
}

static CmService *
service (CmServicePage *self)
{
  return CM_SERVICE (cm_store_find (self->store, CM_TYPE_SERVICE, self->service_id));
}

/* ---- the stepper ------------------------------------------------------ */

static void
stage_toggled (GtkToggleButton *button, CmServicePage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->shown_stage = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));
  cm_detail_page_remake (CM_DETAIL_PAGE (self), self->checklist);
}

/* "current · 3 of 6 required done", or "overridden · 0 of 6 required
 * done: Board approved the options paper" */
static char *
step_text (CmServicePage *self, CmService *svc, CmStage stage, GPtrArray *history)
{
  CmGateSummary summary;

  cm_gate_summarise (self->store, svc, stage, history, &summary);
  return cm_gate_summary_text (&summary);
}

static GtkWidget *
stepper (CmServicePage *self, CmService *svc)
{
  CmPageStep steps[CM_STAGE_REVIEW + 1];
  g_autoptr(GPtrArray) history = cm_cycle_history (self->store, svc);

  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      steps[stage].title = cm_enum_to_label (CM_TYPE_STAGE, stage);
      steps[stage].detail = step_text (self, svc, stage, history);
      steps[stage].name = g_strdup_printf (_("Show the %s checklist"), steps[stage].title);
    }
  return cm_page_stepper (steps, G_N_ELEMENTS (steps), self->shown_stage,
                          G_CALLBACK (stage_toggled), self);
}

/* ---- the checklist ---------------------------------------------------- */

static void
item_titled (const char *title, gpointer data)
{
  CmServicePage *self = data;
  g_autoptr(GError) error = NULL;
  CmService *svc = service (self);

  if (title && svc && !cm_checklist_add_item (self->store, svc, title, TRUE, &error))
    report (self, error->message);
  g_object_unref (self);
}

static void
add_item_clicked (GtkButton *button, CmServicePage *self)
{
  cm_reason_dialog_ask (GTK_WIDGET (self), _("Add a Checklist Item"),
                        _("The item is required before the gate, like the template’s. Mark it "
                          "not applicable later if it turns out not to be needed."),
                        _("Title"), _("_Add"), FALSE, item_titled, g_object_ref (self));
}

static GtkWidget *
checklist (CmServicePage *self, CmService *svc)
{
  CmStage stage = self->shown_stage;
  gboolean editable = stage == cm_service_get_stage (svc);
  g_autoptr(GPtrArray) items =
    cm_checklist_items (self->store, self->service_id, cm_service_get_cycle (svc), stage);
  g_autofree char *title = g_strdup_printf (_("%s Checklist"),
                                            cm_enum_to_label (CM_TYPE_STAGE, stage));
  GtkWidget *g = cm_page_group (title, editable
                        ? _("Required items must be done, or not applicable with a reason, "
                            "before the service moves on.")
                        : _("Only the current stage’s checklist can be changed."));

  if (editable)
    {
      GtkWidget *add = cm_mnemonic_button_new (_("Add _Item…"), NULL);

      gtk_widget_add_css_class (add, "flat");
      g_signal_connect (add, "clicked", G_CALLBACK (add_item_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), add);
    }
  for (guint i = 0; i < items->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                               cm_checklist_row_new (self->store, g_ptr_array_index (items, i),
                                                     editable, &self->today));
  return g;
}

/* ---- the gate --------------------------------------------------------- */

typedef struct {
  CmServicePage *self;
  CmReviewDecision decision;   /* NONE: advance */
  char *reason;                /* as given, for Try Again */
} Step;

static Step *
step_new (CmServicePage *self, CmReviewDecision decision, const char *reason)
{
  Step *step = g_new0 (Step, 1);

  step->self = g_object_ref (self);
  step->decision = decision;
  step->reason = g_strdup (reason);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_object_unref (step->self);
  g_free (step->reason);
  g_free (step);
}

static gboolean
take_step (Step *step, const char *reason, GError **error)
{
  CmServicePage *self = step->self;
  CmService *svc = service (self);
  gboolean done;

  if (svc == NULL)
    return TRUE;
  done = step->decision == CM_REVIEW_DECISION_NONE
         ? cm_cycle_advance (self->store, svc, reason, error)
         : cm_cycle_decide (self->store, svc, step->decision, reason, error);
  /* The parts the step changed are made again once the store says so. */
  if (done)
    self->shown_stage = MIN (cm_service_get_stage (service (self)), CM_STAGE_REVIEW);
  return done;
}

static void step_again (GtkWidget *widget, gpointer data);

/* Met a colleague's change: the conflict dialog asks whether to take the
 * step again, with the same reason, on the service as it now stands. */
static gboolean
ask_about_step (Step *step, const char *reason, const GError *error)
{
  Step *again = step_new (step->self, step->decision, reason);

  if (cm_conflict_handle_action (GTK_WIDGET (step->self), step->self->store, error, step_again,
                                 again, step_free))
    return TRUE;
  step_free (again);
  return FALSE;
}

static void
step_again (GtkWidget *widget, gpointer data)
{
  Step *step = data;
  g_autoptr(GError) error = NULL;

  if (!take_step (step, step->reason, &error) && !ask_about_step (step, step->reason, error))
    report (step->self, error->message);
}

/* A refused step leaves the dialog open with the reason kept; one that
 * met a colleague's change closes it for the conflict dialog. */
static gboolean
step_reason (const char *reason, gpointer data, GError **error)
{
  Step *step = data;

  if (take_step (step, reason, error))
    return TRUE;
  if (!ask_about_step (step, reason, *error))
    return FALSE;
  g_clear_error (error);
  return TRUE;
}

static void
ask_step (CmServicePage *self, CmReviewDecision decision, const char *heading,
          const char *body, const char *accept, gboolean destructive)
{
  Step *step = step_new (self, decision, NULL);

  cm_reason_dialog_ask_checked (GTK_WIDGET (self), heading, body, _("Reason"), accept,
                                destructive, step_reason, step, step_free);
}

static void advance_clicked (GtkButton *button, CmServicePage *self);

static void
advance_again (GtkWidget *widget, gpointer data)
{
  advance_clicked (NULL, CM_SERVICE_PAGE (widget));
}

static void
advance_clicked (GtkButton *button, CmServicePage *self)
{
  CmService *svc = service (self);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (svc == NULL)
    return;
  problems = cm_gate_problems (self->store, svc);
  if (problems->len == 0)
    {
      if (cm_cycle_advance (self->store, svc, NULL, &error))
        self->shown_stage = MIN (cm_service_get_stage (service (self)), CM_STAGE_REVIEW);
      else if (!cm_conflict_handle_action (GTK_WIDGET (self), self->store, error, advance_again,
                                           NULL, NULL))
        report (self, error->message);
      return;
    }
  ask_step (self, CM_REVIEW_DECISION_NONE, _("Override the Gate?"),
            _("Required items are still open. The service can move on only with a reason, "
              "which is kept in its history and the audit trail."),
            _("_Override and Advance"), TRUE);
}

static void
decision_clicked (GtkButton *button, CmServicePage *self)
{
  CmReviewDecision decision = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "decision"));
  static const char *bodies[] = {
    NULL,
    N_("Each of the service’s contracts with an extension left takes its next one, and the "
       "service stays in Review."),
    N_("A new cycle starts at Analyse with a fresh checklist. This cycle’s history is kept."),
    N_("Decommissioning opens for the service. This cannot be undone from here."),
  };
  g_autofree char *heading = g_strdup_printf (_("%s the Service?"),
                                              cm_enum_to_label (CM_TYPE_REVIEW_DECISION,
                                                                decision));

  ask_step (self, decision, heading, _(bodies[decision]),
            cm_enum_to_label (CM_TYPE_REVIEW_DECISION, decision),
            decision == CM_REVIEW_DECISION_DECOMMISSION);
}

static GtkWidget *
decision_button (CmServicePage *self, const char *mnemonic, CmReviewDecision decision)
{
  GtkWidget *button = cm_mnemonic_button_new (mnemonic, NULL);

  g_object_set_data (G_OBJECT (button), "decision", GINT_TO_POINTER (decision));
  g_signal_connect (button, "clicked", G_CALLBACK (decision_clicked), self);
  return button;
}

/* The gate's conditions are met here, not on other pages. */
static void
add_contract_clicked (GtkButton *button, CmServicePage *self)
{
  g_autoptr(CmEntity) draft = g_object_new (CM_TYPE_CONTRACT, "service-id", self->service_id,
                                            NULL);

  cm_service_section_edit (self->contracts, "contracts", draft);
}

static void
start_eia_clicked (GtkButton *button, CmServicePage *self)
{
  cm_service_eia_start (CM_SERVICE_EIA (self->eia));
}

static void
open_eia_clicked (GtkButton *button, CmServicePage *self)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, g_object_get_data (G_OBJECT (button), "eia"),
                 FALSE);
}

static void
sign_eia_clicked (GtkButton *button, CmServicePage *self)
{
  cm_eia_sign_off_ask (GTK_WIDGET (self), self->store,
                       g_object_get_data (G_OBJECT (button), "eia"), &self->today);
}

/* This cycle's newest EIA, or NULL. */
static CmEia *
cycle_eia (CmServicePage *self, CmService *svc)
{
  GListModel *all = cm_store_list (self->store, CM_TYPE_EIA);
  CmEia *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmEia) eia = g_list_model_get_item (all, i);

      if (cm_eia_get_service_id (eia) == self->service_id &&
          cm_eia_get_cycle (eia) == cm_service_get_cycle (svc) &&
          (found == NULL || cm_eia_get_version (eia) > cm_eia_get_version (found)))
        g_set_object (&found, eia);
    }
  return found;
}

static void
append_condition_buttons (CmServicePage *self, CmService *svc, GtkWidget *box)
{
  CmStage stage = cm_service_get_stage (svc);
  GtkWidget *button = NULL;

  if (stage == CM_STAGE_DO && cm_service_get_contract_count (svc) == 0)
    {
      button = cm_mnemonic_button_new (_("Add _Contract…"), NULL);
      g_signal_connect (button, "clicked", G_CALLBACK (add_contract_clicked), self);
    }
  else if (stage == CM_STAGE_PLAN &&
           !cm_eia_signed_for_cycle (self->store, self->service_id, cm_service_get_cycle (svc)))
    {
      g_autoptr(CmEia) eia = cycle_eia (self, svc);
      g_autofree char *held = eia ? cm_eia_sign_off_held (self->store, eia, FALSE) : NULL;

      /* Signed here when nothing is still to do; else its page says what is. */
      button = cm_mnemonic_button_new (eia == NULL ? _("_Start EIA…")
                                       : held ? _("Open EIA to _Sign Off")
                                              : _("_Sign Off EIA…"), NULL);
      if (eia)
        g_object_set_data_full (G_OBJECT (button), "eia", g_object_ref (eia), g_object_unref);
      g_signal_connect (button, "clicked", eia == NULL ? G_CALLBACK (start_eia_clicked)
                                           : held ? G_CALLBACK (open_eia_clicked)
                                                  : G_CALLBACK (sign_eia_clicked), self);
    }
  if (button)
    gtk_box_append (GTK_BOX (box), button);
}

static GtkWidget *
gate_buttons (CmServicePage *self, CmService *svc, gboolean passes)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  CmStage stage = cm_service_get_stage (svc);

  gtk_widget_set_margin_top (box, 12);
  append_condition_buttons (self, svc, box);
  if (stage < CM_STAGE_REVIEW)
    {
      g_autofree char *label = g_strdup_printf (passes ? _("_Advance to %s") : _("_Advance to %s…"),
                                                cm_enum_to_label (CM_TYPE_STAGE, stage + 1));
      GtkWidget *advance = cm_mnemonic_button_new (label, NULL);

      gtk_widget_add_css_class (advance, passes ? "suggested-action" : "destructive-action");
      g_signal_connect (advance, "clicked", G_CALLBACK (advance_clicked), self);
      gtk_box_append (GTK_BOX (box), advance);
    }
  else
    {
      gtk_box_append (GTK_BOX (box), decision_button (self, _("_Extend…"),
                                                      CM_REVIEW_DECISION_EXTEND));
      gtk_box_append (GTK_BOX (box), decision_button (self, _("_Re-commission…"),
                                                      CM_REVIEW_DECISION_RECOMMISSION));
      gtk_box_append (GTK_BOX (box), decision_button (self, _("_Decommission…"),
                                                      CM_REVIEW_DECISION_DECOMMISSION));
    }
  return box;
}

static GtkWidget *
gate (CmServicePage *self, CmService *svc)
{
  CmStage stage = cm_service_get_stage (svc);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *title = NULL;
  GtkWidget *g;

  if (stage > CM_STAGE_REVIEW)
    {
      g = cm_page_group (_("Decommissioning"), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 cm_page_text_row (_("Decommissioning is open for this service"),
                                           _("Its Review decided to decommission it."),
                                           "dialog-information-symbolic"));
      return g;
    }
  problems = cm_gate_problems (self->store, svc);
  title = g_strdup_printf (_("Gate Out of %s"), cm_enum_to_label (CM_TYPE_STAGE, stage));
  g = cm_page_group (title, stage == CM_STAGE_REVIEW
                    ? _("Review closes with a decision: extend, re-commission or decommission.")
                    : NULL);
  if (problems->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                               cm_page_text_row (_("Ready"), _("Every required item is settled."),
                                         "emblem-ok-symbolic"));
  else
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u thing holds the gate",
                                                          "%u things hold the gate",
                                                          problems->len), problems->len);
      g_autofree char *list = NULL;

      g_ptr_array_add (problems, NULL);
      list = g_strjoinv ("\n", (char **) problems->pdata);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 cm_page_text_row (count, list, "dialog-warning-symbolic"));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             gate_buttons (self, svc, problems->len == 0));
  return g;
}

/* ---- the history ------------------------------------------------------ */

/* "Plan → Do", or "Review → Re-commission (cycle 2)" */
static char *
event_title (CmStageEvent *event)
{
  CmReviewDecision decision = cm_stage_event_get_decision (event);
  const char *from = cm_enum_to_label (CM_TYPE_STAGE, cm_stage_event_get_from_stage (event));
  g_autofree char *title = NULL;

  if (decision == CM_REVIEW_DECISION_NONE)
    title = g_strdup_printf (_("%s → %s"), from,
                             cm_enum_to_label (CM_TYPE_STAGE, cm_stage_event_get_to_stage (event)));
  else
    title = g_strdup_printf (_("%s → %s"), from,
                             cm_enum_to_label (CM_TYPE_REVIEW_DECISION, decision));
  if (cm_stage_event_get_overridden (event))
    return g_strdup_printf (_("%s (gate overridden)"), title);
  return g_steal_pointer (&title);
}

/* A re-commissioning decision's EIA, or why none came before it. */
static void
append_evidence (CmServicePage *self, CmStageEvent *event, GString *text)
{
  g_autoptr(CmDecisionEvidence) evidence = cm_decision_evidence_of_event (self->store, event);
  g_autofree char *on = NULL;

  if (evidence == NULL)
    return;
  if (evidence->problem)
    {
      g_string_append_printf (text, _("\n⚠ %s"), evidence->problem);
      if (*evidence->override)
        g_string_append_printf (text, _("\nIt stands because: %s"), evidence->override);
      return;
    }
  on = cm_date_format_long (cm_eia_get_signed_on (evidence->eia));
  g_string_append_printf (text, _("\nInformed by version %d of its EIA, signed off on %s"),
                          cm_eia_get_version (evidence->eia), on);
}

static char *
event_subtitle (CmServicePage *self, CmStageEvent *event)
{
  g_autofree char *actor = NULL, *at = NULL, *when = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (cm_store_last_change (self->store, CM_ENTITY (event), "to_stage", &actor, &at))
    {
      when = cm_date_format_moment (at);
      g_string_append_printf (text, _("Cycle %d · %s, %s"), cm_stage_event_get_cycle (event),
                              actor, when);
    }
  if (*cm_stage_event_get_reason (event))
    g_string_append_printf (text, _("\nWhy: %s"), cm_stage_event_get_reason (event));
  if (cm_stage_event_get_overridden (event))
    g_string_append_printf (text, _("\nOpen at the time: %s"),
                            cm_stage_event_get_open_items (event));
  append_evidence (self, event, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
history (CmServicePage *self, CmService *svc)
{
  g_autoptr(GPtrArray) events = cm_cycle_history (self->store, svc);
  GtkWidget *g = cm_page_group (_("Cycle History"), events->len == 0
                        ? _("Each step through a gate, and each Review decision, is listed "
                            "here with who took it, when and why.")
                        : NULL);

  for (guint i = events->len; i-- > 0;)
    {
      CmStageEvent *event = g_ptr_array_index (events, i);
      g_autofree char *title = event_title (event);
      g_autofree char *subtitle = event_subtitle (self, event);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 cm_page_text_row (title, subtitle,
                                           cm_stage_event_get_overridden (event)
                                           ? "dialog-warning-symbolic" : NULL));
    }
  return g;
}

/* ---- building --------------------------------------------------------- */

static void
section_open (CmServicePage *self, CmEntity *record, gboolean audit)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, record, audit);
}

static GtkWidget *
heading (CmServicePage *self, CmService *svc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *lead = NULL;
  g_autofree char *description = NULL;
  /* TRANSLATORS: under a service's name: "Community Committee: Inner East" */
  g_autofree char *committee =
    g_strdup_printf (_("Community Committee: %s"),
                     cm_enum_to_label (CM_TYPE_COMMUNITY_COMMITTEE,
                                       cm_service_get_community_committee (svc)));

  lead = cm_succession_service_commissioner (self->store, svc, &self->today);
  description = g_strdup_printf (_("Cycle %d · now in %s · lead commissioner: %s"),
                                 cm_service_get_cycle (svc),
                                 cm_enum_to_label (CM_TYPE_STAGE, cm_service_get_stage (svc)),
                                 lead ? lead : "");
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (cm_service_get_name (svc), "title-2"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (description, "dim-label"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (committee, "dim-label"));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  return box;
}

/* The parts worked out from several tables, each made again only when
 * one of them changes. */

static GtkWidget *
heading_part (CmDetailPage *page)
{
  CmService *svc = service (CM_SERVICE_PAGE (page));

  return svc ? heading (CM_SERVICE_PAGE (page), svc) : NULL;
}

static GtkWidget *
stepper_part (CmDetailPage *page)
{
  CmService *svc = service (CM_SERVICE_PAGE (page));

  return svc ? stepper (CM_SERVICE_PAGE (page), svc) : NULL;
}

static GtkWidget *
checklist_part (CmDetailPage *page)
{
  CmService *svc = service (CM_SERVICE_PAGE (page));

  return svc ? checklist (CM_SERVICE_PAGE (page), svc) : NULL;
}

static GtkWidget *
gate_part (CmDetailPage *page)
{
  CmService *svc = service (CM_SERVICE_PAGE (page));

  return svc ? gate (CM_SERVICE_PAGE (page), svc) : NULL;
}

static GtkWidget *
history_part (CmDetailPage *page)
{
  CmService *svc = service (CM_SERVICE_PAGE (page));

  return svc ? history (CM_SERVICE_PAGE (page), svc) : NULL;
}

static void
entity_set (CmDetailPage *page)
{
  CmServicePage *self = CM_SERVICE_PAGE (page);
  CmEntity *entity = cm_detail_page_get_entity (page);
  CmService *svc = CM_IS_SERVICE (entity) ? CM_SERVICE (entity) : NULL;

  /* Kept once the service is gone: the list goes back to where it was. */
  if (svc)
    self->service_id = cm_entity_get_id (entity);
  self->shown_stage = svc ? MIN (cm_service_get_stage (svc), CM_STAGE_REVIEW) : CM_STAGE_ANALYSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

static void
cm_service_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmEntity *entity = cm_detail_page_get_entity (CM_DETAIL_PAGE (object));

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, CM_IS_SERVICE (entity) ? entity : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_service_page_constructed (GObject *object)
{
  CmServicePage *self = CM_SERVICE_PAGE (object);
  const GDate *today = cm_detail_page_get_today (CM_DETAIL_PAGE (self));

  G_OBJECT_CLASS (cm_service_page_parent_class)->constructed (object);
  self->store = cm_detail_page_get_store (CM_DETAIL_PAGE (self));
  if (g_date_valid (today))
    self->today = *today;
}

static void
cm_service_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CM_TYPE_SERVICE_PAGE);

  G_OBJECT_CLASS (cm_service_page_parent_class)->dispose (object);
}

static void
cm_service_page_class_init (CmServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CmDetailPageClass *page_class = CM_DETAIL_PAGE_CLASS (klass);

  object_class->get_property = cm_service_page_get_property;
  object_class->constructed = cm_service_page_constructed;
  object_class->dispose = cm_service_page_dispose;
  page_class->entity_set = entity_set;
  page_class->empty_title = N_("No Service Chosen");
  page_class->empty_description = N_("Open a service from Services, the Overview or a "
                                     "deadline to see its cycle and its records.");

  /* The entity shown, as a service, for the sections of the template. */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, CM_TYPE_SERVICE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One of the service's records (a contract, its EIA, its decommission)
   * to show on its own page; a decommission at its audit trail when TRUE. */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, CM_TYPE_ENTITY, G_TYPE_BOOLEAN);

  g_type_ensure (CM_TYPE_SERVICE_CONTRACTS);
  g_type_ensure (CM_TYPE_SERVICE_EIA);
  g_type_ensure (CM_TYPE_SERVICE_RISKS);
  g_type_ensure (CM_TYPE_SERVICE_MEASURES);
  g_type_ensure (CM_TYPE_SERVICE_ENGAGEMENT);
  g_type_ensure (CM_TYPE_SERVICE_DECOMMISSION);
  g_type_ensure (CM_TYPE_SERVICE_HISTORY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, heading);
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, stepper);
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, checklist);
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, gate);
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, history);
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, contracts);
  gtk_widget_class_bind_template_child (widget_class, CmServicePage, eia);
  gtk_widget_class_bind_template_callback (widget_class, section_open);
}

static void
cm_service_page_init (CmServicePage *self)
{
  CmDetailPage *page = CM_DETAIL_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  cm_detail_page_add_part (page, self->heading, heading_part, "organisation staff");
  cm_detail_page_add_part (page, self->stepper, stepper_part,
                           "checklist_item stage_event eia contract");
  cm_detail_page_add_part (page, self->checklist, checklist_part, "checklist_item");
  cm_detail_page_add_part (page, self->gate, gate_part,
                           "checklist_item stage_event eia contract");
  cm_detail_page_add_part (page, self->history, history_part, "stage_event eia");
}

CmServicePage *
cm_service_page_new (CmStore *store, const GDate *today)
{
  return g_object_new (CM_TYPE_SERVICE_PAGE, "store", store, "today", today, NULL);
}

void
cm_service_page_show (CmServicePage *self, gint64 service_id)
{
  cm_detail_page_set_entity (CM_DETAIL_PAGE (self),
                             cm_store_find (self->store, CM_TYPE_SERVICE, service_id));
}

gint64
cm_service_page_get_service_id (CmServicePage *self)
{
  return self->service_id;
}
