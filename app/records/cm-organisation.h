/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
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
/* Succession (cm-succession.h): the organisation that took over from this
 * one, or 0, and the ISO date it did, or "". */
gint64              cm_organisation_get_succeeded_by_id (CmOrganisation *self);
const char         *cm_organisation_get_succeeded_on    (CmOrganisation *self);

G_END_DECLS
