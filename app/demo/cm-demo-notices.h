/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-notices.h: the demo's procurement notices */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Records the notices the demo's contracts required before @today as
 * published a few days before each was due, all but one contract details
 * notice, left overdue so that the demo shows what one looks like. Saves
 * inside the caller's transaction. */
gboolean cm_demo_notices_add (CmStore *store, const GDate *today, GError **error);

G_END_DECLS
