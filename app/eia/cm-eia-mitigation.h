/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-mitigation.h: an action that lessens a negative impact an EIA found */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_EIA_MITIGATION (cm_eia_mitigation_get_type ())
G_DECLARE_FINAL_TYPE (CmEiaMitigation, cm_eia_mitigation, CM, EIA_MITIGATION, CmEntity)

CmEiaMitigation   *cm_eia_mitigation_new      (gint64 characteristic_id, const char *description,
                                               const char *owner, const char *due_date);
gint64             cm_eia_mitigation_get_characteristic_id (CmEiaMitigation *self);
const char        *cm_eia_mitigation_get_description (CmEiaMitigation *self);
const char        *cm_eia_mitigation_get_owner    (CmEiaMitigation *self);
const char        *cm_eia_mitigation_get_due_date (CmEiaMitigation *self);
CmMitigationStatus cm_eia_mitigation_get_status   (CmEiaMitigation *self);

G_END_DECLS
