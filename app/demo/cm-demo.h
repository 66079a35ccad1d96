/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo.h: the demonstration portfolio, built from the figures in the seeds */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Fills an empty store. Dates of the current contracts are placed
 * relative to @today, so a demo always has contracts ending soon. */
gboolean cm_demo_populate (CmStore *store, const GDate *today, GError **error);

/* Writes a new demo portfolio to @path; refuses to overwrite a file. */
gboolean cm_demo_create   (const char *path, const GDate *today, GError **error);

G_END_DECLS
