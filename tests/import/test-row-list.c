/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-row-list.c: messages name the first few rows and how many more,
 * and the full list keeps every row */
#include <glib.h>
#include <string.h>

#include "cm-row-list.h"

/* Rows 8, 18, 28, …: @n of them, as an Other value every tenth row gives. */
static CmRowList *
every_tenth (guint n)
{
  CmRowList *list = cm_row_list_new ();

  for (guint i = 0; i < n; i++)
    cm_row_list_add (list, 8 + 10 * i);
  return list;
}

static void
test_short_form (void)
{
  static const struct {
    guint n;
    const char *expected; /* NULL: no message at all */
  } cases[] = {
    { 0, NULL },
    { 1, "row 8" },
    { 2, "rows 8 and 18" },
    { 5, "rows 8, 18, 28, 38 and 48" },
    { 6, "rows 8, 18, 28, 38, 48 and 1 more" },
    { 7, "rows 8, 18, 28, 38, 48 and 2 more" },
    { 1004, "rows 8, 18, 28, 38, 48 and 999 more" },
    { 1005, "rows 8, 18, 28, 38, 48 and 1,000 more" },
    { 30000, "rows 8, 18, 28, 38, 48 and 29,995 more" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmRowList) list = every_tenth (cases[i].n);
      g_autofree char *text = cm_row_list_format (list);

      g_test_message ("%u rows", cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpuint (cm_row_list_get_length (list), ==, cases[i].n);
    }
}

/* The full form and the list for the window hold every row, in order. */
static void
test_full_form (void)
{
  static const guint sizes[] = { 0, 1, 5, 6, 30000 };

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(CmRowList) list = every_tenth (sizes[i]);
      g_autofree char *all = cm_row_list_format_all (list);
      g_auto(GStrv) rows = cm_row_list_to_strv (list);
      g_autofree char *last = NULL;

      g_test_message ("%u rows", sizes[i]);
      g_assert_cmpuint (g_strv_length (rows), ==, sizes[i]);
      if (sizes[i] == 0)
        {
          g_assert_null (all);
          continue;
        }
      g_assert_cmpstr (rows[0], ==, "Row 8");
      last = g_strdup_printf ("%u", 8 + 10 * (sizes[i] - 1));
      g_assert_true (g_str_has_suffix (all, last));
      g_assert_null (strstr (all, "more"));
      g_assert_true (g_str_has_prefix (all, sizes[i] == 1 ? "row 8" : "rows 8"));
      /* Each row is named once: a comma or an "and" between each two. */
      if (sizes[i] > 1)
        {
          g_auto(GStrv) parts = g_strsplit (all + strlen ("rows "), ", ", -1);
          guint n_parts = g_strv_length (parts);

          g_assert_cmpuint (n_parts, ==, sizes[i] - 1);
          g_assert_nonnull (strstr (parts[n_parts - 1], " and "));
        }
    }
}

static void
test_count_format (void)
{
  static const struct {
    guint64 n;
    const char *expected;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 29871, "29,871" },
    { 100000, "100,000" },
    { 1234567, "1,234,567" },
    { G_MAXUINT64, "18,446,744,073,709,551,615" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cm_count_format (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_short_list (void)
{
  static const char *names[] = { "Age UK", "Mind", "Mencap", "Turning Point", "Shelter",
                                 "Crisis", "Scope" };
  static const struct {
    guint n;
    const char *expected;
  } cases[] = {
    { 0, "" },
    { 1, "Age UK" },
    { 2, "Age UK and Mind" },
    { 5, "Age UK, Mind, Mencap, Turning Point and Shelter" },
    { 6, "Age UK, Mind, Mencap, Turning Point, Shelter and 1 more" },
    { 7, "Age UK, Mind, Mencap, Turning Point, Shelter and 2 more" },
    /* Only the first five need be kept to count 30,000. */
    { 30000, "Age UK, Mind, Mencap, Turning Point, Shelter and 29,995 more" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cm_short_list_format (names, cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/row-list/short-form", test_short_form);
  g_test_add_func ("/row-list/full-form", test_full_form);
  g_test_add_func ("/row-list/count-format", test_count_format);
  g_test_add_func ("/row-list/short-list", test_short_list);
  return g_test_run ();
}
