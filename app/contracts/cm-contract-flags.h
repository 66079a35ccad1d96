/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-flags.h: what a contract's dates need a person to look at
 *
 * Contradictions are flagged, never silently resolved (DOMAIN.md): an end
 * date that disagrees with start + term, a provider whose VCSE flag and
 * sector disagree; and gaps: a contract past its end that nobody has
 * closed, a notice period not recorded.
 */
#pragma once

#include "cm-contract.h"
#include "cm-contract-dates.h"

G_BEGIN_DECLS

typedef enum {
  CM_CONTRACT_FLAG_ENDED_NOT_CLOSED,
  CM_CONTRACT_FLAG_NOTICE_UNKNOWN,
  CM_CONTRACT_FLAG_END_DISAGREES,
  CM_CONTRACT_FLAG_VCSE_DISAGREES,
} CmContractFlagKind;

typedef struct {
  CmContractFlagKind kind;
  char *title; /* "⚠ End date and term disagree" */
  char *text;  /* both values, which one is used, and what to do */
} CmContractFlag;

/* The flags of @contract on @today, given its @dates; of CmContractFlag*,
 * in the order of CmContractFlagKind. */
GPtrArray *cm_contract_flags (CmContract *contract, const CmContractDates *dates,
                              const GDate *today);

G_END_DECLS
