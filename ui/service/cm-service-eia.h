/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-eia.h: a service's equality impact assessments
 *
 * Each version reads as signed off, with when, or still a draft, and
 * opens on its own page; a draft's signatory is chosen, and the draft
 * signed off, right here. A cycle with none yet offers to start one.
 */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_EIA (cm_service_eia_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceEia, cm_service_eia, CM, SERVICE_EIA, CmServiceSection)

/* Opens the editor of a new assessment of this service's cycle, and,
 * once it is saved, the assessment on its own page. */
void cm_service_eia_start (CmServiceEia *self);

G_END_DECLS
