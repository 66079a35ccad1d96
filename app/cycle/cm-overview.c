/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-overview.c: the state of a whole portfolio at a glance */
#include "cm-checklist.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-decision-evidence.h"
#include "cm-eia-process.h"
#include "cm-eia-review.h"
#include "cm-gate.h"
#include "cm-overview.h"
#include "cm-risk.h"

static void
service_gate_free (gpointer data)
{
  CmServiceGate *gate = data;

  g_object_unref (gate->service);
  g_clear_pointer (&gate->problems, g_ptr_array_unref);
  g_free (gate);
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* @service's gate; @held lists the services held, or is NULL to ask the
 * gate itself. */
static CmServiceGate *
service_gate (CmStore *store, CmService *service, GArray *held)
{
  CmServiceGate *gate = g_new0 (CmServiceGate, 1);
  gint64 id = cm_entity_get_id (CM_ENTITY (service));

  gate->service = g_object_ref (service);
  if (cm_service_get_stage (service) > CM_STAGE_REVIEW)
    gate->held = FALSE;
  else if (held)
    gate->held = bsearch (&id, held->data, held->len, sizeof (gint64), compare_ids) != NULL;
  else
    gate->held = cm_overview_gate_problems (store, gate)->len > 0;
  return gate;
}

GPtrArray *
cm_overview_gate_problems (CmStore *store, CmServiceGate *gate)
{
  if (gate->problems == NULL)
    gate->problems = cm_service_get_stage (gate->service) <= CM_STAGE_REVIEW
                     ? cm_gate_problems (store, gate->service)
                     : g_ptr_array_new_with_free_func (g_free);
  return gate->problems;
}

/* Whether @item is open, due before @today, and in its service's current
 * cycle: earlier cycles' leftovers are history, not work. */
static gboolean
is_overdue (CmStore *store, CmChecklistItem *item, const GDate *today)
{
  CmService *service = CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE,
                                                  cm_checklist_item_get_service_id (item)));
  GDate due;

  return service && cm_checklist_item_get_cycle (item) == cm_service_get_cycle (service) &&
         cm_service_get_stage (service) <= CM_STAGE_REVIEW &&
         !cm_checklist_item_is_settled (item) &&
         cm_date_parse_iso (cm_checklist_item_get_due_date (item), &due) &&
         g_date_compare (&due, today) < 0;
}

static gint
by_due_date (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (cm_checklist_item_get_due_date (*(CmChecklistItem **) a),
                    cm_checklist_item_get_due_date (*(CmChecklistItem **) b));
}

static GPtrArray *
overdue_items (CmStore *store, const GDate *today)
{
  GListModel *items = cm_store_list (store, CM_TYPE_CHECKLIST_ITEM);
  GPtrArray *overdue = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CmChecklistItem) item = g_list_model_get_item (items, i);

      if (is_overdue (store, item, today))
        g_ptr_array_add (overdue, g_steal_pointer (&item));
    }
  g_ptr_array_sort (overdue, by_due_date);
  return overdue;
}

/* Whether @eia has been superseded by a later version. */
static gboolean
is_superseded (GListModel *eias, gint64 eia_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (eias); i++)
    {
      g_autoptr(CmEia) eia = g_list_model_get_item (eias, i);

      if (cm_eia_get_previous_id (eia) == eia_id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
action_overdue (CmStore *store, CmEiaMitigation *action, const GDate *today)
{
  CmEiaCharacteristic *c = CM_EIA_CHARACTERISTIC (
    cm_store_find (store, CM_TYPE_EIA_CHARACTERISTIC,
                   cm_eia_mitigation_get_characteristic_id (action)));
  GDate due;

  return c && cm_eia_mitigation_get_status (action) != CM_MITIGATION_DONE &&
         cm_date_parse_iso (cm_eia_mitigation_get_due_date (action), &due) &&
         g_date_compare (&due, today) < 0 &&
         !is_superseded (cm_store_list (store, CM_TYPE_EIA),
                         cm_eia_characteristic_get_eia_id (c));
}

static gint
by_action_due_date (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (cm_eia_mitigation_get_due_date (*(CmEiaMitigation **) a),
                    cm_eia_mitigation_get_due_date (*(CmEiaMitigation **) b));
}

static GPtrArray *
overdue_actions (CmStore *store, const GDate *today)
{
  GListModel *actions = cm_store_list (store, CM_TYPE_EIA_MITIGATION);
  GPtrArray *overdue = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CmEiaMitigation) action = g_list_model_get_item (actions, i);

      if (action_overdue (store, action, today))
        g_ptr_array_add (overdue, g_steal_pointer (&action));
    }
  g_ptr_array_sort (overdue, by_action_due_date);
  return overdue;
}

