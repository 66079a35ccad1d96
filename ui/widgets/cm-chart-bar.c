/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-chart-bar.c: one bar of a bar chart, with its label and value in words */
#include "cm-chart-bar.h"

struct _CmChartBar
{
  GtkWidget parent_instance;

  CmChartValue *value;
  double maximum;
};

G_DEFINE_FINAL_TYPE (CmChartBar, cm_chart_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MAXIMUM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PADDING 6   /* between the bar's ends and its words */
#define RADIUS  4.0
#define BAR_ROOM 6  /* above and below the words on the bar */

/* The pixel sizes of the label and of the value's words. */
static void
words_size (CmChartBar *self, int *label_width, int *text_width, int *line_height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (
    widget, cm_chart_value_get_label (self->value));
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (
    widget, cm_chart_value_get_text (self->value));
  int label_height, text_height;

  pango_layout_get_pixel_size (label, label_width, &label_height);
  pango_layout_get_pixel_size (text, text_width, &text_height);
  *line_height = MAX (label_height, text_height);
}

/* Whether the label and the value fit on the bar side by side at @width;
 * if not, the label goes on a line of its own above the bar. */
static gboolean
fits_on_one_line (CmChartBar *self, int width)
{
  int label_width, text_width, line_height;

  words_size (self, &label_width, &text_width, &line_height);
  return width < 0 || label_width + text_width + 3 * PADDING <= width;
}

static GdkRGBA
named_color (GtkWidget *widget, const char *name, const GdkRGBA *fallback)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (style, name, &color))
    color = *fallback;
  return color;
}

