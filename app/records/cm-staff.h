/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-staff.h: a member of the commissioning staff, and their EIA training
 *
 * Seed 004 recommendation 3a: the people who write and sign equality
 * impact assessments must be trained and kept up to date.
 */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_STAFF (cm_staff_get_type ())
G_DECLARE_FINAL_TYPE (CmStaff, cm_staff, CM, STAFF, CmEntity)

typedef enum {
  CM_TRAINING_CURRENT,
  CM_TRAINING_OUT_OF_DATE,
  CM_TRAINING_MISSING,
} CmTraining;

CmStaff    *cm_staff_new                  (const char *name, const char *role,
                                           const char *trained_on);
const char *cm_staff_get_name             (CmStaff *self);
const char *cm_staff_get_eia_trained_on   (CmStaff *self);
int         cm_staff_get_refresher_months (CmStaff *self);

/* Whether the person's EIA training is in date on @today; @refresher_due,
 * when not NULL, is set to the day a refresher is due (invalid if missing). */
CmTraining  cm_staff_training             (CmStaff *self, const GDate *today, GDate *refresher_due);

G_END_DECLS
