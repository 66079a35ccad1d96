/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-timeline.c: contract timelines: periods and marks from the date
 * engine, where each date falls, the pixels drawn there, and the words
 * for each item and the whole, with unknown dates and open-ended terms */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-timeline-contract.h"
#include "cm-timeline-render.h"

static const CmDeadlineSettings settings = { 6, 6, 90 };

static CmContract *
contract_new (const char *reference, const char *start, const char *end, const char *term,
              const char *notice, int invoked)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", "Carers breaks",
                       "start-date", start, "end-date", end, "term", term,
                       "notice-period", notice, "extensions-invoked", invoked,
                       "provider-sector", CM_SECTOR_INDEPENDENT, NULL);
}

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (cm_date_parse_iso (iso, &date));
  return date;
}

static void
assert_date (const GDate *date, const char *iso)
{
  g_autofree char *text = g_date_valid (date) ? cm_date_format_iso (date) : g_strdup ("");

  g_assert_cmpstr (text, ==, iso);
}

static const CmTimelineMark *
mark_of (const CmTimelineRow *row, CmTimelineMarkKind kind)
{
  for (guint i = 0; i < row->marks->len; i++)
    if (g_array_index (row->marks, CmTimelineMark, i).kind == kind)
      return &g_array_index (row->marks, CmTimelineMark, i);
  return NULL;
}

static const CmTimelineSpan *
span_at (const CmTimelineRow *row, guint i)
{
  g_assert_cmpuint (i, <, row->spans->len);
  return &g_array_index (row->spans, CmTimelineSpan, i);
}

/* A pango context for measuring and a white page to draw on. */
typedef struct {
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
} Page;

static void
page_open (Page *page, int width, int height)
{
  page->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  page->cr = cairo_create (page->surface);
  cairo_set_source_rgb (page->cr, 1, 1, 1);
  cairo_paint (page->cr);
  page->context = pango_cairo_create_context (page->cr);
}

/* CM_TIMELINE_PNG=folder keeps each drawing for a person to look at. */
static void
page_close (Page *page)
{
  const char *folder = g_getenv ("CM_TIMELINE_PNG");

  if (folder)
    {
      g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
      g_autofree char *path = g_strdup_printf ("%s/%s.png", folder, name);

      cairo_surface_write_to_png (page->surface, path);
    }
  g_object_unref (page->context);
  cairo_destroy (page->cr);
  cairo_surface_destroy (page->surface);
}

/* The pixel at (@x, @y) as 0..1 RGB. */
static void
pixel (Page *page, double x, double y, double rgb[3])
{
  guint32 *row;
  guint32 argb;

  cairo_surface_flush (page->surface);
  row = (guint32 *) (cairo_image_surface_get_data (page->surface) +
                     (int) y * cairo_image_surface_get_stride (page->surface));
  argb = row[(int) x];
  rgb[0] = ((argb >> 16) & 0xff) / 255.0;
  rgb[1] = ((argb >> 8) & 0xff) / 255.0;
  rgb[2] = (argb & 0xff) / 255.0;
}

/* @colour at @alpha over white, within a rounding step or two. */
static gboolean
looks_like (const double rgb[3], const CmTimelineColour *colour, double alpha)
{
  double want[3] = { colour->red, colour->green, colour->blue };

  for (int i = 0; i < 3; i++)
    if (fabs (rgb[i] - (want[i] * alpha + (1 - alpha))) > 0.03)
      return FALSE;
  return TRUE;
}

static gboolean
is_white (const double rgb[3])
{
  return rgb[0] > 0.97 && rgb[1] > 0.97 && rgb[2] > 0.97;
}

/* @timeline drawn on a PDF page @width points wide, as printing and
 * reports draw it, and read back with pdftotext. */
