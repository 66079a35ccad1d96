/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-deadlines.c: the deadlines schedule, every upcoming contract date, as PDF */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-report.h"
#include "cm-required-notices.h"

typedef struct {
  const CmReportContext *context;
  GPtrArray *deadlines;
  guint skipped;
  CmDeadlineSettings settings;
} Schedule;

/* "Breached 2, overdue 5, …": how many of each status, most urgent first. */
static char *
status_counts (Schedule *schedule)
{
  static const CmDeadlineStatus order[] = { CM_DEADLINE_BREACHED, CM_DEADLINE_OVERDUE,
                                            CM_DEADLINE_DUE_SOON, CM_DEADLINE_UNKNOWN,
                                            CM_DEADLINE_OK };
  guint counts[CM_DEADLINE_UNKNOWN + 1] = { 0 };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < schedule->deadlines->len; i++)
    counts[((CmDeadline *) g_ptr_array_index (schedule->deadlines, i))->status]++;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    /* TRANSLATORS: a status and how many dates have it, "Overdue: 5" */
    g_string_append_printf (text, _("%s%s: %u"), i ? "; " : "",
                            cm_deadline_status_label (order[i]), counts[order[i]]);
  return g_string_free (text, FALSE);
}

static void
draw_summary (CmReportPage *page, Schedule *schedule)
{
  g_autofree char *counts = status_counts (schedule);
  g_autofree char *intro = g_strdup_printf (ngettext ("%u date, most urgent first. A date is due "
                                                      "soon within %d days.",
                                                      "%u dates, most urgent first. A date is "
                                                      "due soon within %d days.",
                                                      schedule->deadlines->len),
                                            schedule->deadlines->len,
                                            schedule->settings.due_soon_days);

  cm_report_page_heading (page, _("Summary"));
  cm_report_page_paragraph (page, intro);
  cm_report_page_paragraph (page, counts);
  if (schedule->skipped > 0)
    {
      g_autofree char *skipped = g_strdup_printf (
        ngettext ("%u contract has neither an end date nor a readable start date and term, so "
                  "it has no dates here.",
                  "%u contracts have neither an end date nor a readable start date and term, "
                  "so they have no dates here.", schedule->skipped), schedule->skipped);

      cm_report_page_paragraph (page, skipped);
    }
}

static void
draw_row (CmReportPage *page, const CmDeadline *deadline)
{
  g_autofree char *date = cm_date_to_short (&deadline->date);
  g_autofree char *kind = cm_deadline_kind_text (deadline);
  const char *cells[] = {
    *date ? date : _("Not known"), cm_deadline_status_label (deadline->status), kind,
    cm_contract_get_reference (deadline->contract), cm_contract_get_title (deadline->contract),
    cm_contract_get_provider_name (deadline->contract),
  };

  cm_report_page_row (page, cells);
}

static void
draw_schedule (CmReportPage *page, gpointer data)
{
  Schedule *schedule = data;
  const char *headers[] = { _("Date"), _("Status"), _("What"), _("Reference"), _("Title"),
                            _("Provider"), NULL };
  static const double shares[] = { 0.15, 0.11, 0.18, 0.12, 0.24, 0.20 };

  cm_report_title_page (page, schedule->context, _("Deadlines schedule"), NULL);
  draw_summary (page, schedule);
  cm_report_page_heading (page, _("Schedule"));
  if (schedule->deadlines->len == 0)
    {
      cm_report_page_paragraph (page, _("This portfolio has no upcoming contract dates: it "
                                        "holds no running contract with an end date or a "
                                        "start date and term."));
      return;
    }
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < schedule->deadlines->len; i++)
    draw_row (page, g_ptr_array_index (schedule->deadlines, i));
  cm_report_page_end_table (page);
}

gboolean
cm_report_deadlines (const CmReportContext *context, const char *path, GError **error)
{
  Schedule schedule = { context };
  gboolean written;

  cm_deadline_settings_load (context->store, &schedule.settings);
  schedule.deadlines = cm_deadlines_collect (cm_store_list (context->store, CM_TYPE_CONTRACT),
                                             context->today, &schedule.settings,
                                             &schedule.skipped);
  written = cm_report_render (context, path, _("Deadlines schedule"), draw_schedule, &schedule,
                              error);
  g_ptr_array_unref (schedule.deadlines);
  return written;
}
