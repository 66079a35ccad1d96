/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-connect-dialog.c: connecting to a portfolio on a PostgreSQL server */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cm-connect-dialog.h"
#include "cm-server-address.h"
#include "cm-server-keyring.h"
#include "cm-store.h"

struct _CmConnectDialog
{
  GtkWindow parent_instance;

  GtkWidget *connect_button;
  GtkWidget *spinner;
  GtkLabel *error_label;
  GtkWidget *fields;
  GtkEditable *host_row;
  GtkEditable *port_row;
  GtkEditable *database_row;
  GtkEditable *user_row;
  GtkEditable *password_row;
  GtkWidget *remember_row;
  GtkSwitch *remember_switch;

  GCancellable *cancellable;  /* the keyring's answers and the connection */
  gboolean looking_up;        /* the keyring has not answered yet */
  gboolean connect_when_looked_up;
  gboolean keyring_works;
  char *looked_up_uri;        /* the address the keyring was asked about */
  gboolean password_from_keyring;
  CmStoreOpenFlags open_flags;
  CmStore *store;             /* connected, while the keyring keeps the password */
};

G_DEFINE_FINAL_TYPE (CmConnectDialog, cm_connect_dialog, GTK_TYPE_WINDOW)

enum { CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- the fields ------------------------------------------------------- */

static char *
field (GtkEditable *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (row)));
}

/* The fields as typed; empty ones are left to libpq's defaults. */
static CmServerAddress *
address (CmConnectDialog *self)
{
  CmServerAddress *typed = g_new0 (CmServerAddress, 1);

  typed->host = field (self->host_row);
  typed->port = field (self->port_row);
  typed->database = field (self->database_row);
  typed->user = field (self->user_row);
  return typed;
}

static void
fill_in (CmConnectDialog *self, const char *uri)
{
  g_autoptr(CmServerAddress) given = cm_server_address_from_uri (uri);

  if (given == NULL)
    return;
  gtk_editable_set_text (self->host_row, given->host ? given->host : "");
  gtk_editable_set_text (self->port_row, given->port ? given->port : "");
  gtk_editable_set_text (self->database_row, given->database ? given->database : "");
  gtk_editable_set_text (self->user_row, given->user ? given->user : "");
}

static char *
address_uri (CmConnectDialog *self)
{
  g_autoptr(CmServerAddress) typed = address (self);

  return cm_server_address_to_uri (typed);
}

/* The keyring's password belongs to the address it was kept for: sent to
 * another, it would give that server the password, and with Remember on,
 * keep it for that one too. */
static void
address_changed (CmConnectDialog *self)
{
  if (!self->password_from_keyring)
    return;
  gtk_editable_set_text (self->password_row, "");
  self->password_from_keyring = FALSE;
}

static void
password_changed (CmConnectDialog *self)
{
  self->password_from_keyring = FALSE;
}

static void
watch_fields (CmConnectDialog *self)
{
  GtkEditable *address_rows[] = { self->host_row, self->port_row, self->database_row,
                                  self->user_row };

  for (guint i = 0; i < G_N_ELEMENTS (address_rows); i++)
    g_signal_connect_swapped (address_rows[i], "changed", G_CALLBACK (address_changed), self);
  g_signal_connect_swapped (self->password_row, "changed", G_CALLBACK (password_changed), self);
}

