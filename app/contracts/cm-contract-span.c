/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-span.c: the days a contract runs, as reports count them */
#include "cm-contract-span.h"
#include "cm-date.h"
#include "cm-deadlines.h"

void
cm_contract_span_of_dates (CmContract *contract, const CmContractDates *dates,
                           GDate *start, GDate *end)
{
  GDate decommissioned;

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  cm_date_parse_iso (cm_contract_get_start_date (contract), start);
  if (dates)
    *end = dates->current_end;
  else
    cm_date_parse_iso (cm_contract_get_end_date (contract), end);
  /* A decommissioned contract stopped costing money on that day. */
  if (cm_date_parse_iso (cm_contract_get_decommissioned_on (contract), &decommissioned) &&
      (!g_date_valid (end) || g_date_compare (&decommissioned, end) < 0))
    *end = decommissioned;
}

void
cm_contract_span (CmContract *contract, const GDate *today,
                  const CmDeadlineSettings *settings, GDate *start, GDate *end)
{
  CmContractDates dates;
  gboolean computed = cm_contract_compute_dates (contract, today, settings, &dates);

  cm_contract_span_of_dates (contract, computed ? &dates : NULL, start, end);
}
