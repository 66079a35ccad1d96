/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-measure-target.h: whether a measure's latest value meets its target
 *
 * Committee reports count measures on and off target (seed 004,
 * recommendation 1); a measure with no value yet is neither.
 */
#pragma once

#include "cm-measure.h"

G_BEGIN_DECLS

typedef enum {
  CM_TARGET_NO_VALUE,
  CM_TARGET_MET,
  CM_TARGET_MISSED,
} CmTargetStanding;

CmTargetStanding cm_measure_target_standing (CmMeasure *measure);
/* "On target", "Off target" or "No value yet". */
const char      *cm_target_standing_label   (CmTargetStanding standing);

G_END_DECLS
