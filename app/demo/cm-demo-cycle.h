/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-cycle.h: checklist progress and history for the demo's services */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Records a plausible way through the cycle up to @stage: earlier stages'
 * items done, the current stage's about half done, the steps through the
 * gates, and, for a second cycle, the Review that re-commissioned it.
 * @index varies the details from service to service; the one with index 2
 * had its Analyse gate overridden. Saves inside the caller's transaction. */
gboolean cm_demo_cycle_progress (CmStore *store, gint64 service_id, CmStage stage, int cycle,
                                 guint index, const GDate *today, GError **error);

G_END_DECLS
