/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-stage-event.h: one step in a service's history, such as Plan to Do
 *
 * Who took the step and when are read from the audit trail; the event
 * keeps what the audit rows cannot say on their own: the decision, and
 * why a gate was overridden.
 */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_STAGE_EVENT (cm_stage_event_get_type ())
G_DECLARE_FINAL_TYPE (CmStageEvent, cm_stage_event, CM, STAGE_EVENT, CmEntity)

gint64           cm_stage_event_get_service_id (CmStageEvent *self);
int              cm_stage_event_get_cycle      (CmStageEvent *self);
CmStage          cm_stage_event_get_from_stage (CmStageEvent *self);
CmStage          cm_stage_event_get_to_stage   (CmStageEvent *self);
CmReviewDecision cm_stage_event_get_decision   (CmStageEvent *self);
gboolean         cm_stage_event_get_overridden (CmStageEvent *self);
const char      *cm_stage_event_get_reason     (CmStageEvent *self);
const char      *cm_stage_event_get_open_items (CmStageEvent *self);
/* A re-commissioning decision's date and the signed EIA that informed it. */
const char      *cm_stage_event_get_decided_on (CmStageEvent *self);
gint64           cm_stage_event_get_eia_id     (CmStageEvent *self);
const char      *cm_stage_event_get_eia_override (CmStageEvent *self);

G_END_DECLS
