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

/* Only the focus ring: the mark under it is the timeline's drawing. */
static void
cm_timeline_spot_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect ring;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };

  if (!gtk_widget_has_visible_focus (widget))
    return;
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (-2, -2, width + 4, height + 4), 4);
  gtk_snapshot_append_border (snapshot, &ring, (float[]) { 2, 2, 2, 2 },
                              (GdkRGBA[]) { accent, accent, accent, accent });
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
