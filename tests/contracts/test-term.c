/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-term.c: reading and writing contract terms and notice periods */
#include <glib.h>

#include "cm-term.h"

#define Y(n) { (n) * 12, 0 }
#define M(n) { (n), 0 }
#define D(n) { 0, (n) }

typedef struct {
  const char *text;
  CmPeriod initial;
  guint n_extensions;
  CmPeriod extensions[10];
  const char *canonical;
} TermCase;

static const TermCase term_cases[] = {
  /* The forms in the seeds (DOMAIN.md). */
  { "3+2", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  { "4+2", Y (4), 1, { Y (2) }, "4 years + 2 years" },
  { "3+1+1", Y (3), 2, { Y (1), Y (1) }, "3 years + 1 year + 1 year" },
  { "5 + up to 3", Y (5), 1, { Y (3) }, "5 years + 3 years" },
  { "3 years plus 24 months", Y (3), 1, { M (24) }, "3 years + 2 years" },
  { "5+5", Y (5), 1, { Y (5) }, "5 years + 5 years" },
  { "6 months", M (6), 0, { }, "6 months" },
  { "1 year", Y (1), 0, { }, "1 year" },
  { "2 years + 12 months", Y (2), 1, { M (12) }, "2 years + 1 year" },
  { "5 years plus up to 24 months", Y (5), 1, { M (24) }, "5 years + 2 years" },
  { "3 years 5 months + up to 24 months", M (41), 1, { M (24) }, "3 years 5 months + 2 years" },
  { "5 years", Y (5), 0, { }, "5 years" },
  { "3+1+1 years", Y (3), 2, { Y (1), Y (1) }, "3 years + 1 year + 1 year" },
  { "1+1", Y (1), 1, { Y (1) }, "1 year + 1 year" },
  /* Case and spacing. */
  { "3 YEARS PLUS 24 MONTHS", Y (3), 1, { M (24) }, "3 years + 2 years" },
  { "3 Years Plus Up To 24 Months", Y (3), 1, { M (24) }, "3 years + 2 years" },
  { "  3 + 2  ", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  { "3  +  1  +  1", Y (3), 2, { Y (1), Y (1) }, "3 years + 1 year + 1 year" },
  { "3\t+\t2", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  { "5+up to3", Y (5), 1, { Y (3) }, "5 years + 3 years" },
  { "3\xc2\xa0years\xc2\xa0+\xc2\xa0" "2\xc2\xa0years", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  /* Every spelling of every unit. */
  { "3yrs+2yrs", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  { "3 yr + 1 yr", Y (3), 1, { Y (1) }, "3 years + 1 year" },
  { "18 mths", M (18), 0, { }, "1 year 6 months" },
  { "1 mth + 1 month", M (1), 1, { M (1) }, "1 month + 1 month" },
  { "24 months", Y (2), 0, { }, "2 years" },
  { "36 months + 12 months", Y (3), 1, { Y (1) }, "3 years + 1 year" },
  { "12 weeks", D (84), 0, { }, "84 days" },
  { "1 week + 2 weeks", D (7), 1, { D (14) }, "7 days + 14 days" },
  { "90 days + 30 days", D (90), 1, { D (30) }, "90 days + 30 days" },
  { "1 day", D (1), 0, { }, "1 day" },
  /* Amounts in falling units make one period. */
  { "1 year 2 weeks", { 12, 14 }, 0, { }, "1 year 14 days" },
  { "2 years 3 months 2 weeks 1 day", { 27, 15 }, 0, { }, "2 years 3 months 15 days" },
  { "3 years 24 months", Y (5), 0, { }, "5 years" },
  { "3 years 0 months", Y (3), 0, { }, "3 years" },
  /* "and" joins a smaller amount that is less than one of the unit before ... */
  { "3 years and 5 months", M (41), 0, { }, "3 years 5 months" },
  { "1 month and 2 weeks", { 1, 14 }, 0, { }, "1 month 14 days" },
  { "1 year and 51 weeks", { 12, 357 }, 0, { }, "1 year 357 days" },
  { "3 years and 5 months and up to 2 years", M (41), 1, { Y (2) }, "3 years 5 months + 2 years" },
  { "3 years and 6 months + 2 years", M (42), 1, { Y (2) }, "3 years 6 months + 2 years" },
  /* ... and otherwise separates an extension. */
  { "3 and 2", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  { "3 and up to 2", Y (3), 1, { Y (2) }, "3 years + 2 years" },
  { "5 years and 24 months", Y (5), 1, { M (24) }, "5 years + 2 years" },
  { "2 years and 12 months", Y (2), 1, { M (12) }, "2 years + 1 year" },
  { "1 month and 4 weeks", M (1), 1, { D (28) }, "1 month + 28 days" },
  { "2 years and up to 6 months", Y (2), 1, { M (6) }, "2 years + 6 months" },
  { "6 months and 6 months", M (6), 1, { M (6) }, "6 months + 6 months" },
  { "3 years 5 months and 1 year", M (41), 1, { Y (1) }, "3 years 5 months + 1 year" },
  /* Bare numbers beside parts in years are years. */
  { "5 years + 3", Y (5), 1, { Y (3) }, "5 years + 3 years" },
  { "3 years 6 months + 1", M (42), 1, { Y (1) }, "3 years 6 months + 1 year" },
  { "3 plus 1 plus 1", Y (3), 2, { Y (1), Y (1) }, "3 years + 1 year + 1 year" },
  { "4 + up to 1 + up to 1", Y (4), 2, { Y (1), Y (1) }, "4 years + 1 year + 1 year" },
  { "1 year + up to 6 months + up to 6 months", Y (1), 2, { M (6), M (6) }, "1 year + 6 months + 6 months" },
  /* Ten extensions is the most. */
  { "1+1+1+1+1+1+1+1+1+1+1", Y (1), 10,
    { Y (1), Y (1), Y (1), Y (1), Y (1), Y (1), Y (1), Y (1), Y (1), Y (1) },
    "1 year + 1 year + 1 year + 1 year + 1 year + 1 year + 1 year + 1 year + 1 year + 1 year + 1 year" },
  { "100 years", Y (100), 0, { }, "100 years" },
  /* The seeds' own wording (DOMAIN.md, "Terms as people write them"). */
  { "three years, plus the provision to extend for a further 24 months", Y (3), 1, { M (24) },
    "3 years + 2 years" },
  { "3 years and 5 months with options to extend up to 24 months", M (41), 1, { M (24) },
    "3 years 5 months + 2 years" },
  { "2 years with option to extend for a further 12 months", Y (2), 1, { M (12) },
    "2 years + 1 year" },
  { "five years with an option to extend for a further five year period", Y (5), 1, { Y (5) },
    "5 years + 5 years" },
  { "5 years plus option for further 2 years", Y (5), 1, { Y (2) }, "5 years + 2 years" },
  /* Number words up to twenty. */
  { "three years", Y (3), 0, { }, "3 years" },
  { "Twenty months", M (20), 0, { }, "1 year 8 months" },
  { "one year plus one year plus one year", Y (1), 2, { Y (1), Y (1) },
    "1 year + 1 year + 1 year" },
  { "twelve months with an extension of six months", M (12), 1, { M (6) },
    "1 year + 6 months" },
  /* Only the option: the end date gives the initial period. */
  { "option to extend by 12 months", M (0), 1, { M (12) }, "option to extend by 1 year" },
  { "Option to extend by 1 year + 1 year", M (0), 2, { Y (1), Y (1) },
    "option to extend by 1 year + 1 year" },
};

static const char *invalid_terms[] = {
  "",
  "   ",
  "three and a half years",
  "twenty-one years",
  "twenty one years",
  "3 years plus option to extend",
  "option to extend",
  "3 years plus plus option 2 years",
  "3 years option",
  "3 years for 2 years",
  "six + 6 months",
  "3++2",
  "+2",
  "3+",
  "2019-04-01",
  "ongoing",
  "2.5",
  "2.5 years",
  "-3",
  "3 + -1",
  "0",
  "3+0",
  "0 years 0 months",
  "1+1+1+1+1+1+1+1+1+1+1+1",
  "up to 3",
  "3 + up to",
  "3 + up 2",
  "3 up to 2",
  "3 years years",
  "3 months 2 years",
  "3 years 5",
  "3 5",
  "years",
  "3 plus and 2",
  "3 and and 2",
  "3 years and",
  "3 decades",
  "3 y",
  "3, 2",
  "3½",
  "101 years",
  "99999999999 years",
  "6+6 months",
  "5 + up to 24 months",
  "6 months + 6",
};

static void
assert_period (const CmPeriod *got, const CmPeriod *expected, const char *what, const char *text)
{
  if (got->months != expected->months || got->days != expected->days)
    g_error ("%s of “%s”: got %d months %d days, expected %d months %d days",
             what, text, got->months, got->days, expected->months, expected->days);
}

static void
assert_term (const CmTerm *term, const TermCase *c)
{
  assert_period (&term->initial, &c->initial, "initial period", c->text);
  g_assert_nonnull (term->extensions);
  if (term->extensions->len != c->n_extensions)
    g_error ("“%s”: got %u extensions, expected %u", c->text, term->extensions->len, c->n_extensions);
  for (guint i = 0; i < c->n_extensions; i++)
    {
      const CmExtension *extension = &g_array_index (term->extensions, CmExtension, i);

      assert_period (&extension->length, &c->extensions[i], "extension", c->text);
      g_assert_false (extension->invoked);
    }
}

static void
test_term_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (term_cases), >=, 35);
  for (gsize i = 0; i < G_N_ELEMENTS (term_cases); i++)
    {
      const TermCase *c = &term_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(CmTerm) term = cm_term_parse (c->text, &error);
      g_autofree char *canonical = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (term);
      assert_term (term, c);
      canonical = cm_term_format (term);
      g_assert_cmpstr (canonical, ==, c->canonical);
    }
}

static void
test_term_round_trip (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (term_cases); i++)
    {
      const TermCase *c = &term_cases[i];
      g_autoptr(CmTerm) term = cm_term_parse (c->text, NULL);
      g_autofree char *canonical = NULL;
      g_autofree char *again_text = NULL;
      g_autoptr(CmTerm) again = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (term);
      canonical = cm_term_format (term);
      again = cm_term_parse (canonical, &error);
      g_assert_no_error (error);
      assert_term (again, c);
      again_text = cm_term_format (again);
      g_assert_cmpstr (again_text, ==, canonical);
    }
}

static void
test_term_invalid (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (invalid_terms), >=, 15);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_terms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmTerm) term = cm_term_parse (invalid_terms[i], &error);

      if (term != NULL)
        {
          g_autofree char *got = cm_term_format (term);
          g_error ("“%s” parsed as “%s”, expected an error", invalid_terms[i], got);
        }
      g_assert_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("“%s”: %s", invalid_terms[i], error->message);
    }
}

