/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia.c: one version of an equality impact assessment of a service */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-eia.h"

struct _CmEia
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmEia, cm_eia, CM_TYPE_ENTITY)
G_DEFINE_QUARK (cm-eia-error-quark, cm_eia_error)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_CYCLE,
  PROP_DECISION,
  PROP_VERSION,
  PROP_PREVIOUS_ID,
  PROP_PROPOSAL,
  PROP_AUTHOR_ID,
  PROP_AIM_DISCRIMINATION,
  PROP_AIM_OPPORTUNITY,
  PROP_AIM_RELATIONS,
  PROP_OUTCOME,
  PROP_OUTCOME_REASON,
  PROP_SIGNED,
  PROP_SIGNATORY_ID,
  PROP_SIGNATORY_ROLE,
  PROP_SIGNED_ON,
  PROP_TRAINING_OVERRIDE,
  PROP_REVIEWED_ON,
  PROP_UNPREDICTED_IMPACTS,
  PROP_LESSONS,
  PROP_LESSONS_SHARED_WITH,
  PROP_SERVICE_NAME,
  PROP_AUTHOR_NAME,
  PROP_SIGNATORY_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "service-name", "s.name", { "service" } },
  { "author-name", "a.name", { "staff" } },
  { "signatory-name", "g.name", { "staff" } },
  { "search-text", "cm_fold(coalesce(s.name, '') || ' ' || coalesce(a.name, ''))",
    { "service", "staff" } },
  { NULL }
};

/* The review after decommissioning is written after sign-off. */
static const char * const review_columns[] = {
  "reviewed-on", "unpredicted-impacts", "lessons", "lessons-shared-with", NULL
};

gboolean
cm_eia_refuse_change (CmEia *eia, const char *what, GError **error)
{
  g_autofree char *on = cm_date_format_long (cm_eia_get_signed_on (eia));

  g_set_error (error, CM_EIA_ERROR, CM_EIA_ERROR_SIGNED_OFF,
               _("Version %d of this EIA was signed off on %s, so %s can no longer change. "
                 "Start a new version to change it."), cm_eia_get_version (eia), on, what);
  return FALSE;
}

static gboolean
cm_eia_check_change (CmEntity *before, CmEntity *after, CmStore *store, GError **error)
{
  if (before == NULL || !cm_eia_get_signed (CM_EIA (before)))
    return TRUE;
  if (after == NULL || cm_entity_first_change (before, after, review_columns))
    return cm_eia_refuse_change (CM_EIA (before), _("it"), error);
  return TRUE;
}

static gboolean
cm_eia_validate (CmEntity *entity, GError **error)
{
  CmEia *self = CM_EIA (entity);

  if (cm_eia_get_service_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("An EIA assesses a service. Choose the service first."));
      return FALSE;
    }
  return cm_date_validate (cm_eia_get_signed_on (self), _("The sign-off date"), FALSE, error) &&
         cm_date_validate (cm_eia_get_reviewed_on (self), _("The review date"), FALSE, error);
}

static void
cm_eia_class_init (CmEiaClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  struct { guint id; const char *name; } texts[] = {
    { PROP_PROPOSAL, "proposal" }, { PROP_OUTCOME_REASON, "outcome-reason" },
    { PROP_SIGNATORY_ROLE, "signatory-role" }, { PROP_SIGNED_ON, "signed-on" },
    { PROP_TRAINING_OVERRIDE, "training-override" }, { PROP_REVIEWED_ON, "reviewed-on" },
    { PROP_UNPREDICTED_IMPACTS, "unpredicted-impacts" }, { PROP_LESSONS, "lessons" },
    { PROP_LESSONS_SHARED_WITH, "lessons-shared-with" }, { PROP_SERVICE_NAME, "service-name" },
    { PROP_AUTHOR_NAME, "author-name" }, { PROP_SIGNATORY_NAME, "signatory-name" },
    { PROP_SEARCH_TEXT, "search-text" },
  };
  struct { guint id; const char *name; } ids[] = {
    { PROP_SERVICE_ID, "service-id" }, { PROP_PREVIOUS_ID, "previous-id" },
    { PROP_AUTHOR_ID, "author-id" }, { PROP_SIGNATORY_ID, "signatory-id" },
  };
  struct { guint id; const char *name; } flags[] = {
    { PROP_AIM_DISCRIMINATION, "aim-discrimination" },
    { PROP_AIM_OPPORTUNITY, "aim-opportunity" }, { PROP_AIM_RELATIONS, "aim-relations" },
    { PROP_SIGNED, "signed" },
  };

  entity_class->validate = cm_eia_validate;
  entity_class->check_change = cm_eia_check_change;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    properties[texts[i].id] = g_param_spec_string (texts[i].name, NULL, NULL, "", rw);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    properties[ids[i].id] = g_param_spec_int64 (ids[i].name, NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    properties[flags[i].id] = g_param_spec_boolean (flags[i].name, NULL, NULL, FALSE, rw);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, CM_TYPE_EIA_DECISION,
                       CM_EIA_DECISION_COMMISSION, rw);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, CM_TYPE_EIA_OUTCOME, CM_EIA_OUTCOME_UNDECIDED, rw);
  cm_entity_class_install (entity_class, "eia", properties, N_PROPS, derived);
  cm_entity_class_set_joins (entity_class,
                             "LEFT JOIN service s ON s.id = t.service_id"
                             " LEFT JOIN staff a ON a.id = t.author_id"
                             " LEFT JOIN staff g ON g.id = t.signatory_id");
}

static void
cm_eia_init (CmEia *self)
{
}

gint64
cm_eia_get_service_id (CmEia *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

int
cm_eia_get_cycle (CmEia *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_CYCLE);
}

CmEiaDecision
cm_eia_get_decision (CmEia *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_DECISION);
}

int
cm_eia_get_version (CmEia *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_VERSION);
}

gint64
cm_eia_get_previous_id (CmEia *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_PREVIOUS_ID);
}

gint64
cm_eia_get_author_id (CmEia *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_AUTHOR_ID);
}

CmEiaOutcome
cm_eia_get_outcome (CmEia *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_OUTCOME);
}

const char *
cm_eia_get_outcome_reason (CmEia *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_OUTCOME_REASON);
}

gboolean
cm_eia_get_signed (CmEia *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_SIGNED);
}

gint64
cm_eia_get_signatory_id (CmEia *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SIGNATORY_ID);
}

const char *
cm_eia_get_signed_on (CmEia *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SIGNED_ON);
}

const char *
cm_eia_get_reviewed_on (CmEia *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_REVIEWED_ON);
}
