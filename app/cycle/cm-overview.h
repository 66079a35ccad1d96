/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview.h: the state of a whole portfolio at a glance
 *
 * Which stage each service is in, which services a gate holds and why,
 * and what is overdue: checklist items and EIA mitigating actions past
 * their due date, contract dates that have passed or were breached, and
 * EIA reviews after decommissioning. Decisions not informed by a signed
 * EIA signed off before them are flagged.
 *
 * First of all, what needs the user now: gates ready to pass, notice dates
 * inside the warning window, EIAs not yet signed off, and decommissioning
 * steps past their due date, each naming its service.
 */
#pragma once

#include "cm-checklist-item.h"
#include "cm-overview-charts.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  CmService *service;
  gboolean   held;            /* the gate out of its current stage does not pass */
  GPtrArray *problems;        /* of char *, what holds it: see cm_overview_gate_problems () */
} CmServiceGate;

/* Listed in this order, most pressing kind first. */
typedef enum {
  CM_ATTENTION_STEP_OVERDUE,  /* a decommissioning step past its due date */
  CM_ATTENTION_NOTICE_DUE,    /* a contract date within the warning window or overdue */
  CM_ATTENTION_EIA_TO_SIGN,   /* the current version of an EIA is not signed off */
  CM_ATTENTION_GATE_READY,    /* every required item of the stage is settled */
  CM_ATTENTION_N_KINDS
} CmAttentionKind;

typedef struct {
  CmAttentionKind kind;
  gint64          service_id;
  gint64          record_id; /* the checklist item, contract or EIA; the service for a gate */
  GDate           date;      /* the step's or contract's date; invalid otherwise */
  guint           deadline;  /* a CmDeadlineKind, for NOTICE_DUE */
  guint           to_do;     /* what an EIA still lacks before sign-off */
  char           *title;     /* the step's or contract's title; NULL otherwise */
} CmAttention;

typedef struct {
  GPtrArray *attention;       /* of CmAttention, by kind then date */
  GPtrArray *stages[CM_STAGE_DECOMMISSIONING + 1]; /* of CmServiceGate, by stage */
  GPtrArray *held;            /* of CmServiceGate: the gate does not pass */
  GPtrArray *overdue_items;   /* of CmChecklistItem, oldest due date first */
  GPtrArray *overdue_actions; /* of CmEiaMitigation of current EIA versions, oldest first */
  GPtrArray *overdue_risks;   /* of CmRisk past their review date */
  guint      overdue_dates;   /* contract dates overdue or breached */
  GPtrArray *flagged_decisions; /* of CmDecisionEvidence with a problem and no override */
  GPtrArray *overdue_reviews;   /* of CmEiaReviewDue: EIA reviews after decommissioning */
  GHashTable *services;         /* each service by its id, for the rows that name it */
} CmOverview;

CmOverview *cm_overview_collect   (CmStore *store, const GDate *today);
/* The overview and its charts, from one pass over the contracts
 * (cm-contract-pass.h): NULL, with @error, when the contracts cannot be
 * read or @cancellable (may be NULL) was cancelled; @charts NULL, with
 * @error, when only the charts' figures cannot be. */
CmOverview *cm_overview_collect_with_charts (CmStore *store, const GDate *today,
                                             GCancellable *cancellable,
                                             CmOverviewCharts **charts, GError **error);
GPtrArray  *cm_overview_attention (CmStore *store, const GDate *today, GPtrArray *gates);
CmService  *cm_overview_find_service (CmOverview *overview, gint64 service_id);
/* What holds @gate (empty when it passes), worked out on the first call:
 * a portfolio's gates are counted in one query, and a gate's reasons
 * looked up only when shown. */
GPtrArray  *cm_overview_gate_problems (CmStore *store, CmServiceGate *gate);
CmOverview *cm_overview_ref       (CmOverview *overview);
void        cm_overview_free      (CmOverview *overview); /* drops a reference */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmOverview, cm_overview_free)

G_END_DECLS
