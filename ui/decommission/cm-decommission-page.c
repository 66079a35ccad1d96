/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission-page.c: one decommission, step by step, and its audit trail */
#include <glib/gi18n.h>

#include "cm-audit-view.h"
#include "cm-audit-words.h"
#include "cm-bound.h"
#include "cm-checklist.h"
#include "cm-checklist-row.h"
#include "cm-conflict-handle.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-decision-evidence.h"
#include "cm-decommission-checks.h"
#include "cm-decommission-page.h"
#include "cm-detail-page.h"
#include "cm-decommissioning.h"
#include "cm-eia-review.h"
#include "cm-mnemonic-button.h"
#include "cm-report-buttons.h"
#include "cm-money.h"
#include "cm-page-parts.h"
#include "cm-provider.h"
#include "cm-reason-dialog.h"
#include "cm-record-editor.h"
#include "cm-record-kind.h"
#include "cm-status-page.h"
#include "cm-transition.h"

typedef enum {
  STEP_DECISION = CM_DECOMMISSION_STEP_DECISION,
  STEP_CHECKLIST = CM_DECOMMISSION_STEP_STEPS,
  STEP_NOTICE = CM_DECOMMISSION_STEP_NOTICE,
  STEP_PEOPLE = CM_DECOMMISSION_STEP_PEOPLE,
  STEP_PROVIDER = CM_DECOMMISSION_STEP_PROVIDER,
  STEP_AUDIT = CM_DECOMMISSION_STEP_AUDIT,
  N_STEPS
} Step;

struct _CmDecommissionPage
{
  CmDetailPage parent_instance;

  CmStore *store;            /* borrowed from the detail page */
  GDate today;
  gint64 id;
  Step shown;
  CmDecommission *decommission;

  GtkWidget *heading;          /* the slots of the parts */
  GtkWidget *stepper;
  GtkWidget *step_content;
};

G_DEFINE_FINAL_TYPE (CmDecommissionPage, cm_decommission_page, CM_TYPE_DETAIL_PAGE)

static void
report (CmDecommissionPage *self, const char *message)
{
  cm_detail_page_report (CM_DETAIL_PAGE (self), message);
}

static void
add (GtkWidget *group, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static CmService *
service (CmDecommissionPage *self)
{
  return CM_SERVICE (cm_store_find (self->store, CM_TYPE_SERVICE,
                                    cm_decommission_get_service_id (self->decommission)));
}

static gboolean
is_complete (CmDecommissionPage *self)
{
  return *cm_decommission_get_completed_on (self->decommission) != '\0';
}

static GtkWidget *
button_box (GtkWidget *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* ---- editing the records a step names --------------------------------- */

static void
edit_clicked (GtkButton *button, CmDecommissionPage *self)
{
  const char *kind_name = g_object_get_data (G_OBJECT (button), "kind");
  CmEntity *record = g_object_get_data (G_OBJECT (button), "record");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const CmRecordKind *kinds;
  guint n;

  kinds = cm_record_kinds (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (kinds[i].name, kind_name))
      {
        GtkWidget *editor = cm_record_editor_new (self->store, &kinds[i], record);

        if (GTK_IS_WINDOW (root))
          gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
        gtk_window_present (GTK_WINDOW (editor));
        return;
      }
}

/* A button on a row that opens the editor of @record, of the record kind
 * called @kind_name, for what the row says is missing. */
static GtkWidget *
edit_button (CmDecommissionPage *self, const char *kind_name, CmEntity *record,
             const char *mnemonic, const char *accessible_name)
{
  GtkWidget *button = cm_mnemonic_button_new (mnemonic, NULL);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_object_set_data (G_OBJECT (button), "kind", (gpointer) kind_name);
  g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (edit_clicked), self);
  return button;
}

/* ---- the decision and completion -------------------------------------- */

static void complete_clicked (GtkButton *button, CmDecommissionPage *self);

/* Try Again, after a colleague's change: asked again, on the records as
 * they now stand. */
static void
complete_again (GtkWidget *widget, gpointer data)
{
  complete_clicked (NULL, CM_DECOMMISSION_PAGE (widget));
}

static void
complete_with (CmDecommissionPage *self, const char *reason)
{
  g_autoptr(GError) error = NULL;

  if (!cm_decommission_complete (self->store, self->decommission, &self->today, reason,
                                 &error) &&
      !cm_conflict_handle_action (GTK_WIDGET (self), self->store, error, complete_again, NULL,
                                  NULL))
    report (self, error->message);
}

/* Refused, the dialog asks again with the reason kept. */
static gboolean
override_given (const char *reason, gpointer data, GError **error)
{
  CmDecommissionPage *self = data;

  return cm_decommission_complete (self->store, self->decommission, &self->today, reason,
                                   error);
}

static void
complete_clicked (GtkButton *button, CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) problems =
    cm_decommission_completion_problems (self->store, self->decommission, &self->today);
  g_autofree char *body = NULL;

  if (problems->len == 0)
    {
      complete_with (self, NULL);
      return;
    }
  g_ptr_array_add (problems, NULL);
  body = g_strjoinv ("\n", (char **) problems->pdata);
  cm_reason_dialog_ask_checked (GTK_WIDGET (self), _("Complete With Work Still Open?"), body,
                                _("Reason"), _("_Complete Anyway"), TRUE, override_given,
                                g_object_ref (self), g_object_unref);
}

