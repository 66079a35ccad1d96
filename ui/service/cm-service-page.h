/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-page.h: one service's commissioning cycle, and everything about it
 *
 * A stepper over Analyse, Plan, Do and Review with the progress of each
 * (an overridden gate says so, with its reason), the checklist of the
 * stage chosen (editable in the current stage), the gate out of the
 * current stage with the actions that meet its conditions, and the history
 * of every step taken; then the service's sections (cm-service-section.h):
 * contracts, EIA, risks, measures, engagement, decommissioning and the
 * latest changes. "open-record" asks the window to show one of its records.
 */
#pragma once

#include <adwaita.h>

#include "cm-detail-page.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_PAGE (cm_service_page_get_type ())
G_DECLARE_FINAL_TYPE (CmServicePage, cm_service_page, CM, SERVICE_PAGE, CmDetailPage)

CmServicePage *cm_service_page_new  (CmStore *store, const GDate *today);
void           cm_service_page_show (CmServicePage *self, gint64 service_id);
gint64         cm_service_page_get_service_id (CmServicePage *self);

G_END_DECLS