static char *
pdf_text (const CmTimeline *timeline, double width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("timeline-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "timeline.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *text = NULL;
  CmTimelineLayout layout;
  cairo_surface_t *surface;
  PangoContext *context;
  cairo_t *cr;
  int status;

  g_assert_no_error (error);
  surface = cairo_pdf_surface_create (path, width, 595);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  cm_timeline_layout (timeline, context, width, &layout);
  cm_timeline_render (cr, context, timeline, &layout, cm_timeline_palette_light ());
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  if (g_getenv ("CM_TIMELINE_PNG"))
    {
      g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
      g_autofree char *base = g_strdup_printf ("%s.pdf", name);
      g_autofree char *kept = g_build_filename (g_getenv ("CM_TIMELINE_PNG"), base, NULL);

      g_rename (path, kept);
    }
  g_unlink (path);
  g_rmdir (folder);
  return text;
}

/* "3+1+1" from 1 April 2024 with one extension taken: each period counted
 * from its own start, and every mark the date engine's own date. */
static void
test_periods_follow_the_engine (void)
{
  GDate today = day ("2026-12-03");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) contract = contract_new ("C-1", "2024-04-01", "", "3+1+1",
                                                 "3 months", 1);
  CmTimelineRow *row = cm_timeline_add_contract (timeline, contract, &settings);
  CmContractDates dates;

  g_assert_true (cm_contract_compute_dates (contract, &today, &settings, &dates));
  g_assert_cmpuint (row->spans->len, ==, 3);
  g_assert_cmpint (span_at (row, 0)->kind, ==, CM_TIMELINE_SPAN_INITIAL);
  assert_date (&span_at (row, 0)->from, "2024-04-01");
  assert_date (&span_at (row, 0)->to, "2027-03-31");
  g_assert_cmpint (span_at (row, 1)->kind, ==, CM_TIMELINE_SPAN_TAKEN);
  g_assert_cmpuint (span_at (row, 1)->number, ==, 1);
  assert_date (&span_at (row, 1)->from, "2027-04-01");
  assert_date (&span_at (row, 1)->to, "2028-03-31");
  g_assert_cmpint (span_at (row, 2)->kind, ==, CM_TIMELINE_SPAN_AVAILABLE);
  g_assert_cmpuint (span_at (row, 2)->number, ==, 2);
  assert_date (&span_at (row, 2)->from, "2028-04-01");
  assert_date (&span_at (row, 2)->to, "2029-03-31");

  /* The engine's dates, not the timeline's own sums. */
  g_assert_cmpint (g_date_compare (&mark_of (row, CM_TIMELINE_MARK_END)->date,
                                   &dates.current_end), ==, 0);
  g_assert_cmpint (g_date_compare (&mark_of (row, CM_TIMELINE_MARK_LATEST_END)->date,
                                   &dates.latest_end), ==, 0);
  g_assert_cmpint (g_date_compare (&mark_of (row, CM_TIMELINE_MARK_NOTICE_BY)->date,
                                   &dates.latest_notice), ==, 0);
  g_assert_cmpint (g_date_compare (&mark_of (row, CM_TIMELINE_MARK_EXTENSION_DECISION)->date,
                                   &dates.extension_decision), ==, 0);
  assert_date (&mark_of (row, CM_TIMELINE_MARK_START)->date, "2024-04-01");
  assert_date (&mark_of (row, CM_TIMELINE_MARK_END)->date, "2028-03-31");
  assert_date (&mark_of (row, CM_TIMELINE_MARK_NOTICE_BY)->date, "2027-12-31");
  assert_date (&mark_of (row, CM_TIMELINE_MARK_EXTENSION_DECISION)->date, "2027-09-30");
  g_assert_null (mark_of (row, CM_TIMELINE_MARK_NOTICE_SERVED));
  g_assert_false (row->notice_unknown);
  g_assert_null (cm_timeline_row_urgent (row));

  /* Marks run in date order. */
  for (guint i = 1; i < row->marks->len; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (row->marks, CmTimelineMark, i - 1).date,
                                     &g_array_index (row->marks, CmTimelineMark, i).date),
                     <=, 0);
}

