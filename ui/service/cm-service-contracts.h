/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-contracts.h: a service's contracts with their key dates
 *
 * Each contract reads with its end, the latest day to serve notice and
 * when an extension must be decided, and offers to open it and to record
 * notice served on it.
 */
#pragma once

#include "cm-contract.h"
#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_CONTRACTS (cm_service_contracts_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceContracts, cm_service_contracts, CM, SERVICE_CONTRACTS,
                      CmServiceSection)

/* Asks on which day notice was served on @contract, a contract of the
 * service of @section (any section of the page), and records it. */
void cm_service_contracts_ask_notice (CmServiceSection *section, CmContract *contract);

G_END_DECLS
