/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-procurement-notices.c: regimes by route and date, required notices, and variations */
#include <string.h>

#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-organisation.h"
#include "cm-procurement-regime.h"
#include "cm-provider.h"
#include "cm-required-notices.h"
#include "cm-service.h"
#include "cm-test-util.h"

static CmProcurementRoute
route_of (const char *nick)
{
  int value = -1;

  g_assert_true (cm_enum_from_nick (CM_TYPE_PROCUREMENT_ROUTE, nick, &value));
  return value;
}

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (cm_date_parse_iso (iso, &date));
  return date;
}

/* ---- the regime -------------------------------------------------------- */

static void
test_regime_by_route_and_date (void)
{
  static const struct {
    const char *route;
    const char *began;
    const char *regime;
  } cases[] = {
    /* The Procurement Act 2023 governs procurements begun from 24 February 2025. */
    { "open", "2025-02-23", "pcr-2015" },
    { "open", "2025-02-24", "procurement-act-2023" },
    { "competitive-flexible", "2025-02-24", "procurement-act-2023" },
    { "light-touch", "2025-02-23", "pcr-2015" },
    { "light-touch", "2026-01-01", "procurement-act-2023" },
    { "framework", "2025-02-23", "pcr-2015" },
    { "direct-award", "2025-02-24", "procurement-act-2023" },
    { "restricted", "2019-04-01", "pcr-2015" },
    { "quotation", "2025-03-01", "procurement-act-2023" },
    /* The Provider Selection Regime from 1 January 2024, and on past the Act. */
    { "psr-direct-award-c", "2023-12-31", "pcr-2015" },
    { "psr-direct-award-c", "2024-01-01", "provider-selection-regime" },
    { "provider-selection-regime", "2024-01-01", "provider-selection-regime" },
    { "psr-direct-award-a", "2024-06-01", "provider-selection-regime" },
    { "psr-direct-award-b", "2025-02-24", "provider-selection-regime" },
    { "psr-most-suitable-provider", "2026-04-01", "provider-selection-regime" },
    { "psr-competitive-process", "2025-02-23", "provider-selection-regime" },
    /* A grant is not a procurement. */
    { "grant-scheme", "2025-03-01", "none" },
  };
  const CmProcurementRules *rules = cm_procurement_rules_get ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate began = date_of (cases[i].began);
      CmProcurementRegime regime = cm_procurement_regime_of (rules, route_of (cases[i].route),
                                                             &began);

      g_test_message ("%s begun %s", cases[i].route, cases[i].began);
      g_assert_cmpstr (cm_procurement_regime_nick (regime), ==, cases[i].regime);
    }
}

static void
test_regime_checks (void)
{
  static const struct {
    const char *route;
    const char *began;
    gboolean warned;
  } cases[] = {
    { "psr-direct-award-a", "2023-12-31", TRUE },
    { "psr-direct-award-a", "2024-01-01", FALSE },
    { "restricted", "2025-02-23", FALSE },
    { "restricted", "2025-02-24", TRUE },
    { "open", "2025-02-24", FALSE },
  };
  const CmProcurementRules *rules = cm_procurement_rules_get ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate began = date_of (cases[i].began);
      g_autofree char *warning =
        cm_procurement_regime_check (rules, route_of (cases[i].route), &began);

      g_assert_cmpint (warning != NULL, ==, cases[i].warned);
    }
}

/* Every stored nick of the routes before the Provider Selection Regime's
 * processes were added still reads as the same route. */
static void
test_old_route_nicks_still_read (void)
{
  static const char * const nicks[] = {
    "open", "restricted", "competitive-flexible", "light-touch", "framework",
    "provider-selection-regime", "direct-award", "grant-scheme", "quotation", "other",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      int value;

      g_assert_true (cm_enum_from_nick (CM_TYPE_PROCUREMENT_ROUTE, nicks[i], &value));
      g_assert_cmpstr (cm_enum_to_nick (CM_TYPE_PROCUREMENT_ROUTE, value), ==, nicks[i]);
      g_assert_cmpstr (cm_enum_to_label (CM_TYPE_PROCUREMENT_ROUTE, value), !=, "");
    }
}

/* The shipped rules are data: damaged data is refused with a reason, not
 * read as "no notices". */