/* Days fall in proportion across the plot, and each item's box sits at
 * its dates. */
static void
test_layout_places_dates (void)
{
  GDate today = day ("2026-12-03");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) contract = contract_new ("C-1", "2024-04-01", "", "3+1+1",
                                                 "3 months", 1);
  CmTimelineRow *row = cm_timeline_add_contract (timeline, contract, &settings);
  g_autoptr(GArray) items = cm_timeline_items (timeline);
  CmTimelineLayout layout;
  GDate middle;
  int days;
  Page page;

  page_open (&page, 10, 10);
  cm_timeline_layout (timeline, page.context, 1000, &layout);
  /* The axis covers every date with room either side. */
  g_assert_cmpint (g_date_compare (&layout.first, &span_at (row, 0)->from), <, 0);
  g_assert_cmpint (g_date_compare (&layout.last, &span_at (row, 2)->to), >, 0);
  g_assert_cmpfloat (cm_timeline_layout_x (&layout, &layout.first), ==, layout.plot_left);
  g_assert_cmpfloat (cm_timeline_layout_x (&layout, &layout.last), ==, layout.plot_right);
  days = g_date_days_between (&layout.first, &layout.last);
  middle = layout.first;
  g_date_add_days (&middle, days / 2);
  g_assert_cmpfloat_with_epsilon (cm_timeline_layout_x (&layout, &middle),
                                  (layout.plot_left + layout.plot_right) / 2, 1.0);
  g_assert_cmpfloat (layout.height, >, layout.legend_top);

  /* Today first, then the row's items by date, each boxed at its day. */
  g_assert_cmpuint (items->len, ==, 1 + row->spans->len + row->marks->len);
  g_assert_cmpuint (g_array_index (items, CmTimelineItem, 0).row, ==, G_MAXUINT);
  for (guint i = 0; i < items->len; i++)
    {
      CmTimelineItem *item = &g_array_index (items, CmTimelineItem, i);
      cairo_rectangle_t box;
      double x;

      cm_timeline_layout_item_box (&layout, timeline, item, &box);
      if (item->row == G_MAXUINT)
        x = cm_timeline_layout_x (&layout, &today);
      else if (item->is_span)
        x = cm_timeline_layout_x (&layout, &span_at (row, item->index)->from);
      else
        x = cm_timeline_layout_x (&layout,
                                  &g_array_index (row->marks, CmTimelineMark, item->index).date);
      g_assert_cmpfloat_with_epsilon (item->is_span ? box.x : box.x + box.width / 2, x, 0.01);
    }
  /* The initial period's box ends where the taken extension's begins. */
  {
    CmTimelineItem first = { 0, TRUE, 0 }, second = { 0, TRUE, 1 };
    cairo_rectangle_t a, b;

    cm_timeline_layout_item_box (&layout, timeline, &first, &a);
    cm_timeline_layout_item_box (&layout, timeline, &second, &b);
    g_assert_cmpfloat_with_epsilon (a.x + a.width, b.x, 0.01);
    g_assert_cmpfloat (a.width, >, 2.5 * b.width);
  }
  page_close (&page);
}

/* What is drawn where: the periods' fill and pattern, nothing before the
 * start, today's line in its column, an overdue notice in the warning
 * colour, and words in the legend and caption. */
