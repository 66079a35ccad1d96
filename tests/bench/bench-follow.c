/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-follow.c: times a window's store catching up with another program's save
 *
 * bench-follow PORTFOLIO: opens the portfolio twice, as two people's
 * windows would; the first holds every contract as a list. The second
 * saves one contract's title, and the first brings its list up to date
 * (cm_store_reload_if_changed ()), RUNS times; prints the median and worst
 * of that catching up, and whether the list showed each new title:
 * "follow one save, median: N ms", "follow one save, worst: N ms".
 */
#include <stdlib.h>

#include "cm-contract.h"
#include "cm-store.h"

#define RUNS 9

static void
fail (const char *what, GError *error)
{
  g_printerr ("bench-follow: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static int
compare_doubles (const void *a, const void *b)
{
  double left = *(const double *) a, right = *(const double *) b;

  return left < right ? -1 : left > right;
}

/* Saves a new title for the contract at @position of @list through @store. */
static char *
save_title (CmStore *store, GListModel *list, guint position, guint run)
{
  g_autoptr(CmContract) listed = g_list_model_get_item (list, position);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) own = cm_store_load (store, CM_TYPE_CONTRACT,
                                           cm_entity_get_id (CM_ENTITY (listed)), &error);
  char *title = g_strdup_printf ("Followed title %u-%" G_GINT64_FORMAT, run,
                                 g_get_real_time ());

  if (own == NULL)
    fail ("load", error);
  g_object_set (own, "title", title, NULL);
  if (!cm_store_save (store, own, &error))
    fail ("save", error);
  return title;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) window = NULL;
  g_autoptr(CmStore) other = NULL;
  GListModel *contracts;
  double times[RUNS];
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: bench-follow PORTFOLIO\n");
      return 2;
    }
  window = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST, &error);
  if (window == NULL)
    fail ("open", error);
  other = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST, &error);
  if (other == NULL)
    fail ("open", error);
  contracts = cm_store_list (window, CM_TYPE_CONTRACT);
  n = g_list_model_get_n_items (contracts);
  if (n == 0)
    fail ("contracts", NULL);
  for (guint run = 0; run < RUNS; run++)
    {
      guint position = (n / 3 + run * 7919) % n;
      g_autofree char *title = save_title (other, contracts, position, run);
      g_autoptr(CmContract) shown = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!cm_store_reload_if_changed (window))
        fail ("no change seen", NULL);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      shown = g_list_model_get_item (contracts, position);
      if (g_strcmp0 (cm_contract_get_title (shown), title) != 0)
        fail ("the list does not show the new title", NULL);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  g_print ("contracts listed: %u\n", n);
  g_print ("follow one save, median: %.1f ms\n", times[RUNS / 2]);
  g_print ("follow one save, worst: %.1f ms\n", times[RUNS - 1]);
  return 0;
}