static void
test_rules_data (void)
{
  static const char regimes[] =
    "<regime name=\"provider-selection-regime\" from=\"2024-01-01\"/>"
    "<regime name=\"procurement-act-2023\" from=\"2025-02-24\"/>";
  static const struct {
    const char *xml;
    gboolean valid;
  } cases[] = {
    { "not XML", FALSE },
    { "<thresholds/>", FALSE },
    { "<procurement-notices>", FALSE },
    { "<procurement-notices/>", FALSE },
    { "<procurement-notices><regime name=\"procurement-act-2023\" from=\"2025-02-30\"/>"
      "</procurement-notices>", FALSE },
    { "<procurement-notices>REGIMES<notice code=\"UK7\" anchor=\"award\"/>"
      "</procurement-notices>", FALSE },
    { "<procurement-notices>REGIMES<notice code=\"UK7\" anchor=\"start\" days=\"30\"/>"
      "</procurement-notices>", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) xml = g_string_new (cases[i].xml);
      g_autoptr(CmProcurementRules) rules = NULL;

      g_string_replace (xml, "REGIMES", regimes, 0);
      rules = cm_procurement_rules_parse (xml->str, -1, &error);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (rules != NULL, ==, cases[i].valid);
      g_assert_cmpint (error == NULL, ==, cases[i].valid);
    }
}

/* ---- the notices each route requires ----------------------------------- */

/* "UK4 2025-04-01 pending, UK6 …": what the rules made, in one line. */
static char *
describe (GPtrArray *notices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < notices->len; i++)
    {
      const CmRequiredNotice *notice = g_ptr_array_index (notices, i);
      g_autofree char *due = g_date_valid (&notice->due) ? cm_date_format_iso (&notice->due)
                                                          : g_strdup ("-");

      g_string_append_printf (text, "%s%s %s %s", i ? ", " : "", notice->code, due,
                              cm_notice_status_nick (notice->status));
    }
  return g_string_free (text, FALSE);
}

