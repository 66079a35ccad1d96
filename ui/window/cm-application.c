/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-application.c: the application, its command line and its settings */
#include <glib/gi18n.h>

#include "cm-application.h"
#include "cm-command-line.h"
#include "cm-command-options.h"
#include "cm-command-report.h"
#include "cm-deadline-notification.h"
#include "cm-metainfo.h"
#include "cm-portfolio-job.h"
#include "cm-store-server.h"
#include "cm-window.h"

struct _CmApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GDate today;
  char *portfolio;     /* from --portfolio or --demo */
  char *import_wizard; /* from --import-wizard */
  guint quit_deadline; /* while quitting waits for the readers to stop */
};

/* How long quitting waits for the background readers to stop. */
#define QUIT_WAIT_SECONDS 5

G_DEFINE_FINAL_TYPE (CmApplication, cm_application, ADW_TYPE_APPLICATION)

/* Lookups that cannot fail when the schema is installed; without it the
 * application still runs, with settings kept in memory. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      g_message ("Settings schema %s is not installed; settings will not be kept.", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

/* Hands the portfolio named on this command line, and the import to start
 * on it, to the instance already running, which opens or raises its window. */
static void
forward_to_primary (CmApplication *self)
{
  g_autofree char *portfolio = cm_store_server_is_uri (self->portfolio)
                                ? g_strdup (self->portfolio)
                                : g_canonicalize_filename (self->portfolio, NULL);
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  if (self->import_wizard)
    {
      g_autofree char *wizard = g_canonicalize_filename (self->import_wizard, NULL);

      g_action_group_activate_action (G_ACTION_GROUP (self), "import-wizard",
                                      g_variant_new ("(^ay^ay)", portfolio, wizard));
    }
  else
    {
      g_autoptr(GFile) file = cm_store_server_is_uri (portfolio) ? g_file_new_for_uri (portfolio)
                                                                 : g_file_new_for_path (portfolio);

      g_application_open (G_APPLICATION (self), &file, 1, "");
    }
  /* The calls are on their way; this process must not end before they go. */
  if (bus)
    g_dbus_connection_flush_sync (bus, NULL, NULL);
}

/* A window is wanted: this process opens it when it is the first instance;
 * otherwise the running one does, and this one ends. */
static int
open_here_or_there (CmApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->portfolio == NULL)
    return -1;
  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!g_application_get_is_remote (G_APPLICATION (self)))
    return -1;
  forward_to_primary (self);
  return 0;
}

/* The headless commands run as in commissioner, which hands this program
 * --report and the command lines that want a window; the others also run
 * when this one is started on its own. */
static int
cm_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  CmApplication *self = CM_APPLICATION (app);
  int status = cm_command_options_run (options, &self->today, cm_command_report);
  g_autoptr(GError) error = NULL;

  if (status >= 0)
    return status;
  g_variant_dict_lookup (options, "portfolio", "^ay", &self->portfolio);
  g_variant_dict_lookup (options, "import-wizard", "^ay", &self->import_wizard);
  if (g_variant_dict_contains (options, "demo"))
    {
      g_free (self->portfolio);
      self->portfolio = cm_demo_portfolio_path (&self->today, &error);
      if (self->portfolio == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return open_here_or_there (self);
}

static void
cm_application_startup (GApplication *app)
{
  CmApplication *self = CM_APPLICATION (app);

  G_APPLICATION_CLASS (cm_application_parent_class)->startup (app);

  self->settings = open_settings ();
  gtk_window_set_default_icon_name (APP_ID);
}

/* A window on @portfolio, raised when one is open already, or on the
 * welcome page when @portfolio is NULL; then the import of @import_wizard. */
static CmWindow *
present_window (CmApplication *self, const char *portfolio, const char *import_wizard)
{
  CmWindow *window = portfolio ? cm_window_find (GTK_APPLICATION (self), portfolio) : NULL;
  gboolean opened = window != NULL;

  if (window == NULL)
    {
      window = cm_window_new (self);
      opened = portfolio && cm_window_open_portfolio (window, portfolio);
    }
  gtk_window_present (GTK_WINDOW (window));
  if (opened && import_wizard)
    cm_window_import_file (window, import_wizard);
  return window;
}

static void
import_wizard_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  const char *portfolio, *file;

  /* Byte strings: file names need not be UTF-8. */
  g_variant_get (param, "(^&ay^&ay)", &portfolio, &file);
  present_window (user_data, portfolio, file);
}

/* The portfolio used last, if it may still be there: a file that exists,
 * or a server's, which only connecting tells. */
static char *
last_portfolio (CmApplication *self)
{
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings,
                                                                  "last-portfolio")
                                         : NULL;

  if (last && (cm_store_server_is_uri (last) || g_file_test (last, G_FILE_TEST_IS_REGULAR)))
    return g_steal_pointer (&last);
  return NULL;
}

