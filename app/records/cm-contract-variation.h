/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-variation.h: a dated change to a contract's value, term or scope, with its reason */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

typedef enum {
  CM_VARIATION_KIND_VALUE,
  CM_VARIATION_KIND_TERM,
  CM_VARIATION_KIND_SCOPE,
} CmVariationKind;

#define CM_TYPE_VARIATION_KIND (cm_variation_kind_get_type ())
GType cm_variation_kind_get_type (void) G_GNUC_CONST;

#define CM_TYPE_CONTRACT_VARIATION (cm_contract_variation_get_type ())
G_DECLARE_FINAL_TYPE (CmContractVariation, cm_contract_variation, CM, CONTRACT_VARIATION,
                      CmEntity)

CmContractVariation *cm_contract_variation_new (gint64 contract_id, const char *made_on,
                                                CmVariationKind kind, const char *description,
                                                const char *reason);
gint64          cm_contract_variation_get_contract_id      (CmContractVariation *self);
const char     *cm_contract_variation_get_made_on          (CmContractVariation *self);
CmVariationKind cm_contract_variation_get_kind             (CmContractVariation *self);
const char     *cm_contract_variation_get_description      (CmContractVariation *self);
/* The change of value in pence, its size either way (the editor takes
 * amounts, so a reduction is written as its amount); 0 when not recorded. */
gint64          cm_contract_variation_get_value_change     (CmContractVariation *self);
/* The change of term as a period ("6 months"); "" when not recorded. */
const char     *cm_contract_variation_get_term_change      (CmContractVariation *self);
/* The change notice's identifier and publication date, where one was published. */
const char     *cm_contract_variation_get_change_notice    (CmContractVariation *self);
const char     *cm_contract_variation_get_change_notice_on (CmContractVariation *self);

G_END_DECLS