static void
test_render_pixels (void)
{
  GDate today = day ("2027-01-15");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) contract = contract_new ("C-1", "2024-04-01", "", "3+1+1",
                                                 "3 months", 0);
  const CmTimelinePalette *palette = cm_timeline_palette_light ();
  CmTimelineRow *row = cm_timeline_add_contract (timeline, contract, &settings);
  const CmTimelineMark *notice = mark_of (row, CM_TIMELINE_MARK_NOTICE_BY);
  CmTimelineLayout layout;
  Page page;
  double rgb[3], bar, x, x_start, x_end, x_latest;
  gboolean today_found = FALSE;

  /* 31 December 2026 has gone by on 15 January 2027. */
  assert_date (&notice->date, "2026-12-31");
  g_assert_cmpint (notice->status, ==, CM_DEADLINE_OVERDUE);
  g_assert_cmpint (cm_timeline_row_urgent (row)->status, ==, CM_DEADLINE_OVERDUE);

  page_open (&page, 1000, 400);
  cm_timeline_layout (timeline, page.context, 1000, &layout);
  g_assert_cmpfloat (layout.height, <=, 400);
  cm_timeline_render (page.cr, page.context, timeline, &layout, palette);
  bar = cm_timeline_layout_bar_top (&layout, 0) + CM_TIMELINE_BAR_HEIGHT / 2;
  x_start = cm_timeline_layout_x (&layout, &span_at (row, 0)->from);
  x_end = cm_timeline_layout_x (&layout, &span_at (row, 0)->to);
  x_latest = cm_timeline_layout_x (&layout, &span_at (row, 2)->to);

  /* Before the start: the page. Within the initial period: the fill. */
  pixel (&page, x_start - 10, bar, rgb);
  g_assert_true (is_white (rgb));
  x = x_start + (x_end - x_start) * 0.25;
  pixel (&page, x, bar, rgb);
  g_assert_true (looks_like (rgb, &palette->period, 0.85));
  /* An extension still to take is only lightly filled; after the latest
   * end, nothing. */
  x = cm_timeline_layout_x (&layout, &span_at (row, 1)->from);
  x += (x_latest - x) * 0.3;
  pixel (&page, x, bar, rgb);
  g_test_message ("available at %.0f: %.2f %.2f %.2f", x, rgb[0], rgb[1], rgb[2]);
  g_assert_true (looks_like (rgb, &palette->period, 0.12));
  pixel (&page, x_latest + 12, bar, rgb);
  g_assert_true (is_white (rgb));

  /* Today's line crosses the row in its own colour. */
  x = cm_timeline_layout_x (&layout, &today);
  for (double y = layout.rows_top; y < layout.legend_top - 6; y++)
    {
      pixel (&page, x, y, rgb);
      today_found = today_found || looks_like (rgb, &palette->today, 1.0);
    }
  g_assert_true (today_found);

  /* The overdue notice: a diamond in the warning colour at its date. */
  {
    CmTimelineItem item = { 0, FALSE, notice - (CmTimelineMark *) row->marks->data };
    cairo_rectangle_t box;

    cm_timeline_layout_item_box (&layout, timeline, &item, &box);
    pixel (&page, box.x + box.width / 2, box.y + box.height / 2, rgb);
    g_assert_true (looks_like (rgb, &palette->warning, 1.0));
  }
  page_close (&page);
}

/* Only an end date: the period runs in from the left edge, the notice
 * date cannot be told, and the words say so. A contract with no dates
 * at all keeps its row. */
