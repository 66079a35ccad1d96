/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-gate.c: whether a service may leave its current stage */
#include <glib/gi18n-lib.h>

#include "cm-checklist.h"
#include "cm-eia-process.h"
#include "cm-gate.h"
#include "cm-store-gates.h"

GPtrArray *
cm_gate_item_problems (GPtrArray *items)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (items, i);
      const char *title = cm_checklist_item_get_title (item);

      if (!cm_checklist_item_get_required (item) || cm_checklist_item_is_settled (item))
        continue;
      if (cm_checklist_item_get_state (item) == CM_ITEM_STATE_NOT_APPLICABLE)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("“%s” is marked not applicable without a reason."),
                                          title));
      else
        g_ptr_array_add (problems, g_strdup_printf (_("“%s” is not done."), title));
    }
  return problems;
}

/* Do secures the service: it cannot close before a contract is recorded. */
static char *
contract_recorded (CmStore *store, CmService *service)
{
  if (cm_service_get_contract_count (service) > 0)
    return NULL;
  return g_strdup (_("No contract is recorded for this service. Add its contract from the "
                     "service’s page."));
}

/* Plan decides what to commission, which needs due regard to equality
 * (Equality Act 2010 s149): an EIA of this cycle must be signed off. */
static char *
eia_signed_off (CmStore *store, CmService *service)
{
  if (cm_eia_signed_for_cycle (store, cm_entity_get_id (CM_ENTITY (service)),
                               cm_service_get_cycle (service)))
    return NULL;
  return g_strdup (_("No equality impact assessment of this cycle is signed off. Start or "
                     "open it from the service’s page, complete its screening and sign it off."));
}

static const CmGateCondition conditions[] = {
  { CM_STAGE_PLAN, eia_signed_off },
  { CM_STAGE_DO, contract_recorded },
  { 0, NULL }
};

const CmGateCondition *
cm_gate_conditions (void)
{
  return conditions;
}

GPtrArray *
cm_gate_problems (CmStore *store, CmService *service)
{
  CmStage stage = cm_service_get_stage (service);
  g_autoptr(GPtrArray) items =
    cm_checklist_items (store, cm_entity_get_id (CM_ENTITY (service)),
                        cm_service_get_cycle (service), stage);
  GPtrArray *problems = cm_gate_item_problems (items);

  for (const CmGateCondition *c = cm_gate_conditions (); c->check; c++)
    {
      char *problem = c->stage == stage ? c->check (store, service) : NULL;

      if (problem)
        g_ptr_array_add (problems, problem);
    }
  return problems;
}

char *
cm_gate_template_stages (CmStore *store)
{
  GString *stages = g_string_new (",");

  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      /* No service has id 0: its items are the template's. */
      g_autoptr(GPtrArray) items = cm_checklist_items (store, 0, 1, stage);
      g_autoptr(GPtrArray) problems = cm_gate_item_problems (items);

      if (problems->len > 0)
        g_string_append_printf (stages, "%s,", cm_enum_to_nick (CM_TYPE_STAGE, stage));
    }
  return g_string_free (stages, FALSE);
}

/* As cm_gate_problems () decides, for every service at once. */
GArray *
cm_gate_held_services (CmStore *store, GError **error)
{
  g_autofree char *stages = cm_gate_template_stages (store);

  return cm_store_services_held (store, stages, error);
}

/* The step out of @stage in @service's current cycle, or NULL. */
static CmStageEvent *
step_out_of (CmService *service, CmStage stage, GPtrArray *history)
{
  for (guint i = history->len; i-- > 0;)
    {
      CmStageEvent *event = g_ptr_array_index (history, i);

      if (cm_stage_event_get_cycle (event) == cm_service_get_cycle (service) &&
          cm_stage_event_get_from_stage (event) == stage &&
          cm_stage_event_get_decision (event) == CM_REVIEW_DECISION_NONE)
        return event;
    }
  return NULL;
}

static void
count_required (GPtrArray *items, CmGateSummary *summary)
{
  for (guint i = 0; i < items->len; i++)
    if (cm_checklist_item_get_required (g_ptr_array_index (items, i)))
      {
        summary->required++;
        summary->settled += cm_checklist_item_is_settled (g_ptr_array_index (items, i));
      }
}

void
cm_gate_summarise (CmStore *store, CmService *service, CmStage stage, GPtrArray *history,
                   CmGateSummary *summary)
{
  CmStage current = cm_service_get_stage (service);
  g_autoptr(GPtrArray) items =
    cm_checklist_items (store, cm_entity_get_id (CM_ENTITY (service)),
                        cm_service_get_cycle (service), stage);
  CmStageEvent *step = stage < current ? step_out_of (service, stage, history) : NULL;

  *summary = (CmGateSummary) { CM_GATE_NOT_REACHED, 0, 0, NULL };
  count_required (items, summary);
  if (step && cm_stage_event_get_overridden (step))
    {
      summary->state = CM_GATE_OVERRIDDEN;
      summary->reason = cm_stage_event_get_reason (step);
    }
  else if (stage < current)
    summary->state = CM_GATE_PASSED;
  else if (stage == current)
    {
      g_autoptr(GPtrArray) problems = cm_gate_problems (store, service);

      summary->state = problems->len == 0 ? CM_GATE_READY : CM_GATE_HELD;
    }
}

static const char *
state_word (CmGateState state)
{
  switch (state)
    {
    case CM_GATE_HELD:
      return _("held");
    case CM_GATE_READY:
      return _("ready");
    case CM_GATE_PASSED:
      return _("passed");
    case CM_GATE_OVERRIDDEN:
      return _("overridden");
    case CM_GATE_NOT_REACHED:
    default:
      return _("not reached");
    }
}

char *
cm_gate_summary_text (const CmGateSummary *summary)
{
  /* The stage the service is in is "current", held or ready alike. */
  const char *where = summary->state == CM_GATE_HELD || summary->state == CM_GATE_READY
                      ? _("current") : state_word (summary->state);
  g_autofree char *done = g_strdup_printf (ngettext ("%s · %u of %u required done",
                                                     "%s · %u of %u required done",
                                                     summary->required),
                                           where, summary->settled, summary->required);

  if (summary->state == CM_GATE_OVERRIDDEN && summary->reason && *summary->reason)
    return g_strdup_printf (_("%s: %s"), done, summary->reason);
  return g_steal_pointer (&done);
}

char *
cm_gate_state_text (const CmGateSummary *summary)
{
  if (summary->state == CM_GATE_OVERRIDDEN && summary->reason && *summary->reason)
    return g_strdup_printf (_("%s: %s"), state_word (summary->state), summary->reason);
  return g_strdup (state_word (summary->state));
}

CmStageEvent *
cm_gate_last_override (CmService *service, GPtrArray *history)
{
  for (guint i = history->len; i-- > 0;)
    {
      CmStageEvent *event = g_ptr_array_index (history, i);

      if (cm_stage_event_get_cycle (event) != cm_service_get_cycle (service))
        return NULL;
      if (cm_stage_event_get_overridden (event))
        return event;
    }
  return NULL;
}
