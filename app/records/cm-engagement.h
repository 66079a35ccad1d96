/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-engagement.h: one consultation or co-production event of a service */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_ENGAGEMENT (cm_engagement_get_type ())
G_DECLARE_FINAL_TYPE (CmEngagement, cm_engagement, CM, ENGAGEMENT, CmEntity)

CmEngagement *cm_engagement_new (gint64 service_id, const char *held_on,
                                 CmStakeholderGroup group, const char *method,
                                 const char *summary, gboolean co_production);

G_END_DECLS
