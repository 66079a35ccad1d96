/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview-charts.h: the figures the Overview draws as charts
 *
 * Services by stage, with those held at their gate and those passed by
 * override counted apart; spend in the financial year containing today,
 * by who pays and by the kind of service, as the Spend summary sheet
 * works it out; and how many contracts end in each of the next eight
 * quarters of the financial year, by the dates the term gives.
 */
#pragma once

#include "cm-contract-pass.h"
#include "cm-enums.h"
#include "cm-report-period.h"
#include "cm-store.h"
#include "cm-store-gates.h"

G_BEGIN_DECLS

#define CM_CHART_QUARTERS 8
/* More bars than this would not be read: the smallest are summed into one. */
#define CM_CHART_MAX_BARS 6

/* services, held (the gate out of the stage does not pass yet) and
 * overridden (a gate of the current cycle was passed by override) */
typedef CmStoreStageCount CmStageCount;

typedef struct {
  char  *label;      /* who pays, or the kind of service */
  gint64 pence;
  guint  n_merged;   /* 0, or how many smaller ones this bar sums */
} CmSpendTotal;

typedef struct {
  CmStageCount   stages[CM_STAGE_DECOMMISSIONING + 1];
  CmReportPeriod year;
  GPtrArray     *spend_by_commissioner; /* of CmSpendTotal, largest first */
  GPtrArray     *spend_by_type;         /* of CmSpendTotal, largest first */
  guint          spend_undated;         /* contracts without both ends, left out */
  CmReportPeriod quarters[CM_CHART_QUARTERS]; /* the one containing today first */
  guint          ending[CM_CHART_QUARTERS];
} CmOverviewCharts;

CmOverviewCharts *cm_overview_charts_collect (CmStore *store, const GDate *today,
                                              GError **error);
/* The same from a pass over the contracts already made on @today. */
CmOverviewCharts *cm_overview_charts_collect_from (CmStore *store, const GDate *today,
                                                   const CmContractPass *pass,
                                                   GError **error);
void              cm_overview_charts_free    (CmOverviewCharts *charts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmOverviewCharts, cm_overview_charts_free)

G_END_DECLS
