/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-overview.c: the portfolio overview of the demo, checked against SQL
 * run on the file itself rather than against the code that built it */
#include <glib/gstdio.h>

#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-demo.h"
#include "cm-gate.h"
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
  f->path = cm_test_portfolio_path ("overview.commissioner");
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

      g_assert_true (gate->held);
      g_assert_cmpuint (cm_overview_gate_problems (f->store, gate)->len, >, 0);
    }
}

/* The one query that counts the held gates answers as each gate does,
 * a cycle without items of its own (the template's) among them. */
static void
test_held_query (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) held = NULL;
  g_autoptr(CmOverviewCharts) charts = NULL;
  GListModel *services;
  guint n_held = 0, charted = 0;

  /* The file is SQLite's alone: the store lets go before it is changed. */
  g_clear_object (&f->store);
  cm_test_run_sql (f->path, "DELETE FROM checklist_item WHERE service_id ="
                            " (SELECT min(id) FROM service WHERE stage = 'analyse')");
  f->store = cm_store_open (f->path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  services = cm_store_list (f->store, CM_TYPE_SERVICE);
  held = cm_gate_held_services (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (services, i);
      g_autoptr(GPtrArray) problems = cm_gate_problems (f->store, service);
      gint64 id = cm_entity_get_id (CM_ENTITY (service));
      gboolean is_held = cm_service_get_stage (service) <= CM_STAGE_REVIEW && problems->len > 0;
      gboolean listed = FALSE;

      for (guint j = 0; j < held->len; j++)
        listed |= g_array_index (held, gint64, j) == id;
      g_assert_cmpint (listed, ==, is_held);
      n_held += is_held;
    }
  g_assert_cmpuint (n_held, >, 0);
  g_assert_cmpuint (held->len, ==, n_held);
  /* The chart of stages counts the same services held. */
  charts = cm_overview_charts_collect (f->store, f->today, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (charts->stages); s++)
    charted += charts->stages[s].held;
  g_assert_cmpuint (charted, ==, n_held);
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

/* Notice dates in the warning window or overdue, counted from the
 * deadlines list the Deadlines page shows. */
static guint
notices_due (Fixture *f)
{
  CmDeadlineSettings settings;
  g_autoptr(GPtrArray) deadlines = NULL;
  guint skipped, count = 0;

  cm_deadline_settings_load (f->store, &settings);
  deadlines = cm_deadlines_collect (cm_store_list (f->store, CM_TYPE_CONTRACT), f->today,
                                    &settings, &skipped);
  for (guint i = 0; i < deadlines->len; i++)
    {
      CmDeadline *d = g_ptr_array_index (deadlines, i);

      count += d->kind != CM_DEADLINE_KIND_END &&
               (d->status == CM_DEADLINE_DUE_SOON || d->status == CM_DEADLINE_OVERDUE);
    }
  return count;
}

/* Services the file says are in a stage with a gate, whose gate passes. */
static guint
gates_ready (Fixture *f)
{
  g_autofree char *list = cm_test_query_dump (
    f->path, "SELECT id FROM service WHERE stage IN ('analyse', 'plan', 'do', 'review')");
  g_auto(GStrv) ids = g_strsplit (list, "\n", -1);
  guint count = 0;

  for (guint i = 0; ids[i] && *ids[i]; i++)
    {
      CmService *service = CM_SERVICE (cm_store_find (f->store, CM_TYPE_SERVICE,
                                                      g_ascii_strtoll (ids[i], NULL, 10)));
      g_autoptr(GPtrArray) problems = cm_gate_problems (f->store, service);

      count += problems->len == 0;
    }
  return count;
}

static const struct {
  CmAttentionKind kind;
  const char *sql;                /* counts what should be listed */
  guint (*count) (Fixture *f);    /* for what SQL alone cannot decide */
} attention_cases[] = {
  { CM_ATTENTION_STEP_OVERDUE,
    "SELECT count(*) FROM checklist_item i JOIN service s ON s.id = i.service_id"
    " AND s.cycle = i.cycle WHERE s.stage = 'decommissioning' AND i.stage = 'decommissioning'"
    " AND i.state = 'to-do' AND i.due_date <> '' AND i.due_date < '2026-11-22'", NULL },
  { CM_ATTENTION_NOTICE_DUE, NULL, notices_due },
  { CM_ATTENTION_EIA_TO_SIGN,
    "SELECT count(*) FROM eia e WHERE e.signed = 0"
    " AND NOT EXISTS (SELECT 1 FROM eia l WHERE l.previous_id = e.id)", NULL },
  { CM_ATTENTION_GATE_READY, NULL, gates_ready },
};

/* The demo's decommissioning steps have no due dates: one open step and
 * one done are given a date past, and only the open one is overdue. */
static void
date_decommissioning_steps (Fixture *f)
{
  GListModel *items = cm_store_list (f->store, CM_TYPE_CHECKLIST_ITEM);
  gboolean dated_open = FALSE, dated_done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CmChecklistItem) item = g_list_model_get_item (items, i);
      gboolean settled = cm_checklist_item_is_settled (item);
      g_autoptr(CmEntity) copy = NULL;

      if (cm_checklist_item_get_stage (item) != CM_STAGE_DECOMMISSIONING ||
          (settled ? dated_done : dated_open))
        continue;
      copy = cm_entity_copy (CM_ENTITY (item));
      g_object_set (copy, "due-date", "2026-11-01", NULL);
      cm_test_save (f->store, copy);
      *(settled ? &dated_done : &dated_open) = TRUE;
    }
  g_assert_true (dated_open && dated_done);
}

