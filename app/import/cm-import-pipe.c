/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-pipe.c: rows planned in one thread, written in another */
#include "cm-import-pipe.h"

/* Rows a batch holds: enough that handing one over costs nothing beside
 * writing it, few enough that the writer starts at once. */
#define BATCH_ROWS 64
/* Batches out at a time: one being filled, one being written, and two
 * to spare for the side that runs ahead. */
#define N_BATCHES 4

typedef struct {
  guint n_rows;
  guchar *rows;
} Batch;

struct _CmImportPipe
{
  gsize row_size;
  CmImportPipeWrite write;
  gpointer user_data;
  GDestroyNotify clear;
  guint batch_rows;     /* BATCH_ROWS, or 1 without a thread */
  guint max_batches;    /* N_BATCHES, or 1 without a thread */
  GThread *thread;      /* the writer, or NULL to write in the calling thread */
  GAsyncQueue *full;    /* batches to write; the pipe itself after the last */
  GAsyncQueue *empty;   /* batches written, to fill again */
  GPtrArray *batches;   /* every batch, for freeing */
  Batch *filling;       /* the batch rows are handed into, or NULL */
  CmImportPipeWritten written;
  GMutex lock;          /* for rows_written */
  GCond rows_done;
  gboolean rows_written; /* the last row is, by the writing thread */
  gboolean closed;      /* no more rows come */
  gboolean finished;    /* and every row is written */
};

static gpointer
write_batches (gpointer data)
{
  CmImportPipe *pipe = data;
  gpointer next;

  while ((next = g_async_queue_pop (pipe->full)) != pipe)
    {
      Batch *batch = next;

      pipe->write (batch->rows, batch->n_rows, pipe->user_data);
      batch->n_rows = 0;
      g_async_queue_push (pipe->empty, batch);
    }
  g_mutex_lock (&pipe->lock);
  pipe->rows_written = TRUE;
  g_cond_signal (&pipe->rows_done);
  g_mutex_unlock (&pipe->lock);
  if (pipe->written)
    pipe->written (pipe->user_data);
  return NULL;
}

static Batch *
batch_new (CmImportPipe *pipe)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->rows = g_malloc0 (pipe->row_size * pipe->batch_rows);
  g_ptr_array_add (pipe->batches, batch);
  return batch;
}

static void
batch_free (CmImportPipe *pipe, Batch *batch)
{
  for (guint i = 0; pipe->clear && i < pipe->batch_rows; i++)
    pipe->clear (batch->rows + i * pipe->row_size);
  g_free (batch->rows);
  g_free (batch);
}

CmImportPipe *
cm_import_pipe_new (gsize row_size, gboolean threaded, CmImportPipeWrite write,
                    gpointer user_data, GDestroyNotify clear)
{
  CmImportPipe *pipe = g_new0 (CmImportPipe, 1);

  pipe->row_size = row_size;
  pipe->write = write;
  pipe->user_data = user_data;
  pipe->clear = clear;
  pipe->batch_rows = threaded ? BATCH_ROWS : 1;
  pipe->max_batches = threaded ? N_BATCHES : 1;
  pipe->batches = g_ptr_array_new ();
  pipe->full = g_async_queue_new ();
  pipe->empty = g_async_queue_new ();
  g_mutex_init (&pipe->lock);
  g_cond_init (&pipe->rows_done);
  if (threaded)
    pipe->thread = g_thread_new ("import-writer", write_batches, pipe);
  return pipe;
}

gpointer
cm_import_pipe_peek (CmImportPipe *pipe)
{
  g_return_val_if_fail (!pipe->closed, NULL);

  if (pipe->filling == NULL)
    pipe->filling = pipe->batches->len < pipe->max_batches ? batch_new (pipe)
                    : pipe->thread ? g_async_queue_pop (pipe->empty)
                    : g_ptr_array_index (pipe->batches, 0);
  return pipe->filling->rows + pipe->filling->n_rows * pipe->row_size;
}

void
cm_import_pipe_push (CmImportPipe *pipe)
{
  Batch *batch = pipe->filling;

  g_return_if_fail (batch != NULL);

  batch->n_rows++;
  if (pipe->thread == NULL)
    {
      pipe->write (batch->rows, batch->n_rows, pipe->user_data);
      batch->n_rows = 0;
    }
  else if (batch->n_rows == pipe->batch_rows)
    {
      g_async_queue_push (pipe->full, batch);
      pipe->filling = NULL;
    }
}

void
cm_import_pipe_close (CmImportPipe *pipe, CmImportPipeWritten written)
{
  if (pipe->closed)
    return;
  pipe->closed = TRUE;
  pipe->written = written;
  if (pipe->thread == NULL)
    {
      if (written)
        written (pipe->user_data);
      return;
    }
  if (pipe->filling && pipe->filling->n_rows > 0)
    g_async_queue_push (pipe->full, pipe->filling);
  pipe->filling = NULL;
  /* The queue's lock hands the thread @written with the end mark. */
  g_async_queue_push (pipe->full, pipe);
}

void
cm_import_pipe_wait_rows (CmImportPipe *pipe)
{
  g_return_if_fail (pipe->closed);

  if (pipe->thread == NULL)
    return;
  g_mutex_lock (&pipe->lock);
  while (!pipe->rows_written)
    g_cond_wait (&pipe->rows_done, &pipe->lock);
  g_mutex_unlock (&pipe->lock);
}

void
cm_import_pipe_finish (CmImportPipe *pipe)
{
  if (pipe->finished)
    return;
  cm_import_pipe_close (pipe, NULL);
  pipe->finished = TRUE;
  if (pipe->thread)
    g_thread_join (g_steal_pointer (&pipe->thread));
}

void
cm_import_pipe_free (CmImportPipe *pipe)
{
  if (pipe == NULL)
    return;
  cm_import_pipe_finish (pipe);
  for (guint i = 0; i < pipe->batches->len; i++)
    batch_free (pipe, g_ptr_array_index (pipe->batches, i));
  g_ptr_array_unref (pipe->batches);
  g_async_queue_unref (pipe->full);
  g_async_queue_unref (pipe->empty);
  g_mutex_clear (&pipe->lock);
  g_cond_clear (&pipe->rows_done);
  g_free (pipe);
}
