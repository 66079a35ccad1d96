/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-measure.c: an Outcomes Based Accountability measure of a service */
#include <glib/gi18n-lib.h>

#include "cm-measure.h"

struct _CmMeasure
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmMeasure, cm_measure, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_NAME,
  PROP_MEASURE_TYPE,
  PROP_UNIT,
  PROP_TARGET,
  PROP_HIGHER_IS_BETTER,
  PROP_SERVICE_NAME,
  PROP_VALUE_COUNT,
  PROP_LATEST_VALUE,
  PROP_LATEST_PERIOD,
  PROP_PREVIOUS_VALUE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define NTH_VALUE(n) "(SELECT value FROM measure_value WHERE measure_id = t.id" \
                     " ORDER BY period DESC LIMIT 1 OFFSET " #n ")"

static const CmDerivedColumn derived[] = {
  { "service-name", "(SELECT name FROM service WHERE id = t.service_id)", { "service" } },
  { "value-count", "(SELECT count(*) FROM measure_value WHERE measure_id = t.id)",
    { "measure_value" } },
  { "latest-value", "coalesce(" NTH_VALUE (0) ", 0)", { "measure_value" } },
  { "latest-period", "coalesce((SELECT max(period) FROM measure_value WHERE measure_id = t.id),"
                     " '')", { "measure_value" } },
  { "previous-value", "coalesce(" NTH_VALUE (1) ", 0)", { "measure_value" } },
  { "search-text", "cm_fold(t.name || ' ' ||"
                   " coalesce((SELECT name FROM service WHERE id = t.service_id), ''))",
    { "service" } },
  { NULL }
};

CmTrend
cm_trend_between (double previous, double latest, gboolean higher_is_better)
{
  if (latest == previous)
    return CM_TREND_SAME;
  return (latest > previous) == higher_is_better ? CM_TREND_BETTER : CM_TREND_WORSE;
}

static gboolean
cm_measure_validate (CmEntity *entity, GError **error)
{
  if (cm_measure_get_service_id (CM_MEASURE (entity)) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A measure belongs to a service. Choose the service."));
      return FALSE;
    }
  return cm_entity_require_text (cm_measure_get_name (CM_MEASURE (entity)),
                                 _("The measure’s name"), error);
}

static void
cm_measure_class_init (CmMeasureClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_measure_validate;
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_MEASURE_TYPE] =
    g_param_spec_enum ("measure-type", NULL, NULL, CM_TYPE_MEASURE_TYPE, CM_MEASURE_HOW_MUCH, rw);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", rw);
  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_HIGHER_IS_BETTER] =
    g_param_spec_boolean ("higher-is-better", NULL, NULL, TRUE, rw);
  properties[PROP_SERVICE_NAME] = g_param_spec_string ("service-name", NULL, NULL, "", rw);
  properties[PROP_VALUE_COUNT] = g_param_spec_int ("value-count", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_LATEST_VALUE] =
    g_param_spec_double ("latest-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_LATEST_PERIOD] = g_param_spec_string ("latest-period", NULL, NULL, "", rw);
  properties[PROP_PREVIOUS_VALUE] =
    g_param_spec_double ("previous-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "measure", properties, N_PROPS, derived);
}

static void
cm_measure_init (CmMeasure *self)
{
}

CmMeasure *
cm_measure_new (gint64 service_id, const char *name, CmMeasureType type, const char *unit,
                double target)
{
  return g_object_new (CM_TYPE_MEASURE, "service-id", service_id, "name", name,
                       "measure-type", type, "unit", unit, "target", target, NULL);
}

gint64
cm_measure_get_service_id (CmMeasure *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

const char *
cm_measure_get_name (CmMeasure *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

static double
get_double (CmMeasure *self, guint prop_id)
{
  return g_value_get_double (cm_entity_peek_value (CM_ENTITY (self), prop_id));
}

double
cm_measure_get_target (CmMeasure *self)
{
  return get_double (self, PROP_TARGET);
}

gboolean
cm_measure_get_higher_is_better (CmMeasure *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_HIGHER_IS_BETTER);
}

int
cm_measure_get_value_count (CmMeasure *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_VALUE_COUNT);
}

double
cm_measure_get_latest_value (CmMeasure *self)
{
  return get_double (self, PROP_LATEST_VALUE);
}

double
cm_measure_get_previous_value (CmMeasure *self)
{
  return get_double (self, PROP_PREVIOUS_VALUE);
}

const char *
cm_measure_get_latest_period (CmMeasure *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_LATEST_PERIOD);
}

CmTrend
cm_measure_get_trend (CmMeasure *self)
{
  if (cm_measure_get_value_count (self) < 2)
    return CM_TREND_NONE;
  return cm_trend_between (cm_measure_get_previous_value (self),
                           cm_measure_get_latest_value (self),
                           cm_measure_get_higher_is_better (self));
}

char *
cm_measure_describe (CmMeasure *self)
{
  const char *unit = cm_entity_get_string (CM_ENTITY (self), PROP_UNIT);

  if (cm_measure_get_value_count (self) == 0)
    return g_strdup_printf (_("No values yet; the target is %g %s"),
                            cm_measure_get_target (self), unit);
  return g_strdup_printf (_("%g %s in %s, against a target of %g %s"),
                          cm_measure_get_latest_value (self), unit,
                          cm_measure_get_latest_period (self), cm_measure_get_target (self),
                          unit);
}

char *
cm_measure_describe_trend (CmMeasure *self)
{
  double previous = cm_measure_get_previous_value (self);
  double latest = cm_measure_get_latest_value (self);
  const char *direction = latest > previous ? _("up") : _("down");

  switch (cm_measure_get_trend (self))
    {
    case CM_TREND_BETTER:
      return g_strdup_printf (_("Better: %s from %g to %g"), direction, previous, latest);
    case CM_TREND_WORSE:
      return g_strdup_printf (_("Worse: %s from %g to %g"), direction, previous, latest);
    case CM_TREND_SAME:
      return g_strdup_printf (_("The same as the period before (%g)"), latest);
    case CM_TREND_NONE:
    default:
      return g_strdup (_("A trend needs values for two periods"));
    }
}
