/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-eia.c: equality impact assessments: screening, sign-off, versions,
 * training and the Plan gate, on real portfolio files */
#include "cm-characteristic.h"
#include "cm-checklist.h"
#include "cm-cycle.h"
#include "cm-eia-process.h"
#include "cm-gate.h"
#include "cm-organisation.h"
#include "cm-test-util.h"

typedef struct {
  char *path;
  CmStore *store;
  GDate *today;
  gint64 service_id;
  gint64 trained_id;     /* training in date on the test's today */
  gint64 lapsed_id;      /* trained in 2020: a refresher was due in 2022 */
  gint64 signer_id;      /* in date, and never the author */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CmOrganisation) org =
    cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Carers support");
  g_autoptr(CmStaff) trained = cm_staff_new ("Commissioning manager", "Commissioning manager",
                                             "2026-01-15");
  g_autoptr(CmStaff) lapsed = cm_staff_new ("Commissioning officer", "Commissioning officer",
                                            "2020-03-01");
  g_autoptr(CmStaff) signer = cm_staff_new ("Head of commissioning", "Head of commissioning",
                                            "2026-02-01");

  f->today = cm_test_today ();
  f->store = cm_test_open_new ("eia.commissioner", &f->path);
  cm_store_set_actor (f->store, "Equality lead");
  g_object_set (service, "lead-commissioner-id", cm_test_save (f->store, org), NULL);
  f->service_id = cm_test_save (f->store, service);
  f->trained_id = cm_test_save (f->store, trained);
  f->lapsed_id = cm_test_save (f->store, lapsed);
  f->signer_id = cm_test_save (f->store, signer);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->store);
  g_date_free (f->today);
  g_free (f->path);
}

static CmEia *
start (Fixture *f, gint64 author_id)
{
  g_autoptr(GError) error = NULL;
  CmEia *eia = g_object_new (CM_TYPE_EIA, "service-id", f->service_id,
                             "decision", CM_EIA_DECISION_COMMISSION, "author-id", author_id, NULL);

  g_assert_true (cm_eia_create (f->store, eia, &error));
  g_assert_no_error (error);
  return eia;
}

static CmEia *
listed (Fixture *f, CmEia *eia)
{
  return CM_EIA (cm_store_find (f->store, CM_TYPE_EIA, cm_entity_get_id (CM_ENTITY (eia))));
}

/* Saves a copy of @entity with one property changed; returns the result. */
static gboolean
try_set (Fixture *f, gpointer entity, const char *property, const GValue *value, GError **error)
{
  g_autoptr(CmEntity) draft = cm_entity_copy (entity);

  g_object_set_property (G_OBJECT (draft), property, value);
  return cm_store_save (f->store, draft, error);
}

static void
set_string (Fixture *f, gpointer entity, const char *property, const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_assert_true (try_set (f, entity, property, &value, NULL));
}

/* Screens every characteristic: Age relevant with a negative impact and
 * one mitigation, the rest not relevant; a full assessment is needed. */
static void
complete (Fixture *f, CmEia *eia)
{
  g_autoptr(GPtrArray) list = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (eia)));
  g_autoptr(CmEntity) outcome = cm_entity_copy (CM_ENTITY (listed (f, eia)));

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(CmEntity) c = cm_entity_copy (g_ptr_array_index (list, i));
      gboolean age = i == 0;

      g_object_set (c, "relevance", age ? CM_RELEVANCE_RELEVANT : CM_RELEVANCE_NOT_RELEVANT,
                    "screening-reason", age ? "Most carers supported are over 65"
                                            : "No differential effect found",
                    "impact", age ? CM_IMPACT_NEGATIVE : CM_IMPACT_UNKNOWN,
                    "evidence", age ? "Carers survey 2026" : "", NULL);
      cm_test_save (f->store, c);
      if (age)
        {
          g_autoptr(CmEiaMitigation) m =
            cm_eia_mitigation_new (cm_entity_get_id (c), "Home visits for carers over 80",
                                   "Carers team manager", "2026-10-31");
          cm_test_save (f->store, m);
        }
    }
  g_object_set (outcome, "outcome", CM_EIA_OUTCOME_FULL_ASSESSMENT,
                "outcome-reason", "Age is relevant", NULL);
  cm_test_save (f->store, outcome);
}

