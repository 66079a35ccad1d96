/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-scenario-lines.c: many lines of a reduction scenario at once */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-scenario.h"
#include "cm-scenario-lines.h"

typedef gboolean (*LineWrite) (CmStore *store, CmEntity *line, GError **error);

/* The scenario's lines as the lists hold them (of CmScenarioLine). */
static GPtrArray *
lines_of (CmStore *store, gint64 scenario_id)
{
  GListModel *all = cm_store_list (store, CM_TYPE_SCENARIO_LINE);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmScenarioLine) line = g_list_model_get_item (all, i);

      if (cm_scenario_line_get_scenario_id (line) == scenario_id)
        g_ptr_array_add (lines, g_steal_pointer (&line));
    }
  return lines;
}

/* The contract ids the scenario holds already, as a set. */
static GHashTable *
contracts_in (CmStore *store, gint64 scenario_id)
{
  g_autoptr(GPtrArray) lines = lines_of (store, scenario_id);
  GHashTable *held = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      gint64 id = cm_scenario_line_get_contract_id (g_ptr_array_index (lines, i));

      g_hash_table_add (held, g_memdup2 (&id, sizeof id));
    }
  return held;
}

static gboolean
require_scenario (CmStore *store, gint64 scenario_id, GError **error)
{
  if (cm_store_find (store, CM_TYPE_SCENARIO, scenario_id) != NULL)
    return TRUE;
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
               _("The reduction scenario is no longer in the portfolio."));
  return FALSE;
}

/* Saves or deletes each of @lines in one transaction: all or none. */
static gboolean
write_all (CmStore *store, GPtrArray *lines, LineWrite write, GError **error)
{
  if (!cm_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    if (!write (store, g_ptr_array_index (lines, i), error))
      {
        cm_store_rollback (store);
        return FALSE;
      }
  return cm_store_commit (store, error);
}

GArray *
cm_scenario_choose_contracts (CmStore *store, gint64 provider_id, gint64 service_id)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (provider_id == 0 && service_id == 0)
    return ids;
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      gint64 id = cm_entity_get_id (CM_ENTITY (contract));

      if ((provider_id == 0 || cm_contract_get_provider_id (contract) == provider_id) &&
          (service_id == 0 || cm_contract_get_service_id (contract) == service_id))
        g_array_append_val (ids, id);
    }
  return ids;
}

void
cm_scenario_preview (CmStore *store, gint64 scenario_id, GArray *contract_ids,
                     CmScenarioChoice *choice)
{
  g_autoptr(GHashTable) held = contracts_in (store, scenario_id);

  *choice = (CmScenarioChoice) { 0 };
  for (guint i = 0; i < contract_ids->len; i++)
    {
      gint64 id = g_array_index (contract_ids, gint64, i);
      CmEntity *contract = cm_store_find (store, CM_TYPE_CONTRACT, id);

      if (contract == NULL)
        continue;
      if (g_hash_table_contains (held, &id))
        choice->n_already++;
      else
        {
          choice->n_new++;
          choice->annual_value += cm_contract_get_annual_value (CM_CONTRACT (contract));
        }
    }
}

GPtrArray *
cm_scenario_add_contracts (CmStore *store, gint64 scenario_id, GArray *contract_ids,
                           double percent, GError **error)
{
  g_autoptr(GHashTable) held = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  if (!cm_scenario_check_percent (percent, error) ||
      !require_scenario (store, scenario_id, error))
    return NULL;
  /* Read before the transaction: inside it the lists lag behind. */
  held = contracts_in (store, scenario_id);
  for (guint i = 0; i < contract_ids->len; i++)
    {
      gint64 id = g_array_index (contract_ids, gint64, i);

      if (cm_store_find (store, CM_TYPE_CONTRACT, id) == NULL)
        {
          g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                       _("Contract %lld is no longer in the portfolio."), (long long) id);
          return NULL;
        }
      /* Listed twice, it still makes one line. */
      if (g_hash_table_contains (held, &id))
        continue;
      g_hash_table_add (held, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (added, cm_scenario_line_new (scenario_id, id, percent));
    }
  if (added->len > 0 && !write_all (store, added, cm_store_save, error))
    return NULL;
  return g_steal_pointer (&added);
}

GPtrArray *
cm_scenario_set_all_percent (CmStore *store, gint64 scenario_id, double percent,
                             GError **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  if (!cm_scenario_check_percent (percent, error) ||
      !require_scenario (store, scenario_id, error))
    return NULL;
  lines = lines_of (store, scenario_id);
  if (lines->len == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("The scenario has no lines yet. Add its contracts first."));
      return NULL;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      CmEntity *line = g_ptr_array_index (lines, i);
      CmEntity *draft;

      /* A line already at the percentage would only add noise to the trail. */
      if (cm_scenario_line_get_percent (CM_SCENARIO_LINE (line)) == percent)
        continue;
      g_ptr_array_add (before, cm_entity_copy (line));
      draft = cm_entity_copy (line);
      g_object_set (draft, "percent", percent, NULL);
      g_ptr_array_add (changed, draft);
    }
  if (changed->len > 0 && !write_all (store, changed, cm_store_save, error))
    return NULL;
  /* Restoring them later is written over the versions this change left. */
  for (guint i = 0; i < before->len; i++)
    cm_entity_set_version (g_ptr_array_index (before, i),
                           cm_entity_get_version (g_ptr_array_index (changed, i)));
  return g_steal_pointer (&before);
}

gboolean
cm_scenario_remove_lines (CmStore *store, GPtrArray *lines, GError **error)
{
  return write_all (store, lines, cm_store_delete, error);
}

gboolean
cm_scenario_restore_lines (CmStore *store, GPtrArray *lines, GError **error)
{
  return write_all (store, lines, cm_store_save, error);
}
