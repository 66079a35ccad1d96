/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-job.c: drawing a report in the background, with a progress
 * toast that can cancel it */
#include <glib/gi18n.h>

#include "cm-report-job.h"

typedef struct {
  char *portfolio;
  char *display_name;
  char *kind;
  char *pdf;          /* NULL: lay out for printing */
  GDate today;
  AdwToast *progress;
  GCancellable *cancellable;
  CmReportJobDone done;
  gpointer data;
  GDestroyNotify destroy;
} Job;

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  g_free (job->portfolio);
  g_free (job->display_name);
  g_free (job->kind);
  g_free (job->pdf);
  g_clear_object (&job->progress);
  g_clear_object (&job->cancellable);
  if (job->destroy)
    job->destroy (job->data);
  g_free (job);
}

static void
draw_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(CmStore) store = cm_store_open (job->portfolio,
                                            CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY,
                                            &error);
  CmReportPages *pages = NULL;

  if (store)
    cm_store_set_actor (store, job->display_name);
  if (store && job->pdf)
    {
      if (cm_report_write_cancellable (store, job->kind, job->pdf, &job->today,
                                       job->cancellable, &error))
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }
    }
  else if (store)
    {
      /* A printer's dialog needs the count; the pages come as it prints. */
      pages = cm_report_pages_new ();
      cm_report_pages_set_count_only (pages);
      if (!cm_report_lay_out_into (store, job->kind, &job->today, pages, job->cancellable,
                                   &error))
        g_clear_pointer (&pages, cm_report_pages_free);
    }
  if (pages)
    g_task_return_pointer (task, pages, (GDestroyNotify) cm_report_pages_free);
  else
    g_task_return_error (task, error);
}

static void
drawn (GObject *source, GAsyncResult *result, gpointer data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CmReportPages *pages = g_task_propagate_pointer (G_TASK (result), &error);

  adw_toast_dismiss (job->progress);
  job->done (pages, error, job->data);
}

void
cm_report_job_start (CmStore *store, const char *kind, const GDate *today, const char *pdf,
                     const char *what, AdwToastOverlay *toasts, CmReportJobDone done,
                     gpointer data, GDestroyNotify destroy)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, drawn, NULL);
  /* TRANSLATORS: while a report is drawn, before it is printed or saved */
  g_autofree char *message = g_strdup_printf (_("Preparing “%s”…"), what);
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (cm_store_get_path (store));
  job->display_name = g_strdup (cm_store_get_display_name (store));
  job->kind = g_strdup (kind);
  job->pdf = g_strdup (pdf);
  job->today = *today;
  job->done = done;
  job->data = data;
  job->destroy = destroy;
  job->cancellable = g_cancellable_new ();
  job->progress = g_object_ref (adw_toast_new (message));
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_set_button_label (job->progress, _("_Cancel"));
  g_signal_connect_swapped (job->progress, "button-clicked", G_CALLBACK (g_cancellable_cancel),
                            job->cancellable);
  adw_toast_overlay_add_toast (toasts, job->progress);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, draw_in_thread);
}
