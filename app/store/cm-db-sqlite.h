/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-sqlite.h: a portfolio file's SQLite connection behind cm-db.h
 *
 * Opening a file stays with cm-store-file.c, which knows what can go
 * wrong with one; the connection it opens is then adopted here.
 */
#pragma once

#include <sqlite3.h>

#include "cm-db.h"

G_BEGIN_DECLS

/* Takes @handle over: cm_db_close () closes it. */
CmDb    *cm_db_sqlite_adopt  (sqlite3 *handle);
/* Speaks through @handle without taking it over: cm_db_close () leaves it
 * open, for a connection whose owner is still deciding what to make of it. */
CmDb    *cm_db_sqlite_borrow (sqlite3 *handle);
/* The SQLite connection behind @db, or NULL when @db is not SQLite's:
 * for what only a file has (backups, integrity checks, SQL functions
 * written in C). */
sqlite3 *cm_db_sqlite_handle (CmDb *db);
/* SQLite's result @code (extended or not) in the engines' common terms. */
CmDbFailure cm_db_sqlite_failure (int code);
/* The same for a statement: for what only SQLite can tell of a value,
 * such as a text's length past a NUL. */
sqlite3_stmt *cm_db_sqlite_stmt_handle (CmDbStmt *stmt);

G_END_DECLS
