/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-kind.c: how each kind of record is listed, shown and edited */
#include <glib/gi18n.h>

#include "cm-characteristic.h"
#include "cm-contract.h"
#include "cm-contract-flags.h"
#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-decommissioning.h"
#include "cm-eia-process.h"
#include "cm-engagement.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-reduction.h"
#include "cm-risk.h"
#include "cm-scenario.h"
#include "cm-enums.h"
#include "cm-money.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-provider-performance.h"
#include "cm-record-kind.h"
#include "cm-required-notices.h"
#include "cm-service.h"
#include "cm-staff.h"
#include "cm-succession.h"
#include "cm-thresholds.h"

static void
add_line (GArray *lines, const char *title, char *text)
{
  CmDetailLine line = { g_strdup (title), text };

  g_array_append_val (lines, line);
}

static void
clear_line (gpointer data)
{
  CmDetailLine *line = data;

  g_free (line->title);
  g_free (line->text);
}

/* "30 March 2023 — Due soon": the words say the status, not colour. */
static char *
dated (const GDate *date, CmDeadlineStatus status)
{
  g_autofree char *text = cm_date_to_long (date);

  return g_strdup_printf ("%s — %s", text, cm_deadline_status_label (status));
}

/* The rules ship with the application and never change while it runs. */
static GPtrArray *
thresholds (void)
{
  static GPtrArray *loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *list = cm_thresholds_load (&error);

      if (list == NULL)
        {
          g_warning ("Procurement thresholds could not be read: %s", error->message);
          list = g_ptr_array_new ();
        }
      g_once_init_leave (&loaded, list);
    }
  return loaded;
}

static void
add_threshold_lines (GArray *lines, CmContract *contract)
{
  g_autofree char *warning = cm_thresholds_check (thresholds (), contract);
  const CmThreshold *threshold;
  CmContractType type;
  GDate began;

  g_object_get (contract, "contract-type", &type, NULL);
  add_line (lines, _("Thresholds"), cm_thresholds_describe_judging_day (contract));
  if (type == CM_CONTRACT_TYPE_GRANT || !cm_thresholds_judging_day (contract, &began, NULL))
    return;
  threshold = cm_thresholds_in_force (thresholds (), "light-touch", &began);
  if (threshold)
    {
      g_autofree char *limit = cm_money_format (threshold->pence);
      add_line (lines, _("Threshold when procured"),
                g_strdup_printf ("%s: %s", threshold->label, limit));
    }
  if (warning)
    add_line (lines, _("⚠ Procurement route"), g_steal_pointer (&warning));
}

/* The end, said plainly when notice of early termination brought it
 * forward. */
static void
add_end_line (GArray *lines, CmContract *contract, const CmContractDates *dates)
{
  g_autofree char *served = NULL;
  g_autofree char *scheduled = NULL;
  g_autofree char *end = NULL;

  if (!dates->ended_early)
    {
      add_line (lines, _("Current term ends"), dated (&dates->current_end, dates->end_status));
      return;
    }
  served = cm_date_format_long (cm_contract_get_notice_served (contract));
  scheduled = cm_date_to_long (&dates->scheduled_end);
  end = dated (&dates->current_end, dates->end_status);
  add_line (lines, _("Ends early"),
            g_strdup_printf (_("%s — notice of early termination served on %s; the term ran "
                               "to %s"), end, served, scheduled));
}

/* The flags go last, except an ended contract's, which matters most. */
static void
add_flag_lines (GArray *lines, GPtrArray *flags, gboolean ended)
{
  for (guint i = 0; i < flags->len; i++)
    {
      CmContractFlag *flag = g_ptr_array_index (flags, i);

      if ((flag->kind == CM_CONTRACT_FLAG_ENDED_NOT_CLOSED) == ended)
        add_line (lines, flag->title, g_strdup (flag->text));
    }
}

static void
add_notice_lines (GArray *lines, CmContract *contract, const CmContractDates *dates)
{
  const char *served = cm_contract_get_notice_served (contract);

  if (g_date_valid (&dates->extension_decision))
    add_line (lines, _("Extension decision due"),
              dated (&dates->extension_decision, dates->extension_status));
  else if (*served && g_date_compare (&dates->latest_end, &dates->current_end) != 0)
    add_line (lines, _("Extension decision"),
              g_strdup (_("None pending: notice has been served.")));
  if (g_date_valid (&dates->latest_notice))
    add_line (lines, _("Last day to serve notice"),
              dated (&dates->latest_notice, dates->notice_status));
}

