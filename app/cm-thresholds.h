/* cm-thresholds.h: procurement thresholds, as data with the dates they took effect */
#pragma once

#include "cm-contract.h"

G_BEGIN_DECLS

typedef struct {
  char  *kind;   /* "light-touch", "goods-and-services", "works", "council-advertising",
                  "nhs-advertising" */
  char  *label;
  GDate  from;
  gint64 pence;
} CmThreshold;

/* The thresholds shipped with the application. */
GPtrArray         *cm_thresholds_load       (GError **error);

/* The threshold of @kind in force on @date, or NULL before the first. */
const CmThreshold *cm_thresholds_in_force   (GPtrArray *thresholds, const char *kind,
                                             const GDate *date);

/* Health and social care contracts fall under the light touch regime. A
 * warning when the contract's total value is over the threshold in force
 * when it began but its route is not a competitive or compliant one;
 * NULL when there is nothing to say. */
char              *cm_thresholds_check      (GPtrArray *thresholds, CmContract *contract);

gboolean           cm_procurement_route_is_compliant (CmProcurementRoute route);

G_END_DECLS
