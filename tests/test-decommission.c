/* test-decommission.c: starting, evidencing, auditing and completing a
 * decommission, on real portfolio files */
#include "cm-checklist.h"
#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-deadlines.h"
#include "cm-decommissioning.h"
#include "cm-eia-process.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-test-util.h"
#include "cm-transition.h"

typedef struct {
  char *path;
  CmStore *store;
  GDate *today;
  gint64 service_id;
  gint64 contract_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOrganisation) org =
    cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Day activities");
  g_autoptr(CmProvider) provider = cm_provider_new ("Age UK Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) contract = cm_contract_new ("ASC-0001", "Day activities");

  f->today = cm_test_today ();
  f->store = cm_test_open_new ("decommission.commissioner", &f->path);
  cm_store_set_actor (f->store, "Decommissioning lead");
  g_object_set (service, "lead-commissioner-id", cm_test_save (f->store, org), NULL);
  f->service_id = cm_test_save (f->store, service);
  /* Third sector, ending 31 March 2027: the Compact's six months put the
   * latest notice date at 30 September 2026, already past. */
  g_object_set (contract, "service-id", f->service_id,
                "provider-id", cm_test_save (f->store, provider), "start-date", "2024-04-01",
                "term", "3 years", "notice-period", "3 months", NULL);
  f->contract_id = cm_test_save (f->store, contract);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->store);
  g_date_free (f->today);
  g_free (f->path);
}

static CmService *
service (Fixture *f)
{
  return CM_SERVICE (cm_store_find (f->store, CM_TYPE_SERVICE, f->service_id));
}

static CmDecommission *
decommission (Fixture *f)
{
  return cm_decommission_for_service (f->store, f->service_id);
}

static void
reach_review (Fixture *f)
{
  while (cm_service_get_stage (service (f)) < CM_STAGE_REVIEW)
    g_assert_true (cm_cycle_advance (f->store, service (f), "Moving on for the test", NULL));
}

static void
settle_steps (Fixture *f)
{
  g_autoptr(GPtrArray) steps = cm_checklist_items (f->store, f->service_id, 1,
                                                   CM_STAGE_DECOMMISSIONING);

  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(CmEntity) draft = cm_entity_copy (g_ptr_array_index (steps, i));

      g_object_set (draft, "state", CM_ITEM_STATE_DONE, "evidence", "Decommissioning file", NULL);
      g_assert_true (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (draft), NULL));
    }
}

/* A decommissioning EIA, screened, signed off and reviewed. */
static void
review_eia (Fixture *f)
{
  g_autoptr(CmStaff) staff = cm_staff_new ("Head of commissioning", "Head", "2026-01-01");
  gint64 staff_id = cm_test_save (f->store, staff);
  g_autoptr(CmEia) eia = g_object_new (CM_TYPE_EIA, "service-id", f->service_id,
                                       "author-id", staff_id,
                                       "decision", CM_EIA_DECISION_DECOMMISSION, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CmEntity) outcome = NULL;
  g_autoptr(CmEntity) review = NULL;
  gint64 id;

  g_assert_true (cm_eia_create (f->store, eia, NULL));
  id = cm_entity_get_id (CM_ENTITY (eia));
  list = cm_eia_characteristics (f->store, id);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(CmEntity) c = cm_entity_copy (g_ptr_array_index (list, i));

      g_object_set (c, "relevance", CM_RELEVANCE_NOT_RELEVANT, "screening-reason", "None", NULL);
      cm_test_save (f->store, c);
    }
  outcome = cm_entity_copy (cm_store_find (f->store, CM_TYPE_EIA, id));
  g_object_set (outcome, "outcome", CM_EIA_OUTCOME_NO_FULL_ASSESSMENT, "outcome-reason", "None",
                NULL);
  cm_test_save (f->store, outcome);
  g_assert_true (cm_eia_sign_off (f->store, CM_EIA (cm_store_find (f->store, CM_TYPE_EIA, id)),
                                  staff_id, "Head", f->today, NULL, NULL));
  review = cm_entity_copy (cm_store_find (f->store, CM_TYPE_EIA, id));
  g_object_set (review, "reviewed-on", "2026-11-20", "lessons", "Start earlier", NULL);
  cm_test_save (f->store, review);
}

