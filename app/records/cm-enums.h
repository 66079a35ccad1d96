/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-enums.h: the closed vocabularies of the domain
 *
 * Each enum is registered with GObject so that properties, the store and
 * the audit trail can use its nick ("third-sector") as a stable text form,
 * while the interface shows its translated label.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE,
  CM_ORGANISATION_KIND_NHS_BODY,
  CM_ORGANISATION_KIND_POOLED_BUDGET,
  CM_ORGANISATION_KIND_PARTNER,
} CmOrganisationKind;

/* The five service areas of seed 001 L679-683. */
typedef enum {
  CM_SERVICE_AREA_PREVENTION,
  CM_SERVICE_AREA_COMMUNITY_SUPPORT,
  CM_SERVICE_AREA_INDEPENDENT_LIVING,
  CM_SERVICE_AREA_PRIMARY_CARE,
  CM_SERVICE_AREA_SUPPORTED_ACCOMMODATION,
} CmServiceArea;

/* The ten Community Committees of Leeds, to which services report their
 * performance (seed 004, recommendation 1); NONE is city-wide or not yet
 * assigned. Separate from the service area. */
typedef enum {
  CM_COMMUNITY_COMMITTEE_NONE,
  CM_COMMUNITY_COMMITTEE_INNER_EAST,
  CM_COMMUNITY_COMMITTEE_INNER_NORTH_EAST,
  CM_COMMUNITY_COMMITTEE_INNER_NORTH_WEST,
  CM_COMMUNITY_COMMITTEE_INNER_SOUTH,
  CM_COMMUNITY_COMMITTEE_INNER_WEST,
  CM_COMMUNITY_COMMITTEE_OUTER_EAST,
  CM_COMMUNITY_COMMITTEE_OUTER_NORTH_EAST,
  CM_COMMUNITY_COMMITTEE_OUTER_NORTH_WEST,
  CM_COMMUNITY_COMMITTEE_OUTER_SOUTH,
  CM_COMMUNITY_COMMITTEE_OUTER_WEST,
} CmCommunityCommittee;

typedef enum {
  CM_CLIENT_GROUP_CHILDREN,
  CM_CLIENT_GROUP_ADULTS,
  CM_CLIENT_GROUP_OLDER_PEOPLE,
  CM_CLIENT_GROUP_CARERS,
  CM_CLIENT_GROUP_ALL_AGES,
} CmClientGroup;

typedef enum {
  CM_STAGE_ANALYSE,
  CM_STAGE_PLAN,
  CM_STAGE_DO,
  CM_STAGE_REVIEW,
  CM_STAGE_DECOMMISSIONING, /* after a Review decides to decommission */
} CmStage;

typedef enum {
  CM_ITEM_STATE_TO_DO,
  CM_ITEM_STATE_DONE,
  CM_ITEM_STATE_NOT_APPLICABLE,
} CmItemState;

/* How a Review closes (DOMAIN.md, the commissioning cycle). */
typedef enum {
  CM_REVIEW_DECISION_NONE,
  CM_REVIEW_DECISION_EXTEND,
  CM_REVIEW_DECISION_RECOMMISSION,
  CM_REVIEW_DECISION_DECOMMISSION,
} CmReviewDecision;

/* The decision an equality impact assessment supports. */
typedef enum {
  CM_EIA_DECISION_COMMISSION,
  CM_EIA_DECISION_RECOMMISSION,
  CM_EIA_DECISION_CHANGE,
  CM_EIA_DECISION_DECOMMISSION,
} CmEiaDecision;

typedef enum {
  CM_EIA_OUTCOME_UNDECIDED,
  CM_EIA_OUTCOME_FULL_ASSESSMENT,
  CM_EIA_OUTCOME_NO_FULL_ASSESSMENT,
} CmEiaOutcome;

typedef enum {
  CM_RELEVANCE_UNANSWERED,
  CM_RELEVANCE_RELEVANT,
  CM_RELEVANCE_NOT_RELEVANT,
} CmRelevance;

typedef enum {
  CM_IMPACT_UNKNOWN,
  CM_IMPACT_POSITIVE,
  CM_IMPACT_NEGATIVE,
  CM_IMPACT_NEUTRAL,
} CmImpact;

typedef enum {
  CM_MITIGATION_PLANNED,
  CM_MITIGATION_IN_PROGRESS,
  CM_MITIGATION_DONE,
} CmMitigationStatus;

