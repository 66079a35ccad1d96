/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-page.h: one equality impact assessment, step by step
 *
 * Screening, then the full assessment, then sign-off with its versions,
 * then the review after decommissioning, and a summary of the impacts by
 * characteristic.
 */
#pragma once

#include <adwaita.h>

#include "cm-detail-page.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_EIA_PAGE (cm_eia_page_get_type ())
G_DECLARE_FINAL_TYPE (CmEiaPage, cm_eia_page, CM, EIA_PAGE, CmDetailPage)

/* Signal: "closed", when the user goes back to the list of EIAs. */
CmEiaPage *cm_eia_page_new            (CmStore *store, const GDate *today);
void       cm_eia_page_show           (CmEiaPage *self, gint64 eia_id);
gint64     cm_eia_page_get_eia_id     (CmEiaPage *self);

G_END_DECLS