/* The regime the contract was procured under, each notice it requires
 * with where it stands, and its variations. */
static void
add_procurement_lines (GArray *lines, CmStore *store, CmContract *contract, const GDate *today,
                       const CmDeadlineSettings *settings)
{
  const CmProcurementRules *rules = cm_procurement_rules_get ();
  CmProcurementRegime regime = cm_contract_procurement_regime (rules, contract);
  g_autoptr(GPtrArray) notices = cm_contract_required_notices (store, contract, today, settings);
  g_autoptr(GPtrArray) variations =
    cm_contract_variations (store, cm_entity_get_id (CM_ENTITY (contract)));
  CmProcurementRoute route;
  gboolean from_start;
  g_autofree char *warning = NULL;
  GDate began;

  if (!cm_contract_procurement_began (contract, &began, &from_start))
    return;
  g_object_get (contract, "route", &route, NULL);
  warning = cm_procurement_regime_check (rules, route, &began);
  add_line (lines, _("Procurement regime"),
            from_start ? g_strdup_printf (_("%s, judged from the start date: the day the "
                                            "procurement began is not recorded"),
                                          cm_procurement_regime_label (regime))
                       : g_strdup (cm_procurement_regime_label (regime)));
  if (warning)
    add_line (lines, _("⚠ Procurement regime"), g_steal_pointer (&warning));
  if (regime == CM_PROCUREMENT_REGIME_PCR_2015)
    add_line (lines, _("Procurement notices"),
              g_strdup (_("Not followed here for procurements under the 2015 regulations.")));
  for (guint i = 0; i < notices->len; i++)
    {
      const CmRequiredNotice *notice = g_ptr_array_index (notices, i);
      g_autofree char *title = cm_required_notice_title (notice);

      add_line (lines, title, cm_required_notice_describe (notice));
    }
  for (guint i = 0; i < variations->len; i++)
    {
      CmContractVariation *variation = g_ptr_array_index (variations, i);
      g_autofree char *day = cm_date_format_long (cm_contract_variation_get_made_on (variation));
      g_autofree char *title = g_strdup_printf (_("Variation of %s, %s"), cm_enum_to_label (
                                                  CM_TYPE_VARIATION_KIND,
                                                  cm_contract_variation_get_kind (variation)),
                                                day);
      g_autofree char *reason = cm_entity_property_text (CM_ENTITY (variation), "reason");

      add_line (lines, title,
                g_strdup_printf (_("%s. Reason: %s"),
                                 cm_contract_variation_get_description (variation), reason));
    }
}

static GArray *
contract_dates (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  CmContract *contract = CM_CONTRACT (item);
  g_autoptr(GPtrArray) flags = NULL;
  CmDeadlineSettings settings;
  CmContractDates dates;

  g_array_set_clear_func (lines, clear_line);
  cm_deadline_settings_load (store, &settings);
  if (!cm_contract_compute_dates (contract, today, &settings, &dates))
    {
      add_line (lines, _("Key dates"),
                g_strdup (_("Enter an end date, or a start date and a term such as 3+1+1, to "
                            "see them.")));
      return lines;
    }
  flags = cm_contract_flags (contract, &dates, today);
  add_flag_lines (lines, flags, TRUE);
  add_end_line (lines, contract, &dates);
  add_line (lines, _("Latest possible end"), cm_date_to_long (&dates.latest_end));
  add_notice_lines (lines, contract, &dates);
  add_flag_lines (lines, flags, FALSE);
  return lines;
}

/* The lead commissioner in force today, with the one the service was
 * recorded with beside it when another has since succeeded it. */
static GArray *
service_details (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  char *lead = cm_succession_service_commissioner (store, CM_SERVICE (item), today);

  g_array_set_clear_func (lines, clear_line);
  if (lead)
    add_line (lines, _("Lead commissioner in force"), lead);
  return lines;
}

/* Its dates; the thresholds it is judged by, which need no term; and the
 * commissioner in force, with the one the contract was made with beside
 * it when another has since succeeded it. */
static GArray *
contract_details (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = contract_dates (store, item, today);
  char *commissioner = cm_succession_contract_commissioner (store, CM_CONTRACT (item), today);
  CmDeadlineSettings settings;

  cm_deadline_settings_load (store, &settings);
  add_threshold_lines (lines, CM_CONTRACT (item));
  add_procurement_lines (lines, store, CM_CONTRACT (item), today, &settings);
  if (commissioner)
    add_line (lines, _("Commissioner"), commissioner);
  return lines;
}

