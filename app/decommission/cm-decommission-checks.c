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

void
cm_decommission_check_free (gpointer data)
{
  CmDecommissionCheck *check = data;

  g_free (check->problem);
  g_free (check);
}

static void
add_check (GPtrArray *checks, CmDecommissionCheckKind kind, char *problem, gint64 contract_id)
{
  CmDecommissionCheck *check = g_new0 (CmDecommissionCheck, 1);

  check->kind = kind;
  check->problem = problem;
  check->contract_id = contract_id;
  g_ptr_array_add (checks, check);
}

static void
step_checks (GPtrArray *checks, CmStore *store, CmDecommission *decommission)
{
  g_autoptr(GPtrArray) steps =
    cm_checklist_items (store, cm_decommission_get_service_id (decommission),
                        cm_decommission_get_cycle (decommission), CM_STAGE_DECOMMISSIONING);
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = steps->len; i-- > 0;)
    if (g_strcmp0 (cm_checklist_item_get_template_key (g_ptr_array_index (steps, i)),
                   CM_DECOMMISSION_AFTER_STEP) == 0)
      g_ptr_array_remove_index (steps, i);
  problems = cm_gate_item_problems (steps);
  for (guint i = 0; i < problems->len; i++)
    add_check (checks, CM_DECOMMISSION_CHECK_STEP, g_strdup (g_ptr_array_index (problems, i)), 0);
}

char *
cm_decommission_notice_problem (CmContract *contract, const CmContractDates *dates)
{
  const char *reference = cm_contract_get_reference (contract);
  g_autofree char *latest = NULL;
  GDate served;

  if (dates == NULL)
    return g_strdup_printf (_("The notice on contract %s cannot be checked: its start date and "
                              "term are not recorded. Edit the contract to add them."), reference);
  if (!g_date_valid (&dates->latest_notice))
    return g_strdup_printf (_("The notice on contract %s cannot be checked: its notice period is "
                              "not recorded. Edit the contract to add it."), reference);
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
contract_checks (GPtrArray *checks, CmContract *contract, const GDate *today,
                 const CmDeadlineSettings *settings)
{
  CmContractDates dates;
  gboolean known = cm_contract_compute_dates (contract, today, settings, &dates);
  char *notice = cm_decommission_notice_problem (contract, known ? &dates : NULL);
  gint64 id = cm_entity_get_id (CM_ENTITY (contract));
  GDate end;

  if (notice)
    add_check (checks, known && g_date_valid (&dates.latest_notice)
                       ? CM_DECOMMISSION_CHECK_NOTICE : CM_DECOMMISSION_CHECK_CONTRACT_DATES,
               notice, id);
  if (cm_decommission_contract_end (contract, today, settings, &end) &&
      g_date_compare (&end, today) > 0)
    {
      g_autofree char *until = cm_date_to_long (&end);

      add_check (checks, CM_DECOMMISSION_CHECK_CONTRACT_RUNNING,
                 g_strdup_printf (_("Contract %s runs until %s. Complete the decommission "
                                    "once it has ended."),
                                  cm_contract_get_reference (contract), until), id);
    }
}

static gboolean
is_settled (CmTransition *person)
{
  CmTransitionStatus status = cm_transition_get_status (person);

  return status == CM_TRANSITION_COMPLETE || status == CM_TRANSITION_DECLINED;
}

static void
transition_checks (GPtrArray *checks, CmStore *store, CmDecommission *decommission)
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
  add_check (checks, CM_DECOMMISSION_CHECK_MOVES,
             g_strdup_printf (ngettext ("The move of %u person to other support is not "
                                              "settled (%s): record it complete, or declined.",
                                              "The moves of %u people to other support are not "
                                              "settled (%s): record each complete, or declined.",
                                              open->len - 1), open->len - 1, list), 0);
}

GPtrArray *
cm_decommission_checks (CmStore *store, CmDecommission *decommission, const GDate *today)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func (cm_decommission_check_free);
  g_autoptr(GPtrArray) contracts = cm_decommission_contracts (store, decommission);
  CmDeadlineSettings settings;

  step_checks (checks, store, decommission);
  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < contracts->len; i++)
    contract_checks (checks, g_ptr_array_index (contracts, i), today, &settings);
  transition_checks (checks, store, decommission);
  return checks;
}

GPtrArray *
cm_decommission_completion_problems (CmStore *store, CmDecommission *decommission,
                                     const GDate *today)
{
  g_autoptr(GPtrArray) checks = cm_decommission_checks (store, decommission, today);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < checks->len; i++)
    {
      CmDecommissionCheck *check = g_ptr_array_index (checks, i);

      g_ptr_array_add (problems, g_steal_pointer (&check->problem));
    }
  return problems;
}
