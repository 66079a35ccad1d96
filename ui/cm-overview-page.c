/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview-page.c: the first page of a portfolio: stages, gates, what is overdue
 *
 * It is worked out again whenever the portfolio changes while the page is
 * on screen, and when it comes back on screen, never while hidden.
 */
#include <glib/gi18n.h>

#include "cm-cycle.h"
#include "cm-date.h"
#include "cm-decision-evidence.h"
#include "cm-eia-process.h"
#include "cm-eia-review.h"
#include "cm-gate.h"
#include "cm-mnemonic-button.h"
#include "cm-overview.h"
#include "cm-overview-page.h"
#include "cm-page-parts.h"
#include "cm-reason-dialog.h"
#include "cm-risk.h"
#include "cm-status-page.h"

struct _CmOverviewPage
{
  GtkWidget parent_instance;

  CmStore *store;
  GDate today;
  GtkScrolledWindow *scrolled;
};

G_DEFINE_FINAL_TYPE (CmOverviewPage, cm_overview_page, GTK_TYPE_WIDGET)

enum {
  OPEN_SERVICE,
  OPEN_EIA,
  OPEN_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
service_row_activated (AdwActionRow *row, CmOverviewPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "service-id");

  g_signal_emit (self, signals[OPEN_SERVICE], 0, *id);
}

/* A row that opens @service_id's cycle when activated. */
static GtkWidget *
service_row (CmOverviewPage *self, const char *title, const char *subtitle, gint64 service_id)
{
  GtkWidget *r = cm_page_text_row (title, subtitle, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (r), "service-id", g_memdup2 (&service_id, sizeof service_id),
                          g_free);
  g_signal_connect (r, "activated", G_CALLBACK (service_row_activated), self);
  return r;
}

/* "Ready to advance", or "3 things hold the gate: “Appraise the options” is not done." */
static char *
current_gate_text (CmServiceGate *gate)
{
  guint n = gate->problems->len;

  if (cm_service_get_stage (gate->service) > CM_STAGE_REVIEW)
    return g_strdup (_("Decommissioning"));
  if (n == 0)
    return g_strdup (_("Ready to advance"));
  return g_strdup_printf (ngettext ("%u thing holds the gate: %s", "%u things hold the gate: %s",
                                    n), n, (char *) g_ptr_array_index (gate->problems, 0));
}

/* The current gate, then a gate of this cycle passed by override and why:
 * "Ready to advance · Plan gate overridden: Board approved the paper". */
static char *
gate_text (CmOverviewPage *self, CmServiceGate *gate)
{
  g_autofree char *current = current_gate_text (gate);
  g_autoptr(GPtrArray) history = cm_cycle_history (self->store, gate->service);
  CmStageEvent *overridden = cm_gate_last_override (gate->service, history);

  if (overridden == NULL)
    return g_steal_pointer (&current);
  return g_strdup_printf (_("%s · %s gate overridden: %s"), current,
                          cm_enum_to_label (CM_TYPE_STAGE,
                                            cm_stage_event_get_from_stage (overridden)),
                          cm_stage_event_get_reason (overridden));
}

static GtkWidget *
stage_row (CmOverviewPage *self, CmStage stage, GPtrArray *gates)
{
  GtkWidget *expander = adw_expander_row_new ();
  guint ready = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < gates->len; i++)
    {
      CmServiceGate *gate = g_ptr_array_index (gates, i);
      g_autofree char *text = gate_text (self, gate);

      ready += gate->problems->len == 0;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                service_row (self, cm_service_get_name (gate->service), text,
                                             cm_entity_get_id (CM_ENTITY (gate->service))));
    }
  subtitle = stage > CM_STAGE_REVIEW
             ? g_strdup_printf (ngettext ("%u service", "%u services", gates->len), gates->len)
             : g_strdup_printf (ngettext ("%u service · %u ready to advance",
                                          "%u services · %u ready to advance", gates->len),
                                gates->len, ready);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 cm_enum_to_label (CM_TYPE_STAGE, stage));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  gtk_widget_set_sensitive (expander, gates->len > 0);
  return expander;
}

static GtkWidget *
stages_group (CmOverviewPage *self, CmOverview *overview)
{
  GtkWidget *g = cm_page_group (_("Services by Stage"), NULL);

  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_DECOMMISSIONING; stage++)
    if (stage <= CM_STAGE_REVIEW || overview->stages[stage]->len > 0)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 stage_row (self, stage, overview->stages[stage]));
  return g;
}

static GtkWidget *
held_group (CmOverviewPage *self, CmOverview *overview)
{
  GtkWidget *g = cm_page_group (_("Held at a Gate"),
                        overview->held->len == 0
                        ? _("No service is held: every one can move to its next stage.")
                        : _("These services cannot leave their stage until the items named "
                            "are settled, or the gate is overridden with a reason."));
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = g_strdup_printf (ngettext ("%u service held", "%u services held",
                                                      overview->held->len),
                                            overview->held->len);

  if (overview->held->len == 0)
    return g;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  for (guint i = 0; i < overview->held->len; i++)
    {
      CmServiceGate *gate = g_ptr_array_index (overview->held, i);
      g_autofree char *text = gate_text (self, gate);
      g_autofree char *subtitle =
        g_strdup_printf (_("%s · %s"), cm_enum_to_label (CM_TYPE_STAGE,
                                                         cm_service_get_stage (gate->service)),
                         text);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                service_row (self, cm_service_get_name (gate->service), subtitle,
                                             cm_entity_get_id (CM_ENTITY (gate->service))));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), expander);
  return g;
}

