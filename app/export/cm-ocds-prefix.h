/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-prefix.h: the portfolio's OCDS identifier prefix
 *
 * Every contracting process published as Open Contracting data has an
 * ocid: the publisher's prefix, registered with the Open Contracting
 * Partnership ("ocds-" and six letters or digits), then an identifier of
 * the publisher's own. The prefix belongs to the organisation, so it is
 * kept in the portfolio and changed like any setting (audited). Until it
 * is set, exports use a placeholder that is plainly not registered.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_OCDS_PREFIX_KEY "ocds-prefix"
#define CM_OCDS_PREFIX_PLACEHOLDER "ocds-xxxxxx"

/* The prefix set for the portfolio, else the placeholder; *@is_set says
 * which (may be NULL). */
char     *cm_ocds_prefix_get      (CmStore *store, gboolean *is_set);
/* Whether @prefix has the registered form: "ocds-" then six lowercase
 * letters or digits. */
gboolean  cm_ocds_prefix_is_valid (const char *prefix);
gboolean  cm_ocds_prefix_set      (CmStore *store, const char *prefix, GError **error);

G_END_DECLS
