/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-enums.c: registration and labels of the domain vocabularies */
#include <glib/gi18n-lib.h>

#include "cm-contract-variation.h"
#include "cm-enums.h"

G_DEFINE_ENUM_TYPE (CmOrganisationKind, cm_organisation_kind,
  G_DEFINE_ENUM_VALUE (CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, "council-directorate"),
  G_DEFINE_ENUM_VALUE (CM_ORGANISATION_KIND_NHS_BODY, "nhs-body"),
  G_DEFINE_ENUM_VALUE (CM_ORGANISATION_KIND_POOLED_BUDGET, "pooled-budget"),
  G_DEFINE_ENUM_VALUE (CM_ORGANISATION_KIND_PARTNER, "partner"))

G_DEFINE_ENUM_TYPE (CmServiceArea, cm_service_area,
  G_DEFINE_ENUM_VALUE (CM_SERVICE_AREA_PREVENTION, "prevention"),
  G_DEFINE_ENUM_VALUE (CM_SERVICE_AREA_COMMUNITY_SUPPORT, "community-support"),
  G_DEFINE_ENUM_VALUE (CM_SERVICE_AREA_INDEPENDENT_LIVING, "independent-living"),
  G_DEFINE_ENUM_VALUE (CM_SERVICE_AREA_PRIMARY_CARE, "primary-care"),
  G_DEFINE_ENUM_VALUE (CM_SERVICE_AREA_SUPPORTED_ACCOMMODATION, "supported-accommodation"))

G_DEFINE_ENUM_TYPE (CmCommunityCommittee, cm_community_committee,
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_INNER_EAST, "inner-east"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_INNER_NORTH_EAST, "inner-north-east"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_INNER_NORTH_WEST, "inner-north-west"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_INNER_SOUTH, "inner-south"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_INNER_WEST, "inner-west"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_OUTER_EAST, "outer-east"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_OUTER_NORTH_EAST, "outer-north-east"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_OUTER_NORTH_WEST, "outer-north-west"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_OUTER_SOUTH, "outer-south"),
  G_DEFINE_ENUM_VALUE (CM_COMMUNITY_COMMITTEE_OUTER_WEST, "outer-west"))

G_DEFINE_ENUM_TYPE (CmClientGroup, cm_client_group,
  G_DEFINE_ENUM_VALUE (CM_CLIENT_GROUP_CHILDREN, "children"),
  G_DEFINE_ENUM_VALUE (CM_CLIENT_GROUP_ADULTS, "adults"),
  G_DEFINE_ENUM_VALUE (CM_CLIENT_GROUP_OLDER_PEOPLE, "older-people"),
  G_DEFINE_ENUM_VALUE (CM_CLIENT_GROUP_CARERS, "carers"),
  G_DEFINE_ENUM_VALUE (CM_CLIENT_GROUP_ALL_AGES, "all-ages"))

G_DEFINE_ENUM_TYPE (CmStage, cm_stage,
  G_DEFINE_ENUM_VALUE (CM_STAGE_ANALYSE, "analyse"),
  G_DEFINE_ENUM_VALUE (CM_STAGE_PLAN, "plan"),
  G_DEFINE_ENUM_VALUE (CM_STAGE_DO, "do"),
  G_DEFINE_ENUM_VALUE (CM_STAGE_REVIEW, "review"),
  G_DEFINE_ENUM_VALUE (CM_STAGE_DECOMMISSIONING, "decommissioning"))