static void
rounded (cairo_t *cr, double x, double y, double width, double height)
{
  double r = MIN (RADIUS, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Diagonal stripes over the part of the bar: a pattern as well as a
 * colour, for those who cannot tell the two shades apart. */
static void
hatch (cairo_t *cr, double x, double y, double width, double height, const GdkRGBA *color)
{
  cairo_save (cr);
  rounded (cr, x, y, width, height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.5);
  for (double at = x - height; at < x + width; at += 7)
    {
      cairo_move_to (cr, at, y + height);
      cairo_line_to (cr, at + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_bar (CmChartBar *self, cairo_t *cr, int width, int height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent, track, fill, stripes;
  double value = cm_chart_value_get_value (self->value);
  double part = cm_chart_value_get_part (self->value);
  double length = self->maximum > 0 ? width * value / self->maximum : 0;
  double part_length = self->maximum > 0 ? width * part / self->maximum : 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  accent = named_color (widget, "accent_color", &(GdkRGBA) { 0.21, 0.52, 0.89, 1 });
  track = fg;
  track.alpha = 0.06;
  fill = accent;
  fill.alpha = 0.30;
  stripes = fg;
  stripes.alpha = 0.35;
  rounded (cr, 0, 1, width, height - 2);
  gdk_cairo_set_source_rgba (cr, &track);
  cairo_fill (cr);
  if (length > 0)
    {
      /* A bar above nothing still shows, however short. */
      length = MAX (length, 3);
      rounded (cr, 0, 1, length, height - 2);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill (cr);
    }
  if (part_length > 0)
    hatch (cr, MAX (length - part_length, 0), 1, MIN (part_length, length), height - 2,
           &stripes);
  if (gtk_widget_has_visible_focus (widget))
    {
      rounded (cr, 1, 1, width - 2, height - 2);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static void
append_layout (GtkSnapshot *snapshot, PangoLayout *layout, double x, double y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The value's words at the bar's right end, the label at its left, or
 * above it when both do not fit; @bar_top is where the bar starts. */
static void
draw_words (CmChartBar *self, GtkSnapshot *snapshot, int width, int height, int bar_top)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (
    widget, cm_chart_value_get_label (self->value));
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (
    widget, cm_chart_value_get_text (self->value));
  int text_width, text_height, label_height;
  int bar_height = height - bar_top;
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  pango_layout_get_pixel_size (text, &text_width, &text_height);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  if (bar_top > 0)
    pango_layout_set_width (label, MAX (width - 2 * PADDING, 1) * PANGO_SCALE);
  else
    pango_layout_set_width (label, MAX (width - text_width - 3 * PADDING, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (label, NULL, &label_height);
  append_layout (snapshot, label, bar_top > 0 ? 0 : PADDING,
                 bar_top > 0 ? 0 : (height - label_height) / 2.0, &fg);
  append_layout (snapshot, text, width - text_width - PADDING,
                 bar_top + (bar_height - text_height) / 2.0, &fg);
}

static void
cm_chart_bar_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CmChartBar *self = CM_CHART_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int label_width, text_width, line_height;
  int bar_top;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  words_size (self, &label_width, &text_width, &line_height);
  bar_top = fits_on_one_line (self, width) ? 0 : line_height + 2;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, bar_top, width,
                                                                 height - bar_top));
  cairo_translate (cr, 0, bar_top);
  draw_bar (self, cr, width, height - bar_top);
  cairo_destroy (cr);
  draw_words (self, snapshot, width, height, bar_top);
}

static GtkSizeRequestMode
cm_chart_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Narrow enough for three charts side by side; taller when narrower. */
static void
cm_chart_bar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                      int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CmChartBar *self = CM_CHART_BAR (widget);
  int label_width, text_width, line_height;

  words_size (self, &label_width, &text_width, &line_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (label_width, text_width) + 2 * PADDING;
      *minimum = MIN (*minimum, 160);
      *natural = MIN (label_width + text_width + 3 * PADDING, 230);
      *natural = MAX (*natural, *minimum);
    }
  else if (fits_on_one_line (self, for_size))
    *minimum = *natural = line_height + BAR_ROOM;
  else
    *minimum = *natural = 2 * line_height + BAR_ROOM + 2;
}

static void
clicked (GtkGestureClick *click, int n_press, double x, double y, CmChartBar *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The focus ring is drawn by the bar, so it is drawn again as focus comes and goes. */
static void
focus_changed (CmChartBar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
name_bar (CmChartBar *self)
{
  g_autofree char *words = cm_chart_value_describe (self->value);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), words);
}

static void
cm_chart_bar_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  CmChartBar *self = CM_CHART_BAR (object);

  switch (id)
    {
    case PROP_VALUE:
      g_value_set_object (value, self->value);
      break;
    case PROP_MAXIMUM:
      g_value_set_double (value, self->maximum);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_chart_bar_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  CmChartBar *self = CM_CHART_BAR (object);

  switch (id)
    {
    case PROP_VALUE:
      self->value = g_value_dup_object (value);
      name_bar (self);
      g_signal_connect_object (self->value, "notify::part", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
      break;
    case PROP_MAXIMUM:
      cm_chart_bar_set_maximum (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_chart_bar_dispose (GObject *object)
{
  CmChartBar *self = CM_CHART_BAR (object);

  g_clear_object (&self->value);
  G_OBJECT_CLASS (cm_chart_bar_parent_class)->dispose (object);
}

static void
cm_chart_bar_class_init (CmChartBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = cm_chart_bar_get_property;
  object_class->set_property = cm_chart_bar_set_property;
  object_class->dispose = cm_chart_bar_dispose;
  widget_class->snapshot = cm_chart_bar_snapshot;
  widget_class->measure = cm_chart_bar_measure;
  widget_class->get_request_mode = cm_chart_bar_get_request_mode;
  properties[PROP_VALUE] = g_param_spec_object ("value", NULL, NULL, CM_TYPE_CHART_VALUE,
                                                rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_MAXIMUM] = g_param_spec_double ("maximum", NULL, NULL, 0, G_MAXDOUBLE, 0,
                                                  rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "chartbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
cm_chart_bar_init (CmChartBar *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
cm_chart_bar_new (CmChartValue *value, double maximum)
{
  return g_object_new (CM_TYPE_CHART_BAR, "value", value, "maximum", maximum, NULL);
}

CmChartValue *
cm_chart_bar_get_value (CmChartBar *self)
{
  return self->value;
}

void
cm_chart_bar_set_maximum (CmChartBar *self, double maximum)
{
  if (maximum == self->maximum)
    return;
  self->maximum = maximum;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
}
