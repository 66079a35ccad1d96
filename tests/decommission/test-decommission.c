/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-decommission.c: starting, evidencing, auditing and completing a
 * decommission, on real portfolio files */
#include "cm-audit-baseline.h"
#include "cm-checklist.h"
#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-decision-evidence.h"
#include "cm-decommission-checks.h"
#include "cm-decommissioning.h"
#include "cm-eia-process.h"
#include "cm-eia-review.h"
#include "cm-organisation.h"
#include "cm-overview.h"
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

      /* The EIA review is done after completion. */
      if (g_str_equal (cm_checklist_item_get_template_key (g_ptr_array_index (steps, i)),
                       CM_DECOMMISSION_AFTER_STEP))
        continue;
      g_object_set (draft, "state", CM_ITEM_STATE_DONE, "evidence", "Decommissioning file", NULL);
      g_assert_true (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (draft), NULL));
    }
}

/* A screened EIA of the service for @decision, signed off on @signed_on by
 * someone other than its author; returns its id. */
static gint64
signed_eia (Fixture *f, CmEiaDecision decision, const char *signed_on)
{
  g_autoptr(CmStaff) author = cm_staff_new ("Commissioning officer", "Officer", "2019-01-01");
  g_autoptr(CmStaff) signer = cm_staff_new ("Head of commissioning", "Head", "2019-01-01");
  gint64 author_id = cm_test_save (f->store, author);
  gint64 signer_id = cm_test_save (f->store, signer);
  g_autoptr(CmEia) eia = g_object_new (CM_TYPE_EIA, "service-id", f->service_id,
                                       "author-id", author_id, "decision", decision, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CmEntity) outcome = NULL;
  g_autoptr(GError) error = NULL;
  GDate on;
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
  g_assert_true (cm_date_parse_iso (signed_on, &on));
  g_assert_true (cm_eia_sign_off (f->store, CM_EIA (cm_store_find (f->store, CM_TYPE_EIA, id)),
                                  signer_id, "Head", &on, "Training checked elsewhere", &error));
  g_assert_no_error (error);
  return id;
}

/* The decommissioning EIA, signed off and reviewed after the close. */
static void
review_eia (Fixture *f)
{
  gint64 id = signed_eia (f, CM_EIA_DECISION_DECOMMISSION, "2026-01-10");
  g_autoptr(CmEntity) review = cm_entity_copy (cm_store_find (f->store, CM_TYPE_EIA, id));

  g_object_set (review, "reviewed-on", "2026-11-20", "lessons", "Start earlier", NULL);
  cm_test_save (f->store, review);
}

/* Sets the one contract's term and served notice. */
static void
set_contract (Fixture *f, const char *start, const char *term, const char *served)
{
  g_autoptr(CmEntity) draft =
    cm_entity_copy (cm_store_find (f->store, CM_TYPE_CONTRACT, f->contract_id));

  g_object_set (draft, "start-date", start, "term", term, "notice-served", served, NULL);
  cm_test_save (f->store, draft);
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
  g_autofree char *actor = cm_test_actor_condition (f->store);
  g_autofree char *sql = NULL;

  g_assert_false (cm_decommission_complete (f->store, started, f->today, "", &error));
  g_assert_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "Notice has not been served on contract ASC-0001"));
  g_assert_nonnull (strstr (error->message, "Contract ASC-0001 runs until 31 March 2027"));
  /* The EIA review follows completion: it does not hold it. */
  g_assert_null (strstr (error->message, "EIA review"));
  after = cm_test_query_dump (f->path, "SELECT * FROM decommission");
  g_assert_cmpstr (before, ==, after);

  g_assert_true (cm_decommission_complete (f->store, started, f->today,
                                           "Provider ceased trading; the service ended early",
                                           NULL));
  /* The contract is marked ended on its own last day, not today. */
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM contract"
                                               " WHERE decommissioned_on = '2027-03-31'"), ==, 1);
  g_assert_cmpstr (cm_service_get_decommissioned_on (service (f)), ==, "2026-11-22");
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'decommission'"
                         " AND field = 'completion_override'"
                         " AND new_value LIKE 'Provider ceased%%' AND %s", actor);
  g_assert_cmpint (cm_test_query_int (f->path, sql), ==, 1);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM audit"
                                               " WHERE entity = 'decommission'"
                                               " AND field = 'completion_open_items'"
                                               " AND new_value LIKE '%Notice has not been served%'"),
                   ==, 1);
}

