/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-working-days.c: bank holidays in every part of the UK, and the standstill's eight working days */
#include "cm-date.h"
#include "cm-working-days.h"

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (cm_date_parse_iso (iso, &date));
  return date;
}

static char *
eighth_working_day (const char *first)
{
  GDate start = day (first), end;

  if (!cm_working_days_end (&start, 8, &end))
    return g_strdup ("none");
  return cm_date_format_iso (&end);
}

/* The standstill: eight working days beginning with the day the notice
 * is published. Each case counted by hand on a calendar. */
static const struct {
  const char *why;
  const char *published;
  const char *end;
} standstills[] = {
  { "an ordinary fortnight: the day of publication is the first", "2025-03-04", "2025-03-13" },
  { "published on a Saturday: the count begins on Monday", "2025-03-01", "2025-03-12" },
  { "Easter: Good Friday and Easter Monday are not counted", "2025-04-17", "2025-04-30" },
  { "Christmas on a Saturday: substitute days on the 27th and 28th, New Year's on the 3rd "
    "and Scotland's 2 January on the 4th", "2021-12-23", "2022-01-07" },
  { "Boxing Day on a Saturday: its substitute on Monday 28th, and Scotland's 2 January on "
    "Monday 4th", "2026-12-23", "2027-01-07" },
  { "Christmas on a Sunday: Boxing Day on Monday, Christmas's substitute on Tuesday, then "
    "New Year's substitute and Scotland's 2 January", "2022-12-22", "2023-01-06" },
  { "Northern Ireland's St Patrick's Day counts", "2026-03-16", "2026-03-26" },
  { "Scotland's summer bank holiday (first Monday in August) counts", "2025-07-30",
    "2025-08-11" },
  { "the state funeral of 2022, added by proclamation", "2022-09-14", "2022-09-26" },
  { "a count running past the table's last year cannot be made", "2030-12-20", "none" },
  { "nor one starting before its first", "2019-12-20", "none" },
};

static void
test_standstill (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (standstills); i++)
    {
      g_autofree char *end = eighth_working_day (standstills[i].published);

      g_test_message ("%s", standstills[i].why);
      g_assert_cmpstr (end, ==, standstills[i].end);
    }
}

static void
test_holidays (void)
{
  static const char * const holidays[] = { "2020-05-08", "2022-06-02", "2022-06-03",
                                           "2023-05-08", "2024-12-02", "2025-07-14",
                                           "2028-01-04", "2030-04-19", NULL };
  static const char * const not_holidays[] = { "2020-05-04", "2022-05-30", "2024-11-29",
                                               "2025-12-29", "2030-04-18", NULL };

  for (guint i = 0; holidays[i]; i++)
    {
      GDate date = day (holidays[i]);

      g_test_message ("%s", holidays[i]);
      g_assert_true (cm_bank_holiday_is (&date));
      g_assert_false (cm_working_day_is (&date));
    }
  for (guint i = 0; not_holidays[i]; i++)
    {
      GDate date = day (not_holidays[i]);

      g_test_message ("%s", not_holidays[i]);
      g_assert_false (cm_bank_holiday_is (&date));
      g_assert_true (cm_working_day_is (&date));
    }
}

/* Every year has the eight days all parts share, each on a weekday. */
static void
test_every_year (void)
{
  for (int year = CM_WORKING_DAYS_FIRST_YEAR; year <= CM_WORKING_DAYS_LAST_YEAR; year++)
    {
      guint shared = 0, weekend_holidays = 0;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      g_assert_true (cm_working_days_cover (&date));
      while (g_date_get_year (&date) == (GDateYear) year)
        {
          GDateWeekday weekday = g_date_get_weekday (&date);

          if (cm_bank_holiday_is (&date))
            {
              shared++;
              weekend_holidays += weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
            }
          g_date_add_days (&date, 1);
        }
      g_test_message ("%d: %u bank holidays", year, shared);
      /* England and Wales's eight, Scotland's 2 January, summer and St
       * Andrew's Day, Northern Ireland's two: at least 13 days. */
      g_assert_cmpuint (shared, >=, 13);
      g_assert_cmpuint (weekend_holidays, ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/working-days/standstill", test_standstill);
  g_test_add_func ("/working-days/holidays", test_holidays);
  g_test_add_func ("/working-days/every-year", test_every_year);
  return g_test_run ();
}
