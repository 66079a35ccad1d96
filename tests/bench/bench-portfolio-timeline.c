/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-portfolio-timeline.c: how long the portfolio timeline takes to lay out and draw
 *
 * Opens a large portfolio (one bench-portfolio --keep made), dates its
 * contracts as the Deadlines page does, lays out the timeline once, then
 * puts it in a window of 1400×900 and scrolls it from top to bottom and
 * across the years. For each position it times the widget's snapshot of
 * the visible area, and that snapshot drawn into pixels, against a plain
 * cairo loop drawing the same number of rectangles (and of texts); then
 * it lets the window scroll for real, a step each frame, and times each
 * frame from its update to the end of its paint. It prints each figure
 * next to the 16 ms frame budget and checks none, so a slow machine never
 * fails a build. Needs a display: run it under with-display.sh.
 *
 *   bench-portfolio-timeline PORTFOLIO [TODAY]
 */
#include <stdlib.h>
#include <time.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-portfolio-timeline.h"
#include "cm-store.h"
#include "cm-succession.h"

#define BUDGET_FRAME_MS 16.0
#define N_POSITIONS 200
#define N_FRAMES 240

static void G_GNUC_NORETURN
fail (const char *what, const char *message)
{
  g_printerr ("bench-portfolio-timeline: %s: %s\n", what, message);
  exit (1);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time this thread has used: on a shared machine the clock
 * on the wall also counts other programs' turns, so both are printed. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
by_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median and worst of @times, in ms. */
static void
print_times (const char *name, GArray *times)
{
  g_array_sort (times, by_double);
  g_print ("%s: median %.2f ms, 95th %.2f ms, worst %.2f ms (budget %.0f ms)\n", name,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 95 / 100),
           g_array_index (times, double, times->len - 1), BUDGET_FRAME_MS);
}

/* What the Deadlines page hands the timeline: each contract's end, from
 * the deadlines, under the commissioner its row names. */
static CmPortfolioLayout *
build_layout (CmStore *store, const GDate *today)
{
  CmDeadlineSettings settings;
  GListModel *contracts;
  g_autoptr(GPtrArray) deadlines = NULL;
  CmPortfolioLayout *layout;
  guint n_skipped;
  gint64 start = g_get_monotonic_time ();
  double load_ms, collect_ms, names_ms = 0, layout_ms;

  contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  g_print ("contracts: %u\n", g_list_model_get_n_items (contracts));
  load_ms = ms_since (start);
  start = g_get_monotonic_time ();
  cm_deadline_settings_load (store, &settings);
  deadlines = cm_deadlines_collect (contracts, today, &settings, &n_skipped);
  collect_ms = ms_since (start);

  layout = cm_portfolio_layout_new (today);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < deadlines->len; i++)
    {
      CmDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *commissioner = NULL;
      gint64 named = g_get_monotonic_time ();

      if (deadline->kind != CM_DEADLINE_KIND_END)
        continue;
      commissioner = cm_succession_contract_commissioner (store, deadline->contract, today);
      names_ms += ms_since (named);
      cm_portfolio_layout_add (layout, deadline->contract, commissioner, &deadline->date,
                               deadline->status);
    }
  cm_portfolio_layout_finish (layout);
  layout_ms = ms_since (start) - names_ms;
  g_print ("load contracts: %.0f ms\n", load_ms);
  g_print ("date them (cm_deadlines_collect): %.0f ms\n", collect_ms);
  g_print ("name their commissioners: %.0f ms\n", names_ms);
  g_print ("lay out once: %.0f ms\n", layout_ms);
  g_print ("bars: %u in %u groups, %u rows\n", cm_portfolio_layout_get_n_bars (layout),
           cm_portfolio_layout_get_n_groups (layout), cm_portfolio_layout_get_n_rows (layout));
  return layout;
}