/* After decommissioning: did the predicted impact happen? */
typedef enum {
  CM_HAPPENED_NOT_REVIEWED,
  CM_HAPPENED_YES,
  CM_HAPPENED_PARTLY,
  CM_HAPPENED_NO,
} CmHappened;

/* Who took a decommissioning decision (seed 003, Decision making). */
typedef enum {
  CM_DECISION_ROUTE_NOT_RECORDED,
  CM_DECISION_ROUTE_EXECUTIVE_BOARD,
  CM_DECISION_ROUTE_DELEGATED,
  CM_DECISION_ROUTE_ADMINISTRATIVE,
} CmDecisionRoute;

/* A person's move to other support when a service closes. */
typedef enum {
  CM_TRANSITION_PLANNED,
  CM_TRANSITION_IN_PROGRESS,
  CM_TRANSITION_COMPLETE,
  CM_TRANSITION_DECLINED,
} CmTransitionStatus;

/* Seed 000 4.6.1 and seed 001 L482, L583. */
typedef enum {
  CM_RISK_FINANCIAL,
  CM_RISK_SAFEGUARDING,
  CM_RISK_BUSINESS_CONTINUITY,
  CM_RISK_INFORMATION_GOVERNANCE,
  CM_RISK_PROVIDER_MARKET,
  CM_RISK_REPUTATIONAL,
} CmRiskCategory;

typedef enum {
  CM_RAG_GREEN,
  CM_RAG_AMBER,
  CM_RAG_RED,
} CmRag;

typedef enum {
  CM_STAKEHOLDER_SERVICE_USERS,
  CM_STAKEHOLDER_CARERS,
  CM_STAKEHOLDER_PROVIDERS,
  CM_STAKEHOLDER_MEMBERS,
  CM_STAKEHOLDER_PRIMARY_CARE,
  CM_STAKEHOLDER_STAFF,
  CM_STAKEHOLDER_OTHER,
} CmStakeholderGroup;

/* Outcomes Based Accountability's three questions (seed 001 L558-569). */
typedef enum {
  CM_MEASURE_HOW_MUCH,
  CM_MEASURE_HOW_WELL,
  CM_MEASURE_BETTER_OFF,
} CmMeasureType;

typedef enum {
  CM_SECTOR_THIRD_SECTOR,
  CM_SECTOR_INDEPENDENT,
  CM_SECTOR_NHS,
  CM_SECTOR_IN_HOUSE,
  CM_SECTOR_OTHER, /* as written in an import; kept last, see the store */
} CmSector;

typedef enum {
  CM_CONTRACT_TYPE_CONTRACT,
  CM_CONTRACT_TYPE_GRANT,
  CM_CONTRACT_TYPE_SERVICE_LEVEL_AGREEMENT,
  CM_CONTRACT_TYPE_FRAMEWORK_CALL_OFF,
  CM_CONTRACT_TYPE_BLOCK,
  CM_CONTRACT_TYPE_SPOT_PURCHASE,
  CM_CONTRACT_TYPE_INTERIM,
  CM_CONTRACT_TYPE_OTHER,
} CmContractType;

typedef enum {
  CM_PROCUREMENT_ROUTE_OPEN,
  CM_PROCUREMENT_ROUTE_RESTRICTED,
  CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE,
  CM_PROCUREMENT_ROUTE_LIGHT_TOUCH,
  CM_PROCUREMENT_ROUTE_FRAMEWORK,
  CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME, /* the process not recorded */
  CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A,
  CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B,
  CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C,
  CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER,
  CM_PROCUREMENT_ROUTE_PSR_COMPETITIVE_PROCESS,
  CM_PROCUREMENT_ROUTE_DIRECT_AWARD,
  CM_PROCUREMENT_ROUTE_GRANT_SCHEME,
  CM_PROCUREMENT_ROUTE_QUOTATION,
  CM_PROCUREMENT_ROUTE_OTHER,
} CmProcurementRoute;

/* What notice served means; a register that does not say means the first. */
typedef enum {
  CM_NOTICE_KIND_NOT_TO_EXTEND,     /* the contract runs to its current end */
  CM_NOTICE_KIND_EARLY_TERMINATION, /* it ends once the notice has run */
} CmNoticeKind;

/* What happened when a contract's current end came (DOMAIN.md, "Ended but
 * not closed"): until one is recorded an ended contract stays overdue. */
