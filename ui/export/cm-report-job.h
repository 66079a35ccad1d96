/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-job.h: drawing a report in the background, with a progress
 * toast that can cancel it
 *
 * The deadlines schedule of a large portfolio runs to thousands of pages:
 * it is drawn in a worker thread on a read-only connection of its own, so
 * the window stays responsive, and shows the portfolio as last saved.
 */
#pragma once

#include <adwaita.h>

#include "cm-report.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* On the main loop once drawn: for printing, @pages (taken), counted
 * only, with the title; else NULL (a PDF was written, or @error says why
 * not). @error is NULL on success, and G_IO_ERROR_CANCELLED when the user
 * cancelled. */
typedef void (*CmReportJobDone) (CmReportPages *pages, const GError *error, gpointer data);

/* Draws the report @kind of @store as on @today into the PDF @pdf, or
 * when @pdf is NULL counts its pages for a printer. @what names it in the
 * progress toast in @toasts. */
void cm_report_job_start (CmStore *store, const char *kind, const GDate *today,
                          const char *pdf, const char *what, AdwToastOverlay *toasts,
                          CmReportJobDone done, gpointer data, GDestroyNotify destroy);

G_END_DECLS
