/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup-dialog.c: "Save a Copy…", "Restore from Backup…" and the day's
 * first backup, for the portfolio's window
 *
 * Copies come from the window's own connection to the portfolio; the
 * backups to restore are listed in a window of their own
 * (cm-backup-window.h).
 */
#include <glib/gi18n.h>

#include "cm-backup.h"
#include "cm-backup-dialog.h"
#include "cm-backup-window.h"
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
