/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-job.c: work on a portfolio file in the background, on a
 * connection of its own */
#include "cm-portfolio-job.h"

typedef struct {
  char *portfolio;
  char *actor;
  CmPortfolioWork work;
  gpointer work_data;
  CmPortfolioWorkDone done;
  gpointer done_data;
} Job;

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  g_free (job->portfolio);
  g_free (job->actor);
  g_free (job);
}

static void
work_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(CmStore) store = cm_store_open (job->portfolio, CM_STORE_OPEN_MUST_EXIST, &error);

  if (store)
    cm_store_set_actor (store, job->actor);
  if (store == NULL || !job->work (store, job->work_data, &error))
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
  job->done (job->done_data, error);
}

void
cm_portfolio_job_start (const char *portfolio, const char *actor, CmPortfolioWork work,
                        gpointer work_data, CmPortfolioWorkDone done, gpointer done_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, worked, NULL);
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (portfolio);
  job->actor = g_strdup (actor);
  job->work = work;
  job->work_data = work_data;
  job->done = done;
  job->done_data = done_data;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, work_in_thread);
}