static void
test_start_copies_the_list (Fixture *f, gconstpointer data)
{
  g_autoptr(CmEia) eia = start (f, f->trained_id);
  g_autoptr(GPtrArray) list = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (eia)));
  CmCharacteristic *age = NULL;
  GListModel *all = cm_store_list (f->store, CM_TYPE_CHARACTERISTIC);
  g_autoptr(GPtrArray) after = NULL;

  /* The nine protected characteristics, carers and poverty. */
  g_assert_cmpuint (list->len, ==, 11);
  g_assert_cmpstr (cm_eia_characteristic_get_name (g_ptr_array_index (list, 0)), ==, "Age");
  g_assert_cmpstr (cm_eia_characteristic_get_name (g_ptr_array_index (list, 10)), ==,
                   "Poverty and socio-economic disadvantage");

  /* Renaming an entry of the list leaves the EIA's copy as it was. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmCharacteristic) c = g_list_model_get_item (all, i);

      if (g_str_equal (cm_characteristic_get_name (c), "Age"))
        age = c;
    }
  g_assert_nonnull (age);
  set_string (f, age, "name", "Age (all ages)");
  after = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (eia)));
  g_assert_cmpstr (cm_eia_characteristic_get_name (g_ptr_array_index (after, 0)), ==, "Age");
}

static void
test_screening_outcomes (Fixture *f, gconstpointer data)
{
  g_autoptr(CmEia) eia = start (f, f->trained_id);
  g_autoptr(GPtrArray) fresh = cm_eia_problems (f->store, eia);
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(CmEntity) no_evidence = NULL;

  /* 11 unscreened characteristics and no outcome. */
  g_assert_cmpuint (fresh->len, ==, 12);
  g_assert_cmpstr (g_ptr_array_index (fresh, 0), ==, "Screen “Age”: say whether it is relevant.");

  complete (f, eia);
  done = cm_eia_problems (f->store, listed (f, eia));
  g_assert_cmpuint (done->len, ==, 0);

  /* A relevant characteristic with a negative impact needs evidence and
   * a mitigation. */
  list = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (eia)));
  no_evidence = cm_entity_copy (g_ptr_array_index (list, 0));
  g_object_set (no_evidence, "evidence", "", NULL);
  cm_test_save (f->store, no_evidence);
  missing = cm_eia_problems (f->store, listed (f, eia));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==,
                   "Give the evidence for the impact on “Age”.");
}

static void
test_read_only_after_sign_off (Fixture *f, gconstpointer data)
{
  g_autoptr(CmEia) eia = start (f, f->trained_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) mitigations = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CmEiaMitigation) extra = NULL;
  g_auto(GValue) impact = G_VALUE_INIT;
  g_auto(GValue) status = G_VALUE_INIT;
  g_auto(GValue) proposal = G_VALUE_INIT;

  complete (f, eia);
  g_assert_true (cm_eia_sign_off (f->store, listed (f, eia), f->signer_id, "Head of commissioning",
                                  f->today, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cm_eia_get_signed (listed (f, eia)));
  before = cm_test_query_dump (f->path, "SELECT * FROM eia_characteristic");

  list = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (eia)));
  g_value_init (&impact, CM_TYPE_IMPACT);
  g_value_set_enum (&impact, CM_IMPACT_POSITIVE);
  g_assert_false (try_set (f, g_ptr_array_index (list, 0), "impact", &impact, &error));
  g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_SIGNED_OFF);
  g_clear_error (&error);
  g_assert_false (cm_store_delete (f->store, g_ptr_array_index (list, 1), &error));
  g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_SIGNED_OFF);
  g_clear_error (&error);
  extra = cm_eia_mitigation_new (cm_entity_get_id (CM_ENTITY (g_ptr_array_index (list, 0))),
                                 "Another action", "", "");
  g_assert_false (cm_store_save (f->store, CM_ENTITY (extra), &error));
  g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_SIGNED_OFF);
  g_clear_error (&error);
  g_value_init (&proposal, G_TYPE_STRING);
  g_value_set_string (&proposal, "A different proposal");
  g_assert_false (try_set (f, listed (f, eia), "proposal", &proposal, &error));
  g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_SIGNED_OFF);
  after = cm_test_query_dump (f->path, "SELECT * FROM eia_characteristic");
  g_assert_cmpstr (before, ==, after);

  /* Its actions are still carried out, and the review is written later. */
  mitigations = cm_eia_mitigations (f->store, cm_entity_get_id (CM_ENTITY (g_ptr_array_index (list, 0))));
  g_value_init (&status, CM_TYPE_MITIGATION_STATUS);
  g_value_set_enum (&status, CM_MITIGATION_DONE);
  g_assert_true (try_set (f, g_ptr_array_index (mitigations, 0), "status", &status, NULL));
  set_string (f, listed (f, eia), "lessons", "Start home visits earlier");
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM eia_mitigation"
                                               " WHERE status = 'done'"), ==, 1);
}

