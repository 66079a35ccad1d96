/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-working-days.c: the United Kingdom's bank holidays, and working days counted over them */
#include <stdlib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-working-days.h"

/* Where each day is a bank holiday. */
enum {
  EW = 1 << 0, /* England and Wales */
  SC = 1 << 1, /* Scotland */
  NI = 1 << 2, /* Northern Ireland */
  UK = EW | SC | NI,
};

/* The bank holidays of 2020 to 2030 in date order, as GOV.UK publishes
 * them for each part of the United Kingdom (www.gov.uk/bank-holidays):
 * the Banking and Financial Dealings Act 1971's days, a substitute day
 * when one falls on a weekend, and the days moved or added by
 * proclamation (VE day 2020, the Platinum Jubilee and the state funeral
 * of 2022, the coronation of 2023). The years GOV.UK has not published
 * yet follow the usual pattern; a proclamation can still move or add a
 * day, and the table must then be corrected from GOV.UK's list. */
static const struct {
  const char *day; /* yyyy-mm-dd */
  int where;
} holidays[] = {
  { "2020-01-01", UK }, /* Wed New Year’s Day */
  { "2020-01-02", SC }, /* Thu 2nd January */
  { "2020-03-17", NI }, /* Tue St Patrick’s Day */
  { "2020-04-10", UK }, /* Fri Good Friday */
  { "2020-04-13", EW | NI }, /* Mon Easter Monday */
  { "2020-05-08", UK }, /* Fri Early May bank holiday (VE day) */
  { "2020-05-25", UK }, /* Mon Spring bank holiday */
  { "2020-07-13", NI }, /* Mon Battle of the Boyne (Orangemen’s Day) (substitute day) */
  { "2020-08-03", SC }, /* Mon Summer bank holiday */
  { "2020-08-31", EW | NI }, /* Mon Summer bank holiday */
  { "2020-11-30", SC }, /* Mon St Andrew’s Day */
  { "2020-12-25", UK }, /* Fri Christmas Day */
  { "2020-12-28", UK }, /* Mon Boxing Day (substitute day) */
  { "2021-01-01", UK }, /* Fri New Year’s Day */
  { "2021-01-04", SC }, /* Mon 2nd January (substitute day) */
  { "2021-03-17", NI }, /* Wed St Patrick’s Day */
  { "2021-04-02", UK }, /* Fri Good Friday */
  { "2021-04-05", EW | NI }, /* Mon Easter Monday */
  { "2021-05-03", UK }, /* Mon Early May bank holiday */
  { "2021-05-31", UK }, /* Mon Spring bank holiday */
  { "2021-07-12", NI }, /* Mon Battle of the Boyne (Orangemen’s Day) */
  { "2021-08-02", SC }, /* Mon Summer bank holiday */
  { "2021-08-30", EW | NI }, /* Mon Summer bank holiday */
  { "2021-11-30", SC }, /* Tue St Andrew’s Day */
  { "2021-12-27", UK }, /* Mon Christmas Day (substitute day) */
  { "2021-12-28", UK }, /* Tue Boxing Day (substitute day) */
  { "2022-01-03", UK }, /* Mon New Year’s Day (substitute day) */
  { "2022-01-04", SC }, /* Tue 2nd January (substitute day) */
  { "2022-03-17", NI }, /* Thu St Patrick’s Day */
  { "2022-04-15", UK }, /* Fri Good Friday */
  { "2022-04-18", EW | NI }, /* Mon Easter Monday */
  { "2022-05-02", UK }, /* Mon Early May bank holiday */
  { "2022-06-02", UK }, /* Thu Spring bank holiday */
  { "2022-06-03", UK }, /* Fri Platinum Jubilee bank holiday */
  { "2022-07-12", NI }, /* Tue Battle of the Boyne (Orangemen’s Day) */
  { "2022-08-01", SC }, /* Mon Summer bank holiday */
  { "2022-08-29", EW | NI }, /* Mon Summer bank holiday */
  { "2022-09-19", UK }, /* Mon State Funeral of Queen Elizabeth II */
  { "2022-11-30", SC }, /* Wed St Andrew’s Day */
  { "2022-12-26", UK }, /* Mon Boxing Day */
  { "2022-12-27", UK }, /* Tue Christmas Day (substitute day) */
  { "2023-01-02", UK }, /* Mon New Year’s Day (substitute day) */
  { "2023-01-03", SC }, /* Tue 2nd January (substitute day) */
  { "2023-03-17", NI }, /* Fri St Patrick’s Day */
  { "2023-04-07", UK }, /* Fri Good Friday */
  { "2023-04-10", EW | NI }, /* Mon Easter Monday */
  { "2023-05-01", UK }, /* Mon Early May bank holiday */
  { "2023-05-08", UK }, /* Mon Bank holiday for the coronation of King Charles III */
  { "2023-05-29", UK }, /* Mon Spring bank holiday */
  { "2023-07-12", NI }, /* Wed Battle of the Boyne (Orangemen’s Day) */
  { "2023-08-07", SC }, /* Mon Summer bank holiday */
  { "2023-08-28", EW | NI }, /* Mon Summer bank holiday */
  { "2023-11-30", SC }, /* Thu St Andrew’s Day */
  { "2023-12-25", UK }, /* Mon Christmas Day */
  { "2023-12-26", UK }, /* Tue Boxing Day */
  { "2024-01-01", UK }, /* Mon New Year’s Day */
  { "2024-01-02", SC }, /* Tue 2nd January */
  { "2024-03-18", NI }, /* Mon St Patrick’s Day (substitute day) */
  { "2024-03-29", UK }, /* Fri Good Friday */
  { "2024-04-01", EW | NI }, /* Mon Easter Monday */
  { "2024-05-06", UK }, /* Mon Early May bank holiday */
  { "2024-05-27", UK }, /* Mon Spring bank holiday */
  { "2024-07-12", NI }, /* Fri Battle of the Boyne (Orangemen’s Day) */
  { "2024-08-05", SC }, /* Mon Summer bank holiday */
  { "2024-08-26", EW | NI }, /* Mon Summer bank holiday */
  { "2024-12-02", SC }, /* Mon St Andrew’s Day (substitute day) */
  { "2024-12-25", UK }, /* Wed Christmas Day */
  { "2024-12-26", UK }, /* Thu Boxing Day */
  { "2025-01-01", UK }, /* Wed New Year’s Day */
  { "2025-01-02", SC }, /* Thu 2nd January */
  { "2025-03-17", NI }, /* Mon St Patrick’s Day */
  { "2025-04-18", UK }, /* Fri Good Friday */
  { "2025-04-21", EW | NI }, /* Mon Easter Monday */
  { "2025-05-05", UK }, /* Mon Early May bank holiday */
  { "2025-05-26", UK }, /* Mon Spring bank holiday */
  { "2025-07-14", NI }, /* Mon Battle of the Boyne (Orangemen’s Day) (substitute day) */
  { "2025-08-04", SC }, /* Mon Summer bank holiday */
  { "2025-08-25", EW | NI }, /* Mon Summer bank holiday */
  { "2025-12-01", SC }, /* Mon St Andrew’s Day (substitute day) */
  { "2025-12-25", UK }, /* Thu Christmas Day */
  { "2025-12-26", UK }, /* Fri Boxing Day */
  { "2026-01-01", UK }, /* Thu New Year’s Day */
  { "2026-01-02", SC }, /* Fri 2nd January */
  { "2026-03-17", NI }, /* Tue St Patrick’s Day */
  { "2026-04-03", UK }, /* Fri Good Friday */
  { "2026-04-06", EW | NI }, /* Mon Easter Monday */
  { "2026-05-04", UK }, /* Mon Early May bank holiday */
  { "2026-05-25", UK }, /* Mon Spring bank holiday */
  { "2026-07-13", NI }, /* Mon Battle of the Boyne (Orangemen’s Day) (substitute day) */
  { "2026-08-03", SC }, /* Mon Summer bank holiday */
  { "2026-08-31", EW | NI }, /* Mon Summer bank holiday */
  { "2026-11-30", SC }, /* Mon St Andrew’s Day */
  { "2026-12-25", UK }, /* Fri Christmas Day */
  { "2026-12-28", UK }, /* Mon Boxing Day (substitute day) */
  { "2027-01-01", UK }, /* Fri New Year’s Day */
  { "2027-01-04", SC }, /* Mon 2nd January (substitute day) */
  { "2027-03-17", NI }, /* Wed St Patrick’s Day */
  { "2027-03-26", UK }, /* Fri Good Friday */
  { "2027-03-29", EW | NI }, /* Mon Easter Monday */
  { "2027-05-03", UK }, /* Mon Early May bank holiday */
  { "2027-05-31", UK }, /* Mon Spring bank holiday */
  { "2027-07-12", NI }, /* Mon Battle of the Boyne (Orangemen’s Day) */
  { "2027-08-02", SC }, /* Mon Summer bank holiday */
  { "2027-08-30", EW | NI }, /* Mon Summer bank holiday */
  { "2027-11-30", SC }, /* Tue St Andrew’s Day */
  { "2027-12-27", UK }, /* Mon Christmas Day (substitute day) */
  { "2027-12-28", UK }, /* Tue Boxing Day (substitute day) */
  { "2028-01-03", UK }, /* Mon New Year’s Day (substitute day) */
  { "2028-01-04", SC }, /* Tue 2nd January (substitute day) */
  { "2028-03-17", NI }, /* Fri St Patrick’s Day */
  { "2028-04-14", UK }, /* Fri Good Friday */
  { "2028-04-17", EW | NI }, /* Mon Easter Monday */
  { "2028-05-01", UK }, /* Mon Early May bank holiday */
  { "2028-05-29", UK }, /* Mon Spring bank holiday */
  { "2028-07-12", NI }, /* Wed Battle of the Boyne (Orangemen’s Day) */
  { "2028-08-07", SC }, /* Mon Summer bank holiday */
  { "2028-08-28", EW | NI }, /* Mon Summer bank holiday */
  { "2028-11-30", SC }, /* Thu St Andrew’s Day */
  { "2028-12-25", UK }, /* Mon Christmas Day */
  { "2028-12-26", UK }, /* Tue Boxing Day */
  { "2029-01-01", UK }, /* Mon New Year’s Day */
  { "2029-01-02", SC }, /* Tue 2nd January */
  { "2029-03-19", NI }, /* Mon St Patrick’s Day (substitute day) */
  { "2029-03-30", UK }, /* Fri Good Friday */
  { "2029-04-02", EW | NI }, /* Mon Easter Monday */
  { "2029-05-07", UK }, /* Mon Early May bank holiday */
  { "2029-05-28", UK }, /* Mon Spring bank holiday */
  { "2029-07-12", NI }, /* Thu Battle of the Boyne (Orangemen’s Day) */
  { "2029-08-06", SC }, /* Mon Summer bank holiday */
  { "2029-08-27", EW | NI }, /* Mon Summer bank holiday */
  { "2029-11-30", SC }, /* Fri St Andrew’s Day */
  { "2029-12-25", UK }, /* Tue Christmas Day */
  { "2029-12-26", UK }, /* Wed Boxing Day */
  { "2030-01-01", UK }, /* Tue New Year’s Day */
  { "2030-01-02", SC }, /* Wed 2nd January */
  { "2030-03-18", NI }, /* Mon St Patrick’s Day (substitute day) */
  { "2030-04-19", UK }, /* Fri Good Friday */
  { "2030-04-22", EW | NI }, /* Mon Easter Monday */
  { "2030-05-06", UK }, /* Mon Early May bank holiday */
  { "2030-05-27", UK }, /* Mon Spring bank holiday */
  { "2030-07-12", NI }, /* Fri Battle of the Boyne (Orangemen’s Day) */
  { "2030-08-05", SC }, /* Mon Summer bank holiday */
  { "2030-08-26", EW | NI }, /* Mon Summer bank holiday */
  { "2030-12-02", SC }, /* Mon St Andrew’s Day (substitute day) */
  { "2030-12-25", UK }, /* Wed Christmas Day */
  { "2030-12-26", UK }, /* Thu Boxing Day */
};

gboolean
cm_working_days_cover (const GDate *date)
{
  GDateYear year = g_date_get_year (date);

  return year >= CM_WORKING_DAYS_FIRST_YEAR && year <= CM_WORKING_DAYS_LAST_YEAR;
}

static int
by_day (const void *key, const void *item)
{
  return strcmp (key, *(const char * const *) item);
}

gboolean
cm_bank_holiday_is (const GDate *date)
{
  g_autofree char *day = cm_date_format_iso (date);

  return bsearch (day, holidays, G_N_ELEMENTS (holidays), sizeof holidays[0], by_day) != NULL;
}

gboolean
cm_working_day_is (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY && !cm_bank_holiday_is (date);
}

gboolean
cm_working_days_end (const GDate *first, guint n, GDate *end)
{
  GDate day = *first;
  guint counted = 0;

  g_return_val_if_fail (g_date_valid (first) && n > 0, FALSE);

  for (;;)
    {
      if (!cm_working_days_cover (&day))
        return FALSE;
      if (cm_working_day_is (&day) && ++counted == n)
        break;
      g_date_add_days (&day, 1);
    }
  *end = day;
  return TRUE;
}
