/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission-page.h: one decommission, for those doing it and those
 * auditing it afterwards
 *
 * Steps: the decision, the checklist of steps, notice on each contract,
 * each person's transition, the effect on the provider, and the reviewer's
 * read-only audit trail with its hash-chain check.
 */
#pragma once

#include <adwaita.h>

#include "cm-detail-page.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* The page's steps, in the order its stepper shows them. */
typedef enum {
  CM_DECOMMISSION_STEP_DECISION,
  CM_DECOMMISSION_STEP_STEPS,
  CM_DECOMMISSION_STEP_NOTICE,
  CM_DECOMMISSION_STEP_PEOPLE,
  CM_DECOMMISSION_STEP_PROVIDER,
  CM_DECOMMISSION_STEP_AUDIT,
} CmDecommissionStep;

#define CM_TYPE_DECOMMISSION_PAGE (cm_decommission_page_get_type ())
G_DECLARE_FINAL_TYPE (CmDecommissionPage, cm_decommission_page, CM, DECOMMISSION_PAGE,
                      CmDetailPage)

/* Signal: "closed", when the user goes back. */
CmDecommissionPage *cm_decommission_page_new   (CmStore *store, const GDate *today);
void                cm_decommission_page_show  (CmDecommissionPage *self, gint64 decommission_id,
                                                gboolean audit);
/* Shows @step of the decommission shown: the steps, or the people's moves. */
void                cm_decommission_page_show_step (CmDecommissionPage *self,
                                                    CmDecommissionStep  step);
gint64              cm_decommission_page_get_id (CmDecommissionPage *self);

G_END_DECLS