static void
cm_application_activate (GApplication *app)
{
  CmApplication *self = CM_APPLICATION (app);
  g_autofree char *last = self->portfolio ? NULL : last_portfolio (self);

  /* A server's connects in the background, as from the recent list,
   * unless an import waits for it or a window has it open already. */
  if (last && cm_store_server_is_uri (last) && self->import_wizard == NULL &&
      cm_window_find (GTK_APPLICATION (self), last) == NULL)
    cm_window_reopen_portfolio (present_window (self, NULL, NULL), last);
  else
    present_window (self, self->portfolio ? self->portfolio : last, self->import_wizard);
  /* The command line's choices are for its first window; a later launch,
   * handed over from another instance, opens the last portfolio used. */
  g_clear_pointer (&self->portfolio, g_free);
  g_clear_pointer (&self->import_wizard, g_free);
}

/* Files from the command line or the file manager: a window for each. */
static void
cm_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  CmApplication *self = CM_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *uri = path ? NULL : g_file_get_uri (files[i]);

      if (path)
        present_window (self, path, NULL);
      else if (cm_store_server_is_uri (uri))
        present_window (self, uri, NULL);
      else
        g_printerr (_("%s is not a local file. Copy the portfolio to this computer "
                      "and open the copy.\n"), uri);
    }
}

static void
cm_application_finalize (GObject *object)
{
  CmApplication *self = CM_APPLICATION (object);

  g_clear_handle_id (&self->quit_deadline, g_source_remove);
  g_clear_object (&self->settings);
  g_free (self->portfolio);
  g_free (self->import_wizard);

  G_OBJECT_CLASS (cm_application_parent_class)->finalize (object);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Commissioner developers"), NULL };
  g_autoptr(GBytes) metainfo = cm_metainfo_builtin ();
  gsize length = 0;
  const char *xml = metainfo ? g_bytes_get_data (metainfo, &length) : NULL;
  g_autofree char *website = cm_metainfo_url (xml, length, "homepage");
  g_autofree char *issues = cm_metainfo_url (xml, length, "bugtracker");
  g_autofree char *notes = cm_metainfo_release_notes (xml, length, PACKAGE_VERSION);

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Commissioner"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Commissioner developers"),
                         "developers", developers,
                         "comments", _("Commissioning of health and social care services, "
                                       "from Analyse to Review."),
                         "website", website,
                         "issue-url", issues,
                         "copyright", _("© 2026 The Commissioner developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "release-notes-version", notes ? PACKAGE_VERSION : NULL,
                         "release-notes", notes,
                         NULL);
}

static void
help_shown (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    cm_window_show_message (CM_WINDOW (source),
                            _("The help could not be shown. Install a help viewer such as "
                              "Yelp, then press F1 again."));
}

static void
help_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  gtk_show_uri_full (window, "help:commissioner", GDK_CURRENT_TIME, NULL, help_shown, NULL);
}

static gboolean
readers_stopped (gpointer user_data)
{
  CmApplication *self = user_data;

  g_clear_handle_id (&self->quit_deadline, g_source_remove);
  g_application_quit (G_APPLICATION (self));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gboolean
readers_too_slow (gpointer user_data)
{
  CmApplication *self = user_data;

  self->quit_deadline = 0;
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

/* Quitting does not wait for the holds the readers of portfolios take: a
 * reader cut off would leave its half-written copy behind. Each is asked
 * to stop, and quitting waits a little for them. */
static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CmApplication *self = user_data;

  if (self->quit_deadline)
    return;
  self->quit_deadline = g_timeout_add_seconds (QUIT_WAIT_SECONDS, readers_too_slow, self);
  cm_portfolio_readers_stop_all (readers_stopped, g_object_ref (self));
}

static void
cm_application_class_init (CmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cm_application_finalize;
  app_class->handle_local_options = cm_application_handle_local_options;
  app_class->startup = cm_application_startup;
  app_class->activate = cm_application_activate;
  app_class->open = cm_application_open;
}

static void
cm_application_init (CmApplication *self)
{
  static const GActionEntry actions[] = {
    { "about", about_activated },
    { "help", help_activated },
    { "import-wizard", import_wizard_activated, "(ayay)" },
    { "quit", quit_activated },
  };

  cm_command_options_add (G_APPLICATION (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  cm_deadline_notification_install (G_APPLICATION (self));
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]) { "F1", NULL });
  /* Every window of the application closes with Ctrl+W, as in GNOME's own. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

CmApplication *
cm_application_new (void)
{
  /* One instance: a second launch hands its portfolio to the first,
   * which keeps one window a portfolio. */
  return g_object_new (CM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/commissioner/Commissioner",
                       NULL);
}

GSettings *
cm_application_get_settings (CmApplication *self)
{
  return self->settings;
}

const GDate *
cm_application_get_today (CmApplication *self)
{
  return &self->today;
}
