/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-procurement-regime.c: which law a contract was procured under, from its route and date
 *
 * Procurements keep the law in force when they began: one begun on 23
 * February 2025 stays under the 2015 regulations for its whole life, one
 * begun the next day is under the Procurement Act 2023.
 */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-procurement-regime.h"

gboolean
cm_procurement_route_is_psr (CmProcurementRoute route)
{
  switch (route)
    {
    case CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C:
    case CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER:
    case CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_or_after (const GDate *date, const GDate *from)
{
  return g_date_valid (from) && g_date_compare (date, from) >= 0;
}

CmProcurementRegime
cm_procurement_regime_of (const CmProcurementRules *rules, CmProcurementRoute route,
                          const GDate *began)
{
  if (route == CM_PROCUREMENT_ROUTE_GRANT_SCHEME)
    return CM_PROCUREMENT_REGIME_NONE;
  if (cm_procurement_route_is_psr (route))
    return on_or_after (began, &rules->psr_from) ? CM_PROCUREMENT_REGIME_PROVIDER_SELECTION
                                                 : CM_PROCUREMENT_REGIME_PCR_2015;
  return on_or_after (began, &rules->act_from) ? CM_PROCUREMENT_REGIME_PROCUREMENT_ACT_2023
                                               : CM_PROCUREMENT_REGIME_PCR_2015;
}

const char *
cm_procurement_regime_nick (CmProcurementRegime regime)
{
  static const char * const nicks[] = {
    "none", "pcr-2015", "provider-selection-regime", "procurement-act-2023"
  };

  return nicks[regime];
}

const char *
cm_procurement_regime_label (CmProcurementRegime regime)
{
  static const char * const labels[] = {
    N_("Not a procurement"), N_("Public Contracts Regulations 2015"),
    N_("Provider Selection Regime"), N_("Procurement Act 2023")
  };

  return _(labels[regime]);
}

gboolean
cm_contract_procurement_began (CmContract *contract, GDate *began, gboolean *from_start)
{
  g_autofree char *recorded = NULL;

  /* The procurement start is a newer column than this rule; read it only
   * where the contract has it. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (contract), "procurement-began"))
    g_object_get (contract, "procurement-began", &recorded, NULL);
  if (from_start)
    *from_start = FALSE;
  if (cm_date_parse_iso (recorded, began))
    return TRUE;
  if (from_start)
    *from_start = TRUE;
  return cm_date_parse_iso (cm_contract_get_start_date (contract), began);
}

CmProcurementRegime
cm_contract_procurement_regime (const CmProcurementRules *rules, CmContract *contract)
{
  CmProcurementRoute route;
  GDate began;

  if (!cm_contract_procurement_began (contract, &began, NULL))
    return CM_PROCUREMENT_REGIME_NONE;
  g_object_get (contract, "route", &route, NULL);
  return cm_procurement_regime_of (rules, route, &began);
}

char *
cm_procurement_regime_check (const CmProcurementRules *rules, CmProcurementRoute route,
                             const GDate *began)
{
  CmProcurementRegime regime = cm_procurement_regime_of (rules, route, began);
  const char *route_label = cm_enum_to_label (CM_TYPE_PROCUREMENT_ROUTE, route);
  g_autofree char *psr_from = NULL;
  g_autofree char *act_from = NULL;

  if (cm_procurement_route_is_psr (route) && regime != CM_PROCUREMENT_REGIME_PROVIDER_SELECTION)
    {
      psr_from = cm_date_to_long (&rules->psr_from);
      return g_strdup_printf (_("The route is “%s”, but the Provider Selection Regime applies "
                                "only to procurements begun from %s. Check the route and the "
                                "date the procurement began."), route_label, psr_from);
    }
  if (regime == CM_PROCUREMENT_REGIME_PROCUREMENT_ACT_2023 &&
      route == CM_PROCUREMENT_ROUTE_RESTRICTED)
    {
      act_from = cm_date_to_long (&rules->act_from);
      return g_strdup_printf (_("The route is “%s”, which the Procurement Act 2023 does not "
                                "have: procurements begun from %s use the open or the "
                                "competitive flexible procedure. Check the route."),
                              route_label, act_from);
    }
  return NULL;
}
