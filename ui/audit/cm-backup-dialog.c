/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup-dialog.c: "Save a Copy…", "Restore from Backup…" and the day's
 * first backup, for the portfolio's window
 *
 * A copy and the day's first backup are made in the background, each on
 * a connection of its own; the backups to restore are listed in a window
 * of their own (cm-backup-window.h).
 */
#include <glib/gi18n.h>

#include "cm-backup.h"
#include "cm-backup-dialog.h"
#include "cm-backup-window.h"
#include "cm-portfolio-job.h"
#include "cm-portfolio-name.h"

#define SUFFIX ".commissioner"

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

/* ---- Save a Copy ------------------------------------------------------ */

/* A copy of a server's portfolio is read row by row, which takes seconds:
 * it is made in the background, on a read-only connection of its own. */
typedef struct {
  char *path;
  AdwToastOverlay *toasts;  /* weak */
  AdwToast *progress;
} SaveCopy;

static gboolean
copy_in_thread (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  SaveCopy *copy = data;

  return cm_backup_copy (store, copy->path, error);
}

static void
copy_done (gpointer data, const GError *error)
{
  SaveCopy *copy = data;
  g_autofree char *name = g_path_get_basename (copy->path);
  g_autofree char *message = g_strdup_printf (_("Saved a copy as “%s”"), name);

  adw_toast_dismiss (copy->progress);
  show_toast (copy->toasts, error ? error->message : message, error != NULL);
  g_object_unref (copy->progress);
  g_clear_weak_pointer (&copy->toasts);
  g_free (copy->path);
  g_free (copy);
}

static void
save_copy (CmStore *store, char *path, AdwToastOverlay *toasts)
{
  SaveCopy *copy = g_new0 (SaveCopy, 1);

  copy->path = path;
  g_set_weak_pointer (&copy->toasts, toasts);
  copy->progress = g_object_ref (adw_toast_new (_("Saving a copy…")));
  adw_toast_set_timeout (copy->progress, 0);
  adw_toast_overlay_add_toast (toasts, copy->progress);
  cm_portfolio_job_read (cm_store_get_path (store), cm_store_get_display_name (store), NULL,
                         copy_in_thread, copy, copy_done, copy);
}

static void
copy_chosen (GtkNativeDialog *chooser, int response, CmStore *store)
{
  AdwToastOverlay *toasts = g_object_get_data (G_OBJECT (chooser), "toasts");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file && (path = g_file_get_path (file)))
    {
      if (!g_str_has_suffix (path, SUFFIX))
        {
          char *named = g_strconcat (path, SUFFIX, NULL);

          g_free (path);
          path = named;
        }
      save_copy (store, g_steal_pointer (&path), toasts);
    }
  g_object_unref (store);
  g_object_unref (chooser);
}

void
cm_backup_dialog_save_copy (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  name = cm_portfolio_name_of_store (store);
  /* TRANSLATORS: the suggested file name of a copy of a portfolio */
  suggested = g_strdup_printf (_("%s copy.commissioner"), name);
  gtk_file_filter_set_name (filter, _("Commissioner portfolios"));
  gtk_file_filter_add_pattern (filter, "*" SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "toasts", g_object_ref (toasts), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (copy_chosen), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Restore from Backup ---------------------------------------------- */

void
cm_backup_dialog_restore (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = cm_backup_list (cm_store_get_path (store), &error);

  if (backups == NULL)
    {
      show_toast (toasts, error->message, TRUE);
      return;
    }
  gtk_window_present (GTK_WINDOW (cm_backup_window_new (parent, store, backups)));
}

/* ---- the day's first backup ------------------------------------------- */

/* The copy reads the whole file (tens of megabytes on a large portfolio)
 * and waits for the disk: it is made in the background, on a read-only
 * connection of its own, so the window answers meanwhile. */
typedef struct {
  AdwToastOverlay *toasts;  /* weak */
} Daily;

static gboolean
daily_in_thread (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* Stopped when the file is about to be replaced, or on quitting. */
  return cm_backup_daily (store, now, cancellable, NULL, error);
}

static void
daily_done (gpointer data, const GError *error)
{
  Daily *daily = data;

  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (daily->toasts, error->message, TRUE);
  g_clear_weak_pointer (&daily->toasts);
  g_free (daily);
}

void
cm_backup_dialog_take_daily (CmStore *store, AdwToastOverlay *toasts)
{
  Daily *daily;

  /* A server keeps its own backups: no connection is needed to skip. */
  if (cm_backup_kept_by_server (cm_store_get_path (store), NULL))
    return;
  daily = g_new0 (Daily, 1);
  g_set_weak_pointer (&daily->toasts, toasts);
  cm_portfolio_job_read (cm_store_get_path (store), cm_store_get_display_name (store), NULL,
                         daily_in_thread, daily, daily_done, daily);
}
