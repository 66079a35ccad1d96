/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-gate.c: what a stage's gate says, passed, overridden or held */
#include "cm-checklist.h"
#include "cm-cycle.h"
#include "cm-gate.h"
#include "cm-organisation.h"
#include "cm-test-util.h"

typedef struct {
  CmGateSummary summary;
  const char *step;    /* cm_gate_summary_text () */
  const char *cell;    /* cm_gate_state_text () */
} TextCase;

static const TextCase text_cases[] = {
  { { CM_GATE_NOT_REACHED, 0, 5, NULL }, "not reached · 0 of 5 required done", "not reached" },
  { { CM_GATE_HELD, 2, 6, NULL }, "current · 2 of 6 required done", "held" },
  { { CM_GATE_READY, 6, 6, NULL }, "current · 6 of 6 required done", "ready" },
  { { CM_GATE_PASSED, 6, 6, NULL }, "passed · 6 of 6 required done", "passed" },
  { { CM_GATE_OVERRIDDEN, 0, 6, "Board approved the paper" },
    "overridden · 0 of 6 required done: Board approved the paper",
    "overridden: Board approved the paper" },
  /* An override stored before reasons were required still says so. */
  { { CM_GATE_OVERRIDDEN, 1, 4, "" }, "overridden · 1 of 4 required done", "overridden" },
  { { CM_GATE_OVERRIDDEN, 1, 4, NULL }, "overridden · 1 of 4 required done", "overridden" },
};

static void
test_texts (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *step = cm_gate_summary_text (&text_cases[i].summary);
      g_autofree char *cell = cm_gate_state_text (&text_cases[i].summary);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpstr (step, ==, text_cases[i].step);
      g_assert_cmpstr (cell, ==, text_cases[i].cell);
    }
}

static CmService *
listed (CmStore *store, gint64 id)
{
  return CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE, id));
}

static void
settle_current (CmStore *store, CmService *service)
{
  g_autoptr(GPtrArray) items =
    cm_checklist_items (store, cm_entity_get_id (CM_ENTITY (service)),
                        cm_service_get_cycle (service), cm_service_get_stage (service));

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmEntity) item = cm_entity_copy (g_ptr_array_index (items, i));

      g_object_set (item, "state", CM_ITEM_STATE_DONE, "evidence", "Minutes of the board", NULL);
      g_assert_true (cm_checklist_save_item (store, CM_CHECKLIST_ITEM (item), &error));
      g_assert_no_error (error);
    }
}

/* A service walked through its gates: one passed, one overridden, one
 * current; each summary follows the stored history. */
static void
test_summaries (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("gate.commissioner", &path);
  g_autoptr(CmOrganisation) org =
    cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) draft = cm_service_new ("Carers support");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  static const CmGateState expected[] = {
    CM_GATE_PASSED, CM_GATE_OVERRIDDEN, CM_GATE_HELD, CM_GATE_NOT_REACHED,
  };
  gint64 id;

  g_object_set (draft, "lead-commissioner-id", cm_test_save (store, org), NULL);
  id = cm_test_save (store, draft);
  settle_current (store, listed (store, id));
  g_assert_true (cm_cycle_advance (store, listed (store, id), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cm_cycle_advance (store, listed (store, id), "Board approved the paper",
                                   &error));
  g_assert_no_error (error);

  history = cm_cycle_history (store, listed (store, id));
  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      CmGateSummary summary;

      cm_gate_summarise (store, listed (store, id), stage, history, &summary);
      g_assert_cmpint (summary.state, ==, expected[stage]);
      g_assert_cmpuint (summary.required, >, 0);
      if (stage == CM_STAGE_ANALYSE)
        g_assert_cmpuint (summary.settled, ==, summary.required);
      if (stage == CM_STAGE_PLAN)
        {
          g_autofree char *text = cm_gate_summary_text (&summary);

          g_assert_cmpuint (summary.settled, <, summary.required);
          g_assert_cmpstr (summary.reason, ==, "Board approved the paper");
          g_assert_true (g_str_has_prefix (text, "overridden · "));
          g_assert_true (g_str_has_suffix (text, ": Board approved the paper"));
        }
      else
        g_assert_null (summary.reason);
    }
  g_assert_nonnull (cm_gate_last_override (listed (store, id), history));
  g_assert_cmpint (cm_stage_event_get_from_stage (cm_gate_last_override (listed (store, id),
                                                                         history)),
                   ==, CM_STAGE_PLAN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gate/texts", test_texts);
  g_test_add_func ("/gate/summaries", test_summaries);
  return g_test_run ();
}
