/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup-dialog.c: "Save a Copy…", "Restore from Backup…" and the day's
 * first backup, for the portfolio's window
 *
 * Copies come from the window's own connection to the portfolio. A
 * restore lets the window close the portfolio and runs in the background
 * on a connection of its own, then the window opens the portfolio again.
 */
#include <glib/gi18n.h>

#include "cm-backup.h"
#include "cm-backup-dialog.h"
#include "cm-page-parts.h"
#include "cm-window.h"

#define SUFFIX ".commissioner"

typedef struct {
  char *path;   /* the backup to restore */
  char *when;   /* when it was taken, for people */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->when);
  g_free (job);
}

static void
show_toast (AdwToastOverlay *toasts, const char *message, gboolean stays)
{
  AdwToast *toast;

  if (toasts == NULL)
    return;
  toast = adw_toast_new (message);
  if (stays)
    adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

static char *
portfolio_name (CmStore *store)
{
  g_autofree char *name = cm_store_get_meta (store, "name");

  return name && *name ? g_steal_pointer (&name) : g_path_get_basename (cm_store_get_path (store));
}

/* ---- Save a Copy ------------------------------------------------------ */

static void
copy_chosen (GtkNativeDialog *chooser, int response, CmStore *store)
{
  AdwToastOverlay *toasts = g_object_get_data (G_OBJECT (chooser), "toasts");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file && (path = g_file_get_path (file)))
    {
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (!g_str_has_suffix (path, SUFFIX))
        {
          char *named = g_strconcat (path, SUFFIX, NULL);

          g_free (path);
          path = named;
        }
      name = g_path_get_basename (path);
      message = g_strdup_printf (_("Saved a copy as “%s”"), name);
      if (cm_backup_copy (store, path, &error))
        show_toast (toasts, message, FALSE);
      else
        show_toast (toasts, error->message, TRUE);
    }
  g_object_unref (store);
  g_object_unref (chooser);
}

