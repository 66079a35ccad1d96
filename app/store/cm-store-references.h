/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-references.h: a batch's references checked whole at its end
 *
 * SQLite checks each row's references to other records as the row is
 * written: two lookups and their cursors for every contract, a tenth of
 * the time of an import that fills a portfolio. A batch written alone
 * (cm-store-journal.h) leaves that to one check of every reference in the
 * file before it commits, of the distinct values each refers by, which
 * costs a fraction of it; a reference that fails the check fails the
 * commit, so nothing of the batch is kept. A file whose references do not
 * all lead somewhere as the batch begins (changed outside Commissioner)
 * keeps the row-by-row check, which answers for the batch's own rows.
 */
#pragma once

#include "cm-db.h"

G_BEGIN_DECLS

/* Whether every reference in @db leads to a record now: a batch left to
 * be checked whole at its end is one that starts with them all sound,
 * so the check answers for the batch alone. */
gboolean cm_store_references_intact  (CmDb *db);
/* Turns @db's row-by-row check off, outside a transaction: TRUE unless it
 * is known to be still on. */
gboolean cm_store_references_defer   (CmDb *db);
/* Turns it on again, outside a transaction: FALSE when it stays off. */
gboolean cm_store_references_enforce (CmDb *db);
/* Whether every reference in @db leads to a record, inside the batch's
 * transaction; otherwise FALSE with @error set, to roll back. */
gboolean cm_store_references_check   (CmDb *db, GError **error);

G_END_DECLS
