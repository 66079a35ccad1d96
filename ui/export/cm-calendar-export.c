/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-calendar-export.c: "Export to Calendar…"
 *
 * Collecting every date of a large portfolio takes a while: it runs in a
 * worker thread on a read-only connection of its own.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "cm-calendar-export.h"
#include "cm-deadline-export.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-export-file.h"
#include "cm-portfolio-job.h"
#include "cm-portfolio-name.h"
#include "cm-safe-write.h"

typedef struct {
  char *portfolio;
  char *display_name;
  char *calendar;
  GDate today;
  GtkWindow *parent;       /* weak */
  CmStore *store;          /* weak: the window's, for the checks before writing */
  AdwToastOverlay *toasts; /* weak */
} Job;

static void
job_free (Job *job)
{
  g_free (job->portfolio);
  g_free (job->display_name);
  g_free (job->calendar);
  g_clear_weak_pointer (&job->parent);
  g_clear_weak_pointer (&job->store);
  g_clear_weak_pointer (&job->toasts);
  g_free (job);
}

static gboolean
write_calendar (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ics = NULL;
  CmDeadlineSettings settings;
  CmDeadlineExport export = { NULL };

  cm_deadline_settings_load (store, &settings);
  deadlines = cm_deadlines_collect (cm_store_list (store, CM_TYPE_CONTRACT), &job->today,
                                    &settings, &export.n_skipped);
  name = cm_portfolio_name_of_store (store);
  export.deadlines = deadlines;
  export.portfolio = name;
  export.today = &job->today;
  ics = cm_deadline_export_ics (&export);
  /* The last moment to stop: the file is left as it was. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return cm_safe_write_contents (job->calendar, ics, strlen (ics), error);
}

static void
exported (gpointer data, const GError *error)
{
  Job *job = data;

  if (job->toasts == NULL)
    ;
  else if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (job->toasts,
                                 adw_toast_new (_("Export cancelled: no calendar was written")));
  else if (error)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (job->toasts, toast);
    }
  else
    {
      g_autofree char *name = g_filename_display_basename (job->calendar);
      g_autofree char *message = g_strdup_printf (_("Deadlines exported to “%s”"), name);

      cm_export_file_announce (job->toasts, message, job->calendar, "text/calendar");
    }
  job_free (job);
}

static void
confirmed (const char *path, gpointer data)
{
  Job *job = data;

  if (path == NULL || job->toasts == NULL)
    {
      job_free (job);
      return;
    }
  job->calendar = g_strdup (path);
  cm_portfolio_job_read (job->portfolio, job->display_name, NULL, write_calendar, job,
                         exported, job);
}

static void
chosen (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file)
    path = g_file_get_path (file);
  if (path == NULL || job->toasts == NULL || job->store == NULL)
    {
      job_free (job);
      return;
    }
  cm_export_file_confirm (job->parent, job->store, path, ".ics", job->toasts, confirmed, job);
}

void
cm_calendar_export_run (GtkWindow *parent, CmStore *store, const GDate *today,
                        AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export to Calendar"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = cm_portfolio_name_of_store (store);
  /* TRANSLATORS: the file name offered for the calendar, before ".ics": the portfolio's name */
  g_autofree char *stem = g_strdup_printf (_("%s deadlines"), name);
  g_autofree char *suggested = cm_export_file_name (stem, NULL, ".ics");
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (cm_store_get_path (store));
  job->display_name = g_strdup (cm_store_get_display_name (store));
  job->today = *today;
  g_set_weak_pointer (&job->parent, parent);
  g_set_weak_pointer (&job->store, store);
  g_set_weak_pointer (&job->toasts, toasts);
  gtk_file_filter_set_name (filter, _("Calendars (iCalendar)"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
