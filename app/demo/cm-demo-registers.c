/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-registers.c: the demo's risks, engagement and performance
 *
 * Themes from the seeds (001 L482, L583 on provider sustainability; 001
 * L558-569 on Outcomes Based Accountability; 003 4.1 on co-production);
 * the figures are illustrative.
 */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-demo-registers.h"
#include "cm-engagement.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-risk.h"

enum { NETWORKS, CARERS, CRISIS, N_SERVICES };

static const struct {
  int service;
  const char *description;
  CmRiskCategory category;
  int likelihood, impact;
  const char *mitigation;
  int review_in_days;
} risks[] = {
  { NETWORKS, N_("Small schemes depend on this one grant and could close if it is cut"),
    CM_RISK_PROVIDER_MARKET, 3, 4, N_("Six months' notice under the Compact; help schemes find "
                                      "other income"), 60 },
  { NETWORKS, N_("Volunteers' DBS checks lapse"), CM_RISK_SAFEGUARDING, 2, 5,
    N_("Quarterly check of the schemes' volunteer records"), -10 },
  { CARERS, N_("The waiting list for assessments grows beyond eight weeks"),
    CM_RISK_BUSINESS_CONTINUITY, 4, 4, N_("Triage line and extra sessions at peak times"), 30 },
  { CARERS, N_("Case records kept on an unsupported system"), CM_RISK_INFORMATION_GOVERNANCE,
    3, 3, N_("Move records to the council's case system before the new contract"), 90 },
  { CARERS, N_("Members are concerned about the hub locations"), CM_RISK_REPUTATIONAL, 2, 3,
    N_("Brief the Community Committees before the decision"), 45 },
  { CRISIS, N_("The safe space closes out of hours without cover"), CM_RISK_SAFEGUARDING, 3, 5,
    N_("On-call arrangement with the crisis team"), 20 },
  { CRISIS, N_("Budget pressure on the CCG's allocation"), CM_RISK_FINANCIAL, 4, 4,
    N_("Joint funding options through the Better Care Fund"), 75 },
};

static const struct {
  int service;
  int days_ago;
  CmStakeholderGroup group;
  const char *method;
  const char *summary;
  gboolean co_production;
} engagements[] = {
  { NETWORKS, 200, CM_STAKEHOLDER_SERVICE_USERS, N_("Survey of members"),
    N_("Members value lunch clubs and want more transport help"), FALSE },
  { NETWORKS, 120, CM_STAKEHOLDER_PROVIDERS, N_("Provider forum"),
    N_("Schemes asked for longer grants to plan staffing"), FALSE },
  { CARERS, 90, CM_STAKEHOLDER_CARERS, N_("Co-production workshops"),
    N_("Carers designed the assessment questions and want evening sessions"), TRUE },
  { CARERS, 40, CM_STAKEHOLDER_MEMBERS, N_("Community Committee briefing"),
    N_("Members asked for a hub in each area"), FALSE },
  { CRISIS, 150, CM_STAKEHOLDER_SERVICE_USERS, N_("Young people's design group"),
    N_("Young people chose the safe space's location and opening hours"), TRUE },
  { CRISIS, 60, CM_STAKEHOLDER_PRIMARY_CARE, N_("GP practice survey"),
    N_("GPs want a direct referral route"), FALSE },
};

static const struct {
  int service;
  const char *name;
  CmMeasureType type;
  const char *unit;
  double target;
  gboolean higher_is_better;
  double values[4];   /* 2025-Q4 to 2026-Q3 */
} measures[] = {
  { NETWORKS, N_("Older people supported"), CM_MEASURE_HOW_MUCH, N_("people"), 26000, TRUE,
    { 24800, 25300, 25900, 26400 } },
  { NETWORKS, N_("Members satisfied with their scheme"), CM_MEASURE_HOW_WELL, "%", 90, TRUE,
    { 91, 89, 92, 93 } },
  { NETWORKS, N_("Members who feel less isolated"), CM_MEASURE_BETTER_OFF, "%", 75, TRUE,
    { 70, 71, 73, 72 } },
  { CARERS, N_("Carers' assessments completed"), CM_MEASURE_HOW_MUCH, N_("assessments"), 900,
    TRUE, { 820, 870, 910, 880 } },
  { CARERS, N_("Days waited for an assessment"), CM_MEASURE_HOW_WELL, N_("days"), 28, FALSE,
    { 41, 38, 35, 44 } },
  { CARERS, N_("Carers able to keep caring"), CM_MEASURE_BETTER_OFF, "%", 80, TRUE,
    { 74, 76, 79, 81 } },
  { CRISIS, N_("Young people seen in the safe space"), CM_MEASURE_HOW_MUCH, N_("people"), 120,
    TRUE, { 101, 112, 118, 126 } },
  { CRISIS, N_("Attendances at A&E avoided"), CM_MEASURE_BETTER_OFF, "%", 60, TRUE,
    { 55, 58, 57, 61 } },
};

static const char * const quarters[] = { "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3" };

static gint64
save_id (CmStore *store, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (store, owned, error) ? cm_entity_get_id (owned) : 0;
}

static char *
days_from (const GDate *today, int days)
{
  GDate date = *today;

  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  return cm_date_format_iso (&date);
}

static gboolean
add_measure (CmStore *store, gint64 service_id, guint i, GError **error)
{
  CmMeasure *measure = cm_measure_new (service_id, _(measures[i].name), measures[i].type,
                                       _(measures[i].unit), measures[i].target);
  gint64 id;

  g_object_set (measure, "higher-is-better", measures[i].higher_is_better, NULL);
  if ((id = save_id (store, measure, error)) == 0)
    return FALSE;
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    if (!save_id (store, cm_measure_value_new (id, quarters[q], measures[i].values[q]), error))
      return FALSE;
  return TRUE;
}

gboolean
cm_demo_registers_add (CmStore *store, const GDate *today, gint64 networks, gint64 carers,
                       gint64 crisis, GError **error)
{
  const gint64 services[N_SERVICES] = { networks, carers, crisis };

  for (guint i = 0; i < G_N_ELEMENTS (risks); i++)
    {
      g_autofree char *review = days_from (today, risks[i].review_in_days);
      CmRisk *risk = cm_risk_new (services[risks[i].service], _(risks[i].description),
                                  risks[i].category, risks[i].likelihood, risks[i].impact);

      g_object_set (risk, "mitigation", _(risks[i].mitigation),
                    "owner", _("Commissioning Manager (Adults)"), "review-date", review, NULL);
      if (!save_id (store, risk, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (engagements); i++)
    {
      g_autofree char *held = days_from (today, -engagements[i].days_ago);

      if (!save_id (store, cm_engagement_new (services[engagements[i].service], held,
                                              engagements[i].group, _(engagements[i].method),
                                              _(engagements[i].summary),
                                              engagements[i].co_production), error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (!add_measure (store, services[measures[i].service], i, error))
      return FALSE;
  return TRUE;
}
