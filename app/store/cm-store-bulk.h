/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-bulk.h: readying a portfolio for many rows in one transaction
 *
 * An action that adds as many rows to a table as it holds already (an
 * import into a new portfolio) pays for each of the table's indexes at
 * every row, and with SQLite's small page cache spills pages long before
 * it commits. Inside the action's transaction, the indexes such a table
 * does not need for uniqueness are dropped until the rows are in, then
 * built again in one pass, the cache is sized for the batch, and a batch
 * of many rows into a portfolio file nobody else has open is written
 * with a rollback journal (cm-store-journal.h). A rollback brings the
 * indexes back by itself. On a server, where each
 * statement would wait for its answer, the rows' INSERTs are sent without
 * waiting, most of them as one COPY per table (cm_db_defer_results ()); a
 * row refused fails the batch at its end, or at the first read before it,
 * named as if it had been sent alone.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

typedef struct _CmStoreBulk CmStoreBulk;

/* @tables, ending in NULL, are the tables that will take about @n_rows
 * rows each. Only inside cm_store_begin () and cm_store_commit (). */
CmStoreBulk *cm_store_bulk_begin (CmStore *store, const char * const *tables, gint64 n_rows,
                                  GError **error);
/* Says that the statements from now on write row @row of the caller's
 * (an import's register): a row refused later is named. */
void         cm_store_bulk_row        (CmStoreBulk *bulk, guint row);
/* The row, as cm_store_bulk_row () named it, that the last failure was
 * of, when it came after the row was written; 0 otherwise. */
guint        cm_store_bulk_failed_row (CmStoreBulk *bulk);
/* Waits for the answers to every row's statements. */
gboolean     cm_store_bulk_rows_done  (CmStoreBulk *bulk, GError **error);
/* Builds the indexes again and frees @bulk; on failure the caller rolls
 * the transaction back. */
gboolean     cm_store_bulk_end   (CmStoreBulk *bulk, GError **error);
/* Frees @bulk without building anything, for a transaction rolled back. */
void         cm_store_bulk_free  (CmStoreBulk *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmStoreBulk, cm_store_bulk_free)

G_END_DECLS