static void
test_new_version_and_differences (Fixture *f, gconstpointer data)
{
  g_autoptr(CmEia) eia = start (f, f->trained_id);
  g_autoptr(CmEia) next = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(CmEntity) age = NULL;
  g_autoptr(GError) error = NULL;

  complete (f, eia);
  g_assert_null (cm_eia_new_version (f->store, listed (f, eia), &error));
  g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (cm_eia_sign_off (f->store, listed (f, eia), f->signer_id, "Head of commissioning",
                                  f->today, NULL, NULL));
  next = cm_eia_new_version (f->store, listed (f, eia), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_eia_get_version (next), ==, 2);
  g_assert_cmpint (cm_eia_get_previous_id (next), ==, cm_entity_get_id (CM_ENTITY (eia)));
  g_assert_false (cm_eia_get_signed (next));
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM eia_characteristic"), ==, 22);
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM eia_mitigation"), ==, 2);

  list = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (next)));
  age = cm_entity_copy (g_ptr_array_index (list, 0));
  g_object_set (age, "impact", CM_IMPACT_NEUTRAL, NULL);
  cm_test_save (f->store, age);
  changes = cm_eia_differences (f->store, listed (f, eia), listed (f, next));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "Age, impact: Negative → Neutral");
  /* Version 1 is as it was signed. */
  g_assert_cmpint (cm_test_query_int (f->path, "SELECT count(*) FROM eia_characteristic"
                                               " WHERE impact = 'negative'"), ==, 1);
}

static void
test_training_warning_and_override (Fixture *f, gconstpointer data)
{
  g_autoptr(CmEia) eia = start (f, f->lapsed_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  CmStaff *lapsed = CM_STAFF (cm_store_find (f->store, CM_TYPE_STAFF, f->lapsed_id));
  g_autofree char *actor = cm_test_actor_condition (f->store);
  g_autofree char *sql = NULL;
  GDate due;

  g_assert_cmpint (cm_staff_training (lapsed, f->today, &due), ==, CM_TRAINING_OUT_OF_DATE);
  g_assert_cmpint (g_date_get_year (&due), ==, 2022);
  complete (f, eia);
  warnings = cm_eia_training_warnings (f->store, listed (f, eia), f->trained_id, f->today);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Commissioning officer, the author"));

  g_assert_false (cm_eia_sign_off (f->store, listed (f, eia), f->signer_id, "Head of commissioning",
                                   f->today, " ", &error));
  g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_TRAINING);
  g_assert_false (cm_eia_get_signed (listed (f, eia)));
  g_assert_true (cm_eia_sign_off (f->store, listed (f, eia), f->signer_id, "Head of commissioning",
                                  f->today, "Refresher booked for December; decision due now",
                                  NULL));
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'eia'"
                         " AND field = 'training_override'"
                         " AND new_value LIKE 'Refresher booked%%' AND %s", actor);
  g_assert_cmpint (cm_test_query_int (f->path, sql), ==, 1);
}

static void
test_plan_gate (Fixture *f, gconstpointer data)
{
  CmService *service = CM_SERVICE (cm_store_find (f->store, CM_TYPE_SERVICE, f->service_id));
  g_autoptr(CmEia) eia = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) open = NULL;
  gboolean eia_named = FALSE;

  g_assert_true (cm_cycle_advance (f->store, service, "Moving on for the test", NULL));
  held = cm_gate_problems (f->store, service);
  for (guint i = 0; i < held->len; i++)
    eia_named |= strstr (g_ptr_array_index (held, i), "equality impact assessment") != NULL;
  g_assert_true (eia_named);

  eia = start (f, f->trained_id);
  complete (f, eia);
  g_assert_true (cm_eia_sign_off (f->store, listed (f, eia), f->signer_id, "Head of commissioning",
                                  f->today, NULL, NULL));
  open = cm_gate_problems (f->store, service);
  for (guint i = 0; i < open->len; i++)
    g_assert_null (strstr (g_ptr_array_index (open, i), "equality impact assessment"));
}

