/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-fields.c: each field of each record type, described once */
#include <glib/gi18n-lib.h>

#include "cm-characteristic.h"
#include "cm-checklist-item.h"
#include "cm-contract.h"
#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-decommission.h"
#include "cm-decommission-contract.h"
#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-engagement.h"
#include "cm-entity.h"
#include "cm-funding-source.h"
#include "cm-import-run.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-record-fields.h"
#include "cm-risk.h"
#include "cm-scenario.h"
#include "cm-service.h"
#include "cm-service-partner.h"
#include "cm-staff.h"
#include "cm-stage-event.h"
#include "cm-transition.h"
#include "cm-value.h"

const CmRecordField cm_service_fields[] = {
  { "name", N_("Name"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "area", N_("Service area"), CM_FORMAT_ENUM, TRUE, TRUE, .heading = N_("Area") },
  { "client-group", N_("Client group"), CM_FORMAT_ENUM, FALSE, TRUE },
  { "community-committee", N_("Community Committee"), CM_FORMAT_ENUM, FALSE, TRUE },
  { "lead-commissioner-id", N_("Lead commissioner"), CM_FORMAT_REFERENCE, FALSE, TRUE,
    cm_organisation_get_type },
  { "lead-commissioner-name", N_("Lead commissioner"), CM_FORMAT_TEXT, TRUE, FALSE,
    .synonyms = { "commissioner", "department responsible", "department",
                  "commissioning organisation" } },
  { "partner-names", N_("Partner commissioners"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "stage", N_("Stage"), CM_FORMAT_ENUM, TRUE, FALSE }, /* moved only through its gates */
  { "cycle", N_("Cycle"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "annual-value", N_("Annual value"), CM_FORMAT_MONEY, TRUE, FALSE },
  { NULL }
};

const CmRecordField cm_contract_fields[] = {
  { "reference", N_("Reference"), CM_FORMAT_TEXT, TRUE, TRUE,
    .synonyms = { "reference number", "contract reference", "ref", "contract ref",
                  "contract number", "contract id" } },
  { "title", N_("Title"), CM_FORMAT_TEXT, TRUE, TRUE,
    .synonyms = { "title of agreement", "contract title", "contract name" } },
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "service-name", N_("Service"), CM_FORMAT_TEXT, FALSE, FALSE,
    .synonyms = { "description", "service name" } },
  { "provider-id", N_("Provider"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_provider_get_type },
  { "provider-name", N_("Provider"), CM_FORMAT_TEXT, TRUE, FALSE,
    .synonyms = { "supplier name", "supplier", "provider name" } },
  { "provider-sector", N_("Provider sector"), CM_FORMAT_ENUM, FALSE, FALSE,
    .synonyms = { "supplier details", "sector", "supplier sector" } },
  { "contract-type", N_("Type"), CM_FORMAT_ENUM, FALSE, TRUE,
    .synonyms = { "contract type", "agreement type" } },
  { "type-as-written", N_("Type as written"), CM_FORMAT_AS_WRITTEN, FALSE, TRUE },
  { "route", N_("Procurement route"), CM_FORMAT_ENUM, FALSE, TRUE,
    .synonyms = { "route", "invitation to quote or tender", "procurement method" } },
  { "route-as-written", N_("Route as written"), CM_FORMAT_AS_WRITTEN, FALSE, TRUE },
  { "annual-value", N_("Annual value"), CM_FORMAT_MONEY, TRUE, TRUE,
    .synonyms = { "annual contract value", "value per year", "yearly value" } },
  { "total-value", N_("Total value"), CM_FORMAT_MONEY, FALSE, TRUE,
    .synonyms = { "contract value", "total contract value", "lifetime value" } },
  { "start-date", N_("Start"), CM_FORMAT_DATE, TRUE, TRUE,
    .heading = N_("Start date"),
    .synonyms = { "contract start", "commencement date", "contract start date" } },
  { "end-date", N_("End"), CM_FORMAT_DATE, TRUE, TRUE,
    .heading = N_("End date"),
    .synonyms = { "contract end", "expiry date", "contract end date" } },
  { "term", N_("Term"), CM_FORMAT_TEXT, FALSE, TRUE,
    .synonyms = { "contract term" } },
  { "notice-period", N_("Notice period"), CM_FORMAT_TEXT, FALSE, TRUE,
    .synonyms = { "notice" } },
  { "extensions-invoked", N_("Extensions taken"), CM_FORMAT_NUMBER, FALSE, TRUE,
    .synonyms = { "extensions invoked", "extensions used" } },
  { "notice-served", N_("Notice served"), CM_FORMAT_DATE, FALSE, TRUE,
    .synonyms = { "notice served on", "date notice served" } },
  { "procurement-began", N_("Procurement began"), CM_FORMAT_DATE, FALSE, TRUE,
    .synonyms = { "procurement start", "procurement start date", "tender start",
                  "tender start date", "date procurement began", "procurement commenced" } },
  { "notice-kind", N_("Notice served as"), CM_FORMAT_ENUM, FALSE, TRUE,
    .synonyms = { "notice type", "type of notice", "notice kind" } },
  { "outcome", N_("Outcome at its end"), CM_FORMAT_ENUM, FALSE, TRUE,
    .synonyms = { "outcome at end", "contract outcome", "what happened at the end" } },
  /* Set when a decommission ends the contract; shown, never edited. */
  { "decommissioned-on", N_("Decommissioned on"), CM_FORMAT_DATE, FALSE, FALSE,
    .synonyms = { "decommissioned" } },
  { NULL }
};

const CmRecordField cm_contract_notice_fields[] = {
  { "contract-id", N_("Contract"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_contract_get_type },
  { "contract-name", N_("Contract"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "code", N_("Notice"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "published-on", N_("Published on"), CM_FORMAT_DATE, TRUE, TRUE },
  { "identifier", N_("Notice identifier"), CM_FORMAT_TEXT, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_contract_variation_fields[] = {
  { "contract-id", N_("Contract"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_contract_get_type },
  { "contract-name", N_("Contract"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "made-on", N_("Made on"), CM_FORMAT_DATE, TRUE, TRUE },
  { "kind", N_("What changed"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "description", N_("Description"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "reason", N_("Reason"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "value-change", N_("Change of value"), CM_FORMAT_MONEY, FALSE, TRUE },
  { "term-change", N_("Change of term"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "change-notice", N_("Change notice identifier"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "change-notice-on", N_("Change notice published on"), CM_FORMAT_DATE, FALSE, TRUE },
  { NULL }
};

const CmRecordField cm_organisation_fields[] = {
  { "name", N_("Name"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "kind", N_("Kind"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "succeeded-by-id", N_("Succeeded by"), CM_FORMAT_REFERENCE, FALSE, TRUE,
    cm_organisation_get_type, TRUE },
  { "successor-name", N_("Succeeded by"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "succeeded-on", N_("Succeeded on"), CM_FORMAT_DATE, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_provider_fields[] = {
  { "name", N_("Name"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "sector", N_("Sector"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "sector-as-written", N_("Sector as written"), CM_FORMAT_AS_WRITTEN, FALSE, TRUE },
  { "charity-number", N_("Charity number"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "company-number", N_("Company number"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "is-sme", N_("SME"), CM_FORMAT_BOOLEAN, FALSE, TRUE },
  { "is-vcse", N_("VCSE"), CM_FORMAT_BOOLEAN, FALSE, TRUE },
  { "annual-income", N_("Annual income (all sources)"), CM_FORMAT_MONEY, FALSE, TRUE },
  { "contract-count", N_("Contracts"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { "annual-value", N_("Annual value with us"), CM_FORMAT_MONEY, TRUE, FALSE },
  { NULL }
};

const CmRecordField cm_eia_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "service-name", N_("Service"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "decision", N_("Decision"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "cycle", N_("Cycle"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "version", N_("Version"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { "author-id", N_("Author"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_staff_get_type },
  { "author-name", N_("Author"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "proposal", N_("Proposal"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "signed", N_("Signed off"), CM_FORMAT_BOOLEAN, TRUE, FALSE },
  { "signed-on", N_("Signed off on"), CM_FORMAT_DATE, FALSE, FALSE },
  { "signatory-name", N_("Signed off by"), CM_FORMAT_TEXT, FALSE, FALSE },
  { NULL }
};

const CmRecordField cm_staff_fields[] = {
  { "name", N_("Name"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "role", N_("Role"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "eia-trained-on", N_("EIA training"), CM_FORMAT_DATE, TRUE, TRUE },
  { "refresher-months", N_("Refresher every (months)"), CM_FORMAT_NUMBER, FALSE, TRUE },
  { "refresher-due", N_("Refresher due"), CM_FORMAT_DATE, TRUE, FALSE },
  { NULL }
};

const CmRecordField cm_characteristic_fields[] = {
  { "name", N_("Name"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "position", N_("Order"), CM_FORMAT_NUMBER, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_risk_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "service-name", N_("Service"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "description", N_("Risk"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "category", N_("Category"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "likelihood", N_("Likelihood (1–5)"), CM_FORMAT_NUMBER, FALSE, TRUE },
  { "impact", N_("Impact (1–5)"), CM_FORMAT_NUMBER, FALSE, TRUE },
  { "score", N_("Score"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { "mitigation", N_("Mitigation"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "owner", N_("Owner"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "review-date", N_("Review by"), CM_FORMAT_DATE, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_engagement_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "service-name", N_("Service"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "held-on", N_("Date"), CM_FORMAT_DATE, TRUE, TRUE },
  { "stakeholder-group", N_("Who"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "method", N_("How"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "summary", N_("What was heard"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "co-production", N_("Co-production"), CM_FORMAT_BOOLEAN, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_measure_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "service-name", N_("Service"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "name", N_("Measure"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "measure-type", N_("Question"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "unit", N_("Unit"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "target", N_("Target"), CM_FORMAT_DECIMAL, TRUE, TRUE },
  { "higher-is-better", N_("Higher is better"), CM_FORMAT_BOOLEAN, FALSE, TRUE },
  { "latest-value", N_("Latest"), CM_FORMAT_DECIMAL, TRUE, FALSE },
  { "latest-period", N_("Period"), CM_FORMAT_TEXT, TRUE, FALSE },
  { NULL }
};

const CmRecordField cm_measure_value_fields[] = {
  { "measure-id", N_("Measure"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_measure_get_type },
  { "measure-name", N_("Measure"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "period", N_("Period (2026-Q2 or 2026-05)"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "value", N_("Value"), CM_FORMAT_DECIMAL, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_scenario_fields[] = {
  { "name", N_("Scenario"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "note", N_("Note"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "line-count", N_("Contracts"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { NULL }
};

const CmRecordField cm_scenario_line_fields[] = {
  { "scenario-id", N_("Scenario"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_scenario_get_type },
  { "scenario-name", N_("Scenario"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "contract-id", N_("Contract"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_contract_get_type },
  { "contract-name", N_("Contract"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "percent", N_("Reduction (%)"), CM_FORMAT_DECIMAL, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_decommission_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "service-name", N_("Service"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "reason", N_("Reason"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "decision-route", N_("Decision route"), CM_FORMAT_ENUM, FALSE, TRUE },
  { "decision-date", N_("Decided"), CM_FORMAT_DATE, TRUE, TRUE },
  { "completed-on", N_("Completed"), CM_FORMAT_DATE, TRUE, FALSE },
  { "lessons", N_("Lessons learned"), CM_FORMAT_TEXT, TRUE, TRUE },
  { NULL }
};

typedef struct {
  GType (*get_type) (void);
  const CmRecordField *fields;
} Described;

static const Described described[] = {
  { cm_service_get_type, cm_service_fields },
  { cm_contract_get_type, cm_contract_fields },
  { cm_contract_notice_get_type, cm_contract_notice_fields },
  { cm_contract_variation_get_type, cm_contract_variation_fields },
  { cm_organisation_get_type, cm_organisation_fields },
  { cm_provider_get_type, cm_provider_fields },
  { cm_eia_get_type, cm_eia_fields },
  { cm_staff_get_type, cm_staff_fields },
  { cm_characteristic_get_type, cm_characteristic_fields },
  { cm_risk_get_type, cm_risk_fields },
  { cm_engagement_get_type, cm_engagement_fields },
  { cm_measure_get_type, cm_measure_fields },
  { cm_measure_value_get_type, cm_measure_value_fields },
  { cm_scenario_get_type, cm_scenario_fields },
  { cm_scenario_line_get_type, cm_scenario_line_fields },
  { cm_decommission_get_type, cm_decommission_fields },
};

const CmRecordField *
cm_record_fields_of (GType type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (described); i++)
    if (described[i].get_type () == type)
      return described[i].fields;
  return NULL;
}

const CmRecordField *
cm_record_field_find (GType type, const char *property)
{
  const CmRecordField *fields = cm_record_fields_of (type);

  for (const CmRecordField *field = fields; field && field->property; field++)
    if (g_str_equal (field->property, property))
      return field;
  return NULL;
}

const char *
cm_record_field_heading (const CmRecordField *field)
{
  return _(field->heading ? field->heading : field->title);
}

char *
cm_record_field_column (GType type, const CmRecordField *field)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  CmEntityClass *entity = CM_ENTITY_CLASS (klass);

  if (!g_strv_contains (entity->columns, field->property))
    return NULL;
  return cm_value_column_name (field->property);
}

/* ---- fields their own pages edit -------------------------------------- */

const CmRecordField cm_service_other_fields[] = {
  { "decommissioned-on", N_("Decommissioned on"), CM_FORMAT_DATE, FALSE, FALSE },
  { NULL }
};

const CmRecordField cm_eia_other_fields[] = {
  { "previous-id", N_("Previous version"), CM_FORMAT_REFERENCE, FALSE, FALSE,
    cm_eia_get_type, TRUE },
  { "aim-discrimination", N_("Eliminate discrimination, harassment and victimisation"),
    CM_FORMAT_BOOLEAN, FALSE, TRUE },
  { "aim-opportunity", N_("Advance equality of opportunity"), CM_FORMAT_BOOLEAN, FALSE, TRUE },
  { "aim-relations", N_("Foster good relations"), CM_FORMAT_BOOLEAN, FALSE, TRUE },
  { "outcome", N_("Outcome"), CM_FORMAT_ENUM, FALSE, TRUE },
  { "outcome-reason", N_("Reason for the outcome"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "signatory-id", N_("Signed off by"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_staff_get_type },
  { "signatory-role", N_("Signatory’s role"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "training-override", N_("Signed off despite a training warning"), CM_FORMAT_TEXT, FALSE,
    FALSE },
  { "reviewed-on", N_("Reviewed on"), CM_FORMAT_DATE, FALSE, TRUE },
  { "unpredicted-impacts", N_("Impacts nobody predicted"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "lessons", N_("Lessons learned"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "lessons-shared-with", N_("Where the lessons were shared"), CM_FORMAT_TEXT, FALSE, TRUE },
  { NULL }
};

const CmRecordField cm_decommission_other_fields[] = {
  { "cycle", N_("Cycle"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "started-from", N_("Started from"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "case-for-change", N_("Case for change"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "provider-note", N_("Note on the provider"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "completion-override", N_("Completed with work still open"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "eia-id", N_("EIA"), CM_FORMAT_REFERENCE, FALSE, FALSE, cm_eia_get_type, TRUE },
  { "eia-override", N_("Going ahead without a signed EIA"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "completion-open-items", N_("Still open when completed"), CM_FORMAT_TEXT, FALSE, FALSE },
  { NULL }
};

const CmRecordField cm_checklist_item_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, FALSE, cm_service_get_type },
  { "cycle", N_("Cycle"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "stage", N_("Stage"), CM_FORMAT_ENUM, FALSE, FALSE },
  { "position", N_("Order"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "template-key", N_("Template"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "title", N_("Step"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "guidance", N_("Guidance"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "required", N_("Required"), CM_FORMAT_BOOLEAN, TRUE, TRUE },
  { "state", N_("State"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "evidence", N_("Evidence"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "reason", N_("Reason"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "due-date", N_("Due"), CM_FORMAT_DATE, TRUE, TRUE },
  { "owner", N_("Owner"), CM_FORMAT_TEXT, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_stage_event_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, FALSE, cm_service_get_type },
  { "cycle", N_("Cycle"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "from-stage", N_("From stage"), CM_FORMAT_ENUM, TRUE, FALSE },
  { "to-stage", N_("To stage"), CM_FORMAT_ENUM, TRUE, FALSE },
  { "decision", N_("Decision"), CM_FORMAT_ENUM, TRUE, FALSE },
  { "overridden", N_("Overridden"), CM_FORMAT_BOOLEAN, TRUE, FALSE },
  { "reason", N_("Reason"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "open-items", N_("Open items"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "decided-on", N_("Decided on"), CM_FORMAT_DATE, TRUE, FALSE },
  { "eia-id", N_("EIA"), CM_FORMAT_REFERENCE, FALSE, FALSE, cm_eia_get_type, TRUE },
  { "eia-override", N_("Going ahead without a signed EIA"), CM_FORMAT_TEXT, FALSE, FALSE },
  { NULL }
};

const CmRecordField cm_service_partner_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "organisation-id", N_("Commissioner"), CM_FORMAT_REFERENCE, TRUE, TRUE,
    cm_organisation_get_type },
  { NULL }
};

const CmRecordField cm_funding_source_fields[] = {
  { "service-id", N_("Service"), CM_FORMAT_REFERENCE, FALSE, TRUE, cm_service_get_type },
  { "organisation-id", N_("Commissioner"), CM_FORMAT_REFERENCE, TRUE, TRUE,
    cm_organisation_get_type },
  { "description", N_("Description"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "amount", N_("Amount"), CM_FORMAT_MONEY, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_eia_characteristic_fields[] = {
  { "eia-id", N_("EIA"), CM_FORMAT_REFERENCE, FALSE, FALSE, cm_eia_get_type },
  { "position", N_("Order"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { "name", N_("Name"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "relevance", N_("Screening"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "screening-reason", N_("Screening reason"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "impact", N_("Impact"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "evidence", N_("Evidence"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "happened", N_("Post-decommission review"), CM_FORMAT_ENUM, FALSE, TRUE },
  { NULL }
};

const CmRecordField cm_eia_mitigation_fields[] = {
  { "characteristic-id", N_("Characteristic"), CM_FORMAT_REFERENCE, FALSE, FALSE,
    cm_eia_characteristic_get_type },
  { "description", N_("Description"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "owner", N_("Owner"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "due-date", N_("Due"), CM_FORMAT_DATE, TRUE, TRUE },
  { "status", N_("Status"), CM_FORMAT_ENUM, TRUE, TRUE },
  { "effectiveness", N_("Effectiveness"), CM_FORMAT_NUMBER, FALSE, TRUE },
  { "effectiveness-note", N_("Note on its effectiveness"), CM_FORMAT_TEXT, FALSE, TRUE },
  { NULL }
};

const CmRecordField cm_decommission_contract_fields[] = {
  { "decommission-id", N_("Decommission"), CM_FORMAT_REFERENCE, FALSE, FALSE,
    cm_decommission_get_type },
  { "contract-id", N_("Contract"), CM_FORMAT_REFERENCE, TRUE, FALSE, cm_contract_get_type },
  { NULL }
};

const CmRecordField cm_transition_fields[] = {
  { "decommission-id", N_("Decommission"), CM_FORMAT_REFERENCE, FALSE, FALSE,
    cm_decommission_get_type },
  { "person-ref", N_("Person"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "current-support", N_("Current support"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "destination", N_("Destination"), CM_FORMAT_TEXT, TRUE, TRUE },
  { "planned-date", N_("Planned"), CM_FORMAT_DATE, TRUE, TRUE },
  { "status", N_("Status"), CM_FORMAT_ENUM, TRUE, TRUE },
  { NULL }
};

const CmRecordField cm_import_run_fields[] = {
  { "source", N_("Imported from"), CM_FORMAT_TEXT, TRUE, FALSE },
  { "created", N_("Records created"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { "updated", N_("Records updated"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { "skipped", N_("Rows skipped"), CM_FORMAT_NUMBER, TRUE, FALSE },
  { "summary", N_("Summary"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "created-ids", N_("Records it created"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "first-audit-id", N_("First change it recorded"), CM_FORMAT_NUMBER, FALSE, FALSE },
  { NULL }
};

/* Keyed by the setting's own name, which is not a property. */
const CmRecordField cm_portfolio_setting_fields[] = {
  { "name", N_("Portfolio name"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "ocds-prefix", N_("OCDS prefix"), CM_FORMAT_TEXT, FALSE, TRUE },
  { "extension_lead_months", N_("Extension decision lead time, in months"), CM_FORMAT_NUMBER,
    FALSE, TRUE },
  { "compact_minimum_months", N_("Compact minimum notice, in months"), CM_FORMAT_NUMBER, FALSE,
    TRUE },
  { "due_soon_days", N_("Due soon, in days"), CM_FORMAT_NUMBER, FALSE, TRUE },
  { "eia_review_months", N_("EIA review after decommissioning, in months"), CM_FORMAT_NUMBER,
    FALSE, TRUE },
  { "import-mappings", N_("Remembered import mappings"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "restored-from", N_("Restored from"), CM_FORMAT_TEXT, FALSE, FALSE },
  { "restored_from_backup", N_("Restored from a backup"), CM_FORMAT_TEXT, FALSE, FALSE },
  { NULL }
};

static const Described others[] = {
  { cm_service_get_type, cm_service_other_fields },
  { cm_eia_get_type, cm_eia_other_fields },
  { cm_decommission_get_type, cm_decommission_other_fields },
  { cm_checklist_item_get_type, cm_checklist_item_fields },
  { cm_stage_event_get_type, cm_stage_event_fields },
  { cm_service_partner_get_type, cm_service_partner_fields },
  { cm_funding_source_get_type, cm_funding_source_fields },
  { cm_eia_characteristic_get_type, cm_eia_characteristic_fields },
  { cm_eia_mitigation_get_type, cm_eia_mitigation_fields },
  { cm_decommission_contract_get_type, cm_decommission_contract_fields },
  { cm_transition_get_type, cm_transition_fields },
  { cm_import_run_get_type, cm_import_run_fields },
};

const CmRecordField *
cm_record_fields_other (GType type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    if (others[i].get_type () == type)
      return others[i].fields;
  return NULL;
}

/* "start_date" names the property "start-date": compared without copying,
 * as the audit trail asks for every row it shows. */
static gboolean
keeps_property (const char *column, const char *property)
{
  for (; *column && *property; column++, property++)
    if (*column != *property && !(*column == '_' && *property == '-'))
      return FALSE;
  return *column == *property;
}

static const CmRecordField *
field_kept_in (const CmRecordField *fields, const char *column)
{
  for (const CmRecordField *field = fields; field && field->property; field++)
    if (keeps_property (column, field->property))
      return field;
  return NULL;
}

const CmRecordField *
cm_record_field_of_column (GType type, const char *column)
{
  const CmRecordField *field;

  g_return_val_if_fail (column != NULL, NULL);
  field = field_kept_in (cm_record_fields_of (type), column);
  return field ? field : field_kept_in (cm_record_fields_other (type), column);
}

const CmRecordField *
cm_portfolio_setting_field (const char *key)
{
  for (const CmRecordField *field = cm_portfolio_setting_fields; field->property; field++)
    if (g_strcmp0 (field->property, key) == 0)
      return field;
  return NULL;
}

/* ---- the Transparency Code's contracts register ----------------------- */

const CmTransparencyColumn cm_transparency_columns[CM_TRANSPARENCY_N_COLUMNS] = {
  { "Reference number", cm_contract_get_type, "reference" },
  { "Title of agreement", cm_contract_get_type, "title" },
  { "Department responsible", cm_service_get_type, "lead-commissioner-name" },
  { "Description", cm_contract_get_type, "service-name" },
  { "Supplier name", cm_contract_get_type, "provider-name" },
  { "Supplier details", cm_contract_get_type, "provider-sector" },
  /* Over the life of the contract, not a year's. */
  { "Contract value", cm_contract_get_type, "total-value" },
  { "Irrecoverable VAT" },
  { NULL, cm_contract_get_type, "start-date" },
  { NULL, cm_contract_get_type, "end-date" },
  /* When an extension is next decided, worked out from the term. */
  { "Review date" },
  { "Invitation to quote or tender", cm_contract_get_type, "route" },
  { NULL, cm_provider_get_type, "is-sme" },
  { NULL, cm_provider_get_type, "is-vcse" },
  /* A charity's number or a company's, whichever the supplier has. */
  { "Supplier registration number" },
};

const CmRecordField *
cm_transparency_column_field (const CmTransparencyColumn *column)
{
  if (column->type == NULL)
    return NULL;
  return cm_record_field_find (column->type (), column->property);
}

const char *
cm_transparency_column_header (const CmTransparencyColumn *column)
{
  const CmRecordField *field;

  if (column->code_header)
    return column->code_header;
  field = cm_transparency_column_field (column);
  g_return_val_if_fail (field != NULL, "");
  return field->heading ? field->heading : field->title;
}
