/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service.h: a commissioned service, moving through Analyse, Plan, Do, Review */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE (cm_service_get_type ())
G_DECLARE_FINAL_TYPE (CmService, cm_service, CM, SERVICE, CmEntity)

CmService    *cm_service_new                      (const char *name);
const char   *cm_service_get_name                 (CmService *self);
CmServiceArea cm_service_get_area                 (CmService *self);
CmClientGroup cm_service_get_client_group         (CmService *self);
gint64        cm_service_get_lead_commissioner_id (CmService *self);
CmStage       cm_service_get_stage                (CmService *self);
int           cm_service_get_cycle                (CmService *self);
gint64        cm_service_get_annual_value         (CmService *self);
int           cm_service_get_contract_count       (CmService *self);
const char   *cm_service_get_decommissioned_on    (CmService *self);
CmCommunityCommittee cm_service_get_community_committee (CmService *self);

G_END_DECLS
