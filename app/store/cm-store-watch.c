/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-watch.c: following other programs' commits to a portfolio */
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <poll.h>

#include "cm-db-pg.h"
#include "cm-store-private.h"
#include "cm-store-server.h"
#include "cm-store-watch.h"

/* How often a file's data version is read (a read of shared memory), and
 * how often a server connection's notifications are looked for without
 * asking the server: those libpq kept while other statements ran do not
 * make its socket readable again. */
#define FILE_LOOK_MS 1000
#define SERVER_LOOK_MS 250
/* The first wait before connecting again, doubled after each failure up to
 * the last. */
#define FIRST_RETRY_MS 250
#define LAST_RETRY_MS 10000

struct _CmStoreWatch
{
  GObject parent_instance;

  CmStore *store;
  CmDb *db;
  gboolean listening;      /* a server's notifications arrive */
  guint look_source;       /* every FILE_LOOK_MS or SERVER_LOOK_MS */
  guint socket_source;     /* the connection's socket, readable */
  guint reconnect_source;  /* the wait before trying to connect again */
  GCancellable *connecting; /* while a new connection is made, in a thread */
  guint retry_ms;
  CmChangeSet *waiting;    /* changes named while the store was in a transaction */
  char *problem;
  gboolean lost;           /* the connection is down, or LISTEN failed on the new one */
};

G_DEFINE_FINAL_TYPE (CmStoreWatch, cm_store_watch, G_TYPE_OBJECT)

enum { PROP_0, PROP_PROBLEM, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void start_reconnecting (CmStoreWatch *self);

/* ---- helpers ---------------------------------------------------------- */

static void
forget_waiting (CmStoreWatch *self)
{
  cm_change_set_free (self->waiting);
  self->waiting = cm_change_set_new ();
}

static void
set_problem (CmStoreWatch *self, char *problem)
{
  g_free (self->problem);
  self->problem = problem;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static char *
server_name (CmStoreWatch *self)
{
  g_autofree char *database = NULL;
  char *server = NULL;

  cm_store_server_names (cm_store_get_path (self->store), &database, &server);
  return server;
}

/* Reads again the records named so far, unless a transaction is open. */
static void
reload_waiting (CmStoreWatch *self)
{
  if (cm_change_set_is_empty (self->waiting))
    return;
  if (cm_store_reload_changes (self->store, self->waiting))
    forget_waiting (self);
}

/* Takes the notifications that arrived; FALSE when the connection is lost. */
static gboolean
take_notifications (CmStoreWatch *self)
{
  g_autoptr(GPtrArray) payloads = cm_db_take_notifications (self->db, CM_STORE_CHANNEL);

  if (payloads == NULL)
    return FALSE;
  for (guint i = 0; i < payloads->len; i++)
    cm_change_set_add_note (self->waiting, g_ptr_array_index (payloads, i));
  reload_waiting (self);
  return TRUE;
}

/* Whether @fd has input nobody read yet. */
static gboolean
still_readable (int fd)
{
  struct pollfd socket = { .fd = fd, .events = POLLIN };

  return poll (&socket, 1, 0) > 0;
}

/* ---- callbacks -------------------------------------------------------- */

static gboolean
notifications_arrived (int fd, GIOCondition condition, gpointer data)
{
  CmStoreWatch *self = data;
  gboolean taken = take_notifications (self);

  /* Input left unread (a statement's rows still coming) would wake the loop
   * at once, forever: look () follows the socket again instead. */
  if (taken && !still_readable (fd))
    return G_SOURCE_CONTINUE;
  self->socket_source = 0;
  if (!taken)
    start_reconnecting (self);
  return G_SOURCE_REMOVE;
}

static void
follow_socket (CmStoreWatch *self)
{
  int fd = cm_db_socket (self->db);

  if (fd >= 0 && self->socket_source == 0)
    self->socket_source = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                         notifications_arrived, self);
}

static gboolean
look (gpointer data)
{
  CmStoreWatch *self = data;

  if (!self->listening)
    cm_store_reload_if_changed (self->store);
  else if (!self->lost && !take_notifications (self))
    {
      g_clear_handle_id (&self->socket_source, g_source_remove);
      start_reconnecting (self);
    }
  else if (!self->lost)
    follow_socket (self);
  return G_SOURCE_CONTINUE;
}

/* ---- connecting again ------------------------------------------------- */

/* What connecting again does in a thread of its own, so that the window
 * never waits for the server: connecting, LISTEN and the session's
 * settings on a connection no one else uses yet, and reading what the
 * audit trail names after the row the lists show. */
typedef struct {
  char *uri;
  gboolean read_only;
  gint64 seen;
  CmOwnAuditRows *own; /* the store's own rows after it, passed over */
  CmDb *fresh;
  CmChangeSet *changes; /* NULL: too many to follow, so every list */
  gint64 newest;
} Reconnect;

static void
reconnect_free (Reconnect *r)
{
  g_free (r->uri);
  cm_own_audit_rows_free (r->own);
  g_clear_pointer (&r->fresh, cm_db_close);
  cm_change_set_free (r->changes);
  g_free (r);
}

static void
reconnect_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Reconnect *r = data;
  GError *error = NULL;

