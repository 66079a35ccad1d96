/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-contract.h: a contract's row on a timeline, from the date engine */
#pragma once

#include "cm-contract.h"
#include "cm-timeline.h"

G_BEGIN_DECLS

/* Adds @contract's periods and key dates as the date engine reckons them
 * on the timeline's today. A contract with no dates still gets its row,
 * empty, so the reader learns that nothing is recorded. */
CmTimelineRow *cm_timeline_add_contract (CmTimeline               *timeline,
                                         CmContract               *contract,
                                         const CmDeadlineSettings *settings);

G_END_DECLS
