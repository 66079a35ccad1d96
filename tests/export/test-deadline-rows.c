/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-deadline-rows.c: deadlines read as the contracts stream past are those of the loaded list */
#include <glib/gstdio.h>

#include "cm-deadlines.h"
#include "cm-demo.h"
#include "cm-test-util.h"

static void
assert_same_row (const CmDeadline *listed, const CmDeadline *streamed)
{
  g_assert_null (streamed->contract);
  g_assert_cmpint (cm_deadline_get_contract_id (streamed), ==,
                   cm_deadline_get_contract_id (listed));
  g_assert_cmpstr (cm_deadline_get_reference (streamed), ==,
                   cm_contract_get_reference (listed->contract));
  g_assert_cmpstr (cm_deadline_get_title (streamed), ==,
                   cm_contract_get_title (listed->contract));
  g_assert_cmpstr (cm_deadline_get_provider (streamed), ==,
                   cm_contract_get_provider_name (listed->contract));
  g_assert_cmpint (streamed->kind, ==, listed->kind);
  g_assert_cmpint (streamed->status, ==, listed->status);
  g_assert_cmpint (g_date_valid (&streamed->date), ==, g_date_valid (&listed->date));
  if (g_date_valid (&listed->date))
    g_assert_cmpint (g_date_compare (&streamed->date, &listed->date), ==, 0);
  g_assert_cmpstr (streamed->notice, ==, listed->notice);
}

typedef struct {
  GPtrArray *listed;
  guint next;
} SortedCheck;

/* Each row handed out in order is the list's row at the same place. */
static void
check_sorted_row (const CmDeadline *deadline, gpointer user_data)
{
  SortedCheck *check = user_data;

  g_assert_cmpuint (check->next, <, check->listed->len);
  g_assert_null (deadline->contract);
  assert_same_row (g_ptr_array_index (check->listed, check->next++), deadline);
}

/* The demo has every kind of deadline, procurement notices among them,
 * and on these days some fall due together, so the order of ties shows;
 * rows put in order by cm_deadlines_each_sorted () come out the same. */
static void
test_streamed_rows_match_the_list (void)
{
  static const struct { GDateDay day; GDateMonth month; GDateYear year; } todays[] = {
    { 3, 12, 2026 }, { 1, 4, 2026 }, { 30, 9, 2027 },
  };

  for (gsize t = 0; t < G_N_ELEMENTS (todays); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("rows-%" G_GSIZE_FORMAT ".commissioner", t);
      g_autofree char *path = cm_test_portfolio_path (name);
      g_autoptr(GDate) today = g_date_new_dmy (todays[t].day, todays[t].month, todays[t].year);
      g_autoptr(CmStore) store = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      g_autoptr(GPtrArray) streamed = NULL;
      CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
      guint listed_skipped, streamed_skipped, sorted_skipped;
      SortedCheck check = { NULL, 0 };
      gboolean notices = FALSE;

      g_unlink (path);
      g_assert_true (cm_demo_create (path, today, &error));
      g_assert_no_error (error);
      store = cm_store_open (path, CM_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      streamed = cm_deadlines_collect_streamed (store, today, &settings, &streamed_skipped,
                                                &error);
      g_assert_no_error (error);
      listed = cm_deadlines_collect (cm_store_list (store, CM_TYPE_CONTRACT), today, &settings,
                                     &listed_skipped);
      g_assert_cmpuint (streamed_skipped, ==, listed_skipped);
      g_assert_cmpuint (streamed->len, ==, listed->len);
      g_assert_cmpuint (listed->len, >, 0);
      for (guint i = 0; i < listed->len; i++)
        {
          const CmDeadline *row = g_ptr_array_index (listed, i);

          assert_same_row (row, g_ptr_array_index (streamed, i));
          notices |= row->kind == CM_DEADLINE_KIND_PROCUREMENT_NOTICE;
        }
      g_assert_true (notices);
      check.listed = listed;
      g_assert_true (cm_deadlines_each_sorted (store, today, &settings, &sorted_skipped,
                                               check_sorted_row, &check, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (sorted_skipped, ==, listed_skipped);
      g_assert_cmpuint (check.next, ==, listed->len);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deadline-rows/streamed-match-list", test_streamed_rows_match_the_list);
  return g_test_run ();
}
