/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-cycle.c: checklists, gates, overrides and Review decisions */
#include "cm-checklist.h"
#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-gate.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-test-util.h"

typedef struct {
  char *path;
  CmStore *store;
  CmService *service;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOrganisation) org =
    cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);

  f->store = cm_test_open_new ("cycle.commissioner", &f->path);
  cm_store_set_actor (f->store, "Commissioning officer");
  f->service = cm_service_new ("Carers support");
  g_object_set (f->service, "lead-commissioner-id", cm_test_save (f->store, org), NULL);
  cm_test_save (f->store, f->service);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->service);
  g_object_unref (f->store);
  g_free (f->path);
}

static CmService *
listed_service (Fixture *f)
{
  return CM_SERVICE (cm_store_find (f->store, CM_TYPE_SERVICE,
                                    cm_entity_get_id (CM_ENTITY (f->service))));
}

static GPtrArray *
current_items (Fixture *f)
{
  CmService *service = listed_service (f);

  return cm_checklist_items (f->store, cm_entity_get_id (CM_ENTITY (service)),
                             cm_service_get_cycle (service),
                             cm_service_get_stage (service));
}

/* Marks every item of the current stage done, one audited action each. */
static void
complete_stage (Fixture *f)
{
  g_autoptr(GPtrArray) items = current_items (f);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmEntity) draft = cm_entity_copy (g_ptr_array_index (items, i));

      g_object_set (draft, "state", CM_ITEM_STATE_DONE, "evidence", "Minutes of the board",
                    NULL);
      g_assert_true (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (draft), &error));
      g_assert_no_error (error);
    }
}

static gint64
count (Fixture *f, const char *sql)
{
  return cm_test_query_int (f->path, sql);
}

static void
test_template_items (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) items = current_items (f);

  g_assert_cmpuint (items->len, ==, 5);
  for (guint i = 0; i < items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (cm_entity_get_id (CM_ENTITY (item)), ==, 0);
      g_assert_cmpstr (cm_checklist_item_get_title (item), !=, "");
      /* Every item names its public source, in brackets at the end. */
      g_assert_true (g_str_has_suffix (cm_checklist_item_get_guidance (item), ")."));
      g_assert_null (strstr (cm_checklist_item_get_guidance (item), "seed"));
    }
  g_assert_cmpstr (cm_checklist_item_get_title (g_ptr_array_index (items, 0)), ==,
                   "Review the joint strategic needs assessment");
  /* Looking at a checklist writes nothing. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_item"), ==, 0);
}

typedef struct {
  const char *name;
  guint n_items;
  struct { gboolean required; CmItemState state; const char *reason; } items[4];
  guint n_problems;
  const char *first_problem;
} GateCase;

static const GateCase gate_cases[] = {
  { "all done", 2, { { TRUE, CM_ITEM_STATE_DONE }, { TRUE, CM_ITEM_STATE_DONE } }, 0 },
  { "one required open", 2, { { TRUE, CM_ITEM_STATE_DONE }, { TRUE, CM_ITEM_STATE_TO_DO } },
    1, "“Item 1” is not done." },
  { "optional open", 2, { { TRUE, CM_ITEM_STATE_DONE }, { FALSE, CM_ITEM_STATE_TO_DO } }, 0 },
  { "not applicable with a reason", 1,
    { { TRUE, CM_ITEM_STATE_NOT_APPLICABLE, "No market exists" } }, 0 },
  { "not applicable without a reason", 1, { { TRUE, CM_ITEM_STATE_NOT_APPLICABLE, "  " } },
    1, "“Item 0” is marked not applicable without a reason." },
  { "all open", 4, { { TRUE, CM_ITEM_STATE_TO_DO }, { TRUE, CM_ITEM_STATE_TO_DO },
                  { FALSE, CM_ITEM_STATE_TO_DO }, { TRUE, CM_ITEM_STATE_TO_DO } },
    3, "“Item 0” is not done." },
  { "no items", 0, { { 0 } }, 0 },
};

static void
test_gate_table (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (gate_cases); c++)
    {
      const GateCase *gc = &gate_cases[c];
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) problems = NULL;

      for (guint i = 0; i < gc->n_items; i++)
        {
          g_autofree char *title = g_strdup_printf ("Item %u", i);
          CmChecklistItem *item = cm_checklist_item_new (1, 1, CM_STAGE_ANALYSE, title,
                                                         gc->items[i].required);

          g_object_set (item, "state", gc->items[i].state,
                        "reason", gc->items[i].reason ? gc->items[i].reason : "", NULL);
          g_ptr_array_add (items, item);
        }
      problems = cm_gate_item_problems (items);
      g_test_message ("case: %s", gc->name);
      g_assert_cmpuint (problems->len, ==, gc->n_problems);
      if (gc->first_problem)
        g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, gc->first_problem);
    }
}

static void
test_advance_when_complete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *actor = cm_test_actor_condition (f->store);
  g_autofree char *sql = NULL;

  complete_stage (f);
  /* The first change wrote the whole cycle: 5 + 8 + 6 + 5 template items. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_item"), ==, 24);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_item WHERE state = 'done'"), ==, 5);
  g_assert_true (cm_cycle_advance (f->store, listed_service (f), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_get_stage (listed_service (f)), ==, CM_STAGE_PLAN);
  history = cm_cycle_history (f->store, listed_service (f));
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_false (cm_stage_event_get_overridden (g_ptr_array_index (history, 0)));
  /* The step is in the audit trail, with its actor. */
  g_assert_cmpint (count (f, sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'service'"
                                                   " AND field = 'stage' AND new_value = 'plan'"
                                                   " AND %s", actor)), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE entity = 'stage_event'"), >, 0);
}

