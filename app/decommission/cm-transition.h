/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-transition.h: one person's move to other support when a service closes
 *
 * The person is named by a reference only (a case number), never by name:
 * the portfolio keeps no personal data beyond what the step needs.
 */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_TRANSITION (cm_transition_get_type ())
G_DECLARE_FINAL_TYPE (CmTransition, cm_transition, CM, TRANSITION, CmEntity)

CmTransition      *cm_transition_new                 (gint64 decommission_id, const char *person_ref);
const char        *cm_transition_get_person_ref      (CmTransition *self);
CmTransitionStatus cm_transition_get_status          (CmTransition *self);

G_END_DECLS
