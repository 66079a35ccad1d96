/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-timeline.c: every contract ending in the next five years, drawn by end date */
#include <glib/gi18n.h>
#include <math.h>

#include "cm-date.h"
#include "cm-portfolio-timeline.h"
#include "cm-roving-focus.h"
#include "cm-timeline-render.h"

#define AXIS_HEIGHT 52       /* the bands' names, then the months */
#define ROW_HEIGHT 26
#define BAR_HEIGHT 14
#define MARGIN 12
#define LABEL_ROOM 440       /* past the last day, for the names of the latest bars */
#define LABEL_REACH 1200     /* how far right of its bar's end a name may still show */
#define DAYS_IN_VIEW 730.5   /* the first two years fill the width */

struct _CmPortfolioTimeline
{
  GtkWidget parent_instance;

  CmPortfolioLayout *layout;
  char *description;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  double px_per_day;
  int focus_row;             /* the keyboard's bar, or -1 */
  int hover_row;             /* the pointer's row, or -1 */
  PangoLayout *text;         /* reused for every word drawn */
  GArray *visible;           /* rows in view, reused by each frame */
};

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS,
  /* GtkScrollable's */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_CONTRACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CmPortfolioTimeline, cm_portfolio_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* ---- geometry --------------------------------------------------------- */

