/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-demo.c: the demonstration portfolio
 *
 * Every line of seed 000 Appendix A (third-sector spend in Leeds by
 * commissioner and service type) becomes a service whose contracts add up
 * to that line's annual value. The named services of seed 001 are added
 * with their real dates and terms, and the Neighbourhood Networks grant
 * among the older people's services it is part of. Nothing here is random: the same @today gives the
 * same portfolio.
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-demo.h"
#include "cm-demo-cycle.h"
#include "cm-demo-decommission.h"
#include "cm-demo-eia.h"
#include "cm-demo-localities.h"
#include "cm-demo-notices.h"
#include "cm-demo-reductions.h"
#include "cm-demo-registers.h"
#include "cm-funding-source.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-report-period.h"
#include "cm-service.h"
#include "cm-service-partner.h"

enum { PH, ASC, WEST, NORTH, SOUTH_EAST, BCF, CHILDREN, CCG, ICB, N_ORGS };

/* Clinical commissioning groups were replaced by integrated care boards on
 * 1 July 2022 (Health and Care Act 2022): the Leeds CCGs by NHS West
 * Yorkshire ICB. Their records keep the CCG; pages show the ICB. */
#define ICB_FROM_ISO "2022-07-01"

static const struct {
  const char *name;
  CmOrganisationKind kind;
  const char *prefix; /* of contract references */
  gboolean to_icb;    /* succeeded by the ICB */
} organisations[N_ORGS] = {
  [PH] = { "Leeds City Council: Public Health", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, "PH" },
  [ASC] = { "Leeds City Council: Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, "ASC" },
  [WEST] = { "NHS Leeds West CCG", CM_ORGANISATION_KIND_NHS_BODY, "LW", TRUE },
  [NORTH] = { "NHS Leeds North CCG", CM_ORGANISATION_KIND_NHS_BODY, "LN", TRUE },
  [SOUTH_EAST] = { "NHS Leeds South and East CCG", CM_ORGANISATION_KIND_NHS_BODY, "LSE", TRUE },
  [BCF] = { "Better Care Fund", CM_ORGANISATION_KIND_POOLED_BUDGET, "BCF" },
  [CHILDREN] = { "Leeds City Council: Children and Families", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, "CF" },
  [CCG] = { "NHS Leeds CCG", CM_ORGANISATION_KIND_NHS_BODY, "CCG", TRUE },
  [ICB] = { "NHS West Yorkshire Integrated Care Board", CM_ORGANISATION_KIND_NHS_BODY, "WY" },
};

#define P CM_SERVICE_AREA_PREVENTION
#define C CM_SERVICE_AREA_COMMUNITY_SUPPORT
#define I CM_SERVICE_AREA_INDEPENDENT_LIVING
#define PC CM_SERVICE_AREA_PRIMARY_CARE
#define SA CM_SERVICE_AREA_SUPPORTED_ACCOMMODATION

/* Seed 000 Appendix A, line by line (values in pounds). Two lines are
 * illegible in the source; they are entered as the balances that make
 * each printed sub total add up, and say so. */
static const struct {
  int org;
  const char *name;
  gint64 pounds;
  CmServiceArea area;
  CmClientGroup group;
} spend_lines[] = {
  { PH, "Locality Community Health Improvement and Development", 802838, P, CM_CLIENT_GROUP_ALL_AGES },
  { PH, "Healthy Living Services", 578100, P, CM_CLIENT_GROUP_ADULTS },
  { PH, "Cancer Awareness", 75000, P, CM_CLIENT_GROUP_ADULTS },
  { PH, "Vulnerable Groups", 370064, C, CM_CLIENT_GROUP_ADULTS },
  { PH, "Sexual Health", 563740, PC, CM_CLIENT_GROUP_ADULTS },
  { PH, "Mental Health & Wellbeing", 570778, C, CM_CLIENT_GROUP_ADULTS },
  { PH, "Domestic Violence", 57840, C, CM_CLIENT_GROUP_ALL_AGES },
  { PH, "Young Children 0-5", 43000, P, CM_CLIENT_GROUP_CHILDREN },
  { PH, "Older People", 1685406, P, CM_CLIENT_GROUP_OLDER_PEOPLE },
  { PH, "Addiction Services", 8079977, C, CM_CLIENT_GROUP_ADULTS },
  { PH, "Health Protection", 158000, PC, CM_CLIENT_GROUP_ALL_AGES },
  { ASC, "Care and support services (line illegible in source; balance of sub total)", 807057, I, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Services for adults under 65 with a learning disability", 798805, I, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Services for adults under 65 with mental health needs", 4764350, I, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Services for older people aged 65 and over", 15329238, I, CM_CLIENT_GROUP_OLDER_PEOPLE },
  { ASC, "Services for people under 65 with a physical impairment", 4638250, I, CM_CLIENT_GROUP_ADULTS },
  { ASC, "HIV/Aids", 321701, C, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Substance misuse", 693451, C, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Carers", 1357774, C, CM_CLIENT_GROUP_CARERS },
  { ASC, "Equipment", 1037, I, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Other", 250474, C, CM_CLIENT_GROUP_ADULTS },
  { ASC, "Learning Disability Pooled Budget: supported living and day opportunities", 26641093, SA, CM_CLIENT_GROUP_ADULTS },
  { WEST, "Healthy Living", 560000, P, CM_CLIENT_GROUP_ADULTS },
  { WEST, "Children and families", 25000, P, CM_CLIENT_GROUP_CHILDREN },
  { WEST, "Mental health", 277500, C, CM_CLIENT_GROUP_ADULTS },
  { NORTH, "Children and young people", 135000, P, CM_CLIENT_GROUP_CHILDREN },
  { NORTH, "Older people", 50000, P, CM_CLIENT_GROUP_OLDER_PEOPLE },
  { NORTH, "Healthy Living", 29788, P, CM_CLIENT_GROUP_ADULTS },
  { NORTH, "Drug and alcohol misuse services", 80000, C, CM_CLIENT_GROUP_ADULTS },
  { NORTH, "Hospital admission avoidance", 417037, PC, CM_CLIENT_GROUP_OLDER_PEOPLE },
  { NORTH, "BME communities", 27838, P, CM_CLIENT_GROUP_ALL_AGES },
  { NORTH, "Carers", 43950, C, CM_CLIENT_GROUP_CARERS },
  { NORTH, "Parenting and early years", 23396, P, CM_CLIENT_GROUP_CHILDREN },
  { NORTH, "Disabled people", 4996, C, CM_CLIENT_GROUP_ADULTS },
  { NORTH, "Refugees", 5000, C, CM_CLIENT_GROUP_ALL_AGES },
  { SOUTH_EAST, "Mental health", 130532, C, CM_CLIENT_GROUP_ADULTS },
  { SOUTH_EAST, "Parenting/early years", 153236, P, CM_CLIENT_GROUP_CHILDREN },
  { SOUTH_EAST, "Older people", 33850, P, CM_CLIENT_GROUP_OLDER_PEOPLE },
  { SOUTH_EAST, "Women's health", 68160, PC, CM_CLIENT_GROUP_ADULTS },
  { SOUTH_EAST, "Men's health", 28734, PC, CM_CLIENT_GROUP_ADULTS },
  { SOUTH_EAST, "Capacity building", 43600, P, CM_CLIENT_GROUP_ALL_AGES },
  { SOUTH_EAST, "BME communities", 37058, P, CM_CLIENT_GROUP_ALL_AGES },
  { SOUTH_EAST, "Disabled people", 19737, C, CM_CLIENT_GROUP_ADULTS },
  { SOUTH_EAST, "End of life care", 14420, PC, CM_CLIENT_GROUP_ADULTS },
  { SOUTH_EAST, "Children and young people", 30788, P, CM_CLIENT_GROUP_CHILDREN },
  { SOUTH_EAST, "General population", 5000, P, CM_CLIENT_GROUP_ALL_AGES },
  { SOUTH_EAST, "Other (line illegible in source; balance of sub total)", 29477, P, CM_CLIENT_GROUP_ALL_AGES },
  { BCF, "Community support and third sector services within the Better Care Fund", 14785356, C, CM_CLIENT_GROUP_ADULTS },
};

/* The Appendix A line that holds the Neighbourhood Networks grant: seed 001
 * L758 calls the Networks the bulk of universal and preventative services
 * for older people, about £3m a year; the rest of the line pays "seven
 * further older people's organisations" (L760). */
#define OLDER_PEOPLE_LINE 14
#define NETWORKS_ANNUAL_POUNDS 3000000

/* Providers named in seeds 000 and 001. The first block is third sector. */
static const struct {
  const char *name;
  CmSector sector;
  const char *charity_number;
} providers[] = {
  { "Leeds Mind", CM_SECTOR_THIRD_SECTOR, "1111111" },
  { "Barca-Leeds", CM_SECTOR_THIRD_SECTOR, "1222222" },
  { "Touchstone", CM_SECTOR_THIRD_SECTOR, "1033333" },
  { "Better Leeds Communities", CM_SECTOR_THIRD_SECTOR, "1044444" },
  { "Leeds Community Foundation", CM_SECTOR_THIRD_SECTOR, "1055555" },
  { "Age UK Leeds", CM_SECTOR_THIRD_SECTOR, "1066666" },
  { "Forward Leeds (consortium)", CM_SECTOR_THIRD_SECTOR, "1077777" },
  { "Voluntary Action Leeds", CM_SECTOR_THIRD_SECTOR, "1088888" },
  { "Carers Leeds", CM_SECTOR_THIRD_SECTOR, "1099999" },
  { "Advonet", CM_SECTOR_THIRD_SECTOR, "1100000" },
  { "Alzheimer's Society", CM_SECTOR_THIRD_SECTOR, "296645" },
  { "Barnardo's", CM_SECTOR_THIRD_SECTOR, "216250" },
  { "Neighbourhood Network schemes (37 areas)", CM_SECTOR_THIRD_SECTOR, "" },
  { "Comfort Call", CM_SECTOR_INDEPENDENT, "" },
  { "Short breaks provider A", CM_SECTOR_INDEPENDENT, "" },
  { "Short breaks provider B", CM_SECTOR_INDEPENDENT, "" },
  { "Short breaks provider C", CM_SECTOR_INDEPENDENT, "" },
  { "Short breaks provider D", CM_SECTOR_INDEPENDENT, "" },
};

enum {
  N_THIRD_SECTOR_ROTATION = 8, /* Appendix A lines rotate over the first eight */
  CARERS_LEEDS = 8, ADVONET, ALZHEIMERS, BARNARDOS, NEIGHBOURHOOD_NETWORKS,
  COMFORT_CALL, SHORT_BREAKS_A,
};
#define N_PROVIDERS G_N_ELEMENTS (providers)

/* Term shapes commissioners write (seed 001), with their initial years. */
static const struct {
  const char *term;
  int years;
} terms[] = {
  { "3+1+1", 3 }, { "3+2", 3 }, { "4+2", 4 }, { "5+5", 5 },
  { "2 years + 12 months", 2 }, { "1 year", 1 },
};

/* Months from today's month to the end of each current contract: a spread
 * of contracts ending soon and later. */
static const int months_to_end[] = { 2, 5, 9, 8, 20, 30, 44, 1, 11, 3, 26 };

/* Contracts meant to end next month have had notice served this month:
 * too late, so the demo shows a breached notice. They run to the end of
 * the financial year (cover_financial_year ()), so their notice period
 * is a year, which no day of the year leaves time for. */
#define LATE_NOTICE_MONTHS 1

typedef struct {
  CmStore *store;
  const GDate *today;
  gint64 org_ids[N_ORGS];
  gint64 provider_ids[N_PROVIDERS];
  guint references[N_ORGS];
  guint n_services;
  gint64 closing_service, closing_contract;   /* a decommission in progress */
  gint64 closed_service, closed_contract;     /* a completed one */
  CmDemoEiaIds eias;                          /* the EIAs their decisions name */
  gint64 older_people_service;                /* holds the Neighbourhood Networks grant */
  GArray *public_health_grants;               /* contract ids, for the reduction scenarios */
} Demo;

/* The Appendix A line whose service is being decommissioned: a third-sector
 * contract ending in eight months, so its notice date is at risk. */
#define CLOSING_LINE 3

static gboolean
save (Demo *demo, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (demo->store, owned, error);
}

static gint64
save_id (Demo *demo, gpointer entity, GError **error)
{
  g_autoptr(CmEntity) owned = entity;

  return cm_store_save (demo->store, owned, error) ? cm_entity_get_id (owned) : 0;
}

static char *
iso (guint day, GDateMonth month, GDateYear year)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return cm_date_format_iso (date);
}

static char *
next_reference (Demo *demo, int org)
{
  return g_strdup_printf ("%s-%04u", organisations[org].prefix, ++demo->references[org]);
}

/* The three Leeds CCGs were each the sum of their localities, so a CCG's
 * services report to the Community Committees it covered, in turn; the
 * council's and pooled services are city-wide. */
static CmCommunityCommittee
committee_of (int lead, guint n)
{
  static const CmCommunityCommittee west[] = {
    CM_COMMUNITY_COMMITTEE_OUTER_WEST, CM_COMMUNITY_COMMITTEE_INNER_WEST,
    CM_COMMUNITY_COMMITTEE_OUTER_NORTH_WEST };
  static const CmCommunityCommittee north[] = {
    CM_COMMUNITY_COMMITTEE_INNER_NORTH_EAST, CM_COMMUNITY_COMMITTEE_OUTER_NORTH_EAST,
    CM_COMMUNITY_COMMITTEE_INNER_NORTH_WEST };
  static const CmCommunityCommittee south_east[] = {
    CM_COMMUNITY_COMMITTEE_INNER_EAST, CM_COMMUNITY_COMMITTEE_INNER_SOUTH,
    CM_COMMUNITY_COMMITTEE_OUTER_EAST, CM_COMMUNITY_COMMITTEE_OUTER_SOUTH };

  switch (lead)
    {
    case WEST:
      return west[n % G_N_ELEMENTS (west)];
    case NORTH:
      return north[n % G_N_ELEMENTS (north)];
    case SOUTH_EAST:
      return south_east[n % G_N_ELEMENTS (south_east)];
    default:
      return CM_COMMUNITY_COMMITTEE_NONE;
    }
}

static gint64
add_service (Demo *demo, const char *name, int lead, CmServiceArea area,
             CmClientGroup group, CmStage stage, int cycle, GError **error)
{
  gint64 id = save_id (demo, g_object_new (CM_TYPE_SERVICE, "name", name, "area", area,
                                           "client-group", group, "stage", stage,
                                           "cycle", cycle, "community-committee",
                                           committee_of (lead, demo->n_services),
                                           "lead-commissioner-id", demo->org_ids[lead], NULL),
                       error);

  if (id == 0 || !cm_demo_cycle_progress (demo->store, id, stage, cycle, demo->n_services++,
                                          demo->today, error))
    return 0;
  return id;
}

typedef struct {
  const char *title;
  int org;
  int provider;
  CmContractType type;
  CmProcurementRoute route;
  gint64 annual_pounds;
  gint64 total_pounds;
  char *start;
  char *end;
  const char *term;
  const char *notice;
  int extensions_invoked;
  char *notice_served;
  CmContractOutcome outcome;
} DemoContract;

static gint64
add_contract (Demo *demo, gint64 service_id, DemoContract *c, GError **error)
{
  g_autofree char *reference = next_reference (demo, c->org);
  g_autofree char *start = c->start;
  g_autofree char *end = c->end;
  g_autofree char *served = c->notice_served;

  return save_id (demo, g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", c->title,
                                   "service-id", service_id,
                                   "provider-id", demo->provider_ids[c->provider],
                                   "contract-type", c->type, "route", c->route,
                                   "annual-value", c->annual_pounds * 100,
                                   "total-value", c->total_pounds * 100,
                                   "start-date", start, "end-date", end,
                                   "term", c->term, "notice-period", c->notice,
                                   "extensions-invoked", c->extensions_invoked,
                                   "notice-served", served, "outcome", c->outcome, NULL),
               error);
}

static gboolean
add_funding (Demo *demo, gint64 service_id, int org, gint64 pounds, GError **error)
{
  return save (demo, cm_funding_source_new (service_id, demo->org_ids[org],
                                            organisations[org].name, pounds * 100), error);
}

/* A CCG let nothing after the ICB took over: a CCG grant still running
 * began before then, on a longer term of whole years to the same end. */
static int
let_before_icb (DemoContract *c, GDate *start, int years)
{
  GDate icb;

  if (!cm_date_parse_iso (ICB_FROM_ISO, &icb) || g_date_compare (start, &icb) < 0)
    return years;
  while (g_date_compare (start, &icb) >= 0)
    {
      g_date_subtract_years (start, 1);
      years++;
    }
  {
    g_autofree char *term = g_strdup_printf ("%d years", years);

    c->term = g_intern_string (term);
  }
  return years;
}

/* Appendix A is a year's spend, so every line's contract runs the whole
 * financial year containing today: the Spend summary then shows the
 * published figures. An end inside the year moves to its last day; an
 * end too late for a contract started by the year's first day moves back
 * to the last that is. */
static void
cover_financial_year (Demo *demo, GDate *end, int years)
{
  CmReportPeriod year;
  GDate latest;

  cm_report_period_year_of (demo->today, &year);
  latest = year.first;
  g_date_add_years (&latest, years);
  g_date_subtract_days (&latest, 1);
  if (g_date_compare (end, &year.last) < 0)
    *end = year.last;
  if (g_date_compare (end, &latest) > 0)
    *end = latest;
}

/* A current contract ending @months after the end of this month, or
 * within the financial year's bounds (cover_financial_year ()). */
static void
place_contract (Demo *demo, DemoContract *c, guint index)
{
  int years = terms[index % G_N_ELEMENTS (terms)].years;
  g_autoptr(GDate) end = g_date_new_dmy (1, g_date_get_month (demo->today),
                                         g_date_get_year (demo->today));
  g_autoptr(GDate) start = NULL;

  g_date_add_months (end, months_to_end[index % G_N_ELEMENTS (months_to_end)] + 1);
  g_date_subtract_days (end, 1);
  cover_financial_year (demo, end, years);
  start = g_date_copy (end);
  g_date_add_days (start, 1);
  g_date_subtract_years (start, years);

  c->term = terms[index % G_N_ELEMENTS (terms)].term;
  if (organisations[c->org].to_icb)
    years = let_before_icb (c, start, years);
  c->start = cm_date_format_iso (start);
  c->end = cm_date_format_iso (end);
  c->total_pounds = c->annual_pounds * years;
  c->notice = index % 3 == 0 ? "6 months" : "3 months";
  if (months_to_end[index % G_N_ELEMENTS (months_to_end)] == LATE_NOTICE_MONTHS)
    {
      c->notice = "12 months";
      c->notice_served = iso (1, g_date_get_month (demo->today), g_date_get_year (demo->today));
    }
}

static gboolean
add_spend_lines (Demo *demo, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (spend_lines); i++)
    {
      int org = spend_lines[i].org;
      gboolean nhs = organisations[org].kind == CM_ORGANISATION_KIND_NHS_BODY;
      gint64 service_id = add_service (demo, spend_lines[i].name, org, spend_lines[i].area,
                                       spend_lines[i].group, (CmStage) (i % 4), 1 + i % 2,
                                       error);
      gint64 contract_id;
      DemoContract c = {
        .title = spend_lines[i].name,
        .org = org,
        .provider = i % N_THIRD_SECTOR_ROTATION,
        .type = nhs ? CM_CONTRACT_TYPE_GRANT : (i % 2 ? CM_CONTRACT_TYPE_GRANT : CM_CONTRACT_TYPE_CONTRACT),
        .route = nhs ? CM_PROCUREMENT_ROUTE_GRANT_SCHEME : CM_PROCUREMENT_ROUTE_OPEN,
        .annual_pounds = spend_lines[i].pounds,
      };

      if (service_id == 0)
        return FALSE;
      if (i == OLDER_PEOPLE_LINE)
        {
          /* The Networks grant is added with the named services; this
           * contract is the rest of the line. */
          c.title = "Older people's organisations beyond the Neighbourhood Networks";
          c.annual_pounds -= NETWORKS_ANNUAL_POUNDS;
          demo->older_people_service = service_id;
        }
      place_contract (demo, &c, i);
      contract_id = add_contract (demo, service_id, &c, error);
      if (contract_id == 0 || !add_funding (demo, service_id, org, spend_lines[i].pounds, error))
        return FALSE;
      if (org == PH && c.type == CM_CONTRACT_TYPE_GRANT)
        g_array_append_val (demo->public_health_grants, contract_id);
      if (i == CLOSING_LINE)
        {
          demo->closing_service = service_id;
          demo->closing_contract = contract_id;
        }
    }
  return TRUE;
}

