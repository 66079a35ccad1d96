/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-contract-dates.c: end, extension and notice dates, and their statuses */
#include <stdio.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-contract-flags.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-entity.h"
#include "cm-test-util.h"

typedef struct {
  const char *start;
  const char *term;
  guint invoked;
  const char *notice;
  gboolean third_sector;
  const char *current_end;
  const char *latest_end;
  const char *extension_decision; /* NULL when no extension is left */
  const char *latest_notice;
} DatesCase;

static const DatesCase date_cases[] = {
  /* DOMAIN.md's worked example: the Compact's 6 months beat the contract's 3. */
  { "2018-10-01", "5+5", 0, "3 months", TRUE, "2023-09-30", "2028-09-30", "2023-03-30", "2023-03-30" },
  /* The same contract with an independent provider: its own 3 months apply. */
  { "2018-10-01", "5+5", 0, "3 months", FALSE, "2023-09-30", "2028-09-30", "2023-03-30", "2023-06-30" },
  /* The extension taken: the term now runs to its latest end. */
  { "2018-10-01", "5+5", 1, "3 months", TRUE, "2028-09-30", "2028-09-30", NULL, "2028-03-30" },
  /* Seed 001 L1077: five years from 1 June 2016 end on 31 May 2021. */
  { "2016-06-01", "5 years", 0, "3 months", FALSE, "2021-05-31", "2021-05-31", NULL, "2021-02-28" },
  /* Seed 001 L1091: six-month interim contracts ending 31 October 2019. */
  { "2019-05-01", "6 months", 0, "1 month", FALSE, "2019-10-31", "2019-10-31", NULL, "2019-09-30" },
  /* 31 August minus 6 months is 29 February in a leap year ... */
  { "2021-09-01", "3 years", 0, "6 months", FALSE, "2024-08-31", "2024-08-31", NULL, "2024-02-29" },
  /* ... and 28 February otherwise. */
  { "2020-09-01", "3 years", 0, "6 months", FALSE, "2023-08-31", "2023-08-31", NULL, "2023-02-28" },
  /* 31 March minus 6 months is 30 September. */
  { "2020-04-01", "3 years", 0, "6 months", FALSE, "2023-03-31", "2023-03-31", NULL, "2022-09-30" },
  /* Seed 001 L1634: 3+1+1 from April 2019, one year taken. */
  { "2019-04-01", "3+1+1", 1, "3 months", TRUE, "2023-03-31", "2024-03-31", "2022-09-30", "2022-09-30" },
  { "2019-04-01", "3+1+1", 0, "3 months", TRUE, "2022-03-31", "2024-03-31", "2021-09-30", "2021-09-30" },
  { "2019-04-01", "3+1+1", 2, "3 months", TRUE, "2024-03-31", "2024-03-31", NULL, "2023-09-30" },
  /* Seed 001 L934: five years plus up to 24 months. */
  { "2019-04-01", "5 years plus up to 24 months", 0, "3 months", TRUE, "2024-03-31", "2026-03-31", "2023-09-30", "2023-09-30" },
  /* Seed 001 L1684: 3 years and 5 months from 1 November 2019. */
  { "2019-11-01", "3 years 5 months + up to 24 months", 0, "3 months", FALSE, "2023-03-31", "2025-03-31", "2022-09-30", "2022-12-31" },
  /* Notice longer than the Compact minimum wins for the third sector too;
   * the extension decision moves up to the latest notice date. */
  { "2020-01-01", "4+2", 0, "9 months", TRUE, "2023-12-31", "2025-12-31", "2023-03-31", "2023-03-31" },
  /* Notice in weeks counts days. */
  { "2020-01-01", "2 years", 0, "12 weeks", FALSE, "2021-12-31", "2021-12-31", NULL, "2021-10-08" },
  /* A leap-day start: the anniversary is 1 March, so the year ends on 28 February ... */
  { "2020-02-29", "1 year", 0, "1 month", FALSE, "2021-02-28", "2021-02-28", NULL, "2021-01-28" },
  /* ... and a year from 1 March 2019 ends on the leap day. */
  { "2019-03-01", "1 year", 0, "1 month", FALSE, "2020-02-29", "2020-02-29", NULL, "2020-01-29" },
  /* From 31 January, a month's anniversary is 1 March (no 31 February). */
  { "2023-01-31", "1 month", 0, "1 month", FALSE, "2023-02-28", "2023-02-28", NULL, "2023-01-28" },
};

