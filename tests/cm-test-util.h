/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-test-util.h: shared fixtures for the core tests: real files in a
 * temporary directory, never a mock.
 *
 * The same tests run on a PostgreSQL server: with CM_TEST_BACKEND=postgresql
 * and CM_TEST_PG_SERVER naming a cluster's maintenance database (as
 * tests/postgresql/on-server.py sets them), each new portfolio is a new
 * empty database on that cluster, and the queries below read it through
 * the store's own engine-neutral connection. Tests about files by nature
 * (locks, WAL, backups, damaged files, file safety) stay on files: they are
 * left out of the list of tests run on a server in tests/meson.build. */
#pragma once

#include <sqlite3.h>

#include "cm-db.h"
#include "cm-store.h"

char    *cm_test_temp_path    (const char *name);
/* Removes a folder and everything in it, never following a link. */
void     cm_test_remove_tree  (const char *path);
/* Whether this run keeps its new portfolios on a PostgreSQL server. */
gboolean cm_test_on_server    (void);
/* Where a new, empty portfolio named after @name goes: a file that does not
 * exist yet, or a new empty database on the server. */
char    *cm_test_portfolio_path (const char *name);
/* A new portfolio at cm_test_portfolio_path (@name), open; its path or URI
 * in @path_out. */
CmStore *cm_test_open_new     (const char *name, char **path_out);
/* Adds a case about files by nature (WAL, locks, damaged or foreign files):
 * on a server it is reported as skipped, saying so. */
void     cm_test_add_file_func (const char *test_path, GTestFunc func);
/* An SQL condition on the audit trail's actor column matching @store's
 * actor now: on a file the name it was given, on a server the role the
 * server signed in, which the server's trail demands. */
char    *cm_test_actor_condition (CmStore *store);
GBytes  *cm_test_read_file    (const char *path);
/* What the portfolio at @portfolio holds, to compare before and after: a
 * file's bytes, or every row of a server database's tables. */
GBytes  *cm_test_snapshot     (const char *portfolio);
/* A connection of the test's own to the portfolio at @portfolio (file or
 * URI), as another program would make: it sees only what is committed. */
CmDb    *cm_test_connect      (const char *portfolio);
/* Copies the portfolio at @from over @to (files, or databases on the
 * server), neither of them open. */
void     cm_test_copy_portfolio (const char *from, const char *to);
/* Changes the portfolio at @path (file or URI) behind the store's back. */
void     cm_test_run_sql      (const char *path, const char *sql);
GDate   *cm_test_today        (void);
/* An empty PostgreSQL database of the test's own, on the server a run
 * through tests/postgresql/on-server.py is given. */
const char *cm_test_pg_uri    (void);
/* A store on that database, opened for work (which migrates it). */
CmStore *cm_test_pg_open      (void);
/* Asserts that opening @path with @flags is refused with @code, and leaves
 * the file byte for byte as it was, with no -wal or -shm beside it. */
void     cm_test_assert_refused (const char *path, CmStoreOpenFlags flags, int code);

gint64   cm_test_save         (CmStore *store, gpointer entity);
/* The same for a new @entity, which it then lets go of. */
gint64   cm_test_save_new     (CmStore *store, gpointer entity);
void     cm_test_delete       (CmStore *store, gpointer entity);
void     cm_test_restore      (CmStore *store, gpointer entity);
/* Read a portfolio (file or URI) through a connection of their own, as
 * another program would: they see only what has been committed. The SQL is
 * that both engines accept. */
gint64   cm_test_query_int    (const char *path, const char *sql);
char    *cm_test_query_text   (const char *path, const char *sql);
char    *cm_test_query_dump   (const char *path, const char *sql);
/* The schema version the portfolio at @portfolio is at: a file's
 * user_version, a server's cm_schema row. */
gint64   cm_test_schema_version (const char *portfolio);

/* A portfolio as a Commissioner whose newest migration was @version made
 * it: that schema, marked as ours, with only the records its migrations
 * made, open on a plain SQLite connection for the caller to fill as that
 * version's code would have. */
sqlite3 *cm_test_create_old_portfolio (const char *path, int version);
