/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-follow.c: times a window's store catching up with another program's save
 *
 * bench-follow PORTFOLIO [RECORDS]: opens the portfolio (a file or a
 * server URI) twice, as two people's windows would; the first holds every
 * contract as a list. The second saves the titles of RECORDS contracts
 * (1 unless given) in one action, and the first brings its list up to
 * date (cm_store_reload_if_changed ()), RUNS times; prints the median and
 * worst of that catching up, and fails unless the list showed each new
 * title: "follow one save, median: N ms", "follow one save, worst: N ms"
 * ("follow a save of N records" with RECORDS).
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

/* Saves new titles for @n_records contracts of @list through @store in
 * one action, from @position on; their titles in @titles. */
static void
save_titles (CmStore *store, GListModel *list, guint position, guint n_records, guint run,
             GPtrArray *titles)
{
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (list);

  if (!cm_store_begin (store, &error))
    fail ("begin", error);
  for (guint i = 0; i < n_records; i++)
    g_ptr_array_add (titles, save_title (store, list, (position + i) % n, run));
  if (!cm_store_commit (store, &error))
    fail ("commit", error);
}

/* Whether @list shows each of @titles at the positions save_titles () took. */
static gboolean
shows_titles (GListModel *list, guint position, GPtrArray *titles)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < titles->len; i++)
    {
      g_autoptr(CmContract) shown = g_list_model_get_item (list, (position + i) % n);

      if (g_strcmp0 (cm_contract_get_title (shown), g_ptr_array_index (titles, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) window = NULL;
  g_autoptr(CmStore) other = NULL;
  GListModel *contracts;
  double times[RUNS];
  guint64 n_records = 1;
  g_autofree char *what = NULL;
  guint n;

  if ((argc != 2 && argc != 3) ||
      (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 100000, &n_records, NULL)))
    {
      g_printerr ("usage: bench-follow PORTFOLIO [RECORDS]\n");
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
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      gint64 start;

      save_titles (other, contracts, position, (guint) n_records, run, titles);
      start = g_get_monotonic_time ();
      if (!cm_store_reload_if_changed (window))
        fail ("no change seen", NULL);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (!shows_titles (contracts, position, titles))
        fail ("the list does not show the new titles", NULL);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  what = n_records == 1 ? g_strdup ("one save")
                        : g_strdup_printf ("a save of %" G_GUINT64_FORMAT " records", n_records);
  g_print ("contracts listed: %u\n", n);
  g_print ("follow %s, median: %.1f ms\n", what, times[RUNS / 2]);
  g_print ("follow %s, worst: %.1f ms\n", what, times[RUNS - 1]);
  return 0;
}