static void
deadlines_row_activated (AdwActionRow *r, CmOverviewPage *self)
{
  g_signal_emit (self, signals[OPEN_SECTION], 0, "deadlines");
}

static void
eia_row_activated (AdwActionRow *r, CmOverviewPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (r), "eia-id");

  g_signal_emit (self, signals[OPEN_EIA], 0, *id);
}

/* An EIA's mitigating action past its date; it opens the EIA. */
static GtkWidget *
action_row (CmOverviewPage *self, CmEiaMitigation *action)
{
  CmEiaCharacteristic *c = CM_EIA_CHARACTERISTIC (
    cm_store_find (self->store, CM_TYPE_EIA_CHARACTERISTIC,
                   cm_eia_mitigation_get_characteristic_id (action)));
  gint64 eia_id = cm_eia_characteristic_get_eia_id (c);
  CmEntity *eia = cm_store_find (self->store, CM_TYPE_EIA, eia_id);
  g_autofree char *service = NULL;
  g_autofree char *due = cm_date_format_long (cm_eia_mitigation_get_due_date (action));
  g_autofree char *subtitle = NULL;
  GtkWidget *r;

  g_object_get (eia, "service-name", &service, NULL);
  subtitle = g_strdup_printf (_("EIA of %s · %s · overdue since %s"), service,
                              cm_eia_characteristic_get_name (c), due);
  r = cm_page_text_row (cm_eia_mitigation_get_description (action), subtitle, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (r), "eia-id", g_memdup2 (&eia_id, sizeof eia_id), g_free);
  g_signal_connect (r, "activated", G_CALLBACK (eia_row_activated), self);
  return r;
}

static void
overdue_reviews (CmOverviewPage *self, CmOverview *overview, GtkWidget *g)
{
  for (guint i = 0; i < overview->overdue_reviews->len; i++)
    {
      CmEiaReviewDue *review = g_ptr_array_index (overview->overdue_reviews, i);
      gint64 id = cm_decommission_get_service_id (review->decommission);
      CmService *service = CM_SERVICE (cm_store_find (self->store, CM_TYPE_SERVICE, id));
      g_autofree char *due = cm_date_to_long (&review->due);
      g_autofree char *subtitle =
        g_strdup_printf (_("%s · due %s: record it on the Review step of its decommissioning EIA"),
                         service ? cm_service_get_name (service) : "", due);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 service_row (self, _("EIA review after decommissioning"),
                                              subtitle, id));
    }
}

static GtkWidget *
overdue_group (CmOverviewPage *self, CmOverview *overview)
{
  GtkWidget *g = cm_page_group (_("Overdue"), NULL);
  g_autofree char *dates = g_strdup_printf (ngettext ("%u contract date overdue or breached",
                                                      "%u contract dates overdue or breached",
                                                      overview->overdue_dates),
                                            overview->overdue_dates);
  GtkWidget *deadlines = cm_page_text_row (dates, _("Open the Deadlines page to see them"),
                              overview->overdue_dates ? "dialog-warning-symbolic"
                                                      : "emblem-ok-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (deadlines), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (deadlines),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect (deadlines, "activated", G_CALLBACK (deadlines_row_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), deadlines);
  for (guint i = 0; i < overview->overdue_items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (overview->overdue_items, i);
      gint64 id = cm_checklist_item_get_service_id (item);
      CmService *service = CM_SERVICE (cm_store_find (self->store, CM_TYPE_SERVICE, id));
      g_autofree char *due = cm_date_format_long (cm_checklist_item_get_due_date (item));
      g_autofree char *subtitle =
        g_strdup_printf (_("%s · %s · overdue since %s"), cm_service_get_name (service),
                         cm_enum_to_label (CM_TYPE_STAGE, cm_checklist_item_get_stage (item)),
                         due);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 service_row (self, cm_checklist_item_get_title (item), subtitle,
                                              id));
    }
  for (guint i = 0; i < overview->overdue_actions->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                               action_row (self, g_ptr_array_index (overview->overdue_actions, i)));
  for (guint i = 0; i < overview->overdue_risks->len; i++)
    {
      CmRisk *risk = g_ptr_array_index (overview->overdue_risks, i);
      g_autofree char *service = NULL;
      g_autofree char *due = cm_date_format_long (cm_risk_get_review_date (risk));
      g_autofree char *subtitle = NULL;

      g_object_get (risk, "service-name", &service, NULL);
      subtitle = g_strdup_printf (_("Risk review · %s · overdue since %s"), service, due);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 service_row (self, cm_risk_get_description (risk), subtitle,
                                              cm_risk_get_service_id (risk)));
    }
  overdue_reviews (self, overview, g);
  return g;
}

