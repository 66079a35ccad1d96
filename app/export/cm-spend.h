/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-spend.h: spend on the third sector in a financial year, by the
 * commissioners who pay it and the services they pay for */
#pragma once

#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-report-period.h"
#include "cm-service-digest.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  char  *funder;           /* the organisation that pays, as recorded */
  gint64 organisation_id;  /* 0 for a funding source named only in words */
  char  *service;
  gint64 service_id;
  gint64 pence;
} CmSpendLine;

typedef struct {
  GPtrArray *lines;     /* of CmSpendLine, by funder then service */
  guint      undated;   /* third-sector contracts left out: no readable start or end */
} CmSpend;

void     cm_spend_free  (CmSpend *spend);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSpend, cm_spend_free)

/* Each third-sector contract's annual value times the share of @year's
 * days it runs, split between its service's funding sources in
 * proportion to their amounts, or all to the lead commissioner when none
 * is recorded. Lines are rounded to the penny once, after summing. */
/* The same sums made one contract at a time, as a single pass over the
 * file reads them: @start and @end are the contract's span
 * (cm-contract-span.h). Finishing frees the tally. */
typedef struct _CmSpendTally CmSpendTally;

CmSpendTally *cm_spend_tally_new    (CmStore *store, const CmReportPeriod *year);
/* With @services read already by the caller, who keeps them until the
 * tally is finished. */
CmSpendTally *cm_spend_tally_new_for (CmStore *store, const CmReportPeriod *year,
                                      CmServiceDigest *services);
void          cm_spend_tally_add    (CmSpendTally *tally, CmContract *contract,
                                     const GDate *start, const GDate *end);
CmSpend      *cm_spend_tally_finish (CmSpendTally *tally);

CmSpend *cm_spend_for_year (CmStore *store, const CmReportPeriod *year, const GDate *today,
                            const CmDeadlineSettings *settings);

G_END_DECLS