static void
parse_date (const char *text, GDate *date)
{
  unsigned y, m, d;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static void
assert_date (const GDate *date, const char *expected, const char *what, const char *term)
{
  char buf[16] = "(none)";

  if (g_date_valid (date))
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  if (g_strcmp0 (buf, expected ? expected : "(none)") != 0)
    g_error ("%s of “%s”: got %s, expected %s", what, term, buf, expected ? expected : "(none)");
}

static void
compute (const DatesCase *c, const char *today_text, const char *served_text,
         CmContractDates *dates)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTerm) term = cm_term_parse (c->term, &error);
  CmPeriod notice;
  GDate start, today, served;
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  CmContractFacts facts = { &start, NULL, &notice, c->third_sector, NULL };

  g_assert_no_error (error);
  g_assert_true (cm_period_parse (c->notice, &notice, &error));
  g_assert_no_error (error);
  cm_term_set_invoked (term, c->invoked);
  parse_date (c->start, &start);
  parse_date (today_text, &today);
  if (served_text)
    {
      parse_date (served_text, &served);
      facts.notice_served = &served;
    }
  facts.term = term;
  cm_contract_dates_compute (&facts, &today, &settings, dates);
}

static void
test_dates_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DatesCase *c = &date_cases[i];
      CmContractDates dates;

      compute (c, "2000-01-01", NULL, &dates);
      assert_date (&dates.current_end, c->current_end, "current end", c->term);
      assert_date (&dates.latest_end, c->latest_end, "latest end", c->term);
      assert_date (&dates.extension_decision, c->extension_decision, "extension decision", c->term);
      assert_date (&dates.latest_notice, c->latest_notice, "latest notice", c->term);
    }
}

typedef struct {
  const char *today;
  const char *served;
  CmDeadlineStatus notice_status;
} StatusCase;

/* The worked example's latest notice date is 30 March 2023; due soon is
 * 90 days by default. */
static const StatusCase status_cases[] = {
  { "2022-12-29", NULL, CM_DEADLINE_OK },          /* 91 days ahead */
  { "2022-12-30", NULL, CM_DEADLINE_DUE_SOON },    /* 90 days ahead */
  { "2023-03-30", NULL, CM_DEADLINE_DUE_SOON },    /* the last day */
  { "2023-03-31", NULL, CM_DEADLINE_OVERDUE },
  { "2024-01-01", NULL, CM_DEADLINE_OVERDUE },
  { "2023-04-02", "2023-03-30", CM_DEADLINE_OK },  /* served on the last day */
  { "2022-06-01", "2022-05-01", CM_DEADLINE_OK },
  { "2023-04-02", "2023-03-31", CM_DEADLINE_BREACHED },
  { "2023-09-01", "2023-07-01", CM_DEADLINE_BREACHED },
};

static void
test_notice_status (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      CmContractDates dates;

      compute (&date_cases[0], status_cases[i].today, status_cases[i].served, &dates);
      g_assert_cmpstr (cm_deadline_status_nick (dates.notice_status), ==,
                       cm_deadline_status_nick (status_cases[i].notice_status));
    }
}

/* Before notice is served, the earliest end it allows: the longer of the
 * contract's notice and, for the third sector, the Compact's six months. */
static void
test_notice_end (void)
{
  static const struct {
    gsize case_index;
    const char *today;
    const char *end;
  } cases[] = {
    { 0, "2026-11-22", "2027-05-22" },  /* third sector: 6 months beat 3 */
    { 1, "2026-11-22", "2027-02-22" },  /* independent: its own 3 months */
    { 13, "2026-11-22", "2027-08-22" }, /* 9 months' notice beats the Compact */
    { 14, "2026-11-22", "2027-02-14" }, /* 12 weeks */
    { 0, "2026-08-31", "2027-02-28" },  /* month ends clamp */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CmContractDates dates;

      compute (&date_cases[cases[i].case_index], cases[i].today, NULL, &dates);
      assert_date (&dates.notice_end, cases[i].end, "earliest end by notice",
                   date_cases[cases[i].case_index].term);
    }
}

static void
test_end_and_extension_status (void)
{
  CmContractDates dates;

  compute (&date_cases[0], "2023-01-15", NULL, &dates);
  g_assert_cmpint (dates.extension_status, ==, CM_DEADLINE_DUE_SOON);
  g_assert_cmpint (dates.end_status, ==, CM_DEADLINE_OK);

  compute (&date_cases[0], "2023-09-30", NULL, &dates);
  g_assert_cmpint (dates.extension_status, ==, CM_DEADLINE_OVERDUE);
  g_assert_cmpint (dates.end_status, ==, CM_DEADLINE_DUE_SOON);

  compute (&date_cases[0], "2023-10-01", NULL, &dates);
  g_assert_cmpint (dates.end_status, ==, CM_DEADLINE_OVERDUE);

  /* No extension left: nothing to decide, never overdue. */
  compute (&date_cases[2], "2030-01-01", NULL, &dates);
  g_assert_false (g_date_valid (&dates.extension_decision));
  g_assert_cmpint (dates.extension_status, ==, CM_DEADLINE_OK);
}

