/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-eia.h: the demo portfolio's commissioning staff and EIAs */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The decommissioning EIAs the demo's decommission decisions name. */
typedef struct {
  gint64 closing_eia;   /* signed before the decision on the service closing now */
  gint64 closed_eia;    /* signed, and reviewed after the close, for the closed one */
} CmDemoEiaIds;

/* Adds staff (one overdue for an EIA training refresher), a signed-off EIA
 * with mitigations for @signed_service, a draft for @draft_service, a
 * signed decommissioning EIA for @closing_service, and a decommissioning
 * EIA with its review for @decommissioned_service; sets @ids. Saves inside
 * the caller's transaction. */
gboolean cm_demo_eia_add (CmStore *store, const GDate *today, gint64 signed_service,
                          gint64 draft_service, gint64 decommissioned_service,
                          gint64 closing_service, CmDemoEiaIds *ids, GError **error);

G_END_DECLS