static double
hvalue (CmPortfolioTimeline *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (CmPortfolioTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* Where @day starts, in the widget's coordinates. */
static double
day_x (CmPortfolioTimeline *self, int day)
{
  return MARGIN + day * self->px_per_day - hvalue (self);
}

static double
row_y (CmPortfolioTimeline *self, guint row)
{
  return AXIS_HEIGHT + (double) row * ROW_HEIGHT - vvalue (self);
}

/* The row under @y, or -1. */
static int
row_at (CmPortfolioTimeline *self, double y)
{
  double row;

  if (self->layout == NULL || y < AXIS_HEIGHT)
    return -1;
  row = (y - AXIS_HEIGHT + vvalue (self)) / ROW_HEIGHT;
  return row < cm_portfolio_layout_get_n_rows (self->layout) ? (int) row : -1;
}

static guint
rows_in_view (CmPortfolioTimeline *self)
{
  return MAX (1, (gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT) / ROW_HEIGHT);
}

/* ---- colours ---------------------------------------------------------- */

/* The status words follow every bar's name: colour only repeats them, in
 * the same palette as the contract timelines and their printed pages. */
static GdkRGBA
status_colour (CmDeadlineStatus status, const GdkRGBA *fg)
{
  /* Light words mean a dark style. */
  gboolean dark = 0.3 * fg->red + 0.59 * fg->green + 0.11 * fg->blue > 0.5;
  const CmTimelineColour *colour =
    cm_timeline_palette_status (dark ? cm_timeline_palette_dark () : cm_timeline_palette_light (),
                                status);

  return (GdkRGBA) { colour->red, colour->green, colour->blue, colour->alpha };
}

static GdkRGBA
with_alpha (const GdkRGBA *colour, float alpha)
{
  GdkRGBA faded = *colour;

  faded.alpha *= alpha;
  return faded;
}

static void
theme_colours (CmPortfolioTimeline *self, GdkRGBA *fg, GdkRGBA *bg)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (style, fg);
  if (!gtk_style_context_lookup_color (style, "view_bg_color", bg))
    *bg = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* ---- drawing ---------------------------------------------------------- */

static void
fill (GtkSnapshot *snapshot, const GdkRGBA *colour, double x, double y, double width,
      double height)
{
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
draw_text (CmPortfolioTimeline *self, GtkSnapshot *snapshot, const GdkRGBA *colour,
           double x, double y, const char *text, gboolean bold)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  if (bold)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    }
  pango_layout_set_attributes (self->text, attributes);
  pango_layout_set_text (self->text, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->text, colour);
  gtk_snapshot_restore (snapshot);
}

static int
text_width (CmPortfolioTimeline *self, const char *text)
{
  int width;

  pango_layout_set_attributes (self->text, NULL);
  pango_layout_set_text (self->text, text, -1);
  pango_layout_get_pixel_size (self->text, &width, NULL);
  return width;
}

/* The planning bands, tinted across the chart and named in the axis. */
static void
draw_bands (CmPortfolioTimeline *self, GtkSnapshot *snapshot, const GdkRGBA *fg, int width,
            int height)
{
  static const GdkRGBA tints[] = { { 0.21, 0.52, 0.89, 0.10 }, { 0.57, 0.25, 0.67, 0.08 } };
  guint n_bands;
  const CmPortfolioBand *bands = cm_portfolio_layout_get_bands (self->layout, &n_bands);

  for (guint i = 0; i < n_bands; i++)
    {
      double x0 = MAX (day_x (self, bands[i].first_day), 0);
      double x1 = MIN (day_x (self, bands[i].end_day), width);

      if (x1 <= x0)
        continue;
      fill (snapshot, &tints[i % G_N_ELEMENTS (tints)], x0, 0, x1 - x0, height);
      /* The name stays in view while there is room for it in its band. */
      if (x1 - x0 >= text_width (self, bands[i].label) + 24)
        draw_text (self, snapshot, fg, x0 + 6, 4, bands[i].label, TRUE);
    }
}

/* A tick at the start of each month, named where there is room. */
static void
draw_months (CmPortfolioTimeline *self, GtkSnapshot *snapshot, const GdkRGBA *fg, int width,
             int height)
{
  const GDate *today = cm_portfolio_layout_get_today (self->layout);
  GdkRGBA tick = with_alpha (fg, 0.35);
  GdkRGBA year_line = with_alpha (fg, 0.18);
  int n_days = cm_portfolio_layout_get_n_days (self->layout);
  guint every = self->px_per_day * 30 >= 40 ? 1 : 3;
  GDate month;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (today), g_date_get_year (today));
  for (guint m = 1; ; m++)
    {
      char name[32];
      int day;
      double x;

      g_date_add_months (&month, 1);
      day = g_date_days_between (today, &month);
      if (day > n_days)
        break;
      x = day_x (self, day);
      if (x < -80 || x > width)
        continue;
      if (g_date_get_month (&month) == G_DATE_JANUARY)
        {
          fill (snapshot, &year_line, x, AXIS_HEIGHT, 1, height - AXIS_HEIGHT);
          g_date_strftime (name, sizeof name, "%Y", &month);
          draw_text (self, snapshot, fg, x + 3, 26, name, TRUE);
        }
      else if ((g_date_get_month (&month) - 1) % every == 0)
        {
          g_date_strftime (name, sizeof name, "%b", &month);
          draw_text (self, snapshot, fg, x + 3, 26, name, FALSE);
        }
      fill (snapshot, &tick, x, 24, 1, AXIS_HEIGHT - 24);
    }
}

static void
draw_heading (CmPortfolioTimeline *self, GtkSnapshot *snapshot, const GdkRGBA *fg, guint group,
              double y, int width)
{
  const CmPortfolioGroup *heading = cm_portfolio_layout_get_group (self->layout, group);
  GdkRGBA rule = with_alpha (fg, 0.25);
  g_autofree char *text = g_strdup_printf (ngettext ("%s: %u contract", "%s: %u contracts",
                                                     heading->n_bars),
                                           heading->name, heading->n_bars);

  fill (snapshot, &rule, 0, y, width, 1);
  /* At the left of the view, however far it has scrolled. */
  draw_text (self, snapshot, fg, MARGIN, y + 4, text, TRUE);
}

