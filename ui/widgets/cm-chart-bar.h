/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-chart-bar.h: one bar of a bar chart, drawn with its label and value
 * in words on it, that takes the keyboard and is read by its name
 */
#pragma once

#include <gtk/gtk.h>

#include "cm-chart-value.h"

G_BEGIN_DECLS

#define CM_TYPE_CHART_BAR (cm_chart_bar_get_type ())
G_DECLARE_FINAL_TYPE (CmChartBar, cm_chart_bar, CM, CHART_BAR, GtkWidget)

/* A bar for @value, as long as its share of @maximum, the longest bar. */
GtkWidget    *cm_chart_bar_new       (CmChartValue *value, double maximum);
CmChartValue *cm_chart_bar_get_value (CmChartBar *self);
void          cm_chart_bar_set_maximum (CmChartBar *self, double maximum);

G_END_DECLS
