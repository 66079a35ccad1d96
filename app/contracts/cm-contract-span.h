/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-span.h: the days a contract runs, as reports count them */
#pragma once

#include "cm-contract.h"
#include "cm-contract-dates.h"

G_BEGIN_DECLS

/* From the start date to the current end (the end date as written when
 * the term cannot be read), or to the day it was decommissioned when
 * that came first. A side that is not known is left invalid. */
void cm_contract_span (CmContract *contract, const GDate *today,
                       const CmDeadlineSettings *settings, GDate *start, GDate *end);
/* The same from dates already computed, or from the dates as written
 * when @dates is NULL (the term could not be read). */
void cm_contract_span_of_dates (CmContract *contract, const CmContractDates *dates,
                                GDate *start, GDate *end);

G_END_DECLS
