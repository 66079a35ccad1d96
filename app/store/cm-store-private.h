/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-private.h: the portfolio's database connection, for the core alone
 *
 * Only the layers of the core below the public API (the audit trail,
 * backups, the importer's lookups) read the connection. Nothing in the
 * user interface or the tests sees it.
 */
#pragma once

#include "cm-db.h"
#include "cm-store.h"

G_BEGIN_DECLS

CmDb       *cm_store_get_db          (CmStore *self);
/* The SELECT that cm_store_list_where () runs, with "?" for the value:
 * for a benchmark to time the same statement in the sqlite3 shell. */
char       *cm_store_where_sql       (GType entity_type, const char *property);

G_END_DECLS
