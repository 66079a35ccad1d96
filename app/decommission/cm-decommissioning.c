/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommissioning.c: starting, following and completing a decommission */
#include <glib/gi18n-lib.h>

#include "cm-audit-record.h"
#include "cm-audit-words.h"
#include "cm-checklist.h"
#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-date.h"
#include "cm-decommission-checks.h"
#include "cm-decommission-contract.h"
#include "cm-decision-evidence.h"
#include "cm-decommissioning.h"
#include "cm-stage-event.h"
#include "cm-transition.h"

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

/* The records of @type whose @property is @id (of GObject). */
static GPtrArray *
with_parent (CmStore *store, GType type, const char *property, gint64 id)
{
  GListModel *all = cm_store_list (store, type);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);
      gint64 parent;

      g_object_get (item, property, &parent, NULL);
      if (parent == id)
        g_ptr_array_add (found, g_steal_pointer (&item));
    }
  return found;
}

static gboolean
move_to_decommissioning (CmStore *store, CmService *service, const char *reason, GError **error)
{
  g_autoptr(CmEntity) draft = cm_entity_copy (CM_ENTITY (service));
  g_autoptr(CmStageEvent) event =
    g_object_new (CM_TYPE_STAGE_EVENT, "service-id", cm_entity_get_id (CM_ENTITY (service)),
                  "cycle", cm_service_get_cycle (service),
                  "from-stage", cm_service_get_stage (service),
                  "to-stage", CM_STAGE_DECOMMISSIONING,
                  "decision", CM_REVIEW_DECISION_DECOMMISSION, "reason", reason, NULL);

  g_object_set (draft, "stage", CM_STAGE_DECOMMISSIONING, NULL);
  return cm_store_save (store, CM_ENTITY (event), error) && cm_store_save (store, draft, error);
}

static gboolean
link_contracts (CmStore *store, CmService *service, CmDecommission *decommission,
                GError **error)
{
  g_autoptr(GPtrArray) contracts =
    with_parent (store, CM_TYPE_CONTRACT, "service-id", cm_entity_get_id (CM_ENTITY (service)));

  for (guint i = 0; i < contracts->len; i++)
    {
      CmContract *contract = g_ptr_array_index (contracts, i);
      g_autoptr(CmDecommissionContract) link = NULL;

      if (*cm_contract_get_decommissioned_on (contract))
        continue;
      link = cm_decommission_contract_new (cm_entity_get_id (CM_ENTITY (decommission)),
                                           cm_entity_get_id (CM_ENTITY (contract)));
      if (!cm_store_save (store, CM_ENTITY (link), error))
        return FALSE;
    }
  return TRUE;
}

CmDecommission *
cm_decommission_start (CmStore *store, CmService *service, const char *reason,
                       gboolean after_review, GError **error)
{
  gint64 service_id = cm_entity_get_id (CM_ENTITY (service));
  g_autoptr(CmDecommission) open = cm_decommission_for_service (store, service_id);
  g_autoptr(CmDecommission) decommission = NULL;

  if (open && *cm_decommission_get_completed_on (open) == '\0')
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   _("“%s” is already being decommissioned."), cm_service_get_name (service));
      return NULL;
    }
  decommission = g_object_new (CM_TYPE_DECOMMISSION, "service-id", service_id,
                               "cycle", cm_service_get_cycle (service),
                               "started-from", after_review ? "review" : "direct",
                               "reason", reason,
                               "eia-id", cm_decision_evidence_default_eia (
                                 store, service_id, CM_EIA_DECISION_DECOMMISSION, NULL),
                               NULL);
  if (!cm_entity_validate (CM_ENTITY (decommission), error) || !cm_store_begin (store, error))
    return NULL;
  if (!cm_store_save (store, CM_ENTITY (decommission), error) ||
      !link_contracts (store, service, decommission, error) ||
      !cm_checklist_start_stage (store, service_id, cm_service_get_cycle (service),
                                 CM_STAGE_DECOMMISSIONING, error) ||
      (!after_review && !move_to_decommissioning (store, service, reason, error)) ||
      !cm_store_commit (store, error))
    {
      cm_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&decommission);
}

CmDecommission *
cm_decommission_for_service (CmStore *store, gint64 service_id)
{
  g_autoptr(GPtrArray) all = with_parent (store, CM_TYPE_DECOMMISSION, "service-id", service_id);
  CmDecommission *latest = NULL;

  for (guint i = 0; i < all->len; i++)
    {
      CmDecommission *d = g_ptr_array_index (all, i);

      if (latest == NULL || cm_entity_get_id (CM_ENTITY (d)) > cm_entity_get_id (CM_ENTITY (latest)))
        latest = d;
    }
  return latest ? g_object_ref (latest) : NULL;
}

