/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-provider-performance.h: how the services a provider is paid for are
 * performing
 *
 * Due diligence (seed 004 para 35) looks at the performance trend of a
 * provider's contracts. Measures belong to services, so a provider's are
 * those of the services its contracts pay for.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The measures of the services that @provider_id's contracts pay for, by
 * service name then measure name (of CmMeasure). */
GPtrArray *cm_provider_measures         (CmStore *store, gint64 provider_id);
/* "3 measures: 1 better, 1 worse, 1 without a trend yet", or a plain
 * sentence when there are none. */
char      *cm_provider_describe_trends  (GPtrArray *measures);

G_END_DECLS
