/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-stage-event.c: one step in a service's history */
#include <glib/gi18n-lib.h>

#include "cm-stage-event.h"

struct _CmStageEvent
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmStageEvent, cm_stage_event, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_CYCLE,
  PROP_FROM_STAGE,
  PROP_TO_STAGE,
  PROP_DECISION,
  PROP_OVERRIDDEN,
  PROP_REASON,
  PROP_OPEN_ITEMS,
  PROP_DECIDED_ON,
  PROP_EIA_ID,
  PROP_EIA_OVERRIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
cm_stage_event_validate (CmEntity *entity, GError **error)
{
  CmStageEvent *self = CM_STAGE_EVENT (entity);

  if (cm_stage_event_get_overridden (self))
    return cm_entity_require_text (cm_stage_event_get_reason (self),
                                   _("The reason for overriding the gate"), error);
  return TRUE;
}

static void
cm_stage_event_class_init (CmStageEventClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_stage_event_validate;

  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_FROM_STAGE] =
    g_param_spec_enum ("from-stage", NULL, NULL, CM_TYPE_STAGE, CM_STAGE_ANALYSE, rw);
  properties[PROP_TO_STAGE] =
    g_param_spec_enum ("to-stage", NULL, NULL, CM_TYPE_STAGE, CM_STAGE_ANALYSE, rw);
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, CM_TYPE_REVIEW_DECISION,
                       CM_REVIEW_DECISION_NONE, rw);
  properties[PROP_OVERRIDDEN] = g_param_spec_boolean ("overridden", NULL, NULL, FALSE, rw);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", rw);
  properties[PROP_OPEN_ITEMS] = g_param_spec_string ("open-items", NULL, NULL, "", rw);
  properties[PROP_DECIDED_ON] = g_param_spec_string ("decided-on", NULL, NULL, "", rw);
  properties[PROP_EIA_ID] = g_param_spec_int64 ("eia-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_EIA_OVERRIDE] = g_param_spec_string ("eia-override", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "stage_event", properties, N_PROPS, NULL);
}

static void
cm_stage_event_init (CmStageEvent *self)
{
}

gint64
cm_stage_event_get_service_id (CmStageEvent *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

int
cm_stage_event_get_cycle (CmStageEvent *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_CYCLE);
}

CmStage
cm_stage_event_get_from_stage (CmStageEvent *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_FROM_STAGE);
}

CmStage
cm_stage_event_get_to_stage (CmStageEvent *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_TO_STAGE);
}

CmReviewDecision
cm_stage_event_get_decision (CmStageEvent *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_DECISION);
}

gboolean
cm_stage_event_get_overridden (CmStageEvent *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_OVERRIDDEN);
}

const char *
cm_stage_event_get_reason (CmStageEvent *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_REASON);
}

const char *
cm_stage_event_get_open_items (CmStageEvent *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_OPEN_ITEMS);
}

const char *
cm_stage_event_get_decided_on (CmStageEvent *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DECIDED_ON);
}

gint64
cm_stage_event_get_eia_id (CmStageEvent *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_EIA_ID);
}

const char *
cm_stage_event_get_eia_override (CmStageEvent *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_EIA_OVERRIDE);
}
