/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-measure.h: an Outcomes Based Accountability measure of a service,
 * with its target and the trend of its values */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_MEASURE (cm_measure_get_type ())
G_DECLARE_FINAL_TYPE (CmMeasure, cm_measure, CM, MEASURE, CmEntity)

typedef enum {
  CM_TREND_NONE,      /* fewer than two values */
  CM_TREND_BETTER,
  CM_TREND_WORSE,
  CM_TREND_SAME,
} CmTrend;

CmMeasure  *cm_measure_new                (gint64 service_id, const char *name,
                                           CmMeasureType type, const char *unit, double target);
gint64      cm_measure_get_service_id     (CmMeasure *self);
const char *cm_measure_get_name           (CmMeasure *self);
double      cm_measure_get_target         (CmMeasure *self);
gboolean    cm_measure_get_higher_is_better (CmMeasure *self);
int         cm_measure_get_value_count    (CmMeasure *self);
double      cm_measure_get_latest_value   (CmMeasure *self);
double      cm_measure_get_previous_value (CmMeasure *self);
const char *cm_measure_get_latest_period  (CmMeasure *self);
CmTrend     cm_measure_get_trend          (CmMeasure *self);

/* "80 % in 2026-Q2, against a target of 85 %" */
char       *cm_measure_describe           (CmMeasure *self);
/* "Better: up from 72 to 80", in words for the Review stage. */
char       *cm_measure_describe_trend     (CmMeasure *self);

/* Whether going from @previous to @latest is better, worse or the same. */
CmTrend     cm_trend_between              (double previous, double latest,
                                           gboolean higher_is_better);

G_END_DECLS