static void
test_start_from_review (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) steps = NULL;

  reach_review (f);
  g_assert_true (cm_cycle_decide (f->store, service (f), CM_REVIEW_DECISION_DECOMMISSION,
                                  "Not delivering priority outcomes", NULL));
  started = decommission (f);
  g_assert_nonnull (started);
  g_assert_cmpstr (cm_decommission_get_reason (started), ==, "Not delivering priority outcomes");
  g_assert_cmpint (cm_service_get_stage (service (f)), ==, CM_STAGE_DECOMMISSIONING);
  contracts = cm_decommission_contracts (f->store, started);
  g_assert_cmpuint (contracts->len, ==, 1);
  /* The steps of DOMAIN.md: NHS principles, the council toolkit, TUPE,
   * transitions, notice, records, assets, communications, EIA review, lessons. */
  steps = cm_checklist_items (f->store, f->service_id, 1, CM_STAGE_DECOMMISSIONING);
  g_assert_cmpuint (steps->len, ==, 17);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM stage_event"
                                               " WHERE to_stage = 'decommissioning'"), ==, 1);
}

static void
test_start_directly (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started = NULL;
  g_autoptr(CmDecommission) again = NULL;
  g_autoptr(GError) error = NULL;

  started = cm_decommission_start (f->store, service (f), "Budget reduction agreed by the board",
                                   FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_get_stage (service (f)), ==, CM_STAGE_DECOMMISSIONING);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM stage_event"
                                               " WHERE from_stage = 'analyse' AND"
                                               " to_stage = 'decommissioning' AND"
                                               " reason LIKE 'Budget%'"), ==, 1);
  again = cm_decommission_start (f->store, service (f), "Twice", FALSE, &error);
  g_assert_null (again);
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID);
}

static void
test_completion_gate_and_override (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cm_test_query_dump (f->path, "SELECT * FROM decommission");
  g_autofree char *after = NULL;

  g_assert_false (cm_decommission_complete (f->store, started, f->today, "", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "EIA review"));
  after = cm_test_query_dump (f->path, "SELECT * FROM decommission");
  g_assert_cmpstr (before, ==, after);

  g_assert_true (cm_decommission_complete (f->store, started, f->today,
                                           "Provider ceased trading; the service ended early",
                                           NULL));
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM contract"
                                               " WHERE decommissioned_on = '2026-11-22'"), ==, 1);
  g_assert_cmpstr (cm_service_get_decommissioned_on (service (f)), ==, "2026-11-22");
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM audit"
                                               " WHERE entity = 'decommission'"
                                               " AND field = 'completion_override'"
                                               " AND new_value LIKE 'Provider ceased%'"
                                               " AND actor LIKE '%, as “Decommissioning lead”'"), ==, 1);
}

static void
test_completes_when_settled (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  g_autoptr(GError) error = NULL;

  settle_steps (f);
  g_assert_false (cm_decommission_complete (f->store, started, f->today, NULL, &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_BLOCKED);
  g_clear_error (&error);
  review_eia (f);
  g_assert_true (cm_decommission_complete (f->store, started, f->today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM decommission"
                                               " WHERE completion_override = ''"), ==, 1);
}

static void
test_notice_against_the_rules (Fixture *f, gconstpointer data)
{
  CmContract *contract = CM_CONTRACT (cm_store_find (f->store, CM_TYPE_CONTRACT, f->contract_id));
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  g_autoptr(CmEntity) served = cm_entity_copy (CM_ENTITY (contract));
  CmContractDates dates;
  char latest[16];

  g_assert_true (cm_contract_compute_dates (contract, f->today, &settings, &dates));
  g_date_strftime (latest, sizeof latest, "%Y-%m-%d", &dates.latest_notice);
  g_assert_cmpstr (latest, ==, "2026-09-30");
  g_assert_cmpint (dates.notice_status, ==, CM_DEADLINE_OVERDUE);
  /* Serving notice today could end it no sooner than 22 May 2027. */
  g_date_strftime (latest, sizeof latest, "%Y-%m-%d", &dates.notice_end);
  g_assert_cmpstr (latest, ==, "2027-05-22");
  g_object_set (served, "notice-served", "2026-11-22", NULL);
  cm_test_save (f->store, served);
  g_assert_true (cm_contract_compute_dates (CM_CONTRACT (served), f->today, &settings, &dates));
  g_assert_cmpint (dates.notice_status, ==, CM_DEADLINE_BREACHED);
}

static void
test_choosing_the_contracts (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(CmDecommission) done = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_decommission_set_affected (f->store, started, f->contract_id, FALSE, NULL));
  none = cm_decommission_contracts (f->store, started);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (cm_decommission_set_affected (f->store, started, f->contract_id, TRUE, NULL));
  again = cm_decommission_contracts (f->store, started);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM audit"
                                               " WHERE entity = 'decommission_contract'"
                                               " AND field = 'contract_id'"), ==, 3);

  g_assert_true (cm_decommission_complete (f->store, started, f->today, "Ended early", NULL));
  done = decommission (f);
  g_assert_false (cm_decommission_set_affected (f->store, done, f->contract_id, FALSE, &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID);
}

