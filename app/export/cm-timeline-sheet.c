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

typedef struct {
  CmContract *contract;
  GDate start, current_end, latest_end;
} Period;

static int
by_end (gconstpointer a, gconstpointer b)
{
  const Period *x = a, *y = b;
  int order = g_date_compare (&x->current_end, &y->current_end);

  return order ? order : g_strcmp0 (cm_contract_get_reference (x->contract),
                                     cm_contract_get_reference (y->contract));
}

/* Contracts still to end and not closed, with a start to draw from. */
static GArray *
running_periods (CmStore *store, const GDate *today, const CmDeadlineSettings *settings)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (Period));

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      CmContractDates dates;
      Period period = { contract };

      if (cm_contract_is_closed (contract) ||
          !cm_date_parse_iso (cm_contract_get_start_date (contract), &period.start) ||
          !cm_contract_compute_dates (contract, today, settings, &dates) ||
          g_date_compare (&dates.current_end, today) < 0)
        continue;
      period.current_end = dates.current_end;
      period.latest_end = g_date_valid (&dates.latest_end) ? dates.latest_end
                                                           : dates.current_end;
      g_array_append_val (periods, period); /* the store's list keeps the contract */
    }
  g_array_sort (periods, by_end);
  return periods;
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
  CmContract *contract = period->contract;

  cm_sheet_text (sheet, 0, cm_contract_get_reference (contract));
  cm_sheet_text (sheet, 1, cm_contract_get_title (contract));
  cm_sheet_text (sheet, 2, cm_contract_get_provider_name (contract));
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

CmSheet *
cm_timeline_sheet_write (lxw_workbook *workbook, const CmSheetFormats *formats, CmStore *store,
                         const GDate *today, const CmDeadlineSettings *settings)
{
  const char *headers[] = { _("Reference"), _("Title"), _("Provider"), _("Start date"),
                            _("Current end"), _("Latest possible end"),
                            _("Days in current term"), _("Days of extensions available"),
                            NULL };
  CmSheet *sheet = cm_sheet_new (workbook, SHEET_NAME, formats, headers);
  g_autoptr(GArray) periods = running_periods (store, today, settings);
  guint charted = MIN (periods->len, CM_TIMELINE_CHART_ROWS);
  double from = G_MAXDOUBLE, to = 0;

  if (sheet->worksheet == NULL)
    return sheet;
  /* The note goes in the first row's line: rows are written in order. */
  if (periods->len == 0)
    write_note (sheet, 0, 0);
  for (guint i = 0; i < periods->len; i++)
    {
      const Period *period = &g_array_index (periods, Period, i);

      if (i == 0)
        write_note (sheet, periods->len, charted);
      if (i < charted)
        {
          from = MIN (from, serial (&period->start));
          to = MAX (to, serial (&period->latest_end));
        }
      write_period (sheet, period);
      cm_sheet_next_row (sheet);
    }
  if (charted > 0 && sheet->error == LXW_NO_ERROR)
    sheet->error = cm_chart_timeline_bars (workbook, sheet->worksheet, SHEET_NAME, 1, charted,
                                           from, to, 2, NOTE_COL);
  return sheet;
}
