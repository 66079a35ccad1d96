/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-measure-value.c: a measure's value for one period
 *
 * A period is a quarter ("2026-Q2") or a month ("2026-05"), written so
 * that periods sort in time order as text. Keep to one kind per measure.
 */
#include <glib/gi18n-lib.h>

#include "cm-measure-value.h"

struct _CmMeasureValue
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmMeasureValue, cm_measure_value, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_MEASURE_ID,
  PROP_PERIOD,
  PROP_VALUE,
  PROP_MEASURE_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "measure-name", "(SELECT name FROM measure WHERE id = t.measure_id)", { "measure" } },
  { "search-text", "cm_fold(t.period || ' ' ||"
                   " coalesce((SELECT name FROM measure WHERE id = t.measure_id), ''))",
    { "measure" } },
  { NULL }
};

static gboolean
cm_measure_value_validate (CmEntity *entity, GError **error)
{
  const char *period = cm_entity_get_string (entity, PROP_PERIOD);

  if (cm_entity_get_int64 (entity, PROP_MEASURE_ID) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A value belongs to a measure. Choose the measure."));
      return FALSE;
    }
  if (!g_regex_match_simple ("^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2]|Q[1-4])$", period, 0, 0))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("“%s” is not a period. Write a quarter as 2026-Q2 or a month as 2026-05."),
                   period);
      return FALSE;
    }
  return TRUE;
}

static void
cm_measure_value_class_init (CmMeasureValueClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_measure_value_validate;
  properties[PROP_MEASURE_ID] = g_param_spec_int64 ("measure-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, "", rw);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_MEASURE_NAME] = g_param_spec_string ("measure-name", NULL, NULL, "", rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "measure_value", properties, N_PROPS, derived);
}

static void
cm_measure_value_init (CmMeasureValue *self)
{
}

CmMeasureValue *
cm_measure_value_new (gint64 measure_id, const char *period, double value)
{
  return g_object_new (CM_TYPE_MEASURE_VALUE, "measure-id", measure_id, "period", period,
                       "value", value, NULL);
}
