/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-page.h: laying out a printed report on A4 pages with cairo and Pango
 *
 * A report is drawn twice: once to count its pages, so that each footer
 * can say "Page 2 of 7", and once into the PDF. The drawing function must
 * therefore draw the same thing both times. Tables break across pages and
 * repeat their header row on each.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CmReportPage CmReportPage;

typedef void (*CmReportDrawFunc) (CmReportPage *page, gpointer user_data);

/* Draws @draw into the PDF @path (through the safe-write helper), with
 * @title in the document's properties and @footer at the foot of each
 * page beside its number. */
gboolean cm_report_page_render    (const char *path, const char *title, const char *footer,
                                   CmReportDrawFunc draw, gpointer user_data, GError **error);

/* The first page: a title, the lines under it (NULL-terminated) and
 * @code (an identifier such as the audit head, in a fixed-width font that
 * keeps it on one line; may be NULL). What follows starts on a new page. */
void     cm_report_page_title     (CmReportPage *page, const char *title,
                                   const char * const *lines, const char *code);
void     cm_report_page_heading   (CmReportPage *page, const char *text);
void     cm_report_page_paragraph (CmReportPage *page, const char *text);

/* A table of columns whose widths are the given shares of the page's
 * width (NULL-terminated @headers, as many @shares). */
void     cm_report_page_table     (CmReportPage *page, const char * const *headers,
                                   const double *shares);
/* One row, as many cells as the table has columns (NULL for empty). */
void     cm_report_page_row       (CmReportPage *page, const char * const *cells);
void     cm_report_page_end_table (CmReportPage *page);

int      cm_report_page_number    (CmReportPage *page);

G_END_DECLS
