/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-job.c: drawing a report in the background, with a progress
 * toast that can cancel it */
#include <glib/gi18n.h>

#include "cm-portfolio-job.h"
#include "cm-report-job.h"

typedef struct {
  char *kind;
  char *pdf;          /* NULL: lay out for printing */
  GDate today;
  AdwToast *progress;
  CmReportPages *pages; /* counted, for printing */
  CmReportJobDone done;
  gpointer data;
  GDestroyNotify destroy;
} Job;

static void
job_free (Job *job)
{
  g_free (job->kind);
  g_free (job->pdf);
  g_clear_object (&job->progress);
  g_clear_pointer (&job->pages, cm_report_pages_free);
  if (job->destroy)
    job->destroy (job->data);
  g_free (job);
}

static gboolean
draw_in_thread (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;

  if (job->pdf)
    return cm_report_write_cancellable (store, job->kind, job->pdf, &job->today, cancellable,
                                        error);
  /* A printer's dialog needs the count; the pages come as it prints. */
  job->pages = cm_report_pages_new ();
  cm_report_pages_set_count_only (job->pages);
  return cm_report_lay_out_into (store, job->kind, &job->today, job->pages, cancellable, error);
}

static void
drawn (gpointer data, const GError *error)
{
  Job *job = data;

  adw_toast_dismiss (job->progress);
  job->done (error ? NULL : g_steal_pointer (&job->pages), error, job->data);
  job_free (job);
}

void
cm_report_job_start (CmStore *store, const char *kind, const GDate *today, const char *pdf,
                     const char *what, AdwToastOverlay *toasts, CmReportJobDone done,
                     gpointer data, GDestroyNotify destroy)
{
  /* TRANSLATORS: while a report is drawn, before it is printed or saved */
  g_autofree char *message = g_strdup_printf (_("Preparing “%s”…"), what);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Job *job = g_new0 (Job, 1);

  job->kind = g_strdup (kind);
  job->pdf = g_strdup (pdf);
  job->today = *today;
  job->done = done;
  job->data = data;
  job->destroy = destroy;
  job->progress = g_object_ref (adw_toast_new (message));
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_set_button_label (job->progress, _("_Cancel"));
  /* The toast may outlive the job: the handler goes with the cancellable. */
  g_signal_connect_object (job->progress, "button-clicked", G_CALLBACK (g_cancellable_cancel),
                           cancellable, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (toasts, job->progress);
  cm_portfolio_job_read (cm_store_get_path (store), cm_store_get_display_name (store),
                         cancellable, draw_in_thread, job, drawn, job);
}
