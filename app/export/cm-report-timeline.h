/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-timeline.h: a service's contracts on one axis, in a printed report
 *
 * The timeline the service page shows, drawn onto the report's page by
 * the same cairo renderer, with its legend and its description in words
 * under it: paper shows what the screen does.
 */
#pragma once

#include "cm-report-page.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct _CmReportTimeline CmReportTimeline;

/* The contracts of service @service_id as the date engine reckons them on
 * @today, read from @store now: the report draws them twice. */
CmReportTimeline *cm_report_timeline_new  (CmStore *store, gint64 service_id,
                                           const GDate *today);
void              cm_report_timeline_free (CmReportTimeline *timeline);

/* A heading, the timeline and its description; or a line saying the
 * service has no contract. */
void              cm_report_timeline_draw (CmReportPage *page, CmReportTimeline *timeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmReportTimeline, cm_report_timeline_free)

G_END_DECLS
