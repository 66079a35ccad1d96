/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-charts.h: the Overview's three charts, side by side where
 * there is room: services by stage, the year's spend, contracts ending
 */
#pragma once

#include <adwaita.h>

#include "cm-overview-charts.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_PORTFOLIO_CHARTS (cm_portfolio_charts_get_type ())
G_DECLARE_FINAL_TYPE (CmPortfolioCharts, cm_portfolio_charts, CM, PORTFOLIO_CHARTS, GtkWidget)

/* The figures as they stand on @today; NULL, with @error, when the file
 * cannot be read. */
GtkWidget *cm_portfolio_charts_new     (CmStore *store, const GDate *today, GError **error);
GtkWidget *cm_portfolio_charts_new_for (const CmOverviewCharts *charts);

G_END_DECLS
