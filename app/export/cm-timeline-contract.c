/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-contract.c: a contract's row on a timeline, from the date engine
 *
 * Every date comes from cm-contract-dates.c: the ends, the notice and
 * decision dates with their statuses, and each period counted from its
 * own start with cm_date_period_end (), as the engine chains extensions.
 */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-timeline-contract.h"

static const CmExtension *
extension_at (const CmTerm *term, guint i)
{
  return &g_array_index (term->extensions, CmExtension, i);
}

/* The period after @end, counted from the day after it. */
static CmTimelineSpan
next_span (CmTimelineSpanKind kind, const GDate *end, guint number, const CmPeriod *length)
{
  CmTimelineSpan span = { kind, *end, { 0 }, number, *length };

  g_date_add_days (&span.from, 1);
  cm_date_period_end (&span.to, &span.from, length);
  return span;
}

/* The initial period and the extensions taken, as the term counts them;
 * the end as signed wins over the count, so the last of them ends there. */
static void
add_taken (GArray *spans, const GDate *start, const CmTerm *term, const GDate *signed_end)
{
  CmTimelineSpan span = { CM_TIMELINE_SPAN_INITIAL, *start, { 0 }, 0, term->initial };

  cm_date_period_end (&span.to, start, &term->initial);
  g_array_append_val (spans, span);
  for (guint i = 0; i < term->extensions->len; i++)
    if (extension_at (term, i)->invoked)
      {
        span = next_span (CM_TIMELINE_SPAN_TAKEN, &span.to, i + 1, &extension_at (term, i)->length);
        g_array_append_val (spans, span);
      }
  while (spans->len > 1 &&
         g_date_compare (&g_array_index (spans, CmTimelineSpan, spans->len - 1).from,
                         signed_end) > 0)
    g_array_set_size (spans, spans->len - 1);
  g_array_index (spans, CmTimelineSpan, spans->len - 1).to = *signed_end;
}

/* The extensions still to take, one after another from @end. */
static void
add_available (GArray *spans, const CmTerm *term, const GDate *end)
{
  GDate last = *end;

  for (guint i = 0; term && i < term->extensions->len; i++)
    if (!extension_at (term, i)->invoked)
      {
        CmTimelineSpan span = next_span (CM_TIMELINE_SPAN_AVAILABLE, &last, i + 1,
                                         &extension_at (term, i)->length);

        g_array_append_val (spans, span);
        last = span.to;
      }
}

/* Early termination cuts the periods short at the new end. */
static void
clip_spans (GArray *spans, const GDate *end)
{
  for (guint i = spans->len; i-- > 0;)
    {
      CmTimelineSpan *span = &g_array_index (spans, CmTimelineSpan, i);

      if (g_date_valid (&span->from) && g_date_compare (&span->from, end) > 0)
        g_array_remove_index (spans, i);
      else if (g_date_valid (&span->to) && g_date_compare (&span->to, end) > 0)
        span->to = *end;
    }
}

static void
add_spans (CmTimelineRow *row, const GDate *start, const CmTerm *term,
           const CmContractDates *dates)
{
  CmPeriod none = { 0, 0 };
  CmTimelineSpan running = { CM_TIMELINE_SPAN_RUNNING, { 0 }, { 0 }, 0, none };

  if (start && dates && term && cm_term_states_initial (term))
    add_taken (row->spans, start, term, &dates->scheduled_end);
  else if (start || dates)
    {
      /* The term cannot be read: one span from what is known. */
      g_date_clear (&running.from, 1);
      g_date_clear (&running.to, 1);
      if (start)
        running.from = *start;
      if (dates)
        running.to = dates->scheduled_end;
      g_array_append_val (row->spans, running);
    }
  if (dates == NULL)
    return;
  if (dates->ended_early)
    clip_spans (row->spans, &dates->current_end);
  else
    add_available (row->spans, term, &dates->current_end);
}

static void
add_marks (CmTimelineRow *row, CmContract *contract, const GDate *start,
           const CmContractDates *dates)
{
  /* What happened at its end is recorded: nothing about it is urgent. */
  gboolean closed = cm_contract_is_closed (contract);
  GDate served;

  if (start)
    cm_timeline_row_add_mark (row, CM_TIMELINE_MARK_START, start, CM_DEADLINE_OK);
  if (dates == NULL)
    return;
  if (cm_date_parse_iso (cm_contract_get_notice_served (contract), &served))
    cm_timeline_row_add_mark (row, CM_TIMELINE_MARK_NOTICE_SERVED, &served, CM_DEADLINE_OK);
  if (g_date_valid (&dates->latest_notice))
    cm_timeline_row_add_mark (row, CM_TIMELINE_MARK_NOTICE_BY, &dates->latest_notice,
                              closed ? CM_DEADLINE_OK : dates->notice_status);
  else
    row->notice_unknown = TRUE;
  if (g_date_valid (&dates->extension_decision))
    cm_timeline_row_add_mark (row, CM_TIMELINE_MARK_EXTENSION_DECISION,
                              &dates->extension_decision,
                              closed ? CM_DEADLINE_OK : dates->extension_status);
  cm_timeline_row_add_mark (row, CM_TIMELINE_MARK_END, &dates->current_end,
                            closed ? CM_DEADLINE_OK : dates->end_status);
  if (g_date_compare (&dates->latest_end, &dates->current_end) != 0)
    cm_timeline_row_add_mark (row, CM_TIMELINE_MARK_LATEST_END, &dates->latest_end,
                              CM_DEADLINE_OK);
}

static int
by_mark_date (gconstpointer a, gconstpointer b)
{
  return g_date_compare (&((const CmTimelineMark *) a)->date,
                         &((const CmTimelineMark *) b)->date);
}

static char *
row_label (CmContract *contract)
{
  const char *reference = cm_contract_get_reference (contract);
  const char *title = cm_contract_get_title (contract);

  if (*reference == '\0' || *title == '\0')
    return g_strdup (*reference ? reference : title);
  /* Translators: a contract's reference and title, "C-1001 Carers breaks" */
  return g_strdup_printf (_("%s %s"), reference, title);
}

CmTimelineRow *
cm_timeline_add_contract (CmTimeline *timeline, CmContract *contract,
                          const CmDeadlineSettings *settings)
{
  g_autofree char *label = row_label (contract);
  CmTimelineRow *row = cm_timeline_add_row (timeline, label);
  g_autoptr(CmTerm) term = cm_contract_get_term (contract, NULL);
  CmContractDates dates;
  gboolean dated = cm_contract_compute_dates (contract, &timeline->today, settings, &dates);
  GDate start;
  gboolean started = cm_date_parse_iso (cm_contract_get_start_date (contract), &start);

  add_spans (row, started ? &start : NULL, term, dated ? &dates : NULL);
  add_marks (row, contract, started ? &start : NULL, dated ? &dates : NULL);
  g_array_sort (row->marks, by_mark_date);
  return row;
}
