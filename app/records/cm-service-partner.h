/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-partner.h: a partner commissioner of a service, beside its lead */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_PARTNER (cm_service_partner_get_type ())
G_DECLARE_FINAL_TYPE (CmServicePartner, cm_service_partner, CM, SERVICE_PARTNER, CmEntity)

CmServicePartner *cm_service_partner_new (gint64 service_id, gint64 organisation_id);

G_END_DECLS