static void
test_settings_change_the_rules (void)
{
  g_autoptr(CmTerm) term = cm_term_parse ("5+5", NULL);
  CmPeriod notice = { 3, 0 };
  GDate start, today, expected;
  CmContractFacts facts = { &start, term, &notice, TRUE, NULL };
  CmDeadlineSettings national = { 3, 3, 30 }; /* a three-month Compact */
  CmContractDates dates;

  g_date_clear (&start, 1);
  g_date_clear (&today, 1);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&start, 1, G_DATE_OCTOBER, 2018);
  g_date_set_dmy (&today, 1, G_DATE_MAY, 2023);
  cm_contract_dates_compute (&facts, &today, &national, &dates);

  g_date_set_dmy (&expected, 30, G_DATE_JUNE, 2023);
  g_assert_cmpint (g_date_compare (&dates.latest_notice, &expected), ==, 0);
  g_assert_cmpint (g_date_compare (&dates.extension_decision, &expected), ==, 0);
  g_assert_cmpint (dates.notice_status, ==, CM_DEADLINE_OK); /* 60 days ahead, window 30 */
}

/* Extensions chain: each starts the day after the period before it ends
 * and is counted from its own start (DOMAIN.md, "Extensions chain"). */
static void
test_extensions_chain (void)
{
  static const struct {
    const char *start;
    const char *term;
    guint invoked;
    const char *current_end;
    const char *latest_end;
  } cases[] = {
    /* DOMAIN.md: 31 March to 30 September 2024, then 1 October 2024 to
     * 31 March 2025, not 30 March (twelve months from the first start). */
    { "2024-03-31", "6 months + 6 months", 1, "2025-03-31", "2025-03-31" },
    { "2024-03-31", "6 months + 6 months", 0, "2024-09-30", "2025-03-31" },
    /* 31 January: February's end, then all of March. */
    { "2023-01-31", "1 month + 1 month", 1, "2023-03-31", "2023-03-31" },
    { "2023-01-31", "1 month + 1 month + 1 month", 0, "2023-02-28", "2023-04-30" },
    /* A leap day: each year ends on 28 February. */
    { "2020-02-29", "1 year + 1 year", 1, "2022-02-28", "2022-02-28" },
    /* Seed 001 L1684: 3 years 5 months from 1 November 2019, then 24 months. */
    { "2019-11-01", "3 years 5 months + up to 24 months", 1, "2025-03-31", "2025-03-31" },
    { "2019-08-31", "6 months + 6 months + 6 months", 2, "2021-02-28", "2021-02-28" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmTerm) term = cm_term_parse (cases[i].term, NULL);
      CmPeriod notice = { 1, 0 };
      GDate start, today;
      CmContractFacts facts = { &start, term, &notice, FALSE, NULL };
      CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
      CmContractDates dates;

      g_assert_nonnull (term);
      cm_term_set_invoked (term, cases[i].invoked);
      parse_date (cases[i].start, &start);
      parse_date ("2000-01-01", &today);
      g_assert_true (cm_contract_dates_compute (&facts, &today, &settings, &dates));
      assert_date (&dates.current_end, cases[i].current_end, "current end", cases[i].term);
      assert_date (&dates.latest_end, cases[i].latest_end, "latest end", cases[i].term);
    }
}

/* Registers' other shapes: an end date without a term, an end date that
 * disagrees with the term, no notice period, notice served of either
 * kind. NULL texts are not recorded. */
typedef struct {
  const char *what;
  const char *start;
  const char *term;
  guint invoked;
  const char *recorded_end;
  const char *notice;
  gboolean third_sector;
  const char *served;
  CmNoticeKind kind;
  /* expected; NULL current_end means no dates at all */
  const char *current_end;
  const char *latest_end;
  const char *extension_decision;
  const char *latest_notice;
  const char *notice_status; /* on 2022-01-01 */
  gboolean end_disagrees;
  gboolean ended_early;
} ShapeCase;

