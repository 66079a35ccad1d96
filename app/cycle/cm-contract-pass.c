/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-pass.c: what the Overview needs of every contract, from
 * one pass over the file */
#include "cm-contract-pass.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-report-period.h"

typedef struct {
  CmStore *store;
  const GDate *today;
  CmDeadlineSettings settings;
  CmContractPass *pass;
  CmSpendTally *tally;
  GCancellable *cancellable;
} Pass;

static void
date_due_free (gpointer data)
{
  CmDateDue *due = data;

  g_free (due->title);
  g_free (due);
}

void
cm_contract_pass_free (CmContractPass *pass)
{
  g_clear_pointer (&pass->due, g_ptr_array_unref);
  g_clear_pointer (&pass->ends, g_hash_table_unref);
  g_clear_pointer (&pass->spend, cm_spend_free);
  g_free (pass);
}

/* Notice, extension and procurement dates due soon or overdue, while
 * something can still be done about them: a breached date is history. */
static void
keep_deadline (const CmDeadline *deadline, gpointer data)
{
  CmContractPass *pass = data;
  CmDateDue *due;

  pass->overdue_dates += deadline->status == CM_DEADLINE_OVERDUE ||
                         deadline->status == CM_DEADLINE_BREACHED;
  if (deadline->kind == CM_DEADLINE_KIND_END ||
      (deadline->status != CM_DEADLINE_DUE_SOON && deadline->status != CM_DEADLINE_OVERDUE))
    return;
  due = g_new0 (CmDateDue, 1);
  due->contract_id = cm_entity_get_id (CM_ENTITY (deadline->contract));
  due->service_id = cm_contract_get_service_id (deadline->contract);
  due->kind = deadline->kind;
  due->date = deadline->date;
  due->title = g_strdup (cm_contract_get_title (deadline->contract));
  g_ptr_array_add (pass->due, due);
}

static void
count_end (GHashTable *ends, const GDate *end)
{
  gpointer day = GUINT_TO_POINTER (g_date_get_julian (end));

  g_hash_table_insert (ends, day,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (ends, day)) + 1));
}

/* The days it runs, as cm_contract_span () counts them, from its dates. */
static void
span_of (CmContract *c, const CmContractDates *dates, GDate *start, GDate *end)
{
  GDate decommissioned;

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  cm_date_parse_iso (cm_contract_get_start_date (c), start);
  if (dates)
    *end = dates->current_end;
  else
    cm_date_parse_iso (cm_contract_get_end_date (c), end);
  if (cm_date_parse_iso (cm_contract_get_decommissioned_on (c), &decommissioned) &&
      (!g_date_valid (end) || g_date_compare (&decommissioned, end) < 0))
    *end = decommissioned;
}

static gboolean
add_contract (CmEntity *record, gpointer data)
{
  Pass *p = data;
  CmContract *contract = CM_CONTRACT (record);
  CmContractDates dates;
  gboolean dated = cm_contract_compute_dates (contract, p->today, &p->settings, &dates);
  GDate start, end;

  if (g_cancellable_is_cancelled (p->cancellable))
    return FALSE;
  if (dated)
    {
      cm_contract_each_deadline (contract, &dates, p->today, &p->settings, keep_deadline,
                                 p->pass);
      if (!cm_contract_is_closed (contract))
        count_end (p->pass->ends, &dates.current_end);
    }
  cm_contract_each_notice_deadline (p->store, contract, p->today, &p->settings, keep_deadline,
                                    p->pass);
  span_of (contract, dated ? &dates : NULL, &start, &end);
  cm_spend_tally_add (p->tally, contract, &start, &end);
  return TRUE;
}

CmContractPass *
cm_contract_pass_run (CmStore *store, const GDate *today, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr(CmContractPass) pass = g_new0 (CmContractPass, 1);
  Pass p = { store, today, .cancellable = cancellable };
  CmReportPeriod year;
  gboolean read;

  pass->due = g_ptr_array_new_with_free_func (date_due_free);
  pass->ends = g_hash_table_new (g_direct_hash, g_direct_equal);
  cm_deadline_settings_load (store, &p.settings);
  cm_report_period_year_of (today, &year);
  p.pass = pass;
  p.tally = cm_spend_tally_new (store, &year);
  read = cm_store_each (store, CM_TYPE_CONTRACT, add_contract, &p, error);
  pass->spend = cm_spend_tally_finish (p.tally);
  if (read && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return read ? g_steal_pointer (&pass) : NULL;
}