/* Reached from a contract's page as well as listed on their own. */
#define CONTRACT_NOTICE_KIND { \
  "procurement-notices", N_("Procurement Notices"), \
  { N_("Search Procurement Notices"), N_("Add procurement notice"), \
    N_("New procurement notice"), N_("Edit procurement notice"), \
    N_("New Procurement Notice…") }, \
  "mail-send-symbolic", \
  N_("The notices published for each contract on Find a Tender, with their dates and " \
     "identifiers. A contract’s page lists the notices its procurement route requires."), \
  N_("No Procurement Notices Yet"), N_("_Add a procurement notice"), \
  cm_contract_notice_get_type, cm_contract_notice_fields }

#define CONTRACT_VARIATION_KIND { \
  "variations", N_("Variations"), \
  { N_("Search Variations"), N_("Add variation"), N_("New variation"), \
    N_("Edit variation"), N_("New Variation…") }, \
  "document-edit-symbolic", \
  N_("Each change to a contract’s value, term or scope, with its date, its reason, and its " \
     "change notice where one is due."), \
  N_("No Variations Yet"), N_("_Add a variation"), \
  cm_contract_variation_get_type, cm_contract_variation_fields }

const CmRecordKind cm_contract_notice_kind = CONTRACT_NOTICE_KIND;
const CmRecordKind cm_contract_variation_kind = CONTRACT_VARIATION_KIND;

/* The performance trend of its contracts: the measures of the services
 * they pay for, each against its target and with its trend in words. */
static void
add_performance_lines (GArray *lines, CmStore *store, gint64 provider_id)
{
  g_autoptr(GPtrArray) measures = cm_provider_measures (store, provider_id);

  add_line (lines, _("Performance trend"), cm_provider_describe_trends (measures));
  for (guint i = 0; i < measures->len; i++)
    {
      CmMeasure *measure = g_ptr_array_index (measures, i);
      g_autofree char *service = cm_entity_property_text (CM_ENTITY (measure), "service-name");
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), cm_measure_get_name (measure),
                                                service);
      g_autofree char *against = cm_measure_describe (measure);
      g_autofree char *trend = cm_measure_describe_trend (measure);
      const char *mark = cm_measure_get_trend (measure) == CM_TREND_WORSE ? "⚠ " : "";

      add_line (lines, title, g_strdup_printf ("%s%s\n%s", mark, trend, against));
    }
}

/* Due diligence (seed 004 para 35): what the provider holds with us, how
 * much of its income that is, and how the services it delivers perform. */
static GArray *
provider_dependency (CmStore *store, GObject *item, const GDate *today)
{
  CmProvider *provider = CM_PROVIDER (item);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  gint64 id = cm_entity_get_id (CM_ENTITY (provider));
  /* Its own contracts only, read with a WHERE: not every contract scanned. */
  g_autoptr(GListModel) contracts = cm_store_list_where_id (store, CM_TYPE_CONTRACT,
                                                            "provider-id", id);
  double share = cm_provider_get_dependency (provider);
  g_autofree char *total = cm_money_format (cm_provider_get_annual_value (provider));

  g_array_set_clear_func (lines, clear_line);
  add_line (lines, _("Our share of its income"),
            share < 0 ? g_strdup (_("Unknown: record its annual income to see it"))
                      : g_strdup_printf (_("%.1f%% (%s a year with us)"), share, total));
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      g_autofree char *value = cm_money_format (cm_contract_get_annual_value (contract));
      add_line (lines, cm_contract_get_reference (contract),
                g_strdup_printf (_("%s — %s a year"), cm_contract_get_title (contract), value));
    }
  add_performance_lines (lines, store, id);
  return lines;
}

/* A new EIA takes a copy of the portfolio's characteristics. */
static gboolean
save_eia (CmStore *store, CmEntity *draft, GError **error)
{
  if (cm_entity_get_id (draft) == 0)
    return cm_eia_create (store, CM_EIA (draft), error);
  return cm_store_save (store, draft, error);
}

