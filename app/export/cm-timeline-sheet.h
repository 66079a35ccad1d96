/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-sheet.h: the workbook's Timeline sheet, contract periods as bars */
#pragma once

#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-row-sorter.h"
#include "cm-sheet.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* At most this many bars: past a few dozen a bar chart is no longer read,
 * and a huge portfolio would make a chart no program can draw. The sheet
 * says so, and its table lists every contract. */
#define CM_TIMELINE_CHART_ROWS 40

/* Every running contract with a start date, soonest ending first, and a
 * chart of the first CM_TIMELINE_CHART_ROWS. Finish it as any sheet. */
/* Sorts rows for the sheet as the contracts are read: @dates are the
 * contract's computed dates, NULL when it has none. */
CmRowSorter *cm_timeline_sheet_sorter_new (GError **error);
gboolean     cm_timeline_sheet_keep       (CmRowSorter *sorter, CmContract *contract,
                                           const CmContractDates *dates, const GDate *today,
                                           GError **error);
/* The sheet from the rows kept, soonest ending first. */
CmSheet     *cm_timeline_sheet_write      (lxw_workbook *workbook, const CmSheetFormats *formats,
                                           CmRowSorter *sorter, GError **error);

G_END_DECLS