static void
test_completes_when_settled (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  g_autoptr(GError) error = NULL;

  /* Ended on 31 March 2026, notice served before the last day (30
   * September 2025); every step but the EIA review settled. */
  set_contract (f, "2023-04-01", "3 years", "2025-09-01");
  settle_steps (f);
  g_assert_true (cm_decommission_complete (f->store, started, f->today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM decommission"
                                               " WHERE completion_override = ''"
                                               " AND completion_open_items = ''"), ==, 1);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM contract"
                                               " WHERE decommissioned_on = '2026-03-31'"), ==, 1);
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
  g_auto(CmAuditVerdict) sound = { 0 };
  g_auto(CmAuditVerdict) broken = { 0 };
  gint64 expected;
  g_autofree char *tamper = NULL;

  g_object_set (step, "state", CM_ITEM_STATE_DONE, "evidence", "Options paper, 3 March", NULL);
  g_assert_true (cm_checklist_save_item (f->store, CM_CHECKLIST_ITEM (step), NULL));
  cm_audit_verdict_check_chain (f->store, &sound);
  actions = cm_decommission_actions (f->store, started, &sound, NULL);
  g_assert_cmpint (cm_decommission_actions_check (actions, &sound), ==, CM_AUDIT_ROW_VOUCHED);
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
  cm_test_run_sql (f->path, tamper);
  reopened = cm_store_open (f->path, CM_STORE_OPEN_MUST_EXIST, NULL);
  g_assert_false (cm_store_verify_audit (reopened, NULL, NULL, NULL));
  again = cm_decommission_for_service (reopened, f->service_id);
  cm_audit_verdict_check_chain (reopened, &broken);
  after = cm_decommission_actions (reopened, again, &broken, NULL);
  g_assert_cmpint (cm_decommission_actions_check (after, &broken), ==, CM_AUDIT_ROW_NOT_VOUCHED);
  for (guint i = 0; i < after->len; i++)
    {
      CmDecommissionAction *action = g_ptr_array_index (after, i);

      g_assert_cmpint (action->check, ==, action->entry->id < done->entry->id
                                          ? CM_AUDIT_ROW_VOUCHED : CM_AUDIT_ROW_NOT_VOUCHED);
    }
}

/* ---- completion checks the substance ----------------------------------- */

typedef struct {
  const char *name;
  const char *start;
  const char *term;
  const char *served;
  const char *moves;      /* one letter a person: p planned, i in progress, c complete, d declined */
  const char *problem;    /* part of what holds completion; NULL: it completes */
  CmDecommissionCheckKind kind;  /* the check that says @problem, which the window acts on */
} CompletionCase;

static const CompletionCase completion_cases[] = {
  { "ended, notice in time, everyone moved", "2023-04-01", "3 years", "2025-09-01", "cd", NULL },
  { "notice served on the last day", "2023-04-01", "3 years", "2025-09-30", "c", NULL },
  { "notice never served", "2023-04-01", "3 years", "", "c",
    "Notice has not been served on contract ASC-0001 (the last day was 30 September 2025)",
    CM_DECOMMISSION_CHECK_NOTICE },
  { "notice served late", "2023-04-01", "3 years", "2025-12-01", "c",
    "Notice on contract ASC-0001 was served on 1 December 2025, after the last day to serve "
    "it, 30 September 2025.", CM_DECOMMISSION_CHECK_NOTICE },
  { "contract still running", "2024-04-01", "3 years", "2026-01-05", "c",
    "Contract ASC-0001 runs until 31 March 2027.", CM_DECOMMISSION_CHECK_CONTRACT_RUNNING },
  { "one move still planned", "2023-04-01", "3 years", "2025-09-01", "cp",
    "The move of 1 person to other support is not settled (PH-2)", CM_DECOMMISSION_CHECK_MOVES },
  { "two moves in progress", "2023-04-01", "3 years", "2025-09-01", "ii",
    "The moves of 2 people to other support are not settled (PH-1, PH-2)",
    CM_DECOMMISSION_CHECK_MOVES },
  { "no term to check the notice against", "2023-04-01", "", "2025-09-01", "c",
    "The notice on contract ASC-0001 cannot be checked", CM_DECOMMISSION_CHECK_CONTRACT_DATES },
};

