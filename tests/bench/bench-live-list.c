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
 */
#include <time.h>

#include "cm-contract.h"
#include "cm-store-private.h"

#define RUNS 7

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
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
      g_autofree char *sql = cm_store_where_sql (CM_TYPE_CONTRACT, argv[a]);
      double ms[RUNS], cpu[RUNS];
      guint rows = 0;

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
