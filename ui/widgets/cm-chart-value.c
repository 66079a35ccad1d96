/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-chart-value.c: one labelled value of a bar chart */
#include <glib/gi18n.h>
#include <math.h>

#include "cm-chart-value.h"

struct _CmChartValue
{
  GObject parent_instance;

  char  *label;
  double value;
  char  *text;
  double part;
};

G_DEFINE_FINAL_TYPE (CmChartValue, cm_chart_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_VALUE,
  PROP_TEXT,
  PROP_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cm_chart_value_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  CmChartValue *self = CM_CHART_VALUE (object);

  switch (id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PART:
      g_value_set_double (value, self->part);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_chart_value_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  CmChartValue *self = CM_CHART_VALUE (object);

  switch (id)
    {
    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      break;
    case PROP_VALUE:
      self->value = g_value_get_double (value);
      break;
    case PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;
    case PROP_PART:
      cm_chart_value_set_part (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_chart_value_finalize (GObject *object)
{
  CmChartValue *self = CM_CHART_VALUE (object);

  g_free (self->label);
  g_free (self->text);
  G_OBJECT_CLASS (cm_chart_value_parent_class)->finalize (object);
}

static void
cm_chart_value_class_init (CmChartValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = cm_chart_value_get_property;
  object_class->set_property = cm_chart_value_set_property;
  object_class->finalize = cm_chart_value_finalize;
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "",
                                                rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, 0, G_MAXDOUBLE, 0,
                                                rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "",
                                               rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_PART] = g_param_spec_double ("part", NULL, NULL, 0, G_MAXDOUBLE, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_chart_value_init (CmChartValue *self)
{
}

CmChartValue *
cm_chart_value_new (const char *label, double value, const char *text)
{
  return g_object_new (CM_TYPE_CHART_VALUE, "label", label, "value", MAX (value, 0),
                       "text", text, NULL);
}

const char *
cm_chart_value_get_label (CmChartValue *self)
{
  return self->label;
}

double
cm_chart_value_get_value (CmChartValue *self)
{
  return self->value;
}

const char *
cm_chart_value_get_text (CmChartValue *self)
{
  return self->text;
}

double
cm_chart_value_get_part (CmChartValue *self)
{
  return self->part;
}

void
cm_chart_value_set_part (CmChartValue *self, double part)
{
  part = CLAMP (part, 0, self->value);
  if (part == self->part)
    return;
  self->part = part;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART]);
}

char *
cm_chart_value_describe (CmChartValue *self)
{
  /* Translators: a bar of a chart read aloud, "Plan: 13 services, 5 held at the gate" */
  return g_strdup_printf (_("%s: %s"), self->label, self->text);
}

char *
cm_chart_value_short_money (gint64 pence)
{
  double pounds = pence / 100.0;

  if (fabs (pounds) >= 999500)
    return g_strdup_printf (_("£%.1fm"), pounds / 1e6);
  if (fabs (pounds) >= 1000)
    return g_strdup_printf (_("£%.0fk"), pounds / 1e3);
  return g_strdup_printf (_("£%.0f"), pounds);
}
