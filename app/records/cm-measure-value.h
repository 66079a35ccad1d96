/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-measure-value.h: a measure's value for one period */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_MEASURE_VALUE (cm_measure_value_get_type ())
G_DECLARE_FINAL_TYPE (CmMeasureValue, cm_measure_value, CM, MEASURE_VALUE, CmEntity)

CmMeasureValue *cm_measure_value_new (gint64 measure_id, const char *period, double value);

G_END_DECLS
