/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-application.c: the application, its command line and its settings */
#include <glib/gi18n.h>

#include "cm-application.h"
#include "cm-command-line.h"
#include "cm-command-ocds.h"
#include "cm-date.h"
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

static const GOptionEntry options[] = {
  { "portfolio", 'p', 0, G_OPTION_ARG_FILENAME, NULL, N_("The portfolio file to use"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo portfolio"), NULL },
  { "import-wizard", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the portfolio's window on the import of the CSV, XLSX or ODS file FILE"), N_("FILE") },
  { "create-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the demo portfolio to FILE and exit"), N_("FILE") },
  { "setup-server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set up the roles and rights of the portfolio in the PostgreSQL database URI, "
       "and exit"), N_("URI") },
  { "verify-audit", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the audit trail of the portfolio and exit"), NULL },
  { "expect-head", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --verify-audit, also check that the trail still holds this earlier head"),
    N_("SEQ:HASH") },
  { "expect-head-from", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --verify-audit, also check the head on the Read me sheet of an exported workbook"),
    N_("FILE") },
  { "audit-head", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the head of the portfolio's audit trail (SEQ:HASH), to keep elsewhere, and exit"),
    NULL },
  { "deadlines", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print every upcoming contract date of the portfolio, most urgent first, and exit"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output of --deadlines: text, csv, ics (a calendar) or json"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --deadlines, write to FILE instead of printing; with --report, the PDF to write"),
    N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the report KIND as a PDF to the --output file and exit: six-monthly, "
       "community-committees, deadlines, decommission:SERVICE or eia:SERVICE, with the "
       "service's exact name"), N_("KIND") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the portfolio to the Excel workbook FILE and exit"), N_("FILE") },
  { "export-transparency", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the Transparency Code contracts register to the CSV file FILE and exit"),
    N_("FILE") },
  { "quarter", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-transparency, the quarter of the financial year the "
       "Transparency register lists (Q1 is April to June); by default the quarter containing "
       "today"), N_("YYYY-Qn") },
  { "year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export, the financial year of the Spend summary, by the year it starts in "
       "(2026 is April 2026 to March 2027); by default the year containing today"),
    N_("YYYY") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the contracts register FILE (CSV, XLSX or ODS) into the portfolio and exit"),
    N_("FILE") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The sheet of the XLSX file to import"),
    N_("NAME") },
  { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What --import does with a reference already in the portfolio: update or skip"),
    N_("CHOICE") },
  { "report-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --import or --import-ocds, write the whole report to FILE: every row the "
       "messages name only the first few of"), N_("FILE") },
  { "undo-import", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Undo the portfolio's last import, if nothing it wrote has changed since, and exit"),
    NULL },
  /* Read before the options are parsed (see local_command_line ()): the
   * entry is here for --help. */
  { "copy-portfolio", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the portfolio FROM (a file or a PostgreSQL URI) with its whole audit trail to "
       "TO, a new file or an empty database, and exit"), N_("FROM TO") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a copy of the portfolio to FILE and exit"), N_("FILE") },
  { "list-backups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the backups kept of the portfolio and exit"), NULL },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Put the backup FILE in place of the portfolio, backing up its current state first, "
       "and exit"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The date to treat as today, for statuses and the demo"), N_("YYYY-MM-DD") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "export-ocds", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the portfolio's contracts to FILE as an OCDS 1.1 release package and exit"),
    N_("FILE") },
  { "import-ocds", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the OCDS release or record package FILE into the portfolio and exit"),
    N_("FILE") },
  { "set-ocds-prefix", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set the portfolio's registered OCDS prefix (ocds- and six characters) and exit"),
    N_("PREFIX") },
  { NULL }
};

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

static gboolean
parse_today (CmApplication *self, GVariantDict *dict)
{
  const char *text = NULL;

  if (!g_variant_dict_lookup (dict, "today", "&s", &text))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      return TRUE;
    }
  if (cm_date_parse_iso (text, &self->today))
    return TRUE;
  g_printerr (_("--today %s is not a date. Write it as YYYY-MM-DD.\n"), text);
  return FALSE;
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

/* Headless commands run here, before the application registers or opens
 * a display, so they work on a machine with no screen. */
