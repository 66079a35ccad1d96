/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg-dialect.h: the store's SQL, written for both engines, in PostgreSQL's form
 *
 * Statements name their values as SQLite does ("?", "?N", ":name");
 * PostgreSQL numbers them "$n". A few words also mean something else
 * there: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
 */
#pragma once

#include "cm-db.h"

G_BEGIN_DECLS

typedef struct {
  char *sql;        /* the statement as PostgreSQL takes it */
  int n_params;     /* the largest $n it uses */
  /* The name of each value as SQLite gives it (":name", "?3"), index 0
   * for $1; NULL for a plain "?". */
  char **names;
} CmDbPgStatement;

/* @sql with its values numbered as PostgreSQL's $n, the way SQLite numbers
 * them (?N is N; "?" and a new :name are one more than the largest so far;
 * the same :name again is the same value), and LIKE on a bound pattern
 * written as ILIKE. String literals, quoted names and comments are left as
 * they are. */
CmDbPgStatement *cm_db_pg_statement_new     (const char *sql);
void             cm_db_pg_statement_free    (CmDbPgStatement *statement);
/* The number of the value called @name (":name", "?3"), or 0. */
int              cm_db_pg_statement_index   (CmDbPgStatement *statement, const char *name);

/* Whether @sql is one of SQLite's own BEGINs (IMMEDIATE or DEFERRED), which
 * PostgreSQL does not have; @kind says which transaction it asks for. */
gboolean         cm_db_pg_dialect_begin_kind (const char *sql, CmDbTransaction *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDbPgStatement, cm_db_pg_statement_free)

G_END_DECLS