static gboolean
add_partner (Demo *demo, gint64 service_id, int org, GError **error)
{
  return save (demo, cm_service_partner_new (service_id, demo->org_ids[org]), error);
}

/* The named services of seed 001, with their real dates and terms. */
static gboolean
add_named_services (Demo *demo, GError **error)
{
  gint64 nn = demo->older_people_service;
  gint64 carers, advocacy, short_breaks, crisis, semh;

  /* 001 L758: ~£3m a year across 37 areas from October 2018, up to 10 years;
   * the five-year extension has been taken. It is part of Appendix A's
   * older people's line, whose funding already counts it; Public Health
   * contributes (000 3.2.2). */
  if (!add_partner (demo, nn, PH, error) ||
      !add_contract (demo, nn, &(DemoContract) {
        "Neighbourhood Networks (37 areas)", ASC, NEIGHBOURHOOD_NETWORKS,
        CM_CONTRACT_TYPE_GRANT, CM_PROCUREMENT_ROUTE_GRANT_SCHEME, NETWORKS_ANNUAL_POUNDS,
        NETWORKS_ANNUAL_POUNDS * 10, iso (1, 10, 2018), iso (30, 9, 2028), "5+5", "6 months",
        1 }, error))
    return FALSE;

  /* 001 L934: from April 2019 for five years, extendable by up to 24 months. */
  carers = add_service (demo, "Carers information, advice and support", ASC, C,
                        CM_CLIENT_GROUP_CARERS, CM_STAGE_DO, 2, error);
  if (carers == 0 || !add_funding (demo, carers, ASC, 1357774, error) ||
      !add_contract (demo, carers, &(DemoContract) {
        "Information, advice and support for adult and parent carers", ASC, CARERS_LEEDS,
        CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_OPEN, 1200000, 8400000,
        iso (1, 4, 2019), iso (31, 3, 2026), "5 years plus up to 24 months", "3 months", 1 },
        error))
    return FALSE;

  /* 001 L737: Advonet from 1 April 2018 for five years. */
  advocacy = add_service (demo, "Independent advocacy gateway", ASC, C,
                          CM_CLIENT_GROUP_ADULTS, CM_STAGE_PLAN, 2, error);
  if (advocacy == 0 || !add_funding (demo, advocacy, ASC, 650000, error) ||
      !add_contract (demo, advocacy, &(DemoContract) {
        "Advocacy single gateway", ASC, ADVONET, CM_CONTRACT_TYPE_CONTRACT,
        CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, 650000, 3250000,
        iso (1, 4, 2018), iso (31, 3, 2023), "5 years", "3 months" }, error))
    return FALSE;

  /* 001 L1091: six 6-month interim contracts with four independent
   * providers, £564,720 together, expiring 31 October 2019; 001 L1684: the
   * new service from 1 November 2019, 3 years 5 months plus up to 24. */
  short_breaks = add_service (demo, "Carers community based short breaks", ASC, C,
                              CM_CLIENT_GROUP_CARERS, CM_STAGE_ANALYSE, 2, error);
  if (short_breaks == 0 || !add_funding (demo, short_breaks, ASC, 1129440, error))
    return FALSE;
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Community based short breaks (interim, lot %d)",
                                                i + 1);
      DemoContract c = { title, ASC, SHORT_BREAKS_A + i % 4, CM_CONTRACT_TYPE_INTERIM,
                         CM_PROCUREMENT_ROUTE_DIRECT_AWARD, 188240, 94120,
                         iso (1, 5, 2019), iso (31, 10, 2019), "6 months", "1 month" };

      /* Followed by the new service from 1 November 2019: closed. */
      c.outcome = CM_CONTRACT_OUTCOME_RELET;
      if (!add_contract (demo, short_breaks, &c, error))
        return FALSE;
    }
  if (!add_contract (demo, short_breaks, &(DemoContract) {
        "Carers community based short breaks", ASC, COMFORT_CALL, CM_CONTRACT_TYPE_CONTRACT,
        CM_PROCUREMENT_ROUTE_OPEN, 1129440, 3859120, iso (1, 11, 2019), iso (31, 3, 2023),
        "3 years 5 months + up to 24 months", "3 months" }, error))
    return FALSE;

  /* 001 L1634: children's mental health crisis support, 3+1+1 from April
   * 2019, both extensions taken. */
  crisis = add_service (demo, "Children and young people's mental health crisis support", CCG,
                        C, CM_CLIENT_GROUP_CHILDREN, CM_STAGE_REVIEW, 1, error);
  if (crisis == 0 || !add_partner (demo, crisis, CHILDREN, error) ||
      !add_funding (demo, crisis, CCG, 400000, error) ||
      !add_contract (demo, crisis, &(DemoContract) {
        "Safe space and crisis support for young people", CCG, BARNARDOS,
        CM_CONTRACT_TYPE_CONTRACT, CM_PROCUREMENT_ROUTE_LIGHT_TOUCH, 400000, 2000000,
        iso (1, 4, 2019), iso (31, 3, 2024), "3+1+1", "3 months", 2 }, error))
    return FALSE;

  /* 001 L885: the CCG's funding of the SEMH cluster model ceased in
   * September 2020; its EIA was reviewed afterwards. The seed gives no
   * value or recipient: the grant below is illustrative. */
  semh = add_service (demo, "Social, emotional and mental health cluster fund (CCG share)",
                      CCG, P, CM_CLIENT_GROUP_CHILDREN, CM_STAGE_DECOMMISSIONING, 1, error);
  if (!cm_demo_registers_add (demo->store, demo->today, nn, carers, crisis, error))
    return FALSE;
  demo->closed_service = semh;
  demo->closed_contract = semh == 0 ? 0 : add_contract (demo, semh, &(DemoContract) {
    "SEMH cluster fund: CCG contribution", CCG, 4 /* Leeds Community Foundation */,
    CM_CONTRACT_TYPE_GRANT, CM_PROCUREMENT_ROUTE_GRANT_SCHEME, 250000, 750000,
    iso (1, 9, 2017), iso (31, 8, 2020), "3 years", "3 months" }, error);
  return demo->closed_contract != 0 &&
         cm_demo_eia_add (demo->store, demo->today, carers, advocacy, semh,
                          demo->closing_service, &demo->eias, error);
}