/* The EIA review follows completion: when it falls due, or that it is done. */
static GtkWidget *
review_row (CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) reviews = cm_eia_reviews_due (self->store);

  for (guint i = 0; i < reviews->len; i++)
    {
      CmEiaReviewDue *review = g_ptr_array_index (reviews, i);
      g_autofree char *due = NULL;
      g_autofree char *text = NULL;
      gboolean late;

      if (cm_entity_get_id (CM_ENTITY (review->decommission)) != self->id)
        continue;
      if (review->reviewed)
        return cm_page_text_row (_("EIA review"), _("Recorded on the service’s "
                                                    "decommissioning EIA."),
                                 "emblem-ok-symbolic");
      due = cm_date_to_long (&review->due);
      late = g_date_compare (&review->due, &self->today) < 0;
      text = g_strdup_printf (late ? _("Overdue since %s. Record it on the Review step of the "
                                       "service’s decommissioning EIA.")
                                   : _("Due by %s. Record it on the Review step of the "
                                       "service’s decommissioning EIA."), due);
      return cm_page_text_row (_("EIA review"), text,
                               late ? "dialog-warning-symbolic" : NULL);
    }
  return NULL;
}

static GtkWidget *
completion_group (CmDecommissionPage *self)
{
  GtkWidget *g = cm_page_group (_("Completion"), NULL);
  g_autoptr(GPtrArray) problems = NULL;
  GtkWidget *complete;

  if (is_complete (self))
    {
      g_autofree char *on = cm_date_format_long (cm_decommission_get_completed_on (self->decommission));
      g_autofree char *override = NULL;
      g_autofree char *open_items = NULL;
      GtkWidget *review = review_row (self);

      g_object_get (self->decommission, "completion-override", &override,
                    "completion-open-items", &open_items, NULL);
      add (g, cm_page_text_row (_("Complete"), on, "emblem-ok-symbolic"));
      if (*override)
        add (g, cm_page_text_row (_("Completed with work still open"), override,
                                  "dialog-warning-symbolic"));
      if (*open_items)
        add (g, cm_page_text_row (_("What was still open"), open_items, NULL));
      if (review)
        add (g, review);
      return g;
    }
  problems = cm_decommission_completion_problems (self->store, self->decommission, &self->today);
  if (problems->len == 0)
    add (g, cm_page_text_row (_("Ready"), _("Every step is settled, notice was served in time, "
                                            "every contract has ended and every move is "
                                            "settled. The EIA review follows completion."),
                              "emblem-ok-symbolic"));
  else
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u thing holds completion",
                                                          "%u things hold completion",
                                                          problems->len), problems->len);

      g_autofree char *list = NULL;

      g_ptr_array_add (problems, NULL);
      list = g_strjoinv ("\n", (char **) problems->pdata);
      add (g, cm_page_text_row (count, list, "dialog-warning-symbolic"));
    }
  complete = cm_mnemonic_button_new (_("_Complete the Decommission…"), NULL);
  gtk_widget_add_css_class (complete, "destructive-action");
  g_signal_connect (complete, "clicked", G_CALLBACK (complete_clicked), self);
  add (g, button_box (complete));
  return g;
}

/* ---- the EIA behind the decision -------------------------------------- */

static void
eia_chosen (GtkDropDown *dropdown, GParamSpec *pspec, CmDecommissionPage *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dropdown), "eia-ids");
  guint chosen = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (chosen >= ids->len)
    return;
  id = g_array_index (ids, gint64, chosen);
  if (id != cm_decommission_get_eia_id (self->decommission) &&
      !cm_decision_evidence_set_eia (self->store, CM_ENTITY (self->decommission), id, &error))
    report (self, error->message);
}

