/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-decommission.c: the demo portfolio's decommissions
 *
 * Written row by row inside the demo's one transaction, like the demo's
 * EIAs: the store's lists do not show the new rows until it commits.
 */
#include <glib/gi18n-lib.h>

#include "cm-checklist.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-decommission-contract.h"
#include "cm-demo-decommission.h"
#include "cm-service.h"
#include "cm-stage-event.h"
#include "cm-transition.h"

static const char *evidence[] = {
  N_("Decommissioning file, section 1"), N_("Board report and minutes"),
  N_("Provider meeting notes"), N_("Consultation summary"),
};

static gboolean
save (CmStore *store, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (store, owned, error);
}

/* The decommissioning steps of the service's cycle, from the template (the
 * lists do not show the demo's rows yet): the first @n_done done. */
static gboolean
add_steps (CmStore *store, gint64 service_id, int cycle, guint n_done, GError **error)
{
  g_autoptr(GPtrArray) steps = cm_checklist_items (store, service_id, cycle,
                                                   CM_STAGE_DECOMMISSIONING);

  for (guint i = 0; i < steps->len; i++)
    {
      CmChecklistItem *step = g_ptr_array_index (steps, i);

      g_object_set (step, "owner", _("Commissioning Manager (Adults)"), NULL);
      if (i < n_done)
        g_object_set (step, "state", CM_ITEM_STATE_DONE,
                      "evidence", _(evidence[i % G_N_ELEMENTS (evidence)]), NULL);
      if (!cm_store_save (store, CM_ENTITY (step), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
add_decommission (CmStore *store, gint64 service_id, int cycle, const char *reason,
                  CmDecisionRoute route, const char *decided, gint64 eia_id, GError **error)
{
  g_autoptr(CmDecommission) d =
    g_object_new (CM_TYPE_DECOMMISSION, "service-id", service_id, "cycle", cycle,
                  "started-from", "review", "reason", reason, "decision-route", route,
                  "decision-date", decided, "eia-id", eia_id,
                  "case-for-change", _("The review found the service no longer met priority "
                                       "outcomes for the money it cost."), NULL);

  return cm_store_save (store, CM_ENTITY (d), error) ? cm_entity_get_id (CM_ENTITY (d)) : 0;
}

static gboolean
add_people (CmStore *store, gint64 decommission_id, guint n, gboolean moved, GError **error)
{
  static const char *destinations[] = {
    N_("Neighbourhood Network scheme"), N_("Community mental health team"),
    N_("Carers Leeds support worker"), N_("Self-directed support (direct payment)"),
  };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ref = g_strdup_printf ("PH-%05u", 20410 + i * 7);
      CmTransition *person = cm_transition_new (decommission_id, ref);

      g_object_set (person, "current-support", _("Weekly group and one-to-one support"),
                    "destination", _(destinations[i % G_N_ELEMENTS (destinations)]),
                    "status", moved ? CM_TRANSITION_COMPLETE : (CmTransitionStatus) (i % 3),
                    NULL);
      if (!save (store, person, error))
        return FALSE;
    }
  return TRUE;
}

/* Moves the service from Review to Decommissioning, as its Review decided. */
static gboolean
decide (CmStore *store, gint64 service_id, const char *reason, GError **error)
{
  g_autoptr(CmEntity) service = cm_store_load (store, CM_TYPE_SERVICE, service_id, error);

  if (service == NULL)
    return FALSE;
  g_object_set (service, "stage", CM_STAGE_DECOMMISSIONING, NULL);
  return save (store, g_object_new (CM_TYPE_STAGE_EVENT, "service-id", service_id,
                                    "cycle", cm_service_get_cycle (CM_SERVICE (service)),
                                    "from-stage", CM_STAGE_REVIEW,
                                    "to-stage", CM_STAGE_DECOMMISSIONING,
                                    "decision", CM_REVIEW_DECISION_DECOMMISSION,
                                    "reason", reason, NULL), error) &&
         cm_store_save (store, service, error);
}

static gboolean
mark_closed (CmStore *store, GType type, gint64 id, const char *on, GError **error)
{
  g_autoptr(CmEntity) record = cm_store_load (store, type, id, error);

  if (record == NULL)
    return FALSE;
  g_object_set (record, "decommissioned-on", on, NULL);
  return cm_store_save (store, record, error);
}

static gboolean
complete (CmStore *store, gint64 decommission_id, GError **error)
{
  g_autoptr(CmEntity) done = cm_store_load (store, CM_TYPE_DECOMMISSION, decommission_id, error);

  if (done == NULL)
    return FALSE;
  g_object_set (done, "completed-on", "2020-09-30",
                "lessons", _("Map travel times to the new hubs before the decision."), NULL);
  return cm_store_save (store, done, error);
}

gboolean
cm_demo_decommission_add (CmStore *store, const GDate *today, gint64 closing_service,
                          gint64 closing_contract, gint64 closed_service, gint64 closed_contract,
                          const CmDemoEiaIds *eias, GError **error)
{
  const char *reason = _("Public Health budget reduction: the review found better value in "
                         "the Neighbourhood Networks");
  g_autoptr(CmEntity) closing = cm_store_load (store, CM_TYPE_SERVICE, closing_service, error);
  GDate decided = *today;
  g_autofree char *decided_on = NULL;
  gint64 id;

  if (closing == NULL)
    return FALSE;
  g_date_subtract_days (&decided, 30);
  decided_on = cm_date_format_iso (&decided);
  id = add_decommission (store, closing_service, cm_service_get_cycle (CM_SERVICE (closing)),
                         reason, CM_DECISION_ROUTE_EXECUTIVE_BOARD, decided_on,
                         eias->closing_eia, error);
  if (id == 0 || !decide (store, closing_service, reason, error) ||
      !save (store, cm_decommission_contract_new (id, closing_contract), error) ||
      !add_steps (store, closing_service, cm_service_get_cycle (CM_SERVICE (closing)), 7, error) ||
      !add_people (store, id, 6, FALSE, error))
    return FALSE;

  /* The SEMH fund's close, complete in September 2020: decided a week
   * after its EIA was signed off on 16 March 2020. */
  id = add_decommission (store, closed_service, 1,
                         _("The CCG's contribution ends as the new SEMH model begins"),
                         CM_DECISION_ROUTE_DELEGATED, "2020-03-23", eias->closed_eia, error);
  if (id == 0 ||
      !save (store, cm_decommission_contract_new (id, closed_contract), error) ||
      !add_steps (store, closed_service, 1, G_MAXUINT, error) ||
      !add_people (store, id, 4, TRUE, error))
    return FALSE;
  return complete (store, id, error) &&
         mark_closed (store, CM_TYPE_CONTRACT, closed_contract, "2020-08-31", error) &&
         mark_closed (store, CM_TYPE_SERVICE, closed_service, "2020-09-30", error);
}