static void
test_blocked_then_overridden (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 audit_rows = count (f, "SELECT count(*) FROM audit");
  g_autoptr(GPtrArray) history = NULL;
  CmStageEvent *event;

  g_assert_false (cm_cycle_advance (f->store, listed_service (f), "  ", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "Review the joint strategic needs assessment"));
  /* A refused step leaves the file as it was. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM stage_event"), ==, 0);
  g_assert_cmpint (cm_service_get_stage (listed_service (f)), ==, CM_STAGE_ANALYSE);

  g_assert_true (cm_cycle_advance (f->store, listed_service (f),
                                   "Needs assessment is being refreshed; the board asked us "
                                   "to plan in parallel", NULL));
  history = cm_cycle_history (f->store, listed_service (f));
  event = g_ptr_array_index (history, 0);
  g_assert_true (cm_stage_event_get_overridden (event));
  g_assert_nonnull (strstr (cm_stage_event_get_open_items (event), "is not done"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE entity = 'stage_event'"
                             " AND field = 'overridden' AND new_value = 'true'"), ==, 1);
}

static void
test_not_applicable_needs_reason (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) items = current_items (f);
  g_autoptr(CmEntity) draft = cm_entity_copy (g_ptr_array_index (items, 3));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_object_set (draft, "state", CM_ITEM_STATE_NOT_APPLICABLE, NULL);
  g_assert_false (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (draft), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_item"), ==, 0);

  g_object_set (draft, "reason", "No new legislation since the last cycle", NULL);
  g_assert_true (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (draft), NULL));
  after = current_items (f);
  g_assert_cmpint (cm_checklist_item_get_state (g_ptr_array_index (after, 3)), ==,
                   CM_ITEM_STATE_NOT_APPLICABLE);
  g_assert_true (cm_checklist_item_is_settled (g_ptr_array_index (after, 3)));
}

static void
test_who_and_when_from_audit (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;

  complete_stage (f);
  items = current_items (f);
  g_assert_true (cm_store_last_change (f->store, g_ptr_array_index (items, 0), "state",
                                       &actor, &at));
  g_assert_cmpstr (actor, ==, cm_store_get_actor (f->store));
  g_assert_true (g_str_has_prefix (at, "20"));
}

static void
advance_to (Fixture *f, CmStage stage)
{
  while (cm_service_get_stage (listed_service (f)) < stage)
    g_assert_true (cm_cycle_advance (f->store, listed_service (f), "Moving on for the test",
                                     NULL));
}

static gint64
add_contract (Fixture *f, const char *term)
{
  g_autoptr(CmProvider) provider = cm_provider_new ("Carers Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) contract = cm_contract_new ("CL-1", "Carers support");

  g_object_set (contract, "service-id", cm_entity_get_id (CM_ENTITY (f->service)),
                "provider-id", cm_test_save (f->store, provider), "start-date", "2024-04-01",
                "term", term, NULL);
  return cm_test_save (f->store, contract);
}

static void
test_do_needs_a_contract (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) after = NULL;

  advance_to (f, CM_STAGE_DO);
  complete_stage (f);
  problems = cm_gate_problems (f->store, listed_service (f));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "No contract"));

  add_contract (f, "3+1+1");
  after = cm_gate_problems (f->store, listed_service (f));
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_recommission_starts_cycle_two (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) history = NULL;

  complete_stage (f);
  advance_to (f, CM_STAGE_REVIEW);
  g_assert_false (cm_cycle_decide (f->store, listed_service (f),
                                   CM_REVIEW_DECISION_RECOMMISSION, "", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID);
  g_assert_true (cm_cycle_decide (f->store, listed_service (f), CM_REVIEW_DECISION_RECOMMISSION,
                                  "Needs have changed since 2019", NULL));

  g_assert_cmpint (cm_service_get_cycle (listed_service (f)), ==, 2);
  g_assert_cmpint (cm_service_get_stage (listed_service (f)), ==, CM_STAGE_ANALYSE);
  /* Cycle 2 starts from a fresh checklist; cycle 1's is kept. */
  items = current_items (f);
  g_assert_cmpint (cm_checklist_item_get_state (g_ptr_array_index (items, 0)), ==,
                   CM_ITEM_STATE_TO_DO);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_item WHERE cycle = 1"
                             " AND state = 'done'"), ==, 5);
  history = cm_cycle_history (f->store, listed_service (f));
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (cm_stage_event_get_decision (g_ptr_array_index (history, 3)), ==,
                   CM_REVIEW_DECISION_RECOMMISSION);
  g_assert_cmpint (cm_stage_event_get_cycle (g_ptr_array_index (history, 3)), ==, 1);
}

