/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-scenario.h: a reduction scenario and its lines: which contracts would
 * be cut, and by what percentage */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_SCENARIO (cm_scenario_get_type ())
G_DECLARE_FINAL_TYPE (CmScenario, cm_scenario, CM, SCENARIO, CmEntity)

#define CM_TYPE_SCENARIO_LINE (cm_scenario_line_get_type ())
G_DECLARE_FINAL_TYPE (CmScenarioLine, cm_scenario_line, CM, SCENARIO_LINE, CmEntity)

CmScenario     *cm_scenario_new                  (const char *name);
CmScenarioLine *cm_scenario_line_new             (gint64 scenario_id, gint64 contract_id,
                                                  double percent);
gint64          cm_scenario_line_get_scenario_id (CmScenarioLine *self);
gint64          cm_scenario_line_get_contract_id (CmScenarioLine *self);
double          cm_scenario_line_get_percent     (CmScenarioLine *self);

/* Whether @percent is a reduction from 0 to 100; else says so in @error. */
gboolean        cm_scenario_check_percent        (double percent, GError **error);

G_END_DECLS
