/* cm-organisation.c: a commissioning organisation */
#include <glib/gi18n-lib.h>

#include "cm-organisation.h"

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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "search-text", "cm_fold(t.name)", { "organisation" } },
  { NULL }
};

static gboolean
cm_organisation_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_organisation_get_name (CM_ORGANISATION (entity)),
                                 _("The organisation’s name"), error);
}

static void
cm_organisation_class_init (CmOrganisationClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);

  entity_class->validate = cm_organisation_validate;

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