static void
test_transitions_by_reference (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  gint64 id = cm_entity_get_id (CM_ENTITY (started));
  g_autoptr(CmTransition) named = cm_transition_new (id, "Margaret Smith");
  g_autoptr(CmTransition) person = cm_transition_new (id, "ASC-10234");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_assert_false (cm_store_save (f->store, CM_ENTITY (named), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  cm_test_save (f->store, person);
  people = cm_decommission_transitions (f->store, started);
  g_assert_cmpuint (people->len, ==, 1);
}

static void
test_audit_view_and_tampering (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  g_autoptr(GPtrArray) steps = cm_checklist_items (f->store, f->service_id, 1,
                                                   CM_STAGE_DECOMMISSIONING);
  g_autoptr(CmEntity) step = cm_entity_copy (g_ptr_array_index (steps, 0));
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CmStore) reopened = NULL;
  g_autoptr(CmDecommission) again = NULL;
  CmDecommissionAction *done = NULL;
  gboolean all_verify = FALSE;
  gint64 expected;
  g_autofree char *tamper = NULL;

  g_object_set (step, "state", CM_ITEM_STATE_DONE, "evidence", "Options paper, 3 March", NULL);
  g_assert_true (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (step), NULL));
  actions = cm_decommission_actions (f->store, started, &all_verify, NULL);
  g_assert_true (all_verify);
  /* Exactly the rows of the decommission, its steps, people and contract
   * links, and the contract and service fields it changes. */
  expected = cm_test_query_int (f->path,
    "SELECT count(*) FROM audit WHERE (entity = 'decommission')"
    " OR (entity = 'checklist_item' AND entity_id IN"
    "     (SELECT id FROM checklist_item WHERE stage = 'decommissioning'))"
    " OR (entity = 'transition') OR (entity = 'decommission_contract')"
    " OR (entity = 'contract' AND field IN ('notice_served', 'decommissioned_on'))"
    " OR (entity = 'service' AND field = 'decommissioned_on')");
  g_assert_cmpint (actions->len, ==, expected);
  for (guint i = 0; i < actions->len; i++)
    {
      CmDecommissionAction *action = g_ptr_array_index (actions, i);

      if (g_str_equal (action->entry->field, "state") &&
          g_strcmp0 (action->entry->new_value, "done") == 0)
        done = action;
    }
  g_assert_nonnull (done);
  g_assert_cmpstr (done->entry->actor, ==, cm_store_get_actor (f->store));
  g_assert_cmpstr (done->step, ==, "Base the proposal on tangible evidence");
  g_assert_cmpstr (done->evidence, ==, "Options paper, 3 March");

  /* Someone edits that row outside the application. */
  tamper = g_strdup_printf ("UPDATE audit SET new_value = 'not-applicable' WHERE id = %"
                            G_GINT64_FORMAT, done->entry->id);
  cm_test_run_sqlite (f->path, tamper);
  reopened = cm_store_open (f->path, CM_STORE_OPEN_MUST_EXIST, NULL);
  g_assert_false (cm_store_verify_audit (reopened, NULL, NULL, NULL));
  again = cm_decommission_for_service (reopened, f->service_id);
  after = cm_decommission_actions (reopened, again, &all_verify, NULL);
  g_assert_false (all_verify);
  for (guint i = 0; i < after->len; i++)
    {
      CmDecommissionAction *action = g_ptr_array_index (after, i);

      g_assert_cmpint (action->verifies, ==, action->entry->id < done->entry->id);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) \
  g_test_add ("/decommission/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("start-from-review", test_start_from_review);
  ADD ("start-directly", test_start_directly);
  ADD ("completion-gate-and-override", test_completion_gate_and_override);
  ADD ("completes-when-settled", test_completes_when_settled);
  ADD ("notice-against-the-rules", test_notice_against_the_rules);
  ADD ("choosing-the-contracts", test_choosing_the_contracts);
  ADD ("transitions-by-reference", test_transitions_by_reference);
  ADD ("audit-view-and-tampering", test_audit_view_and_tampering);
#undef ADD
  return g_test_run ();
}