static void
test_unknown_dates (void)
{
  GDate today = day ("2026-12-03");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) dated = contract_new ("C-2", "", "2028-06-30", "", "", 0);
  g_autoptr(CmContract) bare = contract_new ("C-3", "", "", "", "", 0);
  CmTimelineRow *row = cm_timeline_add_contract (timeline, dated, &settings);
  CmTimelineRow *empty = cm_timeline_add_contract (timeline, bare, &settings);
  g_autoptr(GArray) items = cm_timeline_items (timeline);
  g_autofree char *words = cm_timeline_describe (timeline);
  CmTimelineItem first = { 0, TRUE, 0 };
  CmTimelineLayout layout;
  cairo_rectangle_t box;
  Page page;

  g_assert_cmpuint (row->spans->len, ==, 1);
  g_assert_cmpint (span_at (row, 0)->kind, ==, CM_TIMELINE_SPAN_RUNNING);
  g_assert_false (g_date_valid (&span_at (row, 0)->from));
  assert_date (&span_at (row, 0)->to, "2028-06-30");
  g_assert_true (row->notice_unknown);
  g_assert_null (mark_of (row, CM_TIMELINE_MARK_NOTICE_BY));
  g_assert_null (mark_of (row, CM_TIMELINE_MARK_START));
  assert_date (&mark_of (row, CM_TIMELINE_MARK_END)->date, "2028-06-30");
  g_assert_cmpuint (empty->spans->len, ==, 0);
  g_assert_cmpuint (empty->marks->len, ==, 0);
  /* Today, the span and the end: the empty row offers nothing to point at. */
  g_assert_cmpuint (items->len, ==, 3);

  g_assert_nonnull (strstr (words, "C-2 Carers breaks: Start date not recorded. "
                                   "Ends 30 June 2028. Notice period not recorded."));
  g_assert_nonnull (strstr (words, "C-3 Carers breaks: Start date not recorded."));
  g_assert_nonnull (strstr (words, "Today is 3 December 2026."));

  page_open (&page, 10, 10);
  cm_timeline_layout (timeline, page.context, 600, &layout);
  cm_timeline_layout_item_box (&layout, timeline, &first, &box);
  g_assert_cmpfloat (box.x, ==, layout.plot_left);
  /* A year of room shows the period coming in from before. */
  g_assert_cmpint (g_date_days_between (&layout.first, &today), >=, 365);
  page_close (&page);
}

/* A start and only an option to extend: no end follows, so the period
 * runs on to the right edge, and nothing claims a notice date. */
static void
test_open_ended (void)
{
  GDate today = day ("2026-12-03");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) contract = contract_new ("C-4", "2025-01-01", "",
                                                 "option to extend by 12 months", "3 months", 0);
  CmTimelineRow *row = cm_timeline_add_contract (timeline, contract, &settings);
  g_autofree char *words = cm_timeline_describe (timeline);
  g_autofree char *drawn = NULL;
  const CmTimelinePalette *palette = cm_timeline_palette_light ();
  CmTimelineItem span = { 0, TRUE, 0 };
  CmTimelineLayout layout;
  cairo_rectangle_t box;
  double rgb[3];
  Page page;

  g_assert_cmpuint (row->spans->len, ==, 1);
  g_assert_cmpint (span_at (row, 0)->kind, ==, CM_TIMELINE_SPAN_RUNNING);
  assert_date (&span_at (row, 0)->from, "2025-01-01");
  g_assert_false (g_date_valid (&span_at (row, 0)->to));
  g_assert_cmpuint (row->marks->len, ==, 1);
  g_assert_cmpint (g_array_index (row->marks, CmTimelineMark, 0).kind, ==,
                   CM_TIMELINE_MARK_START);
  g_assert_nonnull (strstr (words, "C-4 Carers breaks: Started 1 January 2025. "
                                   "No end date recorded."));

  page_open (&page, 800, 300);
  cm_timeline_layout (timeline, page.context, 800, &layout);
  cm_timeline_layout_item_box (&layout, timeline, &span, &box);
  g_assert_cmpfloat (box.x + box.width, ==, layout.plot_right);
  g_assert_cmpint (g_date_days_between (&today, &layout.last), >=, 365);
  cm_timeline_render (page.cr, page.context, timeline, &layout, palette);
  /* Full strength in the middle, fading towards the open end. */
  pixel (&page, box.x + box.width * 0.5, box.y + box.height / 2, rgb);
  g_assert_true (looks_like (rgb, &palette->period, 0.6));
  pixel (&page, box.x + box.width * 0.97, box.y + 2, rgb);
  g_assert_false (looks_like (rgb, &palette->period, 0.6));
  page_close (&page);
  /* Not by the fade alone: the caption says it. */
  drawn = pdf_text (timeline, 600);
  g_assert_nonnull (strstr (drawn, "C-4 Carers breaks · no end date recorded"));
}

