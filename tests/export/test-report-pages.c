/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-report-pages.c: a report laid out into pages for a printer is the
 * PDF's drawing, page for page, and stops when cancelled; headings and
 * totals are never left alone at a page's foot or head */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-demo.h"
#include "cm-report.h"
#include "cm-report-page.h"
#include "cm-test-util.h"

#define TODAY "2026-11-22"

typedef struct {
  char *dir;
  char *portfolio;
  CmStore *store;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cm_test_temp_path ("report-pages");
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  f->portfolio = g_build_filename (f->dir, "demo.commissioner", NULL);
  g_assert_true (cm_date_parse_iso (TODAY, &f->today));
  g_assert_true (cm_demo_create (f->portfolio, &f->today, &error));
  g_assert_no_error (error);
  f->store = cm_store_open (f->portfolio, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
}

/* No portfolio: the page layout is drawn on its own. */
static void
plain_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cm_test_temp_path ("report-keeping");
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  cm_test_remove_tree (f->dir);
  g_free (f->portfolio);
  g_free (f->dir);
}

/* The page count pdfinfo reads from @pdf. */
static int
pdf_page_count (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;
  g_autofree char *quoted = g_shell_quote (pdf);
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  command = g_strdup_printf ("pdfinfo %s", quoted);
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

/* How many pixels of an image of @pages' page @number are not white. */
static guint
inked_pixels (CmReportPages *pages, guint number, int width, int height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);
  const guint32 *pixels;
  guint inked = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cm_report_pages_draw (pages, number, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  pixels = (const guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < cairo_image_surface_get_stride (image) / 4 * height; i++)
    inked += (pixels[i] & 0xffffff) != 0xffffff;
  cairo_surface_destroy (image);
  return inked;
}

/* Every kind the window prints: as many pages as its PDF, each drawn. */
static void
test_pages_match_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *decommission = g_strdup_printf (
    "decommission:%" G_GINT64_FORMAT,
    cm_test_query_int (f->portfolio, "SELECT service_id FROM decommission LIMIT 1"));
  g_autofree char *eia = g_strdup_printf (
    "eia:%" G_GINT64_FORMAT,
    cm_test_query_int (f->portfolio, "SELECT service_id FROM eia LIMIT 1"));
  const char *kinds[] = { "deadlines", decommission, eia };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
      g_autoptr(CmReportPages) pages = NULL;
      int n_pdf;

      g_test_message ("report %s", kinds[i]);
      g_assert_true (cm_report_write (f->store, kinds[i], pdf, &f->today, &error));
      g_assert_no_error (error);
      n_pdf = pdf_page_count (pdf);
      pages = cm_report_lay_out (f->store, kinds[i], &f->today, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pages);
      g_assert_cmpint (n_pdf, >, 1);
      g_assert_cmpuint (cm_report_pages_get_n_pages (pages), ==, n_pdf);
      g_assert_nonnull (strstr (cm_report_pages_get_title (pages), "Leeds"));
      /* Onto a printer's page of another size: something on every page. */
      for (guint n = 0; n < cm_report_pages_get_n_pages (pages); n++)
        g_assert_cmpuint (inked_pixels (pages, n, 300, 400), >, 100);
      g_assert_cmpint (g_unlink (pdf), ==, 0);
    }
}

/* A page painted onto a smaller one keeps its proportions: nothing is
 * drawn past the scaled page's right-hand edge. */
static void
test_paint_scales_to_fit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmReportPages) pages = cm_report_lay_out (f->store, "deadlines", &f->today, NULL,
                                                      &error);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 1000);
  cairo_t *cr = cairo_create (image);
  const guint32 *pixels;
  int stride;

  g_assert_no_error (error);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cm_report_pages_draw (pages, 1, cr, 200, 1000);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  pixels = (const guint32 *) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  /* A4 at 200 wide is 283 high: below that stays white. */
  for (int y = 290; y < 1000; y++)
    for (int x = 0; x < 200; x++)
      g_assert_cmphex (pixels[y * stride + x] & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (image);
}