G_DEFINE_ENUM_TYPE (CmItemState, cm_item_state,
  G_DEFINE_ENUM_VALUE (CM_ITEM_STATE_TO_DO, "to-do"),
  G_DEFINE_ENUM_VALUE (CM_ITEM_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (CM_ITEM_STATE_NOT_APPLICABLE, "not-applicable"))

G_DEFINE_ENUM_TYPE (CmReviewDecision, cm_review_decision,
  G_DEFINE_ENUM_VALUE (CM_REVIEW_DECISION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CM_REVIEW_DECISION_EXTEND, "extend"),
  G_DEFINE_ENUM_VALUE (CM_REVIEW_DECISION_RECOMMISSION, "re-commission"),
  G_DEFINE_ENUM_VALUE (CM_REVIEW_DECISION_DECOMMISSION, "decommission"))

G_DEFINE_ENUM_TYPE (CmEiaDecision, cm_eia_decision,
  G_DEFINE_ENUM_VALUE (CM_EIA_DECISION_COMMISSION, "commission"),
  G_DEFINE_ENUM_VALUE (CM_EIA_DECISION_RECOMMISSION, "re-commission"),
  G_DEFINE_ENUM_VALUE (CM_EIA_DECISION_CHANGE, "change"),
  G_DEFINE_ENUM_VALUE (CM_EIA_DECISION_DECOMMISSION, "decommission"))

G_DEFINE_ENUM_TYPE (CmEiaOutcome, cm_eia_outcome,
  G_DEFINE_ENUM_VALUE (CM_EIA_OUTCOME_UNDECIDED, "undecided"),
  G_DEFINE_ENUM_VALUE (CM_EIA_OUTCOME_FULL_ASSESSMENT, "full-assessment"),
  G_DEFINE_ENUM_VALUE (CM_EIA_OUTCOME_NO_FULL_ASSESSMENT, "no-full-assessment"))

G_DEFINE_ENUM_TYPE (CmRelevance, cm_relevance,
  G_DEFINE_ENUM_VALUE (CM_RELEVANCE_UNANSWERED, "unanswered"),
  G_DEFINE_ENUM_VALUE (CM_RELEVANCE_RELEVANT, "relevant"),
  G_DEFINE_ENUM_VALUE (CM_RELEVANCE_NOT_RELEVANT, "not-relevant"))

G_DEFINE_ENUM_TYPE (CmImpact, cm_impact,
  G_DEFINE_ENUM_VALUE (CM_IMPACT_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (CM_IMPACT_POSITIVE, "positive"),
  G_DEFINE_ENUM_VALUE (CM_IMPACT_NEGATIVE, "negative"),
  G_DEFINE_ENUM_VALUE (CM_IMPACT_NEUTRAL, "neutral"))

G_DEFINE_ENUM_TYPE (CmMitigationStatus, cm_mitigation_status,
  G_DEFINE_ENUM_VALUE (CM_MITIGATION_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (CM_MITIGATION_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (CM_MITIGATION_DONE, "done"))

G_DEFINE_ENUM_TYPE (CmHappened, cm_happened,
  G_DEFINE_ENUM_VALUE (CM_HAPPENED_NOT_REVIEWED, "not-reviewed"),
  G_DEFINE_ENUM_VALUE (CM_HAPPENED_YES, "yes"),
  G_DEFINE_ENUM_VALUE (CM_HAPPENED_PARTLY, "partly"),
  G_DEFINE_ENUM_VALUE (CM_HAPPENED_NO, "no"))

G_DEFINE_ENUM_TYPE (CmDecisionRoute, cm_decision_route,
  G_DEFINE_ENUM_VALUE (CM_DECISION_ROUTE_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CM_DECISION_ROUTE_EXECUTIVE_BOARD, "executive-board"),
  G_DEFINE_ENUM_VALUE (CM_DECISION_ROUTE_DELEGATED, "delegated"),
  G_DEFINE_ENUM_VALUE (CM_DECISION_ROUTE_ADMINISTRATIVE, "administrative"))

G_DEFINE_ENUM_TYPE (CmTransitionStatus, cm_transition_status,
  G_DEFINE_ENUM_VALUE (CM_TRANSITION_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (CM_TRANSITION_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (CM_TRANSITION_COMPLETE, "complete"),
  G_DEFINE_ENUM_VALUE (CM_TRANSITION_DECLINED, "declined"))

G_DEFINE_ENUM_TYPE (CmRiskCategory, cm_risk_category,
  G_DEFINE_ENUM_VALUE (CM_RISK_FINANCIAL, "financial"),
  G_DEFINE_ENUM_VALUE (CM_RISK_SAFEGUARDING, "safeguarding"),
  G_DEFINE_ENUM_VALUE (CM_RISK_BUSINESS_CONTINUITY, "business-continuity"),
  G_DEFINE_ENUM_VALUE (CM_RISK_INFORMATION_GOVERNANCE, "information-governance"),
  G_DEFINE_ENUM_VALUE (CM_RISK_PROVIDER_MARKET, "provider-market"),
  G_DEFINE_ENUM_VALUE (CM_RISK_REPUTATIONAL, "reputational"))

G_DEFINE_ENUM_TYPE (CmRag, cm_rag,
  G_DEFINE_ENUM_VALUE (CM_RAG_GREEN, "green"),
  G_DEFINE_ENUM_VALUE (CM_RAG_AMBER, "amber"),
  G_DEFINE_ENUM_VALUE (CM_RAG_RED, "red"))

G_DEFINE_ENUM_TYPE (CmStakeholderGroup, cm_stakeholder_group,
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_SERVICE_USERS, "service-users"),
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_CARERS, "carers"),
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_PROVIDERS, "providers"),
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_MEMBERS, "members"),
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_PRIMARY_CARE, "primary-care"),
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_STAFF, "staff"),
  G_DEFINE_ENUM_VALUE (CM_STAKEHOLDER_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CmMeasureType, cm_measure_type,
  G_DEFINE_ENUM_VALUE (CM_MEASURE_HOW_MUCH, "how-much"),
  G_DEFINE_ENUM_VALUE (CM_MEASURE_HOW_WELL, "how-well"),
  G_DEFINE_ENUM_VALUE (CM_MEASURE_BETTER_OFF, "better-off"))

G_DEFINE_ENUM_TYPE (CmSector, cm_sector,
  G_DEFINE_ENUM_VALUE (CM_SECTOR_THIRD_SECTOR, "third-sector"),
  G_DEFINE_ENUM_VALUE (CM_SECTOR_INDEPENDENT, "independent"),
  G_DEFINE_ENUM_VALUE (CM_SECTOR_NHS, "nhs"),
  G_DEFINE_ENUM_VALUE (CM_SECTOR_IN_HOUSE, "in-house"),
  G_DEFINE_ENUM_VALUE (CM_SECTOR_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CmContractType, cm_contract_type,
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_CONTRACT, "contract"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_GRANT, "grant"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_SERVICE_LEVEL_AGREEMENT, "service-level-agreement"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF, "framework-call-off"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_BLOCK, "block"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_SPOT_PURCHASE, "spot-purchase"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_INTERIM, "interim"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_TYPE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CmProcurementRoute, cm_procurement_route,
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_RESTRICTED, "restricted"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE, "competitive-flexible"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, "light-touch"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_FRAMEWORK, "framework"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME, "provider-selection-regime"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A, "psr-direct-award-a"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B, "psr-direct-award-b"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C, "psr-direct-award-c"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER, "psr-most-suitable-provider"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS, "psr-competitive-process"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "direct-award"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_GRANT_SCHEME, "grant-scheme"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_QUOTATION, "quotation"),
  G_DEFINE_ENUM_VALUE (CM_PROCUREMENT_ROUTE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CmNoticeKind, cm_notice_kind,
  G_DEFINE_ENUM_VALUE (CM_NOTICE_KIND_NOT_TO_EXTEND, "not-to-extend"),
  G_DEFINE_ENUM_VALUE (CM_NOTICE_KIND_EARLY_TERMINATION, "early-termination"))

G_DEFINE_ENUM_TYPE (CmContractOutcome, cm_contract_outcome,
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_OUTCOME_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_OUTCOME_EXTENDED, "extended"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_OUTCOME_RELET, "re-let"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_OUTCOME_DECOMMISSIONED, "decommissioned"),
  G_DEFINE_ENUM_VALUE (CM_CONTRACT_OUTCOME_ENDED_BY_EXPIRY, "ended-by-expiry"))

typedef struct {
  GType (*get_type) (void);
  const char *labels[16];
} EnumLabels;

/* Labels are kept apart from the nicks: nicks are stored in files and must
 * never change, labels may be reworded and translated. */
static const EnumLabels enum_labels[] = {
  { cm_organisation_kind_get_type,
    { N_("Council directorate"), N_("NHS body"), N_("Pooled budget"), N_("Partner") } },
  { cm_service_area_get_type,
    { N_("Universal, early intervention and prevention"), N_("Support in the community"),
      N_("Support to live independently"), N_("Primary care"),
      N_("Supported accommodation") } },
  { cm_community_committee_get_type,
    { N_("Not assigned (city-wide)"), N_("Inner East"), N_("Inner North East"),
      N_("Inner North West"), N_("Inner South"), N_("Inner West"), N_("Outer East"),
      N_("Outer North East"), N_("Outer North West"), N_("Outer South"), N_("Outer West") } },
  { cm_client_group_get_type,
    { N_("Children and young people"), N_("Adults"), N_("Older people"), N_("Carers"),
      N_("All ages") } },
  { cm_stage_get_type,
    { N_("Analyse"), N_("Plan"), N_("Do"), N_("Review"), N_("Decommissioning") } },
  { cm_item_state_get_type, { N_("To do"), N_("Done"), N_("Not applicable") } },
  { cm_review_decision_get_type,
    { N_("No decision"), N_("Extend"), N_("Re-commission"), N_("Decommission") } },
  { cm_eia_decision_get_type,
    { N_("Commission"), N_("Re-commission"), N_("Change"), N_("Decommission") } },
  { cm_eia_outcome_get_type,
    { N_("Not decided"), N_("Full assessment needed"), N_("No full assessment needed") } },
  { cm_relevance_get_type, { N_("Not answered"), N_("Relevant"), N_("Not relevant") } },
  { cm_impact_get_type, { N_("Unknown"), N_("Positive"), N_("Negative"), N_("Neutral") } },
  { cm_mitigation_status_get_type, { N_("Planned"), N_("In progress"), N_("Done") } },
  { cm_happened_get_type,
    { N_("Not reviewed"), N_("Happened"), N_("Partly happened"), N_("Did not happen") } },
  { cm_decision_route_get_type,
    { N_("Not recorded"), N_("Executive Board"), N_("Delegated decision"),
      N_("Administrative decision") } },
  { cm_transition_status_get_type,
    { N_("Planned"), N_("In progress"), N_("Moved to new support"), N_("Declined other support") } },
  { cm_risk_category_get_type,
    { N_("Financial"), N_("Safeguarding"), N_("Business continuity"),
      N_("Information governance"), N_("Provider failure or market"),
      N_("Reputational and political") } },
  { cm_rag_get_type, { N_("Green"), N_("Amber"), N_("Red") } },
  { cm_stakeholder_group_get_type,
    { N_("Service users"), N_("Carers"), N_("Providers"),
      N_("Elected members or Community Committee"), N_("Primary care and clinicians"),
      N_("Staff"), N_("Other") } },
  { cm_measure_type_get_type,
    { N_("How much did we do?"), N_("How well did we do it?"), N_("Is anyone better off?") } },
  { cm_sector_get_type,
    { N_("Third sector / VCSE"), N_("Independent sector"), N_("NHS"), N_("In-house"),
      N_("Other") } },
  { cm_contract_type_get_type,
    { N_("Contract"), N_("Grant"), N_("Service level agreement"), N_("Framework call-off"),
      N_("Block"), N_("Spot purchase"), N_("Interim"), N_("Other") } },
  { cm_variation_kind_get_type, { N_("Value"), N_("Term"), N_("Scope") } },
  { cm_procurement_route_get_type,
    { N_("Open procedure"), N_("Restricted procedure"), N_("Competitive flexible procedure"),
      N_("Light touch regime"), N_("Framework"),
      N_("Provider Selection Regime, process not recorded"),
      N_("Provider Selection Regime, direct award process A"),
      N_("Provider Selection Regime, direct award process B"),
      N_("Provider Selection Regime, direct award process C"),
      N_("Provider Selection Regime, most suitable provider process"),
      N_("Provider Selection Regime, competitive process"), N_("Direct award"),
      N_("Grant scheme"), N_("Quotation"), N_("Other") } },
  { cm_notice_kind_get_type, { N_("Not to extend"), N_("Early termination") } },
  { cm_contract_outcome_get_type,
    { N_("Not recorded"), N_("Extended"), N_("Re-let"), N_("Decommissioned"),
      N_("Ended by expiry") } },
};

const char *
cm_enum_to_nick (GType enum_type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : NULL;
}

gboolean
cm_enum_from_nick (GType enum_type, const char *nick, int *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

const char *
cm_enum_to_label (GType enum_type, int value)
{
  for (gsize i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (enum_labels[i].get_type () == enum_type)
      {
        if (value < 0 || (guint) value >= cm_enum_count (enum_type))
          return "";
        return _(enum_labels[i].labels[value]);
      }
  return cm_enum_to_nick (enum_type, value);
}

guint
cm_enum_count (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  return klass->n_values;
}

/* The label, except that an "other" value shows the text it was filed
 * from ("Other: Community benefit society"): an export must not lose what
 * an import could not match. */
char *
cm_enum_to_label_as_written (GType enum_type, int value, const char *as_written)
{
  const char *label = cm_enum_to_label (enum_type, value);

  if (as_written == NULL || *as_written == '\0' ||
      g_strcmp0 (cm_enum_to_nick (enum_type, value), "other") != 0)
    return g_strdup (label);
  /* TRANSLATORS: an unmatched value, then the text it was written as */
  return g_strdup_printf (_("%s: %s"), label, as_written);
}
