/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-row-sorter.c: rows come back in the order asked for, ties in the order added */
#include "cm-row-sorter.h"

typedef struct {
  GArray *numbers;   /* each row's numbers, in the order handed back */
  GPtrArray *texts;  /* and its first text */
} Seen;

static void
see (const gint64 *numbers, const char * const *texts, gpointer user_data)
{
  Seen *seen = user_data;

  g_array_append_vals (seen->numbers, numbers, 2);
  g_ptr_array_add (seen->texts, g_strdup (texts[0]));
}

/* Enough rows to pass the scratch database's cache, added in an order
 * that is neither the one asked for nor its reverse. */
static void
test_order_and_ties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmRowSorter) sorter = cm_row_sorter_new (2, 2, "n0", &error);
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (gint64)),
                g_ptr_array_new_with_free_func (g_free) };
  const guint n = 60000;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      gint64 numbers[2] = { (i * 7919) % 97, i };
      g_autofree char *label = g_strdup_printf ("row %u with a text long enough to fill pages", i);
      const char *texts[2] = { label, NULL };

      g_assert_true (cm_row_sorter_add (sorter, numbers, texts, &error));
    }
  g_assert_cmpuint (cm_row_sorter_count (sorter), ==, n);
  g_assert_true (cm_row_sorter_each (sorter, see, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.texts->len, ==, n);
  for (guint i = 1; i < n; i++)
    {
      gint64 key = g_array_index (seen.numbers, gint64, 2 * i);
      gint64 added = g_array_index (seen.numbers, gint64, 2 * i + 1);
      gint64 key_before = g_array_index (seen.numbers, gint64, 2 * i - 2);
      gint64 added_before = g_array_index (seen.numbers, gint64, 2 * i - 1);
      g_autofree char *label = g_strdup_printf ("row %" G_GINT64_FORMAT " with a text long "
                                                "enough to fill pages", added);

      g_assert_cmpint (key, >=, key_before);
      if (key == key_before)
        g_assert_cmpint (added, >, added_before);
      g_assert_cmpstr (g_ptr_array_index (seen.texts, i), ==, label);
    }
  g_array_unref (seen.numbers);
  g_ptr_array_unref (seen.texts);
}

/* Without an order, rows come back as added; a text orders too. */
static void
test_text_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmRowSorter) by_text = cm_row_sorter_new (2, 1, "t0", &error);
  g_autoptr(CmRowSorter) as_added = cm_row_sorter_new (2, 1, NULL, &error);
  const char *words[] = { "pear", "apple", "fig", "apple" };
  Seen sorted = { g_array_new (FALSE, FALSE, sizeof (gint64)),
                  g_ptr_array_new_with_free_func (g_free) };
  Seen kept = { g_array_new (FALSE, FALSE, sizeof (gint64)),
                g_ptr_array_new_with_free_func (g_free) };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gint64 numbers[2] = { i, i };

      g_assert_true (cm_row_sorter_add (by_text, numbers, &words[i], &error));
      g_assert_true (cm_row_sorter_add (as_added, numbers, &words[i], &error));
    }
  g_assert_true (cm_row_sorter_each (by_text, see, &sorted, &error));
  g_assert_true (cm_row_sorter_each (as_added, see, &kept, &error));
  g_assert_cmpstr (g_ptr_array_index (sorted.texts, 0), ==, "apple");
  g_assert_cmpint (g_array_index (sorted.numbers, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (sorted.numbers, gint64, 2), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sorted.texts, 3), ==, "pear");
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_cmpstr (g_ptr_array_index (kept.texts, i), ==, words[i]);
  g_array_unref (sorted.numbers);
  g_ptr_array_unref (sorted.texts);
  g_array_unref (kept.numbers);
  g_ptr_array_unref (kept.texts);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/row-sorter/order-and-ties", test_order_and_ties);
  g_test_add_func ("/row-sorter/text-order", test_text_order);
  return g_test_run ();
}