GPtrArray *
cm_decommission_contracts (CmStore *store, CmDecommission *decommission)
{
  g_autoptr(GPtrArray) links = with_parent (store, CM_TYPE_DECOMMISSION_CONTRACT,
                                            "decommission-id",
                                            cm_entity_get_id (CM_ENTITY (decommission)));
  GPtrArray *contracts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < links->len; i++)
    {
      CmEntity *contract = cm_store_find (store, CM_TYPE_CONTRACT,
                                          cm_decommission_contract_get_contract_id (
                                            g_ptr_array_index (links, i)));

      if (contract)
        g_ptr_array_add (contracts, g_object_ref (contract));
    }
  return contracts;
}

gboolean
cm_decommission_set_affected (CmStore *store, CmDecommission *decommission, gint64 contract_id,
                              gboolean affected, GError **error)
{
  g_autoptr(GPtrArray) links = with_parent (store, CM_TYPE_DECOMMISSION_CONTRACT,
                                            "decommission-id",
                                            cm_entity_get_id (CM_ENTITY (decommission)));
  g_autoptr(CmDecommissionContract) link = NULL;

  if (*cm_decommission_get_completed_on (decommission))
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   _("This decommission is complete: the contracts it ended cannot change."));
      return FALSE;
    }
  for (guint i = 0; i < links->len; i++)
    if (cm_decommission_contract_get_contract_id (g_ptr_array_index (links, i)) == contract_id)
      link = g_object_ref (g_ptr_array_index (links, i));
  if (affected == (link != NULL))
    return TRUE;
  if (link)
    return cm_store_delete (store, CM_ENTITY (link), error);
  link = cm_decommission_contract_new (cm_entity_get_id (CM_ENTITY (decommission)), contract_id);
  return cm_store_save (store, CM_ENTITY (link), error);
}

GPtrArray *
cm_decommission_transitions (CmStore *store, CmDecommission *decommission)
{
  return with_parent (store, CM_TYPE_TRANSITION, "decommission-id",
                      cm_entity_get_id (CM_ENTITY (decommission)));
}

static gboolean
mark_decommissioned (CmStore *store, CmEntity *record, const char *on, GError **error)
{
  g_autoptr(CmEntity) draft = cm_entity_copy (record);

  g_object_set (draft, "decommissioned-on", on, NULL);
  return cm_store_save (store, draft, error);
}

/* Each contract ends on its own last day, which may fall before the
 * service closes; the completion day stands in only when it is unknown. */
static gboolean
mark_contract_ended (CmStore *store, CmContract *contract, const GDate *today,
                     const CmDeadlineSettings *settings, GError **error)
{
  GDate end;
  g_autofree char *on = NULL;

  if (!cm_decommission_contract_end (contract, today, settings, &end))
    end = *today;
  on = cm_date_format_iso (&end);
  return mark_decommissioned (store, CM_ENTITY (contract), on, error);
}

static char *
joined (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

gboolean
cm_decommission_complete (CmStore *store, CmDecommission *decommission, const GDate *today,
                          const char *override_reason, GError **error)
{
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE,
                                     cm_decommission_get_service_id (decommission));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(CmEntity) draft = NULL;
  g_autofree char *on = cm_date_format_iso (today);
  g_autofree char *open_items = NULL;
  CmDeadlineSettings settings;
  gboolean overridden;

  if (service == NULL || *cm_decommission_get_completed_on (decommission))
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_INVALID,
                   _("This decommission is already complete."));
      return FALSE;
    }
  problems = cm_decommission_completion_problems (store, decommission, today);
  overridden = problems->len > 0;
  open_items = joined (problems);
  if (overridden && is_blank (override_reason))
    {
      g_set_error (error, CM_CYCLE_ERROR, CM_CYCLE_ERROR_BLOCKED,
                   _("The decommission cannot be completed yet:\n%s\nSettle these, or give a "
                     "reason to complete it anyway."), open_items);
      return FALSE;
    }
  draft = cm_entity_copy (CM_ENTITY (decommission));
  g_object_set (draft, "completed-on", on,
                "completion-override", overridden ? override_reason : "",
                "completion-open-items", overridden ? open_items : "", NULL);
  contracts = cm_decommission_contracts (store, decommission);
  cm_deadline_settings_load (store, &settings);
  if (!cm_store_begin (store, error))
    return FALSE;
  if (!cm_store_save (store, draft, error) || !mark_decommissioned (store, service, on, error))
    goto failed;
  for (guint i = 0; i < contracts->len; i++)
    if (!mark_contract_ended (store, g_ptr_array_index (contracts, i), today, &settings, error))
      goto failed;
  return cm_store_commit (store, error);

failed:
  cm_store_rollback (store);
  return FALSE;
}

/* ---- the reviewer's audit view ---------------------------------------- */

static void
action_free (gpointer data)
{
  CmDecommissionAction *action = data;

  cm_audit_entry_free (action->entry);
  g_free (action->step);
  g_free (action->evidence);
  g_free (action);
}

/* Adds the audit rows of @records (of CmEntity) whose field is one of
 * @fields (NULL: any), each named by @step_of. */
