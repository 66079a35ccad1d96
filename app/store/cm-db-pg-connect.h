/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg-connect.h: reaching a PostgreSQL server, and saying why not */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* A connection to @uri, set up for the store (UTF-8, named "commissioner",
 * waiting for locks as long as the store waits for a file's); NULL, with
 * a CM_STORE_ERROR naming the server and what to do, when it cannot be. */
PGconn *cm_db_pg_connect_server (const char *uri, GError **error);

/* Ends @conn's session without waiting, as a server ending it would: the
 * server rolls back its transaction, and libpq then finds the connection
 * lost. */
void    cm_db_pg_connect_hang_up  (PGconn *conn);
/* The server as people name it: @host (a name, an address or a socket
 * folder; NULL or "" for localhost), and @port when not the usual one. */
char   *cm_db_pg_server_name      (const char *host, const char *port);

G_END_DECLS
