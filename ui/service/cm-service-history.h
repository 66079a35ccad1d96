/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-history.h: the latest audit rows of a service and its records
 *
 * The service's own rows and those of its contracts, checklist items,
 * stage steps, risks, engagement, measures, EIAs and decommissions, newest
 * first: a few here, and all of them in the Audit Trail window.
 */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_HISTORY (cm_service_history_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceHistory, cm_service_history, CM, SERVICE_HISTORY,
                      CmServiceSection)

G_END_DECLS
