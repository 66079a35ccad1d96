/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-gate.c: whether a service may leave its current stage */
#include <glib/gi18n-lib.h>

#include "cm-checklist.h"
#include "cm-eia-process.h"
#include "cm-gate.h"

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
  return g_strdup (_("No contract is recorded for this service. Add its contract on the "
                     "Contracts page."));
}

/* Plan decides what to commission, which needs due regard to equality
 * (Equality Act 2010 s149): an EIA of this cycle must be signed off. */
static char *
eia_signed_off (CmStore *store, CmService *service)
{
  if (cm_eia_signed_for_cycle (store, cm_entity_get_id (CM_ENTITY (service)),
                               cm_service_get_cycle (service)))
    return NULL;
  return g_strdup (_("No equality impact assessment of this cycle is signed off. Complete "
                     "its screening and sign it off on the EIAs page."));
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
