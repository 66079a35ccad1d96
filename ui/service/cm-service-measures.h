/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-measures.h: a service's measures against their targets, with their trends */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_MEASURES (cm_service_measures_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceMeasures, cm_service_measures, CM, SERVICE_MEASURES, CmServiceSection)

G_END_DECLS
