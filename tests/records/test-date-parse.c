/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-date-parse.c: reading dates as typed into a field and as found in a register */
#include <glib.h>

#include "cm-date-parse.h"

#define OK 0
#define INVALID 1
#define AMBIGUOUS 2

typedef struct {
  const char *text;
  int result;          /* OK, INVALID or AMBIGUOUS */
  const char *iso;     /* when OK */
  const char *message; /* the whole error message, when refused */
} DateCase;

/* What a person types into a date field. */
static const DateCase typed_cases[] = {
  { "1/12/2026", OK, "2026-12-01" },
  { "01/12/2026", OK, "2026-12-01" },
  { "1 Dec 2026", OK, "2026-12-01" },
  { "1 dec 2026", OK, "2026-12-01" },
  { "1 December 2026", OK, "2026-12-01" },
  { "1 DECEMBER 2026", OK, "2026-12-01" },
  { "30 Sept 2026", OK, "2026-09-30" },
  { "30 sep 2026", OK, "2026-09-30" },
  { "2026-12-01", OK, "2026-12-01" },
  { "  1/12/2026  ", OK, "2026-12-01" },
  { "\t1 December 2026\n", OK, "2026-12-01" },
  { "05/04/2026", OK, "2026-04-05" }, /* both could be months: the UK order wins */
  { "29/02/2028", OK, "2028-02-29" },
  { "1.12.2026", OK, "2026-12-01" },
  { "1/12/26", OK, "2026-12-01" },
  { "1/13/2026", AMBIGUOUS, NULL,
    "“1/13/2026” looks like a US date, month first: type the day first, as 13/01/2026" },
  { "1st December 2026", OK, "2026-12-01" },
  { "31/04/2026", INVALID, NULL, "31 April 2026 does not exist" },
  { "31 April 2026", INVALID, NULL, "31 April 2026 does not exist" },
  { "2026-04-31", INVALID, NULL, "31 April 2026 does not exist" },
  { "29/02/2027", INVALID, NULL, "29 February 2027 does not exist" },
  { "30 Feb 2028", INVALID, NULL, "30 February 2028 does not exist" },
  { "14/13/2026", INVALID, NULL,
    "“14/13/2026” is not a date: there is no month 13, months run from 1 to 12" },
  { "13/13/2026", INVALID, NULL,
    "“13/13/2026” is not a date: there is no month 13, months run from 1 to 12" },
  { "2026-00-10", INVALID, NULL,
    "“2026-00-10” is not a date: there is no month 0, months run from 1 to 12" },
  { "32/01/2026", INVALID, NULL,
    "“32/01/2026” is not a date: there is no day 32, days run from 1 to 31" },
  { "0/1/2026", INVALID, NULL,
    "“0/1/2026” is not a date: there is no day 0, days run from 1 to 31" },
  { "1/12/1850", INVALID, NULL,
    "“1/12/1850” is not a date here: the year must be between 1900 and 2199" },
  { "1 Dec 2250", INVALID, NULL,
    "“1 Dec 2250” is not a date here: the year must be between 1900 and 2199" },
  { "1 Decx 2026", INVALID, NULL,
    "“1 Decx 2026” is not a date: “Decx” is not a month; type it as 1/12/2026 or 1 December 2026" },
  { "12/31/2026", AMBIGUOUS, NULL,
    "“12/31/2026” looks like a US date, month first: type the day first, as 31/12/2026" },
  { "2026/12/01", AMBIGUOUS, NULL,
    "“2026/12/01” starts with the year, so its day and month could be either way round: "
    "type the day first, as 1/12/2026, or year-month-day with dashes, as 2026-12-01" },
  { "next week", INVALID, NULL,
    "“next week” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "1 December", INVALID, NULL,
    "“1 December” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "1/12-2026", INVALID, NULL,
    "“1/12-2026” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "1/12/226", INVALID, NULL,
    "“1/12/226” is not a date: type it as 1/12/2026 or 1 December 2026" },
  /* A spreadsheet's day number is not something a person types. */
  { "46357", INVALID, NULL, "“46357” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "2026", INVALID, NULL, "“2026” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "   ", INVALID, NULL, "The date is missing: type it as 1/12/2026 or 1 December 2026" },
  { "", INVALID, NULL, "The date is missing: type it as 1/12/2026 or 1 December 2026" },
};

