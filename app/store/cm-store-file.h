/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-file.h: connecting to a portfolio file, and telling what it is
 *
 * Before the store migrates or writes anything, this finds out whether a
 * file is a Commissioner portfolio at all, whether it is intact, whether
 * it can be written, and whether another program holds it. It looks at
 * the file only through stat() and SQLite: opening the file any other way
 * while SQLite has it open would drop SQLite's locks on it.
 */
#pragma once

#include <sqlite3.h>

#include "cm-db.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  sqlite3 *db;
  gboolean read_only; /* the file may not, or cannot, be written */
  gboolean in_memory; /* an older file, updated in a copy in memory for reading */
  gboolean is_new;    /* no portfolio in it yet: the store creates one */
  gboolean created;   /* there was no file: connecting made it */
} CmStoreConnection;

gboolean cm_store_file_connect           (const char *path, CmStoreOpenFlags flags,
                                          CmStoreConnection *connection, GError **error);
/* Sets @error from the connection's last failure, naming the file. */
gboolean cm_store_db_error               (CmDb *db, const char *path, GError **error);
/* As cm_store_db_error (), for a SQLite connection not yet adopted. */
gboolean cm_store_file_error             (sqlite3 *db, const char *path, GError **error);
gboolean cm_store_file_read_only_error   (const char *path, GError **error);
gboolean cm_store_file_check_intact      (sqlite3 *db, const char *path, GError **error);
/* The first column of the first row of @sql, as SQLite's result code. */
int      cm_store_file_query_int        (sqlite3 *db, const char *sql, int *value);
/* Whether @path is in a folder on NFS, SMB or CIFS, where SQLite's
 * locking cannot be trusted. */
gboolean cm_store_file_is_on_network     (const char *path);
gboolean cm_store_file_is_network_type  (unsigned long statfs_type);
/* Removes the portfolio file at @path with its journal and write-ahead
 * log, such as a copy that was not finished; no connection may be open. */
void     cm_store_file_remove            (const char *path);

G_END_DECLS
