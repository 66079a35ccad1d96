/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-bar-chart.h: a titled chart of horizontal bars, one per value of its model
 *
 * Each bar says its label and value in words, so colour and length are
 * never all there is to go on. The chart is one stop of the Tab key:
 * the arrow keys, Home and End move between its bars, each read out by
 * name, and the chart's accessible description sums it up in words.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CM_TYPE_BAR_CHART (cm_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (CmBarChart, cm_bar_chart, CM, BAR_CHART, GtkWidget)

/* @model holds CmChartValue; @summary describes the whole in words. */
GtkWidget  *cm_bar_chart_new         (const char *title);
void        cm_bar_chart_set_model   (CmBarChart *self, GListModel *model, const char *summary);
GListModel *cm_bar_chart_get_model   (CmBarChart *self);
const char *cm_bar_chart_get_summary (CmBarChart *self);

G_END_DECLS
