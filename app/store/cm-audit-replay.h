/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-replay.h: replaying the audit trail against the records
 *
 * The hash chain (cm-audit.h) shows the trail agrees with itself. Replay
 * shows the records agree with the trail: starting from nothing, it
 * applies each record's audit rows in order and compares the result with
 * every stored field of every record of every audited table
 * (cm-audit-tables.h), and with the portfolio's settings. A record
 * changed, added or deleted outside the application, a deleted trail, and
 * a change the trail says began from a value other than the one it last
 * recorded are each reported, naming the record and field.
 *
 * It reads the trail and each table in step, ordered by record, so it
 * holds one record at a time whatever the size of the portfolio.
 */
#pragma once

#include <glib.h>

#include "cm-db.h"

G_BEGIN_DECLS

#define CM_AUDIT_REPLAY_ERROR (cm_audit_replay_error_quark ())
typedef enum {
  CM_AUDIT_REPLAY_ERROR_DISAGREES, /* the records and the trail differ */
  CM_AUDIT_REPLAY_ERROR_SQL,
} CmAuditReplayError;
GQuark cm_audit_replay_error_quark (void);

/* @path is the portfolio, named in messages as cm_portfolio_name_in_message ()
 * names it. @records_checked receives how many
 * records and settings were compared. */
gboolean cm_audit_replay_verify (CmDb *db, const char *path, gint64 *records_checked,
                                 GError **error);

G_END_DECLS
