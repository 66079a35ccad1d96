/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-reduction.c: what a reduction scenario would do to each provider */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "cm-contract.h"
#include "cm-provider.h"
#include "cm-reduction.h"
#include "cm-scenario.h"

static void
effect_clear (gpointer data)
{
  g_free (((CmProviderEffect *) data)->provider_name);
}

static CmProviderEffect *
effect_for (GArray *effects, const CmReductionLine *line)
{
  CmProviderEffect fresh = { line->provider_id, NULL, 0, -1 };

  for (guint i = 0; i < effects->len; i++)
    if (g_array_index (effects, CmProviderEffect, i).provider_id == line->provider_id)
      return &g_array_index (effects, CmProviderEffect, i);
  /* Copied only when appended: the array frees what it holds. */
  fresh.provider_name = g_strdup (line->provider_name);
  g_array_append_val (effects, fresh);
  return &g_array_index (effects, CmProviderEffect, effects->len - 1);
}

/* Known shares first, largest first; then unknown ones by pounds lost. */
static gint
hardest_first (gconstpointer a, gconstpointer b)
{
  const CmProviderEffect *x = a, *y = b;

  if ((x->share_of_income < 0) != (y->share_of_income < 0))
    return x->share_of_income < 0 ? 1 : -1;
  if (x->share_of_income >= 0 && x->share_of_income != y->share_of_income)
    return x->share_of_income < y->share_of_income ? 1 : -1;
  return (x->lost < y->lost) - (x->lost > y->lost);
}

CmReduction *
cm_reduction_compute (const CmReductionLine *lines, guint n_lines)
{
  CmReduction *reduction = g_new0 (CmReduction, 1);
  GHashTable *incomes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  reduction->effects = g_array_new (FALSE, FALSE, sizeof (CmProviderEffect));
  g_array_set_clear_func (reduction->effects, effect_clear);
  reduction->n_contracts = n_lines;
  reduction->blanket = n_lines >= 2;
  for (guint i = 0; i < n_lines; i++)
    {
      const CmReductionLine *line = &lines[i];
      CmProviderEffect *effect = effect_for (reduction->effects, line);
      gint64 lost = llround (line->annual_value * line->percent / 100.0);

      effect->lost += lost;
      reduction->saving += lost;
      reduction->blanket &= line->percent == lines[0].percent;
      if (line->provider_income > 0)
        g_hash_table_insert (incomes, g_memdup2 (&line->provider_id, sizeof (gint64)),
                             GSIZE_TO_POINTER ((gsize) line->provider_income));
    }
  for (guint i = 0; i < reduction->effects->len; i++)
    {
      CmProviderEffect *effect = &g_array_index (reduction->effects, CmProviderEffect, i);
      gint64 income = GPOINTER_TO_SIZE (g_hash_table_lookup (incomes, &effect->provider_id));

      effect->share_of_income = income > 0 ? (double) effect->lost / income : -1;
    }
  g_array_sort (reduction->effects, hardest_first);
  reduction->blanket_percent = reduction->blanket ? lines[0].percent : 0;
  g_hash_table_unref (incomes);
  return reduction;
}

CmReduction *
cm_reduction_of_scenario (CmStore *store, gint64 scenario_id)
{
  GListModel *all = cm_store_list (store, CM_TYPE_SCENARIO_LINE);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (CmReductionLine));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmScenarioLine) item = g_list_model_get_item (all, i);
      CmContract *contract;
      CmProvider *provider;
      CmReductionLine line;

      if (cm_scenario_line_get_scenario_id (item) != scenario_id ||
          (contract = CM_CONTRACT (cm_store_find (store, CM_TYPE_CONTRACT,
                                                  cm_scenario_line_get_contract_id (item)))) == NULL ||
          (provider = CM_PROVIDER (cm_store_find (store, CM_TYPE_PROVIDER,
                                                  cm_contract_get_provider_id (contract)))) == NULL)
        continue;
      line = (CmReductionLine) { cm_entity_get_id (CM_ENTITY (provider)),
                                 cm_provider_get_name (provider),
                                 cm_provider_get_annual_income (provider),
                                 cm_contract_get_annual_value (contract),
                                 cm_scenario_line_get_percent (item) };
      g_array_append_val (lines, line);
    }
  return cm_reduction_compute ((CmReductionLine *) lines->data, lines->len);
}

void
cm_reduction_free (CmReduction *reduction)
{
  g_array_unref (reduction->effects);
  g_free (reduction);
}

char *
cm_reduction_blanket_warning (const CmReduction *reduction)
{
  double most = -1, least = 2;

  if (!reduction->blanket)
    return NULL;
  for (guint i = 0; i < reduction->effects->len; i++)
    {
      double share = g_array_index (reduction->effects, CmProviderEffect, i).share_of_income;

      if (share >= 0)
        {
          most = MAX (most, share);
          least = MIN (least, share);
        }
    }
  if (most < 0)
    return g_strdup_printf (_("The same %g%% for every contract. The scrutiny board asks "
                              "that blanket cuts be avoided: they fall unequally on "
                              "providers."), reduction->blanket_percent);
  return g_strdup_printf (_("The same %g%% for every contract, yet it costs providers "
                            "from %.1f%% to %.1f%% of their income. The scrutiny board "
                            "asks that blanket cuts be avoided."),
                          reduction->blanket_percent, least * 100, most * 100);
}
