/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-overview.c: the portfolio overview of the demo, checked against SQL
 * run on the file itself rather than against the code that built it */
#include <glib/gstdio.h>

#include "cm-demo.h"
#include "cm-overview.h"
#include "cm-test-util.h"

typedef struct {
  char *path;
  CmStore *store;
  GDate *today;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->today = cm_test_today ();
  f->path = cm_test_temp_path ("overview.commissioner");
  g_unlink (f->path);
  g_assert_true (cm_demo_create (f->path, f->today, &error));
  g_assert_no_error (error);
  f->store = cm_store_open (f->path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->store);
  g_date_free (f->today);
  g_free (f->path);
}

static void
test_services_by_stage (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOverview) overview = cm_overview_collect (f->store, f->today);
  const char *nicks[] = { "analyse", "plan", "do", "review", "decommissioning" };
  gint64 total = 0;

  for (guint s = 0; s < G_N_ELEMENTS (nicks); s++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM service WHERE stage = '%s'", nicks[s]);

      g_assert_cmpint (overview->stages[s]->len, ==, cm_test_query_int (f->path, sql));
      total += overview->stages[s]->len;
    }
  g_assert_cmpint (total, ==, cm_test_query_int (f->path, "SELECT count(*) FROM service"));
  g_assert_cmpint (overview->stages[CM_STAGE_ANALYSE]->len, >, 0);
  g_assert_cmpint (overview->stages[CM_STAGE_REVIEW]->len, >, 0);
}

static void
test_held_services (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOverview) overview = cm_overview_collect (f->store, f->today);

  /* The demo leaves about half of each current stage open. */
  g_assert_cmpuint (overview->held->len, >, 0);
  for (guint i = 0; i < overview->held->len; i++)
    {
      CmServiceGate *gate = g_ptr_array_index (overview->held, i);

      g_assert_cmpuint (gate->problems->len, >, 0);
    }
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOverview) overview = cm_overview_collect (f->store, f->today);
  gint64 expected = cm_test_query_int (
    f->path,
    "SELECT count(*) FROM checklist_item i JOIN service s ON s.id = i.service_id"
    " AND s.cycle = i.cycle WHERE i.state = 'to-do' AND i.due_date <> ''"
    " AND i.due_date < '2026-11-22'");

  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (overview->overdue_items->len, ==, expected);
  for (guint i = 1; i < overview->overdue_items->len; i++)
    g_assert_cmpstr (cm_checklist_item_get_due_date (g_ptr_array_index (overview->overdue_items,
                                                                        i - 1)), <=,
                     cm_checklist_item_get_due_date (g_ptr_array_index (overview->overdue_items,
                                                                        i)));
  /* The demo's signed carers EIA has two actions past their dates; the
   * decommissioned service's are done. */
  g_assert_cmpint (overview->overdue_actions->len, ==, cm_test_query_int (
    f->path, "SELECT count(*) FROM eia_mitigation WHERE status <> 'done' AND due_date <> ''"
             " AND due_date < '2026-11-22'"));
  g_assert_cmpint (overview->overdue_actions->len, ==, 2);
  g_assert_cmpint (overview->overdue_risks->len, ==, cm_test_query_int (
    f->path, "SELECT count(*) FROM risk WHERE review_date <> '' AND review_date < '2026-11-22'"));
  g_assert_cmpint (overview->overdue_risks->len, ==, 1);
  /* The demo's four late notices at least. */
  g_assert_cmpuint (overview->overdue_dates, >=, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/overview/services-by-stage", Fixture, NULL, fixture_set_up,
              test_services_by_stage, fixture_tear_down);
  g_test_add ("/overview/held-services", Fixture, NULL, fixture_set_up, test_held_services,
              fixture_tear_down);
  g_test_add ("/overview/overdue", Fixture, NULL, fixture_set_up, test_overdue,
              fixture_tear_down);
  return g_test_run ();
}
