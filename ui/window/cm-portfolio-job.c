/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-job.c: work on a portfolio file in the background, on a
 * connection of its own */
#include <gio/gio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cm-portfolio-job.h"

typedef struct {
  char *portfolio;
  char *actor;
  CmPortfolioWork work;
  CmPortfolioRead read;
  gpointer work_data;
  CmPortfolioWorkDone done;
  gpointer done_data;
  CmPortfolioReader *reader;
  GCancellable *cancellable;
} Job;

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  g_free (job->portfolio);
  g_free (job->actor);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static CmStore *
open_for (Job *job, GError **error)
{
  CmStoreOpenFlags flags = CM_STORE_OPEN_MUST_EXIST;
  CmStore *store;

  /* A reader reads a file the window has open, and checked as it opened it. */
  if (job->read)
    flags |= CM_STORE_OPEN_READ_ONLY | CM_STORE_OPEN_CHECKED;
  store = cm_store_open (job->portfolio, flags, error);
  if (store)
    cm_store_set_actor (store, job->actor);
  return store;
}

static void
work_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(CmStore) store = NULL;
  gboolean worked;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  store = open_for (job, &error);
  if (store == NULL)
    worked = FALSE;
  else if (job->read)
    worked = job->read (store, job->work_data, job->cancellable, &error);
  else
    worked = job->work (store, job->work_data, &error);
  /* The connection closes here, in the thread, before the reader ends. */
  g_clear_object (&store);
#ifdef __GLIBC__
  /* The records read are freed, but the C library keeps the memory they
   * took (hundreds of megabytes at 100,000 contracts) unless asked. */
  malloc_trim (0);
#endif
  if (worked)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
worked (GObject *source, GAsyncResult *result, gpointer data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (job->reader)
    cm_portfolio_reader_end (g_steal_pointer (&job->reader));
  job->done (job->done_data, error);
}

static void
run (Job *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, worked, NULL);

  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, work_in_thread);
}

void
cm_portfolio_job_start (const char *portfolio, const char *actor, CmPortfolioWork work,
                        gpointer work_data, CmPortfolioWorkDone done, gpointer done_data)
{
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (portfolio);
  job->actor = g_strdup (actor);
  job->work = work;
  job->work_data = work_data;
  job->done = done;
  job->done_data = done_data;
  run (job);
}

void
cm_portfolio_job_read (const char *portfolio, const char *actor, GCancellable *cancellable,
                       CmPortfolioRead read, gpointer read_data, CmPortfolioWorkDone done,
                       gpointer done_data)
{
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (portfolio);
  job->actor = g_strdup (actor);
  job->read = read;
  job->work_data = read_data;
  job->done = done;
  job->done_data = done_data;
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->reader = cm_portfolio_reader_begin (portfolio, job->cancellable);
  run (job);
}

/* ---- the readers of each portfolio, on the main loop --------------------- */

struct _CmPortfolioReader {
  char *portfolio;  /* canonical */
  GCancellable *cancellable;
  GApplication *application;  /* held, or NULL */
};

typedef struct {
  char *portfolio;  /* canonical, or NULL for every portfolio */
  GSourceFunc then;
  gpointer data;
} Waiter;

static GList *readers;  /* CmPortfolioReader */
static GList *waiters;  /* Waiter */

CmPortfolioReader *
cm_portfolio_reader_begin (const char *portfolio, GCancellable *cancellable)
{
  CmPortfolioReader *reader = g_new0 (CmPortfolioReader, 1);
  GApplication *application = g_application_get_default ();

  reader->portfolio = g_canonicalize_filename (portfolio, NULL);
  reader->cancellable = g_object_ref (cancellable);
  /* Quitting waits for the reader: an export is not left half-written. */
  if (application)
    {
      reader->application = g_object_ref (application);
      g_application_hold (application);
    }
  readers = g_list_prepend (readers, reader);
  return reader;
}

guint
cm_portfolio_readers_count (const char *portfolio)
{
  g_autofree char *canonical = g_canonicalize_filename (portfolio, NULL);
  guint count = 0;

  for (GList *l = readers; l; l = l->next)
    if (g_str_equal (((CmPortfolioReader *) l->data)->portfolio, canonical))
      count++;
  return count;
}

/* The waiters whose portfolio no reader reads any more, in the order they came. */
static void
wake_waiters (void)
{
  GList *l = waiters;

  while (l)
    {
      Waiter *waiter = l->data;
      GList *next = l->next;

      if (waiter->portfolio ? cm_portfolio_readers_count (waiter->portfolio) == 0
                            : readers == NULL)
        {
          waiters = g_list_delete_link (waiters, l);
          g_idle_add (waiter->then, waiter->data);
          g_free (waiter->portfolio);
          g_free (waiter);
        }
      l = next;
    }
}

void
cm_portfolio_reader_end (CmPortfolioReader *reader)
{
  readers = g_list_remove (readers, reader);
  if (reader->application)
    {
      g_application_release (reader->application);
      g_object_unref (reader->application);
    }
  g_object_unref (reader->cancellable);
  g_free (reader->portfolio);
  g_free (reader);
  wake_waiters ();
}

/* Cancels the readers of @canonical (of every portfolio when NULL), then
 * calls @then once none is left. */
static void
stop_readers (const char *canonical, GSourceFunc then, gpointer data)
{
  Waiter *waiter = g_new0 (Waiter, 1);

  waiter->portfolio = g_strdup (canonical);
  waiter->then = then;
  waiter->data = data;
  waiters = g_list_append (waiters, waiter);
  /* Cancelling may end a reader at once: the list is copied first. */
  {
    g_autoptr(GList) running = g_list_copy (readers);

    for (GList *l = running; l; l = l->next)
      {
        CmPortfolioReader *reader = l->data;

        if (canonical == NULL || g_str_equal (reader->portfolio, canonical))
          g_cancellable_cancel (reader->cancellable);
      }
  }
  wake_waiters ();
}

void
cm_portfolio_readers_stop (const char *portfolio, GSourceFunc then, gpointer data)
{
  g_autofree char *canonical = g_canonicalize_filename (portfolio, NULL);

  stop_readers (canonical, then, data);
}

void
cm_portfolio_readers_stop_all (GSourceFunc then, gpointer data)
{
  stop_readers (NULL, then, data);
}