/* While connecting the fields stay as typed, and only Cancel works. */
static void
set_busy (CmConnectDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->fields, !busy);
  gtk_widget_set_sensitive (self->connect_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  if (busy)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* A dialog that connected quietly shows itself only now, when the
 * server has refused and the user must answer. */
static void
show_error (CmConnectDialog *self, const char *message)
{
  set_busy (self, FALSE);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

/* ---- connecting ------------------------------------------------------- */

typedef struct
{
  char *uri;
  CmStoreOpenFlags flags;
} Opening;

static void
opening_free (Opening *opening)
{
  g_free (opening->uri);
  g_free (opening);
}

/* Runs in a thread: libpq waits for the server, up to its timeout. */
static void
open_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Opening *opening = data;
  GError *error = NULL;
  CmStore *store = cm_store_open (opening->uri, opening->flags, &error);

  if (store)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
finish (CmConnectDialog *self)
{
  g_autoptr(CmStore) store = g_steal_pointer (&self->store);

  g_signal_emit (self, signals[CONNECTED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
password_kept (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(CmConnectDialog) self = data;
  g_autoptr(GError) error = NULL;

  if (!cm_server_keyring_store_finish (result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    finish (self);
}

/* Keeps the password that worked, or forgets one the user no longer wants kept. */
static void
remember_password (CmConnectDialog *self)
{
  g_autoptr(CmServerAddress) typed = address (self);
  const char *password = gtk_editable_get_text (self->password_row);

  if (!self->keyring_works)
    finish (self);
  else if (gtk_switch_get_active (self->remember_switch) && *password)
    cm_server_keyring_store (typed, password, self->cancellable, password_kept,
                             g_object_ref (self));
  else
    {
      if (!gtk_switch_get_active (self->remember_switch))
        cm_server_keyring_forget (typed);
      finish (self);
    }
}

static void
opened (GObject *source, GAsyncResult *result, gpointer data)
{
  CmConnectDialog *self = CM_CONNECT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  self->store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->store == NULL)
    show_error (self, error->message);
  else
    remember_password (self);
}

static void
start_connecting (CmConnectDialog *self)
{
  g_autoptr(CmServerAddress) typed = address (self);
  g_autofree char *uri = cm_server_address_to_uri (typed);
  const char *password = gtk_editable_get_text (self->password_row);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, opened, NULL);
  Opening *opening = g_new0 (Opening, 1);

  opening->uri = *password ? cm_server_address_with_password (uri, password)
                           : g_steal_pointer (&uri);
  /* Only the first connection of a reopened portfolio must find one: the
   * user who presses Connect after its refusal asks for this database. */
  opening->flags = self->open_flags;
  self->open_flags = CM_STORE_OPEN_DEFAULT;
  set_busy (self, TRUE);
  /* Cancel answers at once; the thread's late connection is then closed. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, opening, (GDestroyNotify) opening_free);
  g_task_run_in_thread (task, (GTaskThreadFunc) open_in_thread);
}

static void
connect_activated (CmConnectDialog *self)
{
  if (gtk_widget_get_sensitive (self->connect_button))
    cm_connect_dialog_connect (self);
}

static void
connect_action (GtkWidget *widget, const char *action, GVariant *param)
{
  cm_connect_dialog_connect (CM_CONNECT_DIALOG (widget));
}

/* ---- the keyring ------------------------------------------------------ */

static void
keyring_unavailable (CmConnectDialog *self, const char *reason)
{
  g_autofree char *tip = g_strdup_printf (_("Passwords cannot be remembered: the desktop’s "
                                            "keyring is not available (%s). Type the password "
                                            "each time, or ask for a keyring to be set up."),
                                          reason);

  gtk_switch_set_active (self->remember_switch, FALSE);
  gtk_widget_set_sensitive (self->remember_row, FALSE);
  gtk_widget_set_tooltip_text (self->remember_row, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remember_switch),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip, -1);
}

static void
looked_up (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(CmConnectDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = cm_server_keyring_lookup_finish (result, &error);
  g_autofree char *now = NULL;
  gboolean same_address;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->looking_up = FALSE;
  self->keyring_works = error == NULL;
  if (error)
    keyring_unavailable (self, error->message);
  /* The fields may have changed while the keyring answered. */
  now = address_uri (self);
  same_address = g_strcmp0 (now, self->looked_up_uri) == 0;
  if (password && *gtk_editable_get_text (self->password_row) == '\0' && same_address)
    {
      gtk_editable_set_text (self->password_row, password);
      gtk_switch_set_active (self->remember_switch, TRUE);
      self->password_from_keyring = TRUE;
    }
  if (self->connect_when_looked_up)
    start_connecting (self);
}

/* Asks the keyring for a password kept for the fields as filled in; the
 * answer also says whether there is a keyring to keep one in. */
static void
look_up_password (CmConnectDialog *self)
{
  g_autoptr(CmServerAddress) typed = address (self);

  self->looking_up = TRUE;
  g_free (self->looked_up_uri);
  self->looked_up_uri = cm_server_address_to_uri (typed);
  cm_server_keyring_lookup (typed, self->cancellable, looked_up, g_object_ref (self));
}

/* ---- overrides -------------------------------------------------------- */

static void
cm_connect_dialog_dispose (GObject *object)
{
  CmConnectDialog *self = CM_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (cm_connect_dialog_parent_class)->dispose (object);
}

/* Closing (Cancel, Escape) stops connecting at once: the connection's
 * task holds the dialog until its thread ends, so dispose comes too late
 * to keep a late connection from being announced. */
static gboolean
cm_connect_dialog_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (cm_connect_dialog_parent_class);

  g_cancellable_cancel (CM_CONNECT_DIALOG (window)->cancellable);
  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
cm_connect_dialog_finalize (GObject *object)
{
  CmConnectDialog *self = CM_CONNECT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->looked_up_uri);

  G_OBJECT_CLASS (cm_connect_dialog_parent_class)->finalize (object);
}

static void
cm_connect_dialog_class_init (CmConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cm_connect_dialog_dispose;
  object_class->finalize = cm_connect_dialog_finalize;
  window_class->close_request = cm_connect_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, remember_row);
  gtk_widget_class_bind_template_child (widget_class, CmConnectDialog, remember_switch);
  gtk_widget_class_bind_template_callback (widget_class, connect_activated);
  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, CM_TYPE_STORE);
}

static void
cm_connect_dialog_init (CmConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  watch_fields (self);
}

/* ---- public API ------------------------------------------------------- */

CmConnectDialog *
cm_connect_dialog_new (GtkWindow *parent, const char *uri)
{
  CmConnectDialog *self = g_object_new (CM_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);

  if (uri)
    fill_in (self, uri);
  look_up_password (self);
  return self;
}

void
cm_connect_dialog_connect (CmConnectDialog *self)
{
  g_return_if_fail (CM_IS_CONNECT_DIALOG (self));

  if (!self->looking_up)
    {
      start_connecting (self);
      return;
    }
  /* The keyring's password comes first; the dialog says it is busy meanwhile. */
  self->connect_when_looked_up = TRUE;
  set_busy (self, TRUE);
}

void
cm_connect_dialog_reopen (CmConnectDialog *self)
{
  g_return_if_fail (CM_IS_CONNECT_DIALOG (self));

  self->open_flags = CM_STORE_OPEN_MUST_EXIST;
  cm_connect_dialog_connect (self);
}

CmConnectDialog *
cm_connect_dialog_reopen_quietly (GtkWindow *parent, const char *uri)
{
  CmConnectDialog *self;

  g_return_val_if_fail (uri != NULL, NULL);

  self = cm_connect_dialog_new (parent, uri);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  cm_connect_dialog_reopen (self);
  return self;
}