void
cm_backup_dialog_save_copy (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save a Copy"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = portfolio_name (store);
  /* TRANSLATORS: the suggested file name of a copy of a portfolio */
  g_autofree char *suggested = g_strdup_printf (_("%s copy.commissioner"), name);

  gtk_file_filter_set_name (filter, _("Commissioner portfolios"));
  gtk_file_filter_add_pattern (filter, "*" SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "toasts", g_object_ref (toasts), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (copy_chosen), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Restore from Backup ---------------------------------------------- */

static char *
format_taken (CmBackup *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (backup->taken);

  /* TRANSLATORS: when a backup was taken, as in "3 March 2026, 10:15";
   * see the strftime-like codes of g_date_time_format () */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* "Before an import · 120 contracts, 40 services, 30 providers" */
static char *
describe_backup (CmBackup *backup)
{
  g_autofree char *contracts = NULL;
  g_autofree char *services = NULL;
  g_autofree char *providers = NULL;

  if (backup->contracts < 0)
    /* TRANSLATORS: why a backup was taken, then that it cannot be read */
    return g_strdup_printf (_("%s · cannot be read"), cm_backup_reason_label (backup->reason));
  contracts = g_strdup_printf (ngettext ("%d contract", "%d contracts", backup->contracts),
                               (int) backup->contracts);
  services = g_strdup_printf (ngettext ("%d service", "%d services", backup->services),
                              (int) backup->services);
  providers = g_strdup_printf (ngettext ("%d provider", "%d providers", backup->providers),
                               (int) backup->providers);
  /* TRANSLATORS: why a backup was taken, then what it holds */
  return g_strdup_printf (_("%s · %s, %s, %s"), cm_backup_reason_label (backup->reason),
                          contracts, services, providers);
}

static void
restored (CmWindow *window, gpointer data, const GError *error)
{
  Job *job = data;
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  if (window && error == NULL)
    {
      message = g_strdup_printf (_("Restored the backup of %s"), job->when);
      cm_window_show_message (window, message);
    }
  else if (window)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The Backup Was Not Restored"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  job_free (job);
}

static gboolean
restore_work (CmStore *store, gpointer data, GError **error)
{
  return cm_backup_restore (store, ((Job *) data)->path, error);
}

static void
restore_answered (AdwMessageDialog *question, const char *response)
{
  GtkWindow *list = gtk_window_get_transient_for (GTK_WINDOW (question));
  GtkWindow *window = list ? gtk_window_get_transient_for (list) : NULL;
  const char *when = g_object_get_data (G_OBJECT (question), "when");
  g_autofree char *message = g_strdup_printf (_("Restoring the backup of %s…"), when);
  Job *job;

  if (!g_str_equal (response, "accept") || !CM_IS_WINDOW (window))
    return;
  job = g_new0 (Job, 1);
  job->path = g_strdup (g_object_get_data (G_OBJECT (question), "path"));
  job->when = g_strdup (when);
  /* The list closes with the portfolio's other windows. */
  cm_window_work_on_portfolio (CM_WINDOW (window), message, restore_work, restored, job);
}

static void
restore_clicked (GtkWidget *button)
{
  GtkWindow *list = GTK_WINDOW (gtk_widget_get_root (button));
  CmStore *store = g_object_get_data (G_OBJECT (list), "store");
  const char *when = g_object_get_data (G_OBJECT (button), "when");
  g_autofree char *name = portfolio_name (store);
  g_autofree char *body = g_strdup_printf (
    _("“%s” will be put back as it was on %s: %s.\n\nIts state now is backed up first, so "
      "restoring that backup takes this back."),
    name, when, (const char *) g_object_get_data (G_OBJECT (button), "what"));
  GtkWidget *question = adw_message_dialog_new (list, _("Restore This Backup?"), body);

  cm_page_offer_answers (ADW_MESSAGE_DIALOG (question), _("_Restore"),
                         ADW_RESPONSE_DESTRUCTIVE);
  /* Replacing the portfolio is never what Enter alone does. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_object_set_data_full (G_OBJECT (question), "path",
                          g_strdup (g_object_get_data (G_OBJECT (button), "path")), g_free);
  g_object_set_data_full (G_OBJECT (question), "when", g_strdup (when), g_free);
  g_signal_connect (question, "response", G_CALLBACK (restore_answered), NULL);
  gtk_window_present (GTK_WINDOW (question));
}

static GtkWidget *
backup_row (CmBackup *backup)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Restore…"));
  g_autofree char *when = format_taken (backup);
  g_autofree char *what = describe_backup (backup);
  /* TRANSLATORS: the button of one backup, for screen readers: when it
   * was taken, then why, as backups in the same minute are told apart */
  g_autofree char *accessible = g_strdup_printf (_("Restore the backup of %s (%s)"), when,
                                                 cm_backup_reason_label (backup->reason));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (backup->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "when", g_steal_pointer (&when), g_free);
  g_object_set_data_full (G_OBJECT (button), "what", g_steal_pointer (&what), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  /* The row labels its button with its title, which GTK would add to our
   * label, saying the date twice; its subtitle still describes it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static GtkWidget *
backups_group (CmStore *store, GPtrArray *backups)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *name = portfolio_name (store);
  g_autofree char *title = g_strdup_printf (_("Backups of “%s”"), name);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _("Taken before each import, restore, undone import and update to a new version, and on "
      "the first opening of each day. The newest ten are kept, and the newest of each of the "
      "last twelve months."));
  for (guint i = 0; i < backups->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               backup_row (g_ptr_array_index (backups, i)));
  if (backups->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               cm_page_text_row (_("No backups yet"),
                                                 _("The first is taken when the portfolio is "
                                                   "next opened, or before its next import."),
                                                 NULL));
  return group;
}

void
cm_backup_dialog_restore (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = cm_backup_list (cm_store_get_path (store), &error);
  GtkWidget *window;
  GtkWidget *page;

  if (backups == NULL)
    {
      show_toast (toasts, error->message, TRUE);
      return;
    }
  window = adw_preferences_window_new ();
  page = adw_preferences_page_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Restore from Backup"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (backups_group (store, backups)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  g_object_set_data_full (G_OBJECT (window), "store", g_object_ref (store), g_object_unref);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- the day's first backup ------------------------------------------- */

typedef struct {
  CmStore *store;
  AdwToastOverlay *toasts;  /* weak */
} Daily;

/* From the window's own connection, once the window is up. */
static gboolean
take_daily (gpointer data)
{
  Daily *daily = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!cm_backup_daily (daily->store, now, NULL, &error))
    show_toast (daily->toasts, error->message, TRUE);
  g_object_unref (daily->store);
  g_clear_weak_pointer (&daily->toasts);
  g_free (daily);
  return G_SOURCE_REMOVE;
}

void
cm_backup_dialog_take_daily (CmStore *store, AdwToastOverlay *toasts)
{
  Daily *daily = g_new0 (Daily, 1);

  daily->store = g_object_ref (store);
  g_set_weak_pointer (&daily->toasts, toasts);
  g_idle_add_full (G_PRIORITY_LOW, take_daily, daily, NULL);
}
