/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-thresholds.h: procurement thresholds, as data with the dates they took effect */
#pragma once

#include "cm-contract.h"

G_BEGIN_DECLS

typedef struct {
  char  *kind;   /* "light-touch", "goods-and-services", "central-government", "works",
                  "council-advertising", "nhs-advertising" */
  char  *label;
  GDate  from;
  gint64 pence;
} CmThreshold;

/* The thresholds shipped with the application. */
GPtrArray         *cm_thresholds_load       (GError **error);

/* The threshold of @kind in force on @date, or NULL before the first. */
const CmThreshold *cm_thresholds_in_force   (GPtrArray *thresholds, const char *kind,
                                             const GDate *date);

/* The day @contract is judged on: the day its procurement began or, where
 * that is not recorded, its start date; @recorded (may be NULL) says
 * which. FALSE when neither is a date. */
gboolean           cm_thresholds_judging_day (CmContract *contract, GDate *day,
                                              gboolean *recorded);

/* That day in a sentence for the contract's page, saying when the start
 * date stands in for the procurement start (or that a grant is judged by
 * none). */
char              *cm_thresholds_describe_judging_day (CmContract *contract);

/* Health and social care contracts fall under the light touch regime. A
 * warning when the contract's total value is over the threshold in force
 * on its judging day but its route is not a competitive or compliant one;
 * NULL when there is nothing to say. */
char              *cm_thresholds_check      (GPtrArray *thresholds, CmContract *contract);

gboolean           cm_procurement_route_is_compliant (CmProcurementRoute route);

G_END_DECLS
