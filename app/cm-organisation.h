/* cm-organisation.h: a commissioning organisation (council directorate, NHS body, ...) */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_ORGANISATION (cm_organisation_get_type ())
G_DECLARE_FINAL_TYPE (CmOrganisation, cm_organisation, CM, ORGANISATION, CmEntity)

CmOrganisation     *cm_organisation_new      (const char *name, CmOrganisationKind kind);
const char         *cm_organisation_get_name (CmOrganisation *self);
CmOrganisationKind  cm_organisation_get_kind (CmOrganisation *self);

G_END_DECLS
