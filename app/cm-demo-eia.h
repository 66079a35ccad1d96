/* cm-demo-eia.h: the demo portfolio's commissioning staff and EIAs */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Adds staff (one overdue for an EIA training refresher), a signed-off EIA
 * with mitigations for @signed_service, a draft for @draft_service, and a
 * decommissioning EIA with its review for @decommissioned_service. Saves
 * inside the caller's transaction. */
gboolean cm_demo_eia_add (CmStore *store, const GDate *today, gint64 signed_service,
                          gint64 draft_service, gint64 decommissioned_service, GError **error);

G_END_DECLS
