/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-procurement-regime.h: which law a contract was procured under, from its route and date */
#pragma once

#include "cm-contract.h"
#include "cm-procurement-rules.h"

G_BEGIN_DECLS

typedef enum {
  CM_PROCUREMENT_REGIME_NONE,                 /* a grant: not a procurement */
  CM_PROCUREMENT_REGIME_PCR_2015,             /* Public Contracts Regulations 2015 */
  CM_PROCUREMENT_REGIME_PROVIDER_SELECTION,   /* Provider Selection Regime, health care */
  CM_PROCUREMENT_REGIME_PROCUREMENT_ACT_2023,
} CmProcurementRegime;

/* The regime of a procurement by @route that began on @began: the
 * Provider Selection Regime's processes from the day it took effect, any
 * other route under the Procurement Act 2023 from its day, and the 2015
 * regulations before. The regime does not depend on who commissions: a
 * council's public health services (drug and alcohol, sexual health) are
 * health care services under the Provider Selection Regime as much as the
 * NHS's are. */
CmProcurementRegime cm_procurement_regime_of (const CmProcurementRules *rules,
                                              CmProcurementRoute route,
                                              const GDate *began);

gboolean    cm_procurement_route_is_psr      (CmProcurementRoute route);
const char *cm_procurement_regime_nick       (CmProcurementRegime regime);
const char *cm_procurement_regime_label      (CmProcurementRegime regime);

/* The day the contract's procurement began: its recorded procurement
 * start where the portfolio has one, otherwise its start date. FALSE when
 * neither is known. @from_start says the start date stood in. */
gboolean    cm_contract_procurement_began    (CmContract *contract, GDate *began,
                                              gboolean *from_start);

/* The contract's regime on the day its procurement began, or NONE when that day is unknown. */
CmProcurementRegime cm_contract_procurement_regime (const CmProcurementRules *rules,
                                                    CmContract *contract);

/* A route that the regime in force did not have (a Provider Selection
 * Regime process before 1 January 2024, the restricted procedure under
 * the Procurement Act 2023), as a sentence; NULL when there is nothing to say. */
char       *cm_procurement_regime_check      (const CmProcurementRules *rules,
                                              CmProcurementRoute route,
                                              const GDate *began);

G_END_DECLS