/* "LCC-042 — Carers' breaks · 1 Oct 2027 · Due soon" beside the bar. */
static char *
bar_label (const CmPortfolioBar *bar)
{
  g_autofree char *contract = cm_entity_describe (CM_ENTITY (bar->contract));
  g_autofree char *date = cm_date_to_short (&bar->end);

  /* Translators: a bar's label on the portfolio timeline: the contract,
   * its end date and its status, as in "LCC-042 — Carers' breaks ·
   * 1 Oct 2027 · Due soon" */
  return g_strdup_printf (C_("timeline bar", "%s · %s · %s"), contract, date,
                          cm_deadline_status_label (bar->status));
}

static void
draw_bar (CmPortfolioTimeline *self, GtkSnapshot *snapshot, const GdkRGBA *fg,
          const GdkRGBA *bg, guint row, const CmPortfolioBar *bar, double y)
{
  GdkRGBA colour = status_colour (bar->status, fg);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double x0 = day_x (self, bar->first_day);
  double x1 = day_x (self, bar->end_day);
  double top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
  g_autofree char *label = bar_label (bar);
  int label_width = text_width (self, label);
  double label_x = x1 + 6;

  if ((int) row == self->hover_row)
    {
      GdkRGBA hover = with_alpha (fg, 0.07);

      fill (snapshot, &hover, 0, y, width, ROW_HEIGHT);
    }
  fill (snapshot, &colour, x0, top, MAX (x1 - x0, 3), BAR_HEIGHT);
  /* A mark at the end itself, so a bar reads without its colour. */
  fill (snapshot, fg, x1 - 2, top - 2, 2, BAR_HEIGHT + 4);
  /* A bar ending past the view keeps its name in view, over the bar. */
  if (label_x + label_width > width - 6)
    {
      GdkRGBA under = with_alpha (bg, 0.9);

      label_x = MAX (MIN (x1, width) - label_width - 8, MARGIN);
      fill (snapshot, &under, label_x - 4, y + 3, label_width + 8, ROW_HEIGHT - 6);
    }
  draw_text (self, snapshot, fg, label_x, y + 4, label, FALSE);
  if ((int) row == self->focus_row && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      GskRoundedRect ring;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colours[4] = { *fg, *fg, *fg, *fg };
      double right = MAX (x1, label_x + label_width) + 6;

      gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (
        x0 - 3, y + 1, right - x0 + 3, ROW_HEIGHT - 2), 4);
      gtk_snapshot_append_border (snapshot, &ring, widths, colours);
    }
}

/* Only the rows in view, and in them only the bars whose days or names
 * are in view: what is drawn does not grow with the portfolio. */
static void
draw_rows (CmPortfolioTimeline *self, GtkSnapshot *snapshot, const GdkRGBA *fg,
           const GdkRGBA *bg, int width, int height)
{
  guint first_row = (guint) (vvalue (self) / ROW_HEIGHT);
  guint last_row = first_row + rows_in_view (self) + 1;
  int first_day = (int) floor ((hvalue (self) - MARGIN - LABEL_REACH) / self->px_per_day);
  int last_day = (int) ceil ((hvalue (self) + width - MARGIN) / self->px_per_day);

  g_array_set_size (self->visible, 0);
  cm_portfolio_layout_visible (self->layout, first_row, last_row, first_day, last_day,
                               self->visible);
  for (guint i = 0; i < self->visible->len; i++)
    {
      guint row = g_array_index (self->visible, guint, i);
      guint group;
      const CmPortfolioBar *bar = cm_portfolio_layout_get_row (self->layout, row, &group);

      if (bar)
        draw_bar (self, snapshot, fg, bg, row, bar, row_y (self, row));
      else
        draw_heading (self, snapshot, fg, group, row_y (self, row), width);
    }
}