static void
test_notices_by_route (void)
{
  static const struct {
    const char *route;
    const char *start;
    const char *end;      /* NULL: not known */
    gint64 total_pounds;
    const char *expected;
  } cases[] = {
    { "open", "2025-04-01", "2028-03-31", 900000,
      "UK4 2025-04-01 pending, UK6 2025-04-01 pending, UK7 2025-05-01 pending, "
      "UK11 2028-04-30 pending" },
    { "competitive-flexible", "2025-02-24", "2026-02-23", 900000,
      "UK4 2025-02-24 pending, UK6 2025-02-24 pending, UK7 2025-03-26 pending, "
      "UK11 2026-03-25 pending" },
    { "direct-award", "2025-06-01", "2026-05-31", 300000,
      "UK5 2025-06-01 pending, UK6 2025-06-01 pending, UK7 2025-07-01 pending, "
      "UK11 2026-06-30 pending" },
    { "framework", "2025-06-01", "2026-05-31", 300000,
      "UK6 2025-06-01 pending, UK7 2025-07-01 pending, UK11 2026-06-30 pending" },
    /* The end not known: its termination notice has no date yet. */
    { "light-touch", "2025-06-01", NULL, 700000,
      "UK4 2025-06-01 pending, UK6 2025-06-01 pending, UK7 2025-07-01 pending, "
      "UK11 - unknown" },
    /* Below-threshold: a contract details notice from £30,000. */
    { "quotation", "2025-06-01", "2026-05-31", 30000, "UK7 2025-07-01 pending" },
    { "quotation", "2025-06-01", "2026-05-31", 29999, "" },
    /* The Provider Selection Regime's own notices. */
    { "psr-direct-award-a", "2024-04-01", "2027-03-31", 2000000, "PSR-AWARD 2024-05-01 pending" },
    { "psr-direct-award-b", "2024-04-01", "2027-03-31", 2000000, "PSR-AWARD 2024-05-01 pending" },
    { "psr-direct-award-c", "2024-04-01", "2027-03-31", 2000000,
      "PSR-INTENTION 2024-04-01 pending, PSR-AWARD 2024-05-01 pending" },
    { "psr-most-suitable-provider", "2024-04-01", "2027-03-31", 2000000,
      "PSR-INTENTION 2024-04-01 pending, PSR-AWARD 2024-05-01 pending" },
    { "psr-competitive-process", "2024-04-01", "2027-03-31", 2000000,
      "PSR-INTENTION 2024-04-01 pending, PSR-AWARD 2024-05-01 pending" },
    { "provider-selection-regime", "2024-04-01", "2027-03-31", 2000000,
      "PSR-AWARD 2024-05-01 pending" },
    /* The 2015 regulations' notices are not followed; grants have none. */
    { "open", "2025-02-23", "2028-02-22", 900000, "" },
    { "psr-direct-award-c", "2023-12-31", "2026-12-30", 900000, "" },
    { "grant-scheme", "2025-06-01", "2026-05-31", 900000, "" },
  };
  const CmProcurementRules *rules = cm_procurement_rules_get ();
  GDate today = date_of ("2024-01-01");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start = date_of (cases[i].start);
      GDate end;
      CmNoticeFacts facts = {
        .route = route_of (cases[i].route),
        .total_value = cases[i].total_pounds * 100,
        .start = &start,
      };
      g_autoptr(GPtrArray) notices = NULL;
      g_autofree char *text = NULL;

      if (cases[i].end)
        {
          end = date_of (cases[i].end);
          facts.end = facts.latest_end = &end;
        }
      facts.regime = cm_procurement_regime_of (rules, facts.route, &start);
      notices = cm_required_notices_compute (rules, &facts, &today, 0);
      text = describe (notices);
      g_test_message ("%s from %s", cases[i].route, cases[i].start);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* ---- status ------------------------------------------------------------ */

static void
test_notice_status (void)
{
  static const struct {
    const char *today;
    const char *published_on;  /* NULL: nothing recorded */
    const char *identifier;
    const char *expected;      /* of UK7, due 2025-05-01 */
  } cases[] = {
    { "2025-04-01", NULL, NULL, "due-soon" },    /* within 30 days */
    { "2025-03-31", NULL, NULL, "pending" },
    { "2025-05-01", NULL, NULL, "due-soon" },    /* the day itself */
    { "2025-05-02", NULL, NULL, "overdue" },
    { "2026-01-01", "2025-04-20", "", "published" },
    { "2026-01-01", "2025-05-01", "", "published" },
    { "2026-01-01", "2025-05-02", "", "published-late" },
    { "2026-01-01", "", "2025/S 000-012345", "published" },
  };
  const CmProcurementRules *rules = cm_procurement_rules_get ();
  GDate start = date_of ("2025-04-01");
  GDate end = date_of ("2028-03-31");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today = date_of (cases[i].today);
      g_autoptr(GPtrArray) recorded = g_ptr_array_new_with_free_func (g_object_unref);
      CmNoticeFacts facts = {
        .regime = CM_PROCUREMENT_REGIME_PROCUREMENT_ACT_2023,
        .route = CM_PROCUREMENT_ROUTE_OPEN,
        .start = &start, .end = &end, .latest_end = &end,
        .recorded = recorded,
      };
      g_autoptr(GPtrArray) notices = NULL;
      const CmRequiredNotice *uk7 = NULL;

      if (cases[i].published_on)
        g_ptr_array_add (recorded, cm_contract_notice_new (1, "UK7", cases[i].published_on,
                                                           cases[i].identifier));
      notices = cm_required_notices_compute (rules, &facts, &today, 30);
      for (guint j = 0; j < notices->len; j++)
        if (g_str_equal (((CmRequiredNotice *) g_ptr_array_index (notices, j))->code, "UK7"))
          uk7 = g_ptr_array_index (notices, j);
      g_assert_nonnull (uk7);
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpstr (cm_notice_status_nick (uk7->status), ==, cases[i].expected);
    }
}

/* ---- change notices ---------------------------------------------------- */

