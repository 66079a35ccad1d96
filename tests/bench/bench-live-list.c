/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-live-list.c: times the store's filtered live lists on a large portfolio
 *
 * bench-live-list PORTFOLIO PROPERTY VALUE [PROPERTY VALUE ...]: for each
 * filter, the SELECT the store runs (for bench-live-list.py to time in the
 * sqlite3 shell), then the median and worst of several fresh
 * cm_store_list_where () calls over contracts, one line each:
 * "sql<TAB>SQL", "list<TAB>PROPERTY<TAB>ROWS<TAB>MEDIAN_MS<TAB>WORST_MS<TAB>MEDIAN_CPU_MS".
 * The processor time is what compares with the shell's on a busy machine.
 *
 * A PROPERTY of "search" times the records page's search for VALUE
 * instead: "searchsql<TAB>SQL" (its SELECT, "?1" for the folded text),
 * then "search<TAB>VALUE<TAB>ROWS<TAB>KEYSTROKE_MS<TAB>FIRST_SHOWN_MS<TAB>
 * NEXT_SHOWN_MS<TAB>KEYSTROKE_CPU_MS": the keystroke's own time (worst;
 * then its processor time, worst, which a busy machine does not inflate), the time until the rows are
 * in the list when the list has read nothing yet (median of fresh lists),
 * and when it has already searched once (median of repeats).
 */
#include <time.h>

#include "cm-contract.h"
#include "cm-query-model.h"
#include "cm-store-private.h"

#define RUNS 7

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The main thread's alone: the search's own thread is not the keystroke. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
until_shown (CmQueryModel *list, gint64 start)
{
  while (cm_query_model_is_busy (list))
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
time_search (CmStore *store, const char *typed)
{
  g_autofree char *sql = cm_query_model_sql (CM_TYPE_CONTRACT, TRUE, NULL, FALSE);
  double keystroke[RUNS], keystroke_cpu[RUNS], first[RUNS], next[RUNS];
  guint rows = 0;

  g_print ("searchsql\t%s\n", sql);
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(CmQueryModel) list = cm_query_model_new (store, CM_TYPE_CONTRACT);
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      cm_query_model_set_search (list, typed);
      keystroke[r] = (g_get_monotonic_time () - start) / 1000.0;
      keystroke_cpu[r] = thread_cpu_ms () - cpu_start;
      first[r] = until_shown (list, start);
      rows = g_list_model_get_n_items (G_LIST_MODEL (list));
      /* Typed again after clearing: the texts read the first time serve. */
      cm_query_model_set_search (list, NULL);
      start = g_get_monotonic_time ();
      cm_query_model_set_search (list, typed);
      next[r] = until_shown (list, start);
    }
  qsort (keystroke, RUNS, sizeof keystroke[0], compare_doubles);
  qsort (keystroke_cpu, RUNS, sizeof keystroke_cpu[0], compare_doubles);
  qsort (first, RUNS, sizeof first[0], compare_doubles);
  qsort (next, RUNS, sizeof next[0], compare_doubles);
  g_print ("search\t%s\t%u\t%.3f\t%.3f\t%.3f\t%.3f\n", typed, rows, keystroke[RUNS - 1],
           first[RUNS / 2], next[RUNS / 2], keystroke_cpu[RUNS - 1]);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;

  if (argc < 4 || argc % 2 != 0)
    {
      g_printerr ("usage: bench-live-list PORTFOLIO PROPERTY VALUE [PROPERTY VALUE ...]\n");
      return 2;
    }
  store = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (int a = 2; a + 1 < argc; a += 2)
    {
      g_autofree char *sql = NULL;
      double ms[RUNS], cpu[RUNS];
      guint rows = 0;

      if (g_str_equal (argv[a], "search"))
        {
          time_search (store, argv[a + 1]);
          continue;
        }
      sql = cm_store_where_sql (CM_TYPE_CONTRACT, argv[a]);
      g_print ("sql\t%s\n", sql);
      for (guint r = 0; r < RUNS; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_ms ();
          /* Dropped at once, so each call reads the file afresh. */
          g_autoptr(GListModel) list = cm_store_list_where (store, CM_TYPE_CONTRACT, argv[a],
                                                            argv[a + 1]);

          rows = g_list_model_get_n_items (list);
          ms[r] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[r] = cpu_ms () - cpu_start;
        }
      qsort (ms, RUNS, sizeof ms[0], compare_doubles);
      qsort (cpu, RUNS, sizeof cpu[0], compare_doubles);
      g_print ("list\t%s\t%u\t%.3f\t%.3f\t%.3f\n", argv[a], rows, ms[RUNS / 2], ms[RUNS - 1],
               cpu[RUNS / 2]);
    }
  return 0;
}
