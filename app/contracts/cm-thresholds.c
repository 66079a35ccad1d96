/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-thresholds.c: procurement thresholds, as data with the dates they took effect
 *
 * Thresholds change (they include VAT since 1 January 2024, and the
 * Procurement Act 2023 applies from 24 February 2025), so they are data in
 * data/thresholds.xml (their labels translated on load), and a contract is
 * judged against those in force on the day its procurement began.
 * Registers seldom record that day, so where it is not recorded the
 * contract's start date stands in for it, and the page says so.
 */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-money.h"
#include "cm-rules-xml.h"
#include "cm-thresholds.h"

#define THRESHOLDS_RESOURCE "/org/commissioner/Commissioner/rules/thresholds.xml"

static void
threshold_free (gpointer data)
{
  CmThreshold *threshold = data;

  g_free (threshold->kind);
  g_free (threshold->label);
  g_free (threshold);
}

static CmThreshold *
threshold_from_xml (xmlNode *node)
{
  CmThreshold *threshold = g_new0 (CmThreshold, 1);
  g_autofree char *pence = cm_rules_xml_attribute (node, "pence");
  g_autofree char *from = cm_rules_xml_attribute (node, "from");

  threshold->kind = cm_rules_xml_attribute (node, "kind");
  threshold->label = cm_rules_xml_translated (node, "label");
  threshold->pence = g_ascii_strtoll (pence, NULL, 10);
  if (!cm_date_parse_iso (from, &threshold->from))
    g_clear_pointer (&threshold, threshold_free);
  return threshold;
}

GPtrArray *
cm_thresholds_load (GError **error)
{
  g_autoptr(xmlDoc) doc = cm_rules_xml_load (THRESHOLDS_RESOURCE, "thresholds", error);
  g_autoptr(GPtrArray) thresholds = g_ptr_array_new_with_free_func (threshold_free);
  guint n = 0;

  if (doc == NULL)
    return NULL;
  for (xmlNode *node = cm_rules_xml_child (xmlDocGetRootElement (doc), "threshold"); node;
       node = cm_rules_xml_next (node))
    {
      CmThreshold *threshold = threshold_from_xml (node);

      n++;
      if (threshold == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Threshold %u of the shipped rules has no valid “from” date."), n);
          return NULL;
        }
      g_ptr_array_add (thresholds, threshold);
    }
  return g_steal_pointer (&thresholds);
}

const CmThreshold *
cm_thresholds_in_force (GPtrArray *thresholds, const char *kind, const GDate *date)
{
  const CmThreshold *best = NULL;

  for (guint i = 0; i < thresholds->len; i++)
    {
      const CmThreshold *t = g_ptr_array_index (thresholds, i);

      if (g_str_equal (t->kind, kind) && g_date_compare (&t->from, date) <= 0 &&
          (best == NULL || g_date_compare (&t->from, &best->from) > 0))
        best = t;
    }
  return best;
}

/* Routes that advertise or compete, or are the regimes' own compliant
 * procedures; a direct award or a quotation is neither, and a route we
 * could not read ("other") is not assumed to be. */
gboolean
cm_procurement_route_is_compliant (CmProcurementRoute route)
{
  switch (route)
    {
    case CM_PROCUREMENT_ROUTE_OPEN:
    case CM_PROCUREMENT_ROUTE_RESTRICTED:
    case CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE:
    case CM_PROCUREMENT_ROUTE_LIGHT_TOUCH:
    case CM_PROCUREMENT_ROUTE_FRAMEWORK:
    case CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C:
    case CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER:
    case CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS:
      return TRUE;
    case CM_PROCUREMENT_ROUTE_DIRECT_AWARD:
    case CM_PROCUREMENT_ROUTE_GRANT_SCHEME:
    case CM_PROCUREMENT_ROUTE_QUOTATION:
    case CM_PROCUREMENT_ROUTE_OTHER:
    default:
      return FALSE;
    }
}

