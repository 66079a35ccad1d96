/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-import.c: how long a large contracts register takes to import
 *
 * Writes a CSV register of a given size, then times the sqlite3 shell's
 * .import of it into a bare table (the design's yardstick) and our own
 * import of it into a new portfolio: reading, planning and writing. It
 * prints each figure and the ratio to its budget and checks none of
 * them, so a slow machine never fails a build.
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cm-import.h"
#include "cm-store.h"
#include "cm-table.h"

#define BUDGET_RATIO 2.0

static const char *sectors[] = { "Third sector", "VCSE", "Independent", "NHS trust", "Charity" };
static const char *types[] = { "Contract", "Grant", "SLA", "Spot purchase" };
static const char *routes[] = { "Open", "Light touch", "Direct award", "Grant scheme" };
static const char *commissioners[] = { "Adult Social Care", "Public Health", "NHS Leeds ICB" };
static const char *terms[] = { "3+1+1", "5+5", "3 years plus 24 months", "2", "4+2" };

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void G_GNUC_NORETURN
fail (const char *what, const char *message)
{
  g_printerr ("bench-import: %s: %s\n", what, message);
  exit (1);
}

static char *
write_register (const char *dir, int n_rows)
{
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Service,Provider,Provider sector,"
                                         "Start date,End date,Term,Notice period,Annual value,"
                                         "Type,Route,Commissioner\r\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "register.csv", NULL);

  for (int i = 0; i < n_rows; i++)
    {
      int year = g_rand_int_range (rand, 2015, 2026);

      g_string_append_printf (csv, "REF-%06d,Contract %d,Service %d,Provider %d,%s,"
                              "01/04/%d,31/03/%d,%s,%d months,\"£%d,%03d\",%s,%s,%s\r\n",
                              i, i, g_rand_int_range (rand, 0, 1000),
                              g_rand_int_range (rand, 0, 20000),
                              sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))],
                              year, year + 3, terms[g_rand_int_range (rand, 0, G_N_ELEMENTS (terms))],
                              g_rand_int_range (rand, 1, 7), g_rand_int_range (rand, 5, 900),
                              g_rand_int_range (rand, 0, 1000),
                              types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                              routes[g_rand_int_range (rand, 0, G_N_ELEMENTS (routes))],
                              commissioners[g_rand_int_range (rand, 0,
                                                              G_N_ELEMENTS (commissioners))]);
    }
  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    fail ("writing the register", error->message);
  return path;
}

/* The sqlite3 shell's own CSV import into a table with no indexes. */
static double
shell_import_ms (const char *dir, const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *dot = g_strdup_printf (".import --csv '%s' register", csv);
  const char *argv[] = { "sqlite3", db, dot, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    fail ("running the sqlite3 shell", error->message);
  return ms_since (start);
}

static double
our_import_ms (const char *dir, const char *csv)
{
  g_autofree char *path = g_build_filename (dir, "bench.commissioner", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  g_autoptr(CmTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  gint64 start, part;

  if (store == NULL)
    fail ("opening the portfolio", error->message);
  start = part = g_get_monotonic_time ();
  if ((table = cm_table_read_file (csv, NULL, &error)) == NULL)
    fail ("reading", error->message);
  g_print ("parts read: %.1f ms\n", ms_since (part));
  part = g_get_monotonic_time ();
  mapping = cm_import_mapping_for (store, table);
  if ((plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP, NULL,
                                  &error)) == NULL)
    fail ("planning", error->message);
  g_print ("parts plan: %.1f ms\n", ms_since (part));
  part = g_get_monotonic_time ();
  if (!cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error))
    fail ("applying", error->message);
  g_print ("parts write: %.1f ms\n", ms_since (part));
  return ms_since (start);
}

int
main (int argc, char *argv[])
{
  int n_rows = argc > 1 ? atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("commissioner-bench-import-XXXXXX", NULL);
  g_autofree char *csv = write_register (dir, n_rows);
  double shell_ms = shell_import_ms (dir, csv);
  double ours_ms = our_import_ms (dir, csv);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_print ("rows: %d\n", n_rows);
  g_print ("sqlite3 shell .import: %.1f ms\n", shell_ms);
  g_print ("import: %.1f ms\n", ours_ms);
  g_print ("ratio import to shell: %.2f (budget %.1f)\n", ours_ms / shell_ms, BUDGET_RATIO);
  if (system (command) != 0)
    g_printerr ("bench-import: could not remove %s\n", dir);
  return 0;
}
