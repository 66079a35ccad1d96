/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission.c: the closing of a service, from decision to completion */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-decommission.h"

struct _CmDecommission
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmDecommission, cm_decommission, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_CYCLE,
  PROP_STARTED_FROM,
  PROP_REASON,
  PROP_DECISION_ROUTE,
  PROP_DECISION_DATE,
  PROP_CASE_FOR_CHANGE,
  PROP_PROVIDER_NOTE,
  PROP_LESSONS,
  PROP_COMPLETED_ON,
  PROP_COMPLETION_OVERRIDE,
  PROP_EIA_ID,
  PROP_EIA_OVERRIDE,
  PROP_COMPLETION_OPEN_ITEMS,
  PROP_SERVICE_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "service-name", "(SELECT name FROM service WHERE id = t.service_id)", { "service" } },
  { "search-text", "cm_fold((SELECT name FROM service WHERE id = t.service_id) || ' ' ||"
                   " t.reason || ' ' || t.lessons)", { "service" } },
  { NULL }
};

static gboolean
cm_decommission_validate (CmEntity *entity, GError **error)
{
  CmDecommission *self = CM_DECOMMISSION (entity);
  const char *decided = cm_entity_get_string (entity, PROP_DECISION_DATE);

  if (cm_decommission_get_service_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A decommission closes a service. Choose the service first."));
      return FALSE;
    }
  return cm_entity_require_text (cm_decommission_get_reason (self),
                                 _("The reason for decommissioning"), error) &&
         cm_date_validate (decided, _("The decision date"), FALSE, error) &&
         cm_date_validate (cm_decommission_get_completed_on (self), _("The completion date"),
                           FALSE, error);
}

static void
cm_decommission_class_init (CmDecommissionClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const struct { guint id; const char *name; } texts[] = {
    { PROP_STARTED_FROM, "started-from" }, { PROP_REASON, "reason" },
    { PROP_DECISION_DATE, "decision-date" }, { PROP_CASE_FOR_CHANGE, "case-for-change" },
    { PROP_PROVIDER_NOTE, "provider-note" }, { PROP_LESSONS, "lessons" },
    { PROP_COMPLETED_ON, "completed-on" }, { PROP_COMPLETION_OVERRIDE, "completion-override" },
    { PROP_SERVICE_NAME, "service-name" }, { PROP_SEARCH_TEXT, "search-text" },
    { PROP_EIA_OVERRIDE, "eia-override" }, { PROP_COMPLETION_OPEN_ITEMS, "completion-open-items" },
  };

  entity_class->validate = cm_decommission_validate;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    properties[texts[i].id] = g_param_spec_string (texts[i].name, NULL, NULL, "", rw);
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_EIA_ID] = g_param_spec_int64 ("eia-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DECISION_ROUTE] =
    g_param_spec_enum ("decision-route", NULL, NULL, CM_TYPE_DECISION_ROUTE,
                       CM_DECISION_ROUTE_NOT_RECORDED, rw);
  cm_entity_class_install (entity_class, "decommission", properties, N_PROPS, derived);
}

static void
cm_decommission_init (CmDecommission *self)
{
}

gint64
cm_decommission_get_service_id (CmDecommission *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

int
cm_decommission_get_cycle (CmDecommission *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_CYCLE);
}

const char *
cm_decommission_get_reason (CmDecommission *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_REASON);
}

const char *
cm_decommission_get_completed_on (CmDecommission *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_COMPLETED_ON);
}

const char *
cm_decommission_get_decision_date (CmDecommission *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DECISION_DATE);
}

gint64
cm_decommission_get_eia_id (CmDecommission *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_EIA_ID);
}

const char *
cm_decommission_get_eia_override (CmDecommission *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_EIA_OVERRIDE);
}
