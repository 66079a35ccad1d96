/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-server.h: a portfolio in a PostgreSQL database, and telling what the database holds
 *
 * A portfolio is a file path or a libpq URI ("postgresql://host/dbname",
 * "postgresql:///dbname?host=/run/postgresql"). What a file keeps in
 * PRAGMA user_version and application_id, a server keeps in the one row
 * of cm_schema, which the dialect file (postgresql/prelude.sql) makes
 * before the shared migrations run.
 */
#pragma once

#include "cm-db.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Whether @portfolio names a database on a server rather than a file. */
gboolean  cm_store_server_is_uri        (const char *portfolio);
/* @uri without any password in it: what messages may show. */
char     *cm_store_server_shown_uri     (const char *uri);
/* Remembers, for this process only, the password @uri signs in with, so
 * that the readers and jobs that open the portfolio again by the URI it
 * shows (which has none) sign in as the window did. */
void      cm_store_server_remember_sign_in (const char *uri);
/* @uri with the password remembered for it, if it has none of its own. */
char     *cm_store_server_sign_in_uri   (const char *uri);
/* The database and the server @uri names, as people name them. */
void      cm_store_server_names         (const char *uri, char **database, char **server);
/* The dialect file's SQL, run in a transaction of its own before migrating. */
char     *cm_store_server_prelude_sql   (GError **error);
/* The schema version of the portfolio in @db, 0 for an empty database;
 * FALSE, with a CM_STORE_ERROR naming the database and what to do, for a
 * database of another program, a newer portfolio, or (@read_only) one
 * that would have to be made or brought up to date first. Changes nothing. */
gboolean  cm_store_server_identify      (CmDb *db, const char *uri, gboolean read_only,
                                         int *version, GError **error);
/* Makes the three group roles of the portfolio at @uri (DB_readers,
 * DB_commissioners, DB_reviewers), its insert-only audit trail and the
 * rights of each (postgresql/roles.sql), in one transaction; running it
 * again is harmless. FALSE, with a CM_STORE_ERROR naming the database and
 * server and what to do, for a database without a current portfolio or a
 * role that may not set it up; then nothing is changed. */
gboolean  cm_store_server_setup         (const char *uri, GError **error);
/* Empties again the database at @uri that opening it made a portfolio in
 * (postgresql/discard.sql), in one transaction; see
 * cm_store_discard_new_portfolio (). */
gboolean  cm_store_server_discard_new   (const char *uri, GError **error);
/* The role the server signed in, which its audit trail accepts as the
 * actor of every row; NULL when it cannot be read. */
char     *cm_store_server_session_user  (CmDb *db);

G_END_DECLS