static const ShapeCase shape_cases[] = {
  { "start and end, no term", "2022-04-01", NULL, 0, "2025-03-31", "3 months", FALSE, NULL, 0,
    "2025-03-31", "2025-03-31", NULL, "2024-12-31", "ok", FALSE, FALSE },
  { "end only", NULL, NULL, 0, "2025-03-31", "3 months", TRUE, NULL, 0,
    "2025-03-31", "2025-03-31", NULL, "2024-09-30", "ok", FALSE, FALSE },
  { "end and an option to extend", "2022-04-01", "option to extend by 12 months", 0,
    "2025-03-31", "3 months", FALSE, NULL, 0,
    "2025-03-31", "2026-03-31", "2024-09-30", "2024-12-31", "ok", FALSE, FALSE },
  { "nothing to count from", "2022-04-01", NULL, 0, NULL, "3 months", FALSE, NULL, 0,
    NULL, NULL, NULL, NULL, NULL, FALSE, FALSE },
  { "an option but no end", "2022-04-01", "option to extend by 12 months", 0, NULL, "3 months",
    FALSE, NULL, 0, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE },
  /* The end date as signed wins over start + term, and the disagreement
   * is kept; the extensions left chain from it. */
  { "end disagrees with the term", "2018-10-01", "5+5", 0, "2023-12-31", "3 months", FALSE, NULL,
    0, "2023-12-31", "2028-12-31", "2023-06-30", "2023-09-30", "ok", TRUE, FALSE },
  { "end agrees with the term", "2018-10-01", "5+5", 0, "2023-09-30", "3 months", FALSE, NULL, 0,
    "2023-09-30", "2028-09-30", "2023-03-30", "2023-06-30", "ok", FALSE, FALSE },
  { "end agrees with an extension taken", "2018-10-01", "5+5", 1, "2028-09-30", "3 months",
    FALSE, NULL, 0, "2028-09-30", "2028-09-30", NULL, "2028-06-30", "ok", FALSE, FALSE },
  /* No notice period recorded is unknown, not zero; the decision falls
   * back to the lead time alone. */
  { "notice unknown", "2018-10-01", "5+5", 0, NULL, NULL, TRUE, NULL, 0,
    "2023-09-30", "2028-09-30", "2023-03-30", NULL, "unknown", FALSE, FALSE },
  { "notice unknown, served", "2018-10-01", "5+5", 0, NULL, NULL, TRUE, "2021-06-01", 0,
    "2023-09-30", "2028-09-30", NULL, NULL, "unknown", FALSE, FALSE },
  /* The decision is due by the latest notice date when that is earlier. */
  { "long notice moves the decision", "2018-10-01", "5+5", 0, NULL, "12 months", FALSE, NULL, 0,
    "2023-09-30", "2028-09-30", "2022-09-30", "2022-09-30", "ok", FALSE, FALSE },
  { "Compact moves the decision", "2018-10-01", "5+5", 0, NULL, "3 months", TRUE, NULL, 0,
    "2023-09-30", "2028-09-30", "2023-03-30", "2023-03-30", "ok", FALSE, FALSE },
  /* Notice not to extend (also what unspecified notice means): no
   * decision pending, the contract runs to its current end. */
  { "notice not to extend", "2018-10-01", "5+5", 0, NULL, "3 months", FALSE, "2021-06-01",
    CM_NOTICE_KIND_NOT_TO_EXTEND,
    "2023-09-30", "2028-09-30", NULL, "2023-06-30", "ok", FALSE, FALSE },
  /* Early termination ends at the served date plus the longer notice. */
  { "early termination", "2018-10-01", "5+5", 0, NULL, "3 months", FALSE, "2021-01-15",
    CM_NOTICE_KIND_EARLY_TERMINATION,
    "2021-04-15", "2021-04-15", NULL, "2023-06-30", "ok", FALSE, TRUE },
  { "early termination, Compact", "2018-10-01", "5+5", 0, NULL, "3 months", TRUE, "2021-01-15",
    CM_NOTICE_KIND_EARLY_TERMINATION,
    "2021-07-15", "2021-07-15", NULL, "2023-03-30", "ok", FALSE, TRUE },
  { "early termination after the end", "2018-10-01", "5+5", 0, NULL, "3 months", FALSE,
    "2023-08-01", CM_NOTICE_KIND_EARLY_TERMINATION,
    "2023-09-30", "2028-09-30", NULL, "2023-06-30", "breached", FALSE, FALSE },
};

static gboolean
parse_optional (const char *text, GDate *date)
{
  if (text)
    parse_date (text, date);
  return text != NULL;
}