/* What a register's cell holds: the same, and more besides. */
static const DateCase register_cases[] = {
  /* Day first, with slashes, dots or dashes. */
  { "01/04/2019", OK, "2019-04-01" },
  { "1/4/2019", OK, "2019-04-01" },
  { "12/11/2020", OK, "2020-11-12" },
  { "01-04-2019", OK, "2019-04-01" },
  { "\xc2\xa0" "01/04/2019", OK, "2019-04-01" },
  /* Two-digit years: 00-69 this century, 70-99 the last. */
  { "1/4/19", OK, "2019-04-01" },
  { "31/12/00", OK, "2000-12-31" },
  { "1/1/69", OK, "2069-01-01" },
  { "1/1/70", OK, "1970-01-01" },
  { "15/6/99", OK, "1999-06-15" },
  /* Month ends and leap years. */
  { "31/01/2019", OK, "2019-01-31" },
  { "30/04/2019", OK, "2019-04-30" },
  { "31/12/2019", OK, "2019-12-31" },
  { "28/02/2019", OK, "2019-02-28" },
  { "29/02/2020", OK, "2020-02-29" },
  { "29/02/2000", OK, "2000-02-29" },
  { "29/02/24", OK, "2024-02-29" },
  /* Months by name. */
  { "1 Apr 2019", OK, "2019-04-01" },
  { "01-Apr-2019", OK, "2019-04-01" },
  { "1-Apr-19", OK, "2019-04-01" },
  { "1 may 2019", OK, "2019-05-01" },
  { "31 Oct 2019", OK, "2019-10-31" },
  { "April 1, 2019", OK, "2019-04-01" },
  { "29 Feb 2020", OK, "2020-02-29" },
  /* ISO, with or without a time. */
  { "2019-04-01", OK, "2019-04-01" },
  { "2019-4-1", OK, "2019-04-01" },
  { "2019-04-01T00:00:00", OK, "2019-04-01" },
  { "2019-04-01 00:00:00", OK, "2019-04-01" },
  { "2019-04-01T13:45:10.500Z", OK, "2019-04-01" },
  { "01/04/2019 00:00", OK, "2019-04-01" },
  /* Excel serials, 1900 system. */
  { "1", OK, "1900-01-01" },
  { "59", OK, "1900-02-28" },
  { "61", OK, "1900-03-01" },
  { "43556", OK, "2019-04-01" },
  { "43556.75", OK, "2019-04-01" },
  { "43556.", OK, "2019-04-01" },
  { "44986", OK, "2023-03-01" },
  { "60", INVALID, NULL,
    "“60” is the spreadsheet day 29 February 1900, which never was: "
    "write the date itself, such as 1/3/1900" },
  { "0", INVALID, NULL, "“0” is not a date: type it as 1/12/2026 or 1 December 2026" },
  /* Ambiguous: never guessed. */
  { "04/13/2019", AMBIGUOUS, NULL,
    "“04/13/2019” looks like a US date, month first: type the day first, as 13/04/2019" },
  { "2/29/2020", AMBIGUOUS, NULL,
    "“2/29/2020” looks like a US date, month first: type the day first, as 29/02/2020" },
  { "2019.04.05", AMBIGUOUS, NULL,
    "“2019.04.05” starts with the year, so its day and month could be either way round: "
    "type the day first, as 1/12/2026, or year-month-day with dashes, as 2026-12-01" },
  { "2019", AMBIGUOUS, NULL,
    "“2019” could be a year or a spreadsheet’s day number: "
    "write the whole date, such as 1/12/2026" },
  { "1900", AMBIGUOUS, NULL,
    "“1900” could be a year or a spreadsheet’s day number: "
    "write the whole date, such as 1/12/2026" },
  { "2019.0", AMBIGUOUS, NULL,
    "“2019.0” could be a year or a spreadsheet’s day number: "
    "write the whole date, such as 1/12/2026" },
  /* Invalid, saying what is wrong. */
  { "29/02/1900", INVALID, NULL, "29 February 1900 does not exist" },
  { "2019-02-30", INVALID, NULL, "30 February 2019 does not exist" },
  { "31 Feb 2019", INVALID, NULL, "31 February 2019 does not exist" },
  { "2019-13-01", INVALID, NULL,
    "“2019-13-01” is not a date: there is no month 13, months run from 1 to 12" },
  { "00/01/2019", INVALID, NULL,
    "“00/01/2019” is not a date: there is no day 0, days run from 1 to 31" },
  { "1 Apl 2019", INVALID, NULL,
    "“1 Apl 2019” is not a date: “Apl” is not a month; type it as 1/12/2026 or 1 December 2026" },
  { "April 2019", INVALID, NULL,
    "“April 2019” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "TBC", INVALID, NULL, "“TBC” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "01/04/2019 noon", INVALID, NULL,
    "“01/04/2019 noon” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "10:30", INVALID, NULL, "“10:30” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "99999999", INVALID, NULL,
    "“99999999” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "2958466", INVALID, NULL, /* the day after 31 December 9999 */
    "“2958466” is not a date: type it as 1/12/2026 or 1 December 2026" },
  { "-43556", INVALID, NULL, "“-43556” is not a date: type it as 1/12/2026 or 1 December 2026" },
};

static void
check_cases (const DateCase *cases, gsize n, CmDateParseFlags flags)
{
  for (gsize i = 0; i < n; i++)
    {
      const DateCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = cm_date_parse (c->text, flags, &date, &error);
      int code;

      g_test_message ("date “%s”", c->text);
      if (c->result == OK)
        {
          char iso[11];

          g_assert_no_error (error);
          g_assert_true (ok);
          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
          g_assert_cmpstr (iso, ==, c->iso);
          continue;
        }
      code = c->result == AMBIGUOUS ? CM_DATE_PARSE_ERROR_AMBIGUOUS : CM_DATE_PARSE_ERROR_INVALID;
      g_assert_false (ok);
      g_assert_false (g_date_valid (&date));
      g_assert_error (error, CM_DATE_PARSE_ERROR, code);
      g_assert_cmpstr (error->message, ==, c->message);
    }
}

static void
test_typed (void)
{
  check_cases (typed_cases, G_N_ELEMENTS (typed_cases), CM_DATE_PARSE_TYPED);
}

static void
test_register (void)
{
  check_cases (register_cases, G_N_ELEMENTS (register_cases), CM_DATE_PARSE_SERIALS);
}

/* Every typed date is read the same from a register: one reader for both. */
static void
test_typed_as_register (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (typed_cases); i++)
    {
      const DateCase *c = &typed_cases[i];
      GDate date;

      if (c->result == OK)
        g_assert_true (cm_date_parse (c->text, CM_DATE_PARSE_SERIALS, &date, NULL));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date-parse/typed", test_typed);
  g_test_add_func ("/date-parse/register", test_register);
  g_test_add_func ("/date-parse/typed-as-register", test_typed_as_register);
  return g_test_run ();
}
