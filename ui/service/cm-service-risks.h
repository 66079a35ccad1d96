/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-risks.h: a service's risk register, each risk with its rating */
#pragma once

#include "cm-service-section.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_RISKS (cm_service_risks_get_type ())
G_DECLARE_FINAL_TYPE (CmServiceRisks, cm_service_risks, CM, SERVICE_RISKS, CmServiceSection)

G_END_DECLS
