/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-chart-value.h: one labelled value of a bar chart
 *
 * The value sets the bar's length; the text says the value in words
 * ("£1,200,000.00 a year", "13 services, 5 held at the gate"), since the
 * length alone tells nobody what it is. A part of the value (the services
 * held) is drawn hatched at the bar's end, and named in the text too.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CM_TYPE_CHART_VALUE (cm_chart_value_get_type ())
G_DECLARE_FINAL_TYPE (CmChartValue, cm_chart_value, CM, CHART_VALUE, GObject)

CmChartValue *cm_chart_value_new       (const char *label, double value, const char *text);
const char   *cm_chart_value_get_label (CmChartValue *self);
double        cm_chart_value_get_value (CmChartValue *self);
const char   *cm_chart_value_get_text  (CmChartValue *self);
double        cm_chart_value_get_part  (CmChartValue *self);
void          cm_chart_value_set_part  (CmChartValue *self, double part);
/* "Plan: 13 services, 5 held at the gate": what a screen reader reads. */
char         *cm_chart_value_describe  (CmChartValue *self);

/* "£55.6m", "£862k", "£950": an amount short enough for a bar. */
char         *cm_chart_value_short_money (gint64 pence);

G_END_DECLS