static void
test_register_shapes (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (shape_cases); i++)
    {
      const ShapeCase *c = &shape_cases[i];
      g_autoptr(CmTerm) term = c->term ? cm_term_parse (c->term, NULL) : NULL;
      CmPeriod notice;
      GDate start, end, served, today;
      CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
      CmContractFacts facts = { NULL, term, NULL, c->third_sector, NULL, NULL, c->kind };
      CmContractDates dates;
      gboolean computed;

      g_test_message ("%s", c->what);
      if (c->term)
        {
          g_assert_nonnull (term);
          cm_term_set_invoked (term, c->invoked);
        }
      if (parse_optional (c->start, &start))
        facts.start = &start;
      if (parse_optional (c->recorded_end, &end))
        facts.recorded_end = &end;
      if (parse_optional (c->served, &served))
        facts.notice_served = &served;
      if (c->notice)
        {
          g_assert_true (cm_period_parse (c->notice, &notice, NULL));
          facts.notice = &notice;
        }
      parse_date ("2022-01-01", &today);
      computed = cm_contract_dates_compute (&facts, &today, &settings, &dates);
      g_assert_cmpint (computed, ==, c->current_end != NULL);
      if (!computed)
        continue;
      assert_date (&dates.current_end, c->current_end, "current end", c->what);
      assert_date (&dates.latest_end, c->latest_end, "latest end", c->what);
      assert_date (&dates.extension_decision, c->extension_decision, "extension decision", c->what);
      assert_date (&dates.latest_notice, c->latest_notice, "latest notice", c->what);
      g_assert_cmpstr (cm_deadline_status_nick (dates.notice_status), ==, c->notice_status);
      g_assert_cmpint (dates.end_disagrees, ==, c->end_disagrees);
      g_assert_cmpint (dates.ended_early, ==, c->ended_early);
    }
}

static CmContract *
valid_contract (const char *term, const char *notice)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", "T-1", "title", "Test", "service-id",
                       (gint64) 1, "provider-id", (gint64) 1, "start-date", "2019-04-01",
                       "term", term, "notice-period", notice, NULL);
}

/* What --deadlines and the Deadlines page list for one contract, as
 * "kind:status" rows in order; a row without a date shows "-". */
