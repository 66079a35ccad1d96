/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import-pipe.c: rows planned in one thread, written in another */
#include <glib.h>

#include "cm-import-pipe.h"

/* Enough rows to pass through every batch many times. */
#define N_ROWS 20000

typedef struct {
  guint number;
  guint *reused;      /* made the first time the place is filled, kept after */
} Row;

typedef struct {
  GArray *written;    /* the numbers, in the order written */
  GThread *writer;    /* the thread that wrote the last batch */
  gint handed_in;     /* rows pushed so far */
  gint most_ahead;    /* the most rows pushed and not yet written */
  guint n_made;
  guint n_cleared;
} Sink;

static void
write_rows (gpointer rows, guint n_rows, gpointer data)
{
  Sink *sink = data;
  Row *row = rows;
  gint ahead = g_atomic_int_get (&sink->handed_in) - (gint) sink->written->len;

  sink->writer = g_thread_self ();
  if (ahead > g_atomic_int_get (&sink->most_ahead))
    g_atomic_int_set (&sink->most_ahead, ahead);
  for (guint i = 0; i < n_rows; i++)
    g_array_append_val (sink->written, row[i].number);
}

static Sink *the_sink;

static void
clear_row (gpointer data)
{
  Row *row = data;

  if (row->reused)
    the_sink->n_cleared++;
  g_clear_pointer (&row->reused, g_free);
}

static void
pass_rows (gboolean threaded)
{
  Sink sink = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  CmImportPipe *pipe;

  the_sink = &sink;
  pipe = cm_import_pipe_new (sizeof (Row), threaded, write_rows, &sink, clear_row);
  for (guint i = 0; i < N_ROWS; i++)
    {
      Row *row = cm_import_pipe_peek (pipe);

      /* A row not handed in keeps its place for the next. */
      g_assert_true (cm_import_pipe_peek (pipe) == (gpointer) row);
      if (row->reused == NULL)
        {
          row->reused = g_new0 (guint, 1);
          sink.n_made++;
        }
      row->number = i;
      g_atomic_int_inc (&sink.handed_in);
      cm_import_pipe_push (pipe);
    }
  cm_import_pipe_finish (pipe);

  g_assert_cmpuint (sink.written->len, ==, N_ROWS);
  for (guint i = 0; i < N_ROWS; i++)
    g_assert_cmpuint (g_array_index (sink.written, guint, i), ==, i);
  if (threaded)
    g_assert_true (sink.writer != g_thread_self ());
  else
    {
      g_assert_true (sink.writer == g_thread_self ());
      g_assert_cmpint (sink.most_ahead, ==, 1);
      g_assert_cmpuint (sink.n_made, ==, 1);
    }
  /* Memory is bounded: the places are reused, and the planning never
   * runs far ahead of the writing. */
  g_assert_cmpuint (sink.n_made, <, N_ROWS / 10);
  g_assert_cmpint (sink.most_ahead, <, N_ROWS / 10);

  cm_import_pipe_free (pipe);
  g_assert_cmpuint (sink.n_cleared, ==, sink.n_made);
  g_array_unref (sink.written);
}

static void
test_threaded (void)
{
  pass_rows (TRUE);
}

static void
test_in_calling_thread (void)
{
  pass_rows (FALSE);
}

/* A pipe freed with rows still in it writes them first. */
static void
test_free_writes_the_rest (void)
{
  Sink sink = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  CmImportPipe *pipe;

  the_sink = &sink;
  pipe = cm_import_pipe_new (sizeof (Row), TRUE, write_rows, &sink, clear_row);
  for (guint i = 0; i < 3; i++)
    {
      ((Row *) cm_import_pipe_peek (pipe))->number = i;
      cm_import_pipe_push (pipe);
    }
  cm_import_pipe_free (pipe);
  g_assert_cmpuint (sink.written->len, ==, 3);
  g_assert_cmpuint (g_array_index (sink.written, guint, 2), ==, 2);
  g_array_unref (sink.written);
}

typedef struct {
  Sink sink;
  gboolean threaded;
  GMutex lock;
  GCond cond;
  gboolean let_end;     /* the calling thread has seen every row written */
  guint rows_at_end;    /* rows written when @written was called */
  guint n_ends;
  GThread *ended_in;
} Ending;

/* In a thread, ends only once the calling thread has seen the rows
 * written: waiting for the rows must not wait for this. */
static void
end_rows (gpointer data)
{
  Ending *ending = data;

  ending->rows_at_end = ending->sink.written->len;
  ending->n_ends++;
  ending->ended_in = g_thread_self ();
  g_mutex_lock (&ending->lock);
  while (ending->threaded && !ending->let_end)
    g_cond_wait (&ending->cond, &ending->lock);
  g_mutex_unlock (&ending->lock);
}

static void
write_ending_rows (gpointer rows, guint n_rows, gpointer data)
{
  write_rows (rows, n_rows, &((Ending *) data)->sink);
}

static void
close_rows (gboolean threaded)
{
  Ending ending = { { g_array_new (FALSE, FALSE, sizeof (guint)) }, threaded };
  CmImportPipe *pipe;

  g_mutex_init (&ending.lock);
  g_cond_init (&ending.cond);
  the_sink = &ending.sink;
  pipe = cm_import_pipe_new (sizeof (Row), threaded, write_ending_rows, &ending, clear_row);
  for (guint i = 0; i < 1000; i++)
    {
      ((Row *) cm_import_pipe_peek (pipe))->number = i;
      cm_import_pipe_push (pipe);
    }
  cm_import_pipe_close (pipe, end_rows);
  cm_import_pipe_wait_rows (pipe);
  g_assert_cmpuint (ending.sink.written->len, ==, 1000);

  g_mutex_lock (&ending.lock);
  ending.let_end = TRUE;
  g_cond_signal (&ending.cond);
  g_mutex_unlock (&ending.lock);
  cm_import_pipe_finish (pipe);
  /* After the last row, once, in the thread that wrote the rows. */
  g_assert_cmpuint (ending.n_ends, ==, 1);
  g_assert_cmpuint (ending.rows_at_end, ==, 1000);
  g_assert_true (ending.ended_in == ending.sink.writer);
  g_assert_true ((ending.ended_in == g_thread_self ()) == !threaded);

  cm_import_pipe_free (pipe);
  g_assert_cmpuint (ending.n_ends, ==, 1);
  g_array_unref (ending.sink.written);
  g_mutex_clear (&ending.lock);
  g_cond_clear (&ending.cond);
}

static void
test_closed_threaded (void)
{
  close_rows (TRUE);
}

static void
test_closed_in_calling_thread (void)
{
  close_rows (FALSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-pipe/threaded", test_threaded);
  g_test_add_func ("/import-pipe/in-calling-thread", test_in_calling_thread);
  g_test_add_func ("/import-pipe/free-writes-the-rest", test_free_writes_the_rest);
  g_test_add_func ("/import-pipe/closed/threaded", test_closed_threaded);
  g_test_add_func ("/import-pipe/closed/in-calling-thread", test_closed_in_calling_thread);
  return g_test_run ();
}
