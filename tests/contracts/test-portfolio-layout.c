/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-portfolio-layout.c: the portfolio timeline's groups, window, bands and visible rows */
#include <locale.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-portfolio-layout.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"
#include "cm-test-util.h"

#define TODAY "2026-11-22"

typedef struct {
  const char *reference;
  const char *start;
  const char *end;
  const char *commissioner;   /* NULL for none */
} Contract;

/* Saved in a real portfolio, then dated by the deadlines as the page has them. */
static const Contract contracts[] = {
  { "C-1", "2024-04-01", "2027-03-31", "Leeds City Council" },
  { "C-2", "2025-04-01", "2026-12-31", "Leeds City Council" },
  { "C-3", "2023-01-01", "2028-06-30", "airedale partnership" },
  { "C-4", "2027-04-01", "2029-03-31", NULL },                 /* starts later */
  { "C-5", "2020-01-01", "2026-11-22", "Leeds City Council" },  /* ends today */
  { "C-6", "2019-01-01", "2025-03-31", "Leeds City Council" },  /* ended, not closed */
  { "C-7", "2026-01-01", "2031-11-21", "Bradford" },            /* the window's last day */
  { "C-8", "2026-01-01", "2031-11-22", "Bradford" },            /* a day past the window */
  { "C-9", "2026-01-01", "2028-02-01", "Leeds City Council" },
};

typedef struct {
  char *path;
  CmStore *store;
  GDate today;
  CmPortfolioLayout *layout;
  guint n_added;
} Fixture;

static const char *
commissioner_of (CmContract *contract)
{
  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    if (g_str_equal (contracts[i].reference, cm_contract_get_reference (contract)))
      return contracts[i].commissioner;
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  CmDeadlineSettings settings;
  g_autoptr(GPtrArray) deadlines = NULL;
  guint n_skipped;
  g_autoptr(CmOrganisation) leeds = cm_organisation_new ("Leeds",
                                                          CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Carers support");
  gint64 provider_id;

  f->store = cm_test_open_new ("portfolio-layout", &f->path);
  cm_test_save (f->store, leeds);
  g_object_set (service, "lead-commissioner-id", cm_entity_get_id (CM_ENTITY (leeds)), NULL);
  cm_test_save (f->store, service);
  provider_id = cm_test_save_new (f->store, cm_provider_new ("Forward Leeds",
                                                             CM_SECTOR_THIRD_SECTOR));
  g_assert_true (cm_date_parse_iso (TODAY, &f->today));
  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      CmContract *contract = cm_contract_new (contracts[i].reference, "Support");

      g_object_set (contract, "service-id", cm_entity_get_id (CM_ENTITY (service)),
                    "provider-id", provider_id, "start-date", contracts[i].start,
                    "end-date", contracts[i].end, NULL);
      cm_test_save_new (f->store, contract);
    }
  cm_deadline_settings_load (f->store, &settings);
  deadlines = cm_deadlines_collect (cm_store_list (f->store, CM_TYPE_CONTRACT), &f->today,
                                    &settings, &n_skipped);
  g_assert_cmpuint (n_skipped, ==, 0);
  f->layout = cm_portfolio_layout_new (&f->today);
  for (guint i = 0; i < deadlines->len; i++)
    {
      CmDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (deadline->kind == CM_DEADLINE_KIND_END &&
          cm_portfolio_layout_add (f->layout, deadline->contract,
                                   commissioner_of (deadline->contract), &deadline->date,
                                   deadline->status))
        f->n_added++;
    }
  cm_portfolio_layout_finish (f->layout);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->layout, cm_portfolio_layout_free);
  g_clear_object (&f->store);
  cm_test_remove_tree (f->path);
  g_free (f->path);
}

static char *
row_text (CmPortfolioLayout *layout, guint row)
{
  guint group;
  const CmPortfolioBar *bar = cm_portfolio_layout_get_row (layout, row, &group);

  if (bar == NULL)
    return g_strdup_printf ("# %s", cm_portfolio_layout_get_group (layout, group)->name);
  return g_strdup (cm_contract_get_reference (bar->contract));
}

