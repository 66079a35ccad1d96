/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview-page.h: the first page of a portfolio: stages, gates, what is overdue */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_OVERVIEW_PAGE (cm_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CmOverviewPage, cm_overview_page, CM, OVERVIEW_PAGE, GtkWidget)

/* Signals: "open-service" and "open-eia" (gint64 id), and "open-section"
 * (page name). */
CmOverviewPage *cm_overview_page_new (CmStore *store, const GDate *today);

G_END_DECLS
