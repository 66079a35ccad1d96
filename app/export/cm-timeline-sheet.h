/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-sheet.h: the workbook's Timeline sheet, contract periods as bars */
#pragma once

#include "cm-contract-dates.h"
#include "cm-sheet.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* At most this many bars: past a few dozen a bar chart is no longer read,
 * and a huge portfolio would make a chart no program can draw. The sheet
 * says so, and its table lists every contract. */
#define CM_TIMELINE_CHART_ROWS 40

/* Every running contract with a start date, soonest ending first, and a
 * chart of the first CM_TIMELINE_CHART_ROWS. Finish it as any sheet. */
CmSheet *cm_timeline_sheet_write (lxw_workbook             *workbook,
                                  const CmSheetFormats     *formats,
                                  CmStore                  *store,
                                  const GDate              *today,
                                  const CmDeadlineSettings *settings);

G_END_DECLS
