/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-flags.c: what a contract's dates need a person to look at */
#include <glib/gi18n-lib.h>

#include "cm-contract-flags.h"
#include "cm-date.h"
#include "cm-deadlines.h"

static void
flag_free (gpointer data)
{
  CmContractFlag *flag = data;

  g_free (flag->title);
  g_free (flag->text);
  g_free (flag);
}

static void
add (GPtrArray *flags, CmContractFlagKind kind, const char *title, char *text)
{
  CmContractFlag *flag = g_new0 (CmContractFlag, 1);

  flag->kind = kind;
  flag->title = g_strdup (title);
  flag->text = text;
  g_ptr_array_add (flags, flag);
}

/* Past its end with nothing recorded: services may be running without a
 * contract until someone says what happened. */
static void
ended_not_closed (GPtrArray *flags, CmContract *contract, const CmContractDates *dates,
                  const GDate *today)
{
  g_autofree char *end = NULL;

  if (g_date_compare (&dates->current_end, today) >= 0 || cm_contract_is_closed (contract))
    return;
  end = cm_date_to_long (&dates->current_end);
  add (flags, CM_CONTRACT_FLAG_ENDED_NOT_CLOSED, _("⚠ Ended, not closed"),
       g_strdup_printf (_("The contract ended on %s and what happened is not recorded. Edit it "
                          "and choose its Outcome at its end: extended, re-let, decommissioned "
                          "or ended by expiry."), end));
}

/* Unknown, not zero: the end date is never shown in its place. */
static void
notice_unknown (GPtrArray *flags, const CmContractDates *dates)
{
  if (dates->notice_status != CM_DEADLINE_UNKNOWN)
    return;
  add (flags, CM_CONTRACT_FLAG_NOTICE_UNKNOWN, _("Last day to serve notice"),
       g_strdup (_("Not known: the notice period is not recorded. Enter the contract’s notice "
                   "period, such as 3 months, to see it.")));
}

/* Both dates, and the one used: what was signed. */
static void
end_disagrees (GPtrArray *flags, CmContract *contract, const CmContractDates *dates)
{
  g_autofree char *recorded = NULL;
  g_autofree char *by_term = NULL;

  if (!dates->end_disagrees)
    return;
  recorded = cm_date_format_long (cm_contract_get_end_date (contract));
  by_term = cm_date_to_long (&dates->term_end);
  add (flags, CM_CONTRACT_FLAG_END_DISAGREES, _("⚠ End date and term disagree"),
       g_strdup_printf (_("The end date recorded is %s, but the start date and term give %s. "
                          "The dates here use the recorded end date, as it is what was "
                          "signed. Correct whichever is wrong."), recorded, by_term));
}

static void
vcse_disagrees (GPtrArray *flags, CmContract *contract)
{
  gboolean disagrees = FALSE;
  g_autofree char *sector = NULL;

  cm_contract_compact_applies (contract, &disagrees);
  if (!disagrees)
    return;
  sector = cm_enum_to_label_as_written (CM_TYPE_SECTOR, cm_contract_get_provider_sector (contract),
                                        NULL);
  add (flags, CM_CONTRACT_FLAG_VCSE_DISAGREES, _("⚠ VCSE flag and sector disagree"),
       g_strdup_printf (_("%s is marked VCSE, but its sector is %s. The dates follow the VCSE "
                          "flag, so the Compact’s minimum notice applies. Correct the "
                          "provider’s sector or flag if either is wrong."),
                        cm_contract_get_provider_name (contract), sector));
}

GPtrArray *
cm_contract_flags (CmContract *contract, const CmContractDates *dates, const GDate *today)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func (flag_free);

  ended_not_closed (flags, contract, dates, today);
  notice_unknown (flags, dates);
  end_disagrees (flags, contract, dates);
  vcse_disagrees (flags, contract);
  return flags;
}