typedef enum {
  CM_CONTRACT_OUTCOME_NONE,
  CM_CONTRACT_OUTCOME_EXTENDED,
  CM_CONTRACT_OUTCOME_RELET,
  CM_CONTRACT_OUTCOME_DECOMMISSIONED,
  CM_CONTRACT_OUTCOME_ENDED_BY_EXPIRY,
} CmContractOutcome;

#define CM_TYPE_ORGANISATION_KIND (cm_organisation_kind_get_type ())
#define CM_TYPE_SERVICE_AREA (cm_service_area_get_type ())
#define CM_TYPE_COMMUNITY_COMMITTEE (cm_community_committee_get_type ())
#define CM_TYPE_CLIENT_GROUP (cm_client_group_get_type ())
#define CM_TYPE_STAGE (cm_stage_get_type ())
#define CM_TYPE_ITEM_STATE (cm_item_state_get_type ())
#define CM_TYPE_REVIEW_DECISION (cm_review_decision_get_type ())
#define CM_TYPE_EIA_DECISION (cm_eia_decision_get_type ())
#define CM_TYPE_EIA_OUTCOME (cm_eia_outcome_get_type ())
#define CM_TYPE_RELEVANCE (cm_relevance_get_type ())
#define CM_TYPE_IMPACT (cm_impact_get_type ())
#define CM_TYPE_MITIGATION_STATUS (cm_mitigation_status_get_type ())
#define CM_TYPE_HAPPENED (cm_happened_get_type ())
#define CM_TYPE_DECISION_ROUTE (cm_decision_route_get_type ())
#define CM_TYPE_TRANSITION_STATUS (cm_transition_status_get_type ())
#define CM_TYPE_RISK_CATEGORY (cm_risk_category_get_type ())
#define CM_TYPE_RAG (cm_rag_get_type ())
#define CM_TYPE_STAKEHOLDER_GROUP (cm_stakeholder_group_get_type ())
#define CM_TYPE_MEASURE_TYPE (cm_measure_type_get_type ())
#define CM_TYPE_SECTOR (cm_sector_get_type ())
#define CM_TYPE_CONTRACT_TYPE (cm_contract_type_get_type ())
#define CM_TYPE_NOTICE_KIND (cm_notice_kind_get_type ())
#define CM_TYPE_CONTRACT_OUTCOME (cm_contract_outcome_get_type ())
#define CM_TYPE_PROCUREMENT_ROUTE (cm_procurement_route_get_type ())

GType cm_organisation_kind_get_type (void) G_GNUC_CONST;
GType cm_service_area_get_type (void) G_GNUC_CONST;
GType cm_community_committee_get_type (void) G_GNUC_CONST;
GType cm_client_group_get_type (void) G_GNUC_CONST;
GType cm_stage_get_type (void) G_GNUC_CONST;
GType cm_item_state_get_type (void) G_GNUC_CONST;
GType cm_review_decision_get_type (void) G_GNUC_CONST;
GType cm_eia_decision_get_type (void) G_GNUC_CONST;
GType cm_eia_outcome_get_type (void) G_GNUC_CONST;
GType cm_relevance_get_type (void) G_GNUC_CONST;
GType cm_impact_get_type (void) G_GNUC_CONST;
GType cm_mitigation_status_get_type (void) G_GNUC_CONST;
GType cm_happened_get_type (void) G_GNUC_CONST;
GType cm_decision_route_get_type (void) G_GNUC_CONST;
GType cm_transition_status_get_type (void) G_GNUC_CONST;
GType cm_risk_category_get_type (void) G_GNUC_CONST;
GType cm_rag_get_type (void) G_GNUC_CONST;
GType cm_stakeholder_group_get_type (void) G_GNUC_CONST;
GType cm_measure_type_get_type (void) G_GNUC_CONST;
GType cm_sector_get_type (void) G_GNUC_CONST;
GType cm_contract_type_get_type (void) G_GNUC_CONST;
GType cm_procurement_route_get_type (void) G_GNUC_CONST;
GType cm_notice_kind_get_type (void) G_GNUC_CONST;
GType cm_contract_outcome_get_type (void) G_GNUC_CONST;

const char *cm_enum_to_nick   (GType enum_type, int value);
gboolean    cm_enum_from_nick (GType enum_type, const char *nick, int *value);
const char *cm_enum_to_label  (GType enum_type, int value);
guint       cm_enum_count     (GType enum_type);
char       *cm_enum_to_label_as_written (GType enum_type, int value, const char *as_written);

G_END_DECLS
