/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cm-portfolio-job.c: work on a portfolio file in the background, on a
 * connection of its own */
#include "cm-portfolio-job.h"

typedef struct {
  GtkWindow *window;          /* weak */
  GApplication *application;  /* held while the work runs */
  AdwToast *progress;
  char *portfolio;
  char *actor;
  CmStoreOpenFlags flags;
  CmPortfolioWork work;
  CmPortfolioWorkDone done;
  gpointer data;
  GDestroyNotify free_data;
} Job;

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  if (job->free_data)
    job->free_data (job->data);
  g_clear_weak_pointer (&job->window);
  g_application_release (job->application);
  g_object_unref (job->application);
  g_clear_object (&job->progress);
  g_free (job->portfolio);
  g_free (job->actor);
  g_free (job);
}

static void
work_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(CmStore) store = cm_store_open (job->portfolio, job->flags | CM_STORE_OPEN_MUST_EXIST,
                                            &error);

  if (store)
    cm_store_set_actor (store, job->actor);
  if (store == NULL || !job->work (store, job->data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
worked (GObject *source, GAsyncResult *result, gpointer data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  adw_toast_dismiss (job->progress);
  if (job->window == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (job->window), TRUE);
  job->done (job->window, job->data, error);
}

void
cm_portfolio_job_start (GtkWindow *window, AdwToastOverlay *toasts, const char *progress,
                        CmStore *store, CmStoreOpenFlags flags, CmPortfolioWork work,
                        CmPortfolioWorkDone done, gpointer data, GDestroyNotify free_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, worked, NULL);
  Job *job = g_new0 (Job, 1);

  g_set_weak_pointer (&job->window, window);
  job->application = G_APPLICATION (g_object_ref (gtk_window_get_application (window)));
  g_application_hold (job->application);
  /* One reference for the job, one the overlay takes. */
  job->progress = g_object_ref (adw_toast_new (progress));
  adw_toast_set_timeout (job->progress, 0);
  job->portfolio = g_strdup (cm_store_get_path (store));
  job->actor = g_strdup (cm_store_get_actor (store));
  job->flags = flags;
  job->work = work;
  job->done = done;
  job->data = data;
  job->free_data = free_data;

  gtk_widget_set_sensitive (GTK_WIDGET (window), FALSE);
  adw_toast_overlay_add_toast (toasts, job->progress);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, work_in_thread);
}
