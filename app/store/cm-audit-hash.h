/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-hash.h: the SHA-256 of one audit row, as the chain frames it
 *
 * A row's fields are written one after another, each as "LENGTH:VALUE;"
 * (its length in bytes, then itself) or "-;" when it has no value, in
 * this order: the hash of the row before, at, actor, entity, entity_id,
 * field, old_value, new_value. The second format puts
 * "commissioner-audit-2;" and the row's number, framed the same way,
 * before them. The hash is the SHA-256 of that text in lowercase hex.
 *
 * Appending and checking both hash through here, so the two cannot
 * drift apart. One hasher serves one thread: it keeps the text's buffer
 * and OpenSSL's digest context from row to row, since an import hashes
 * a million rows.
 */
#pragma once

#include <glib.h>

#include "cm-audit.h"

G_BEGIN_DECLS

/* Characters in a hash, without its terminating NUL. */
#define CM_AUDIT_HASH_HEX_LENGTH 64

typedef struct _CmAuditHash CmAuditHash;

/* NULL with CM_AUDIT_ERROR_HASH when OpenSSL offers no SHA-256. */
CmAuditHash *cm_audit_hash_new  (GError **error);
void         cm_audit_hash_free (CmAuditHash *hash);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmAuditHash, cm_audit_hash_free)

/* The hash of @row after a row whose hash is @prev_hash, in the first
 * format or, with its number @seq, in the second. The text returned
 * belongs to @hash and holds until its next row; NULL with
 * CM_AUDIT_ERROR_HASH when OpenSSL failed. */
const char *cm_audit_hash_row_v1 (CmAuditHash *hash, const char *prev_hash,
                                  const CmAuditRow *row, GError **error);
const char *cm_audit_hash_row_v2 (CmAuditHash *hash, gint64 seq, const char *prev_hash,
                                  const CmAuditRow *row, GError **error);

G_END_DECLS