/* Runs the main loop until @widget is drawn at its size. */
static void
settle (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0 ||
         g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct {
  GtkWidget *timeline;
  GtkAdjustment *vertical;
  GtkAdjustment *horizontal;
  /* Each in processor time, then on the wall clock. */
  GArray *snapshot_ms[2];
  GArray *draw_ms[2];
  GArray *plain_ms[2];
  GArray *plain_text_ms[2];
  guint most_shown;
} Frames;

static void
record (GArray **times, gint64 wall_start, double cpu_start)
{
  double cpu = cpu_ms () - cpu_start;
  double wall = ms_since (wall_start);

  g_array_append_val (times[0], cpu);
  g_array_append_val (times[1], wall);
}

static void
new_times (GArray **times)
{
  times[0] = g_array_new (FALSE, FALSE, sizeof (double));
  times[1] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
print_both (const char *name, GArray **times)
{
  g_autofree char *cpu = g_strdup_printf ("%s, processor time", name);
  g_autofree char *wall = g_strdup_printf ("%s, wall clock", name);

  print_times (cpu, times[0]);
  print_times (wall, times[1]);
}

/* The widget's own snapshot of what is in view, then drawn into pixels
 * as the cairo renderer would. */
static guint
time_snapshot (Frames *frames, cairo_t *cr)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  GskRenderNode *node;
  CmPortfolioLayout *layout = cm_portfolio_timeline_get_layout (
    CM_PORTFOLIO_TIMELINE (frames->timeline));
  double first_row;
  guint shown;

  GTK_WIDGET_GET_CLASS (frames->timeline)->snapshot (frames->timeline, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  record (frames->snapshot_ms, start, cpu_start);
  if (node)
    {
      gsk_render_node_draw (node, cr);
      cairo_surface_flush (cairo_get_target (cr));
      gsk_render_node_unref (node);
    }
  record (frames->draw_ms, start, cpu_start);
  /* The rows a frame holds (26 px each, below the 52 px axis), for the
   * plain loop to draw as many. */
  first_row = gtk_adjustment_get_value (frames->vertical) / 26;
  shown = MIN ((gtk_widget_get_height (frames->timeline) - 52) / 26 + 2,
               (int) cm_portfolio_layout_get_n_rows (layout) - (int) first_row);
  return shown;
}

/* The plain tool: cairo filling @n rectangles (and, for the second figure,
 * writing @n lines of text with Pango) on the same surface. */
static void
time_plain (Frames *frames, cairo_t *cr, PangoLayout *text, guint n)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();

  for (guint i = 0; i < n; i++)
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, 12, 52 + i * 26 + 6, 200 + i * 7, 14);
      cairo_fill (cr);
    }
  cairo_surface_flush (cairo_get_target (cr));
  record (frames->plain_ms, start, cpu_start);
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  for (guint i = 0; i < n; i++)
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, 12, 52 + i * 26 + 6, 200 + i * 7, 14);
      cairo_fill (cr);
      cairo_move_to (cr, 218 + i * 7, 52 + i * 26 + 4);
      cairo_set_source_rgb (cr, 0, 0, 0);
      pango_layout_set_text (text, "ASC-01234 — Care and support services · 31 Mar 2027 · OK",
                             -1);
      pango_cairo_show_layout (cr, text);
    }
  cairo_surface_flush (cairo_get_target (cr));
  record (frames->plain_text_ms, start, cpu_start);
}

