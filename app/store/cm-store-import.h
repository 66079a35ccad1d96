/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-import.h: what an import and its undo ask of the portfolio file
 *
 * An import reads the references already taken and marks where its ids
 * and audit rows begin; undoing it reads them back. Each question is a
 * named function, so nothing outside the store knows the engine.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* One audit row of a changed field, as an undo reads it. */
typedef void (*CmStoreAuditChange) (gint64 entity_id, const char *field, const char *old_value,
                                    gpointer user_data);

/* Adds each contract's reference (a new string) -> its id (a new gint64)
 * to @references. */
gboolean cm_store_contract_ids_by_reference (CmStore *self, GHashTable *references,
                                             GError **error);
/* The number the next audit row will take. */
gboolean cm_store_next_audit_id             (CmStore *self, gint64 *id, GError **error);
/* The highest id in @table, or 0 when it is empty. */
gboolean cm_store_highest_id                (CmStore *self, const char *table, gint64 *id,
                                             GError **error);
/* How many ids of @table are above @above, and the least and greatest. */
gboolean cm_store_ids_above                 (CmStore *self, const char *table, gint64 above,
                                             gint64 *count, gint64 *first, gint64 *last,
                                             GError **error);

/* The newest import's record id, or 0 when there is none. */
gboolean cm_store_newest_import_run_id      (CmStore *self, gint64 *id, GError **error);
/* The first audit row of import run @run_id from @from on, or 0. */
gboolean cm_store_import_run_audit_id       (CmStore *self, gint64 run_id, gint64 from,
                                             gint64 *id, GError **error);
/* How many rows of @table have ids from @first to @last. */
gboolean cm_store_count_ids_between         (CmStore *self, const char *table, gint64 first,
                                             gint64 last, gint64 *count, GError **error);
/* Those ids, the newest first; NULL on failure. */
GArray  *cm_store_ids_between               (CmStore *self, const char *table, gint64 first,
                                             gint64 last, GError **error);
/* The contracts whose fields audit rows @from to before @before changed
 * (not those they created), in id order; NULL on failure. */
GArray  *cm_store_contracts_changed_between (CmStore *self, gint64 from, gint64 before,
                                             GError **error);
/* Each field change to records @first to @last of @table after audit row
 * @after, by record, then in order. */
gboolean cm_store_each_change_after         (CmStore *self, const char *table, gint64 first,
                                             gint64 last, gint64 after, CmStoreAuditChange each,
                                             gpointer user_data, GError **error);
/* Each audit row @from to before @before about record @id of @table, in
 * order. */
gboolean cm_store_each_change_between       (CmStore *self, const char *table, gint64 id,
                                             gint64 from, gint64 before,
                                             CmStoreAuditChange each, gpointer user_data,
                                             GError **error);
/* The reference or name record @id of @table last had, from the audit
 * trail (for one deleted since), or NULL. */
char    *cm_store_last_audited_name         (CmStore *self, const char *table, gint64 id);

G_END_DECLS
