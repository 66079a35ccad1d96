/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo-eia.c: the demo portfolio's commissioning staff and EIAs
 *
 * Written inside the demo's one transaction, where the store's lists do
 * not yet show new rows, so each EIA is assembled here row by row rather
 * than through cm-eia-process. Staff are named by role, never by person.
 */
#include <glib/gi18n-lib.h>

#include "cm-characteristic.h"
#include "cm-date.h"
#include "cm-demo-eia.h"
#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-staff.h"

enum { HEAD, MANAGER, OFFICER, EQUALITY_LEAD, NEW_STARTER, N_STAFF };

static const struct {
  const char *name;
  const char *role;
  const char *trained_on;
} staff[N_STAFF] = {
  [HEAD] = { "Head of Commissioning (Adults)", "Head of commissioning", "2025-06-10" },
  /* Trained in February 2024: the two-year refresher has lapsed. */
  [MANAGER] = { "Commissioning Manager (Carers)", "Commissioning manager", "2024-02-01" },
  [OFFICER] = { "Commissioning Officer (Adults)", "Commissioning officer", "2025-11-03" },
  [EQUALITY_LEAD] = { "Equality and Diversity Lead", "Equality lead", "2026-03-12" },
  /* Joined recently and not yet trained: may not write an EIA until they are. */
  [NEW_STARTER] = { "Commissioning Officer (Children)", "Commissioning officer", "" },
};

/* A characteristic the EIA found relevant; the others were screened out. */
typedef struct {
  const char *name;
  const char *reason;
  CmImpact impact;
  const char *evidence;
  const char *action;           /* NULL: no mitigation */
  int due_in_days;              /* from the demo's today */
  CmMitigationStatus status;
  CmHappened happened;          /* for the review after decommissioning */
  int effectiveness;
} Finding;

typedef struct {
  CmStore *store;
  const GDate *today;
  gint64 staff_ids[N_STAFF];
} DemoEia;

static gint64
save_id (DemoEia *d, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (d->store, owned, error) ? cm_entity_get_id (owned) : 0;
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

/* The translated text of a table entry; an empty entry stays empty. */
static const char *
text (const char *untranslated)
{
  return untranslated && *untranslated ? _(untranslated) : "";
}

static const Finding *
finding_for (const Finding *findings, guint n, const char *name)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (findings[i].name, name))
      return &findings[i];
  return NULL;
}

static gboolean
add_mitigation (DemoEia *d, gint64 characteristic_id, const Finding *f, GError **error)
{
  g_autofree char *due = days_from (d->today, f->due_in_days);

  return save_id (d, g_object_new (CM_TYPE_EIA_MITIGATION, "characteristic-id",
                                   characteristic_id, "description", text (f->action),
                                   "owner", staff[MANAGER].role, "due-date", due,
                                   "status", f->status, "effectiveness", f->effectiveness,
                                   NULL), error) != 0;
}

/* Screens the first @n_screened characteristics of the list against
 * @findings, and leaves the rest for the user. */
static gboolean
add_characteristics (DemoEia *d, gint64 eia_id, const Finding *findings, guint n,
                     guint n_screened, gboolean reviewed, GError **error)
{
  GListModel *list = cm_store_list (d->store, CM_TYPE_CHARACTERISTIC);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CmCharacteristic) c = g_list_model_get_item (list, i);
      const char *name = cm_characteristic_get_name (c);
      const Finding *f = finding_for (findings, n, name);
      gboolean screened = i < n_screened;
      gint64 id = save_id (d, g_object_new (
                             CM_TYPE_EIA_CHARACTERISTIC, "eia-id", eia_id,
                             "position", cm_characteristic_get_position (c), "name", name,
                             "relevance", !screened ? CM_RELEVANCE_UNANSWERED
                                          : f ? CM_RELEVANCE_RELEVANT : CM_RELEVANCE_NOT_RELEVANT,
                             "screening-reason", !screened ? ""
                                                 : f ? text (f->reason)
                                                 : _("No differential effect found in the "
                                                     "service's monitoring data"),
                             "impact", f ? f->impact : CM_IMPACT_UNKNOWN,
                             "evidence", f ? text (f->evidence) : "",
                             "happened", f && reviewed ? f->happened : CM_HAPPENED_NOT_REVIEWED,
                             NULL), error);

      if (id == 0 || (f && f->action && !add_mitigation (d, id, f, error)))
        return FALSE;
    }
  return TRUE;
}