static void
scroll_positions (Frames *frames)
{
  int width = gtk_widget_get_width (frames->timeline);
  int height = gtk_widget_get_height (frames->timeline);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *text = pango_cairo_create_layout (cr);
  double v_upper = gtk_adjustment_get_upper (frames->vertical) -
                   gtk_adjustment_get_page_size (frames->vertical);
  double h_upper = gtk_adjustment_get_upper (frames->horizontal) -
                   gtk_adjustment_get_page_size (frames->horizontal);

  for (guint i = 0; i < N_POSITIONS; i++)
    {
      guint shown;

      gtk_adjustment_set_value (frames->vertical, v_upper * i / (N_POSITIONS - 1));
      gtk_adjustment_set_value (frames->horizontal, h_upper * (i % 5) / 4);
      shown = time_snapshot (frames, cr);
      frames->most_shown = MAX (frames->most_shown, shown);
      time_plain (frames, cr, text, shown);
    }
  g_object_unref (text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct {
  GtkAdjustment *vertical;
  GArray *frame_ms[2];
  double frame_cpu_start;
  gint64 frame_start;
  guint n_frames;
  double step;
} Scrolling;

static void
frame_update (GdkFrameClock *clock, Scrolling *scrolling)
{
  scrolling->frame_start = g_get_monotonic_time ();
  scrolling->frame_cpu_start = cpu_ms ();
}

static void
frame_painted (GdkFrameClock *clock, Scrolling *scrolling)
{
  if (scrolling->frame_start == 0)
    return;
  record (scrolling->frame_ms, scrolling->frame_start, scrolling->frame_cpu_start);
  scrolling->frame_start = 0;
}

/* A step down each frame, as a flick of the wheel would. */
static gboolean
scroll_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Scrolling *scrolling = data;

  gtk_adjustment_set_value (scrolling->vertical,
                            gtk_adjustment_get_value (scrolling->vertical) + scrolling->step);
  scrolling->n_frames++;
  return scrolling->n_frames < N_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
scroll_for_real (GtkWidget *timeline, GtkAdjustment *vertical)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (timeline);
  Scrolling scrolling = { vertical, { NULL, NULL }, 0, 0, 0,
                          (gtk_adjustment_get_upper (vertical) / 2) / N_FRAMES };
  gulong update, painted;

  new_times (scrolling.frame_ms);
  gtk_adjustment_set_value (vertical, gtk_adjustment_get_upper (vertical) / 4);
  update = g_signal_connect (clock, "update", G_CALLBACK (frame_update), &scrolling);
  painted = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted), &scrolling);
  gtk_widget_add_tick_callback (timeline, scroll_tick, &scrolling, NULL);
  while (scrolling.n_frames < N_FRAMES || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, update);
  g_signal_handler_disconnect (clock, painted);
  /* The first frame after the jump draws rows never drawn before: say it
   * apart from the steady scrolling that follows. */
  g_print ("frames scrolled in the window: %u; the first took %.2f ms of processor time, "
           "%.2f ms on the wall clock\n", scrolling.frame_ms[0]->len,
           g_array_index (scrolling.frame_ms[0], double, 0),
           g_array_index (scrolling.frame_ms[1], double, 0));
  g_array_remove_index (scrolling.frame_ms[0], 0);
  g_array_remove_index (scrolling.frame_ms[1], 0);
  print_both ("each later frame (update to end of paint, the whole window)", scrolling.frame_ms);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  GtkWidget *window, *scrolled;
  GDate today;
  Frames frames = { 0 };

  if (argc < 2)
    fail ("usage", "bench-portfolio-timeline PORTFOLIO [TODAY]");
  if (!cm_date_parse_iso (argc > 2 ? argv[2] : "2026-11-22", &today))
    fail ("today", "not a date as YYYY-MM-DD");
  gtk_init ();
  store = cm_store_open (argv[1], CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    fail (argv[1], error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  scrolled = gtk_scrolled_window_new ();
  frames.timeline = cm_portfolio_timeline_new ();
  cm_portfolio_timeline_set_layout (CM_PORTFOLIO_TIMELINE (frames.timeline),
                                    build_layout (store, &today));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), frames.timeline);
  /* As the Deadlines page has it. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_ALWAYS,
                                  GTK_POLICY_ALWAYS);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  settle (frames.timeline);
  frames.vertical = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (frames.timeline));
  frames.horizontal = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (frames.timeline));
  g_print ("visible area: %d×%d px of %.0f×%.0f\n", gtk_widget_get_width (frames.timeline),
           gtk_widget_get_height (frames.timeline), gtk_adjustment_get_upper (frames.horizontal),
           gtk_adjustment_get_upper (frames.vertical));

  new_times (frames.snapshot_ms);
  new_times (frames.draw_ms);
  new_times (frames.plain_ms);
  new_times (frames.plain_text_ms);
  scroll_positions (&frames);
  g_print ("positions: %u, at most %u rows in view\n", N_POSITIONS, frames.most_shown);
  print_both ("snapshot of the visible area", frames.snapshot_ms);
  print_both ("snapshot drawn into pixels", frames.draw_ms);
  print_both ("plain cairo loop, as many rectangles", frames.plain_ms);
  print_both ("plain cairo loop, as many rectangles and texts", frames.plain_text_ms);
  scroll_for_real (frames.timeline, frames.vertical);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
