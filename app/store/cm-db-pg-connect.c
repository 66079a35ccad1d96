/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg-connect.c: reaching a PostgreSQL server, and saying why not */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

#include "cm-db-pg-connect.h"
#include "cm-store.h"

/* The oldest server the SQL of the migrations is written for. */
#define OLDEST_SERVER 150000

/* How long connecting may take before the server counts as unreachable
 * (libpq's own connect_timeout is for its blocking calls only). */
#define CONNECT_TIMEOUT_US (30 * G_USEC_PER_SEC)

/* As long as the store waits for another program's lock on a file. */
#define SETTINGS "SET lock_timeout = 5000"

/* Waits for libpq's connection to finish: TRUE once it is made. */
static gboolean
finish_connecting (PGconn *conn)
{
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  gint64 deadline = g_get_monotonic_time () + CONNECT_TIMEOUT_US;

  if (PQstatus (conn) == CONNECTION_BAD)
    return FALSE;
  while (status != PGRES_POLLING_OK)
    {
      struct pollfd wait = { PQsocket (conn),
                             status == PGRES_POLLING_READING ? POLLIN : POLLOUT, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      int ready;

      if (status == PGRES_POLLING_FAILED || left <= 0)
        return FALSE;
      ready = poll (&wait, 1, (int) left);
      if (ready < 0 && errno != EINTR)
        return FALSE;
      if (ready > 0)
        status = PQconnectPoll (conn);
    }
  return TRUE;
}

/* The SQLSTATE in a verbose message of libpq's ("FATAL:  3D000: database
 * …"), which unlike the words does not depend on the server's language. */
static GRegex *
sqlstate_pattern (void)
{
  static gsize pattern;

  if (g_once_init_enter (&pattern))
    g_once_init_leave (&pattern, (gsize) g_regex_new (":  ([0-9A-Z]{5}): ", 0, 0, NULL));
  return (GRegex *) pattern;
}

/* The SQLSTATE of the server's refusal; NULL when libpq failed before
 * any answer. */
static char *
refusal_state (PGconn *conn)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (sqlstate_pattern (), PQerrorMessage (conn), 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

char *
cm_db_pg_server_name (const char *host, const char *port)
{
  if (host == NULL || *host == '\0')
    host = "localhost";
  if (port == NULL || *port == '\0' || strcmp (port, "5432") == 0)
    return g_strdup (host);
  return g_strdup_printf ("%s:%s", host, port);
}

static char *
server_name (PGconn *conn)
{
  return cm_db_pg_server_name (PQhost (conn), PQport (conn));
}

/* libpq's own first line about the failure, for the message's brackets,
 * without the SQLSTATE its verbose form adds. */
static char *
libpq_reason (PGconn *conn)
{
  g_auto(GStrv) lines = g_strsplit (PQerrorMessage (conn), "\n", 2);
  char *reason = g_regex_replace (sqlstate_pattern (), lines[0] != NULL ? lines[0] : "", -1, 0,
                                  ":  ", 0, NULL);

  return g_strstrip (reason);
}

static void
set_connect_error (PGconn *conn, GError **error)
{
  g_autofree char *state = refusal_state (conn);
  g_autofree char *server = server_name (conn);
  g_autofree char *reason = libpq_reason (conn);

  if (g_strcmp0 (state, "3D000") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                 _("The PostgreSQL server “%s” has no database called “%s”. Check the "
                   "database name, or ask the server’s administrator to create it."),
                 server, PQdb (conn));
  else if (g_strcmp0 (state, "28P01") == 0 || g_strcmp0 (state, "28000") == 0 ||
           (state == NULL && PQconnectionNeedsPassword (conn)))
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The PostgreSQL server “%s” did not let “%s” sign in. Check the user name "
                   "and password, or ask the server’s administrator for access."),
                 server, PQuser (conn));
  else if (g_strcmp0 (state, "57P03") == 0 || g_strcmp0 (state, "53300") == 0)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY,
                 _("The PostgreSQL server “%s” is not taking connections now (%s). Try again "
                   "in a moment."), server, reason);
  else if (state == NULL)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The PostgreSQL server “%s” cannot be reached (%s). Check that the "
                   "server is running and that its address is right."), server, reason);
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The PostgreSQL server “%s” refused the connection (%s). Check the "
                   "connection details, or ask the server’s administrator."), server, reason);
}

/* Refuses a server too old for the store's SQL, or one the settings fail on. */
static gboolean
check_server (PGconn *conn, GError **error)
{
  g_autofree char *server = server_name (conn);
  PGresult *result;
  gboolean ok;

  if (PQserverVersion (conn) < OLDEST_SERVER)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The PostgreSQL server “%s” is version %d, too old for Commissioner. "
                     "Ask the server’s administrator for PostgreSQL 15 or newer."),
                   server, PQserverVersion (conn) / 10000);
      return FALSE;
    }
  result = PQexec (conn, SETTINGS);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQresultErrorMessage (result)));

      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The PostgreSQL server “%s” refused the connection’s settings (%s). "
                     "Ask the server’s administrator."), server, reason);
    }
  PQclear (result);
  return ok;
}

/* Starts connecting to @uri; finish_connecting () waits for the rest. */
static PGconn *
connect_begin (const char *uri)
{
  /* libpq takes the keywords in order, a later one overriding an earlier:
   * @uri may override the keepalives, which notice a dead network within
   * about a minute rather than never; the name and encoding are the
   * store's. */
  const char *const keywords[] = { "keepalives", "keepalives_idle", "keepalives_interval",
                                   "keepalives_count", "tcp_user_timeout", "dbname",
                                   "application_name", "client_encoding", NULL };
  const char *const values[] = { "1", "30", "10", "3", "60000", uri, "commissioner", "UTF8",
                                 NULL };
  PGconn *conn = PQconnectStartParams (keywords, values, 1);

  if (conn == NULL)
    g_error ("out of memory connecting to PostgreSQL");
  return conn;
}

PGconn *
cm_db_pg_connect_server (const char *uri, GError **error)
{
  PGconn *conn = connect_begin (uri);

  /* Verbose: the refusal's message then carries its SQLSTATE. */
  PQsetErrorVerbosity (conn, PQERRORS_VERBOSE);
  if (!finish_connecting (conn))
    {
      set_connect_error (conn, error);
      PQfinish (conn);
      return NULL;
    }
  PQsetErrorVerbosity (conn, PQERRORS_DEFAULT);
  if (!check_server (conn, error))
    {
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

void
cm_db_pg_connect_hang_up (PGconn *conn)
{
  int fd = PQsocket (conn);

  if (fd >= 0 && PQstatus (conn) != CONNECTION_BAD)
    shutdown (fd, SHUT_RDWR);
}
