/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg.h: a portfolio's PostgreSQL database behind cm-db.h
 *
 * The connection is libpq's: @uri is any connection string it takes
 * ("postgresql://host/dbname", "postgresql:///dbname?host=/run/postgresql"),
 * with its passwords, services and Kerberos. Whether the database holds a
 * portfolio, and of which version, is for the store to find out.
 */
#pragma once

#include "cm-db.h"

G_BEGIN_DECLS

/* Connects to @uri; NULL, with a CM_STORE_ERROR naming the server and
 * what to do, when the server cannot be reached, refuses the sign-in, has
 * no such database or is older than PostgreSQL 15. */
CmDb       *cm_db_pg_connect (const char *uri, GError **error);
/* The URI @db was connected with, for connecting again (a reader of its
 * own): never for messages, since it may hold a password. */
const char *cm_db_pg_uri     (CmDb *db);
/* The session of @fresh, a new connection to @db's server, takes the place
 * of @db's lost one: statements are prepared anew as they run, and what
 * was queued or held went with the lost session; @fresh is closed. */
void        cm_db_pg_take_session (CmDb *db, CmDb *fresh);
/* The SQLSTATE of the last statement's failure ("42501"), for a caller
 * that words a refusal its SQL raised; NULL after a success. */
const char *cm_db_pg_last_sqlstate (CmDb *db);

G_END_DECLS
