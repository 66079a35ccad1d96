/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-render.c: a timeline drawn with cairo, for the screen and for paper
 *
 * From the top: today's label and the years, then one row a contract (its
 * name with its most urgent status in words, its periods as a bar and its
 * dates as marks), then a legend in words for every shape drawn.
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cm-timeline-render.h"

#define MARGIN 8.0
#define CAPTION_GAP 4.0
#define LANE 12.0        /* below the bar: notice by, then the decision */
#define MARK_SIZE 6.0
#define SWATCH 22.0

static const CmTimelinePalette light = {
  .ink = { 0.12, 0.12, 0.14, 1.0 },
  .period = { 0.21, 0.52, 0.89, 1.0 },   /* Adwaita blue 3 */
  .grid = { 0.0, 0.0, 0.0, 0.12 },
  .today = { 0.51, 0.24, 0.61, 1.0 },    /* purple: no status uses it */
  .warning = { 0.61, 0.43, 0.01, 1.0 },  /* the style's warning colour */
  .error = { 0.75, 0.11, 0.16, 1.0 },    /* the style's error colour */
  .due_soon = { 0.90, 0.65, 0.04, 1.0 }, /* amber */
  .unknown = { 0.47, 0.46, 0.48, 1.0 },  /* grey */
};

static const CmTimelinePalette dark = {
  .ink = { 1.0, 1.0, 1.0, 1.0 },
  .period = { 0.38, 0.63, 0.92, 1.0 },
  .grid = { 1.0, 1.0, 1.0, 0.15 },
  .today = { 0.75, 0.55, 0.85, 1.0 },
  .warning = { 0.97, 0.89, 0.36, 1.0 },
  .error = { 1.0, 0.48, 0.39, 1.0 },
  .due_soon = { 0.96, 0.70, 0.20, 1.0 },
  .unknown = { 0.60, 0.60, 0.63, 1.0 },
};

const CmTimelinePalette *
cm_timeline_palette_light (void)
{
  return &light;
}

const CmTimelinePalette *
cm_timeline_palette_dark (void)
{
  return &dark;
}

const CmTimelineColour *
cm_timeline_palette_status (const CmTimelinePalette *palette, CmDeadlineStatus status)
{
  switch (status)
    {
    case CM_DEADLINE_DUE_SOON:
      return &palette->due_soon;
    case CM_DEADLINE_OVERDUE:
      return &palette->warning;
    case CM_DEADLINE_BREACHED:
      return &palette->error;
    case CM_DEADLINE_UNKNOWN:
      return &palette->unknown;
    case CM_DEADLINE_OK:
    default:
      return &palette->period;
    }
}

/* ---- the legend: one entry a kind of span or mark drawn ------------------- */

typedef struct {
  gboolean is_span;
  int kind;
} LegendEntry;

static void
note_kind (LegendEntry *entries, guint *n, gboolean is_span, int kind)
{
  for (guint i = 0; i < *n; i++)
    if (entries[i].is_span == is_span && entries[i].kind == kind)
      return;
  entries[(*n)++] = (LegendEntry) { is_span, kind };
}

static int
by_legend_order (gconstpointer a, gconstpointer b)
{
  const LegendEntry *x = a, *y = b;

  if (x->is_span != y->is_span)
    return y->is_span - x->is_span;
  return x->kind - y->kind;
}

/* The kinds drawn, spans first, in a fixed order; returns how many. */
static guint
legend_entries (const CmTimeline *timeline, LegendEntry *entries)
{
  guint n = 0;

  for (guint r = 0; r < timeline->rows->len; r++)
    {
      CmTimelineRow *row = g_ptr_array_index (timeline->rows, r);

      for (guint i = 0; i < row->spans->len; i++)
        note_kind (entries, &n, TRUE, g_array_index (row->spans, CmTimelineSpan, i).kind);
      for (guint i = 0; i < row->marks->len; i++)
        note_kind (entries, &n, FALSE, g_array_index (row->marks, CmTimelineMark, i).kind);
    }
  note_kind (entries, &n, FALSE, CM_TIMELINE_MARK_TODAY);
  qsort (entries, n, sizeof *entries, by_legend_order);
  return n;
}

