/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-own-audit-rows.h: the audit rows a store's own commits appended
 *
 * A store's lists show its own commits at once, but the audit row it has
 * followed others' commits up to (the "row seen") can only move past them
 * once it has caught up with what others committed before: catching up
 * reads the audit rows after the row seen, and its own are among them.
 * This keeps the spans of rows its own commits appended beyond the row
 * seen, so that catching up skips them rather than reading those records
 * again as another program's, and moves the row seen past them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CmOwnAuditRows CmOwnAuditRows;

CmOwnAuditRows *cm_own_audit_rows_new     (void);
void            cm_own_audit_rows_free    (CmOwnAuditRows *rows);
/* A copy, for reading in another thread while @rows may change. */
CmOwnAuditRows *cm_own_audit_rows_copy    (CmOwnAuditRows *rows);
/* A commit appended the rows after @after up to @last. */
void            cm_own_audit_rows_add     (CmOwnAuditRows *rows, gint64 after, gint64 last);
/* The row seen @seen moved on past the own rows that directly follow it;
 * the spans it has passed are forgotten. */
gint64          cm_own_audit_rows_pass    (CmOwnAuditRows *rows, gint64 seen);
gboolean        cm_own_audit_rows_contain (CmOwnAuditRows *rows, gint64 row);
/* How many of the rows after @after up to @last are own rows. */
gint64          cm_own_audit_rows_count   (CmOwnAuditRows *rows, gint64 after, gint64 last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmOwnAuditRows, cm_own_audit_rows_free)

G_END_DECLS