static CmTransitionStatus
move_status (char letter)
{
  switch (letter)
    {
    case 'i': return CM_TRANSITION_IN_PROGRESS;
    case 'c': return CM_TRANSITION_COMPLETE;
    case 'd': return CM_TRANSITION_DECLINED;
    default: return CM_TRANSITION_PLANNED;
    }
}

/* The check that says @problem names its kind and, for a contract's
 * check, the contract; the checks say what the problems say, in order. */
static void
assert_check (Fixture *f, CmDecommission *d, const CompletionCase *c, GPtrArray *problems)
{
  g_autoptr(GPtrArray) checks = cm_decommission_checks (f->store, d, f->today);
  gboolean found = FALSE;

  g_assert_cmpuint (checks->len + 1, ==, problems->len);  /* problems end in NULL */
  for (guint i = 0; i < checks->len; i++)
    {
      CmDecommissionCheck *check = g_ptr_array_index (checks, i);
      gboolean of_contract = check->kind == CM_DECOMMISSION_CHECK_CONTRACT_DATES ||
                             check->kind == CM_DECOMMISSION_CHECK_NOTICE ||
                             check->kind == CM_DECOMMISSION_CHECK_CONTRACT_RUNNING;

      g_assert_cmpstr (check->problem, ==, g_ptr_array_index (problems, i));
      g_assert_cmpint (check->contract_id, ==, of_contract ? f->contract_id : 0);
      if (c->problem && strstr (check->problem, c->problem))
        {
          g_assert_cmpint (check->kind, ==, c->kind);
          found = TRUE;
        }
    }
  g_assert_cmpint (found, ==, c->problem != NULL);
}

static void
test_completion_checks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (completion_cases); i++)
    {
      const CompletionCase *c = &completion_cases[i];
      Fixture fixture = { 0 }, *f = &fixture;
      g_autoptr(CmDecommission) started = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", c->name);
      fixture_set_up (f, NULL);
      started = cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
      set_contract (f, c->start, c->term, c->served);
      settle_steps (f);
      for (guint m = 0; c->moves[m]; m++)
        {
          g_autofree char *ref = g_strdup_printf ("PH-%u", m + 1);
          g_autoptr(CmTransition) person =
            cm_transition_new (cm_entity_get_id (CM_ENTITY (started)), ref);

          g_object_set (person, "status", move_status (c->moves[m]), NULL);
          cm_test_save (f->store, person);
        }
      problems = cm_decommission_completion_problems (f->store, started, f->today);
      g_ptr_array_add (problems, NULL);
      assert_check (f, started, c, problems);
      text = g_strjoinv ("\n", (char **) problems->pdata);
      if (c->problem)
        g_assert_nonnull (strstr (text, c->problem));
      else
        g_assert_cmpstr (text, ==, "");
      g_assert_cmpint (cm_decommission_complete (f->store, started, f->today, NULL, &error), ==,
                       c->problem == NULL);
      g_clear_object (&started);
      fixture_tear_down (f, NULL);
    }
}

/* ---- the EIA before the decision -------------------------------------- */

typedef struct {
  const char *name;
  const char *signed_on;  /* NULL: the service has no EIA */
  gboolean named;         /* the decision names it */
  const char *decided_on;
  const char *override;
  CmEiaEvidence evidence;
  const char *problem;    /* part of the flag; NULL: sound */
} DecisionCase;

