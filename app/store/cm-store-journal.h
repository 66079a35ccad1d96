/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-journal.h: a rollback journal for a batch written alone
 *
 * In WAL mode every page a transaction writes goes to the -wal file, then
 * is copied into the portfolio again at the checkpoint: an import that
 * fills a portfolio writes it twice. With a rollback journal, the pages
 * a growing file gains are written once, and a crash part way is rolled
 * back all the same by the next connection (which sets WAL again as the
 * store opens the file). SQLite leaves WAL only outside a transaction
 * and only when no other connection has the file open; when another has
 * it, the batch stays in WAL, as every other transaction does.
 */
#pragma once

#include "cm-db.h"

G_BEGIN_DECLS

/* Sets a rollback journal on @db, a SQLite connection outside a
 * transaction, without waiting for other connections: TRUE when it is
 * set, FALSE when the file stays in WAL. */
gboolean cm_store_journal_leave_wal     (CmDb *db);
/* Begins the batch's transaction on @db once it has left WAL, holding
 * the file against readers as well as writers until it ends. */
gboolean cm_store_journal_begin         (CmDb *db);
/* Sets WAL again on @db outside a transaction, waiting for readers as
 * long as a write would: FALSE when one outlasts that (try again later). */
gboolean cm_store_journal_return_to_wal (CmDb *db);

G_END_DECLS