/* Recommendation 3a: whether the person may write or sign an EIA today. */
static GArray *
staff_training (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  GDate due;
  g_autofree char *when = NULL;

  g_array_set_clear_func (lines, clear_line);
  switch (cm_staff_training (CM_STAFF (item), today, &due))
    {
    case CM_TRAINING_CURRENT:
      when = cm_date_to_long (&due);
      add_line (lines, _("EIA training"), g_strdup_printf (_("In date until %s"), when));
      break;
    case CM_TRAINING_OUT_OF_DATE:
      when = cm_date_to_long (&due);
      add_line (lines, _("⚠ EIA training"),
                g_strdup_printf (_("Out of date: a refresher was due on %s"), when));
      break;
    case CM_TRAINING_MISSING:
    default:
      add_line (lines, _("⚠ EIA training"),
                g_strdup (_("None recorded: this person should not write or sign EIAs "
                            "until trained")));
      break;
    }
  return lines;
}

/* "Red — score 20": the rating in words, never colour alone. */
static GArray *
risk_rating (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  CmRisk *risk = CM_RISK (item);
  GDate review;

  g_array_set_clear_func (lines, clear_line);
  add_line (lines, _("Rating"),
            g_strdup_printf (_("%s — score %d"),
                             cm_enum_to_label (CM_TYPE_RAG, cm_risk_get_rag (risk)),
                             cm_risk_get_score (risk)));
  if (cm_date_parse_iso (cm_risk_get_review_date (risk), &review) &&
      g_date_compare (&review, today) < 0)
    add_line (lines, _("⚠ Review"), g_strdup (_("Overdue: the review date has passed")));
  return lines;
}

static GArray *
measure_trend (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  CmMeasure *measure = CM_MEASURE (item);

  g_array_set_clear_func (lines, clear_line);
  add_line (lines, _("Against target"), cm_measure_describe (measure));
  add_line (lines, _("Trend"), cm_measure_describe_trend (measure));
  return lines;
}

/* "12.0% of its income", or why it cannot be said. */
static char *
share_text (const CmProviderEffect *effect)
{
  if (effect->share_of_income < 0)
    return g_strdup (_("its income is not recorded"));
  return g_strdup_printf (_("%.1f%% of its income"), effect->share_of_income * 100);
}

static GArray *
scenario_effect (CmStore *store, GObject *item, const GDate *today)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (CmDetailLine));
  g_autoptr(CmReduction) reduction =
    cm_reduction_of_scenario (store, cm_entity_get_id (CM_ENTITY (item)));
  g_autofree char *saving = cm_money_format (reduction->saving);
  g_autofree char *providers = g_strdup_printf (ngettext ("%u provider", "%u providers",
                                                          reduction->effects->len),
                                                reduction->effects->len);

  g_array_set_clear_func (lines, clear_line);
  /* Translators: "£12,000.00 a year across 3 contracts and 2 providers";
   * the last %s is "2 providers" */
  add_line (lines, _("Saving"),
            g_strdup_printf (ngettext ("%s a year across %u contract and %s",
                                       "%s a year across %u contracts and %s",
                                       reduction->n_contracts),
                             saving, reduction->n_contracts, providers));
  for (guint i = 0; i < reduction->effects->len; i++)
    {
      const CmProviderEffect *effect = &g_array_index (reduction->effects, CmProviderEffect, i);
      g_autofree char *lost = cm_money_format (effect->lost);
      g_autofree char *share = share_text (effect);
      g_autofree char *title = i == 0 ? g_strdup_printf (_("%s — hardest hit"),
                                                         effect->provider_name)
                                      : g_strdup (effect->provider_name);

      add_line (lines, title, g_strdup_printf (_("Loses %s a year: %s"), lost, share));
    }
  return lines;
}

/* A new decommission starts properly: its steps, its contracts, and the
 * service moved to the Decommissioning stage. */
static gboolean
save_decommission (CmStore *store, CmEntity *draft, GError **error)
{
  CmDecommission *d = CM_DECOMMISSION (draft);
  CmEntity *service;
  g_autoptr(CmDecommission) started = NULL;

  if (cm_entity_get_id (draft) != 0)
    return cm_store_save (store, draft, error);
  service = cm_store_find (store, CM_TYPE_SERVICE, cm_decommission_get_service_id (d));
  if (service == NULL)
    return cm_entity_validate (draft, error);
  started = cm_decommission_start (store, CM_SERVICE (service), cm_decommission_get_reason (d),
                                   FALSE, error);
  if (started == NULL)
    return FALSE;
  cm_entity_set_id (draft, cm_entity_get_id (CM_ENTITY (started)));
  cm_entity_set_version (draft, cm_entity_get_version (CM_ENTITY (started)));
  g_object_set (draft, "cycle", cm_decommission_get_cycle (started),
                "started-from", "direct", NULL);
  return cm_store_save (store, draft, error);
}