static const DecisionCase decision_cases[] = {
  { "signed before the decision", "2026-03-01", TRUE, "2026-03-10", NULL,
    CM_EIA_EVIDENCE_SOUND, NULL },
  { "decided on the day of sign-off", "2026-03-10", TRUE, "2026-03-10", NULL,
    CM_EIA_EVIDENCE_SOUND, NULL },
  { "decided before the sign-off", "2026-03-16", TRUE, "2026-02-10", NULL,
    CM_EIA_EVIDENCE_TOO_EARLY,
    "was taken on 10 February 2026, before its EIA was signed off on 16 March 2026" },
  { "no EIA at all", NULL, FALSE, "2026-03-10", NULL, CM_EIA_EVIDENCE_NONE,
    "names no signed equality impact assessment" },
  { "a signed EIA not named", "2026-03-01", FALSE, "2026-03-10", NULL, CM_EIA_EVIDENCE_NONE,
    "names no signed equality impact assessment" },
  { "no decision date", "2026-03-01", TRUE, "", NULL, CM_EIA_EVIDENCE_UNDATED,
    "has no date" },
  { "decided too early, with a reason", "2026-03-16", TRUE, "2026-02-10",
    "Provider failed; the service closed at once", CM_EIA_EVIDENCE_TOO_EARLY, NULL },
  { "no EIA, with a reason", NULL, FALSE, "2026-03-10", "Emergency closure ordered by the CQC",
    CM_EIA_EVIDENCE_NONE, NULL },
};

static void
test_decision_evidence (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (decision_cases); i++)
    {
      const DecisionCase *c = &decision_cases[i];
      Fixture fixture = { 0 }, *f = &fixture;
      g_autoptr(CmDecommission) started = NULL;
      g_autoptr(CmEntity) dated = NULL;
      g_autoptr(CmDecisionEvidence) evidence = NULL;
      g_autoptr(GPtrArray) flagged = NULL;
      g_autoptr(CmOverview) overview = NULL;
      gint64 eia_id = 0, id;

      g_test_message ("case: %s", c->name);
      fixture_set_up (f, NULL);
      started = cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
      id = cm_entity_get_id (CM_ENTITY (started));
      if (c->signed_on)
        eia_id = signed_eia (f, CM_EIA_DECISION_DECOMMISSION, c->signed_on);
      g_assert_true (cm_decision_evidence_set_eia (f->store, cm_store_find (f->store,
                                                                            CM_TYPE_DECOMMISSION,
                                                                            id),
                                                   c->named ? eia_id : 0, NULL));
      dated = cm_entity_copy (cm_store_find (f->store, CM_TYPE_DECOMMISSION, id));
      g_object_set (dated, "decision-date", c->decided_on, NULL);
      cm_test_save (f->store, dated);
      if (c->override)
        g_assert_true (cm_decision_evidence_override (f->store,
                                                      cm_store_find (f->store,
                                                                     CM_TYPE_DECOMMISSION, id),
                                                      c->override, NULL));

      evidence = cm_decision_evidence_of_decommission (
        f->store, CM_DECOMMISSION (cm_store_find (f->store, CM_TYPE_DECOMMISSION, id)));
      g_assert_cmpint (evidence->evidence, ==, c->evidence);
      g_assert_cmpint (cm_decision_evidence_is_flagged (evidence), ==, c->problem != NULL);
      if (c->problem)
        g_assert_nonnull (strstr (evidence->problem, c->problem));
      flagged = cm_decision_evidence_flagged (f->store);
      g_assert_cmpuint (flagged->len, ==, c->problem != NULL);
      overview = cm_overview_collect (f->store, f->today);
      g_assert_cmpuint (overview->flagged_decisions->len, ==, c->problem != NULL);
      if (c->override)
        g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM audit"
                                                     " WHERE entity = 'decommission'"
                                                     " AND field = 'eia_override'"
                                                     " AND new_value <> ''"), ==, 1);
      g_clear_object (&started);
      fixture_tear_down (f, NULL);
    }
}