/* Each signed EIA of the service, then "None". */
static GtkWidget *
eia_dropdown (CmDecommissionPage *self)
{
  GListModel *eias = cm_store_list (self->store, CM_TYPE_EIA);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;
  guint selected = 0;
  GtkWidget *dropdown;

  for (guint i = 0; i < g_list_model_get_n_items (eias); i++)
    {
      g_autoptr(CmEia) eia = g_list_model_get_item (eias, i);
      gint64 id = cm_entity_get_id (CM_ENTITY (eia));
      g_autofree char *on = NULL;
      g_autofree char *label = NULL;

      if (cm_eia_get_service_id (eia) != cm_decommission_get_service_id (self->decommission) ||
          !cm_eia_get_signed (eia))
        continue;
      on = cm_date_format_long (cm_eia_get_signed_on (eia));
      /* Translators: "Decommission EIA, version 2, signed off on 3 March 2026" */
      label = g_strdup_printf (_("%s EIA, version %d, signed off on %s"),
                               cm_enum_to_label (CM_TYPE_EIA_DECISION, cm_eia_get_decision (eia)),
                               cm_eia_get_version (eia), on);
      if (id == cm_decommission_get_eia_id (self->decommission))
        selected = ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (ids, id);
    }
  if (cm_decommission_get_eia_id (self->decommission) == 0)
    selected = ids->len;
  gtk_string_list_append (names, _("None"));
  g_array_append_val (ids, none);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("EIA that informed the decision"), -1);
  g_object_set_data_full (G_OBJECT (dropdown), "eia-ids", ids, (GDestroyNotify) g_array_unref);
  /* Kept only for the same decommission: its ids are that service's EIAs. */
  g_object_set_data_full (G_OBJECT (dropdown), "cm-fingerprint",
                          g_strdup_printf ("eia-of-%" G_GINT64_FORMAT,
                                           cm_entity_get_id (CM_ENTITY (self->decommission))),
                          g_free);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (eia_chosen), self);
  return dropdown;
}

/* Refused, the dialog asks again with the reason kept. */
static gboolean
stand_reason_given (const char *reason, gpointer data, GError **error)
{
  CmDecommissionPage *self = data;

  return cm_decision_evidence_override (self->store, CM_ENTITY (self->decommission), reason,
                                        error);
}

static void
stand_clicked (GtkButton *button, CmDecommissionPage *self)
{
  g_autoptr(CmDecisionEvidence) evidence =
    cm_decision_evidence_of_decommission (self->store, self->decommission);

  cm_reason_dialog_ask_checked (GTK_WIDGET (self), _("Let the Decision Stand?"),
                                evidence->problem, _("Reason"), _("_Let It Stand"), TRUE,
                                stand_reason_given, g_object_ref (self), g_object_unref);
}

/* Whether the decision followed the sign-off of the EIA that informed it. */
static GtkWidget *
evidence_group (CmDecommissionPage *self)
{
  g_autoptr(CmDecisionEvidence) evidence =
    cm_decision_evidence_of_decommission (self->store, self->decommission);
  GtkWidget *g = cm_page_group (_("Equality Impact Assessment"),
                                _("The signed EIA that informed the decision. The equality duty "
                                  "is judged at the moment of decision, so the EIA comes first."));
  GtkWidget *chosen = cm_page_text_row (_("EIA that informed the decision"), NULL, NULL);
  GtkWidget *stand;

  adw_action_row_add_suffix (ADW_ACTION_ROW (chosen), eia_dropdown (self));
  add (g, chosen);
  if (evidence->problem == NULL)
    {
      add (g, cm_page_text_row (_("The EIA came first"),
                                _("It was signed off on or before the decision date."),
                                "emblem-ok-symbolic"));
      return g;
    }
  if (*evidence->override)
    {
      add (g, cm_page_text_row (_("⚠ Not informed by a signed EIA before it"), evidence->problem,
                                "dialog-warning-symbolic"));
      add (g, cm_page_text_row (_("The decision stands because"), evidence->override, NULL));
      return g;
    }
  add (g, cm_page_text_row (_("⚠ Not informed by a signed EIA before it"), evidence->problem,
                            "dialog-warning-symbolic"));
  stand = cm_mnemonic_button_new (_("Let the Decision _Stand…"), NULL);
  g_signal_connect (stand, "clicked", G_CALLBACK (stand_clicked), self);
  add (g, button_box (stand));
  return g;
}

static GtkWidget *
decision_step (CmDecommissionPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *g = cm_page_group (_("Decision"), NULL);
  CmEntity *d = CM_ENTITY (self->decommission);
  gboolean open = !is_complete (self);
  GtkWidget *route = cm_page_text_row (_("Decision route"), NULL, NULL);
  GtkWidget *lessons = cm_page_group (_("Lessons Learned"),
                                      _("Captured at close, and listed across all decommissions "
                                        "under Decommissions."));

  add (g, cm_bound_entry_row (self->store, d, "reason", _("Reason for decommissioning"), open));
  adw_action_row_add_suffix (ADW_ACTION_ROW (route),
                             cm_bound_dropdown (self->store, d, "decision-route",
                                                _("Decision route"), open));
  add (g, route);
  add (g, cm_bound_date_row (self->store, d, "decision-date", _("Decision date"), open));
  add (g, cm_bound_entry_row (self->store, d, "case-for-change", _("Case for change"), open));
  add (lessons, cm_bound_entry_row (self->store, d, "lessons", _("Lessons learned"), TRUE));
  gtk_box_append (GTK_BOX (box), g);
  gtk_box_append (GTK_BOX (box), evidence_group (self));
  gtk_box_append (GTK_BOX (box), completion_group (self));
  gtk_box_append (GTK_BOX (box), lessons);
  return box;
}

/* ---- the steps -------------------------------------------------------- */