static GPtrArray *
overdue_risks (CmStore *store, const GDate *today)
{
  GListModel *risks = cm_store_list (store, CM_TYPE_RISK);
  GPtrArray *overdue = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(CmRisk) risk = g_list_model_get_item (risks, i);
      GDate review;

      if (cm_date_parse_iso (cm_risk_get_review_date (risk), &review) &&
          g_date_compare (&review, today) < 0)
        g_ptr_array_add (overdue, g_steal_pointer (&risk));
    }
  return overdue;
}

/* ---- what needs the user now ------------------------------------------ */

static void
attention_free (gpointer data)
{
  CmAttention *a = data;

  g_free (a->title);
  g_free (a);
}

static CmAttention *
attention_add (GPtrArray *list, CmAttentionKind kind, gint64 service_id, gint64 record_id)
{
  CmAttention *a = g_new0 (CmAttention, 1);

  a->kind = kind;
  a->service_id = service_id;
  a->record_id = record_id;
  g_date_clear (&a->date, 1);
  g_ptr_array_add (list, a);
  return a;
}

/* Open decommissioning steps of the current cycle due before @today. */
static void
steps_overdue (CmStore *store, const GDate *today, GPtrArray *list)
{
  GListModel *items = cm_store_list (store, CM_TYPE_CHECKLIST_ITEM);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CmChecklistItem) item = g_list_model_get_item (items, i);
      gint64 service_id = cm_checklist_item_get_service_id (item);
      CmService *service = CM_SERVICE (cm_store_find (store, CM_TYPE_SERVICE, service_id));
      GDate due;

      if (service && cm_service_get_stage (service) == CM_STAGE_DECOMMISSIONING &&
          cm_checklist_item_get_stage (item) == CM_STAGE_DECOMMISSIONING &&
          cm_checklist_item_get_cycle (item) == cm_service_get_cycle (service) &&
          !cm_checklist_item_is_settled (item) &&
          cm_date_parse_iso (cm_checklist_item_get_due_date (item), &due) &&
          g_date_compare (&due, today) < 0)
        {
          CmAttention *a = attention_add (list, CM_ATTENTION_STEP_OVERDUE, service_id,
                                          cm_entity_get_id (CM_ENTITY (item)));

          a->date = due;
          a->title = g_strdup (cm_checklist_item_get_title (item));
        }
    }
}

/* Notice, extension and procurement dates due soon or overdue, as the
 * pass over the contracts kept them. */
static void
notices_due (const CmContractPass *pass, GPtrArray *list)
{
  for (guint i = 0; i < pass->due->len; i++)
    {
      const CmDateDue *due = g_ptr_array_index (pass->due, i);
      CmAttention *a = attention_add (list, CM_ATTENTION_NOTICE_DUE, due->service_id,
                                      due->contract_id);

      a->date = due->date;
      a->deadline = due->kind;
      a->title = g_strdup (due->title);
    }
}

static void
eias_to_sign (CmStore *store, GPtrArray *list)
{
  GListModel *eias = cm_store_list (store, CM_TYPE_EIA);

  for (guint i = 0; i < g_list_model_get_n_items (eias); i++)
    {
      g_autoptr(CmEia) eia = g_list_model_get_item (eias, i);
      gint64 id = cm_entity_get_id (CM_ENTITY (eia));
      g_autoptr(GPtrArray) problems = NULL;

      if (cm_eia_get_signed (eia) || is_superseded (eias, id))
        continue;
      problems = cm_eia_problems (store, eia);
      attention_add (list, CM_ATTENTION_EIA_TO_SIGN, cm_eia_get_service_id (eia),
                     id)->to_do = problems->len;
    }
}

static void
gates_ready (GPtrArray *gates, GPtrArray *list)
{
  for (guint i = 0; i < gates->len; i++)
    {
      CmServiceGate *gate = g_ptr_array_index (gates, i);
      gint64 id = cm_entity_get_id (CM_ENTITY (gate->service));

      if (cm_service_get_stage (gate->service) <= CM_STAGE_REVIEW && !gate->held)
        attention_add (list, CM_ATTENTION_GATE_READY, id, id);
    }
}

static gint
by_kind_then_date (gconstpointer pa, gconstpointer pb)
{
  const CmAttention *a = *(CmAttention **) pa, *b = *(CmAttention **) pb;
  gboolean dated_a = g_date_valid (&a->date), dated_b = g_date_valid (&b->date);

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (dated_a && dated_b && g_date_compare (&a->date, &b->date) != 0)
    return g_date_compare (&a->date, &b->date);
  return a->service_id < b->service_id ? -1 : a->service_id > b->service_id;
}

/* What needs the user now, most pressing kind first; @gates are the
 * services' gates as cm_overview_collect() works them out, or NULL to
 * work them out here. */
