/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-characteristic.h: one entry of the list new EIAs are screened against */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_CHARACTERISTIC (cm_characteristic_get_type ())
G_DECLARE_FINAL_TYPE (CmCharacteristic, cm_characteristic, CM, CHARACTERISTIC, CmEntity)

const char *cm_characteristic_get_name     (CmCharacteristic *self);
int         cm_characteristic_get_position (CmCharacteristic *self);

G_END_DECLS