static gint64
add_eia (DemoEia *d, gint64 service_id, int cycle, CmEiaDecision decision, int author,
         const char *proposal, GError **error)
{
  return save_id (d, g_object_new (CM_TYPE_EIA, "service-id", service_id, "cycle", cycle,
                                   "decision", decision, "author-id", d->staff_ids[author],
                                   "proposal", proposal,
                                   "aim-discrimination", TRUE, "aim-opportunity", TRUE,
                                   "outcome", CM_EIA_OUTCOME_FULL_ASSESSMENT,
                                   "outcome-reason", _("Relevant characteristics were found"),
                                   NULL), error);
}

/* Signs off (and, with @review, reviews) the EIA saved as @eia_id. */
static gboolean
sign (DemoEia *d, gint64 eia_id, const char *signed_on, const char *review_on, GError **error)
{
  g_autoptr(CmEntity) eia = cm_store_load (d->store, CM_TYPE_EIA, eia_id, error);

  if (eia == NULL)
    return FALSE;
  g_object_set (eia, "signed", TRUE, "signatory-id", d->staff_ids[HEAD],
                "signatory-role", staff[HEAD].role, "signed-on", signed_on, NULL);
  if (!cm_store_save (d->store, eia, error))
    return FALSE;
  if (review_on == NULL)
    return TRUE;
  g_object_set (eia, "reviewed-on", review_on,
                "unpredicted-impacts", _("Some families travelled further to the new cluster "
                                         "hubs than the assessment expected."),
                "lessons", _("Map travel times to the alternative provision before the "
                             "decision, not after."),
                "lessons-shared-with", _("Commissioning operational group, May 2021"), NULL);
  return cm_store_save (d->store, eia, error);
}

static const Finding carers_findings[] = {
  { "Age", N_("Most carers supported are over 60, and many care for a partner"),
    CM_IMPACT_POSITIVE, N_("Carers Leeds annual report; carers survey"),
    N_("Offer home visits to carers over 80 who cannot reach the hubs"), -21,
    CM_MITIGATION_IN_PROGRESS },
  { "Disability", N_("Many carers are themselves disabled"), CM_IMPACT_NEGATIVE,
    N_("Consultation responses: the online-first model is hard for some disabled carers"),
    N_("Keep a telephone and face-to-face route for every service"), 45,
    CM_MITIGATION_PLANNED },
  { "Carers", N_("The service exists for carers"), CM_IMPACT_POSITIVE,
    N_("Service specification and outcomes framework") },
  { "Race", N_("Carers from Black and minority ethnic communities are under-represented"),
    CM_IMPACT_NEGATIVE, N_("Referral data by ethnicity, 2025-26"),
    N_("Fund outreach through community organisations"), -7, CM_MITIGATION_PLANNED },
};

static const Finding advocacy_findings[] = {
  { "Disability", N_("Most people referred have a learning disability or mental health need"),
    CM_IMPACT_POSITIVE, "" },
};

static const Finding semh_findings[] = {
  { "Age", N_("The fund supports children and young people in schools"), CM_IMPACT_NEGATIVE,
    N_("SEMH referrals through MindMate SPA and schools"),
    N_("Move each cluster's caseload to the new commissioning model by September 2020"),
    -800, CM_MITIGATION_DONE, CM_HAPPENED_PARTLY, 4 },
  { "Disability", N_("Children with SEND are over-represented in SEMH referrals"),
    CM_IMPACT_NEGATIVE, N_("Cluster referral data"),
    N_("Keep named workers for children with an EHC plan through the change"), -760,
    CM_MITIGATION_DONE, CM_HAPPENED_NO, 5 },
};

