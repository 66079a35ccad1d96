/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-test-util.h: shared fixtures for the core tests: real files in a
 * temporary directory, never a mock. */
#pragma once

#include <sqlite3.h>

#include "cm-store.h"

char    *cm_test_temp_path    (const char *name);
/* Removes a folder and everything in it, never following a link. */
void     cm_test_remove_tree  (const char *path);
CmStore *cm_test_open_new     (const char *name, char **path_out);
GBytes  *cm_test_read_file    (const char *path);
void     cm_test_run_sqlite   (const char *path, const char *sql);
GDate   *cm_test_today        (void);
/* The empty PostgreSQL database CM_TEST_PG_URI names, which
 * test-db-contract.py makes in a throwaway cluster. */
const char *cm_test_pg_uri    (void);
/* A store on that database, opened for work (which migrates it). */
CmStore *cm_test_pg_open      (void);
/* Asserts that opening @path with @flags is refused with @code, and leaves
 * the file byte for byte as it was, with no -wal or -shm beside it. */
void     cm_test_assert_refused (const char *path, CmStoreOpenFlags flags, int code);

/* Read a file through a read-only SQLite connection of their own, as
 * another program would: they see only what has been committed. */
gint64   cm_test_save         (CmStore *store, gpointer entity);
/* The same for a new @entity, which it then lets go of. */
gint64   cm_test_save_new     (CmStore *store, gpointer entity);
void     cm_test_delete       (CmStore *store, gpointer entity);
void     cm_test_restore      (CmStore *store, gpointer entity);
gint64   cm_test_query_int    (const char *path, const char *sql);
char    *cm_test_query_text   (const char *path, const char *sql);
char    *cm_test_query_dump   (const char *path, const char *sql);

/* A portfolio as a Commissioner whose newest migration was @version made
 * it: that schema, marked as ours, with only the records its migrations
 * made, open on a plain SQLite connection for the caller to fill as that
 * version's code would have. */
sqlite3 *cm_test_create_old_portfolio (const char *path, int version);
