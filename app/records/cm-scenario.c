/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-scenario.c: a reduction scenario and its lines */
#include <glib/gi18n-lib.h>

#include "cm-scenario.h"

struct _CmScenario
{
  CmEntity parent_instance;
};

struct _CmScenarioLine
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmScenario, cm_scenario, CM_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (CmScenarioLine, cm_scenario_line, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NOTE,
  PROP_LINE_COUNT,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "line-count", "(SELECT count(*) FROM scenario_line WHERE scenario_id = t.id)",
    { "scenario_line" } },
  { "search-text", "cm_fold(t.name || ' ' || t.note)", { "scenario" } },
  { NULL }
};

static gboolean
cm_scenario_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_entity_get_string (entity, PROP_NAME),
                                 _("The scenario’s name"), error);
}

static void
cm_scenario_class_init (CmScenarioClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_scenario_validate;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_LINE_COUNT] = g_param_spec_int ("line-count", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "scenario", properties, N_PROPS, derived);
}

static void
cm_scenario_init (CmScenario *self)
{
}

CmScenario *
cm_scenario_new (const char *name)
{
  return g_object_new (CM_TYPE_SCENARIO, "name", name, NULL);
}

/* ---- lines ------------------------------------------------------------ */

enum {
  LINE_PROP_0,
  LINE_PROP_SCENARIO_ID,
  LINE_PROP_CONTRACT_ID,
  LINE_PROP_PERCENT,
  LINE_PROP_SCENARIO_NAME,
  LINE_PROP_CONTRACT_NAME,
  LINE_PROP_SEARCH_TEXT,
  N_LINE_PROPS
};

static GParamSpec *line_properties[N_LINE_PROPS];

static const CmDerivedColumn line_derived[] = {
  { "scenario-name", "(SELECT name FROM scenario WHERE id = t.scenario_id)", { "scenario" } },
  { "contract-name", "(SELECT reference || ' — ' || title FROM contract"
                     " WHERE id = t.contract_id)", { "contract" } },
  { "search-text", "cm_fold(coalesce((SELECT name FROM scenario WHERE id = t.scenario_id), '')"
                   " || ' ' || coalesce((SELECT reference || ' ' || title FROM contract"
                   " WHERE id = t.contract_id), ''))", { "scenario", "contract" } },
  { NULL }
};

gboolean
cm_scenario_check_percent (double percent, GError **error)
{
  /* Written so that NaN fails too. */
  if (!(percent >= 0 && percent <= 100))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A reduction is a percentage from 0 to 100, not %g."), percent);
      return FALSE;
    }
  return TRUE;
}

static gboolean
cm_scenario_line_validate (CmEntity *entity, GError **error)
{
  double percent = cm_scenario_line_get_percent (CM_SCENARIO_LINE (entity));

  if (cm_entity_get_int64 (entity, LINE_PROP_SCENARIO_ID) == 0 ||
      cm_entity_get_int64 (entity, LINE_PROP_CONTRACT_ID) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("Choose the scenario and the contract it would reduce."));
      return FALSE;
    }
  return cm_scenario_check_percent (percent, error);
}

static void
cm_scenario_line_class_init (CmScenarioLineClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_scenario_line_validate;
  line_properties[LINE_PROP_SCENARIO_ID] =
    g_param_spec_int64 ("scenario-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  line_properties[LINE_PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  line_properties[LINE_PROP_PERCENT] =
    g_param_spec_double ("percent", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  line_properties[LINE_PROP_SCENARIO_NAME] =
    g_param_spec_string ("scenario-name", NULL, NULL, "", rw);
  line_properties[LINE_PROP_CONTRACT_NAME] =
    g_param_spec_string ("contract-name", NULL, NULL, "", rw);
  line_properties[LINE_PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "scenario_line", line_properties, N_LINE_PROPS,
                           line_derived);
}

static void
cm_scenario_line_init (CmScenarioLine *self)
{
}

CmScenarioLine *
cm_scenario_line_new (gint64 scenario_id, gint64 contract_id, double percent)
{
  return g_object_new (CM_TYPE_SCENARIO_LINE, "scenario-id", scenario_id,
                       "contract-id", contract_id, "percent", percent, NULL);
}

gint64
cm_scenario_line_get_scenario_id (CmScenarioLine *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), LINE_PROP_SCENARIO_ID);
}

gint64
cm_scenario_line_get_contract_id (CmScenarioLine *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), LINE_PROP_CONTRACT_ID);
}

double
cm_scenario_line_get_percent (CmScenarioLine *self)
{
  return g_value_get_double (cm_entity_peek_value (CM_ENTITY (self), LINE_PROP_PERCENT));
}