static void
test_change_notice_rule (void)
{
  static const struct {
    const char *route;
    const char *began;
    CmVariationKind kind;
    gint64 value_change_pounds;
    const char *term_change;
    gboolean needed;
  } cases[] = {
    /* Procurement Act 2023 s. 75(2): 10% or less of value or term needs none. */
    { "open", "2025-04-01", CM_VARIATION_KIND_VALUE, 100000, "", FALSE },   /* 10% */
    { "open", "2025-04-01", CM_VARIATION_KIND_VALUE, 100001, "", TRUE },
    { "open", "2025-04-01", CM_VARIATION_KIND_VALUE, -150000, "", TRUE },   /* a cut of 15% */
    { "open", "2025-04-01", CM_VARIATION_KIND_VALUE, 0, "", TRUE },         /* size not recorded */
    { "open", "2025-04-01", CM_VARIATION_KIND_TERM, 0, "3 months", FALSE }, /* of 3 years */
    { "open", "2025-04-01", CM_VARIATION_KIND_TERM, 0, "6 months", TRUE },
    { "open", "2025-04-01", CM_VARIATION_KIND_TERM, 0, "", TRUE },
    { "open", "2025-04-01", CM_VARIATION_KIND_SCOPE, 0, "", TRUE },
    { "direct-award", "2025-04-01", CM_VARIATION_KIND_SCOPE, 0, "", TRUE },
    /* s. 75(6): light touch contracts need none. */
    { "light-touch", "2025-04-01", CM_VARIATION_KIND_SCOPE, 0, "", FALSE },
    /* Not under the Act: none followed. */
    { "open", "2025-02-23", CM_VARIATION_KIND_SCOPE, 0, "", FALSE },
    { "psr-direct-award-c", "2025-04-01", CM_VARIATION_KIND_SCOPE, 0, "", FALSE },
  };
  const CmProcurementRules *rules = cm_procurement_rules_get ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start = date_of (cases[i].began);
      GDate end = start;
      CmNoticeFacts facts = {
        .route = route_of (cases[i].route),
        .total_value = 100000000, /* £1,000,000 */
        .start = &start, .end = &end, .latest_end = &end,
      };
      g_autoptr(CmContractVariation) variation =
        cm_contract_variation_new (1, "2026-01-01", cases[i].kind, "Change", "Because");

      g_date_add_years (&end, 3);
      g_date_subtract_days (&end, 1);
      facts.regime = cm_procurement_regime_of (rules, facts.route, &start);
      g_object_set (variation, "value-change", cases[i].value_change_pounds * 100,
                    "term-change", cases[i].term_change, NULL);
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (cm_variation_needs_change_notice (rules, &facts, variation), ==,
                       cases[i].needed);
    }
}

/* ---- in a portfolio ---------------------------------------------------- */

typedef struct {
  CmStore *store;
  char *path;
  gint64 service_id;
  gint64 provider_id;
} Portfolio;

static void
portfolio_open (Portfolio *p, const char *name, CmOrganisationKind commissioner,
                const char *service_name)
{
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Leeds", commissioner);
  g_autoptr(CmService) service = cm_service_new (service_name);
  g_autoptr(CmProvider) provider = cm_provider_new ("Forward Leeds", CM_SECTOR_THIRD_SECTOR);

  p->store = cm_test_open_new (name, &p->path);
  cm_test_save (p->store, org);
  g_object_set (service, "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (org)), NULL);
  p->service_id = cm_test_save (p->store, service);
  p->provider_id = cm_test_save (p->store, provider);
}

static void
portfolio_close (Portfolio *p)
{
  g_clear_object (&p->store);
  g_free (p->path);
}

/* The store's own copy, with the names and kinds it works out. */
static CmContract *
add_contract (Portfolio *p, const char *reference, const char *route, const char *start,
              const char *end, const char *term)
{
  g_autoptr(CmContract) contract = cm_contract_new (reference, "Drug and alcohol service");
  gint64 id;

  g_object_set (contract, "service-id", p->service_id, "provider-id", p->provider_id,
                "route", route_of (route), "start-date", start, "end-date", end,
                "term", term, "notice-period", "6 months", "annual-value", (gint64) 100000000,
                "total-value", (gint64) 300000000, NULL);
  id = cm_test_save (p->store, contract);
  return g_object_ref (CM_CONTRACT (cm_store_find (p->store, CM_TYPE_CONTRACT, id)));
}

static char *
notices_of (Portfolio *p, CmContract *contract, const char *today_iso)
{
  GDate today = date_of (today_iso);
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  g_autoptr(GPtrArray) notices = cm_contract_required_notices (p->store, contract, &today,
                                                               &settings);

  return describe (notices);
}

/* Council-arranged public health services are health care services under
 * the Provider Selection Regime as much as the NHS's are. */
static void
test_psr_for_council_public_health (void)
{
  static const struct {
    CmOrganisationKind commissioner;
    const char *service;
  } cases[] = {
    { CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, "Drug and alcohol service" },
    { CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, "Sexual health service" },
    { CM_ORGANISATION_KIND_NHS_BODY, "Community mental health" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Portfolio p = { 0 };
      g_autoptr(CmContract) contract = NULL;
      g_autofree char *text = NULL;

      portfolio_open (&p, "psr.commissioner", cases[i].commissioner, cases[i].service);
      contract = add_contract (&p, "PH-1", "psr-direct-award-c", "2024-04-01", "2027-03-31", "3");
      g_assert_cmpint (cm_contract_get_commissioner_kind (contract), ==, cases[i].commissioner);
      g_assert_cmpint (cm_contract_procurement_regime (cm_procurement_rules_get (), contract), ==,
                       CM_PROCUREMENT_REGIME_PROVIDER_SELECTION);
      text = notices_of (&p, contract, "2024-06-01");
      g_assert_cmpstr (text, ==, "PSR-INTENTION 2024-04-01 overdue, PSR-AWARD 2024-05-01 overdue");
      portfolio_close (&p);
    }
}

static gboolean
has_deadline (GPtrArray *deadlines, CmContract *contract, const char *code, const char *date,
              CmDeadlineStatus status)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const CmDeadline *d = g_ptr_array_index (deadlines, i);
      g_autofree char *iso = cm_date_format_iso (&d->date);

      if (d->contract == contract && d->kind == CM_DEADLINE_KIND_PROCUREMENT_NOTICE &&
          g_strcmp0 (d->notice, code) == 0 && g_str_equal (iso, date) && d->status == status)
        return TRUE;
    }
  return FALSE;
}