/* The messages quote what was typed and show what would be right. */
static void
test_term_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTerm) term = cm_term_parse ("  3++2 ", &error);

  g_assert_null (term);
  g_assert_cmpstr (error->message, ==,
                   "“3++2” is not a term. Write the initial term and any extensions in years or months, "
                   "for example 3+1+1 or 2 years + 12 months.");
  g_clear_error (&error);

  g_assert_null (cm_term_parse (NULL, &error));
  g_assert_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID);
  g_assert_nonnull (g_strstr_len (error->message, -1, "for example 3+1+1"));
  g_clear_error (&error);

  g_assert_null (cm_term_parse ("6+6 months", &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "Give each part its unit"));
  g_clear_error (&error);

  g_assert_null (cm_term_parse ("1+1+1+1+1+1+1+1+1+1+1+1", &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "more than ten extensions"));
  g_clear_error (&error);

  g_assert_null (cm_term_parse ("3+0", &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "no length"));
  g_clear_error (&error);

  /* An option with no length is refused with its own reason. */
  g_assert_null (cm_term_parse ("3 years plus option to extend", &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "without saying how long"));
  g_clear_error (&error);

  /* Text that is not UTF-8 still gives a message that is. */
  g_assert_null (cm_term_parse ("3\xff", &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_invoked (const CmTerm *term, const gboolean *expected)
{
  for (guint i = 0; i < term->extensions->len; i++)
    g_assert_cmpint (g_array_index (term->extensions, CmExtension, i).invoked, ==, expected[i]);
}

static void
test_invoked (void)
{
  g_autoptr(CmTerm) term = cm_term_parse ("3+1+1", NULL);
  g_autoptr(CmTerm) single = cm_term_parse ("5 years", NULL);
  const gboolean none[] = { FALSE, FALSE };
  const gboolean first[] = { TRUE, FALSE };
  const gboolean both[] = { TRUE, TRUE };

  g_assert_cmpuint (cm_term_count_invoked (term), ==, 0);
  assert_invoked (term, none);

  cm_term_set_invoked (term, 1);
  g_assert_cmpuint (cm_term_count_invoked (term), ==, 1);
  assert_invoked (term, first);

  cm_term_set_invoked (term, 2);
  g_assert_cmpuint (cm_term_count_invoked (term), ==, 2);
  assert_invoked (term, both);

  /* More than there are: all of them, and no more. */
  cm_term_set_invoked (term, 7);
  g_assert_cmpuint (cm_term_count_invoked (term), ==, 2);
  assert_invoked (term, both);

  /* Fewer again: the rest are no longer invoked. */
  cm_term_set_invoked (term, 1);
  assert_invoked (term, first);
  cm_term_set_invoked (term, 0);
  g_assert_cmpuint (cm_term_count_invoked (term), ==, 0);
  assert_invoked (term, none);

  /* Counting looks at every extension, not just a leading run. */
  g_array_index (term->extensions, CmExtension, 1).invoked = TRUE;
  g_assert_cmpuint (cm_term_count_invoked (term), ==, 1);

  cm_term_set_invoked (single, 3);
  g_assert_cmpuint (cm_term_count_invoked (single), ==, 0);
  g_assert_cmpuint (single->extensions->len, ==, 0);
}

static void
test_copy (void)
{
  g_autoptr(CmTerm) term = cm_term_parse ("3 years 5 months + up to 24 months + 1 year", NULL);
  g_autoptr(CmTerm) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CmTerm *boxed;

  cm_term_set_invoked (term, 1);
  copy = cm_term_copy (term);
  g_assert_true (copy != term);
  g_assert_true (copy->extensions != term->extensions);
  before = cm_term_format (copy);
  g_assert_cmpstr (before, ==, "3 years 5 months + 2 years + 1 year");
  g_assert_cmpuint (cm_term_count_invoked (copy), ==, 1);

  /* Changing the original leaves the copy as it was. */
  term->initial.months = 1;
  g_array_index (term->extensions, CmExtension, 0).length.months = 99;
  g_array_remove_index (term->extensions, 1);
  cm_term_set_invoked (term, 0);
  after = cm_term_format (copy);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (copy->extensions->len, ==, 2);
  g_assert_cmpuint (cm_term_count_invoked (copy), ==, 1);
  g_assert_true (g_array_index (copy->extensions, CmExtension, 0).invoked);

  /* The boxed type copies and frees through the same functions. */
  g_assert_true (G_TYPE_IS_BOXED (CM_TYPE_TERM));
  boxed = g_boxed_copy (CM_TYPE_TERM, copy);
  g_assert_true (boxed != copy);
  g_assert_cmpint (boxed->initial.months, ==, 41);
  g_assert_cmpuint (boxed->extensions->len, ==, 2);
  g_boxed_free (CM_TYPE_TERM, boxed);

  cm_term_free (NULL);
}

typedef struct {
  const char *text;
  CmPeriod period;
  const char *canonical;
} PeriodCase;

static const PeriodCase period_cases[] = {
  { "3 months", M (3), "3 months" },
  { "6 months", M (6), "6 months" },
  { "1 month", M (1), "1 month" },
  { "12 weeks", D (84), "84 days" },
  { "90 days", D (90), "90 days" },
  { "1 day", D (1), "1 day" },
  { "1 year", Y (1), "1 year" },
  { "2 years", Y (2), "2 years" },
  { "18 months", M (18), "1 year 6 months" },
  { "  3 MONTHS ", M (3), "3 months" },
  { "6 mths", M (6), "6 months" },
  { "1 yr", Y (1), "1 year" },
  { "1 week", D (7), "7 days" },
  { "1 month 2 weeks", { 1, 14 }, "1 month 14 days" },
  /* With no extensions to separate, "and" always joins. */
  { "1 month and 2 weeks", { 1, 14 }, "1 month 14 days" },
  { "3 months and 40 days", { 3, 40 }, "3 months 40 days" },
  /* Number words count, as in terms. */
  { "three months", M (3), "3 months" },
  { "Six months", M (6), "6 months" },
};

static const char *invalid_periods[] = {
  "",
  "3",
  "12",
  "3 months + 1 month",
  "3 months plus 1 month",
  "3+1",
  "0 months",
  "three",
  "zero months",
  "2.5 months",
  "-1 month",
  "up to 3 months",
  "3 months and",
  "months",
  "3 months 2 years",
  "6 months and 6 months",
  "notice",
  "101 years",
};

static void
test_period_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const PeriodCase *c = &period_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *canonical = NULL;
      CmPeriod period = { -1, -1 };
      CmPeriod again = { -1, -1 };

      g_assert_true (cm_period_parse (c->text, &period, &error));
      g_assert_no_error (error);
      assert_period (&period, &c->period, "period", c->text);
      canonical = cm_period_format (&period);
      g_assert_cmpstr (canonical, ==, c->canonical);

      g_assert_true (cm_period_parse (canonical, &again, &error));
      g_assert_no_error (error);
      assert_period (&again, &c->period, "round trip", c->text);
    }
}

