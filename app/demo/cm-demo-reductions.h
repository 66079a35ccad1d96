/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-reductions.h: the demo's reduction scenarios */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Gives the first third-sector providers illustrative incomes, and saves a
 * blanket 10% scenario over @contracts and a negotiated one over some of
 * them. Saves inside the caller's transaction. */
gboolean cm_demo_reductions_add (CmStore *store, const gint64 *providers, guint n_providers,
                                 GArray *contracts, GError **error);

G_END_DECLS
