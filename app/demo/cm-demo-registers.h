/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-registers.h: the demo's risks, engagement and performance */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Adds risks (one overdue for review), engagement (some co-produced) and
 * measures of all three kinds with four quarters of values, for the
 * Neighbourhood Networks, the carers' service and the crisis service.
 * Saves inside the caller's transaction. */
gboolean cm_demo_registers_add (CmStore *store, const GDate *today, gint64 networks,
                                gint64 carers, gint64 crisis, GError **error);

G_END_DECLS
