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
#include "cm-safe-write.h"

typedef struct {
  char *portfolio;
  char *calendar;
  GDate today;
  AdwToastOverlay *toasts; /* weak */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->portfolio);
  g_free (job->calendar);
  g_clear_weak_pointer (&job->toasts);
  g_free (job);
}

/* The portfolio's name, or its file's where none is recorded. */
static char *
portfolio_name (CmStore *store)
{
  g_autofree char *name = cm_store_get_meta (store, "name");

  return name && *name ? g_steal_pointer (&name)
                       : g_path_get_basename (cm_store_get_path (store));
}

static gboolean
write_calendar (Job *job, GError **error)
{
  g_autoptr(CmStore) store = cm_store_open (job->portfolio,
                                            CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY,
                                            error);
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ics = NULL;
  CmDeadlineSettings settings;
  CmDeadlineExport export = { NULL };

  if (store == NULL)
    return FALSE;
  cm_deadline_settings_load (store, &settings);
  deadlines = cm_deadlines_collect (cm_store_list (store, CM_TYPE_CONTRACT), &job->today,
                                    &settings, &export.n_skipped);
  name = portfolio_name (store);
  export.deadlines = deadlines;
  export.portfolio = name;
  export.today = &job->today;
  ics = cm_deadline_export_ics (&export);
  return cm_safe_write_contents (job->calendar, ics, strlen (ics), error);
}

static void
export_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_calendar (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
open_calendar (AdwToast *toast)
{
  g_app_info_launch_default_for_uri (g_object_get_data (G_OBJECT (toast), "uri"), NULL, NULL);
}

static void
exported (GObject *source, GAsyncResult *result, gpointer data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->calendar);
  AdwToast *toast;

  if (job->toasts == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Deadlines exported to “%s”"), name);

      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri",
                              g_filename_to_uri (job->calendar, NULL, NULL), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (open_calendar), NULL);
    }
  adw_toast_overlay_add_toast (job->toasts, toast);
}

static void
chosen (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || job->toasts == NULL)
    {
      job_free (job);
      return;
    }
  job->calendar = g_file_get_path (file);
  if (!g_str_has_suffix (job->calendar, ".ics"))
    {
      char *named = g_strconcat (job->calendar, ".ics", NULL);

      g_free (job->calendar);
      job->calendar = named;
    }
  task = g_task_new (NULL, NULL, exported, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, export_in_thread);
}

void
cm_calendar_export_run (GtkWindow *parent, CmStore *store, const GDate *today,
                        AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export to Calendar"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = portfolio_name (store);
  /* TRANSLATORS: the file name offered for the calendar: the portfolio's name */
  g_autofree char *suggested = g_strdup_printf (_("%s deadlines.ics"), name);
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (cm_store_get_path (store));
  job->today = *today;
  g_set_weak_pointer (&job->toasts, toasts);
  gtk_file_filter_set_name (filter, _("Calendars (iCalendar)"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     g_strdelimit (suggested, "/\\:", '-'));
  g_signal_connect (chooser, "response", G_CALLBACK (chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