static GPtrArray *
attention (CmStore *store, const GDate *today, GPtrArray *gates, const CmContractPass *pass)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (attention_free);

  steps_overdue (store, today, list);
  notices_due (pass, list);
  eias_to_sign (store, list);
  gates_ready (gates, list);
  g_ptr_array_sort (list, by_kind_then_date);
  return list;
}

GPtrArray *
cm_overview_attention (CmStore *store, const GDate *today, GPtrArray *gates)
{
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(CmContractPass) pass = cm_contract_pass_run (store, today, NULL, NULL);

  if (gates == NULL)
    {
      GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);

      gates = own = g_ptr_array_new_with_free_func (service_gate_free);
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(CmService) service = g_list_model_get_item (services, i);

          g_ptr_array_add (own, service_gate (store, service, NULL));
        }
    }
  if (pass == NULL)
    pass = cm_contract_pass_new_empty ();
  return attention (store, today, gates, pass);
}

/* Every service's gate, from the lists by stage. */
static GPtrArray *
all_gates (CmOverview *overview)
{
  GPtrArray *gates = g_ptr_array_new ();

  for (guint s = 0; s < G_N_ELEMENTS (overview->stages); s++)
    g_ptr_array_extend (gates, overview->stages[s], NULL, NULL);
  return gates;
}

static CmOverview *
collect (CmStore *store, const GDate *today, const CmContractPass *pass)
{
  CmOverview *overview = g_rc_box_new0 (CmOverview);
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  g_autoptr(GPtrArray) gates = NULL;
  /* Without it, each gate is asked in turn: slower, with the same answer. */
  g_autoptr(GArray) held = cm_gate_held_services (store, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (overview->stages); s++)
    overview->stages[s] = g_ptr_array_new_with_free_func (service_gate_free);
  overview->held = g_ptr_array_new ();
  overview->services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (services, i);
      CmServiceGate *gate = service_gate (store, service, held);

      g_hash_table_insert (overview->services,
                           g_memdup2 (&(gint64) { cm_entity_get_id (CM_ENTITY (service)) },
                                      sizeof (gint64)),
                           gate->service);

      g_ptr_array_add (overview->stages[cm_service_get_stage (service)], gate);
      if (gate->held)
        g_ptr_array_add (overview->held, gate);
    }
  gates = all_gates (overview);
  overview->attention = attention (store, today, gates, pass);
  overview->overdue_items = overdue_items (store, today);
  overview->overdue_actions = overdue_actions (store, today);
  overview->overdue_risks = overdue_risks (store, today);
  overview->overdue_dates = pass->overdue_dates;
  overview->flagged_decisions = cm_decision_evidence_flagged (store);
  overview->overdue_reviews = cm_eia_reviews_overdue (store, today);
  return overview;
}

CmOverview *
cm_overview_collect (CmStore *store, const GDate *today)
{
  g_autoptr(CmContractPass) pass = cm_contract_pass_run (store, today, NULL, NULL);

  if (pass == NULL)
    pass = cm_contract_pass_new_empty ();
  return collect (store, today, pass);
}

CmOverview *
cm_overview_collect_with_charts (CmStore *store, const GDate *today, GCancellable *cancellable,
                                 CmOverviewCharts **charts, GError **error)
{
  g_autoptr(CmContractPass) pass = cm_contract_pass_shared (store, today, cancellable, error);

  *charts = NULL;
  if (pass == NULL)
    return NULL;
  *charts = cm_overview_charts_collect_from (store, today, pass, error);
  return collect (store, today, pass);
}

/* The service @service_id as the overview found it, or NULL. */
CmService *
cm_overview_find_service (CmOverview *overview, gint64 service_id)
{
  return g_hash_table_lookup (overview->services, &service_id);
}

/* Another holder of @overview: a page keeps one for the rows it makes
 * only when they are first shown. */
CmOverview *
cm_overview_ref (CmOverview *overview)
{
  return g_rc_box_acquire (overview);
}

static void
overview_clear (gpointer data)
{
  CmOverview *overview = data;

  /* The held gates belong to the stage lists. */
  g_ptr_array_unref (overview->attention);
  g_hash_table_unref (overview->services);
  g_ptr_array_unref (overview->held);
  for (guint s = 0; s < G_N_ELEMENTS (overview->stages); s++)
    g_ptr_array_unref (overview->stages[s]);
  g_ptr_array_unref (overview->overdue_items);
  g_ptr_array_unref (overview->overdue_actions);
  g_ptr_array_unref (overview->overdue_risks);
  g_ptr_array_unref (overview->flagged_decisions);
  g_ptr_array_unref (overview->overdue_reviews);
}

/* Drops a reference to @overview, freeing it with the last. */
void
cm_overview_free (CmOverview *overview)
{
  g_rc_box_release_full (overview, overview_clear);
}