static void
test_extend_takes_an_extension (Fixture *f, gconstpointer data)
{
  gint64 id = add_contract (f, "3+1+1");
  g_autoptr(GError) error = NULL;
  CmContract *contract;

  advance_to (f, CM_STAGE_REVIEW);
  for (int taken = 1; taken <= 2; taken++)
    {
      g_assert_true (cm_cycle_decide (f->store, listed_service (f), CM_REVIEW_DECISION_EXTEND,
                                      "Performing well", NULL));
      contract = CM_CONTRACT (cm_store_find (f->store, CM_TYPE_CONTRACT, id));
      g_assert_cmpint (cm_contract_get_extensions_invoked (contract), ==, taken);
      g_assert_cmpint (cm_service_get_stage (listed_service (f)), ==, CM_STAGE_REVIEW);
    }
  /* No extension is left: the decision is refused and nothing changes. */
  g_assert_false (cm_cycle_decide (f->store, listed_service (f), CM_REVIEW_DECISION_EXTEND,
                                   "Performing well", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID);
  g_assert_cmpint (count (f, "SELECT count(*) FROM stage_event WHERE decision = 'extend'"), ==, 2);
}

static void
test_decommission (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  advance_to (f, CM_STAGE_REVIEW);
  g_assert_false (cm_cycle_advance (f->store, listed_service (f), "reason", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cm_cycle_decide (f->store, listed_service (f),
                                  CM_REVIEW_DECISION_DECOMMISSION,
                                  "The service has been replaced by a wider offer", NULL));
  g_assert_cmpint (cm_service_get_stage (listed_service (f)), ==, CM_STAGE_DECOMMISSIONING);
  g_assert_false (cm_cycle_advance (f->store, listed_service (f), "reason", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID);
}

static void
test_own_item_holds_the_gate (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  complete_stage (f);
  g_assert_false (cm_checklist_add_item (f->store, listed_service (f), " ", TRUE, &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_assert_true (cm_checklist_add_item (f->store, listed_service (f),
                                        "Visit the three carers' centres", TRUE, NULL));
  items = current_items (f);
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_cmpstr (cm_checklist_item_get_title (g_ptr_array_index (items, 5)), ==,
                   "Visit the three carers' centres");
  problems = cm_gate_problems (f->store, listed_service (f));
  g_assert_cmpuint (problems->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) \
  g_test_add ("/cycle/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("template-items", test_template_items);
  ADD ("advance-when-complete", test_advance_when_complete);
  ADD ("blocked-then-overridden", test_blocked_then_overridden);
  ADD ("not-applicable-needs-reason", test_not_applicable_needs_reason);
  ADD ("who-and-when-from-audit", test_who_and_when_from_audit);
  ADD ("do-needs-a-contract", test_do_needs_a_contract);
  ADD ("recommission-starts-cycle-two", test_recommission_starts_cycle_two);
  ADD ("extend-takes-an-extension", test_extend_takes_an_extension);
  ADD ("decommission", test_decommission);
  ADD ("own-item-holds-the-gate", test_own_item_holds_the_gate);
#undef ADD
  g_test_add_func ("/cycle/gate-table", test_gate_table);
  return g_test_run ();
}
