/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-page.h: laying out a printed report on A4 pages with cairo and Pango
 *
 * A report is drawn twice: once to count its pages, so that each footer
 * can say "Page 2 of 7", and once for real. The drawing function must
 * therefore draw the same thing both times. Tables break across pages and
 * repeat their header row on each.
 *
 * Each page is recorded on a cairo recording surface of its own, which is
 * then painted onto a PDF's page or a printer's: the PDF and the printout
 * are the same drawing.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CmReportPage CmReportPage;

typedef void (*CmReportDrawFunc) (CmReportPage *page, gpointer user_data);

/* Takes one finished page, A4 in points; FALSE stops the drawing. */
typedef gboolean (*CmReportPageSink) (cairo_surface_t *page, gpointer user_data);

/* Draws @draw into the PDF @path (through the safe-write helper), with
 * @title in the document's properties and @footer at the foot of each
 * page beside its number. Cancelled, it leaves @path as it was. */
gboolean cm_report_page_render    (const char *path, const char *title, const char *footer,
                                   CmReportDrawFunc draw, gpointer user_data,
                                   GCancellable *cancellable, GError **error);

/* Paints one recorded @page onto @cr, scaled to fit @width by @height
 * (in @cr's units) and centred across it. */
void     cm_report_page_paint     (cairo_surface_t *page, cairo_t *cr, double width,
                                   double height);

/* A report laid out for a printer, which asks for its pages one at a
 * time: kept page by page, or counted only, or handed to a sink as drawn. */
typedef struct _CmReportPages CmReportPages;

CmReportPages *cm_report_pages_new         (void);
void           cm_report_pages_free        (CmReportPages *pages);
/* Lays @draw out into @pages, as cm_report_page_render () would into a PDF. */
gboolean       cm_report_pages_lay_out     (CmReportPages *pages, const char *title,
                                            const char *footer, CmReportDrawFunc draw,
                                            gpointer user_data, GCancellable *cancellable,
                                            GError **error);
/* Before laying out: only count the pages (and take the title), as a
 * printer's dialog needs before any page is drawn. */
void           cm_report_pages_set_count_only (CmReportPages *pages);
/* Before laying out: hand each page to @sink as it is drawn instead of
 * keeping it, so that a long report is never held whole; @n_pages, as
 * counted before, spares the counting pass. */
void           cm_report_pages_set_sink    (CmReportPages *pages, guint n_pages,
                                            CmReportPageSink sink, gpointer user_data);
guint          cm_report_pages_get_n_pages (CmReportPages *pages);
const char    *cm_report_pages_get_title   (CmReportPages *pages);
/* Paints page @number (from 0) onto @cr, scaled to @width by @height. */
void           cm_report_pages_draw        (CmReportPages *pages, guint number, cairo_t *cr,
                                            double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmReportPages, cm_report_pages_free)

/* The first page: a title, the lines under it (NULL-terminated) and
 * @code (an identifier such as the audit head, in a fixed-width font that
 * keeps it on one line; may be NULL). What follows starts on a new page. */
void     cm_report_page_title     (CmReportPage *page, const char *title,
                                   const char * const *lines, const char *code);
/* A heading is kept with what follows it: it never ends a page. */
void     cm_report_page_heading   (CmReportPage *page, const char *text);
void     cm_report_page_paragraph (CmReportPage *page, const char *text);

/* A table of columns whose widths are the given shares of the page's
 * width (NULL-terminated @headers, as many @shares). */
void     cm_report_page_table     (CmReportPage *page, const char * const *headers,
                                   const double *shares);
/* One row, as many cells as the table has columns (NULL for empty). */
void     cm_report_page_row       (CmReportPage *page, const char * const *cells);
/* The table's last row, of totals, ruled off above: it takes the row
 * before it to the next page rather than start a page alone. */
void     cm_report_page_total_row (CmReportPage *page, const char * const *cells);
void     cm_report_page_end_table (CmReportPage *page);

/* Draws a figure from the origin of @cr, as laid out for the page's width. */
typedef void (*CmReportFigureFunc) (cairo_t *cr, gpointer user_data);

/* The width a figure is laid out to, in points. */
double   cm_report_page_width     (void);
/* A figure @height points high, laid out to the page's width, kept whole
 * on one page (scaled down if taller than a page) and with the heading
 * before it; drawn by @draw. */
void     cm_report_page_figure    (CmReportPage *page, double height, CmReportFigureFunc draw,
                                   gpointer user_data);

int      cm_report_page_number    (CmReportPage *page);

G_END_DECLS
