/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-bar-chart.c: a titled chart of horizontal bars */
#include <glib/gi18n.h>

#include "cm-bar-chart.h"
#include "cm-chart-bar.h"
#include "cm-roving-focus.h"

struct _CmBarChart
{
  GtkWidget parent_instance;

  char *title;
  char *summary;
  GListModel *model;
  GtkWidget *heading;
  GtkWidget *empty;
  GPtrArray *bars;   /* of CmChartBar, borrowed: the chart's children */
  guint current;     /* the bar the keyboard returns to */
};

G_DEFINE_FINAL_TYPE (CmBarChart, cm_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MODEL,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_bars (CmBarChart *self)
{
  for (guint i = 0; i < self->bars->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->bars, i));
  g_ptr_array_set_size (self->bars, 0);
  self->current = 0;
}

static void
add_bars (CmBarChart *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  double maximum = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmChartValue) value = g_list_model_get_item (self->model, i);

      maximum = MAX (maximum, cm_chart_value_get_value (value));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmChartValue) value = g_list_model_get_item (self->model, i);
      GtkWidget *bar = cm_chart_bar_new (value, maximum);

      gtk_widget_insert_before (bar, GTK_WIDGET (self), self->empty);
      g_ptr_array_add (self->bars, bar);
    }
  gtk_widget_set_visible (self->empty, n == 0);
}

/* The summary, or without one every bar's words in turn. */
static void
describe (CmBarChart *self)
{
  g_autoptr(GString) words = g_string_new (self->summary);

  if (words->len == 0)
    for (guint i = 0; i < self->bars->len; i++)
      {
        g_autofree char *bar = cm_chart_value_describe (
          cm_chart_bar_get_value (g_ptr_array_index (self->bars, i)));

        g_string_append_printf (words, "%s%s", i ? "; " : "", bar);
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words->str, -1);
}

static void
rebuild (CmBarChart *self)
{
  remove_bars (self);
  add_bars (self);
  describe (self);
}

void
cm_bar_chart_set_model (CmBarChart *self, GListModel *model, const char *summary)
{
  g_return_if_fail (CM_IS_BAR_CHART (self));
  g_set_object (&self->model, model);
  g_free (self->summary);
  self->summary = g_strdup (summary ? summary : "");
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

GListModel *
cm_bar_chart_get_model (CmBarChart *self)
{
  return self->model;
}

const char *
cm_bar_chart_get_summary (CmBarChart *self)
{
  return self->summary;
}

/* ---- the keyboard ----------------------------------------------------- */

static gboolean
focus_bar (CmBarChart *self, int index)
{
  if (self->bars->len == 0)
    return FALSE;
  self->current = CLAMP (index, 0, (int) self->bars->len - 1);
  return gtk_widget_grab_focus (g_ptr_array_index (self->bars, self->current));
}

static int
focused_index (CmBarChart *self)
{
  GtkWidget *focused = gtk_widget_get_focus_child (GTK_WIDGET (self));
  guint index;

  if (focused && g_ptr_array_find (self->bars, focused, &index))
    return (int) index;
  return -1;
}

/* Tab enters at the bar last visited and leaves at once: a chart of
 * eight bars is one stop, not eight. The arrows move inside it. */
static gboolean
cm_bar_chart_focus (GtkWidget *widget, GtkDirectionType direction)
{
  CmBarChart *self = CM_BAR_CHART (widget);
  int at = focused_index (self);

  if (at < 0)
    return focus_bar (self, self->current);
  switch (direction)
    {
    case GTK_DIR_UP:
    case GTK_DIR_LEFT:
      focus_bar (self, at - 1);
      return TRUE;
    case GTK_DIR_DOWN:
    case GTK_DIR_RIGHT:
      focus_bar (self, at + 1);
      return TRUE;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return FALSE;
    }
}

/* The arrows stop at the first and last bar rather than leave the chart:
 * Tab is the way out. */
static gboolean
key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
             CmBarChart *self)
{
  int at = focused_index (self);
  CmRovingMove move = cm_roving_move_for_key (keyval, state, TRUE);

  if (at < 0 || move == CM_ROVING_NONE)
    return FALSE;
  focus_bar (self, cm_roving_index (move, at, (int) self->bars->len));
  return TRUE;
}

/* A bar clicked becomes the one Tab returns to. */
static void
cm_bar_chart_set_focus_child (GtkWidget *widget, GtkWidget *child)
{
  CmBarChart *self = CM_BAR_CHART (widget);
  guint index;

  GTK_WIDGET_CLASS (cm_bar_chart_parent_class)->set_focus_child (widget, child);
  if (child && g_ptr_array_find (self->bars, child, &index))
    self->current = index;
}

/* ---- the object ------------------------------------------------------- */

static void
cm_bar_chart_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  CmBarChart *self = CM_BAR_CHART (object);

  switch (id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_bar_chart_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  CmBarChart *self = CM_BAR_CHART (object);

  switch (id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_label_set_text (GTK_LABEL (self->heading), self->title ? self->title : "");
      describe (self);
      break;
    case PROP_MODEL:
      cm_bar_chart_set_model (self, g_value_get_object (value), self->summary);
      break;
    case PROP_SUMMARY:
      cm_bar_chart_set_model (self, self->model, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_bar_chart_dispose (GObject *object)
{
  CmBarChart *self = CM_BAR_CHART (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->bars, g_ptr_array_unref);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (cm_bar_chart_parent_class)->dispose (object);
}

static void
cm_bar_chart_finalize (GObject *object)
{
  CmBarChart *self = CM_BAR_CHART (object);

  g_free (self->title);
  g_free (self->summary);
  G_OBJECT_CLASS (cm_bar_chart_parent_class)->finalize (object);
}

static void
cm_bar_chart_class_init (CmBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = cm_bar_chart_get_property;
  object_class->set_property = cm_bar_chart_set_property;
  object_class->dispose = cm_bar_chart_dispose;
  object_class->finalize = cm_bar_chart_finalize;
  widget_class->focus = cm_bar_chart_focus;
  widget_class->set_focus_child = cm_bar_chart_set_focus_child;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
cm_bar_chart_init (CmBarChart *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->bars = g_ptr_array_new ();
  self->summary = g_strdup ("");
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  /* The chart's own name says the title: the heading need not be read twice. */
  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->heading), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  self->empty = gtk_label_new (_("Nothing to show yet."));
  gtk_label_set_xalign (GTK_LABEL (self->empty), 0);
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_parent (self->empty, GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
cm_bar_chart_new (const char *title)
{
  return g_object_new (CM_TYPE_BAR_CHART, "title", title, NULL);
}