static int
cm_application_handle_local_options (GApplication *app, GVariantDict *dict)
{
  CmApplication *self = CM_APPLICATION (app);
  const char *create_demo = NULL;
  const char *file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("commissioner %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (!parse_today (self, dict))
    return 2;
  g_variant_dict_lookup (dict, "portfolio", "^ay", &self->portfolio);
  g_variant_dict_lookup (dict, "import-wizard", "^ay", &self->import_wizard);
  if (g_variant_dict_lookup (dict, "create-demo", "^&ay", &create_demo))
    return cm_command_create_demo (create_demo, &self->today);
  if (g_variant_dict_lookup (dict, "setup-server", "&s", &file))
    return cm_command_setup_server (file);
  if (g_variant_dict_contains (dict, "verify-audit"))
    {
      const char *head = NULL, *head_from = NULL;

      g_variant_dict_lookup (dict, "expect-head", "&s", &head);
      g_variant_dict_lookup (dict, "expect-head-from", "^&ay", &head_from);
      return cm_command_verify_audit (self->portfolio, head, head_from);
    }
  if (g_variant_dict_contains (dict, "audit-head"))
    return cm_command_audit_head (self->portfolio);
  if (g_variant_dict_lookup (dict, "export", "^&ay", &file) ||
      g_variant_dict_lookup (dict, "export-transparency", "^&ay", &file))
    {
      const char *quarter = NULL, *year = NULL;

      g_variant_dict_lookup (dict, "quarter", "&s", &quarter);
      g_variant_dict_lookup (dict, "year", "&s", &year);
      return cm_command_export (self->portfolio, file, &self->today,
                                !g_variant_dict_contains (dict, "export"), quarter, year);
    }
  if (g_variant_dict_lookup (dict, "import", "^&ay", &file))
    {
      const char *sheet = NULL, *on_duplicate = NULL, *report_file = NULL;

      g_variant_dict_lookup (dict, "sheet", "&s", &sheet);
      g_variant_dict_lookup (dict, "on-duplicate", "&s", &on_duplicate);
      g_variant_dict_lookup (dict, "report-file", "^&ay", &report_file);
      return cm_command_import (self->portfolio, file, sheet, on_duplicate, report_file);
    }
  if (g_variant_dict_contains (dict, "undo-import"))
    return cm_command_undo_import (self->portfolio);
  if (g_variant_dict_lookup (dict, "backup", "^&ay", &file))
    return cm_command_backup (self->portfolio, file);
  if (g_variant_dict_contains (dict, "list-backups"))
    return cm_command_list_backups (self->portfolio);
  if (g_variant_dict_lookup (dict, "restore", "^&ay", &file))
    return cm_command_restore (self->portfolio, file);
  if (g_variant_dict_contains (dict, "deadlines"))
    {
      const char *format = "text", *output = NULL;

      g_variant_dict_lookup (dict, "format", "&s", &format);
      g_variant_dict_lookup (dict, "output", "^&ay", &output);
      return cm_command_deadlines (self->portfolio, &self->today, format, output);
    }
  if (g_variant_dict_lookup (dict, "report", "&s", &file))
    {
      const char *output = NULL;

      g_variant_dict_lookup (dict, "output", "^&ay", &output);
      return cm_command_report (self->portfolio, file, output, &self->today);
    }
  if (g_variant_dict_lookup (dict, "export-ocds", "^&ay", &file))
    return cm_command_export_ocds (self->portfolio, file, &self->today);
  if (g_variant_dict_lookup (dict, "import-ocds", "^&ay", &file))
    {
      const char *on_duplicate = NULL, *report_file = NULL;

      g_variant_dict_lookup (dict, "on-duplicate", "&s", &on_duplicate);
      g_variant_dict_lookup (dict, "report-file", "^&ay", &report_file);
      return cm_command_import_ocds (self->portfolio, file, on_duplicate, report_file);
    }
  if (g_variant_dict_lookup (dict, "set-ocds-prefix", "&s", &file))
    return cm_command_set_ocds_prefix (self->portfolio, file);
  if (g_variant_dict_contains (dict, "demo"))
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

/* --copy-portfolio takes two values, which GOption does not do: it is
 * read here, before the options are parsed. */
static gboolean
cm_application_local_command_line (GApplication *app, char ***arguments, int *exit_status)
{
  char **argv = *arguments;

  for (int i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--copy-portfolio"))
        {
          const char *from = argv[i + 1];

          /* It does nothing else: anything more was meant for something else. */
          if (g_strv_length (argv) > 4)
            {
              g_printerr (_("--copy-portfolio takes only the portfolio to copy and where to copy "
                            "it, with no other options or arguments. Run it on its own.\n"));
              *exit_status = 2;
              return TRUE;
            }
          *exit_status = cm_command_copy_portfolio (from, from ? argv[i + 2] : NULL);
          return TRUE;
        }
    }
  return G_APPLICATION_CLASS (cm_application_parent_class)->local_command_line (app, arguments,
                                                                                exit_status);
}

static void
cm_application_class_init (CmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cm_application_finalize;
  app_class->local_command_line = cm_application_local_command_line;
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

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Opens each portfolio FILE named; without one, the last portfolio used, or a welcome "
      "page on the first run."));
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
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