/* Only a signed EIA of the same service can have informed the decision. */
static void
test_decision_names_a_signed_eia (Fixture *f, gconstpointer data)
{
  g_autoptr(CmDecommission) started =
    cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
  g_autoptr(CmEia) draft = g_object_new (CM_TYPE_EIA, "service-id", f->service_id,
                                         "decision", CM_EIA_DECISION_DECOMMISSION, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmDecommission) later = NULL;
  gint64 signed_id;

  g_assert_cmpint (cm_decommission_get_eia_id (started), ==, 0);
  g_assert_true (cm_eia_create (f->store, draft, NULL));
  g_assert_cmpint (cm_eia_evidence_judge (draft, "2026-03-10"), ==, CM_EIA_EVIDENCE_UNSIGNED);
  g_assert_false (cm_decision_evidence_set_eia (f->store, CM_ENTITY (started),
                                                cm_entity_get_id (CM_ENTITY (draft)), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cm_decision_evidence_override (f->store, CM_ENTITY (started), "  ", &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);

  /* A decommission started once a signed EIA exists names it itself. */
  signed_id = signed_eia (f, CM_EIA_DECISION_DECOMMISSION, "2026-02-01");
  g_assert_true (cm_decommission_complete (f->store, started, f->today, "Test", NULL));
  later = cm_decommission_start (f->store, service (f), "Again", TRUE, NULL);
  g_assert_nonnull (later);
  g_assert_cmpint (cm_decommission_get_eia_id (later), ==, signed_id);
}

typedef struct {
  const char *name;
  gboolean has_eia;
  const char *override;
  gboolean flagged;
} RecommissionCase;

static const RecommissionCase recommission_cases[] = {
  { "a signed re-commissioning EIA", TRUE, NULL, FALSE },
  { "no EIA", FALSE, NULL, TRUE },
  { "no EIA, with a reason", FALSE, "Contract expiry forced the decision", FALSE },
};

/* The Review step that re-commissions a service is dated and names the
 * latest signed re-commissioning EIA. */
static void
test_recommission_decision (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (recommission_cases); i++)
    {
      const RecommissionCase *c = &recommission_cases[i];
      Fixture fixture = { 0 }, *f = &fixture;
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) flagged = NULL;
      CmDecisionEvidence *decision;
      gint64 eia_id = 0;

      g_test_message ("case: %s", c->name);
      fixture_set_up (f, NULL);
      reach_review (f);
      if (c->has_eia)
        eia_id = signed_eia (f, CM_EIA_DECISION_RECOMMISSION, "2026-01-10");
      g_assert_true (cm_cycle_decide (f->store, service (f), CM_REVIEW_DECISION_RECOMMISSION,
                                      "Needs have changed", NULL));
      all = cm_decision_evidence_all (f->store);
      g_assert_cmpuint (all->len, ==, 1);
      decision = g_ptr_array_index (all, 0);
      g_assert_true (decision->recommission);
      g_assert_cmpuint (strlen (decision->decided_on), ==, 10);
      g_assert_cmpint (decision->eia ? cm_entity_get_id (CM_ENTITY (decision->eia)) : 0, ==,
                       eia_id);
      if (c->override)
        g_assert_true (cm_decision_evidence_override (f->store, decision->record, c->override,
                                                      NULL));
      flagged = cm_decision_evidence_flagged (f->store);
      g_assert_cmpuint (flagged->len, ==, c->flagged);
      fixture_tear_down (f, NULL);
    }
}

/* ---- the EIA review after completion ---------------------------------- */

typedef struct {
  const char *completed_on;
  int months;
  const char *due;
} DueCase;

static const DueCase due_cases[] = {
  { "2026-03-31", 6, "2026-09-30" },
  { "2026-08-31", 6, "2027-02-28" },
  { "2026-11-22", 6, "2027-05-22" },
  { "2026-11-22", 3, "2027-02-22" },
  { "2026-01-15", 12, "2027-01-15" },
};

typedef struct {
  const char *name;
  int months;             /* 0: the default */
  const char *today;      /* the day the Overview is drawn */
  gboolean reviewed;
  gboolean overdue;
} OverdueCase;

/* Each decommission completes on 22 November 2026. */
static const OverdueCase overdue_cases[] = {
  { "within the default six months", 0, "2027-05-22", FALSE, FALSE },
  { "a day past the default six months", 0, "2027-05-23", FALSE, TRUE },
  { "past due, but reviewed", 0, "2027-06-30", TRUE, FALSE },
  { "a three-month period, past due", 3, "2027-02-23", FALSE, TRUE },
  { "a twelve-month period, not yet due", 12, "2027-06-30", FALSE, FALSE },
};