static void
cm_portfolio_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CmPortfolioTimeline *self = CM_PORTFOLIO_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, bg, rule;
  double today;

  if (self->layout == NULL || width <= 0 || height <= AXIS_HEIGHT)
    return;
  theme_colours (self, &fg, &bg);
  rule = with_alpha (&fg, 0.35);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fill (snapshot, &bg, 0, 0, width, height);
  draw_bands (self, snapshot, &fg, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, width,
                                                         height - AXIS_HEIGHT));
  draw_rows (self, snapshot, &fg, &bg, width, height);
  /* An empty chart says why in words, not by showing nothing. */
  if (cm_portfolio_layout_get_n_rows (self->layout) == 0)
    draw_text (self, snapshot, &fg, MARGIN + 8, AXIS_HEIGHT + 8, self->description, FALSE);
  gtk_snapshot_pop (snapshot);

  draw_months (self, snapshot, &fg, width, height);
  fill (snapshot, &rule, 0, AXIS_HEIGHT - 1, width, 1);
  today = day_x (self, 0);
  if (today >= 0 && today <= width)
    fill (snapshot, &fg, today, 22, 2, height - 22);
  gtk_snapshot_pop (snapshot);
}

/* ---- focus and activation --------------------------------------------- */

/* The focused bar names the widget, so a screen reader reads the bar the
 * keyboard is on; the description reads the whole chart. */
