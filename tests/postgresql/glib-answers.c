/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* glib-answers.c: what GLib gives for the SQL functions the PostgreSQL
 * dialect file defines, one answer a line, for the test to compare with.
 *
 *   glib-answers fold        each line of stdin, case folded as cm_fold ()
 *                            folds it in SQLite (g_utf8_casefold ())
 *   glib-answers add-months  each "DAY MONTHS" line of stdin: DAY plus
 *                            MONTHS as g_date_add_months () gives it, or
 *                            NULL when DAY is not a YYYY-MM-DD date */
#include <stdio.h>
#include <string.h>

#include <glib.h>

static void
fold (const char *line)
{
  g_autofree char *folded = g_utf8_casefold (line, -1);

  puts (folded);
}

/* Strictly YYYY-MM-DD, as the dialect file's cm_add_months () reads it. */
static gboolean
parse_day (const char *text, GDate *day)
{
  guint year, month, dom;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &dom) != 3 ||
      !g_date_valid_dmy (dom, month, year))
    return FALSE;
  g_date_set_dmy (day, dom, month, year);
  return TRUE;
}

static void
add_months (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", 2);
  GDate day;

  g_date_clear (&day, 1);
  if (g_strv_length (parts) != 2 || !parse_day (parts[0], &day))
    {
      puts ("NULL");
      return;
    }
  g_date_add_months (&day, (guint) g_ascii_strtoull (parts[1], NULL, 10));
  printf ("%04u-%02u-%02u\n", g_date_get_year (&day), g_date_get_month (&day),
          g_date_get_day (&day));
}

int
main (int argc, char **argv)
{
  void (*answer) (const char *line);
  char buffer[4096];

  if (argc == 2 && strcmp (argv[1], "fold") == 0)
    answer = fold;
  else if (argc == 2 && strcmp (argv[1], "add-months") == 0)
    answer = add_months;
  else
    {
      fprintf (stderr, "usage: %s fold|add-months < LINES\n", argv[0]);
      return 2;
    }
  while (fgets (buffer, sizeof buffer, stdin))
    {
      buffer[strcspn (buffer, "\n")] = '\0';
      answer (buffer);
    }
  return 0;
}
