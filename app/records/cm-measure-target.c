/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-measure-target.c: whether a measure's latest value meets its target */
#include <glib/gi18n-lib.h>

#include "cm-measure-target.h"

/* Meeting the target exactly counts as on target, whichever way is better. */
CmTargetStanding
cm_measure_target_standing (CmMeasure *measure)
{
  double latest = cm_measure_get_latest_value (measure);
  double target = cm_measure_get_target (measure);

  if (cm_measure_get_value_count (measure) == 0)
    return CM_TARGET_NO_VALUE;
  if (cm_measure_get_higher_is_better (measure))
    return latest >= target ? CM_TARGET_MET : CM_TARGET_MISSED;
  return latest <= target ? CM_TARGET_MET : CM_TARGET_MISSED;
}

const char *
cm_target_standing_label (CmTargetStanding standing)
{
  switch (standing)
    {
    case CM_TARGET_MET:
      return _("On target");
    case CM_TARGET_MISSED:
      return _("Off target");
    case CM_TARGET_NO_VALUE:
    default:
      return _("No value yet");
    }
}
