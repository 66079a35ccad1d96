/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission-checks.c: what must be true before a decommission completes */
#include <glib/gi18n-lib.h>

#include "cm-checklist.h"
#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-decommission-checks.h"
#include "cm-decommissioning.h"
#include "cm-gate.h"
#include "cm-transition.h"

static GPtrArray *
step_problems (CmStore *store, CmDecommission *decommission)
{
  g_autoptr(GPtrArray) steps =
    cm_checklist_items (store, cm_decommission_get_service_id (decommission),
                        cm_decommission_get_cycle (decommission), CM_STAGE_DECOMMISSIONING);

  for (guint i = steps->len; i-- > 0;)
    if (g_strcmp0 (cm_checklist_item_get_template_key (g_ptr_array_index (steps, i)),
                   CM_DECOMMISSION_AFTER_STEP) == 0)
      g_ptr_array_remove_index (steps, i);
  return cm_gate_item_problems (steps);
}

char *
cm_decommission_notice_problem (CmContract *contract, const CmContractDates *dates)
{
  const char *reference = cm_contract_get_reference (contract);
  g_autofree char *latest = NULL;
  GDate served;

  if (dates == NULL)
    return g_strdup_printf (_("The notice on contract %s cannot be checked: record its start "
                              "date and term under Contracts & Deadlines."), reference);
  if (!g_date_valid (&dates->latest_notice))
    return g_strdup_printf (_("The notice on contract %s cannot be checked: record its notice "
                              "period under Contracts & Deadlines."), reference);
  latest = cm_date_to_long (&dates->latest_notice);
  if (!cm_date_parse_iso (cm_contract_get_notice_served (contract), &served))
    return g_strdup_printf (_("Notice has not been served on contract %s (the last day was "
                              "%s). Record the day it was served."), reference, latest);
  if (g_date_compare (&served, &dates->latest_notice) > 0)
    {
      g_autofree char *on = cm_date_to_long (&served);

      return g_strdup_printf (_("Notice on contract %s was served on %s, after the last day "
                                "to serve it, %s."), reference, on, latest);
    }
  return NULL;
}

gboolean
cm_decommission_contract_end (CmContract *contract, const GDate *today,
                              const CmDeadlineSettings *settings, GDate *end)
{
  CmContractDates dates;

  if (cm_contract_compute_dates (contract, today, settings, &dates) &&
      g_date_valid (&dates.current_end))
    {
      *end = dates.current_end;
      return TRUE;
    }
  return cm_date_parse_iso (cm_contract_get_end_date (contract), end);
}

static void
contract_problems (GPtrArray *problems, CmContract *contract, const GDate *today,
                   const CmDeadlineSettings *settings)
{
  CmContractDates dates;
  gboolean known = cm_contract_compute_dates (contract, today, settings, &dates);
  char *notice = cm_decommission_notice_problem (contract, known ? &dates : NULL);
  GDate end;

  if (notice)
    g_ptr_array_add (problems, notice);
  if (cm_decommission_contract_end (contract, today, settings, &end) &&
      g_date_compare (&end, today) > 0)
    {
      g_autofree char *until = cm_date_to_long (&end);

      g_ptr_array_add (problems,
                       g_strdup_printf (_("Contract %s runs until %s. Complete the "
                                          "decommission once it has ended."),
                                        cm_contract_get_reference (contract), until));
    }
}

static gboolean
is_settled (CmTransition *person)
{
  CmTransitionStatus status = cm_transition_get_status (person);

  return status == CM_TRANSITION_COMPLETE || status == CM_TRANSITION_DECLINED;
}

static void
transition_problems (GPtrArray *problems, CmStore *store, CmDecommission *decommission)
{
  g_autoptr(GPtrArray) people = cm_decommission_transitions (store, decommission);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < people->len; i++)
    if (!is_settled (g_ptr_array_index (people, i)))
      g_ptr_array_add (open, (gpointer) cm_transition_get_person_ref (g_ptr_array_index (people, i)));
  if (open->len == 0)
    return;
  g_ptr_array_add (open, NULL);
  list = g_strjoinv (", ", (char **) open->pdata);
  g_ptr_array_add (problems,
                   g_strdup_printf (ngettext ("The move of %u person to other support is not "
                                              "settled (%s): record it complete, or declined.",
                                              "The moves of %u people to other support are not "
                                              "settled (%s): record each complete, or declined.",
                                              open->len - 1), open->len - 1, list));
}

GPtrArray *
cm_decommission_completion_problems (CmStore *store, CmDecommission *decommission,
                                     const GDate *today)
{
  GPtrArray *problems = step_problems (store, decommission);
  g_autoptr(GPtrArray) contracts = cm_decommission_contracts (store, decommission);
  CmDeadlineSettings settings;

  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < contracts->len; i++)
    contract_problems (problems, g_ptr_array_index (contracts, i), today, &settings);
  transition_problems (problems, store, decommission);
  return problems;
}