/* Recorded notices leave the deadlines; those not recorded stay, overdue
 * once their day has passed, the termination notice of an ended contract
 * included. */
static void
test_overdue_notices_in_deadlines (void)
{
  Portfolio p = { 0 };
  g_autoptr(CmContract) ended = NULL;
  g_autoptr(CmContract) running = NULL;
  g_autoptr(CmContract) closed = NULL;
  g_autoptr(CmContractNotice) award = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  GDate today = date_of ("2026-06-10");
  guint skipped;
  static const struct {
    int contract;       /* 0: ended, 1: running, 2: decommissioned early */
    const char *code;
    const char *date;
    CmDeadlineStatus status;
    gboolean listed;
  } cases[] = {
    { 0, "UK11", "2026-06-04", CM_DEADLINE_OVERDUE, TRUE },
    { 0, "UK7", "2025-07-01", CM_DEADLINE_OVERDUE, TRUE },
    { 0, "UK6", "2025-06-01", CM_DEADLINE_OVERDUE, FALSE },  /* recorded */
    { 1, "UK6", "2026-04-01", CM_DEADLINE_OVERDUE, TRUE },
    { 1, "UK11", "2029-04-30", CM_DEADLINE_OK, TRUE },
    /* Ended by a decommission on 20 May 2026, not at its term's end. */
    { 2, "UK11", "2026-06-19", CM_DEADLINE_DUE_SOON, TRUE },
    { 2, "UK11", "2029-04-30", CM_DEADLINE_OK, FALSE },
  };
  CmContract *contracts[3];

  portfolio_open (&p, "deadlines.commissioner", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE,
                  "Sexual health service");
  ended = add_contract (&p, "PH-1", "open", "2025-06-01", "2026-05-05", "");
  running = add_contract (&p, "PH-2", "open", "2026-04-01", "2029-03-31", "3");
  closed = add_contract (&p, "PH-4", "open", "2026-04-01", "2029-03-31", "3");
  {
    g_autoptr(CmEntity) draft = cm_entity_copy (CM_ENTITY (closed));

    g_object_set (draft, "decommissioned-on", "2026-05-20", NULL);
    cm_test_save (p.store, draft);
  }
  contracts[0] = ended;
  contracts[1] = running;
  contracts[2] = closed;
  award = cm_contract_notice_new (cm_entity_get_id (CM_ENTITY (ended)), "UK6", "2025-05-20",
                                  "2025/S 000-001234");
  cm_test_save (p.store, award);

  deadlines = cm_deadlines_collect (cm_store_list (p.store, CM_TYPE_CONTRACT), &today, &settings,
                                    &skipped);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (has_deadline (deadlines, contracts[cases[i].contract], cases[i].code,
                                     cases[i].date, cases[i].status), ==, cases[i].listed);
    }
  portfolio_close (&p);
}

/* A variation is a record like any other: saved, edited and deleted
 * through the store, each change in the trail, and the trail still holds. */