static void
stand_reason_given (const char *reason, gpointer data)
{
  GtkWidget *button = data;
  CmOverviewPage *self = g_object_get_data (G_OBJECT (button), "page");
  CmEntity *record = g_object_get_data (G_OBJECT (button), "record");
  g_autoptr(GError) error = NULL;

  /* A blank reason is refused by the dialog; a failed write is shown in
   * place of the decision's problem. */
  if (reason && !cm_decision_evidence_override (self->store, record, reason, &error))
    gtk_widget_set_tooltip_text (button, error->message);
  g_object_unref (button);
}

static void
stand_clicked (GtkButton *button, CmOverviewPage *self)
{
  g_object_set_data (G_OBJECT (button), "page", self);
  cm_reason_dialog_ask (GTK_WIDGET (self), _("Let the Decision Stand?"),
                        g_object_get_data (G_OBJECT (button), "problem"), _("Reason"),
                        _("_Let It Stand"), TRUE, stand_reason_given, g_object_ref (button));
}

/* Decisions taken without a signed EIA before them: the duty is tested at
 * the moment of decision, so each stays flagged until a reason lets it
 * stand. */
static GtkWidget *
decisions_group (CmOverviewPage *self, CmOverview *overview)
{
  guint n = overview->flagged_decisions->len;
  g_autofree char *title = g_strdup_printf (ngettext ("%u decision not informed by a signed EIA",
                                                      "%u decisions not informed by a signed EIA",
                                                      n), n);
  GtkWidget *g = cm_page_group (_("Decisions and Their EIAs"), NULL);

  if (n == 0)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                 cm_page_text_row (_("No decision is flagged"),
                                                   _("Every decommissioning and re-commissioning "
                                                     "decision follows the sign-off of the EIA "
                                                     "that informed it, or stands with a "
                                                     "reason."),
                                                   "emblem-ok-symbolic"));
      return g;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), title);
  for (guint i = 0; i < n; i++)
    {
      CmDecisionEvidence *e = g_ptr_array_index (overview->flagged_decisions, i);
      CmService *service = CM_SERVICE (cm_store_find (self->store, CM_TYPE_SERVICE,
                                                      e->service_id));
      const char *name = service ? cm_service_get_name (service) : "";
      GtkWidget *row = service_row (self, name, e->problem, e->service_id);
      GtkWidget *stand = cm_mnemonic_button_new (_("Let It _Stand…"), NULL);
      g_autofree char *label = g_strdup_printf (_("Let the decision on “%s” stand"), name);

      gtk_widget_set_valign (stand, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (stand), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (stand), "record", g_object_ref (e->record),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (stand), "problem", g_strdup (e->problem), g_free);
      g_signal_connect (stand, "clicked", G_CALLBACK (stand_clicked), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), stand);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  return g;
}

static void
go_to_services (GtkButton *button, CmOverviewPage *self)
{
  g_signal_emit (self, signals[OPEN_SECTION], 0, "services");
}

static void
rebuild (CmOverviewPage *self)
{
  g_autoptr(CmOverview) overview = NULL;
  GtkWidget *box, *clamp;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (g_list_model_get_n_items (cm_store_list (self->store, CM_TYPE_SERVICE)) == 0)
    {
      GtkWidget *start = cm_mnemonic_button_new (_("Go to _Services"), NULL);

      gtk_widget_set_halign (start, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (start, "pill");
      gtk_widget_add_css_class (start, "suggested-action");
      g_signal_connect (start, "clicked", G_CALLBACK (go_to_services), self);
      gtk_scrolled_window_set_child (
        self->scrolled,
        cm_status_page_new ("view-grid-symbolic", _("Nothing to Overview Yet"),
                            _("Add a commissioner, then a service, to start its Analyse, Plan, "
                              "Do, Review cycle. Its progress will show here."), start));
      return;
    }
  overview = cm_overview_collect (self->store, &self->today);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), stages_group (self, overview));
  gtk_box_append (GTK_BOX (box), held_group (self, overview));
  gtk_box_append (GTK_BOX (box), decisions_group (self, overview));
  gtk_box_append (GTK_BOX (box), overdue_group (self, overview));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (self->scrolled, clamp);
}

static void
cm_overview_page_dispose (GObject *object)
{
  CmOverviewPage *self = CM_OVERVIEW_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_overview_page_parent_class)->dispose (object);
}

static void
cm_overview_page_class_init (CmOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[OPEN_SERVICE] = g_signal_new ("open-service", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_EIA] = g_signal_new ("open-eia", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_SECTION] = g_signal_new ("open-section", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cm_overview_page_init (CmOverviewPage *self)
{
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (GTK_WIDGET (self->scrolled), GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (rebuild), NULL);
}

CmOverviewPage *
cm_overview_page_new (CmStore *store, const GDate *today)
{
  CmOverviewPage *self = g_object_new (CM_TYPE_OVERVIEW_PAGE, NULL);

  self->store = g_object_ref (store);
  self->today = *today;
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  return self;
}