/* Each CCG's record names the ICB that succeeded it, once both exist. */
static gboolean
record_successions (Demo *demo, GError **error)
{
  for (int i = 0; i < N_ORGS; i++)
    {
      CmEntity *stored = cm_store_find (demo->store, CM_TYPE_ORGANISATION, demo->org_ids[i]);
      CmEntity *draft;

      if (!organisations[i].to_icb || stored == NULL)
        continue;
      draft = cm_entity_copy (stored);
      g_object_set (draft, "succeeded-by-id", demo->org_ids[ICB], "succeeded-on", ICB_FROM_ISO,
                    NULL);
      if (!save (demo, draft, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_parties (Demo *demo, GError **error)
{
  for (int i = 0; i < N_ORGS; i++)
    if (!(demo->org_ids[i] = save_id (demo, cm_organisation_new (organisations[i].name,
                                                                 organisations[i].kind), error)))
      return FALSE;
  if (!record_successions (demo, error))
    return FALSE;

  for (guint i = 0; i < N_PROVIDERS; i++)
    {
      gboolean third = providers[i].sector == CM_SECTOR_THIRD_SECTOR;

      demo->provider_ids[i] =
        save_id (demo, g_object_new (CM_TYPE_PROVIDER, "name", providers[i].name,
                                     "sector", providers[i].sector,
                                     "charity-number", providers[i].charity_number,
                                     "is-vcse", third, "is-sme", i % 3 != 2, NULL), error);
      if (demo->provider_ids[i] == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
cm_demo_populate (CmStore *store, const GDate *today, GError **error)
{
  g_autoptr(GArray) grants = g_array_new (FALSE, FALSE, sizeof (gint64));
  Demo demo = { .store = store, .today = today, .public_health_grants = grants };

  if (!cm_store_begin (store, error))
    return FALSE;
  if (!cm_store_set_meta (store, "name", _("Leeds health and social care (demo)"), error) ||
      !add_parties (&demo, error) ||
      !add_spend_lines (&demo, error) ||
      !add_named_services (&demo, error) ||
      !cm_demo_localities_add (store, error) ||
      !cm_demo_decommission_add (store, today, demo.closing_service, demo.closing_contract,
                                 demo.closed_service, demo.closed_contract, &demo.eias,
                                 error) ||
      !cm_demo_reductions_add (store, demo.provider_ids, N_THIRD_SECTOR_ROTATION,
                               demo.public_health_grants, error) ||
      !cm_demo_notices_add (store, today, error))
    {
      cm_store_rollback (store);
      return FALSE;
    }
  return cm_store_commit (store, error);
}

static const char * const sqlite_suffixes[] = { "", "-wal", "-shm" };

gboolean
cm_demo_create (const char *path, const GDate *today, GError **error)
{
  g_autoptr(CmStore) store = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Choose a new file name for the demo portfolio."),
                   path);
      return FALSE;
    }
  store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, error);
  if (store != NULL)
    {
      cm_store_set_actor (store, _("Demo portfolio generator"));
      if (cm_demo_populate (store, today, error))
        return TRUE;
    }
  /* Leave no half-made portfolio behind. */
  g_clear_object (&store);
  for (gsize i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, sqlite_suffixes[i], NULL);
      g_unlink (file);
    }
  return FALSE;
}