const CmRecordKind cm_characteristic_kind = {
  "characteristics", N_("Characteristics"),
    { N_("Search Characteristics"), N_("Add characteristic"), N_("New characteristic"),
      N_("Edit characteristic"), N_("New Characteristic…") }, "view-list-symbolic",
  N_("New equality impact assessments are screened against these characteristics. Each EIA "
     "keeps its own copy, so changing the list never changes an assessment."),
  N_("No Characteristics Yet"), N_("_Add a characteristic"),
  cm_characteristic_get_type, cm_characteristic_fields,
};

static const CmRecordKind kinds[] = {
  { "services", N_("Services"),
    { N_("Search Services"), N_("Add service"), N_("New service"),
      N_("Edit service"), N_("New Service…") }, "view-list-symbolic",
    N_("A service is something you commission for a group of people, such as carers’ "
       "support. Add one to start its Analyse, Plan, Do, Review cycle."),
    N_("No Services Yet"), N_("_Add a service"),
    cm_service_get_type, cm_service_fields, service_details, N_("_Open Cycle") },
  { "contracts", N_("Contracts"),
    { N_("Search Contracts"), N_("Add contract"), N_("New contract"),
      N_("Edit contract"), N_("New Contract…") }, "text-x-generic-symbolic",
    N_("Record each contract, grant or agreement with its provider, value and dates. "
       "Add a service and a provider first."),
    N_("No Contracts Yet"), N_("_Add a contract"),
    cm_contract_get_type, cm_contract_fields, contract_details },
  CONTRACT_NOTICE_KIND,
  CONTRACT_VARIATION_KIND,
  { "providers", N_("Providers"),
    { N_("Search Providers"), N_("Add provider"), N_("New provider"),
      N_("Edit provider"), N_("New Provider…") }, "system-users-symbolic",
    N_("Providers are the charities, companies and NHS bodies that deliver services."),
    N_("No Providers Yet"), N_("_Add a provider"),
    cm_provider_get_type, cm_provider_fields, provider_dependency },
  { "eias", N_("EIAs"),
    { N_("Search EIAs"), N_("Add EIA"), N_("New EIA"),
      N_("Edit EIA"), N_("New EIA…") }, "emblem-documents-symbolic",
    N_("An equality impact assessment screens a commissioning decision against the protected "
       "characteristics. Add your staff first, then add an EIA for a service."),
    N_("No EIAs Yet"), N_("_Add an EIA"),
    cm_eia_get_type, cm_eia_fields, NULL, N_("_Open Assessment"), save_eia },
  { "decommissions", N_("Decommissions"),
    { N_("Search Decommissions"), N_("Add decommission"), N_("New decommission"),
      N_("Edit decommission"), N_("New Decommission…") }, "edit-delete-symbolic",
    N_("A decommission closes a service safely: its steps, notice, each person’s move to "
       "other support, and an audit trail for reviewers. Start one from a service’s Review "
       "decision, or add one here with its reason."),
    N_("No Decommissions Yet"), N_("_Add a decommission"),
    cm_decommission_get_type, cm_decommission_fields, NULL, N_("_Open Decommission"),
    save_decommission },
  { "reductions", N_("Reductions"),
    { N_("Search Reductions"), N_("Add reduction scenario"), N_("New reduction scenario"),
      N_("Edit reduction scenario"), N_("New Reduction Scenario…") }, "go-down-symbolic",
    N_("A reduction scenario shows what cutting chosen contracts would do to each provider, "
       "without changing the contracts. Add a scenario, then its contracts under Reduction "
       "Lines."),
    N_("No Reductions Yet"), N_("_Add a reduction scenario"),
    cm_scenario_get_type, cm_scenario_fields, scenario_effect },
  { "reduction-lines", N_("Reduction Lines"),
    { N_("Search Reduction Lines"), N_("Add reduction line"), N_("New reduction line"),
      N_("Edit reduction line"), N_("New Reduction Line…") }, "view-list-symbolic",
    N_("Each line names a contract in a scenario and the percentage it would be cut by."),
    N_("No Reduction Lines Yet"), N_("_Add a reduction line"),
    cm_scenario_line_get_type, cm_scenario_line_fields },
  { "risks", N_("Risks"),
    { N_("Search Risks"), N_("Add risk"), N_("New risk"),
      N_("Edit risk"), N_("New Risk…") }, "dialog-warning-symbolic",
    N_("Each service’s risk register: financial, safeguarding, business continuity, "
       "information governance, provider failure or market, and reputational risks, scored "
       "likelihood × impact."),
    N_("No Risks Yet"), N_("_Add a risk"),
    cm_risk_get_type, cm_risk_fields, risk_rating },
  { "engagement", N_("Engagement"),
    { N_("Search Engagement"), N_("Add engagement"), N_("New engagement"),
      N_("Edit engagement"), N_("New Engagement…") }, "user-available-symbolic",
    N_("Record each consultation and co-production event: who took part, when, how, and what "
       "was heard."),
    N_("No Engagement Yet"), N_("_Add an engagement"),
    cm_engagement_get_type, cm_engagement_fields },
  { "measures", N_("Measures"),
    { N_("Search Measures"), N_("Add measure"), N_("New measure"),
      N_("Edit measure"), N_("New Measure…") }, "document-open-recent-symbolic",
    N_("Outcomes Based Accountability measures: how much did we do, how well did we do it, "
       "is anyone better off? Give each a target, then add its values by period."),
    N_("No Measures Yet"), N_("_Add a measure"),
    cm_measure_get_type, cm_measure_fields, measure_trend },
  { "measure-values", N_("Measure Values"),
    { N_("Search Measure Values"), N_("Add measure value"), N_("New measure value"),
      N_("Edit measure value"), N_("New Measure Value…") }, "list-add-symbolic",
    N_("A value for a measure in one period, such as 2026-Q2. Add a measure first."),
    N_("No Measure Values Yet"), N_("_Add a measure value"),
    cm_measure_value_get_type, cm_measure_value_fields },
  { "commissioners", N_("Commissioners"),
    { N_("Search Commissioners"), N_("Add commissioner"), N_("New commissioner"),
      N_("Edit commissioner"), N_("New Commissioner…") }, "system-users-symbolic",
    N_("Commissioners are the council directorates, NHS bodies and partners that lead or "
       "fund services. Add one before adding its services."),
    N_("No Commissioners Yet"), N_("_Add a commissioner"),
    cm_organisation_get_type, cm_organisation_fields },
  { "staff", N_("Staff"),
    { N_("Search Staff"), N_("Add member of staff"), N_("New member of staff"),
      N_("Edit member of staff"), N_("New Member of Staff…") }, "avatar-default-symbolic",
    N_("The commissioning staff who write and sign EIAs, with the date of their EIA "
       "training. Sort by “Refresher due” to see who needs a refresher."),
    N_("No Staff Yet"), N_("_Add a member of staff"),
    cm_staff_get_type, cm_staff_fields, staff_training },
};