static gboolean
collect (CmStore *store, GPtrArray *actions, GPtrArray *records, const char * const *fields,
         char *(*step_of) (CmStore *store, CmEntity *record), GError **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      CmEntity *record = g_ptr_array_index (records, i);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 id = cm_entity_get_id (record);
      g_autoptr(GPtrArray) rows = NULL;

      g_array_append_val (ids, id);
      rows = cm_store_audit_rows (store, cm_entity_get_table (record), ids, error);
      if (rows == NULL)
        return FALSE;
      for (guint j = 0; j < rows->len; j++)
        {
          CmAuditEntry *entry = g_ptr_array_index (rows, j);
          CmDecommissionAction *action;

          /* A record's values taken whole (its baseline) are no action. */
          if ((fields && !g_strv_contains (fields, entry->field)) ||
              cm_audit_field_is_whole (entry->field))
            continue;
          action = g_new0 (CmDecommissionAction, 1);
          action->entry = g_ptr_array_steal_index (rows, j--);
          action->step = step_of (store, record);
          if (CM_IS_CHECKLIST_ITEM (record))
            action->evidence = g_strdup (cm_checklist_item_get_evidence (CM_CHECKLIST_ITEM (record)));
          g_ptr_array_add (actions, action);
        }
    }
  return TRUE;
}

static char *
decision_step (CmStore *store, CmEntity *record)
{
  return g_strdup (_("Decision"));
}

static char *
step_title (CmStore *store, CmEntity *record)
{
  return g_strdup (cm_checklist_item_get_title (CM_CHECKLIST_ITEM (record)));
}

static char *
contract_step (CmStore *store, CmEntity *record)
{
  return g_strdup_printf (_("Contract %s"), cm_contract_get_reference (CM_CONTRACT (record)));
}

static char *
link_step (CmStore *store, CmEntity *record)
{
  g_autoptr(CmAuditWords) words = cm_audit_words_new (store);
  g_autofree char *id = cm_entity_property_text (record, "contract-id");
  g_autofree char *contract = cm_audit_words_value (words, "decommission_contract",
                                                    "contract_id", id);

  /* Translators: the step that ends a contract, "Contract ended: Carers (ASC-0013)" */
  return g_strdup_printf (_("Contract ended: %s"), contract ? contract : "");
}

static char *
transition_step (CmStore *store, CmEntity *record)
{
  return g_strdup_printf (_("Transition of %s"),
                          cm_transition_get_person_ref (CM_TRANSITION (record)));
}

static char *
service_step (CmStore *store, CmEntity *record)
{
  return g_strdup_printf (_("Service %s"), cm_service_get_name (CM_SERVICE (record)));
}

static gint
oldest_first (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(CmDecommissionAction **) a)->entry->id;
  gint64 y = (*(CmDecommissionAction **) b)->entry->id;

  return (x > y) - (x < y);
}

GPtrArray *
cm_decommission_actions (CmStore *store, CmDecommission *decommission,
                         const CmAuditVerdict *verdict, GError **error)
{
  gint64 service_id = cm_decommission_get_service_id (decommission);
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE, service_id);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (action_free);
  g_autoptr(GPtrArray) self = g_ptr_array_new ();
  g_autoptr(GPtrArray) services = g_ptr_array_new ();
  g_autoptr(GPtrArray) steps = cm_checklist_items (store, service_id,
                                                   cm_decommission_get_cycle (decommission),
                                                   CM_STAGE_DECOMMISSIONING);
  g_autoptr(GPtrArray) contracts = cm_decommission_contracts (store, decommission);
  g_autoptr(GPtrArray) people = cm_decommission_transitions (store, decommission);
  g_autoptr(GPtrArray) links = with_parent (store, CM_TYPE_DECOMMISSION_CONTRACT,
                                            "decommission-id",
                                            cm_entity_get_id (CM_ENTITY (decommission)));
  static const char * const contract_fields[] = { "notice_served", "decommissioned_on", NULL };
  static const char * const service_fields[] = { "decommissioned_on", NULL };

  g_ptr_array_add (self, decommission);
  if (service)
    g_ptr_array_add (services, service);
  if (!collect (store, actions, self, NULL, decision_step, error) ||
      !collect (store, actions, steps, NULL, step_title, error) ||
      !collect (store, actions, contracts, contract_fields, contract_step, error) ||
      !collect (store, actions, people, NULL, transition_step, error) ||
      !collect (store, actions, links, NULL, link_step, error) ||
      !collect (store, actions, services, service_fields, service_step, error))
    return NULL;
  g_ptr_array_sort (actions, oldest_first);
  for (guint i = 0; i < actions->len; i++)
    {
      CmDecommissionAction *action = g_ptr_array_index (actions, i);

      action->check = cm_audit_verdict_row (verdict, action->entry->id);
    }
  return g_steal_pointer (&actions);
}

CmAuditRowCheck
cm_decommission_actions_check (GPtrArray *actions, const CmAuditVerdict *verdict)
{
  CmDecommissionAction *newest = actions->len ? g_ptr_array_index (actions, actions->len - 1)
                                              : NULL;

  /* A break vouches for no row after it: the newest action is the first
   * to lose its voucher. */
  return cm_audit_verdict_row (verdict, newest ? newest->entry->id : 0);
}
