/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-cycle.c: moving a service through Analyse, Plan, Do and Review */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-decision-evidence.h"
#include "cm-decommissioning.h"
#include "cm-gate.h"

G_DEFINE_QUARK (cm-cycle-error-quark, cm_cycle_error)

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

static char *
joined (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static gboolean
blocked (CmService *service, const char *open_items, GError **error)
{
  CmStage stage = cm_service_get_stage (service);

  g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_BLOCKED,
               _("“%s” cannot leave %s yet:\n%s\nComplete these, mark items not applicable "
                 "with a reason, or give a reason to override the gate."),
               cm_service_get_name (service), cm_enum_to_label (CM_TYPE_STAGE, stage),
               open_items);
  return FALSE;
}

/* A re-commissioning decision is dated, and names the latest signed
 * re-commissioning EIA of the service as the one that informed it. */
static void
record_evidence (CmStore *store, CmService *service, CmStageEvent *event,
                 CmReviewDecision decision)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *on = NULL;

  if (decision != CM_REVIEW_DECISION_RECOMMISSION)
    return;
  now = g_date_time_new_now_local ();
  on = g_date_time_format (now, "%Y-%m-%d");
  g_object_set (event, "decided-on", on,
                "eia-id", cm_decision_evidence_default_eia (store,
                                                            cm_entity_get_id (CM_ENTITY (service)),
                                                            CM_EIA_DECISION_RECOMMISSION, on),
                NULL);
}

/* Saves the step from the current stage to @to in @cycle, with its event. */
static gboolean
record_step (CmStore *store, CmService *service, CmStage to, int cycle,
             CmReviewDecision decision, const char *reason, GError **error)
{
  g_autoptr(GPtrArray) problems = cm_gate_problems (store, service);
  gboolean overridden = problems->len > 0;
  g_autofree char *open_items = joined (problems);
  g_autoptr(CmEntity) draft = NULL;
  g_autoptr(CmStageEvent) event = NULL;

  if (overridden && is_blank (reason))
    return blocked (service, open_items, error);
  event = g_object_new (CM_TYPE_STAGE_EVENT,
                        "service-id", cm_entity_get_id (CM_ENTITY (service)),
                        "cycle", cm_service_get_cycle (service),
                        "from-stage", cm_service_get_stage (service), "to-stage", to,
                        "decision", decision, "overridden", overridden,
                        "reason", reason ? reason : "", "open-items", open_items, NULL);
  record_evidence (store, service, event, decision);
  draft = cm_entity_copy (CM_ENTITY (service));
  g_object_set (draft, "stage", to, "cycle", cycle, NULL);
  return cm_store_save (store, CM_ENTITY (event), error) && cm_store_save (store, draft, error);
}

gboolean
cm_cycle_advance (CmStore *store, CmService *service, const char *reason, GError **error)
{
  CmStage stage = cm_service_get_stage (service);

  if (stage >= CM_STAGE_REVIEW)
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   stage == CM_STAGE_REVIEW
                   ? _("Review closes with a decision: extend, re-commission or decommission.")
                   : _("“%s” is being decommissioned and has no next stage."),
                   cm_service_get_name (service));
      return FALSE;
    }
  if (!cm_store_begin (store, error))
    return FALSE;
  if (!record_step (store, service, stage + 1, cm_service_get_cycle (service),
                    CM_REVIEW_DECISION_NONE, reason, error))
    {
      cm_store_rollback (store);
      return FALSE;
    }
  return cm_store_commit (store, error);
}

/* Takes the next extension of each of the service's contracts that has
 * one left; it is an error when none has. */
static gboolean
extend_contracts (CmStore *store, CmService *service, GError **error)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  gint64 id = cm_entity_get_id (CM_ENTITY (service));
  guint extended = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(CmContract) draft = NULL;

      if (cm_contract_get_service_id (contract) != id)
        continue;
      draft = CM_CONTRACT (cm_entity_copy (CM_ENTITY (contract)));
      if (!cm_contract_invoke_extension (draft, NULL))
        continue;
      if (!cm_store_save (store, CM_ENTITY (draft), error))
        return FALSE;
      extended++;
    }
  if (extended == 0)
    g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                 _("None of the contracts of “%s” has an extension left to take. Choose "
                   "re-commission or decommission instead."), cm_service_get_name (service));
  return extended > 0;
}

static gboolean
start_decommission (CmStore *store, CmService *service, const char *reason, GError **error)
{
  g_autoptr(CmDecommission) started = cm_decommission_start (store, service, reason, TRUE, error);

  return started != NULL;
}

static gboolean
apply_decision (CmStore *store, CmService *service, CmReviewDecision decision,
                const char *reason, GError **error)
{
  int cycle = cm_service_get_cycle (service);

  switch (decision)
    {
    case CM_REVIEW_DECISION_EXTEND:
      return record_step (store, service, CM_STAGE_REVIEW, cycle, decision, reason, error) &&
             extend_contracts (store, service, error);
    case CM_REVIEW_DECISION_RECOMMISSION:
      return record_step (store, service, CM_STAGE_ANALYSE, cycle + 1, decision, reason, error);
    case CM_REVIEW_DECISION_DECOMMISSION:
      return record_step (store, service, CM_STAGE_DECOMMISSIONING, cycle, decision, reason,
                          error) &&
             start_decommission (store, service, reason, error);
    case CM_REVIEW_DECISION_NONE:
    default:
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   _("Choose a decision: extend, re-commission or decommission."));
      return FALSE;
    }
}

/* Lower case, to sit inside a sentence. */
static const char *verbs[] = { N_("decide on"), N_("extend"), N_("re-commission"),
                               N_("decommission") };

gboolean
cm_cycle_decide (CmStore *store, CmService *service, CmReviewDecision decision,
                 const char *reason, GError **error)
{
  if (cm_service_get_stage (service) != CM_STAGE_REVIEW)
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   _("“%s” is not in Review, so there is no decision to make yet."),
                   cm_service_get_name (service));
      return FALSE;
    }
  if (is_blank (reason))
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   _("Give the reason for the decision to %s “%s”: it is kept in its history."),
                   _(verbs[CLAMP (decision, 0, G_N_ELEMENTS (verbs) - 1)]), cm_service_get_name (service));
      return FALSE;
    }
  if (!cm_store_begin (store, error))
    return FALSE;
  if (!apply_decision (store, service, decision, reason, error))
    {
      cm_store_rollback (store);
      return FALSE;
    }
  return cm_store_commit (store, error);
}

static gint
oldest_first (gconstpointer a, gconstpointer b)
{
  gint64 x = cm_entity_get_id (*(CmEntity **) a), y = cm_entity_get_id (*(CmEntity **) b);

  return x < y ? -1 : x > y;
}

GPtrArray *
cm_cycle_history (CmStore *store, CmService *service)
{
  GListModel *events = cm_store_list (store, CM_TYPE_STAGE_EVENT);
  gint64 id = cm_entity_get_id (CM_ENTITY (service));
  GPtrArray *history = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CmStageEvent) event = g_list_model_get_item (events, i);

      if (cm_stage_event_get_service_id (event) == id)
        g_ptr_array_add (history, g_steal_pointer (&event));
    }
  g_ptr_array_sort (history, oldest_first);
  return history;
}