static void
step_titled (const char *title, gpointer data)
{
  CmDecommissionPage *self = data;
  g_autoptr(GError) error = NULL;

  if (title && !cm_checklist_add_item (self->store, service (self), title, TRUE, &error))
    report (self, error->message);
  g_object_unref (self);
}

static void
add_step_clicked (GtkButton *button, CmDecommissionPage *self)
{
  cm_reason_dialog_ask (GTK_WIDGET (self), _("Add a Step"),
                        _("The step is required before completion, like the others."),
                        _("Title"), _("_Add"), FALSE, step_titled, g_object_ref (self));
}

static GtkWidget *
checklist_step (CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) steps =
    cm_checklist_items (self->store, cm_decommission_get_service_id (self->decommission),
                        cm_decommission_get_cycle (self->decommission), CM_STAGE_DECOMMISSIONING);
  GtkWidget *g = cm_page_group (_("Steps"),
                                _("Each step is done, or not applicable with a reason. Who set "
                                  "it and when comes from the audit trail."));
  gboolean open = !is_complete (self);

  if (open)
    {
      GtkWidget *add_button = cm_mnemonic_button_new (_("Add _Step…"), NULL);

      gtk_widget_add_css_class (add_button, "flat");
      g_signal_connect (add_button, "clicked", G_CALLBACK (add_step_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), add_button);
    }
  for (guint i = 0; i < steps->len; i++)
    add (g, cm_checklist_row_new (self->store, g_ptr_array_index (steps, i), open, &self->today));
  return g;
}

/* ---- notice ----------------------------------------------------------- */

static char *
notice_text (CmDecommissionPage *self, CmContract *contract, CmDeadlineSettings *settings)
{
  CmContractDates dates;
  g_autofree char *latest = NULL;
  g_autofree char *earliest = NULL;
  const char *served = cm_contract_get_notice_served (contract);

  if (!cm_contract_compute_dates (contract, &self->today, settings, &dates))
    return g_strdup (_("Its start date and term are not recorded: edit the contract to see its "
                       "notice dates."));
  if (!g_date_valid (&dates.latest_notice))
    return g_strdup (_("Its notice period is not recorded: edit the contract to see its "
                       "notice dates."));
  latest = cm_date_to_long (&dates.latest_notice);
  if (*served)
    {
      g_autofree char *on = cm_date_format_long (served);

      return g_strdup_printf (_("Last day to serve notice: %s\nNotice served on %s — %s"),
                              latest, on,
                              dates.notice_status == CM_DEADLINE_BREACHED
                              ? _("too late: the requirement was breached")
                              : _("in time"));
    }
  earliest = cm_date_to_long (&dates.notice_end);
  return g_strdup_printf (_("Last day to serve notice: %s — %s\nNot served yet. Notice served "
                            "today would end it no sooner than %s."),
                          latest, cm_deadline_status_label (dates.notice_status), earliest);
}

static void affected_toggled (GtkSwitch *toggle, GParamSpec *pspec, CmDecommissionPage *self);

/* Try Again, after a colleague's change: the switch's choice, made again. */
static void
affected_again (GtkWidget *toggle, gpointer data)
{
  affected_toggled (GTK_SWITCH (toggle), NULL, data);
}

static void
affected_toggled (GtkSwitch *toggle, GParamSpec *pspec, CmDecommissionPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (toggle), "contract-id");
  g_autoptr(GError) error = NULL;

  if (!cm_decommission_set_affected (self->store, self->decommission, *id,
                                     gtk_switch_get_active (toggle), &error) &&
      !cm_conflict_handle_action (GTK_WIDGET (toggle), self->store, error, affected_again,
                                  g_object_ref (self), g_object_unref))
    report (self, error->message);
}

/* Every open contract of the service, each switched on when it is one
 * this decommission ends. */
static GtkWidget *
affected_group (CmDecommissionPage *self, GPtrArray *affected)
{
  GListModel *all = cm_store_list (self->store, CM_TYPE_CONTRACT);
  GtkWidget *g = cm_page_group (_("Contracts Ended"),
                                _("Choose the contracts this decommission ends."));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (all, i);
      gint64 id = cm_entity_get_id (CM_ENTITY (contract));
      g_autofree char *title = NULL;
      GtkWidget *row, *toggle;
      gboolean on = FALSE;

      if (cm_contract_get_service_id (contract) != cm_decommission_get_service_id (self->decommission))
        continue;
      for (guint j = 0; j < affected->len; j++)
        on |= cm_entity_get_id (g_ptr_array_index (affected, j)) == id;
      title = cm_entity_describe (CM_ENTITY (contract));
      row = cm_page_text_row (title, NULL, NULL);
      toggle = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (toggle), on);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (toggle, !is_complete (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_object_set_data_full (G_OBJECT (toggle), "cm-fingerprint",
                              g_strdup_printf ("%" G_GINT64_FORMAT, id), g_free);
      g_object_set_data_full (G_OBJECT (toggle), "contract-id", g_memdup2 (&id, sizeof id),
                              g_free);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (affected_toggled), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      add (g, row);
    }
  return g;
}