/* Several contracts on one axis: the axis spans all, and each item is
 * named with its contract. */
static void
test_shared_axis (void)
{
  GDate today = day ("2026-12-03");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) early = contract_new ("C-5", "2019-04-01", "", "5", "6 months", 0);
  g_autoptr(CmContract) late = contract_new ("C-6", "2026-04-01", "", "3+2", "6 months", 0);
  g_autoptr(GArray) items = NULL;
  g_autofree char *words = NULL;
  g_autofree char *name = NULL;
  CmTimelineItem end = { 1, FALSE, 0 };
  GDate first, last;

  cm_timeline_add_contract (timeline, early, &settings);
  cm_timeline_add_contract (timeline, late, &settings);
  g_assert_true (cm_timeline_bounds (timeline, &first, &last));
  assert_date (&first, "2019-04-01");
  assert_date (&last, "2031-03-31");
  items = cm_timeline_items (timeline);
  /* Row by row, today first. */
  for (guint i = 2; i < items->len; i++)
    g_assert_cmpuint (g_array_index (items, CmTimelineItem, i - 1).row, <=,
                      g_array_index (items, CmTimelineItem, i).row);

  end.index = mark_of (g_ptr_array_index (timeline->rows, 1), CM_TIMELINE_MARK_END) -
              (CmTimelineMark *) ((CmTimelineRow *) g_ptr_array_index (timeline->rows, 1))
                ->marks->data;
  name = cm_timeline_item_name (timeline, &end);
  g_assert_cmpstr (name, ==, "C-6 Carers breaks — Contract ends: 31 March 2029");

  words = cm_timeline_describe (timeline);
  /* The first ended in March 2024 and nothing says what happened: overdue. */
  g_assert_nonnull (strstr (words, "C-5 Carers breaks: Started 1 April 2019. "
                                   "First period ends 31 March 2024. "
                                   "Ends 31 March 2024. That is overdue."));
  g_assert_nonnull (strstr (words, "C-6 Carers breaks: Started 1 April 2026. "
                                   "First period ends 31 March 2029. Ends 31 March 2029. "
                                   "Notice by 30 September 2028. "
                                   "Extension decision by 30 September 2028. "
                                   "1 extension of 2 years available. "
                                   "Latest possible end 31 March 2031. Today is"));
}

/* The same renderer on an A4 landscape page: the words drawn are there. */
static void
test_pdf_page (void)
{
  GDate today = day ("2026-12-03");
  g_autoptr(CmTimeline) timeline = cm_timeline_new (&today);
  g_autoptr(CmContract) contract = contract_new ("C-7", "2024-04-01", "", "3+1+1",
                                                 "3 months", 1);
  g_autofree char *text = NULL;

  cm_timeline_add_contract (timeline, contract, &settings);
  text = pdf_text (timeline, 842);
  for (const char *const *word = (const char *[]) { "C-7 Carers breaks", "Today", "2027",
                                                    "Initial period", "Extension taken",
                                                    "Extension available",
                                                    "Latest day to serve notice", NULL };
       *word; word++)
    {
      g_test_message ("looking for “%s”", *word);
      g_assert_nonnull (strstr (text, *word));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/periods-follow-the-engine", test_periods_follow_the_engine);
  g_test_add_func ("/timeline/layout-places-dates", test_layout_places_dates);
  g_test_add_func ("/timeline/render-pixels", test_render_pixels);
  g_test_add_func ("/timeline/unknown-dates", test_unknown_dates);
  g_test_add_func ("/timeline/open-ended", test_open_ended);
  g_test_add_func ("/timeline/shared-axis", test_shared_axis);
  g_test_add_func ("/timeline/pdf-page", test_pdf_page);
  return g_test_run ();
}
