/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report.h: reports for committees and reviewers, as PDF
 *
 * Each report has a title page naming the portfolio, the day it reports
 * on and the audit head it was drawn from, numbered pages, and tables
 * that carry their header row onto every page they run over.
 */
#pragma once

#include "cm-report-page.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_REPORT_ERROR (cm_report_error_quark ())
GQuark cm_report_error_quark (void);

typedef enum {
  CM_REPORT_ERROR_UNKNOWN_KIND,
  CM_REPORT_ERROR_NOT_FOUND,
} CmReportError;

/* What every report's title page and footer say. */
typedef struct {
  CmStore *store;
  const GDate *today;
  char *portfolio; /* its name, or its file's */
  char *as_on;     /* @today in words */
  char *anchor;    /* the audit head, SEQ:HASH, or NULL for an empty trail */
  CmReportPages *pages;      /* laid out into these instead of a PDF, or NULL */
  GCancellable *cancellable; /* may be NULL */
} CmReportContext;

/* Writes the report @kind ("six-monthly", "community-committees",
 * "deadlines", "decommission:SERVICE", "eia:SERVICE") of
 * @store as on @today to the PDF @path. A kind not known, or a service
 * not found, fails naming it. */
gboolean cm_report_write (CmStore *store, const char *kind, const char *path,
                          const GDate *today, GError **error);

/* As cm_report_write (), but stops when @cancellable is cancelled, leaving
 * @path as it was. */
gboolean cm_report_write_cancellable (CmStore *store, const char *kind, const char *path,
                                      const GDate *today, GCancellable *cancellable,
                                      GError **error);

/* Lays the report @kind out into pages, as cm_report_write () would into a
 * PDF, for printing: the same drawing, page for page. */
CmReportPages *cm_report_lay_out (CmStore *store, const char *kind, const GDate *today,
                                  GCancellable *cancellable, GError **error);
/* The same into @pages, set up to count only or to hand pages to a sink. */
gboolean cm_report_lay_out_into (CmStore *store, const char *kind, const GDate *today,
                                 CmReportPages *pages, GCancellable *cancellable,
                                 GError **error);

/* The title page: @title, then the portfolio, @covering (what the report
 * covers, such as its period; may be NULL), the day and the audit head. */
void     cm_report_title_page (CmReportPage *page, const CmReportContext *context,
                               const char *title, const char *covering);

/* Renders @draw with the context's footer, into the PDF @path or the
 * context's pages. */
gboolean cm_report_render     (const CmReportContext *context, const char *path,
                               const char *title, CmReportDrawFunc draw, gpointer data,
                               GError **error);

/* The service called @wanted, or whose record number it is; else NULL
 * and an error naming @wanted. */
CmService *cm_report_find_service (CmStore *store, const char *wanted, GError **error);

gboolean cm_report_deadlines    (const CmReportContext *context, const char *path,
                                 GError **error);
gboolean cm_report_decommission (const CmReportContext *context, const char *service,
                                 const char *path, GError **error);
gboolean cm_report_eia          (const CmReportContext *context, const char *service,
                                 const char *path, GError **error);
gboolean cm_report_six_monthly  (const CmReportContext *context, const char *path,
                                 GError **error);
gboolean cm_report_committees   (const CmReportContext *context, const char *path,
                                 GError **error);

G_END_DECLS
