/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-anchor.h: the head of the audit trail, kept outside the file
 *
 * An anchor is "SEQ:HASH": the number of the newest row of the trail when
 * it was taken, and that row's hash. Kept where the file's owner cannot
 * rewrite it (a published workbook, an emailed message), it proves the
 * trail up to that row: a trail cut short, rolled back to an older copy of
 * the file, or rehashed at or before that row no longer holds the anchor's
 * row with its hash. Changes after the newest anchor rest on trust.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The meta key, and so the audited field, that records a restore. */
#define CM_AUDIT_RESTORE_KEY "restored_from_backup"

typedef enum {
  CM_AUDIT_ANCHOR_HELD,     /* the trail holds the anchor's row with its hash */
  CM_AUDIT_ANCHOR_RESTORED, /* a recorded restore from a backup replaced that row */
  CM_AUDIT_ANCHOR_LOST,     /* the trail was cut short, rolled back or rewritten */
} CmAuditAnchorState;

char     *cm_audit_anchor_format         (gint64 seq, const char *hash);
/* Reads "SEQ:HASH", allowing spaces around it and capitals in the hash. */
gboolean  cm_audit_anchor_parse          (const char *text, gint64 *seq, char **hash,
                                          GError **error);
/* The head of @store's trail now, as an anchor. */
char     *cm_audit_anchor_current        (CmStore *store, GError **error);
/* The head of @store's trail now: its number, which is how many rows the
 * trail holds (they are numbered without gaps), and its hash (@hash may
 * be NULL). */
gboolean  cm_audit_anchor_head           (CmStore *store, gint64 *seq, char **hash,
                                          GError **error);
/* The anchor an exported workbook carries on its Read me sheet. */
char     *cm_audit_anchor_read_workbook  (const char *path, GError **error);

/* Whether @store's trail still holds @anchor, with a sentence for people
 * saying so in @explanation. It looks at the anchor's row and at recorded
 * restores only: verify the chain itself first (cm_store_verify_audit).
 * FALSE only when the question could not be answered. */
gboolean  cm_audit_anchor_check          (CmStore *store, const char *anchor,
                                          CmAuditAnchorState *state, char **explanation,
                                          GError **error);

/* Records that the portfolio's file was just replaced by a backup, whose
 * trail the file now holds, and that the trail it replaced had the head
 * @replaced_anchor (read with cm_audit_anchor_current () before replacing
 * the file). Call it as the first change after the restore, so that the
 * row before it is the backup's head: an anchor taken between the two is
 * then reported as replaced by the restore, not as tampering. */
gboolean  cm_audit_anchor_record_restore (CmStore *store, const char *replaced_anchor,
                                          GError **error);

G_END_DECLS