static char *
listed (CmContract *contract, const char *today_text)
{
  g_autoptr(GListStore) contracts = g_list_store_new (CM_TYPE_CONTRACT);
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  GDate today;
  guint skipped;

  parse_date (today_text, &today);
  g_list_store_append (contracts, contract);
  deadlines = cm_deadlines_collect (G_LIST_MODEL (contracts), &today, &settings, &skipped);
  if (skipped)
    return g_strdup ("skipped");
  for (guint i = 0; i < deadlines->len; i++)
    {
      const CmDeadline *d = g_ptr_array_index (deadlines, i);

      g_string_append_printf (out, "%s%s:%s%s", i ? "," : "", cm_deadline_kind_nick (d->kind),
                              cm_deadline_status_nick (d->status),
                              g_date_valid (&d->date) ? "" : ":-");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Ended but not closed stays listed as an overdue end until an outcome is
 * recorded or the contract is decommissioned; an unknown notice period is
 * listed with no date. On 1 January 2026. */
static void
test_deadlines_listed (void)
{
  static const struct {
    const char *what;
    const char *start, *end, *term, *notice, *served;
    CmNoticeKind kind;
    CmContractOutcome outcome;
    const char *decommissioned_on;
    const char *rows;
  } cases[] = {
    { "ended, nothing recorded", "2022-04-01", "2025-03-31", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_NONE, "", "end:overdue" },
    { "ended, re-let", "2022-04-01", "2025-03-31", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_RELET, "", "" },
    { "ended, by expiry", "2022-04-01", "2025-03-31", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_ENDED_BY_EXPIRY, "", "" },
    { "ended, extended", "2022-04-01", "2025-03-31", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_EXTENDED, "", "" },
    { "ended, decommissioned", "2022-04-01", "2025-03-31", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_NONE, "2025-03-31", "" },
    { "ended, from its term alone", "2019-04-01", "", "5 years", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_NONE, "", "end:overdue" },
    { "running, no term", "2024-04-01", "2028-03-31", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_NONE, "", "notice:ok,end:ok" },
    { "running, notice unknown", "2024-04-01", "2028-03-31", "", "", "", 0,
      CM_CONTRACT_OUTCOME_NONE, "", "notice:unknown:-,end:ok" },
    { "running, option left", "2024-04-01", "2026-09-30", "option to extend by 12 months",
      "3 months", "", 0, CM_CONTRACT_OUTCOME_NONE, "",
      "extension-decision:due-soon,notice:ok,end:ok" },
    { "running, notice not to extend served", "2024-04-01", "2026-09-30",
      "option to extend by 12 months", "3 months", "2025-12-01", CM_NOTICE_KIND_NOT_TO_EXTEND,
      CM_CONTRACT_OUTCOME_NONE, "", "notice:ok,end:ok" },
    { "ended early by notice", "2024-04-01", "2028-03-31", "", "3 months", "2025-06-01",
      CM_NOTICE_KIND_EARLY_TERMINATION, CM_CONTRACT_OUTCOME_NONE, "", "end:overdue" },
    { "nothing to count from", "2024-04-01", "", "", "3 months", "", 0,
      CM_CONTRACT_OUTCOME_NONE, "", "skipped" },
    { "decommissioned before its end", "2024-04-01", "2028-03-31",
      "option to extend by 12 months", "3 months", "", 0, CM_CONTRACT_OUTCOME_NONE,
      "2025-11-30", "" },
    { "decommissioned, ending on a day to come", "2024-04-01", "2028-03-31",
      "option to extend by 12 months", "3 months", "", 0, CM_CONTRACT_OUTCOME_NONE,
      "2026-02-28", "end:due-soon" },
    { "decommissioned to end on its own end", "2024-04-01", "2026-09-30",
      "option to extend by 12 months", "3 months", "", 0, CM_CONTRACT_OUTCOME_NONE,
      "2026-09-30", "end:ok" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract =
        g_object_new (CM_TYPE_CONTRACT, "reference", "T-1", "title", "Test",
                      "start-date", cases[i].start, "end-date", cases[i].end,
                      "term", cases[i].term, "notice-period", cases[i].notice,
                      "notice-served", cases[i].served, "notice-kind", cases[i].kind,
                      "outcome", cases[i].outcome,
                      "decommissioned-on", cases[i].decommissioned_on,
                      "provider-sector", CM_SECTOR_INDEPENDENT, NULL);
      g_autofree char *rows = listed (contract, "2026-01-01");

      g_test_message ("%s: %s", cases[i].what, rows);
      g_assert_cmpstr (rows, ==, cases[i].rows);
    }
}

/* The Compact applies when the VCSE flag says yes or, where it does not,
 * when the sector is third sector; a yes against another sector is
 * followed and flagged. */
static void
test_compact_applies (void)
{
  static const struct {
    CmSector sector;
    gboolean vcse;
    gboolean applies;
    gboolean disagrees;
  } cases[] = {
    { CM_SECTOR_THIRD_SECTOR, FALSE, TRUE, FALSE },
    { CM_SECTOR_THIRD_SECTOR, TRUE, TRUE, FALSE },
    { CM_SECTOR_INDEPENDENT, TRUE, TRUE, TRUE },
    { CM_SECTOR_NHS, TRUE, TRUE, TRUE },
    { CM_SECTOR_IN_HOUSE, TRUE, TRUE, TRUE },
    { CM_SECTOR_INDEPENDENT, FALSE, FALSE, FALSE },
    { CM_SECTOR_OTHER, TRUE, TRUE, FALSE }, /* "Other: charity" may well be VCSE */
    { CM_SECTOR_OTHER, FALSE, FALSE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract =
        g_object_new (CM_TYPE_CONTRACT, "provider-sector", cases[i].sector,
                      "provider-is-vcse", cases[i].vcse, "start-date", "2018-10-01",
                      "term", "5+5", "notice-period", "3 months", NULL);
      CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
      CmContractDates dates;
      gboolean disagrees = !cases[i].disagrees;
      GDate today;

      g_assert_cmpint (cm_contract_compact_applies (contract, &disagrees), ==, cases[i].applies);
      g_assert_cmpint (disagrees, ==, cases[i].disagrees);
      /* The dates follow: six months' notice under the Compact, else three. */
      parse_date ("2020-01-01", &today);
      g_assert_true (cm_contract_compute_dates (contract, &today, &settings, &dates));
      assert_date (&dates.latest_notice, cases[i].applies ? "2023-03-30" : "2023-06-30",
                   "latest notice", "5+5");
    }
}

/* What the contract page flags, on 1 January 2026: each flag's kind, and
 * words its text must hold (both dates where two disagree). */
static void
test_contract_flags (void)
{
  static const struct {
    const char *what;
    const char *start, *end, *term, *notice;
    CmSector sector;
    gboolean vcse;
    CmContractOutcome outcome;
    const char *flags;  /* kinds, in order: e(nded) n(otice) d(ates) v(cse) */
    const char *words;  /* in the texts, or NULL */
  } cases[] = {
    { "nothing to flag", "2024-04-01", "2028-03-31", "", "3 months",
      CM_SECTOR_INDEPENDENT, FALSE, CM_CONTRACT_OUTCOME_NONE, "", NULL },
    { "ended, not closed", "2020-04-01", "2025-03-31", "", "3 months",
      CM_SECTOR_INDEPENDENT, FALSE, CM_CONTRACT_OUTCOME_NONE, "e", "ended on 31 March 2025" },
    { "ended and re-let", "2020-04-01", "2025-03-31", "", "3 months",
      CM_SECTOR_INDEPENDENT, FALSE, CM_CONTRACT_OUTCOME_RELET, "", NULL },
    { "no notice period", "2024-04-01", "2028-03-31", "", "",
      CM_SECTOR_INDEPENDENT, FALSE, CM_CONTRACT_OUTCOME_NONE, "n", "not recorded" },
    { "end date and term disagree", "2024-04-01", "2028-06-30", "3+1", "3 months",
      CM_SECTOR_INDEPENDENT, FALSE, CM_CONTRACT_OUTCOME_NONE, "d",
      "recorded is 30 June 2028, but the start date and term give 31 March 2027" },
    { "end date and term agree", "2024-04-01", "2027-03-31", "3+1", "3 months",
      CM_SECTOR_INDEPENDENT, FALSE, CM_CONTRACT_OUTCOME_NONE, "", NULL },
    { "VCSE but independent", "2024-04-01", "2028-03-31", "", "3 months",
      CM_SECTOR_INDEPENDENT, TRUE, CM_CONTRACT_OUTCOME_NONE, "v", "Independent sector" },
    { "VCSE and third sector", "2024-04-01", "2028-03-31", "", "3 months",
      CM_SECTOR_THIRD_SECTOR, TRUE, CM_CONTRACT_OUTCOME_NONE, "", NULL },
    { "everything at once", "2020-04-01", "2025-06-30", "3+1", "",
      CM_SECTOR_NHS, TRUE, CM_CONTRACT_OUTCOME_NONE, "endv", "give 31 March 2023" },
  };
  static const char letters[] = { [CM_CONTRACT_FLAG_ENDED_NOT_CLOSED] = 'e',
                                  [CM_CONTRACT_FLAG_NOTICE_UNKNOWN] = 'n',
                                  [CM_CONTRACT_FLAG_END_DISAGREES] = 'd',
                                  [CM_CONTRACT_FLAG_VCSE_DISAGREES] = 'v' };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract =
        g_object_new (CM_TYPE_CONTRACT, "reference", "T-1", "title", "Test",
                      "provider-name", "Alpha Care", "start-date", cases[i].start,
                      "end-date", cases[i].end, "term", cases[i].term,
                      "notice-period", cases[i].notice, "provider-sector", cases[i].sector,
                      "provider-is-vcse", cases[i].vcse, "outcome", cases[i].outcome, NULL);
      CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autoptr(GString) texts = g_string_new (NULL);
      g_autoptr(GPtrArray) flags = NULL;
      CmContractDates dates;
      GDate today;

      g_test_message ("%s", cases[i].what);
      parse_date ("2026-01-01", &today);
      g_assert_true (cm_contract_compute_dates (contract, &today, &settings, &dates));
      flags = cm_contract_flags (contract, &dates, &today);
      for (guint f = 0; f < flags->len; f++)
        {
          const CmContractFlag *flag = g_ptr_array_index (flags, f);

          g_string_append_c (kinds, letters[flag->kind]);
          g_string_append_printf (texts, "%s\n", flag->text);
        }
      g_assert_cmpstr (kinds->str, ==, cases[i].flags);
      if (cases[i].words && !strstr (texts->str, cases[i].words))
        g_error ("%s: “%s” not in %s", cases[i].what, cases[i].words, texts->str);
    }
}

/* Taking an extension moves a recorded end date by that extension,
 * counted from the day after the old end. */
static void
test_invoke_extension_moves_the_end (void)
{
  static const struct {
    const char *term;
    const char *end;
    const char *moved;
  } cases[] = {
    { "6 months + 6 months", "2024-09-30", "2025-03-31" },
    { "3+1+1", "2022-03-31", "2023-03-31" },
    { "option to extend by 12 months", "2025-03-31", "2026-03-31" },
    { "3+1+1", "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract = valid_contract (cases[i].term, "3 months");
      g_autoptr(GError) error = NULL;

      g_object_set (contract, "end-date", cases[i].end, NULL);
      g_assert_true (cm_contract_invoke_extension (contract, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (cm_contract_get_end_date (contract), ==, cases[i].moved);
    }
}

static void
test_invoke_extension (void)
{
  g_autoptr(CmContract) contract = valid_contract ("3+1+1", "3 months");
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_contract_invoke_extension (contract, &error));
  g_assert_true (cm_contract_invoke_extension (contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_contract_get_extensions_invoked (contract), ==, 2);
  g_assert_false (cm_contract_invoke_extension (contract, &error));
  g_assert_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID);
  g_assert_cmpint (cm_contract_get_extensions_invoked (contract), ==, 2);
}

static void
test_record_notice (void)
{
  g_autoptr(CmContract) contract = valid_contract ("5+5", "3 months");
  g_autoptr(GDate) served = g_date_new_dmy (30, G_DATE_MARCH, 2023);

  cm_contract_record_notice_served (contract, served);
  g_assert_cmpstr (cm_contract_get_notice_served (contract), ==, "2023-03-30");
}

/* A contract whose term, notice or extensions cannot be read is refused
 * before it reaches the file. */
static void
test_validation (void)
{
  static const struct {
    const char *term;
    const char *notice;
    int invoked;
    gboolean valid;
  } cases[] = {
    { "3+1+1", "3 months", 0, TRUE },
    { "3+1+1", "3 months", 2, TRUE },
    { "3+1+1", "3 months", 3, FALSE },
    { "3++2", "3 months", 0, FALSE },
    { "3+2", "3", 0, FALSE },
    { "3+2", "soon", 0, FALSE },
    { "", "", 0, TRUE },
    { "", "", 1, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmContract) contract = valid_contract (cases[i].term, cases[i].notice);
      g_autoptr(GError) error = NULL;

      g_object_set (contract, "extensions-invoked", cases[i].invoked, NULL);
      g_assert_cmpint (cm_entity_validate (CM_ENTITY (contract), &error), ==, cases[i].valid);
      if (!cases[i].valid)
        g_assert_nonnull (error);
    }
}

/* The rules live in the portfolio, so every user of it counts alike, and
 * changing them is audited. */
static void
test_settings_are_kept_in_the_portfolio (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("rules.commissioner", &path);
  g_autoptr(CmStore) again = NULL;
  g_autoptr(GError) error = NULL;
  CmDeadlineSettings settings, national = { 4, 3, 30 };

  cm_deadline_settings_load (store, &settings);
  g_assert_cmpint (settings.compact_minimum_months, ==, 6);
  g_assert_cmpint (settings.extension_lead_months, ==, 6);
  g_assert_cmpint (settings.due_soon_days, ==, 90);

  g_assert_true (cm_deadline_settings_save (store, &national, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  cm_deadline_settings_load (again, &settings);
  g_assert_cmpint (settings.extension_lead_months, ==, 4);
  g_assert_cmpint (settings.compact_minimum_months, ==, 3);
  g_assert_cmpint (settings.due_soon_days, ==, 30);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'meta'"
                                            " AND field = 'compact_minimum_months'"
                                            " AND old_value IS NULL AND new_value = '3'"), ==, 1);

  /* Out of range: refused, and nothing changes. */
  national.due_soon_days = 0;
  g_assert_false (cm_deadline_settings_save (again, &national, &error));
  g_assert_nonnull (error);
  cm_deadline_settings_load (again, &settings);
  g_assert_cmpint (settings.due_soon_days, ==, 30);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/contract-dates/table", test_dates_table);
  g_test_add_func ("/contract-dates/notice-end", test_notice_end);
  g_test_add_func ("/contract-dates/extensions-chain", test_extensions_chain);
  g_test_add_func ("/contract-dates/register-shapes", test_register_shapes);
  g_test_add_func ("/contract-dates/notice-status", test_notice_status);
  g_test_add_func ("/contract-dates/end-and-extension-status", test_end_and_extension_status);
  g_test_add_func ("/contract-dates/settings", test_settings_change_the_rules);
  g_test_add_func ("/contract/invoke-extension", test_invoke_extension);
  g_test_add_func ("/contract/invoke-extension-moves-the-end", test_invoke_extension_moves_the_end);
  g_test_add_func ("/contract-dates/deadlines-listed", test_deadlines_listed);
  g_test_add_func ("/contract-dates/compact-applies", test_compact_applies);
  g_test_add_func ("/contract-dates/flags", test_contract_flags);
  g_test_add_func ("/contract/record-notice", test_record_notice);
  g_test_add_func ("/contract/validation", test_validation);
  g_test_add_func ("/contract-dates/settings-in-portfolio", test_settings_are_kept_in_the_portfolio);
  return g_test_run ();
}
