/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-spot.c: one item of a drawn timeline that a reader can point at
 *
 * The timeline draws its marks itself; a spot lies over each one so that
 * hovering names it in a tooltip and keyboard focus names it to a screen
 * reader, with a ring to show where focus is. It draws nothing else.
 */
#include "cm-timeline-spot.h"

struct _CmTimelineSpot
{
  GtkWidget parent_instance;

  char *label;
};

G_DEFINE_FINAL_TYPE (CmTimelineSpot, cm_timeline_spot, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (CmTimelineSpot *self, const char *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static GdkRGBA
named_colour (GtkWidget *widget, const char *name, const GdkRGBA *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA colour;

  if (!gtk_style_context_lookup_color (style, name, &colour))
    colour = *fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
  return colour;
}

static void
append_ring (GtkSnapshot *snapshot, int width, int height, float outset, float line,
             const GdkRGBA *colour)
{
  GskRoundedRect ring;

  gsk_rounded_rect_init_from_rect (&ring,
                                   &GRAPHENE_RECT_INIT (-outset, -outset, width + 2 * outset,
                                                        height + 2 * outset),
                                   3 + outset);
  gtk_snapshot_append_border (snapshot, &ring, (float[]) { line, line, line, line },
                              (GdkRGBA[]) { *colour, *colour, *colour, *colour });
}

/* Only the focus ring: the mark under it is the timeline's drawing. The
 * spans are drawn in a blue close to the accent, so the ring in the
 * theme's accent colour is edged on both sides with the background's: it
 * stands out over a span as well as beside one. */
static void
cm_timeline_spot_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA accent = named_colour (widget, "accent_color", &(GdkRGBA) { 0.21, 0.52, 0.89, 1 });
  GdkRGBA edge = named_colour (widget, "view_bg_color", &(GdkRGBA) { 1, 1, 1, 1 });

  if (!gtk_widget_has_visible_focus (widget))
    return;
  append_ring (snapshot, width, height, 5, 1.5, &edge);
  append_ring (snapshot, width, height, 3.5, 2.5, &accent);
  append_ring (snapshot, width, height, 1, 1.5, &edge);
}

static void
cm_timeline_spot_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  CmTimelineSpot *self = CM_TIMELINE_SPOT (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_timeline_spot_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmTimelineSpot *self = CM_TIMELINE_SPOT (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_timeline_spot_finalize (GObject *object)
{
  g_free (CM_TIMELINE_SPOT (object)->label);

  G_OBJECT_CLASS (cm_timeline_spot_parent_class)->finalize (object);
}

static void
cm_timeline_spot_class_init (CmTimelineSpotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cm_timeline_spot_get_property;
  object_class->set_property = cm_timeline_spot_set_property;
  object_class->finalize = cm_timeline_spot_finalize;
  widget_class->snapshot = cm_timeline_spot_snapshot;

  /* What the mark is and its date: the tooltip and the accessible name. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timelinespot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cm_timeline_spot_init (CmTimelineSpot *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cm_timeline_spot_new (const char *label)
{
  return g_object_new (CM_TYPE_TIMELINE_SPOT, "label", label, NULL);
}

const char *
cm_timeline_spot_get_label (CmTimelineSpot *self)
{
  return self->label;
}
