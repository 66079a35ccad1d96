/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-organisation.c: a commissioning organisation */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-organisation.h"
#include "cm-succession.h"

struct _CmOrganisation
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmOrganisation, cm_organisation, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_SEARCH_TEXT,
  PROP_SUCCEEDED_BY_ID,
  PROP_SUCCEEDED_ON,
  PROP_SUCCESSOR_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "search-text", "cm_fold(t.name)", { "organisation" } },
  { "successor-name", "(SELECT name FROM organisation WHERE id = t.succeeded_by_id)",
    { "organisation" } },
  { NULL }
};

/* A successor and the day it took over go together. */
static gboolean
validate_succession (CmOrganisation *self, GError **error)
{
  const char *name = cm_organisation_get_name (self);
  gint64 successor = cm_organisation_get_succeeded_by_id (self);
  const char *on = cm_organisation_get_succeeded_on (self);

  if (!cm_date_validate (on, _("The date of the succession"), FALSE, error))
    return FALSE;
  if (successor != 0 && *on == '\0')
    g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                 _("Enter the date “%s” was succeeded, or clear its successor."), name);
  else if (successor == 0 && *on != '\0')
    g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                 _("Choose the organisation that succeeded “%s”, or clear the date."), name);
  else if (successor != 0 && successor == cm_entity_get_id (CM_ENTITY (self)))
    g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                 _("“%s” cannot succeed itself. Choose another organisation."), name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
cm_organisation_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_organisation_get_name (CM_ORGANISATION (entity)),
                                 _("The organisation’s name"), error) &&
         validate_succession (CM_ORGANISATION (entity), error);
}

/* A chain of successors that came back to this organisation would leave
 * no organisation in force. */
static gboolean
cm_organisation_check_change (CmEntity *before, CmEntity *after, CmStore *store, GError **error)
{
  if (after == NULL)
    return TRUE;
  return cm_succession_check_chain (store, cm_entity_get_id (after),
                                    cm_organisation_get_name (CM_ORGANISATION (after)),
                                    cm_organisation_get_succeeded_by_id (CM_ORGANISATION (after)),
                                    error);
}

static void
cm_organisation_class_init (CmOrganisationClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);

  entity_class->validate = cm_organisation_validate;
  entity_class->check_change = cm_organisation_check_change;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CM_TYPE_ORGANISATION_KIND,
                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The organisation that took over from this one, and the day it did;
   * 0 and empty when none has. */
  properties[PROP_SUCCEEDED_BY_ID] =
    g_param_spec_int64 ("succeeded-by-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUCCEEDED_ON] =
    g_param_spec_string ("succeeded-on", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUCCESSOR_NAME] =
    g_param_spec_string ("successor-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  cm_entity_class_install (entity_class, "organisation", properties, N_PROPS, derived);
}

static void
cm_organisation_init (CmOrganisation *self)
{
}

CmOrganisation *
cm_organisation_new (const char *name, CmOrganisationKind kind)
{
  return g_object_new (CM_TYPE_ORGANISATION, "name", name, "kind", kind, NULL);
}

const char *
cm_organisation_get_name (CmOrganisation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

CmOrganisationKind
cm_organisation_get_kind (CmOrganisation *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_KIND);
}

gint64
cm_organisation_get_succeeded_by_id (CmOrganisation *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SUCCEEDED_BY_ID);
}

const char *
cm_organisation_get_succeeded_on (CmOrganisation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SUCCEEDED_ON);
}
