/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-reductions.c: the demo's reduction scenarios
 *
 * The seeds give no provider incomes; the ones set here are illustrative,
 * so that a scenario can show each provider's share of income lost.
 */
#include <glib/gi18n-lib.h>

#include "cm-demo-reductions.h"
#include "cm-provider.h"
#include "cm-scenario.h"

/* Annual incomes, in pounds, of the first providers of the demo: each more
 * than its contracts with us, some far more, some hardly. */
static const gint64 incomes[] = { 7800000, 12400000, 2100000, 4500000, 26000000, 41000000 };

/* Seed 000 3.6.4: savings negotiated contract by contract, up to 15%. */
static const double negotiated[] = { 15, 5, 0, 10, 2.5 };

static gint64
save_id (CmStore *store, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (store, owned, error) ? cm_entity_get_id (owned) : 0;
}

static gboolean
set_incomes (CmStore *store, const gint64 *providers, guint n_providers, GError **error)
{
  for (guint i = 0; i < MIN (n_providers, G_N_ELEMENTS (incomes)); i++)
    {
      g_autoptr(CmEntity) provider = cm_store_load (store, CM_TYPE_PROVIDER, providers[i], error);

      if (provider == NULL)
        return FALSE;
      g_object_set (provider, "annual-income", incomes[i] * 100, NULL);
      if (!cm_store_save (store, provider, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cm_demo_reductions_add (CmStore *store, const gint64 *providers, guint n_providers,
                        GArray *contracts, GError **error)
{
  gint64 blanket, varied;
  CmScenario *scenario;

  if (!set_incomes (store, providers, n_providers, error))
    return FALSE;
  scenario = cm_scenario_new (_("10% across the Public Health grants"));
  g_object_set (scenario, "note", _("The same cut for every contract, for comparison"), NULL);
  if ((blanket = save_id (store, scenario, error)) == 0)
    return FALSE;
  scenario = cm_scenario_new (_("Negotiated savings, contract by contract"));
  g_object_set (scenario, "note", _("As in 2011/12: agreed with each provider, up to 15%"),
                NULL);
  if ((varied = save_id (store, scenario, error)) == 0)
    return FALSE;
  for (guint i = 0; i < contracts->len; i++)
    {
      gint64 contract = g_array_index (contracts, gint64, i);

      if (!save_id (store, cm_scenario_line_new (blanket, contract, 10), error) ||
          (i < G_N_ELEMENTS (negotiated) &&
           !save_id (store, cm_scenario_line_new (varied, contract, negotiated[i]), error)))
        return FALSE;
    }
  return TRUE;
}