const CmRecordKind *
cm_record_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/* The text a person reads for one field of a record. */
/* The property holding the text an "other" value of @property was filed
 * from, or NULL. */
static const char *
as_written_property (const char *property)
{
  static const char * const pairs[][2] = {
    { "sector", "sector-as-written" },
    { "provider-sector", "provider-sector-as-written" },
    { "contract-type", "type-as-written" },
    { "route", "route-as-written" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (g_str_equal (property, pairs[i][0]))
      return pairs[i][1];
  return NULL;
}

static char *
enum_text (GObject *item, const CmRecordField *field, GParamSpec *pspec, const GValue *value)
{
  const char *property = as_written_property (field->property);
  g_autofree char *as_written = NULL;

  if (property && g_object_class_find_property (G_OBJECT_GET_CLASS (item), property))
    g_object_get (item, property, &as_written, NULL);
  return cm_enum_to_label_as_written (pspec->value_type, g_value_get_enum (value), as_written);
}

char *
cm_record_field_text (GObject *item, const CmRecordField *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), field->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, field->property, &value);

  switch (field->format)
    {
    case CM_FORMAT_ENUM:
      return enum_text (item, field, pspec, &value);
    case CM_FORMAT_MONEY:
      return cm_money_format (g_value_get_int64 (&value));
    case CM_FORMAT_DATE:
      return cm_date_format_long (g_value_get_string (&value));
    case CM_FORMAT_BOOLEAN:
      return g_strdup (g_value_get_boolean (&value) ? _("Yes") : _("No"));
    case CM_FORMAT_NUMBER:
      return g_strdup_printf ("%d", g_value_get_int (&value));
    case CM_FORMAT_DECIMAL:
      return g_strdup_printf ("%g", g_value_get_double (&value));
    case CM_FORMAT_REFERENCE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
    case CM_FORMAT_TEXT:
    default:
      return g_value_dup_string (&value);
    }
}
