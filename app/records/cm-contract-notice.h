/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-notice.h: a procurement notice published for a contract: its date and identifier */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_CONTRACT_NOTICE (cm_contract_notice_get_type ())
G_DECLARE_FINAL_TYPE (CmContractNotice, cm_contract_notice, CM, CONTRACT_NOTICE, CmEntity)

/* @code names the notice as the rules do ("UK7", "PSR-AWARD"). */
CmContractNotice *cm_contract_notice_new              (gint64 contract_id, const char *code,
                                                       const char *published_on,
                                                       const char *identifier);
gint64            cm_contract_notice_get_contract_id  (CmContractNotice *self);
const char       *cm_contract_notice_get_code         (CmContractNotice *self);
const char       *cm_contract_notice_get_published_on (CmContractNotice *self);
const char       *cm_contract_notice_get_identifier   (CmContractNotice *self);

G_END_DECLS
