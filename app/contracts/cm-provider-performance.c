/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-provider-performance.c: how the services a provider is paid for are
 * performing */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-measure.h"
#include "cm-provider-performance.h"

static int
by_service_then_name (gconstpointer a, gconstpointer b)
{
  CmMeasure *x = *(CmMeasure **) a, *y = *(CmMeasure **) b;
  g_autofree char *x_service = cm_entity_property_text (CM_ENTITY (x), "service-name");
  g_autofree char *y_service = cm_entity_property_text (CM_ENTITY (y), "service-name");
  int by_service = g_utf8_collate (x_service, y_service);

  return by_service ? by_service
                    : g_utf8_collate (cm_measure_get_name (x), cm_measure_get_name (y));
}

/* The services the provider's contracts pay for, as a set of ids. */
static GHashTable *
services_of (CmStore *store, gint64 provider_id)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  GHashTable *services = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      gint64 service_id = cm_contract_get_service_id (contract);

      if (cm_contract_get_provider_id (contract) == provider_id && service_id != 0)
        g_hash_table_add (services, g_memdup2 (&service_id, sizeof service_id));
    }
  return services;
}

GPtrArray *
cm_provider_measures (CmStore *store, gint64 provider_id)
{
  g_autoptr(GHashTable) services = services_of (store, provider_id);
  GListModel *all = cm_store_list (store, CM_TYPE_MEASURE);
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all) && g_hash_table_size (services); i++)
    {
      g_autoptr(CmMeasure) measure = g_list_model_get_item (all, i);
      gint64 service_id = cm_measure_get_service_id (measure);

      if (g_hash_table_contains (services, &service_id))
        g_ptr_array_add (measures, g_steal_pointer (&measure));
    }
  g_ptr_array_sort (measures, by_service_then_name);
  return measures;
}

char *
cm_provider_describe_trends (GPtrArray *measures)
{
  guint counts[CM_TREND_SAME + 1] = { 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *listed = NULL;

  if (measures->len == 0)
    return g_strdup (_("No performance measures are recorded for the services its "
                       "contracts pay for."));
  for (guint i = 0; i < measures->len; i++)
    counts[cm_measure_get_trend (g_ptr_array_index (measures, i))]++;
  if (counts[CM_TREND_BETTER])
    g_ptr_array_add (parts, g_strdup_printf (_("%u better"), counts[CM_TREND_BETTER]));
  if (counts[CM_TREND_WORSE])
    g_ptr_array_add (parts, g_strdup_printf (_("%u worse"), counts[CM_TREND_WORSE]));
  if (counts[CM_TREND_SAME])
    g_ptr_array_add (parts, g_strdup_printf (_("%u the same"), counts[CM_TREND_SAME]));
  if (counts[CM_TREND_NONE])
    g_ptr_array_add (parts, g_strdup_printf (_("%u without a trend yet"),
                                             counts[CM_TREND_NONE]));
  g_ptr_array_add (parts, NULL);
  listed = g_strjoinv (", ", (char **) parts->pdata);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure: %s", "%u measures: %s",
                                       measures->len),
                          measures->len, listed);
}
