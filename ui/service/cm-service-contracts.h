/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-contracts.h: a service's contracts with their key dates
 *
 * Each contract reads with its end, the latest day to serve notice and
 * when an extension must be decided, and offers to open it and to record
 * notice served on it.
 */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_CONTRACTS (cm_service_contracts_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceContracts, cm_service_contracts, CM, SERVICE_CONTRACTS,
                      CmServiceSection)

G_END_DECLS
