/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service.c: a commissioned service */
#include <glib/gi18n-lib.h>

#include "cm-service.h"

struct _CmService
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmService, cm_service, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_AREA,
  PROP_CLIENT_GROUP,
  PROP_LEAD_COMMISSIONER_ID,
  PROP_STAGE,
  PROP_CYCLE,
  PROP_LEAD_COMMISSIONER_NAME,
  PROP_PARTNER_NAMES,
  PROP_ANNUAL_VALUE,
  PROP_SEARCH_TEXT,
  PROP_CONTRACT_COUNT,
  PROP_DECOMMISSIONED_ON,
  PROP_COMMUNITY_COMMITTEE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "lead-commissioner-name",
    "(SELECT name FROM organisation WHERE id = t.lead_commissioner_id)",
    { "organisation" } },
  { "partner-names",
    "(SELECT group_concat(o.name, ', ') FROM service_partner p"
    " JOIN organisation o ON o.id = p.organisation_id WHERE p.service_id = t.id)",
    { "organisation", "service_partner" } },
  { "annual-value",
    "(SELECT coalesce(sum(annual_value), 0) FROM contract WHERE service_id = t.id)",
    { "contract" }, { "t.id = :service_id" } },
  { "contract-count", "(SELECT count(*) FROM contract WHERE service_id = t.id)",
    { "contract" }, { "t.id = :service_id" } },
  { "search-text",
    "cm_fold(t.name || ' ' || coalesce((SELECT name FROM organisation"
    " WHERE id = t.lead_commissioner_id), ''))",
    { "organisation" } },
  { NULL }
};

static gboolean
cm_service_validate (CmEntity *entity, GError **error)
{
  CmService *self = CM_SERVICE (entity);

  if (!cm_entity_require_text (cm_service_get_name (self), _("The service’s name"), error))
    return FALSE;
  if (cm_service_get_lead_commissioner_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("Choose the lead commissioner of “%s”."), cm_service_get_name (self));
      return FALSE;
    }
  return TRUE;
}

static void
cm_service_class_init (CmServiceClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_service_validate;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_AREA] =
    g_param_spec_enum ("area", NULL, NULL, CM_TYPE_SERVICE_AREA, CM_SERVICE_AREA_PREVENTION, rw);
  properties[PROP_CLIENT_GROUP] =
    g_param_spec_enum ("client-group", NULL, NULL, CM_TYPE_CLIENT_GROUP,
                       CM_CLIENT_GROUP_ADULTS, rw);
  properties[PROP_LEAD_COMMISSIONER_ID] =
    g_param_spec_int64 ("lead-commissioner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, CM_TYPE_STAGE, CM_STAGE_ANALYSE, rw);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_LEAD_COMMISSIONER_NAME] =
    g_param_spec_string ("lead-commissioner-name", NULL, NULL, "", rw);
  properties[PROP_PARTNER_NAMES] = g_param_spec_string ("partner-names", NULL, NULL, "", rw);
  properties[PROP_ANNUAL_VALUE] =
    g_param_spec_int64 ("annual-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  properties[PROP_CONTRACT_COUNT] =
    g_param_spec_int ("contract-count", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_DECOMMISSIONED_ON] =
    g_param_spec_string ("decommissioned-on", NULL, NULL, "", rw);
  properties[PROP_COMMUNITY_COMMITTEE] =
    g_param_spec_enum ("community-committee", NULL, NULL, CM_TYPE_COMMUNITY_COMMITTEE,
                       CM_COMMUNITY_COMMITTEE_NONE, rw);
  cm_entity_class_install (entity_class, "service", properties, N_PROPS, derived);
}

static void
cm_service_init (CmService *self)
{
}

CmService *
cm_service_new (const char *name)
{
  return g_object_new (CM_TYPE_SERVICE, "name", name, NULL);
}

const char *
cm_service_get_name (CmService *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

CmServiceArea
cm_service_get_area (CmService *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_AREA);
}

CmClientGroup
cm_service_get_client_group (CmService *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_CLIENT_GROUP);
}

gint64
cm_service_get_lead_commissioner_id (CmService *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_LEAD_COMMISSIONER_ID);
}

CmStage
cm_service_get_stage (CmService *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_STAGE);
}

int
cm_service_get_cycle (CmService *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_CYCLE);
}

gint64
cm_service_get_annual_value (CmService *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_ANNUAL_VALUE);
}

int
cm_service_get_contract_count (CmService *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_CONTRACT_COUNT);
}

const char *
cm_service_get_decommissioned_on (CmService *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DECOMMISSIONED_ON);
}

CmCommunityCommittee
cm_service_get_community_committee (CmService *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_COMMUNITY_COMMITTEE);
}