static GtkWidget *
notice_step (CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) contracts = cm_decommission_contracts (self->store, self->decommission);
  GtkWidget *g = cm_page_group (_("Notice"),
                                _("Each affected contract’s notice, including the Compact’s "
                                  "minimum for third-sector providers."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  CmDeadlineSettings settings;

  cm_deadline_settings_load (self->store, &settings);
  if (contracts->len == 0)
    add (g, cm_page_text_row (_("No contracts affected"), NULL, NULL));
  for (guint i = 0; i < contracts->len; i++)
    {
      CmContract *contract = g_ptr_array_index (contracts, i);
      g_autofree char *title = cm_entity_describe (CM_ENTITY (contract));
      g_autofree char *text = notice_text (self, contract, &settings);
      g_autofree char *served = g_strdup_printf (_("Notice on %s served on"),
                                                 cm_contract_get_reference (contract));

      GtkWidget *row = cm_page_text_row (title, text, NULL);
      CmContractDates dates;

      /* Without its dates or notice period its notice cannot be checked. */
      if (!cm_contract_compute_dates (contract, &self->today, &settings, &dates) ||
          !g_date_valid (&dates.latest_notice))
        {
          g_autofree char *name = g_strdup_printf (_("Edit contract %s to record its dates"),
                                                   cm_contract_get_reference (contract));

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     edit_button (self, "contracts", CM_ENTITY (contract),
                                                  _("_Edit Contract…"), name));
        }
      add (g, row);
      add (g, cm_bound_date_row (self->store, CM_ENTITY (contract), "notice-served", served,
                                 !is_complete (self)));
    }
  gtk_box_append (GTK_BOX (box), affected_group (self, contracts));
  gtk_box_append (GTK_BOX (box), g);
  return box;
}

/* ---- people ----------------------------------------------------------- */

static void
person_named (const char *reference, gpointer data)
{
  CmDecommissionPage *self = data;
  g_autoptr(CmTransition) person = NULL;
  g_autoptr(GError) error = NULL;

  if (reference)
    {
      person = cm_transition_new (self->id, reference);
      if (!cm_store_save (self->store, CM_ENTITY (person), &error))
        report (self, error->message);
    }
  g_object_unref (self);
}

static void
add_person_clicked (GtkButton *button, CmDecommissionPage *self)
{
  cm_reason_dialog_ask (GTK_WIDGET (self), _("Add a Person’s Transition"),
                        _("Use their case reference, never their name: the portfolio keeps no "
                          "more personal data than this step needs."),
                        _("Case reference"), _("_Add"), FALSE, person_named,
                        g_object_ref (self));
}

static GtkWidget *
person_row (CmDecommissionPage *self, CmTransition *person)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *ref = cm_transition_get_person_ref (person);
  g_autofree char *status = g_strdup_printf (_("Progress of %s"), ref);
  g_autofree char *from = g_strdup_printf (_("%s’s current support"), ref);
  g_autofree char *to = g_strdup_printf (_("%s’s planned destination"), ref);
  g_autofree char *when = g_strdup_printf (_("%s’s move date"), ref);
  g_autofree char *destination = NULL;
  gboolean open = !is_complete (self);

  g_object_get (person, "destination", &destination, NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), destination);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               cm_bound_dropdown (self->store, CM_ENTITY (person), "status",
                                                  status, open));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            cm_bound_entry_row (self->store, CM_ENTITY (person),
                                                "current-support", from, open));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            cm_bound_entry_row (self->store, CM_ENTITY (person), "destination",
                                                to, open));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            cm_bound_date_row (self->store, CM_ENTITY (person), "planned-date",
                                               when, open));
  return row;
}

static GtkWidget *
people_step (CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) people = cm_decommission_transitions (self->store, self->decommission);
  guint counts[CM_TRANSITION_DECLINED + 1] = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkWidget *g = cm_page_group (_("Transitions"),
                                _("A planned move to other support for each person using "
                                  "the service."));

  for (guint i = 0; i < people->len; i++)
    counts[cm_transition_get_status (g_ptr_array_index (people, i))]++;
  for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
    g_string_append_printf (summary, "%s%s: %u", s ? " · " : "",
                            cm_enum_to_label (CM_TYPE_TRANSITION_STATUS, s), counts[s]);
  if (!is_complete (self))
    {
      GtkWidget *add_button = cm_mnemonic_button_new (_("Add a _Person…"), NULL);

      gtk_widget_add_css_class (add_button, "flat");
      g_signal_connect (add_button, "clicked", G_CALLBACK (add_person_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), add_button);
    }
  add (g, cm_page_text_row (_("Progress"), summary->str, NULL));
  for (guint i = 0; i < people->len; i++)
    add (g, person_row (self, g_ptr_array_index (people, i)));
  return g;
}

/* ---- the provider ----------------------------------------------------- */