static gboolean
count_page (cairo_surface_t *page, gpointer data)
{
  guint *n = data;

  (*n)++;
  return TRUE;
}

static gboolean
stop_at_second (cairo_surface_t *page, gpointer data)
{
  guint *n = data;

  return ++(*n) < 2;
}

/* Counted only, then handed to a sink a page at a time: as many pages as
 * kept whole; and a sink that stops the drawing fails it. */
static void
test_counted_and_streamed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmReportPages) kept = cm_report_lay_out (f->store, "deadlines", &f->today, NULL,
                                                     &error);
  g_autoptr(CmReportPages) counted = cm_report_pages_new ();
  g_autoptr(CmReportPages) streamed = cm_report_pages_new ();
  g_autoptr(CmReportPages) stopped = cm_report_pages_new ();
  guint handed = 0, before_stop = 0;

  g_assert_no_error (error);
  cm_report_pages_set_count_only (counted);
  g_assert_true (cm_report_lay_out_into (f->store, "deadlines", &f->today, counted, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cm_report_pages_get_n_pages (counted), ==,
                    cm_report_pages_get_n_pages (kept));
  g_assert_cmpstr (cm_report_pages_get_title (counted), ==, cm_report_pages_get_title (kept));

  cm_report_pages_set_sink (streamed, cm_report_pages_get_n_pages (counted), count_page,
                            &handed);
  g_assert_true (cm_report_lay_out_into (f->store, "deadlines", &f->today, streamed, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (handed, ==, cm_report_pages_get_n_pages (kept));

  cm_report_pages_set_sink (stopped, 0, stop_at_second, &before_stop);
  g_assert_false (cm_report_lay_out_into (f->store, "deadlines", &f->today, stopped, NULL,
                                          &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (before_stop, ==, 2);
}

/* Cancelled, the layout gives no pages, and a PDF is not written. */
static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "cancelled.pdf", NULL);
  CmReportPages *pages;

  g_cancellable_cancel (cancellable);
  pages = cm_report_lay_out (f->store, "deadlines", &f->today, cancellable, &error);
  g_assert_null (pages);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (cm_report_write_cancellable (f->store, "deadlines", pdf, &f->today,
                                               cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A kind not known fails as the PDF does, naming it. */
static void
test_unknown_kind (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CmReportPages *pages = cm_report_lay_out (f->store, "no-such-report", &f->today, NULL,
                                            &error);

  g_assert_null (pages);
  g_assert_error (error, CM_REPORT_ERROR, CM_REPORT_ERROR_UNKNOWN_KIND);
  g_assert_nonnull (strstr (error->message, "no-such-report"));
}

/* ---- keeping a heading with what follows it ------------------------------ */

typedef enum {
  FOLLOWED_BY_TABLE,
  FOLLOWED_BY_PARAGRAPH,
  ENDED_BY_TOTAL,
} Layout;

typedef struct {
  Layout layout;
  guint filler;   /* paragraphs before the part under test */
} Keeping;

static void
draw_keeping (CmReportPage *page, gpointer data)
{
  const Keeping *keeping = data;
  const char *headers[] = { "HEADERCELL", "Second", NULL };
  static const double shares[] = { 0.5, 0.5 };

  for (guint i = 0; i < keeping->filler; i++)
    {
      g_autofree char *text = g_strdup_printf ("Filler paragraph %u", i);

      cm_report_page_paragraph (page, text);
    }
  if (keeping->layout != ENDED_BY_TOTAL)
    cm_report_page_heading (page, "KEEPHEADING");
  if (keeping->layout == FOLLOWED_BY_PARAGRAPH)
    {
      /* Several lines: the heading needs more than a line's room below it. */
      cm_report_page_paragraph (page, "OPENINGLINES of the section, long enough to run to "
                                "five lines on the page, so that a heading kept only with "
                                "room for a line or two under it would be left behind at "
                                "the foot of the page while these lines went over to the "
                                "next one; a reader would then see a heading with nothing "
                                "under it, and its text on the page after, which is what "
                                "the rule keeps from happening in every report we print.");
      return;
    }
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("ROW%u", i);
      const char *cells[] = { text, "cell" };

      cm_report_page_row (page, cells);
    }
  if (keeping->layout == ENDED_BY_TOTAL)
    {
      const char *cells[] = { "GRANDTOTAL", "3" };

      cm_report_page_total_row (page, cells);
    }
  cm_report_page_end_table (page);
}

/* The pages of @pdf as pdftotext reads them, split at its form feeds. */
static GStrv
pdf_page_texts (const char *pdf)
{
  g_autofree char *quoted = g_shell_quote (pdf);
  g_autofree char *command = g_strdup_printf ("pdftotext %s -", quoted);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strsplit (out, "\f", -1);
}

/* The page (from 1) whose text holds @word; 0 when none does. */
static guint
page_of (GStrv texts, const char *word)
{
  for (guint i = 0; texts[i]; i++)
    if (strstr (texts[i], word))
      return i + 1;
  return 0;
}

/* With the part under test moved down a paragraph at a time across the
 * foot of the first page, @first and @second always share a page; and
 * somewhere the part goes over to the second page, so a break was tried. */
static void
check_kept_together (Fixture *f, Layout layout, const char *first, const char *second)
{
  g_autofree char *pdf = g_build_filename (f->dir, "keeping.pdf", NULL);
  gboolean went_over = FALSE;

  for (guint filler = 26; filler <= 40; filler++)
    {
      Keeping keeping = { layout, filler };
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) texts = NULL;

      g_assert_true (cm_report_page_render (pdf, "Keeping", "Keeping", draw_keeping, &keeping,
                                            NULL, &error));
      g_assert_no_error (error);
      texts = pdf_page_texts (pdf);
      g_test_message ("%u paragraphs: %s on page %u, %s on page %u", filler, first,
                      page_of (texts, first), second, page_of (texts, second));
      g_assert_cmpuint (page_of (texts, first), >, 0);
      g_assert_cmpuint (page_of (texts, first), ==, page_of (texts, second));
      went_over |= page_of (texts, first) > 1;
    }
  g_assert_true (went_over);
}

static void
test_heading_kept_with_table (Fixture *f, gconstpointer data)
{
  check_kept_together (f, FOLLOWED_BY_TABLE, "KEEPHEADING", "HEADERCELL");
  check_kept_together (f, FOLLOWED_BY_TABLE, "KEEPHEADING", "ROW0");
}

static void
test_heading_kept_with_paragraph (Fixture *f, gconstpointer data)
{
  check_kept_together (f, FOLLOWED_BY_PARAGRAPH, "KEEPHEADING", "OPENINGLINES");
}

/* A total goes over with the row before it, under the repeated header. */
static void
test_total_kept_with_row (Fixture *f, gconstpointer data)
{
  check_kept_together (f, ENDED_BY_TOTAL, "ROW2", "GRANDTOTAL");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report-pages/match-pdf", Fixture, NULL, fixture_set_up, test_pages_match_pdf,
              fixture_tear_down);
  g_test_add ("/report-pages/scales-to-fit", Fixture, NULL, fixture_set_up,
              test_paint_scales_to_fit, fixture_tear_down);
  g_test_add ("/report-pages/counted-and-streamed", Fixture, NULL, fixture_set_up,
              test_counted_and_streamed, fixture_tear_down);
  g_test_add ("/report-pages/cancelled", Fixture, NULL, fixture_set_up, test_cancelled,
              fixture_tear_down);
  g_test_add ("/report-pages/unknown-kind", Fixture, NULL, fixture_set_up, test_unknown_kind,
              fixture_tear_down);
  g_test_add ("/report-pages/heading-kept-with-table", Fixture, NULL, plain_set_up,
              test_heading_kept_with_table, fixture_tear_down);
  g_test_add ("/report-pages/heading-kept-with-paragraph", Fixture, NULL, plain_set_up,
              test_heading_kept_with_paragraph, fixture_tear_down);
  g_test_add ("/report-pages/total-kept-with-row", Fixture, NULL, plain_set_up,
              test_total_kept_with_row, fixture_tear_down);
  return g_test_run ();
}
