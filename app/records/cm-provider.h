/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-provider.h: an organisation that delivers services under contract */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_PROVIDER (cm_provider_get_type ())
G_DECLARE_FINAL_TYPE (CmProvider, cm_provider, CM, PROVIDER, CmEntity)

CmProvider *cm_provider_new            (const char *name, CmSector sector);
const char *cm_provider_get_name       (CmProvider *self);
CmSector    cm_provider_get_sector     (CmProvider *self);
const char *cm_provider_get_sector_as_written (CmProvider *self);
gboolean    cm_provider_get_is_sme     (CmProvider *self);
gboolean    cm_provider_get_is_vcse    (CmProvider *self);
gint64      cm_provider_get_annual_income (CmProvider *self);
gint64      cm_provider_get_annual_value  (CmProvider *self);
double      cm_provider_get_dependency    (CmProvider *self);

G_END_DECLS
