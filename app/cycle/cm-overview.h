/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview.h: the state of a whole portfolio at a glance
 *
 * Which stage each service is in, which services a gate holds and why,
 * and what is overdue: checklist items and EIA mitigating actions past
 * their due date, contract dates that have passed or were breached, and
 * EIA reviews after decommissioning. Decisions not informed by a signed
 * EIA signed off before them are flagged.
 */
#pragma once

#include "cm-checklist-item.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  CmService *service;
  GPtrArray *problems;        /* of char *; empty when the gate passes */
} CmServiceGate;

typedef struct {
  GPtrArray *stages[CM_STAGE_DECOMMISSIONING + 1]; /* of CmServiceGate, by stage */
  GPtrArray *held;            /* of CmServiceGate: the gate does not pass */
  GPtrArray *overdue_items;   /* of CmChecklistItem, oldest due date first */
  GPtrArray *overdue_actions; /* of CmEiaMitigation of current EIA versions, oldest first */
  GPtrArray *overdue_risks;   /* of CmRisk past their review date */
  guint      overdue_dates;   /* contract dates overdue or breached */
  GPtrArray *flagged_decisions; /* of CmDecisionEvidence with a problem and no override */
  GPtrArray *overdue_reviews;   /* of CmEiaReviewDue: EIA reviews after decommissioning */
} CmOverview;

CmOverview *cm_overview_collect (CmStore *store, const GDate *today);
void        cm_overview_free    (CmOverview *overview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmOverview, cm_overview_free)

G_END_DECLS