static char *
rows_text (CmPortfolioLayout *layout, GArray *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *one = row_text (layout, g_array_index (rows, guint, i));

      g_string_append_printf (text, "%s%s", i ? " | " : "", one);
    }
  return g_strdup (text->str);
}

/* Commissioners in the reader's order, none last; within each, the
 * soonest end first. Ended and later contracts are not drawn. */
static void
test_groups (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = NULL;
  guint n_rows = cm_portfolio_layout_get_n_rows (f->layout);

  g_assert_cmpuint (f->n_added, ==, 7);
  g_assert_cmpuint (cm_portfolio_layout_get_n_bars (f->layout), ==, 7);
  g_assert_cmpuint (cm_portfolio_layout_get_n_groups (f->layout), ==, 4);
  g_assert_cmpuint (n_rows, ==, 11);
  cm_portfolio_layout_visible (f->layout, 0, n_rows - 1, G_MININT / 2, G_MAXINT / 2, all);
  text = rows_text (f->layout, all);
  g_assert_cmpstr (text, ==, "# airedale partnership | C-3 | # Bradford | C-7 | "
                             "# Leeds City Council | C-5 | C-2 | C-1 | C-9 | "
                             "# No lead commissioner recorded | C-4");
  g_assert_cmpuint (cm_portfolio_layout_get_group (f->layout, 2)->n_bars, ==, 4);
  g_assert_cmpuint (cm_portfolio_layout_get_group (f->layout, 2)->heading_row, ==, 4);

  /* Rows and bars map both ways, over the headings. */
  for (guint i = 0; i < cm_portfolio_layout_get_n_bars (f->layout); i++)
    {
      guint row = cm_portfolio_layout_bar_row (f->layout, i);
      guint back;

      g_assert_true (cm_portfolio_layout_row_bar (f->layout, row, &back));
      g_assert_cmpuint (back, ==, i);
    }
  g_assert_false (cm_portfolio_layout_row_bar (f->layout, 0, NULL));
  g_assert_false (cm_portfolio_layout_row_bar (f->layout, n_rows, NULL));
}

/* Five years from today: today is day 0, the window's last day is in,
 * the day after it is not; a bar starts at its contract's start, or today. */
static void
test_window (Fixture *f, gconstpointer data)
{
  GDate end;
  const CmPortfolioBar *today_bar, *last_bar, *later_bar;

  g_assert_true (cm_date_parse_iso ("2031-11-22", &end));
  g_assert_cmpint (cm_portfolio_layout_get_n_days (f->layout), ==,
                   g_date_days_between (&f->today, &end));
  today_bar = cm_portfolio_layout_get_row (f->layout, 5, NULL);
  g_assert_cmpstr (cm_contract_get_reference (today_bar->contract), ==, "C-5");
  g_assert_cmpint (today_bar->first_day, ==, 0);
  g_assert_cmpint (today_bar->end_day, ==, 1);
  last_bar = cm_portfolio_layout_get_row (f->layout, 3, NULL);
  g_assert_cmpstr (cm_contract_get_reference (last_bar->contract), ==, "C-7");
  g_assert_cmpint (last_bar->end_day, ==, cm_portfolio_layout_get_n_days (f->layout));
  later_bar = cm_portfolio_layout_get_row (f->layout, 10, NULL);
  g_assert_cmpstr (cm_contract_get_reference (later_bar->contract), ==, "C-4");
  g_assert_true (cm_date_parse_iso ("2027-04-01", &end));
  g_assert_cmpint (later_bar->first_day, ==, g_date_days_between (&f->today, &end));
  g_assert_cmpint (cm_portfolio_layout_find (f->layout,
                                             cm_entity_get_id (CM_ENTITY (later_bar->contract))),
                   ==, 10);
}

