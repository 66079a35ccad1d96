/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sql-functions.h: the functions the store's SQL calls that SQLite lacks
 *
 * Written once for both engines: PostgreSQL gets the same functions from
 * data/sql/postgresql/prelude.sql, and must answer as these do.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void cm_sql_functions_install (sqlite3 *db);

G_END_DECLS
