/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-engagement.h: a service's consultation and co-production events */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_ENGAGEMENT (cm_service_engagement_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceEngagement, cm_service_engagement, CM, SERVICE_ENGAGEMENT, CmServiceSection)

G_END_DECLS
