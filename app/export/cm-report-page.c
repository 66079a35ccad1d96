/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-page.c: laying out a printed report on A4 pages with cairo and Pango */
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "cm-report-page.h"
#include "cm-safe-write.h"

/* A4 in points, and the margins around what is drawn. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN 50.0
#define FOOTER_SPACE 30.0
#define CELL_PAD 3.0
#define CELL_MAX_LINES 12 /* a longer cell ends in "…": a row must fit a page */
#define MAX_COLUMNS 12

struct _CmReportPage {
  cairo_t *cr;        /* onto this page's recording surface */
  PangoLayout *layout;
  double y;
  int number;         /* of the page being drawn, from 1 */
  int n_pages;        /* counted by the first pass; 0 while counting */
  const char *footer;
  /* the table being drawn */
  guint n_columns;
  const char *headers[MAX_COLUMNS];
  double widths[MAX_COLUMNS];
  gboolean shaded;    /* the next row is drawn on grey, to guide the eye */
  gboolean header_due; /* the table's header waits for its first row */
  /* Kept back until what follows is known, so that they never end a page
   * alone: the heading goes with its first paragraph or its table's header
   * and first row; the last row goes with a Total after it. */
  char *held_heading;
  char **held_row;
  /* where each finished page goes; NULL while counting */
  CmReportPageSink sink;
  gpointer sink_data;
  GCancellable *cancellable;
  gboolean stopped;   /* cancelled, or the sink failed: the rest is skipped */
};

struct _CmReportPages {
  GPtrArray *surfaces; /* of cairo_surface_t, one recording surface a page */
  char *title;
  int n_pages;
  gboolean count_only;
  CmReportPageSink sink; /* takes the pages instead of @surfaces, or NULL */
  gpointer sink_data;
};

static const double content_width = PAGE_WIDTH - 2 * MARGIN;
static const double bottom = PAGE_HEIGHT - MARGIN - FOOTER_SPACE;

static void
set_font (CmReportPage *page, const char *description)
{
  PangoFontDescription *font = pango_font_description_from_string (description);

  pango_layout_set_font_description (page->layout, font);
  pango_font_description_free (font);
}

