/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-workbook.h: the portfolio as an Excel workbook for boards, finance
 * and transparency publication */
#pragma once

#include <gio/gio.h>

#include "cm-report-period.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_WORKBOOK_ERROR (cm_workbook_error_quark ())
typedef enum {
  CM_WORKBOOK_ERROR_FAILED,
} CmWorkbookError;
GQuark cm_workbook_error_quark (void);

/* Writes every sheet to @path, with statuses as on @today. The workbook is
 * written beside @path first and moved into place only when complete, so
 * a failure, or cancelling through @cancellable (checked between sheets),
 * never leaves a half-written file where a good one was. */
gboolean cm_workbook_export (CmStore *store, const char *path, const GDate *today,
                             GCancellable *cancellable, GError **error);
/* The same, with the Spend summary for the financial year and the
 * Transparency sheet for the quarter of @periods; NULL for those
 * containing @today. */
gboolean cm_workbook_export_for (CmStore *store, const char *path, const GDate *today,
                                 const CmReportPeriods *periods, GCancellable *cancellable,
                                 GError **error);

G_END_DECLS