static GtkWidget *
provider_step (CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) contracts = cm_decommission_contracts (self->store, self->decommission);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *note = cm_page_group (_("Ability to Keep Operating"),
                                   _("Consider the provider’s ability to keep operating and "
                                     "fulfil its other contracts (Leeds City Council Scrutiny "
                                     "Board inquiry into commissioning, 2017, paragraph 43)."));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < contracts->len; i++)
    {
      CmContract *contract = g_ptr_array_index (contracts, i);
      gint64 provider_id = cm_contract_get_provider_id (contract);
      CmProvider *provider = CM_PROVIDER (cm_store_find (self->store, CM_TYPE_PROVIDER,
                                                         provider_id));
      g_autofree char *value = NULL;
      g_autofree char *share = NULL;
      g_autofree char *count = NULL;
      GtkWidget *g, *row;
      double dependency;
      int n_contracts;

      if (provider == NULL || g_hash_table_contains (seen, &provider_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&provider_id, sizeof provider_id));
      g = cm_page_group (cm_provider_get_name (provider), NULL);
      dependency = cm_provider_get_dependency (provider);
      value = cm_money_format (cm_provider_get_annual_value (provider));
      share = dependency < 0 ? g_strdup (_("Unknown: edit the provider to record its annual "
                                           "income"))
                             : g_strdup_printf (_("%.1f%% of its income"), dependency);
      add (g, cm_page_text_row (_("With us, all contracts"), value, NULL));
      row = cm_page_text_row (_("Our share of its income"), share, NULL);
      if (dependency < 0)
        {
          g_autofree char *name = g_strdup_printf (_("Edit provider %s to record its annual "
                                                     "income"), cm_provider_get_name (provider));

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     edit_button (self, "providers", CM_ENTITY (provider),
                                                  _("_Edit Provider…"), name));
        }
      add (g, row);
      g_object_get (provider, "contract-count", &n_contracts, NULL);
      count = g_strdup_printf ("%d", n_contracts);
      add (g, cm_page_text_row (_("Contracts it holds with us"), count, NULL));
      gtk_box_append (GTK_BOX (box), g);
    }
  add (note, cm_bound_entry_row (self->store, CM_ENTITY (self->decommission), "provider-note",
                                 _("Note on the provider’s ability to keep operating"), TRUE));
  gtk_box_append (GTK_BOX (box), note);
  return box;
}

/* ---- the audit trail -------------------------------------------------- */

/* A row each is costly to build: the newest are shown here, and the whole
 * trail, made only as it scrolls into view, in the Audit Trail window. */
#define ACTIONS_SHOWN 50

static char *
action_text (CmDecommissionAction *action, CmAuditWords *words)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = cm_date_format_moment (action->entry->at);
  g_autofree char *change = cm_audit_words_change (words, action->entry);

  /* Translators: when, who, and the change in words */
  g_string_printf (text, _("%s · %s\n%s"), when, action->entry->actor, change);
  if (action->evidence && *action->evidence)
    g_string_append_printf (text, _("\nEvidence: %s"), action->evidence);
  if (action->check == CM_AUDIT_ROW_NOT_VOUCHED)
    g_string_append (text, _("\n⚠ Not covered by an intact hash chain"));
  else if (action->check == CM_AUDIT_ROW_NOT_CHECKED)
    g_string_append (text, _("\nNot checked: the hash chain could not be checked"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The same actions as this section, in the window that filters, searches
 * and exports them. */
static void
open_audit_trail (GtkWidget *button, CmDecommissionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GArray *rows = g_object_get_data (G_OBJECT (button), "rows");
  g_autoptr(CmAuditWords) words = cm_audit_words_new (self->store);
  g_autofree char *what = cm_audit_words_record (words, "decommission",
                                                 cm_entity_get_id (CM_ENTITY (self->decommission)));

  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  /* Without the actions (the trail could not be read), the record alone. */
  gtk_window_present (rows ? cm_audit_view_new_for_rows (self->store, parent, what, rows)
                           : cm_audit_view_new (self->store, parent, "decommission",
                                                cm_entity_get_id (CM_ENTITY (self->decommission))));
}

/* What the hash chain says of all the actions, over their count. */
static GtkWidget *
chain_row (GPtrArray *actions, const CmAuditVerdict *verdict)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%u action", "%u actions", actions->len),
                                            actions->len);
  g_autofree char *why = NULL;

  switch (cm_decommission_actions_check (actions, verdict))
    {
    case CM_AUDIT_ROW_NOT_VOUCHED:
      return cm_page_text_row (_("⚠ The hash chain is broken: the record was altered outside "
                                 "Commissioner"), count, "dialog-error-symbolic");
    case CM_AUDIT_ROW_NOT_CHECKED:
      /* Translators: "12 actions · why the chain could not be checked, and what to do" */
      why = g_strdup_printf (_("%s · %s"), count, verdict->reason);
      return cm_page_text_row (_("The hash chain could not be checked: the actions are "
                                 "neither vouched for nor found altered"), why,
                               "dialog-warning-symbolic");
    case CM_AUDIT_ROW_VOUCHED:
    default:
      return cm_page_text_row (_("The hash chain verifies for every action"), count,
                               "emblem-ok-symbolic");
    }
}