static void
test_eia_review_due (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      GDate due;
      char text[16];

      g_assert_true (cm_eia_review_due_date (due_cases[i].completed_on, due_cases[i].months,
                                             &due));
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &due);
      g_assert_cmpstr (text, ==, due_cases[i].due);
    }

  for (guint i = 0; i < G_N_ELEMENTS (overdue_cases); i++)
    {
      const OverdueCase *c = &overdue_cases[i];
      Fixture fixture = { 0 }, *f = &fixture;
      g_autoptr(CmDecommission) started = NULL;
      g_autoptr(GPtrArray) overdue = NULL;
      g_autoptr(CmOverview) overview = NULL;
      GDate today;

      g_test_message ("case: %s", c->name);
      fixture_set_up (f, NULL);
      g_assert_cmpint (cm_eia_review_months (f->store), ==, CM_EIA_REVIEW_MONTHS_DEFAULT);
      if (c->months)
        g_assert_true (cm_eia_review_set_months (f->store, c->months, NULL));
      started = cm_decommission_start (f->store, service (f), "Budget reduction", FALSE, NULL);
      set_contract (f, "2023-04-01", "3 years", "2025-09-01");
      settle_steps (f);
      g_assert_true (cm_decommission_complete (f->store, started, f->today, NULL, NULL));
      if (c->reviewed)
        review_eia (f);
      g_assert_true (cm_date_parse_iso (c->today, &today));
      overdue = cm_eia_reviews_overdue (f->store, &today);
      g_assert_cmpuint (overdue->len, ==, c->overdue);
      overview = cm_overview_collect (f->store, &today);
      g_assert_cmpuint (overview->overdue_reviews->len, ==, c->overdue);
      g_clear_object (&started);
      fixture_tear_down (f, NULL);
    }
}

static void
test_review_period_setting (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_eia_review_set_months (f->store, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (cm_eia_review_months (f->store), ==, 6);
  g_assert_true (cm_eia_review_set_months (f->store, 9, NULL));
  g_assert_cmpint (cm_eia_review_months (f->store), ==, 9);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM audit WHERE entity = 'meta'"
                                               " AND field = 'eia_review_months'"
                                               " AND new_value = '9'"), ==, 1);
}

/* A portfolio from before decisions named their EIA opens; its decision
 * is flagged, and its re-commissioning step, with no date, is history. */
static void
test_older_portfolio (void)
{
  g_autofree char *path = cm_test_temp_path ("decisions-old.commissioner");
  /* From before the audit baseline, so the trail takes in these rows. */
  sqlite3 *db = cm_test_create_old_portfolio (path, CM_AUDIT_BASELINE_VERSION - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  CmDecisionEvidence *decision;

  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO service (id, name, area, client_group) VALUES (1, 'Day care', 'support',"
    "  'adults');"
    "INSERT INTO stage_event VALUES (1, 1, 1, 'review', 'analyse', 're-commission', 0, 'Old', '');"
    "INSERT INTO decommission (id, service_id, reason, decision_date)"
    "  VALUES (1, 1, 'Replaced', '2024-02-01');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  decisions = cm_decision_evidence_all (store);
  g_assert_cmpuint (decisions->len, ==, 1);
  decision = g_ptr_array_index (decisions, 0);
  g_assert_false (decision->recommission);
  g_assert_cmpint (decision->evidence, ==, CM_EIA_EVIDENCE_NONE);
  g_assert_true (cm_decision_evidence_is_flagged (decision));
  g_assert_true (cm_decision_evidence_override (store, decision->record,
                                                "Decided before EIAs were kept here", NULL));
  g_assert_true (cm_store_verify_audit (store, NULL, NULL, NULL));
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
  ADD ("decision-names-a-signed-eia", test_decision_names_a_signed_eia);
  ADD ("review-period-setting", test_review_period_setting);
#undef ADD
  g_test_add_func ("/decommission/completion-checks", test_completion_checks);
  g_test_add_func ("/decommission/decision-evidence", test_decision_evidence);
  g_test_add_func ("/decommission/recommission-decision", test_recommission_decision);
  g_test_add_func ("/decommission/eia-review-due", test_eia_review_due);
  g_test_add_func ("/decommission/older-portfolio", test_older_portfolio);
  return g_test_run ();
}
