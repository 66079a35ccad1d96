/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-scenario-chart.h: who a reduction scenario hits hardest, as a chart
 *
 * A bar for each provider as long as the share of its income it would
 * lose, with the pounds a year beside it; above the chart, in words, the
 * warning of a blanket cut (seed 004 para 37) when every line is cut by
 * the same percentage.
 */
#pragma once

#include <gtk/gtk.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SCENARIO_CHART (cm_scenario_chart_get_type ())
G_DECLARE_FINAL_TYPE (CmScenarioChart, cm_scenario_chart, CM, SCENARIO_CHART, GtkWidget)

GtkWidget *cm_scenario_chart_new (CmStore *store, gint64 scenario_id);

G_END_DECLS