static const char *
action_icon (CmDecommissionAction *action)
{
  switch (action->check)
    {
    case CM_AUDIT_ROW_NOT_VOUCHED:
      return "dialog-error-symbolic";
    case CM_AUDIT_ROW_NOT_CHECKED:
      return "dialog-warning-symbolic";
    case CM_AUDIT_ROW_VOUCHED:
    default:
      return NULL;
    }
}

static GtkWidget *
audit_step (CmDecommissionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(CmAuditVerdict) verdict = { 0 };
  g_autoptr(GPtrArray) actions = NULL;
  GtkWidget *g = cm_page_group (_("Audit Trail"),
                                _("Every action on this decommission, newest first. Read-only."));
  GtkWidget *open = cm_mnemonic_button_new (_("Open in _Audit Trail"), NULL);
  g_autoptr(CmAuditWords) words = cm_audit_words_new (self->store);
  GArray *rows;

  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Filter, search and export this decommission’s changes"));
  g_signal_connect (open, "clicked", G_CALLBACK (open_audit_trail), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), open);

  cm_audit_verdict_check_chain (self->store, &verdict);
  actions = cm_decommission_actions (self->store, self->decommission, &verdict, &error);
  if (actions == NULL)
    {
      add (g, cm_page_text_row (_("The audit trail could not be read"), error->message,
                                "dialog-error-symbolic"));
      return g;
    }
  rows = g_array_sized_new (FALSE, FALSE, sizeof (gint64), actions->len);
  for (guint i = 0; i < actions->len; i++)
    g_array_append_val (rows, ((CmDecommissionAction *) g_ptr_array_index (actions, i))->entry->id);
  g_object_set_data_full (G_OBJECT (open), "cm-fingerprint", g_strdup_printf (
                            "%u/%" G_GINT64_FORMAT, rows->len,
                            rows->len ? g_array_index (rows, gint64, rows->len - 1) : 0),
                          g_free);
  g_object_set_data_full (G_OBJECT (open), "rows", rows, (GDestroyNotify) g_array_unref);
  add (g, chain_row (actions, &verdict));
  for (guint i = actions->len; i-- > 0 && actions->len - i <= ACTIONS_SHOWN;)
    {
      CmDecommissionAction *action = g_ptr_array_index (actions, i);
      g_autofree char *text = action_text (action, words);

      add (g, cm_page_text_row (action->step, text, action_icon (action)));
    }
  if (actions->len > ACTIONS_SHOWN)
    {
      guint older = actions->len - ACTIONS_SHOWN;
      g_autofree char *where =
        g_strdup_printf (ngettext ("%u older action is in the Audit Trail window, with "
                                   "filters and search: choose Open in Audit Trail.",
                                   "%u older actions are in the Audit Trail window, with "
                                   "filters and search: choose Open in Audit Trail.", older),
                         older);

      add (g, cm_page_text_row (_("Older actions"), where, NULL));
    }
  return g;
}

/* ---- building --------------------------------------------------------- */

static void
step_toggled (GtkToggleButton *button, CmDecommissionPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));
  cm_detail_page_remake (CM_DETAIL_PAGE (self), self->step_content);
}

static GtkWidget *
stepper (CmDecommissionPage *self)
{
  g_autoptr(GPtrArray) steps =
    cm_checklist_items (self->store, cm_decommission_get_service_id (self->decommission),
                        cm_decommission_get_cycle (self->decommission), CM_STAGE_DECOMMISSIONING);
  g_autoptr(GPtrArray) people = cm_decommission_transitions (self->store, self->decommission);
  guint settled = 0;
  CmPageStep parts[N_STEPS] = {
    { _("Decision"), g_strdup (is_complete (self) ? _("complete") : _("in progress")) },
    { _("Steps"), NULL },
    { _("Contracts"), g_strdup (_("ended, and notice")) },
    { _("People"), g_strdup_printf (ngettext ("%u person", "%u people", people->len),
                                    people->len) },
    { _("Provider"), g_strdup (_("effect and share")) },
    { _("Audit"), g_strdup (_("who, when, evidence")) },
  };

  for (guint i = 0; i < steps->len; i++)
    settled += cm_checklist_item_is_settled (g_ptr_array_index (steps, i));
  parts[STEP_CHECKLIST].detail = g_strdup_printf (_("%u of %u settled"), settled, steps->len);
  for (guint i = 0; i < N_STEPS; i++)
    parts[i].name = g_strdup_printf (_("Show the %s step"), parts[i].title);
  return cm_page_stepper (parts, N_STEPS, self->shown, G_CALLBACK (step_toggled), self);
}

