/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-private.h: the portfolio's database connection, for the core alone
 *
 * Only the layers of the core below the public API (the audit trail,
 * backups, the importer's lookups) read the connection. Nothing in the
 * user interface or the tests sees it.
 */
#pragma once

#include "cm-change-set.h"
#include "cm-db.h"
#include "cm-own-audit-rows.h"
#include "cm-store.h"

G_BEGIN_DECLS

CmDb       *cm_store_get_db          (CmStore *self);
/* The SELECT that cm_store_list_where () runs, with "?" for the value:
 * for a benchmark to time the same statement in the sqlite3 shell. */
char       *cm_store_where_sql       (GType entity_type, const char *property);

/* The channel on which each commit names the records it changed, as a
 * change set's note (cm-change-set.h), where the engine can say so (a
 * server). */
#define CM_STORE_CHANNEL "commissioner_changes"

/* Brings the lists up to date with another program's @changes: each
 * record named read again in place (or removed, when gone), those of a
 * table with one statement, the lists of a table named whole read again,
 * with the derived values that depend on them, announcing each table
 * changed; FALSE, doing nothing, inside a transaction. */
gboolean    cm_store_reload_changes  (CmStore *self, CmChangeSet *changes);
/* The newest audit row the lists show. */
gint64      cm_store_audit_seen      (CmStore *self);
/* The spans of audit rows the store's own commits wrote, copied for
 * cm_store_audited_since () in another thread. */
CmOwnAuditRows *cm_store_copy_own_audit_rows (CmStore *self);
/* The records the audit rows after @seen name, but for those in @own,
 * read on @db alone (a new connection, in a thread of its own), the
 * newest row in @newest; NULL when they are too many to follow one by
 * one, or could not be read. */
CmChangeSet *cm_store_audited_since  (CmDb *db, gint64 seen, CmOwnAuditRows *own,
                                      gint64 *newest);
/* After a new session took the lost one's place: @changes, read by
 * cm_store_audited_since () up to @newest, read again (NULL: every
 * list), as other programs committed them while the connection was down. */
void        cm_store_session_taken_over (CmStore *self, CmChangeSet *changes, gint64 newest);
/* Refuses changes with @why while the server's connection is down (NULL
 * once it is back), apart from cm_store_refuse_changes ()'s refusal. */
void        cm_store_set_connection_lost (CmStore *self, const char *why);
/* While @keep, the records whose saves wait for the server's answer
 * (cm_db_defer_results ()) are kept, so that one refused late is named
 * (cm-deferred-saves.h). */
void        cm_store_keep_deferred_saves (CmStore *self, gboolean keep);
/* Words the connection's last failure as a refused change, naming the
 * record refused late when it is known; always FALSE. */
gboolean    cm_store_refusal_error   (CmStore *self, GError **error);
/* Inside a transaction of cm_store_begin () that has written nothing,
 * for a batch that will fill the portfolio: begins it again with a
 * rollback journal, when the file is this connection's alone
 * (cm-store-journal.h), and, when they all lead somewhere as it begins,
 * with its references checked whole at the commit
 * (cm-store-references.h); the commit or rollback sets WAL and
 * the row-by-row check again. FALSE,
 * for the caller to roll back, when another program committed in the
 * moment between. */
gboolean    cm_store_begin_alone     (CmStore *self, GError **error);

G_END_DECLS