/* Leeds's market position statement: council tenders over £10,000 are advertised on
 * YORtender, NHS ones over £25,000 on Contracts Finder; a direct award or
 * a quotation above those is not advertised. */
static char *
check_advertising (GPtrArray *thresholds, CmContract *contract, CmProcurementRoute route,
                   const GDate *began)
{
  gboolean nhs = cm_contract_get_commissioner_kind (contract) == CM_ORGANISATION_KIND_NHS_BODY;
  const CmThreshold *threshold =
    cm_thresholds_in_force (thresholds, nhs ? "nhs-advertising" : "council-advertising", began);
  g_autofree char *value = NULL;
  g_autofree char *limit = NULL;

  if (threshold == NULL || cm_contract_get_total_value (contract) <= threshold->pence ||
      (route != CM_PROCUREMENT_ROUTE_DIRECT_AWARD && route != CM_PROCUREMENT_ROUTE_QUOTATION))
    return NULL;
  value = cm_money_format (cm_contract_get_total_value (contract));
  limit = cm_money_format (threshold->pence);
  return g_strdup_printf (_("Worth %s, over %s: %s. The route recorded is %s, which is not "
                            "advertised. Check that the tender was advertised."),
                          value, limit, threshold->label,
                          cm_enum_to_label (CM_TYPE_PROCUREMENT_ROUTE, route));
}

gboolean
cm_thresholds_judging_day (CmContract *contract, GDate *day, gboolean *recorded)
{
  gboolean began = cm_date_parse_iso (cm_contract_get_procurement_began (contract), day);

  if (recorded)
    *recorded = began;
  return began || cm_date_parse_iso (cm_contract_get_start_date (contract), day);
}

char *
cm_thresholds_describe_judging_day (CmContract *contract)
{
  g_autofree char *on = NULL;
  gboolean recorded;
  CmContractType type;
  GDate day;

  g_object_get (contract, "contract-type", &type, NULL);
  if (type == CM_CONTRACT_TYPE_GRANT)
    return g_strdup (_("A grant is not a procurement, so no procurement thresholds apply."));
  if (!cm_thresholds_judging_day (contract, &day, &recorded))
    return g_strdup (_("Not judged against the thresholds: neither the procurement start nor "
                       "the contract’s start date is recorded. Enter either to check it."));
  on = cm_date_to_long (&day);
  if (recorded)
    return g_strdup_printf (_("Judged against the thresholds in force on %s, the day the "
                              "procurement began."), on);
  return g_strdup_printf (_("Judged against the thresholds in force on %s, the contract’s start "
                            "date; the procurement start is not recorded."), on);
}

char *
cm_thresholds_check (GPtrArray *thresholds, CmContract *contract)
{
  const CmThreshold *threshold;
  CmProcurementRoute route;
  CmContractType type;
  g_autofree char *value = NULL;
  g_autofree char *limit = NULL;
  GDate began;

  g_object_get (contract, "route", &route, "contract-type", &type, NULL);
  /* Grants are not procurements, so thresholds do not apply to them. */
  if (type == CM_CONTRACT_TYPE_GRANT || !cm_thresholds_judging_day (contract, &began, NULL))
    return NULL;
  threshold = cm_thresholds_in_force (thresholds, "light-touch", &began);
  if (threshold == NULL || cm_contract_get_total_value (contract) <= threshold->pence ||
      cm_procurement_route_is_compliant (route))
    return check_advertising (thresholds, contract, route, &began);
  value = cm_money_format (cm_contract_get_total_value (contract));
  limit = cm_money_format (threshold->pence);
  return g_strdup_printf (_("Worth %s, over the %s threshold (%s), but the route recorded is %s. "
                            "Check that the procurement was compliant."),
                          value, threshold->label, limit,
                          cm_enum_to_label (CM_TYPE_PROCUREMENT_ROUTE, route));
}