static void
test_period_invalid (void)
{
  g_autoptr(GError) error = NULL;
  CmPeriod period = { 5, 6 };

  for (gsize i = 0; i < G_N_ELEMENTS (invalid_periods); i++)
    {
      if (cm_period_parse (invalid_periods[i], &period, &error))
        g_error ("“%s” parsed as a period, expected an error", invalid_periods[i]);
      g_assert_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("“%s”: %s", invalid_periods[i], error->message);
      g_clear_error (&error);
      /* A refused period leaves the caller's value alone. */
      g_assert_cmpint (period.months, ==, 5);
      g_assert_cmpint (period.days, ==, 6);
    }

  /* A bare number is refused with a request for its unit, not guessed. */
  g_assert_false (cm_period_parse ("3", &period, &error));
  g_assert_cmpstr (error->message, ==,
                   "“3” has no unit. Write it in days, weeks, months or years, for example 3 months.");
}

static void
test_period_format (void)
{
  const CmPeriod zero = { 0, 0 };
  const CmPeriod mixed = { 25, 3 };
  g_autofree char *zero_text = cm_period_format (&zero);
  g_autofree char *mixed_text = cm_period_format (&mixed);

  g_assert_cmpstr (zero_text, ==, "0 months");
  g_assert_cmpstr (mixed_text, ==, "2 years 1 month 3 days");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/term/table", test_term_table);
  g_test_add_func ("/term/round-trip", test_term_round_trip);
  g_test_add_func ("/term/invalid", test_term_invalid);
  g_test_add_func ("/term/messages", test_term_messages);
  g_test_add_func ("/term/invoked", test_invoked);
  g_test_add_func ("/term/copy", test_copy);
  g_test_add_func ("/term/period/table", test_period_table);
  g_test_add_func ("/term/period/invalid", test_period_invalid);
  g_test_add_func ("/term/period/format", test_period_format);
  return g_test_run ();
}
