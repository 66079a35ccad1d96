/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-localities.h: the demo's performance measures of local services */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Gives the first service of each Community Committee a measure with four
 * quarters of values, some on target and some not, so that performance
 * can be reported by committee. Saves inside the caller's transaction. */
gboolean cm_demo_localities_add (CmStore *store, GError **error);

G_END_DECLS
