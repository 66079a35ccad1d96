/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-decommission.h: a service's decommissioning, or starting it
 *
 * Once started, it opens on its own page or at its audit trail; before,
 * it can be started here with a reason, outside a Review decision.
 */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_DECOMMISSION (cm_service_decommission_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceDecommission, cm_service_decommission, CM, SERVICE_DECOMMISSION,
                      CmServiceSection)

G_END_DECLS
