/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract.h: a contract, grant or agreement under which a provider delivers a service */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"
#include "cm-term.h"

G_BEGIN_DECLS

#define CM_TYPE_CONTRACT (cm_contract_get_type ())
G_DECLARE_FINAL_TYPE (CmContract, cm_contract, CM, CONTRACT, CmEntity)

CmContract *cm_contract_new               (const char *reference, const char *title);
const char *cm_contract_get_reference     (CmContract *self);
const char *cm_contract_get_title         (CmContract *self);
gint64      cm_contract_get_service_id    (CmContract *self);
gint64      cm_contract_get_provider_id   (CmContract *self);
gint64      cm_contract_get_annual_value  (CmContract *self);
gint64      cm_contract_get_total_value   (CmContract *self);
const char *cm_contract_get_start_date    (CmContract *self);
const char *cm_contract_get_end_date      (CmContract *self);
int         cm_contract_get_extensions_invoked (CmContract *self);
const char *cm_contract_get_notice_served (CmContract *self);
const char *cm_contract_get_notice_period (CmContract *self);
CmTerm     *cm_contract_get_term          (CmContract *self, GError **error);
gboolean    cm_contract_invoke_extension  (CmContract *self, GError **error);
void        cm_contract_record_notice_served (CmContract *self, const GDate *date);
const char *cm_contract_get_provider_name (CmContract *self);
const char *cm_contract_get_service_name  (CmContract *self);
CmSector    cm_contract_get_provider_sector (CmContract *self);

const char *cm_contract_get_decommissioned_on (CmContract *self);
CmOrganisationKind cm_contract_get_commissioner_kind (CmContract *self);
const char *cm_contract_get_procurement_began (CmContract *self);
CmNoticeKind       cm_contract_get_notice_kind       (CmContract *self);
CmContractOutcome  cm_contract_get_outcome           (CmContract *self);
gboolean           cm_contract_get_provider_is_vcse  (CmContract *self);

/* cm_entity_validate () of a contract, in its two parts and in this order:
 * everything but the term, then the term, notice period and extensions
 * taken, which only those three decide. An import that sees the same
 * three row after row checks them once. */
gboolean    cm_contract_validate_all_but_term (CmContract *self, GError **error);
gboolean    cm_contract_validate_term         (CmContract *self, GError **error);

G_END_DECLS