/* Lays out @text @width wide in the current font; its height in points. */
static double
measure (CmReportPage *page, const char *text, double width, int max_lines)
{
  int height;

  pango_layout_set_width (page->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (page->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (page->layout, max_lines ? -max_lines : -1000);
  pango_layout_set_ellipsize (page->layout, max_lines ? PANGO_ELLIPSIZE_END
                                                      : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (page->layout, text ? text : "", -1);
  pango_layout_get_size (page->layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The counting pass only lays out: where the pages break is all it needs. */
static void
show_at (CmReportPage *page, double x, double y)
{
  if (page->n_pages == 0)
    return;
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, page->layout);
}

static void
draw_footer (CmReportPage *page)
{
  g_autofree char *number = page->n_pages
    /* TRANSLATORS: at the foot of a printed page */
    ? g_strdup_printf (_("Page %d of %d"), page->number, page->n_pages)
    : g_strdup_printf (_("Page %d"), page->number);
  double y = PAGE_HEIGHT - MARGIN - 10;

  cairo_set_source_rgb (page->cr, 0.3, 0.3, 0.3);
  set_font (page, "Sans 8");
  measure (page, page->footer, content_width * 0.7, 1);
  show_at (page, MARGIN, y);
  measure (page, number, content_width * 0.3, 1);
  pango_layout_set_alignment (page->layout, PANGO_ALIGN_RIGHT);
  show_at (page, MARGIN + content_width * 0.7, y);
  pango_layout_set_alignment (page->layout, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (page->cr, 0, 0, 0);
}

static void draw_table_header (CmReportPage *page);

/* Each page is recorded on a surface of its own, A4 in points. */
static void
begin_page (CmReportPage *page)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_WIDTH, PAGE_HEIGHT };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                             &extents);

  page->cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  if (page->layout)
    pango_cairo_update_layout (page->cr, page->layout);
}

/* Hands the finished page to the sink; stops at a cancel or a failure. */
static void
finish_page (CmReportPage *page)
{
  draw_footer (page);
  if (!page->stopped)
    page->stopped = g_cancellable_is_cancelled (page->cancellable) ||
                    (page->sink && !page->sink (cairo_get_target (page->cr), page->sink_data));
  cairo_destroy (page->cr);
  page->cr = NULL;
}

static void
next_page (CmReportPage *page)
{
  finish_page (page);
  begin_page (page);
  page->number++;
  page->y = MARGIN;
  if (page->n_columns && !page->header_due)
    draw_table_header (page);
}

/* Room for @height more points on this page, or a new page. */
static void
make_room (CmReportPage *page, double height)
{
  if (page->y + height > bottom && page->y > MARGIN)
    next_page (page);
}

static void
draw_block (CmReportPage *page, const char *font, const char *text, double space_before)
{
  double height;

  if (page->stopped)
    return;
  set_font (page, font);
  height = measure (page, text, content_width, 0);
  make_room (page, space_before + height);
  if (page->y > MARGIN)
    page->y += space_before;
  show_at (page, MARGIN, page->y);
  page->y += height;
}

static void release_held (CmReportPage *page);
static void release_table (CmReportPage *page);

void
cm_report_page_title (CmReportPage *page, const char *title, const char * const *lines,
                      const char *code)
{
  release_held (page);
  page->y = PAGE_HEIGHT / 3;
  draw_block (page, "Sans Bold 24", title, 0);
  page->y += 24;
  for (guint i = 0; lines[i]; i++)
    draw_block (page, "Sans 12", lines[i], 6);
  if (code)
    draw_block (page, "Monospace 8", code, 4);
  next_page (page);
}

/* ---- keeping a heading with what follows it ------------------------------ */

#define HEADING_FONT "Sans Bold 14"
#define HEADING_SPACE 18.0 /* above a heading */
#define HEADING_GAP 6.0    /* below it */
#define PARAGRAPH_FONT "Sans 10"
#define PARAGRAPH_SPACE 6.0
#define TABLE_SPACE 8.0    /* above a table */

/* Draws the held heading, on a new page unless @following more points
 * fit under it: what comes next is measured before the heading is drawn. */
static void
draw_held_heading (CmReportPage *page, double following)
{
  g_autofree char *text = g_steal_pointer (&page->held_heading);

  if (text == NULL)
    return;
  set_font (page, HEADING_FONT);
  make_room (page, HEADING_SPACE + measure (page, text, content_width, 0) + HEADING_GAP +
                   following);
  draw_block (page, HEADING_FONT, text, HEADING_SPACE);
  page->y += HEADING_GAP;
}

void
cm_report_page_heading (CmReportPage *page, const char *text)
{
  if (page->stopped)
    return;
  release_held (page);
  page->held_heading = g_strdup (text);
}

void
cm_report_page_paragraph (CmReportPage *page, const char *text)
{
  if (page->stopped)
    return;
  release_table (page);
  if (page->held_heading)
    {
      set_font (page, PARAGRAPH_FONT);
      draw_held_heading (page, PARAGRAPH_SPACE + measure (page, text, content_width, 0));
    }
  draw_block (page, PARAGRAPH_FONT, text, PARAGRAPH_SPACE);
}

/* Each cell's height, and the row's: the tallest. */
static double
row_height (CmReportPage *page, const char * const *cells)
{
  double height = 0;

  for (guint i = 0; i < page->n_columns; i++)
    height = MAX (height, measure (page, cells[i], page->widths[i] - 2 * CELL_PAD,
                                   CELL_MAX_LINES));
  return height + 2 * CELL_PAD;
}

static void
draw_cells (CmReportPage *page, const char * const *cells, double height)
{
  double x = MARGIN;

  if (page->shaded)
    {
      cairo_set_source_rgb (page->cr, 0.93, 0.93, 0.93);
      cairo_rectangle (page->cr, MARGIN, page->y, content_width, height);
      cairo_fill (page->cr);
      cairo_set_source_rgb (page->cr, 0, 0, 0);
    }
  for (guint i = 0; i < page->n_columns && page->n_pages; i++)
    {
      measure (page, cells[i], page->widths[i] - 2 * CELL_PAD, CELL_MAX_LINES);
      show_at (page, x + CELL_PAD, page->y + CELL_PAD);
      x += page->widths[i];
    }
  page->y += height;
}

static void
draw_table_header (CmReportPage *page)
{
  double height;

  set_font (page, "Sans Bold 9");
  height = row_height (page, page->headers);
  page->shaded = FALSE;
  draw_cells (page, page->headers, height);
  cairo_set_line_width (page->cr, 0.8);
  cairo_move_to (page->cr, MARGIN, page->y);
  cairo_line_to (page->cr, MARGIN + content_width, page->y);
  cairo_stroke (page->cr);
}

/* The header is kept back until the first row, so that the two start the
 * same page. */
void
cm_report_page_table (CmReportPage *page, const char * const *headers, const double *shares)
{
  guint n = MIN (g_strv_length ((char **) headers), MAX_COLUMNS);

  if (page->stopped)
    return;
  release_table (page);
  for (guint i = 0; i < n; i++)
    {
      page->headers[i] = headers[i];
      page->widths[i] = shares[i] * content_width;
    }
  page->n_columns = n;
  page->header_due = TRUE;
}

static double
header_height (CmReportPage *page)
{
  set_font (page, "Sans Bold 9");
  return row_height (page, page->headers);
}

/* Draws the held heading and the table's header where @following more
 * points fit under them, on a new page if they do not. */
static void
start_table (CmReportPage *page, double following)
{
  double header = header_height (page);

  draw_held_heading (page, TABLE_SPACE + header + following);
  make_room (page, TABLE_SPACE + header + following);
  page->y += TABLE_SPACE;
  page->header_due = FALSE;
  draw_table_header (page);
}

static double
cells_height (CmReportPage *page, const char * const *cells)
{
  set_font (page, "Sans 9");
  return row_height (page, cells);
}

/* One row where it fits, after the header when the table starts with it;
 * @following more points must fit under it too (a Total kept with it). */
static void
draw_row (CmReportPage *page, const char * const *cells, double following)
{
  double height = cells_height (page, cells);

  if (page->header_due)
    start_table (page, height + following);
  else if (page->y + height + following > bottom)
    next_page (page);
  set_font (page, "Sans 9");
  draw_cells (page, cells, height);
  page->shaded = !page->shaded;
}

static void
release_held_row (CmReportPage *page, double following)
{
  g_auto(GStrv) cells = g_steal_pointer (&page->held_row);

  if (cells)
    draw_row (page, (const char * const *) cells, following);
}

/* Draws the table's held row, and its header if it has no rows. */
static void
release_table (CmReportPage *page)
{
  release_held_row (page, 0);
  if (page->n_columns && page->header_due)
    start_table (page, 0);
}

/* Draws whatever is held back, as it would be with nothing after it. */
static void
release_held (CmReportPage *page)
{
  release_table (page);
  draw_held_heading (page, 0);
}

void
cm_report_page_row (CmReportPage *page, const char * const *cells)
{
  guint n;

  if (page->stopped)
    return;
  release_held_row (page, 0);
  n = page->n_columns;
  page->held_row = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    page->held_row[i] = g_strdup (cells[i] ? cells[i] : "");
}

void
cm_report_page_total_row (CmReportPage *page, const char * const *cells)
{
  double height;

  if (page->stopped)
    return;
  height = cells_height (page, cells);
  /* Not alone at the top of a page: the row before it goes over too. */
  release_held_row (page, height);
  draw_row (page, cells, 0);
  cairo_set_line_width (page->cr, 0.8);
  cairo_move_to (page->cr, MARGIN, page->y - height);
  cairo_line_to (page->cr, MARGIN + content_width, page->y - height);
  cairo_stroke (page->cr);
}

void
cm_report_page_end_table (CmReportPage *page)
{
  if (page->stopped)
    return;
  release_held (page);
  page->n_columns = 0;
  page->y += 6;
}

#define FIGURE_SPACE 8.0

double
cm_report_page_width (void)
{
  return content_width;
}

void
cm_report_page_figure (CmReportPage *page, double height, CmReportFigureFunc draw,
                       gpointer user_data)
{
  /* Below a heading, on a page of its own at most. */
  double tallest = bottom - MARGIN - 60;
  double scale = height > tallest ? tallest / height : 1.0;

  if (page->stopped)
    return;
  release_table (page);
  height *= scale;
  draw_held_heading (page, FIGURE_SPACE + height);
  make_room (page, FIGURE_SPACE + height);
  page->y += FIGURE_SPACE;
  if (page->n_pages) /* the counting pass needs only its height */
    {
      cairo_save (page->cr);
      cairo_translate (page->cr, MARGIN, page->y);
      cairo_scale (page->cr, scale, scale);
      draw (page->cr, user_data);
      cairo_restore (page->cr);
    }
  page->y += height;
}

int
cm_report_page_number (CmReportPage *page)
{
  return page->number;
}

/* ---- laying out --------------------------------------------------------- */

/* Draws every page, handing each to @sink (NULL while counting); FALSE if
 * cancelled or the sink failed. The number of pages is in @n_pages. */
static gboolean
lay_out (const char *footer, int *n_pages, CmReportDrawFunc draw, gpointer user_data,
         CmReportPageSink sink, gpointer sink_data, GCancellable *cancellable)
{
  CmReportPage page = { .number = 1, .n_pages = *n_pages, .footer = footer, .y = MARGIN,
                        .sink = sink, .sink_data = sink_data, .cancellable = cancellable };

  begin_page (&page);
  page.layout = pango_cairo_create_layout (page.cr);
  /* Font sizes in points on a surface measured in points. */
  pango_cairo_context_set_resolution (pango_layout_get_context (page.layout), 72);
  pango_layout_context_changed (page.layout);
  draw (&page, user_data);
  release_held (&page);
  g_free (page.held_heading);
  g_strfreev (page.held_row);
  finish_page (&page);
  g_object_unref (page.layout);
  *n_pages = page.number;
  return !page.stopped;
}

/* Twice: once to count the pages, so that each footer can say how many,
 * unless *@n_pages already says; then, unless @count_only, for real. */
static gboolean
lay_out_counted (const char *footer, int *n_pages, gboolean count_only, CmReportDrawFunc draw,
                 gpointer user_data, CmReportPageSink sink, gpointer sink_data,
                 GCancellable *cancellable, GError **error)
{
  if ((*n_pages > 0 || lay_out (footer, n_pages, draw, user_data, NULL, NULL, cancellable)) &&
      (count_only || lay_out (footer, n_pages, draw, user_data, sink, sink_data, cancellable)))
    return TRUE;
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The report could not be drawn."));
  return FALSE;
}

void
cm_report_page_paint (cairo_surface_t *page, cairo_t *cr, double width, double height)
{
  double scale = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);

  cairo_save (cr);
  /* Centred across the width, from the top, as a printer feeds it. */
  cairo_translate (cr, (width - PAGE_WIDTH * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, page, 0, 0);
  cairo_rectangle (cr, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ---- into a PDF ------------------------------------------------------------ */

typedef struct {
  int fd;
  int error; /* errno of the first failed write, or 0 */
} Sink;

static cairo_status_t
write_out (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->error = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Each page onto the PDF as it is finished: a long report is never held
 * in memory whole. */
static gboolean
paint_onto_pdf (cairo_surface_t *page, gpointer data)
{
  cairo_t *cr = cairo_create (data);

  cm_report_page_paint (page, cr, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  return cairo_surface_status (data) == CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError **error, const char *path, int errsv, cairo_status_t status)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, errsv ? g_io_error_from_errno (errsv) : G_IO_ERROR_FAILED,
               _("The report could not be written to “%s” (%s). Check that the disk has "
                 "space, then try again."), shown,
               errsv ? g_strerror (errsv) : cairo_status_to_string (status));
}

gboolean
cm_report_page_render (const char *path, const char *title, const char *footer,
                       CmReportDrawFunc draw, gpointer user_data, GCancellable *cancellable,
                       GError **error)
{
  g_autoptr(CmSafeWrite) out = NULL;
  g_autoptr(GError) failure = NULL;
  cairo_surface_t *surface;
  Sink sink = { -1, 0 };
  cairo_status_t status;
  gboolean drawn;
  int n_pages = 0;

  if ((out = cm_safe_write_begin (path, error)) == NULL)
    return FALSE;
  sink.fd = cm_safe_write_get_fd (out);
  surface = cairo_pdf_surface_create_for_stream (write_out, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Commissioner");
  drawn = lay_out_counted (footer, &n_pages, FALSE, draw, user_data, paint_onto_pdf, surface,
                           cancellable, &failure);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Nothing is committed: the file is left as it was. */
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  if (!drawn || status != CAIRO_STATUS_SUCCESS || sink.error)
    {
      set_write_error (error, path, sink.error, status);
      return FALSE;
    }
  return cm_safe_write_commit (g_steal_pointer (&out), error);
}

/* ---- into pages for a printer ---------------------------------------------- */

CmReportPages *
cm_report_pages_new (void)
{
  CmReportPages *pages = g_new0 (CmReportPages, 1);

  pages->surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  return pages;
}

void
cm_report_pages_free (CmReportPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->surfaces);
  g_free (pages->title);
  g_free (pages);
}

static gboolean
keep_page (cairo_surface_t *page, gpointer data)
{
  CmReportPages *pages = data;

  g_ptr_array_add (pages->surfaces, cairo_surface_reference (page));
  return TRUE;
}

gboolean
cm_report_pages_lay_out (CmReportPages *pages, const char *title, const char *footer,
                         CmReportDrawFunc draw, gpointer user_data, GCancellable *cancellable,
                         GError **error)
{
  g_ptr_array_set_size (pages->surfaces, 0);
  g_free (pages->title);
  pages->title = g_strdup (title);
  if (lay_out_counted (footer, &pages->n_pages, pages->count_only, draw, user_data,
                       pages->sink ? pages->sink : keep_page,
                       pages->sink ? pages->sink_data : pages, cancellable, error))
    return TRUE;
  g_ptr_array_set_size (pages->surfaces, 0);
  return FALSE;
}

void
cm_report_pages_set_count_only (CmReportPages *pages)
{
  pages->count_only = TRUE;
}

void
cm_report_pages_set_sink (CmReportPages *pages, guint n_pages, CmReportPageSink sink,
                          gpointer user_data)
{
  pages->n_pages = n_pages;
  pages->sink = sink;
  pages->sink_data = user_data;
}

guint
cm_report_pages_get_n_pages (CmReportPages *pages)
{
  return pages->n_pages;
}

const char *
cm_report_pages_get_title (CmReportPages *pages)
{
  return pages->title;
}

void
cm_report_pages_draw (CmReportPages *pages, guint number, cairo_t *cr, double width,
                      double height)
{
  g_return_if_fail (number < pages->surfaces->len); /* kept, not handed to a sink */

  cm_report_page_paint (g_ptr_array_index (pages->surfaces, number), cr, width, height);
}