  r->fresh = cm_db_pg_connect (r->uri, &error);
  if (r->fresh == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Without LISTEN nothing would arrive: still lost. */
  if (!cm_db_listen (r->fresh, CM_STORE_CHANNEL) ||
      (r->read_only && !cm_db_exec (r->fresh, "SET default_transaction_read_only = on")))
    {
      g_task_return_new_error (task, CM_STORE_ERROR, CM_STORE_ERROR_FAILED, "%s",
                               cm_db_last_message (r->fresh));
      return;
    }
  r->changes = cm_store_audited_since (r->fresh, r->seen, r->own, &r->newest);
  g_task_return_boolean (task, TRUE);
}

static void
reconnected (CmStoreWatch *self, Reconnect *r)
{
  cm_db_pg_take_session (self->db, g_steal_pointer (&r->fresh));
  self->retry_ms = FIRST_RETRY_MS;
  cm_store_set_connection_lost (self->store, NULL);
  self->lost = FALSE;
  forget_waiting (self);
  cm_store_session_taken_over (self->store, r->changes, r->newest);
  follow_socket (self);
  set_problem (self, NULL);
}

static gboolean try_connecting (gpointer data);

/* @data, the watch, is not held by the task (so that the window's letting
 * go of it disposes of it, cancelling the task): a cancelled task is not
 * told about it. */
static void
connecting_done (GObject *source, GAsyncResult *result, gpointer data)
{
  CmStoreWatch *self = data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return; /* the watch was disposed of */
      g_debug ("Connecting again: %s", error->message);
      g_clear_object (&self->connecting);
      self->reconnect_source = g_timeout_add (self->retry_ms, try_connecting, self);
      self->retry_ms = MIN (self->retry_ms * 2, LAST_RETRY_MS);
      return;
    }
  g_clear_object (&self->connecting);
  reconnected (self, g_task_get_task_data (G_TASK (result)));
}

/* Starts connecting again, in a thread: the window never waits. */
static gboolean
try_connecting (gpointer data)
{
  CmStoreWatch *self = data;
  Reconnect *r = g_new0 (Reconnect, 1);
  g_autoptr(GTask) task = NULL;

  self->reconnect_source = 0;
  r->uri = g_strdup (cm_db_pg_uri (self->db));
  r->read_only = cm_store_is_read_only (self->store);
  r->seen = cm_store_audit_seen (self->store);
  r->own = cm_store_copy_own_audit_rows (self->store);
  self->connecting = g_cancellable_new ();
  task = g_task_new (NULL, self->connecting, connecting_done, self);
  g_task_set_task_data (task, r, (GDestroyNotify) reconnect_free);
  g_task_run_in_thread (task, reconnect_in_thread);
  return G_SOURCE_REMOVE;
}

static void
refuse_changes (CmStoreWatch *self, const char *server)
{
  g_autofree char *why = NULL;

  self->lost = TRUE;
  why = g_strdup_printf (_("The connection to the server “%s” was lost, so changes cannot be "
                           "saved now. Keep the editor open and save again once it is back."),
                         server);
  cm_store_set_connection_lost (self->store, why);
}

static void
start_reconnecting (CmStoreWatch *self)
{
  g_autofree char *server = server_name (self);

  if (self->reconnect_source != 0 || self->connecting != NULL || self->lost)
    return;
  refuse_changes (self, server);
  set_problem (self, g_strdup_printf (_("Connection to “%s” lost. Reconnecting…"), server));
  self->retry_ms = FIRST_RETRY_MS;
  try_connecting (self);
}

/* ---- overrides ---------------------------------------------------------- */

static void
cm_store_watch_dispose (GObject *object)
{
  CmStoreWatch *self = CM_STORE_WATCH (object);

  g_clear_handle_id (&self->look_source, g_source_remove);
  g_clear_handle_id (&self->socket_source, g_source_remove);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_store_watch_parent_class)->dispose (object);
}

static void
cm_store_watch_finalize (GObject *object)
{
  CmStoreWatch *self = CM_STORE_WATCH (object);

  cm_change_set_free (self->waiting);
  g_free (self->problem);

  G_OBJECT_CLASS (cm_store_watch_parent_class)->finalize (object);
}

static void
cm_store_watch_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmStoreWatch *self = CM_STORE_WATCH (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_store_watch_class_init (CmStoreWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cm_store_watch_dispose;
  object_class->finalize = cm_store_watch_finalize;
  object_class->get_property = cm_store_watch_get_property;

  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_store_watch_init (CmStoreWatch *self)
{
  self->waiting = cm_change_set_new ();
  self->retry_ms = FIRST_RETRY_MS;
}

/* ---- public API --------------------------------------------------------- */

CmStoreWatch *
cm_store_watch_new (CmStore *store)
{
  CmStoreWatch *self;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);

  self = g_object_new (CM_TYPE_STORE_WATCH, NULL);
  self->store = g_object_ref (store);
  self->db = cm_store_get_db (store);
  self->listening = cm_db_listen (self->db, CM_STORE_CHANNEL);
  if (self->listening)
    follow_socket (self);
  self->look_source = g_timeout_add (self->listening ? SERVER_LOOK_MS : FILE_LOOK_MS, look, self);
  return self;
}

const char *
cm_store_watch_get_problem (CmStoreWatch *self)
{
  g_return_val_if_fail (CM_IS_STORE_WATCH (self), NULL);

  return self->problem;
}
