/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-characteristic.h: one characteristic as an EIA assessed it:
 * screened, assessed for impact, and reviewed after decommissioning */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_EIA_CHARACTERISTIC (cm_eia_characteristic_get_type ())
G_DECLARE_FINAL_TYPE (CmEiaCharacteristic, cm_eia_characteristic, CM, EIA_CHARACTERISTIC,
                      CmEntity)

gint64       cm_eia_characteristic_get_eia_id           (CmEiaCharacteristic *self);
const char  *cm_eia_characteristic_get_name             (CmEiaCharacteristic *self);
CmRelevance  cm_eia_characteristic_get_relevance        (CmEiaCharacteristic *self);
const char  *cm_eia_characteristic_get_screening_reason (CmEiaCharacteristic *self);
CmImpact     cm_eia_characteristic_get_impact           (CmEiaCharacteristic *self);
const char  *cm_eia_characteristic_get_evidence         (CmEiaCharacteristic *self);

G_END_DECLS
