/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-picker.c: how long the record picker takes to open and search
 *
 * Fills a real portfolio with many providers (20,000 unless told), puts a
 * provider picker in a window and times opening its search until the
 * first rows are drawn, then narrowing it by part of a name: how soon the
 * key press returns, and how soon every row is in (the names are compared
 * in a worker thread, and the rows taken at once). It prints
 * each figure and checks none, so a slow machine never fails a build.
 * Needs a display: run it under with-display.sh.
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "cm-provider.h"
#include "cm-record-picker.h"
#include "cm-store.h"

static const char *first[] = { "Leeds", "Bradford", "Wakefield", "Calderdale", "Kirklees",
                               "Harrogate", "York", "Selby", "Craven", "Barnsley" };
static const char *second[] = { "Community", "Carers", "Home Care", "Advocacy", "Wellbeing",
                                "Recovery", "Housing", "Day Services", "Dementia", "Youth" };

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time this process has used: on a shared machine the
 * clock on the wall also counts other programs' turns. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void G_GNUC_NORETURN
fail (const char *what, const GError *error)
{
  g_printerr ("bench-picker: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
add_providers (CmStore *store, int n)
{
  g_autoptr(GError) error = NULL;

  if (!cm_store_begin (store, &error))
    fail ("begin", error);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s Partnership %d Community Interest Company",
                                               first[i % G_N_ELEMENTS (first)],
                                               second[(i / 10) % G_N_ELEMENTS (second)], n - i);
      g_autoptr(CmProvider) provider = cm_provider_new (name, CM_SECTOR_THIRD_SECTOR);

      if (!cm_store_insert_listed (store, CM_ENTITY (provider), &error))
        fail ("adding a provider", error);
    }
  if (!cm_store_commit (store, &error))
    fail ("commit", error);
}

/* Runs the main loop until @done holds and nothing more is pending:
 * the rows made, laid out and drawn. */
static void
settle (gboolean (*done) (GtkWidget *), GtkWidget *widget)
{
  while (!done (widget) || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
has_rows (GtkWidget *list)
{
  return gtk_widget_get_mapped (list) && gtk_widget_get_first_child (list) != NULL;
}

static GtkWidget *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
search_ended (GtkWidget *picker)
{
  return !cm_record_picker_get_searching (CM_RECORD_PICKER (picker));
}

static void
time_search (CmRecordPicker *picker, const char *text)
{
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_ms ();
  double keystroke;
  guint shown;

  cm_record_picker_search (picker, text);
  keystroke = ms_since (start);
  settle (search_ended, GTK_WIDGET (picker));
  shown = g_list_model_get_n_items (cm_record_picker_get_shown (picker));
  g_print ("search “%s”: the key back in %.1f ms; all rows in %.1f ms (%.1f ms of processor),"
           " %u shown\n", text, keystroke, ms_since (start), cpu_ms () - cpu, shown);
}

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("bench-picker-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "providers.commissioner", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  GtkWidget *window, *picker, *list;
  gint64 start;
  double cpu;

  gtk_init ();
  store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    fail (path, error);
  cm_store_set_actor (store, "Benchmark");
  start = g_get_monotonic_time ();
  add_providers (store, n);
  g_print ("%d providers written: %.1f ms\n", n, ms_since (start));

  start = g_get_monotonic_time ();
  g_print ("%u providers loaded: ", g_list_model_get_n_items (cm_store_list (store,
                                                                             CM_TYPE_PROVIDER)));
  g_print ("%.1f ms\n", ms_since (start));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  picker = cm_record_picker_new (store, CM_TYPE_PROVIDER, "Provider");
  gtk_widget_set_valign (picker, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), picker);
  gtk_window_present (GTK_WINDOW (window));
  settle (gtk_widget_get_mapped, picker);

  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  cm_record_picker_popup (CM_RECORD_PICKER (picker));
  list = find_list (gtk_widget_get_last_child (picker));
  settle (has_rows, list);
  g_print ("open (sort %d names, first rows drawn): %.1f ms (%.1f ms of processor)\n", n,
           ms_since (start), cpu_ms () - cpu);

  time_search (CM_RECORD_PICKER (picker), "dementia");
  time_search (CM_RECORD_PICKER (picker), "york dementia partnership 1999");
  time_search (CM_RECORD_PICKER (picker), "");

  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  cm_record_picker_popdown (CM_RECORD_PICKER (picker));
  cm_record_picker_popup (CM_RECORD_PICKER (picker));
  settle (has_rows, list);
  g_print ("open again: %.1f ms (%.1f ms of processor)\n", ms_since (start), cpu_ms () - cpu);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
