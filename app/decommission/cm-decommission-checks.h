/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission-checks.h: what must be true before a decommission completes
 *
 * Completion means the substance is done, not only the ticks: every step
 * settled (the EIA review excepted: it follows completion), notice served
 * in time on every contract that ends, every person's move settled, and
 * every contract ended. Each contract is then marked ended on the day it
 * actually ends, not on the day the decommission is completed.
 */
#pragma once

#include "cm-contract.h"
#include "cm-deadline-settings.h"
#include "cm-decommission.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* The checklist step done after completion rather than before it. */
#define CM_DECOMMISSION_AFTER_STEP "eia-review"

typedef enum {
  CM_DECOMMISSION_CHECK_STEP,             /* a step of its checklist is not settled */
  CM_DECOMMISSION_CHECK_CONTRACT_DATES,   /* a contract's notice cannot be worked out */
  CM_DECOMMISSION_CHECK_NOTICE,           /* notice not served, or served too late */
  CM_DECOMMISSION_CHECK_CONTRACT_RUNNING, /* a contract has not ended yet */
  CM_DECOMMISSION_CHECK_MOVES,            /* people's moves are not settled */
} CmDecommissionCheckKind;

/* One thing that holds completion, with the contract it is about, so
 * that the window can offer the action that settles it. */
typedef struct {
  CmDecommissionCheckKind kind;
  char *problem;        /* what is wrong, one sentence */
  gint64 contract_id;   /* of the contract kinds; 0 for the others */
} CmDecommissionCheck;

void       cm_decommission_check_free          (gpointer check);

/* What holds the completion of @decommission on @today (of
 * CmDecommissionCheck), in the order cm_decommission_completion_problems ()
 * says it. */
GPtrArray *cm_decommission_checks              (CmStore *store, CmDecommission *decommission,
                                                const GDate *today);

/* What holds the completion of @decommission on @today, one sentence each
 * (of char *); empty when it may complete. */
GPtrArray *cm_decommission_completion_problems (CmStore *store, CmDecommission *decommission,
                                                const GDate *today);

/* What is wrong with the notice on @contract, or NULL when it was served
 * by the last day; @dates is NULL when its dates cannot be worked out. */
char      *cm_decommission_notice_problem      (CmContract *contract,
                                                const CmContractDates *dates);

/* The day @contract actually ends: its current end as its term and
 * extensions give it, else its recorded end date; FALSE when neither is
 * known. */
gboolean   cm_decommission_contract_end        (CmContract *contract, const GDate *today,
                                                const CmDeadlineSettings *settings, GDate *end);

G_END_DECLS