static void
update_accessible_name (CmPortfolioTimeline *self)
{
  const CmPortfolioBar *bar = self->focus_row >= 0
    ? cm_portfolio_layout_get_row (self->layout, self->focus_row, NULL) : NULL;
  g_autofree char *name = bar ? cm_portfolio_layout_bar_name (bar)
                              : g_strdup (_("Portfolio timeline"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Scrolls so that @row and its bar's end are in view. */
static void
scroll_to_row (CmPortfolioTimeline *self, guint row)
{
  const CmPortfolioBar *bar = cm_portfolio_layout_get_row (self->layout, row, NULL);
  /* The first bar of a group brings its heading into view with it. */
  guint first = row > 0 && !cm_portfolio_layout_row_bar (self->layout, row - 1, NULL)
                ? row - 1 : row;
  double top = (double) first * ROW_HEIGHT;
  double page, width, end;

  if (self->vadjustment == NULL || self->hadjustment == NULL)
    return;
  page = gtk_adjustment_get_page_size (self->vadjustment);
  width = gtk_adjustment_get_page_size (self->hadjustment);
  if (top < vvalue (self))
    gtk_adjustment_set_value (self->vadjustment, top);
  else if ((row + 1.0) * ROW_HEIGHT > vvalue (self) + page)
    gtk_adjustment_set_value (self->vadjustment, (row + 1.0) * ROW_HEIGHT - page);
  if (bar == NULL)
    return;
  end = MARGIN + bar->end_day * self->px_per_day;
  if (end < hvalue (self) + MARGIN || end > hvalue (self) + width * 0.75)
    gtk_adjustment_set_value (self->hadjustment, MAX (0, end - width * 0.5));
}

static void
set_focus_row (CmPortfolioTimeline *self, int row)
{
  if (row == self->focus_row)
    return;
  self->focus_row = row;
  if (row >= 0)
    scroll_to_row (self, row);
  update_accessible_name (self);
  /* A tooltip shown for the keyboard follows it to the new bar. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The nearest bar past @row in @step's direction, over headings; @row
 * itself when there is none. */
static int
bar_from (CmPortfolioTimeline *self, int row, int step)
{
  int n_rows = cm_portfolio_layout_get_n_rows (self->layout);

  for (int r = row + step; r >= 0 && r < n_rows; r += step)
    if (cm_portfolio_layout_row_bar (self->layout, r, NULL))
      return r;
  return row;
}

static void
move_focus (CmPortfolioTimeline *self, int rows)
{
  int step = rows < 0 ? -1 : 1;
  int row = self->focus_row;

  if (row < 0)
    row = (int) (vvalue (self) / ROW_HEIGHT) - step;
  for (int moved = 0; moved < ABS (rows); moved++)
    {
      int next = bar_from (self, row, step);

      if (next == row)
        break;
      row = next;
    }
  if (row >= 0 && cm_portfolio_layout_row_bar (self->layout, row, NULL))
    set_focus_row (self, row);
}

static void
activate_row (CmPortfolioTimeline *self, int row)
{
  const CmPortfolioBar *bar = row >= 0
    ? cm_portfolio_layout_get_row (self->layout, row, NULL) : NULL;

  if (bar)
    g_signal_emit (self, signals[OPEN_CONTRACT], 0, bar->contract);
}

static gboolean
key_pressed (CmPortfolioTimeline *self, guint keyval, guint keycode, GdkModifierType state)
{
  int n_rows = self->layout ? (int) cm_portfolio_layout_get_n_rows (self->layout) : 0;

  if (n_rows == 0 || self->hadjustment == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  /* Rows, not items: headings sit between the bars and are stepped over. */
  switch (cm_roving_move_for_key (keyval, state, FALSE))
    {
    case CM_ROVING_PREVIOUS:
      move_focus (self, -1);
      return TRUE;
    case CM_ROVING_NEXT:
      move_focus (self, 1);
      return TRUE;
    case CM_ROVING_FIRST:
      set_focus_row (self, bar_from (self, -1, 1));
      return TRUE;
    case CM_ROVING_LAST:
      set_focus_row (self, bar_from (self, n_rows, -1));
      return TRUE;
    case CM_ROVING_NONE:
    default:
      break;
    }
  switch (keyval)
    {
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      move_focus (self, -(int) rows_in_view (self));
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      move_focus (self, rows_in_view (self));
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      /* A month at a time along the years. */
      gtk_adjustment_set_value (self->hadjustment, hvalue (self) + 30 * self->px_per_day *
                                (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1));
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space:
      activate_row (self, self->focus_row);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Arriving by Tab lands on the first bar in view, so arrows move from there. */
static void
focus_entered (CmPortfolioTimeline *self)
{
  if (self->focus_row < 0 && self->layout)
    move_focus (self, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y, CmPortfolioTimeline *self)
{
  int row = row_at (self, y);

  if (row < 0 || !cm_portfolio_layout_row_bar (self->layout, row, NULL))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focus_row (self, row);
  activate_row (self, row);
}

static void
pointer_moved (GtkEventControllerMotion *motion, double x, double y, CmPortfolioTimeline *self)
{
  int row = row_at (self, y);

  if (row != self->hover_row)
    {
      self->hover_row = row;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pointer_left (CmPortfolioTimeline *self)
{
  self->hover_row = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
cm_portfolio_timeline_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard,
                                     GtkTooltip *tooltip)
{
  CmPortfolioTimeline *self = CM_PORTFOLIO_TIMELINE (widget);
  int row = keyboard ? self->focus_row : row_at (self, y);
  const CmPortfolioBar *bar = row >= 0
    ? cm_portfolio_layout_get_row (self->layout, row, NULL) : NULL;
  g_autofree char *name = NULL;

  if (bar == NULL)
    return FALSE;
  name = cm_portfolio_layout_bar_name (bar);
  gtk_tooltip_set_text (tooltip, name);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
    0, (int) row_y (self, row), gtk_widget_get_width (widget), ROW_HEIGHT });
  return TRUE;
}

/* ---- scrolling -------------------------------------------------------- */

static void
adjustment_changed (CmPortfolioTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CmPortfolioTimeline *self, GtkAdjustment **slot, GtkAdjustment *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
configure (GtkAdjustment *adjustment, double upper, double page)
{
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, upper - page));

  gtk_adjustment_configure (adjustment, value, 0, MAX (upper, page), page * 0.1, page * 0.9,
                            page);
}

/* Laid out once: a new size only rescales the days. */
static void
cm_portfolio_timeline_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CmPortfolioTimeline *self = CM_PORTFOLIO_TIMELINE (widget);
  int n_days = self->layout ? cm_portfolio_layout_get_n_days (self->layout) : 0;
  guint n_rows = self->layout ? cm_portfolio_layout_get_n_rows (self->layout) : 0;

  self->px_per_day = MAX (width - 2 * MARGIN, 200) / DAYS_IN_VIEW;
  if (self->hadjustment)
    configure (self->hadjustment, MARGIN + n_days * self->px_per_day + LABEL_ROOM, width);
  if (self->vadjustment)
    configure (self->vadjustment, (double) n_rows * ROW_HEIGHT + MARGIN,
               MAX (height - AXIS_HEIGHT, 0));
}

static void
cm_portfolio_timeline_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                               int *minimum, int *natural, int *minimum_baseline,
                               int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : AXIS_HEIGHT + 4 * ROW_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : AXIS_HEIGHT + 16 * ROW_HEIGHT;
}

/* ---- object ----------------------------------------------------------- */

static void
cm_portfolio_timeline_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  CmPortfolioTimeline *self = CM_PORTFOLIO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_portfolio_timeline_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  CmPortfolioTimeline *self = CM_PORTFOLIO_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_portfolio_timeline_dispose (GObject *object)
{
  CmPortfolioTimeline *self = CM_PORTFOLIO_TIMELINE (object);

  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->text);
  g_clear_pointer (&self->layout, cm_portfolio_layout_free);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cm_portfolio_timeline_parent_class)->dispose (object);
}

static void
cm_portfolio_timeline_class_init (CmPortfolioTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cm_portfolio_timeline_get_property;
  object_class->set_property = cm_portfolio_timeline_set_property;
  object_class->dispose = cm_portfolio_timeline_dispose;
  widget_class->snapshot = cm_portfolio_timeline_snapshot;
  widget_class->size_allocate = cm_portfolio_timeline_size_allocate;
  widget_class->measure = cm_portfolio_timeline_measure;
  widget_class->query_tooltip = cm_portfolio_timeline_query_tooltip;

  /* The chart in words, as its accessible description says it. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[OPEN_CONTRACT] = g_signal_new ("open-contract", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CM_TYPE_CONTRACT);
  /* Read as the bar the keyboard is on, which Enter opens. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_widget_class_set_css_name (widget_class, "portfoliotimeline");
}

static void
cm_portfolio_timeline_init (CmPortfolioTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focus_row = -1;
  self->hover_row = -1;
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->text = gtk_widget_create_pango_layout (widget, NULL);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (widget, keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_entered), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (pointer_left), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  update_accessible_name (self);
}

GtkWidget *
cm_portfolio_timeline_new (void)
{
  return g_object_new (CM_TYPE_PORTFOLIO_TIMELINE, NULL);
}

/* Keeps the keyboard on the same contract across a rebuild. */
void
cm_portfolio_timeline_set_layout (CmPortfolioTimeline *self, CmPortfolioLayout *layout)
{
  const CmPortfolioBar *focused = self->layout && self->focus_row >= 0
    ? cm_portfolio_layout_get_row (self->layout, self->focus_row, NULL) : NULL;
  gint64 focused_id = focused ? cm_entity_get_id (CM_ENTITY (focused->contract)) : 0;

  g_return_if_fail (CM_IS_PORTFOLIO_TIMELINE (self));
  self->focus_row = focused_id ? cm_portfolio_layout_find (layout, focused_id) : -1;
  self->hover_row = -1;
  g_clear_pointer (&self->layout, cm_portfolio_layout_free);
  self->layout = layout;
  g_free (self->description);
  self->description = cm_portfolio_layout_describe (layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  update_accessible_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

CmPortfolioLayout *
cm_portfolio_timeline_get_layout (CmPortfolioTimeline *self)
{
  return self->layout;
}

int
cm_portfolio_timeline_get_focus_row (CmPortfolioTimeline *self)
{
  return self->focus_row;
}
