/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-verdict.h: what a check of the audit trail found, of three
 *
 * The check either vouches for every row, or finds the trail broken at a
 * row (that row and every later one may have been altered outside
 * Commissioner), or could not run at all: no SHA-256 from OpenSSL, a
 * locked or unreadable file. The last says nothing either way about the
 * rows, and must never be shown as tampering.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

typedef enum {
  CM_AUDIT_VERIFIED,
  CM_AUDIT_BROKEN,
  CM_AUDIT_NOT_CHECKED,
} CmAuditFinding;

typedef struct {
  CmAuditFinding finding;
  gint64 first_bad;  /* when broken: the first row not vouched for (1 when no row is) */
  char *reason;      /* when broken or not checked: what the check said */
  gint64 rows;       /* when verified: how many rows the chain holds */
} CmAuditVerdict;

/* What the chain says of one row. */
typedef enum {
  CM_AUDIT_ROW_VOUCHED,
  CM_AUDIT_ROW_NOT_VOUCHED,
  CM_AUDIT_ROW_NOT_CHECKED,
} CmAuditRowCheck;

/* The chain and the replay of the trail against the records
 * (cm_store_verify_audit ()); records that disagree with the trail leave
 * every row unvouched. */
void            cm_audit_verdict_check       (CmStore *store, CmAuditVerdict *verdict);
/* The chain alone (cm_store_verify_audit_chain ()), quicker. */
void            cm_audit_verdict_check_chain (CmStore *store, CmAuditVerdict *verdict);
void            cm_audit_verdict_clear       (CmAuditVerdict *verdict);
/* What @verdict says of row @id; of no row (0), vouched unless not checked. */
CmAuditRowCheck cm_audit_verdict_row         (const CmAuditVerdict *verdict, gint64 id);
/* "Yes", "No" or "Not checked", for a sheet's or a file's column that says
 * whether the chain verifies a row. */
const char     *cm_audit_row_check_word      (CmAuditRowCheck check);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CmAuditVerdict, cm_audit_verdict_clear)

G_END_DECLS
