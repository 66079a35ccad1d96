/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-view.h: the reviewer's Audit Trail window
 *
 * Every change to the portfolio, newest first, in words, with filters by
 * record, person, dates and kind of change, a search, and whether the hash
 * chain vouches for each row; "Export Audit…" writes what is shown as CSV.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Properties, all construct-only: "store"; "table" and "entity-id", the
 * kind of record and the one record it opens on; "rows" (a GArray of
 * gint64 audit ids) and "rows-name", what those rows are. */
#define CM_TYPE_AUDIT_VIEW (cm_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (CmAuditView, cm_audit_view, CM, AUDIT_VIEW, AdwWindow)

/* Opens on every change, or, with @table, on one kind of record, and with
 * @entity_id > 0 on that record alone (the decommission page's trail). */
GtkWindow *cm_audit_view_new (CmStore *store, GtkWindow *parent, const char *table,
                              gint64 entity_id);

/* Opens on the rows with these ids (gint64) alone, named by @what, such
 * as every action on one decommission. */
GtkWindow *cm_audit_view_new_for_rows (CmStore *store, GtkWindow *parent, const char *what,
                                       GArray *rows);

G_END_DECLS
