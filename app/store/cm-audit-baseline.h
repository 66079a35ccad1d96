/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-baseline.h: every record as it stood when its trail began
 *
 * Portfolios made before records could be replayed from the trail hold
 * records the trail never saw whole (imports, the migrations' own rows).
 * The migration that brings replay writes, in its own transaction, one
 * baseline event: a row for the portfolio's settings, which marks where
 * the event begins, then one row per record with all its values
 * (cm-audit-record.h). Replay starts each record from its baseline.
 */
#pragma once

#include "cm-audit.h"
#include "cm-db.h"

G_BEGIN_DECLS

/* The schema version whose migration writes the baseline. */
#define CM_AUDIT_BASELINE_VERSION 15

/* @actor is the account that created or first opened the file with this
 * version, whose opening wrote the baseline. */
gboolean cm_audit_baseline_write (CmDb *db, CmAuditLog *log, const char *actor,
                                  GError **error);

G_END_DECLS