static GtkWidget *
heading (CmDecommissionPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *kind = g_strdup_printf ("decommission:%" G_GINT64_FORMAT,
                                           cm_decommission_get_service_id (self->decommission));

  g_object_get (self->decommission, "service-name", &name, NULL);
  title = g_strdup_printf (_("Decommissioning: %s"), name);
  sub = g_strdup_printf (_("Cycle %d · %s"), cm_decommission_get_cycle (self->decommission),
                         cm_decommission_get_reason (self->decommission));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (title, "title-2"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (sub, "dim-label"));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), cm_report_buttons_new (self->store, kind, FALSE));
  return box;
}

static GtkWidget *
step_content (CmDecommissionPage *self)
{
  switch (self->shown)
    {
    case STEP_CHECKLIST:
      return checklist_step (self);
    case STEP_NOTICE:
      return notice_step (self);
    case STEP_PEOPLE:
      return people_step (self);
    case STEP_PROVIDER:
      return provider_step (self);
    case STEP_AUDIT:
      return audit_step (self);
    case STEP_DECISION:
    case N_STEPS:
    default:
      return decision_step (self);
    }
}

/* The parts, each made again when a table it reads changes. */

static GtkWidget *
heading_part (CmDetailPage *page)
{
  return heading (CM_DECOMMISSION_PAGE (page));
}

static GtkWidget *
stepper_part (CmDetailPage *page)
{
  return stepper (CM_DECOMMISSION_PAGE (page));
}

static GtkWidget *
content_part (CmDetailPage *page)
{
  return step_content (CM_DECOMMISSION_PAGE (page));
}

static void
entity_set (CmDetailPage *page)
{
  CmDecommissionPage *self = CM_DECOMMISSION_PAGE (page);
  CmEntity *entity = cm_detail_page_get_entity (page);

  CmDecommission *decommission = CM_IS_DECOMMISSION (entity) ? CM_DECOMMISSION (entity) : NULL;

  g_set_object (&self->decommission, decommission);
  if (self->decommission)
    self->id = cm_entity_get_id (entity);
}

static void
cm_decommission_page_constructed (GObject *object)
{
  CmDecommissionPage *self = CM_DECOMMISSION_PAGE (object);
  const GDate *today = cm_detail_page_get_today (CM_DETAIL_PAGE (self));

  G_OBJECT_CLASS (cm_decommission_page_parent_class)->constructed (object);
  self->store = cm_detail_page_get_store (CM_DETAIL_PAGE (self));
  if (g_date_valid (today))
    self->today = *today;
}

static void
cm_decommission_page_dispose (GObject *object)
{
  CmDecommissionPage *self = CM_DECOMMISSION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CM_TYPE_DECOMMISSION_PAGE);
  g_clear_object (&self->decommission);
  G_OBJECT_CLASS (cm_decommission_page_parent_class)->dispose (object);
}

static void
cm_decommission_page_class_init (CmDecommissionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CmDetailPageClass *page_class = CM_DETAIL_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = cm_decommission_page_constructed;
  G_OBJECT_CLASS (klass)->dispose = cm_decommission_page_dispose;
  page_class->entity_set = entity_set;
  page_class->empty_title = N_("No Decommission Chosen");
  page_class->empty_description = N_("Open one from the Decommissions page or from its service.");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-decommission-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmDecommissionPage, heading);
  gtk_widget_class_bind_template_child (widget_class, CmDecommissionPage, stepper);
  gtk_widget_class_bind_template_child (widget_class, CmDecommissionPage, step_content);
}

static void
cm_decommission_page_init (CmDecommissionPage *self)
{
  CmDetailPage *page = CM_DETAIL_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  cm_detail_page_add_part (page, self->heading, heading_part, "service");
  cm_detail_page_add_part (page, self->stepper, stepper_part, "checklist_item transition");
  cm_detail_page_add_part (page, self->step_content, content_part,
                           "checklist_item transition contract decommission_contract provider eia "
                           "service");
}

CmDecommissionPage *
cm_decommission_page_new (CmStore *store, const GDate *today)
{
  return g_object_new (CM_TYPE_DECOMMISSION_PAGE, "store", store, "today", today, NULL);
}

void
cm_decommission_page_show (CmDecommissionPage *self, gint64 decommission_id, gboolean audit)
{
  self->id = decommission_id;
  self->shown = audit ? STEP_AUDIT : STEP_DECISION;
  cm_detail_page_set_entity (CM_DETAIL_PAGE (self),
                             cm_store_find (self->store, CM_TYPE_DECOMMISSION, decommission_id));
}

void
cm_decommission_page_show_step (CmDecommissionPage *self, CmDecommissionStep step)
{
  g_return_if_fail ((guint) step < (guint) N_STEPS);

  self->shown = (Step) step;
  cm_detail_page_remake (CM_DETAIL_PAGE (self), self->stepper);
  cm_detail_page_remake (CM_DETAIL_PAGE (self), self->step_content);
}

gint64
cm_decommission_page_get_id (CmDecommissionPage *self)
{
  return self->id;
}
