/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-engagement.c: one consultation or co-production event of a service */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-engagement.h"

struct _CmEngagement
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmEngagement, cm_engagement, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_HELD_ON,
  PROP_STAKEHOLDER_GROUP,
  PROP_METHOD,
  PROP_SUMMARY,
  PROP_CO_PRODUCTION,
  PROP_SERVICE_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "service-name", "(SELECT name FROM service WHERE id = t.service_id)", { "service" } },
  { "search-text", "cm_fold(t.method || ' ' || t.summary || ' ' ||"
                   " coalesce((SELECT name FROM service WHERE id = t.service_id), ''))",
    { "service" } },
  { NULL }
};

static gboolean
cm_engagement_validate (CmEntity *entity, GError **error)
{
  if (cm_entity_get_int64 (entity, PROP_SERVICE_ID) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("An engagement belongs to a service. Choose the service."));
      return FALSE;
    }
  return cm_date_validate (cm_entity_get_string (entity, PROP_HELD_ON), _("The date"), TRUE,
                           error) &&
         cm_entity_require_text (cm_entity_get_string (entity, PROP_SUMMARY),
                                 _("What was heard"), error);
}

static void
cm_engagement_class_init (CmEngagementClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_engagement_validate;
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, "", rw);
  properties[PROP_STAKEHOLDER_GROUP] =
    g_param_spec_enum ("stakeholder-group", NULL, NULL, CM_TYPE_STAKEHOLDER_GROUP,
                       CM_STAKEHOLDER_SERVICE_USERS, rw);
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, "", rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", rw);
  properties[PROP_CO_PRODUCTION] = g_param_spec_boolean ("co-production", NULL, NULL, FALSE, rw);
  properties[PROP_SERVICE_NAME] = g_param_spec_string ("service-name", NULL, NULL, "", rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "engagement", properties, N_PROPS, derived);
}

static void
cm_engagement_init (CmEngagement *self)
{
}

CmEngagement *
cm_engagement_new (gint64 service_id, const char *held_on, CmStakeholderGroup group,
                   const char *method, const char *summary, gboolean co_production)
{
  return g_object_new (CM_TYPE_ENGAGEMENT, "service-id", service_id, "held-on", held_on,
                       "stakeholder-group", group, "method", method, "summary", summary,
                       "co-production", co_production, NULL);
}
