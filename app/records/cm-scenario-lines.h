/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-scenario-lines.h: many lines of a reduction scenario at once
 *
 * Commissioners choose a scenario's contracts a provider or a service at a
 * time, and try one percentage across them (seed 000 3.6.4), rather than
 * adding lines one by one. Each change is one transaction of audited
 * saves, and returns what Undo needs. The contracts never change.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* What adding some contracts to a scenario would bring. */
typedef struct {
  guint n_new;               /* not in the scenario yet */
  guint n_already;           /* in it already, so left as they are */
  gint64 annual_value;       /* pence a year, of the new ones */
} CmScenarioChoice;

/* The ids of the contracts of @provider_id and of @service_id, where
 * either is 0 for any (of gint64). Both 0 chooses none. */
GArray    *cm_scenario_choose_contracts (CmStore *store, gint64 provider_id, gint64 service_id);
void       cm_scenario_preview          (CmStore *store, gint64 scenario_id,
                                         GArray *contract_ids, CmScenarioChoice *choice);

/* Adds a line at @percent for each contract of @contract_ids that the
 * scenario does not hold yet. Returns the new lines (of CmScenarioLine),
 * perhaps none, or NULL with @error, having added nothing. */
GPtrArray *cm_scenario_add_contracts    (CmStore *store, gint64 scenario_id,
                                         GArray *contract_ids, double percent,
                                         GError **error);
/* Sets every line of the scenario to @percent. Returns copies of the
 * lines it changed as they were, or NULL with @error, having changed
 * nothing. */
GPtrArray *cm_scenario_set_all_percent  (CmStore *store, gint64 scenario_id, double percent,
                                         GError **error);

/* Undo of the two above, each in one transaction of its own. */
gboolean   cm_scenario_remove_lines     (CmStore *store, GPtrArray *lines, GError **error);
gboolean   cm_scenario_restore_lines    (CmStore *store, GPtrArray *lines, GError **error);

G_END_DECLS
