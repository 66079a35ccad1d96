/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-cycle.h: moving a service through Analyse, Plan, Do and Review
 *
 * Each step is one audited action that saves the service's new stage and
 * a stage event saying why. A step through a gate that does not pass is
 * an override, and needs a reason.
 */
#pragma once

#include "cm-service.h"
#include "cm-stage-event.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_CYCLE_ERROR (cm_cycle_error_quark ())
typedef enum {
  CM_CYCLE_ERROR_BLOCKED,   /* the gate does not pass and no reason was given */
  CM_CYCLE_ERROR_INVALID,   /* the step does not exist from this stage */
} CmCycleError;
GQuark cm_cycle_error_quark (void);

/* Moves @service from Analyse, Plan or Do to the next stage. @reason may
 * be NULL when the gate passes. */
gboolean   cm_cycle_advance (CmStore *store, CmService *service, const char *reason,
                             GError **error);

/* Closes Review with @decision, which always needs a reason:
 * extend takes the next extension of each of the service's contracts that
 * has one, and keeps the service in Review; re-commission starts the next
 * cycle at Analyse; decommission opens decommissioning (cm-decommissioning.h). */
gboolean   cm_cycle_decide  (CmStore *store, CmService *service, CmReviewDecision decision,
                             const char *reason, GError **error);

/* The service's stage events, oldest first (of CmStageEvent). */
GPtrArray *cm_cycle_history (CmStore *store, CmService *service);

G_END_DECLS
