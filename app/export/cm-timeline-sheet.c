/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-sheet.c: the workbook's Timeline sheet, contract periods as bars */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-timeline-sheet.h"
#include "cm-workbook-charts.h"

#define SHEET_NAME "Timeline"
#define NOTE_COL 9

/* A running period's row in the sorter: its dates as Julian days, then
 * its texts. */
enum { START, CURRENT_END, LATEST_END, N_NUMBERS };
enum { REFERENCE, TITLE, PROVIDER, N_TEXTS };

typedef struct {
  GDate start, current_end, latest_end;
  const char * const *texts;
} Period;

CmRowSorter *
cm_timeline_sheet_sorter_new (GError **error)
{
  /* Soonest ending first, then by reference. */
  return cm_row_sorter_new (N_NUMBERS, N_TEXTS, "n1, t0", error);
}

/* Contracts still to end and not closed, with a start to draw from. */
gboolean
cm_timeline_sheet_keep (CmRowSorter *sorter, CmContract *contract, const CmContractDates *dates,
                        const GDate *today, GError **error)
{
  GDate start;
  gint64 numbers[N_NUMBERS];
  const char *texts[N_TEXTS] = { cm_contract_get_reference (contract),
                                 cm_contract_get_title (contract),
                                 cm_contract_get_provider_name (contract) };

  if (dates == NULL || cm_contract_is_closed (contract) ||
      !cm_date_parse_iso (cm_contract_get_start_date (contract), &start) ||
      g_date_compare (&dates->current_end, today) < 0)
    return TRUE;
  numbers[START] = g_date_get_julian (&start);
  numbers[CURRENT_END] = g_date_get_julian (&dates->current_end);
  numbers[LATEST_END] = g_date_get_julian (g_date_valid (&dates->latest_end)
                                           ? &dates->latest_end : &dates->current_end);
  return cm_row_sorter_add (sorter, numbers, texts, error);
}

/* Days since 30 December 1899: an Excel date. */
static double
serial (const GDate *date)
{
  GDate epoch;

  g_date_set_dmy (&epoch, 30, 12, 1899);
  return (double) g_date_get_julian (date) - g_date_get_julian (&epoch);
}

static void
write_period (CmSheet *sheet, const Period *period)
{
  cm_sheet_text (sheet, 0, period->texts[REFERENCE]);
  cm_sheet_text (sheet, 1, period->texts[TITLE]);
  cm_sheet_text (sheet, 2, period->texts[PROVIDER]);
  cm_sheet_gdate (sheet, 3, &period->start);
  cm_sheet_gdate (sheet, 4, &period->current_end);
  cm_sheet_gdate (sheet, 5, &period->latest_end);
  cm_sheet_number (sheet, 6, serial (&period->current_end) - serial (&period->start) + 1);
  cm_sheet_number (sheet, 7, serial (&period->latest_end) - serial (&period->current_end));
}

/* Beside the first row: how much of the table the chart shows. */
static void
write_note (CmSheet *sheet, guint n_periods, guint charted)
{
  g_autofree char *note = NULL;

  if (n_periods == 0)
    note = g_strdup (_("No running contract has a start and an end date, so there is nothing "
                       "to chart."));
  else if (charted < n_periods)
    note = g_strdup_printf (ngettext ("The chart shows the %u contract that ends soonest; the "
                                      "table lists all %u.",
                                      "The chart shows the %u contracts that end soonest; the "
                                      "table lists all %u.", charted),
                            charted, n_periods);
  else
    note = g_strdup (_("The chart shows every contract in the table."));
  cm_sheet_text (sheet, NOTE_COL, note);
}

typedef struct {
  CmSheet *sheet;
  guint n_periods;
  guint charted;
  guint written;
  double from, to;
} Rows;

static void
write_row (const gint64 *numbers, const char * const *texts, gpointer user_data)
{
  Rows *rows = user_data;
  Period period = { .texts = texts };

  g_date_set_julian (&period.start, numbers[START]);
  g_date_set_julian (&period.current_end, numbers[CURRENT_END]);
  g_date_set_julian (&period.latest_end, numbers[LATEST_END]);
  if (rows->written == 0)
    write_note (rows->sheet, rows->n_periods, rows->charted);
  if (rows->written < rows->charted)
    {
      rows->from = MIN (rows->from, serial (&period.start));
      rows->to = MAX (rows->to, serial (&period.latest_end));
    }
  write_period (rows->sheet, &period);
  cm_sheet_next_row (rows->sheet);
  rows->written++;
}

CmSheet *
cm_timeline_sheet_write (lxw_workbook *workbook, const CmSheetFormats *formats,
                         CmRowSorter *sorter, GError **error)
{
  const char *headers[] = { _("Reference"), _("Title"), _("Provider"), _("Start date"),
                            _("Current end"), _("Latest possible end"),
                            _("Days in current term"), _("Days of extensions available"),
                            NULL };
  CmSheet *sheet = cm_sheet_new (workbook, SHEET_NAME, formats, headers);
  guint n_periods = MIN (cm_row_sorter_count (sorter), G_MAXUINT);
  Rows rows = { sheet, n_periods, MIN (n_periods, CM_TIMELINE_CHART_ROWS), 0, G_MAXDOUBLE, 0 };

  if (sheet->worksheet == NULL)
    return sheet;
  /* The note goes in the first row's line: rows are written in order. */
  if (n_periods == 0)
    write_note (sheet, 0, 0);
  if (!cm_row_sorter_each (sorter, write_row, &rows, error))
    return sheet;
  if (rows.charted > 0 && sheet->error == LXW_NO_ERROR)
    sheet->error = cm_chart_timeline_bars (workbook, sheet->worksheet, SHEET_NAME, 1,
                                           rows.charted, rows.from, rows.to, 2, NOTE_COL);
  return sheet;
}
