/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-workbook-charts.c: the native charts of an exported workbook */
#include <glib/gi18n-lib.h>

#include "cm-workbook-charts.h"

#define BAR_PX 22         /* the height each bar is given */
#define NAMED_BAR_PX 44   /* for long names, which wrap onto two lines */
#define CHART_WIDTH_PX 720

/* Tall enough that every name on the category axis can be read. */
static lxw_error
place (lxw_worksheet *worksheet, lxw_chart *chart, lxw_row_t at_row, lxw_col_t at_col,
       guint n_bars, guint bar_px)
{
  lxw_chart_options options = {
    .x_scale = (double) CHART_WIDTH_PX / 480,
    .y_scale = MAX (1.0, (120.0 + n_bars * bar_px) / 288),
  };

  /* Every name, not every other one. */
  chart_axis_set_interval_unit (chart->y_axis, 1);
  return worksheet_insert_chart_opt (worksheet, at_row, at_col, chart, &options);
}

lxw_error
cm_chart_spend_bars (lxw_workbook *workbook, lxw_worksheet *worksheet, const char *sheet_name,
                     lxw_row_t first, lxw_row_t last, const char *title, lxw_row_t at_row,
                     lxw_col_t at_col)
{
  lxw_chart *chart = workbook_add_chart (workbook, LXW_CHART_BAR);
  lxw_chart_series *series;

  if (chart == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, first, 0, last, 0);
  chart_series_set_values (series, sheet_name, first, 2, last, 2);
  chart_series_set_name (series, title);
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* In a bar chart the y axis holds the names and the x axis the figures. */
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_num_format (chart->x_axis, "£#,##0");
  return place (worksheet, chart, at_row, at_col, last - first + 1, NAMED_BAR_PX);
}

lxw_error
cm_chart_timeline_bars (lxw_workbook *workbook, lxw_worksheet *worksheet, const char *sheet_name,
                        lxw_row_t first, lxw_row_t last, double from, double to,
                        lxw_row_t at_row, lxw_col_t at_col)
{
  lxw_chart *chart = workbook_add_chart (workbook, LXW_CHART_BAR_STACKED);
  lxw_chart_fill none = { .none = LXW_TRUE };
  lxw_chart_line no_line = { .none = LXW_TRUE };
  lxw_chart_series *offset, *term, *extensions;

  if (chart == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  /* The start date, drawn invisible, pushes each bar to where it begins.
   * It stays in the legend: LibreOffice drops the wrong entry when one
   * is deleted. */
  offset = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (offset, sheet_name, first, 0, last, 0);
  chart_series_set_values (offset, sheet_name, first, 3, last, 3);
  chart_series_set_name (offset, _("Start"));
  chart_series_set_fill (offset, &none);
  chart_series_set_line (offset, &no_line);
  term = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (term, sheet_name, first, 0, last, 0);
  chart_series_set_values (term, sheet_name, first, 6, last, 6);
  chart_series_set_name (term, _("Current term"));
  extensions = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (extensions, sheet_name, first, 0, last, 0);
  chart_series_set_values (extensions, sheet_name, first, 7, last, 7);
  chart_series_set_name (extensions, _("Extensions available"));
  chart_series_set_pattern (extensions, &(lxw_chart_pattern) {
    .type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL, .fg_color = 0x4472C4, .bg_color = 0xFFFFFF });
  chart_title_set_name (chart, _("Contract periods"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_min (chart->x_axis, from);
  chart_axis_set_max (chart->x_axis, to);
  chart_axis_set_num_format (chart->x_axis, "mmm yyyy");
  return place (worksheet, chart, at_row, at_col, last - first + 1, BAR_PX);
}
