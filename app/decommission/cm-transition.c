/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-transition.c: one person's move to other support when a service closes */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-transition.h"

struct _CmTransition
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmTransition, cm_transition, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_DECOMMISSION_ID,
  PROP_PERSON_REF,
  PROP_CURRENT_SUPPORT,
  PROP_DESTINATION,
  PROP_PLANNED_DATE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
cm_transition_validate (CmEntity *entity, GError **error)
{
  const char *ref = cm_transition_get_person_ref (CM_TRANSITION (entity));

  if (!cm_entity_require_text (ref, _("The person’s reference"), error))
    return FALSE;
  /* A reference is a case number, not a name: refuse text that reads like one. */
  if (g_regex_match_simple ("^[^0-9]*$", ref, 0, 0))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("“%s” looks like a name. Record each person by a case reference with "
                     "digits in it, such as ASC-10234, never by name."), ref);
      return FALSE;
    }
  return cm_date_validate (cm_entity_get_string (entity, PROP_PLANNED_DATE),
                           _("The planned date"), FALSE, error);
}

static void
cm_transition_class_init (CmTransitionClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_transition_validate;
  properties[PROP_DECOMMISSION_ID] =
    g_param_spec_int64 ("decommission-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_REF] = g_param_spec_string ("person-ref", NULL, NULL, "", rw);
  properties[PROP_CURRENT_SUPPORT] = g_param_spec_string ("current-support", NULL, NULL, "", rw);
  properties[PROP_DESTINATION] = g_param_spec_string ("destination", NULL, NULL, "", rw);
  properties[PROP_PLANNED_DATE] = g_param_spec_string ("planned-date", NULL, NULL, "", rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CM_TYPE_TRANSITION_STATUS, CM_TRANSITION_PLANNED, rw);
  cm_entity_class_install (entity_class, "transition", properties, N_PROPS, NULL);
}

static void
cm_transition_init (CmTransition *self)
{
}

CmTransition *
cm_transition_new (gint64 decommission_id, const char *person_ref)
{
  return g_object_new (CM_TYPE_TRANSITION, "decommission-id", decommission_id,
                       "person-ref", person_ref, NULL);
}

const char *
cm_transition_get_person_ref (CmTransition *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_PERSON_REF);
}

CmTransitionStatus
cm_transition_get_status (CmTransition *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_STATUS);
}
