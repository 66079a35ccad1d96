/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission-contract.h: a contract a decommission ends */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_DECOMMISSION_CONTRACT (cm_decommission_contract_get_type ())
G_DECLARE_FINAL_TYPE (CmDecommissionContract, cm_decommission_contract, CM,
                      DECOMMISSION_CONTRACT, CmEntity)

CmDecommissionContract *cm_decommission_contract_new (gint64 decommission_id, gint64 contract_id);
gint64 cm_decommission_contract_get_contract_id     (CmDecommissionContract *self);

G_END_DECLS