static void
test_attention (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOverview) overview = NULL;
  guint counts[CM_ATTENTION_N_KINDS] = { 0 };
  guint total = 0;

  date_decommissioning_steps (f);
  overview = cm_overview_collect (f->store, f->today);
  for (guint i = 0; i < overview->attention->len; i++)
    {
      CmAttention *a = g_ptr_array_index (overview->attention, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM service WHERE id = %"
                                              G_GINT64_FORMAT, a->service_id);

      /* Each names a service of the file, the most pressing kind first. */
      g_assert_cmpint (cm_test_query_int (f->path, sql), ==, 1);
      if (i > 0)
        g_assert_cmpint (((CmAttention *) g_ptr_array_index (overview->attention, i - 1))->kind,
                         <=, a->kind);
      counts[a->kind]++;
    }
  for (guint c = 0; c < G_N_ELEMENTS (attention_cases); c++)
    {
      guint expected = attention_cases[c].sql
                       ? (guint) cm_test_query_int (f->path, attention_cases[c].sql)
                       : attention_cases[c].count (f);

      g_test_message ("kind %d: %u listed, %u expected", attention_cases[c].kind,
                      counts[attention_cases[c].kind], expected);
      g_assert_cmpuint (counts[attention_cases[c].kind], ==, expected);
      total += expected;
    }
  g_assert_cmpuint (overview->attention->len, ==, total);
  /* The demo has some of each. */
  for (guint k = 0; k < CM_ATTENTION_N_KINDS; k++)
    g_assert_cmpuint (counts[k], >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/overview/services-by-stage", Fixture, NULL, fixture_set_up,
              test_services_by_stage, fixture_tear_down);
  g_test_add ("/overview/held-query", Fixture, NULL, fixture_set_up, test_held_query,
              fixture_tear_down);
  g_test_add ("/overview/held-services", Fixture, NULL, fixture_set_up, test_held_services,
              fixture_tear_down);
  g_test_add ("/overview/overdue", Fixture, NULL, fixture_set_up, test_overdue,
              fixture_tear_down);
  g_test_add ("/overview/attention", Fixture, NULL, fixture_set_up, test_attention,
              fixture_tear_down);
  return g_test_run ();
}
