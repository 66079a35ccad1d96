/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-decommission.h: the demo portfolio's decommissions */
#pragma once

#include "cm-demo-eia.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Adds a decommission in progress for @closing_service, whose contract's
 * notice date is at risk, and a completed one for @closed_service, every
 * step evidenced; each decision names its EIA of @eias, signed before it.
 * Saves inside the caller's transaction. */
gboolean cm_demo_decommission_add (CmStore *store, const GDate *today,
                                   gint64 closing_service, gint64 closing_contract,
                                   gint64 closed_service, gint64 closed_contract,
                                   const CmDemoEiaIds *eias, GError **error);

G_END_DECLS
