/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-workbook-charts.h: the native charts of an exported workbook
 *
 * Each chart reads cells the sheet already holds, so a reader who changes
 * a figure sees the chart follow it. Rows are 0-based, as libxlsxwriter's.
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* A bar for each of the rows @first to @last: names in column A, pounds
 * in column C. Placed with its top left at @at_row, @at_col. */
lxw_error cm_chart_spend_bars (lxw_workbook *workbook, lxw_worksheet *worksheet,
                               const char *sheet_name, lxw_row_t first, lxw_row_t last,
                               const char *title, lxw_row_t at_row, lxw_col_t at_col);

/* A bar from start to end for each of the rows @first to @last, soonest
 * on top: names in column A, start dates in D, days of the current term
 * in G and days of extensions still available in H. The date axis runs
 * from @from to @to (Excel serial days). */
lxw_error cm_chart_timeline_bars (lxw_workbook *workbook, lxw_worksheet *worksheet,
                                  const char *sheet_name, lxw_row_t first, lxw_row_t last,
                                  double from, double to, lxw_row_t at_row, lxw_col_t at_col);

G_END_DECLS
