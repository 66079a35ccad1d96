/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-export.h: a portfolio's contracts as Open Contracting data
 *
 * Writes an OCDS 1.1 release package: one compiled release per contract,
 * its ocid the portfolio's prefix and the contract's reference, with the
 * lead commissioner as buyer, the provider as supplier, the service as
 * the tender, one award and the contract itself. What OCDS has no field
 * for (the term as written, the notice period, the Compact) goes in the
 * Commissioner extension, documented in data/ocds-extension/.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The package written to @path through the safe-write helper, one
 * release a line; statuses are as on @today. A portfolio without
 * contracts has no package to write. */
gboolean  cm_ocds_export (CmStore *store, const char *path, const GDate *today, GError **error);

G_END_DECLS