static void
test_variation_is_audited (void)
{
  Portfolio p = { 0 };
  g_autoptr(CmContract) contract = NULL;
  g_autoptr(CmContractVariation) variation = NULL;
  g_autoptr(CmContractVariation) incomplete = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  gint64 rows = 0;
  gint64 id;

  portfolio_open (&p, "variations.commissioner", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE,
                  "Drug and alcohol service");
  contract = add_contract (&p, "PH-3", "open", "2025-04-01", "2028-03-31", "3");
  variation = cm_contract_variation_new (cm_entity_get_id (CM_ENTITY (contract)), "2026-02-01",
                                         CM_VARIATION_KIND_VALUE, "Adds a young people’s team",
                                         "Rising demand among under-25s");
  g_object_set (variation, "value-change", (gint64) 60000000, NULL);
  id = cm_test_save (p.store, variation);

  /* 20% of £3,000,000: a change notice is due on the day, and overdue after it. */
  text = notices_of (&p, contract, "2026-02-02");
  g_assert_true (g_str_has_suffix (text, "UK10 2026-02-01 overdue"));
  g_free (text);
  g_object_set (variation, "change-notice", "2026/S 000-004321", "change-notice-on", "2026-01-25",
                NULL);
  cm_test_save (p.store, variation);
  text = notices_of (&p, contract, "2026-02-02");
  g_assert_true (g_str_has_suffix (text, "UK10 2026-02-01 published"));

  /* Without a reason it is refused, and nothing is written. */
  incomplete = cm_contract_variation_new (cm_entity_get_id (CM_ENTITY (contract)), "2026-03-01",
                                          CM_VARIATION_KIND_SCOPE, "Adds outreach", "");
  g_assert_false (cm_store_save (p.store, CM_ENTITY (incomplete), &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);

  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'contract_variation'"
                         " AND entity_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (cm_test_query_int (p.path, sql), >=, 7);
  /* The change notice recorded later is an edit of its own in the trail. */
  g_assert_cmpint (cm_test_query_int (p.path, "SELECT count(*) FROM audit WHERE entity ="
                                              " 'contract_variation' AND field = 'change_notice'"
                                              " AND new_value = '2026/S 000-004321'"),
                   ==, 1);
  g_clear_error (&error);
  g_assert_true (cm_store_verify_audit (p.store, &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, >, 0);
  portfolio_close (&p);
}

/* A portfolio made before notices and variations opens, migrates, and
 * keeps its Provider Selection Regime contracts. */
static void
test_old_portfolio_migrates (void)
{
  g_autofree char *path = cm_test_temp_path ("old-routes.commissioner");
  sqlite3 *db = cm_test_create_old_portfolio (path, 16);
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CmContract *contract;
  CmProcurementRoute route;

  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO organisation VALUES (1, 'NHS Leeds', 'nhs-body');"
    "INSERT INTO service (id, name, area, client_group, lead_commissioner_id, stage, cycle)"
    "  VALUES (1, 'Community mental health', 'community-support', 'adults', 1, 'do', 1);"
    "INSERT INTO provider (id, name, sector, is_sme, is_vcse, annual_income)"
    "  VALUES (1, 'Leeds Mind', 'third-sector', 1, 1, 0);"
    "INSERT INTO contract (id, reference, title, service_id, provider_id, contract_type, route,"
    "  annual_value, total_value, start_date, end_date, term, notice_period,"
    "  extensions_invoked, notice_served)"
    "  VALUES (1, 'NHS-1', 'Crisis support', 1, 1, 'block', 'provider-selection-regime',"
    "  1000000, 3000000, '2024-04-01', '2027-03-31', '3', '6 months', 0, '');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_get_schema_version (store), >=, 19);
  contract = CM_CONTRACT (cm_store_find (store, CM_TYPE_CONTRACT, 1));
  g_assert_nonnull (contract);
  g_object_get (contract, "route", &route, NULL);
  g_assert_cmpint (route, ==, CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION_REGIME);
  g_assert_cmpuint (g_list_model_get_n_items (cm_store_list (store, CM_TYPE_CONTRACT_NOTICE)),
                    ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract_variation"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/procurement/regime-by-route-and-date", test_regime_by_route_and_date);
  g_test_add_func ("/procurement/regime-checks", test_regime_checks);
  g_test_add_func ("/procurement/rules-data", test_rules_data);
  g_test_add_func ("/procurement/old-route-nicks", test_old_route_nicks_still_read);
  g_test_add_func ("/procurement/notices-by-route", test_notices_by_route);
  g_test_add_func ("/procurement/notice-status", test_notice_status);
  g_test_add_func ("/procurement/change-notice-rule", test_change_notice_rule);
  g_test_add_func ("/procurement/psr-for-council-public-health",
                   test_psr_for_council_public_health);
  g_test_add_func ("/procurement/overdue-notices-in-deadlines", test_overdue_notices_in_deadlines);
  g_test_add_func ("/procurement/variation-is-audited", test_variation_is_audited);
  g_test_add_func ("/procurement/old-portfolio-migrates", test_old_portfolio_migrates);
  return g_test_run ();
}
