/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit.h: the tamper-evident audit trail
 *
 * Every change the store makes appends one row per field, in the same
 * transaction as the change. Each row's SHA-256 covers the hash of the
 * row before it, so altering or deleting a row outside the application
 * breaks the chain from that row on. Rows are numbered 1, 2, 3, … with no
 * gaps; from the second format of the chain on, a row's hash covers its
 * number too. Since schema 25 a row leaves the hash it follows unstored
 * (prev_hash is empty): its own hash already proves it. The newest row's
 * number and hash, "SEQ:HASH", is the head an anchor kept outside the
 * file names (cm-audit-anchor.h).
 */
#pragma once

#include <glib.h>

#include "cm-db.h"

G_BEGIN_DECLS

#define CM_AUDIT_ERROR (cm_audit_error_quark ())
typedef enum {
  CM_AUDIT_ERROR_BROKEN,
  CM_AUDIT_ERROR_SQL,
  CM_AUDIT_ERROR_BAD_ANCHOR,  /* text that is not "SEQ:HASH", or no anchor in a workbook */
  CM_AUDIT_ERROR_HASH,        /* OpenSSL could not compute a SHA-256 */
} CmAuditError;
GQuark cm_audit_error_quark (void);

/* The hash the first row chains from, and the head of an empty trail. */
#define CM_AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct {
  const char *at;        /* UTC, ISO 8601 */
  const char *actor;
  const char *entity;    /* table name */
  gint64      entity_id;
  const char *field;     /* column name */
  const char *old_value; /* NULL when the field had no value */
  const char *new_value;
} CmAuditRow;

/* Appends rows to one portfolio's trail; the store keeps one. */
typedef struct _CmAuditLog CmAuditLog;

CmAuditLog *cm_audit_log_new  (CmDb *db);
void        cm_audit_log_free (CmAuditLog *log);
gboolean    cm_audit_append   (CmAuditLog *log, const CmAuditRow *row, GError **error);
/* For one transaction: from cm_audit_log_hold () the head is kept in
 * memory and written to meta only by cm_audit_log_write_head (), which
 * must come before the commit; a million rows then cost no more than
 * their own inserts. After a rollback to a savepoint, cm_audit_log_reread ()
 * finds the head again in the rows left; after the transaction ends,
 * cm_audit_log_release () goes back to reading and writing it each row. */
void        cm_audit_log_hold       (CmAuditLog *log);
void        cm_audit_log_reread     (CmAuditLog *log);
gboolean    cm_audit_log_write_head (CmAuditLog *log, GError **error);
void        cm_audit_log_release    (CmAuditLog *log);
/* Inside a held transaction that appended rows (before the release): the
 * newest row's number as the transaction found it and as it leaves it;
 * FALSE when it appended none. The head was read under the writers' lock,
 * so a @found other than the last the caller knew means another program
 * committed in between. */
gboolean    cm_audit_log_span       (CmAuditLog *log, gint64 *found, gint64 *leaves);

/* Checks the whole chain: every row's values are of the types the store
 * writes, rows are numbered 1, 2, 3, … without gaps, each chains from the
 * one before and matches its hash, and the stored head is the newest row.
 * On a break, sets CM_AUDIT_ERROR_BROKEN with a message naming the first
 * bad row, and its id in @bad_row. */
gboolean cm_audit_verify (CmDb *db, gint64 *rows_checked, gint64 *bad_row, GError **error);
/* The same for the rows after @from_seq only, the first of them chaining
 * from @from_hash: what a trail checked up to that row has gained since.
 * Whether row @from_seq still holds @from_hash is the caller's to check. */
gboolean cm_audit_verify_from (CmDb *db, gint64 from_seq, const char *from_hash,
                               gint64 *rows_checked, gint64 *bad_row, GError **error);
/* Called, when set, between reading the rows and the head: where a test
 * commits, to prove a check reads both in one snapshot. NULL otherwise. */
extern void (*cm_audit_verify_between_reads) (CmDb *db, gpointer data);
extern gpointer cm_audit_verify_between_reads_data;

/* The newest row's number and hash as the trail holds them (not checked):
 * 0 and CM_AUDIT_GENESIS_HASH for an empty trail. */
gboolean cm_audit_head   (CmDb *db, gint64 *seq, char **hash, GError **error);

char    *cm_audit_now    (void);

G_END_DECLS