static const char *
legend_label (const LegendEntry *entry)
{
  return entry->is_span ? cm_timeline_span_label (entry->kind)
                        : cm_timeline_mark_label (entry->kind);
}

static PangoLayout *
text_layout (PangoContext *context, const char *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_width (PangoContext *context, const char *text)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

static double
line_height (PangoContext *context)
{
  g_autoptr(PangoLayout) layout = text_layout (context, "Ag");
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return height;
}

static double
legend_entry_width (PangoContext *context, const LegendEntry *entry)
{
  return SWATCH + 4 + text_width (context, legend_label (entry)) + 14;
}

/* Entries flow left to right and wrap; the height of the lines used. */
static double
legend_height (const CmTimeline *timeline, PangoContext *context, double width)
{
  LegendEntry entries[16];
  guint n = legend_entries (timeline, entries);
  double x = 0, lines = 1;

  for (guint i = 0; i < n; i++)
    {
      double w = legend_entry_width (context, &entries[i]);

      if (x > 0 && x + w > width)
        {
          lines++;
          x = 0;
        }
      x += w;
    }
  return lines * (line_height (context) + 4);
}

/* ---- layout ------------------------------------------------------------- */

/* Room either side of the dates, and beyond a side that is not known so
 * that an open end still shows as a length. */
static void
pad_axis (const CmTimeline *timeline, GDate *first, GDate *last)
{
  int days = g_date_days_between (first, last);
  int pad = MAX (45, days / 25);
  gboolean open_start = FALSE, open_end = FALSE;

  for (guint r = 0; r < timeline->rows->len; r++)
    {
      CmTimelineRow *row = g_ptr_array_index (timeline->rows, r);

      for (guint i = 0; i < row->spans->len; i++)
        {
          CmTimelineSpan *span = &g_array_index (row->spans, CmTimelineSpan, i);

          open_start = open_start || !g_date_valid (&span->from);
          open_end = open_end || !g_date_valid (&span->to);
        }
    }
  g_date_subtract_days (first, open_start ? MAX (pad, 365) : pad);
  g_date_add_days (last, open_end ? MAX (pad, 365) : pad);
}

void
cm_timeline_layout (const CmTimeline *timeline, PangoContext *context, double width,
                    CmTimelineLayout *layout)
{
  double line = line_height (context);
  guint rows = MAX (timeline->rows->len, 1);

  *layout = (CmTimelineLayout) { 0 };
  if (!cm_timeline_bounds (timeline, &layout->first, &layout->last))
    {
      layout->first = layout->last = timeline->today;
    }
  pad_axis (timeline, &layout->first, &layout->last);
  layout->width = width;
  layout->plot_left = MARGIN;
  layout->plot_right = MAX (width - MARGIN, MARGIN + 1);
  layout->rows_top = 2 * line + 8;
  layout->legend_top = layout->rows_top + rows * CM_TIMELINE_ROW_HEIGHT + 10;
  layout->legend_height = legend_height (timeline, context, width);
  layout->height = layout->legend_top + layout->legend_height;
}

double
cm_timeline_layout_x (const CmTimelineLayout *layout, const GDate *date)
{
  double days = MAX (g_date_days_between (&layout->first, &layout->last), 1);
  double at = g_date_days_between (&layout->first, date);

  at = CLAMP (at, 0, days);
  return layout->plot_left + (layout->plot_right - layout->plot_left) * at / days;
}

static double
row_top (const CmTimelineLayout *layout, guint row)
{
  return layout->rows_top + row * CM_TIMELINE_ROW_HEIGHT;
}

double
cm_timeline_layout_bar_top (const CmTimelineLayout *layout, guint row)
{
  return row_top (layout, row) + 20 + CAPTION_GAP;
}

static double
mark_centre_y (const CmTimelineLayout *layout, guint row, CmTimelineMarkKind kind)
{
  double bar = cm_timeline_layout_bar_top (layout, row);

  if (kind == CM_TIMELINE_MARK_NOTICE_BY)
    return bar + CM_TIMELINE_BAR_HEIGHT + LANE - 2;
  if (kind == CM_TIMELINE_MARK_EXTENSION_DECISION)
    return bar + CM_TIMELINE_BAR_HEIGHT + 2 * LANE;
  return bar + CM_TIMELINE_BAR_HEIGHT / 2;
}

static void
span_extent (const CmTimelineLayout *layout, const CmTimelineSpan *span, double *x0, double *x1)
{
  GDate after = span->to;

  *x0 = g_date_valid (&span->from) ? cm_timeline_layout_x (layout, &span->from)
                                   : layout->plot_left;
  if (g_date_valid (&span->to))
    {
      /* A period runs to the end of its last day. */
      g_date_add_days (&after, 1);
      *x1 = cm_timeline_layout_x (layout, &after);
    }
  else
    *x1 = layout->plot_right;
  *x1 = MAX (*x1, *x0 + 1);
}

void
cm_timeline_layout_item_box (const CmTimelineLayout *layout, const CmTimeline *timeline,
                             const CmTimelineItem *item, cairo_rectangle_t *box)
{
  CmTimelineRow *row;
  const CmTimelineMark *mark;
  double x, y;

  if (item->row == G_MAXUINT)
    {
      x = cm_timeline_layout_x (layout, &timeline->today);
      *box = (cairo_rectangle_t) { x - 24, 0, 48, layout->rows_top };
      return;
    }
  row = g_ptr_array_index (timeline->rows, item->row);
  if (item->is_span)
    {
      double x0, x1;

      span_extent (layout, &g_array_index (row->spans, CmTimelineSpan, item->index), &x0, &x1);
      *box = (cairo_rectangle_t) { x0, cm_timeline_layout_bar_top (layout, item->row),
                                   MAX (x1 - x0, 8), CM_TIMELINE_BAR_HEIGHT };
      return;
    }
  mark = &g_array_index (row->marks, CmTimelineMark, item->index);
  x = cm_timeline_layout_x (layout, &mark->date);
  y = mark_centre_y (layout, item->row, mark->kind);
  *box = (cairo_rectangle_t) { x - 8, y - 8, 16, 16 };
}

/* ---- drawing ------------------------------------------------------------ */

static void
set_colour (cairo_t *cr, const CmTimelineColour *colour, double alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static const CmTimelineColour *
status_colour (const CmTimelinePalette *palette, CmDeadlineStatus status)
{
  if (status == CM_DEADLINE_OVERDUE)
    return &palette->warning;
  if (status == CM_DEADLINE_BREACHED)
    return &palette->error;
  return &palette->ink;
}

static void
show_text (cairo_t *cr, PangoLayout *text, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

/* Diagonal lines over a taken extension: told apart without colour. */
static void
hatch (cairo_t *cr, double x0, double y, double x1, double h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x0, y, x1 - x0, h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
  for (double x = x0 - h; x < x1; x += 6)
    {
      cairo_move_to (cr, x, y + h);
      cairo_line_to (cr, x + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A side not known fades out over the last stretch. */
static void
set_span_source (cairo_t *cr, const CmTimelineSpan *span, const CmTimelinePalette *palette,
                 double x0, double x1, double alpha)
{
  const CmTimelineColour *c = &palette->period;
  cairo_pattern_t *fade;

  if (g_date_valid (&span->from) && g_date_valid (&span->to))
    {
      set_colour (cr, c, alpha);
      return;
    }
  fade = cairo_pattern_create_linear (x0, 0, x1, 0);
  cairo_pattern_add_color_stop_rgba (fade, 0, c->red, c->green, c->blue,
                                     g_date_valid (&span->from) ? alpha : 0);
  cairo_pattern_add_color_stop_rgba (fade, 0.3, c->red, c->green, c->blue, alpha);
  cairo_pattern_add_color_stop_rgba (fade, 0.7, c->red, c->green, c->blue, alpha);
  cairo_pattern_add_color_stop_rgba (fade, 1, c->red, c->green, c->blue,
                                     g_date_valid (&span->to) ? alpha : 0);
  cairo_set_source (cr, fade);
  cairo_pattern_destroy (fade);
}

static void
draw_span_shape (cairo_t *cr, CmTimelineSpanKind kind, const CmTimelineSpan *span,
                 const CmTimelinePalette *palette, double x0, double y, double x1, double h)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x0, y, x1 - x0, h);
  switch (kind)
    {
    case CM_TIMELINE_SPAN_AVAILABLE:
      /* Not yet the contract's: an outline, dashed, lightly filled. */
      set_colour (cr, &palette->period, 0.12);
      cairo_fill_preserve (cr);
      set_colour (cr, &palette->period, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case CM_TIMELINE_SPAN_TAKEN:
      set_span_source (cr, span, palette, x0, x1, 0.85);
      cairo_fill (cr);
      hatch (cr, x0, y, x1, h);
      break;
    case CM_TIMELINE_SPAN_RUNNING:
      set_span_source (cr, span, palette, x0, x1, 0.6);
      cairo_fill (cr);
      break;
    case CM_TIMELINE_SPAN_INITIAL:
    default:
      set_span_source (cr, span, palette, x0, x1, 0.85);
      cairo_fill (cr);
      break;
    }
}

/* A small arrow says the period runs on past the axis. */
static void
draw_open_end (cairo_t *cr, const CmTimelinePalette *palette, double x, double y, double h)
{
  set_colour (cr, &palette->ink, 0.8);
  cairo_move_to (cr, x - 8, y - 2);
  cairo_line_to (cr, x, y + h / 2);
  cairo_line_to (cr, x - 8, y + h + 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_mark_shape (cairo_t *cr, CmTimelineMarkKind kind, double x, double y, double bar_top,
                 const CmTimelineColour *colour)
{
  double bottom = bar_top + CM_TIMELINE_BAR_HEIGHT;

  cairo_new_path (cr);
  set_colour (cr, colour, 1.0);
  switch (kind)
    {
    case CM_TIMELINE_MARK_START:
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, bar_top - 4);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);
      break;
    case CM_TIMELINE_MARK_END:
      cairo_set_line_width (cr, 3);
      cairo_move_to (cr, x, bar_top - 6);
      cairo_line_to (cr, x, bottom + 6);
      cairo_stroke (cr);
      break;
    case CM_TIMELINE_MARK_LATEST_END:
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 2, 2 }, 2, 0);
      cairo_move_to (cr, x, bar_top - 6);
      cairo_line_to (cr, x, bottom + 6);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case CM_TIMELINE_MARK_NOTICE_SERVED:
      cairo_arc (cr, x, y, MARK_SIZE - 1, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case CM_TIMELINE_MARK_NOTICE_BY:
      cairo_move_to (cr, x, y - MARK_SIZE);
      cairo_line_to (cr, x + MARK_SIZE, y);
      cairo_line_to (cr, x, y + MARK_SIZE);
      cairo_line_to (cr, x - MARK_SIZE, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case CM_TIMELINE_MARK_EXTENSION_DECISION:
      cairo_move_to (cr, x, y - MARK_SIZE);
      cairo_line_to (cr, x + MARK_SIZE, y + MARK_SIZE - 1);
      cairo_line_to (cr, x - MARK_SIZE, y + MARK_SIZE - 1);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case CM_TIMELINE_MARK_TODAY:
    default:
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, x, bar_top - 8);
      cairo_line_to (cr, x, bottom + 2 * LANE + 8);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static PangoLayout *
status_layout (PangoContext *context, const CmTimelineMark *urgent, gboolean with_kind)
{
  /* Translators: the most urgent mark of a contract's timeline and its
   * status, as in "Latest day to serve notice: Overdue" */
  g_autofree char *status = with_kind
                            ? g_strdup_printf (C_("timeline status", "%s: %s"),
                                               cm_timeline_mark_label (urgent->kind),
                                               cm_deadline_status_label (urgent->status))
                            : g_strdup (cm_deadline_status_label (urgent->status));
  /* The dot only separates this layout from the caption drawn before it;
   * it is punctuation between two texts, not part of either sentence. */
  g_autofree char *text = g_strconcat (" · ", status, NULL);
  PangoLayout *layout = text_layout (context, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* A faded end says a side is not known; the words say it too. */
static void
caption_unknown_sides (PangoLayout *caption, const CmTimelineRow *row)
{
  gboolean open_start = FALSE, open_end = FALSE;
  g_autofree char *text = NULL;

  for (guint i = 0; i < row->spans->len; i++)
    {
      CmTimelineSpan *span = &g_array_index (row->spans, CmTimelineSpan, i);

      open_start = open_start || !g_date_valid (&span->from);
      open_end = open_end || !g_date_valid (&span->to);
    }
  if (open_start && open_end)
    text = g_strdup_printf (_("%s · no start or end date recorded"), row->label);
  else if (open_start)
    text = g_strdup_printf (_("%s · start date not recorded"), row->label);
  else if (open_end)
    text = g_strdup_printf (_("%s · no end date recorded"), row->label);
  if (text)
    pango_layout_set_text (caption, text, -1);
}

/* "C-1001 Carers breaks · Latest day to serve notice: Overdue": the
 * status in words and in its colour. Where room is short the contract's
 * name gives way, never the status. */
static void
draw_caption (cairo_t *cr, PangoContext *context, const CmTimelineRow *row,
              const CmTimelineLayout *layout, const CmTimelinePalette *palette, double y)
{
  const CmTimelineMark *urgent = cm_timeline_row_urgent (row);
  g_autoptr(PangoLayout) caption = text_layout (context, row->label);
  g_autoptr(PangoLayout) status = NULL;
  int status_width = 0, label_width, height;

  if (row->spans->len == 0 && row->marks->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("%s · no start or end date recorded"),
                                               row->label);

      pango_layout_set_text (caption, text, -1);
    }
  else
    caption_unknown_sides (caption, row);
  if (urgent)
    {
      status = status_layout (context, urgent, TRUE);
      pango_layout_get_pixel_size (status, &status_width, &height);
      if (status_width > layout->width * 0.75)
        {
          g_object_unref (status);
          status = status_layout (context, urgent, FALSE);
          pango_layout_get_pixel_size (status, &status_width, &height);
        }
    }
  pango_layout_set_width (caption,
                          (int) (MAX (layout->width - status_width, layout->width * 0.3) *
                                 PANGO_SCALE));
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  set_colour (cr, &palette->ink, 1.0);
  show_text (cr, caption, 0, y);
  if (status == NULL)
    return;
  pango_layout_get_pixel_size (caption, &label_width, &height);
  set_colour (cr, status_colour (palette, urgent->status), 1.0);
  show_text (cr, status, label_width, y);
}

static void
draw_row (cairo_t *cr, PangoContext *context, const CmTimelineRow *row, guint index,
          const CmTimelineLayout *layout, const CmTimelinePalette *palette)
{
  double bar = cm_timeline_layout_bar_top (layout, index);

  draw_caption (cr, context, row, layout, palette, row_top (layout, index));
  for (guint i = 0; i < row->spans->len; i++)
    {
      CmTimelineSpan *span = &g_array_index (row->spans, CmTimelineSpan, i);
      double x0, x1;

      span_extent (layout, span, &x0, &x1);
      draw_span_shape (cr, span->kind, span, palette, x0, bar, x1, CM_TIMELINE_BAR_HEIGHT);
      if (!g_date_valid (&span->to))
        draw_open_end (cr, palette, x1, bar, CM_TIMELINE_BAR_HEIGHT);
    }
  for (guint i = 0; i < row->marks->len; i++)
    {
      CmTimelineMark *mark = &g_array_index (row->marks, CmTimelineMark, i);

      draw_mark_shape (cr, mark->kind, cm_timeline_layout_x (layout, &mark->date),
                       mark_centre_y (layout, index, mark->kind), bar,
                       status_colour (palette, mark->status));
    }
}

/* Years wide enough apart to be read: every 1, 2, 5 or 10 years. */
static int
year_step (const CmTimelineLayout *layout)
{
  static const int steps[] = { 1, 2, 5, 10, 25 };
  double years = MAX (g_date_days_between (&layout->first, &layout->last) / 365.25, 0.1);
  double per_year = (layout->plot_right - layout->plot_left) / years;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (per_year * steps[i] >= 48)
      return steps[i];
  return 50;
}

static void
draw_axis (cairo_t *cr, PangoContext *context, const CmTimelineLayout *layout,
           const CmTimelinePalette *palette)
{
  int step = year_step (layout);
  double label_y = layout->rows_top - line_height (context) - 4;

  for (int year = g_date_get_year (&layout->first) + 1; year <= g_date_get_year (&layout->last);
       year++)
    {
      g_autofree char *number = NULL;
      g_autoptr(PangoLayout) label = NULL;
      GDate january;
      double x;

      if (year % step != 0)
        continue;
      g_date_set_dmy (&january, 1, G_DATE_JANUARY, year);
      x = cm_timeline_layout_x (layout, &january);
      set_colour (cr, &palette->grid, 1.0);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (x) + 0.5, label_y);
      cairo_line_to (cr, round (x) + 0.5, layout->legend_top - 4);
      cairo_stroke (cr);
      number = g_strdup_printf ("%d", year);
      label = text_layout (context, number);
      if (x + 3 + text_width (context, number) > layout->width)
        continue;
      set_colour (cr, &palette->ink, 0.7);
      show_text (cr, label, x + 3, label_y);
    }
}

/* Today's line runs through every row, named at the top. */
static void
draw_today (cairo_t *cr, PangoContext *context, const CmTimeline *timeline,
            const CmTimelineLayout *layout, const CmTimelinePalette *palette)
{
  double x = cm_timeline_layout_x (layout, &timeline->today);
  g_autoptr(PangoLayout) label = text_layout (context, cm_timeline_mark_label (CM_TIMELINE_MARK_TODAY));
  int width, height;

  pango_layout_get_pixel_size (label, &width, &height);
  set_colour (cr, &palette->today, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  cairo_move_to (cr, x, height + 2);
  cairo_line_to (cr, x, layout->legend_top - 4);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  pango_layout_set_attributes (label, NULL);
  show_text (cr, label, CLAMP (x - width / 2.0, 0, MAX (layout->width - width, 0)), 0);
}

static void
draw_swatch (cairo_t *cr, const LegendEntry *entry, const CmTimelinePalette *palette,
             double x, double y, double h)
{
  double bar = y + (h - 10) / 2;
  CmTimelineSpan whole = { entry->kind, { 0 }, { 0 }, 0, { 0, 0 } };

  if (entry->is_span)
    {
      g_date_set_dmy (&whole.from, 1, 1, 2000);
      whole.to = whole.from;
      draw_span_shape (cr, entry->kind, &whole, palette, x, bar, x + SWATCH, 10);
      return;
    }
  if (entry->kind == CM_TIMELINE_MARK_TODAY)
    {
      set_colour (cr, &palette->today, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, x + SWATCH / 2, y);
      cairo_line_to (cr, x + SWATCH / 2, y + h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  draw_mark_shape (cr, entry->kind, x + SWATCH / 2,
                   y + h / 2, y + h / 2 - CM_TIMELINE_BAR_HEIGHT / 2 + 3, &palette->ink);
}

static void
draw_legend (cairo_t *cr, PangoContext *context, const CmTimeline *timeline,
             const CmTimelineLayout *layout, const CmTimelinePalette *palette)
{
  LegendEntry entries[16];
  guint n = legend_entries (timeline, entries);
  double line = line_height (context) + 4;
  double x = 0, y = layout->legend_top;

  for (guint i = 0; i < n; i++)
    {
      double w = legend_entry_width (context, &entries[i]);
      g_autoptr(PangoLayout) label = text_layout (context, legend_label (&entries[i]));

      if (x > 0 && x + w > layout->width)
        {
          x = 0;
          y += line;
        }
      draw_swatch (cr, &entries[i], palette, x, y, line - 4);
      set_colour (cr, &palette->ink, 1.0);
      show_text (cr, label, x + SWATCH + 4, y);
      x += w;
    }
}

void
cm_timeline_render (cairo_t *cr, PangoContext *context, const CmTimeline *timeline,
                    const CmTimelineLayout *layout, const CmTimelinePalette *palette)
{
  cairo_save (cr);
  draw_axis (cr, context, layout, palette);
  for (guint r = 0; r < timeline->rows->len; r++)
    draw_row (cr, context, g_ptr_array_index (timeline->rows, r), r, layout, palette);
  draw_today (cr, context, timeline, layout, palette);
  draw_legend (cr, context, timeline, layout, palette);
  cairo_restore (cr);
}
