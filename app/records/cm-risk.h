/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-risk.h: one risk in a service's register, scored likelihood × impact */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_RISK (cm_risk_get_type ())
G_DECLARE_FINAL_TYPE (CmRisk, cm_risk, CM, RISK, CmEntity)

CmRisk     *cm_risk_new             (gint64 service_id, const char *description,
                                     CmRiskCategory category, int likelihood, int impact);
gint64      cm_risk_get_service_id  (CmRisk *self);
const char *cm_risk_get_description (CmRisk *self);
int         cm_risk_get_score       (CmRisk *self);
CmRag       cm_risk_get_rag         (CmRisk *self);
const char *cm_risk_get_review_date (CmRisk *self);

/* The rating of a score from 1 to 25: red from 15, amber from 8. */
CmRag       cm_risk_rag_of_score    (int score);

G_END_DECLS