/* One sign-off attempt: how Age (relevant) is left, and who signs. */
typedef struct {
  const char *name;
  CmImpact impact;
  gboolean has_action;     /* Age keeps its one action */
  const char *owner;
  const char *due;
  gboolean author_signs;
  const char *refusal;     /* part of the refusal; NULL: it is signed off */
} SignOffCase;

static const SignOffCase sign_off_cases[] = {
  { "complete, signed by another", CM_IMPACT_NEGATIVE, TRUE, "Carers team manager",
    "2026-10-31", FALSE, NULL },
  { "the author signs", CM_IMPACT_NEGATIVE, TRUE, "Carers team manager", "2026-10-31", TRUE,
    "Commissioning manager wrote this EIA, so cannot also sign it off" },
  { "a mitigation with no owner", CM_IMPACT_NEGATIVE, TRUE, "", "2026-10-31", FALSE,
    "Give the action “Home visits for carers over 80” for “Age” an owner." },
  { "a mitigation with no due date", CM_IMPACT_NEGATIVE, TRUE, "Carers team manager", "",
    FALSE, "Give the action “Home visits for carers over 80” for “Age” a due date." },
  { "unknown impact, no action", CM_IMPACT_UNKNOWN, FALSE, NULL, NULL, FALSE,
    "The impact on “Age” is unknown: plan an action to gather the evidence" },
  { "unknown impact, an action with no owner", CM_IMPACT_UNKNOWN, TRUE, " ", "2026-12-01",
    FALSE, "The impact on “Age” is unknown" },
  { "unknown impact, an action with no date", CM_IMPACT_UNKNOWN, TRUE, "Data officer", "",
    FALSE, "The impact on “Age” is unknown" },
  { "unknown impact, an owned and dated action", CM_IMPACT_UNKNOWN, TRUE, "Data officer",
    "2026-12-01", FALSE, NULL },
  { "positive impact, no action", CM_IMPACT_POSITIVE, FALSE, NULL, NULL, FALSE, NULL },
};

static void
arrange_age (Fixture *f, CmEia *eia, const SignOffCase *c)
{
  g_autoptr(GPtrArray) list = cm_eia_characteristics (f->store, cm_entity_get_id (CM_ENTITY (eia)));
  g_autoptr(CmEntity) age = cm_entity_copy (g_ptr_array_index (list, 0));
  g_autoptr(GPtrArray) actions = cm_eia_mitigations (f->store, cm_entity_get_id (age));
  g_autoptr(CmEntity) action = cm_entity_copy (g_ptr_array_index (actions, 0));

  g_object_set (age, "impact", c->impact, NULL);
  cm_test_save (f->store, age);
  if (!c->has_action)
    {
      g_assert_true (cm_store_delete (f->store, action, NULL));
      return;
    }
  g_object_set (action, "owner", c->owner, "due-date", c->due, NULL);
  cm_test_save (f->store, action);
}

static void
test_sign_off_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sign_off_cases); i++)
    {
      const SignOffCase *c = &sign_off_cases[i];
      Fixture fixture = { 0 }, *f = &fixture;
      g_autoptr(CmEia) eia = NULL;
      g_autoptr(GError) error = NULL;
      gboolean signed_off;

      g_test_message ("case: %s", c->name);
      fixture_set_up (f, NULL);
      eia = start (f, f->trained_id);
      complete (f, eia);
      arrange_age (f, eia, c);
      signed_off = cm_eia_sign_off (f->store, listed (f, eia),
                                    c->author_signs ? f->trained_id : f->signer_id,
                                    "Head of commissioning", f->today, NULL, &error);
      g_assert_cmpint (signed_off, ==, c->refusal == NULL);
      g_assert_cmpint (cm_eia_get_signed (listed (f, eia)), ==, c->refusal == NULL);
      if (c->refusal)
        {
          g_assert_error (error, CM_EIA_ERROR, CM_EIA_ERROR_INCOMPLETE);
          g_assert_nonnull (strstr (error->message, c->refusal));
        }
      g_clear_object (&eia);
      fixture_tear_down (f, NULL);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/eia/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("start-copies-the-list", test_start_copies_the_list);
  ADD ("screening-outcomes", test_screening_outcomes);
  ADD ("read-only-after-sign-off", test_read_only_after_sign_off);
  ADD ("new-version-and-differences", test_new_version_and_differences);
  ADD ("training-warning-and-override", test_training_warning_and_override);
  ADD ("plan-gate", test_plan_gate);
#undef ADD
  g_test_add_func ("/eia/sign-off-rules", test_sign_off_rules);
  return g_test_run ();
}
