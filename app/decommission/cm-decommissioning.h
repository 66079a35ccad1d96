/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommissioning.h: starting, following and completing a decommission
 *
 * Its steps are the service's checklist for the Decommissioning stage, so
 * each is audited like any checklist item. Completion is held until the
 * substance is done (cm-decommission-checks.h), unless overridden with a
 * reason; the EIA review follows completion (cm-eia-review.h).
 */
#pragma once

#include "cm-audit-verdict.h"
#include "cm-decommission.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Starts decommissioning @service for @reason: saves the decommission with
 * every contract of the service not already decommissioned, the steps, and
 * the service's latest signed decommissioning EIA as the one informing it.
 * Unless @after_review (a Review decision has already moved it), also
 * moves the service to the Decommissioning stage with a stage event.
 * Returns the new decommission, or NULL on error. */
CmDecommission *cm_decommission_start       (CmStore *store, CmService *service,
                                             const char *reason, gboolean after_review,
                                             GError **error);

/* The service's latest decommission, or NULL. */
CmDecommission *cm_decommission_for_service (CmStore *store, gint64 service_id);

/* Names @contract_id among the contracts it ends, or takes it off, in one
 * audited action; refused once the decommission is complete. */
gboolean        cm_decommission_set_affected (CmStore *store, CmDecommission *decommission,
                                              gint64 contract_id, gboolean affected,
                                              GError **error);

/* Of CmContract: the contracts it affects; of CmTransition: its people. */
GPtrArray      *cm_decommission_contracts   (CmStore *store, CmDecommission *decommission);
GPtrArray      *cm_decommission_transitions (CmStore *store, CmDecommission *decommission);

/* Completes it on @today: the service is marked decommissioned on @today
 * and each contract on the day it actually ends. With problems open
 * (cm_decommission_completion_problems()), @override_reason must say why
 * it completes anyway; what it went past is kept with it. */
gboolean        cm_decommission_complete    (CmStore *store, CmDecommission *decommission,
                                             const GDate *today, const char *override_reason,
                                             GError **error);

/* One action on a decommission, for its reviewer. */
typedef struct {
  CmAuditEntry *entry;
  char *step;        /* what it was done to: a step's title, "Decision", a contract */
  char *evidence;    /* the step's evidence, where it has one */
  CmAuditRowCheck check; /* whether the hash chain holds up to and including this row */
} CmDecommissionAction;

/* Every audited action on @decommission, oldest first (of
 * CmDecommissionAction), each with what @verdict, a check of the trail
 * made once by the caller, says of its row. */
GPtrArray      *cm_decommission_actions     (CmStore *store, CmDecommission *decommission,
                                             const CmAuditVerdict *verdict, GError **error);
/* What @verdict says of all of @actions together: vouched for only when
 * every one is. */
CmAuditRowCheck cm_decommission_actions_check (GPtrArray *actions,
                                               const CmAuditVerdict *verdict);

G_END_DECLS
