/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission.h: the closing of a service, from decision to completion */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_DECOMMISSION (cm_decommission_get_type ())
G_DECLARE_FINAL_TYPE (CmDecommission, cm_decommission, CM, DECOMMISSION, CmEntity)

gint64      cm_decommission_get_service_id   (CmDecommission *self);
int         cm_decommission_get_cycle        (CmDecommission *self);
const char *cm_decommission_get_reason       (CmDecommission *self);
const char *cm_decommission_get_completed_on (CmDecommission *self);
const char *cm_decommission_get_decision_date (CmDecommission *self);
gint64      cm_decommission_get_eia_id       (CmDecommission *self);
const char *cm_decommission_get_eia_override (CmDecommission *self);

G_END_DECLS
