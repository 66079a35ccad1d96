/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-funding-source.h: one source of a service's money, with its amount */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_FUNDING_SOURCE (cm_funding_source_get_type ())
G_DECLARE_FINAL_TYPE (CmFundingSource, cm_funding_source, CM, FUNDING_SOURCE, CmEntity)

CmFundingSource *cm_funding_source_new (gint64 service_id, gint64 organisation_id,
                                        const char *description, gint64 amount);

G_END_DECLS