/* The service closing now: one impact still unknown, with an action to
 * gather the evidence. */
static const Finding closing_findings[] = {
  { "Disability", N_("Four in ten people supported report a disability"), CM_IMPACT_NEGATIVE,
    N_("Provider monitoring returns, 2025-26"),
    N_("Introduce each disabled person to a named Neighbourhood Network worker"), 30,
    CM_MITIGATION_IN_PROGRESS },
  { "Race", N_("Ethnicity is not recorded for a third of the people supported"),
    CM_IMPACT_UNKNOWN, N_("Provider monitoring returns, 2025-26: incomplete"),
    N_("Gather ethnicity data from the provider's case records"), 14, CM_MITIGATION_PLANNED },
  { "Poverty and socio-economic disadvantage",
    N_("Most people supported live in the most deprived areas of the city"), CM_IMPACT_NEGATIVE,
    N_("Postcode analysis against the Index of Multiple Deprivation"),
    N_("Cover travel to the Neighbourhood Networks' groups for six months"), 60,
    CM_MITIGATION_PLANNED },
};

gboolean
cm_demo_eia_add (CmStore *store, const GDate *today, gint64 signed_service,
                 gint64 draft_service, gint64 decommissioned_service, gint64 closing_service,
                 CmDemoEiaIds *ids, GError **error)
{
  DemoEia d = { store, today };
  g_autofree char *signed_on = days_from (today, -120);
  g_autofree char *closing_signed_on = days_from (today, -45);
  gint64 id;

  for (int i = 0; i < N_STAFF; i++)
    if (!(d.staff_ids[i] = save_id (&d, cm_staff_new (staff[i].name, staff[i].role,
                                                      staff[i].trained_on), error)))
      return FALSE;

  id = add_eia (&d, signed_service, 2, CM_EIA_DECISION_RECOMMISSION, OFFICER,
                _("Re-commission carers' information, advice and support as one city-wide "
                  "service with local hubs"), error);
  if (id == 0 ||
      !add_characteristics (&d, id, carers_findings, G_N_ELEMENTS (carers_findings), G_MAXUINT,
                            FALSE, error) ||
      !sign (&d, id, signed_on, NULL, error))
    return FALSE;

  /* A draft, started by the manager whose training has lapsed: two
   * characteristics and the outcome are still to screen. */
  id = save_id (&d, g_object_new (CM_TYPE_EIA, "service-id", draft_service, "cycle", 2,
                                  "decision", CM_EIA_DECISION_RECOMMISSION,
                                  "author-id", d.staff_ids[MANAGER],
                                  "proposal", _("Re-commission the advocacy single gateway"),
                                  NULL), error);
  if (id == 0 ||
      !add_characteristics (&d, id, advocacy_findings, G_N_ELEMENTS (advocacy_findings),
                            g_list_model_get_n_items (cm_store_list (store, CM_TYPE_CHARACTERISTIC)) - 2,
                            FALSE, error))
    return FALSE;

  /* Signed off a fortnight before the decision to close the service. */
  id = add_eia (&d, closing_service, 2, CM_EIA_DECISION_DECOMMISSION, OFFICER,
                _("Close the vulnerable groups service and support its users through the "
                  "Neighbourhood Networks"), error);
  if (id == 0 ||
      !add_characteristics (&d, id, closing_findings, G_N_ELEMENTS (closing_findings),
                            G_MAXUINT, FALSE, error) ||
      !sign (&d, id, closing_signed_on, NULL, error))
    return FALSE;
  ids->closing_eia = id;

  id = add_eia (&d, decommissioned_service, 1, CM_EIA_DECISION_DECOMMISSION, OFFICER,
                _("End the CCG's share of the SEMH cluster fund from September 2020"), error);
  ids->closed_eia = id;
  return id != 0 &&
         add_characteristics (&d, id, semh_findings, G_N_ELEMENTS (semh_findings), G_MAXUINT,
                              TRUE, error) &&
         sign (&d, id, "2020-03-16", "2021-05-10", error);
}