/* The plan's horizons: short term to 18 months, longer term from 2 to 5 years. */
static void
test_bands (Fixture *f, gconstpointer data)
{
  guint n_bands;
  const CmPortfolioBand *bands = cm_portfolio_layout_get_bands (f->layout, &n_bands);
  GDate day;

  g_assert_cmpuint (n_bands, ==, 2);
  g_assert_cmpint (bands[0].first_day, ==, 0);
  g_assert_true (cm_date_parse_iso ("2028-05-22", &day));
  g_assert_cmpint (bands[0].end_day, ==, g_date_days_between (&f->today, &day));
  g_assert_true (cm_date_parse_iso ("2028-11-22", &day));
  g_assert_cmpint (bands[1].first_day, ==, g_date_days_between (&f->today, &day));
  g_assert_cmpint (bands[1].end_day, ==, cm_portfolio_layout_get_n_days (f->layout));
  g_assert_nonnull (strstr (bands[0].label, "12–18 months"));
  g_assert_nonnull (strstr (bands[1].label, "2–5 years"));
}

/* A rectangle holds its headings and only the bars meeting its days. */
static void
test_visible (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *middle = NULL;
  g_autofree char *late = NULL;
  g_autofree char *past_end = NULL;
  GDate day;
  int from;

  /* Rows 4 to 8, the first 40 days: C-5 (today) and C-2 (31 December). */
  cm_portfolio_layout_visible (f->layout, 4, 8, 0, 39, rows);
  middle = rows_text (f->layout, rows);
  g_assert_cmpstr (middle, ==, "# Leeds City Council | C-5 | C-2 | C-1 | C-9");
  /* From 2028: only bars still running then. */
  g_array_set_size (rows, 0);
  g_assert_true (cm_date_parse_iso ("2028-01-01", &day));
  from = g_date_days_between (&f->today, &day);
  cm_portfolio_layout_visible (f->layout, 0, 10, from, from + 365, rows);
  late = rows_text (f->layout, rows);
  g_assert_cmpstr (late, ==, "# airedale partnership | C-3 | # Bradford | C-7 | "
                             "# Leeds City Council | C-9 | "
                             "# No lead commissioner recorded | C-4");
  /* Rows past the last are not there to draw. */
  g_array_set_size (rows, 0);
  cm_portfolio_layout_visible (f->layout, 10, 500, 0, 2000, rows);
  past_end = rows_text (f->layout, rows);
  g_assert_cmpstr (past_end, ==, "C-4");
}

static void
test_words (Fixture *f, gconstpointer data)
{
  g_autofree char *description = cm_portfolio_layout_describe (f->layout);
  const CmPortfolioBar *bar = cm_portfolio_layout_get_row (f->layout, 7, NULL);
  g_autofree char *name = cm_portfolio_layout_bar_name (bar);

  g_assert_cmpstr (description, ==,
                   "7 contracts end in the next 5 years. 3 end in the next 12 months. "
                   "1 ends in 12 to 18 months. 1 ends in 18 months to 2 years. "
                   "2 end in 2 to 5 years. They are grouped under 4 commissioners. "
                   "Urgent: 2 contracts are due soon. 1 contract has ended and is not yet "
                   "closed: the list shows it. 1 contract ends after 5 years.");
  g_assert_cmpstr (name, ==, "C-1 — Support, Forward Leeds, ends 31 March 2027, OK");
}

static void
test_empty (void)
{
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(CmPortfolioLayout) layout = cm_portfolio_layout_new (today);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *description = NULL;

  cm_portfolio_layout_finish (layout);
  cm_portfolio_layout_visible (layout, 0, 100, 0, 100, rows);
  description = cm_portfolio_layout_describe (layout);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (cm_portfolio_layout_get_n_rows (layout), ==, 0);
  g_assert_cmpstr (description, ==, "No contracts end in the next 5 years.");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/portfolio-layout/groups", Fixture, NULL, fixture_set_up, test_groups,
              fixture_tear_down);
  g_test_add ("/portfolio-layout/window", Fixture, NULL, fixture_set_up, test_window,
              fixture_tear_down);
  g_test_add ("/portfolio-layout/bands", Fixture, NULL, fixture_set_up, test_bands,
              fixture_tear_down);
  g_test_add ("/portfolio-layout/visible", Fixture, NULL, fixture_set_up, test_visible,
              fixture_tear_down);
  g_test_add ("/portfolio-layout/words", Fixture, NULL, fixture_set_up, test_words,
              fixture_tear_down);
  g_test_add_func ("/portfolio-layout/empty", test_empty);
  return g_test_run ();
}
