/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline.c: contracts as periods and dated marks on one time axis */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-timeline.h"

static void
row_free (gpointer data)
{
  CmTimelineRow *row = data;

  g_free (row->label);
  g_array_unref (row->spans);
  g_array_unref (row->marks);
  g_free (row);
}

CmTimeline *
cm_timeline_new (const GDate *today)
{
  CmTimeline *timeline = g_new0 (CmTimeline, 1);

  timeline->rows = g_ptr_array_new_with_free_func (row_free);
  timeline->today = *today;
  return timeline;
}

void
cm_timeline_free (CmTimeline *timeline)
{
  g_ptr_array_unref (timeline->rows);
  g_free (timeline);
}

CmTimelineRow *
cm_timeline_add_row (CmTimeline *timeline, const char *label)
{
  CmTimelineRow *row = g_new0 (CmTimelineRow, 1);

  row->label = g_strdup (label);
  row->spans = g_array_new (FALSE, FALSE, sizeof (CmTimelineSpan));
  row->marks = g_array_new (FALSE, FALSE, sizeof (CmTimelineMark));
  g_ptr_array_add (timeline->rows, row);
  return row;
}

void
cm_timeline_row_add_span (CmTimelineRow *row, const CmTimelineSpan *span)
{
  g_array_append_val (row->spans, *span);
}

void
cm_timeline_row_add_mark (CmTimelineRow *row, CmTimelineMarkKind kind, const GDate *date,
                          CmDeadlineStatus status)
{
  CmTimelineMark mark = { kind, *date, status };

  g_array_append_val (row->marks, mark);
}

/* ---- extent --------------------------------------------------------------- */

static void
widen (GDate *first, GDate *last, const GDate *date)
{
  if (!g_date_valid (date))
    return;
  if (!g_date_valid (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!g_date_valid (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

gboolean
cm_timeline_bounds (const CmTimeline *timeline, GDate *first, GDate *last)
{
  gboolean any = FALSE;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  for (guint r = 0; r < timeline->rows->len; r++)
    {
      CmTimelineRow *row = g_ptr_array_index (timeline->rows, r);

      for (guint i = 0; i < row->spans->len; i++)
        {
          CmTimelineSpan *span = &g_array_index (row->spans, CmTimelineSpan, i);

          any = any || g_date_valid (&span->from) || g_date_valid (&span->to);
          widen (first, last, &span->from);
          widen (first, last, &span->to);
        }
      for (guint i = 0; i < row->marks->len; i++)
        {
          any = TRUE;
          widen (first, last, &g_array_index (row->marks, CmTimelineMark, i).date);
        }
    }
  widen (first, last, &timeline->today);
  return any;
}

/* ---- items ---------------------------------------------------------------- */

static const GDate *
item_date (const CmTimeline *timeline, const CmTimelineItem *item)
{
  CmTimelineRow *row;

  if (item->row == G_MAXUINT)
    return &timeline->today;
  row = g_ptr_array_index (timeline->rows, item->row);
  if (item->is_span)
    return &g_array_index (row->spans, CmTimelineSpan, item->index).from;
  return &g_array_index (row->marks, CmTimelineMark, item->index).date;
}

/* Within a row by date; a span whose start is not known comes first. */
static int
by_date (gconstpointer a, gconstpointer b, gpointer timeline)
{
  const CmTimelineItem *x = a, *y = b;
  const GDate *dx = item_date (timeline, x), *dy = item_date (timeline, y);

  if (x->row != y->row)
    return x->row == G_MAXUINT ? -1 : y->row == G_MAXUINT ? 1 : (int) x->row - (int) y->row;
  if (!g_date_valid (dx) || !g_date_valid (dy))
    return g_date_valid (dx) - g_date_valid (dy);
  if (g_date_compare (dx, dy) != 0)
    return g_date_compare (dx, dy);
  return y->is_span - x->is_span;
}

GArray *
cm_timeline_items (const CmTimeline *timeline)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (CmTimelineItem));
  CmTimelineItem today = { G_MAXUINT, FALSE, 0 };

  g_array_append_val (items, today);
  for (guint r = 0; r < timeline->rows->len; r++)
    {
      CmTimelineRow *row = g_ptr_array_index (timeline->rows, r);

      for (guint i = 0; i < row->spans->len; i++)
        g_array_append_val (items, ((CmTimelineItem) { r, TRUE, i }));
      for (guint i = 0; i < row->marks->len; i++)
        g_array_append_val (items, ((CmTimelineItem) { r, FALSE, i }));
    }
  g_array_sort_with_data (items, by_date, (gpointer) timeline);
  return items;
}

/* ---- words ---------------------------------------------------------------- */

const char *
cm_timeline_mark_label (CmTimelineMarkKind kind)
{
  static const char * const labels[] = {
    [CM_TIMELINE_MARK_START] = N_("Start"),
    [CM_TIMELINE_MARK_NOTICE_BY] = N_("Latest day to serve notice"),
    [CM_TIMELINE_MARK_EXTENSION_DECISION] = N_("Extension decision due"),
    [CM_TIMELINE_MARK_NOTICE_SERVED] = N_("Notice served"),
    [CM_TIMELINE_MARK_END] = N_("Contract ends"),
    [CM_TIMELINE_MARK_LATEST_END] = N_("Latest possible end"),
    [CM_TIMELINE_MARK_TODAY] = N_("Today"),
  };

  return _(labels[kind]);
}

const char *
cm_timeline_span_label (CmTimelineSpanKind kind)
{
  static const char * const labels[] = {
    [CM_TIMELINE_SPAN_INITIAL] = N_("Initial period"),
    [CM_TIMELINE_SPAN_TAKEN] = N_("Extension taken"),
    [CM_TIMELINE_SPAN_AVAILABLE] = N_("Extension available"),
    [CM_TIMELINE_SPAN_RUNNING] = N_("Contract period"),
  };

  return _(labels[kind]);
}

static char *
span_name (const CmTimelineSpan *span)
{
  g_autofree char *from = g_date_valid (&span->from) ? cm_date_to_long (&span->from)
                                                     : g_strdup (_("a start not recorded"));
  g_autofree char *to = g_date_valid (&span->to) ? cm_date_to_long (&span->to)
                                                 : g_strdup (_("no end date recorded"));
  g_autofree char *length = NULL;

  if (span->kind == CM_TIMELINE_SPAN_RUNNING)
    return g_strdup_printf (_("%s: %s to %s"), cm_timeline_span_label (span->kind), from, to);
  length = cm_period_format (&span->length);
  if (span->kind == CM_TIMELINE_SPAN_INITIAL)
    return g_strdup_printf (_("Initial period of %s: %s to %s"), length, from, to);
  /* Translators: "Extension 1 of 1 year, taken: 1 April 2027 to 31 March 2028" */
  return g_strdup_printf (span->kind == CM_TIMELINE_SPAN_TAKEN
                          ? _("Extension %u of %s, taken: %s to %s")
                          : _("Extension %u of %s, available: %s to %s"),
                          span->number, length, from, to);
}

static char *
mark_name (const CmTimelineMark *mark)
{
  g_autofree char *date = cm_date_to_long (&mark->date);

  if (mark->status == CM_DEADLINE_OK || mark->status == CM_DEADLINE_UNKNOWN)
    return g_strdup_printf (_("%s: %s"), cm_timeline_mark_label (mark->kind), date);
  /* Translators: "Latest day to serve notice: 30 September 2026, Overdue" */
  return g_strdup_printf (_("%s: %s, %s"), cm_timeline_mark_label (mark->kind), date,
                          cm_deadline_status_label (mark->status));
}

char *
cm_timeline_item_name (const CmTimeline *timeline, const CmTimelineItem *item)
{
  CmTimelineRow *row;
  g_autofree char *name = NULL;

  if (item->row == G_MAXUINT)
    {
      CmTimelineMark today = { CM_TIMELINE_MARK_TODAY, timeline->today, CM_DEADLINE_OK };

      return mark_name (&today);
    }
  row = g_ptr_array_index (timeline->rows, item->row);
  name = item->is_span
         ? span_name (&g_array_index (row->spans, CmTimelineSpan, item->index))
         : mark_name (&g_array_index (row->marks, CmTimelineMark, item->index));
  /* Several contracts share the axis: say whose date it is. */
  if (timeline->rows->len > 1)
    return g_strdup_printf (_("%s — %s"), row->label, name);
  return g_steal_pointer (&name);
}

static int
urgency (CmDeadlineStatus status)
{
  static const int ranks[] = {
    [CM_DEADLINE_OK] = 0, [CM_DEADLINE_UNKNOWN] = 0, [CM_DEADLINE_DUE_SOON] = 1,
    [CM_DEADLINE_OVERDUE] = 2, [CM_DEADLINE_BREACHED] = 3,
  };

  return ranks[status];
}

const CmTimelineMark *
cm_timeline_row_urgent (const CmTimelineRow *row)
{
  const CmTimelineMark *urgent = NULL;

  for (guint i = 0; i < row->marks->len; i++)
    {
      const CmTimelineMark *mark = &g_array_index (row->marks, CmTimelineMark, i);

      if (urgency (mark->status) > (urgent ? urgency (urgent->status) : 0))
        urgent = mark;
    }
  return urgent;
}

/* ---- the whole in words --------------------------------------------------- */

static const CmTimelineMark *
find_mark (const CmTimelineRow *row, CmTimelineMarkKind kind)
{
  for (guint i = 0; i < row->marks->len; i++)
    if (g_array_index (row->marks, CmTimelineMark, i).kind == kind)
      return &g_array_index (row->marks, CmTimelineMark, i);
  return NULL;
}

/* Adds @sentence, whole, after the ones in @text. */
static void
append_sentence (GString *text, const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

/* "Notice by 30 September 2026.", one sentence for each mark. */
static char *
dated_sentence (CmTimelineMarkKind kind, const char *date)
{
  /* Translators: each %s below is a date, as in "30 September 2026" */
  switch (kind)
    {
    case CM_TIMELINE_MARK_START:
      return g_strdup_printf (_("Started %s."), date);
    case CM_TIMELINE_MARK_NOTICE_BY:
      return g_strdup_printf (_("Notice by %s."), date);
    case CM_TIMELINE_MARK_EXTENSION_DECISION:
      return g_strdup_printf (_("Extension decision by %s."), date);
    case CM_TIMELINE_MARK_NOTICE_SERVED:
      return g_strdup_printf (_("Notice served %s."), date);
    case CM_TIMELINE_MARK_END:
      return g_strdup_printf (_("Ends %s."), date);
    case CM_TIMELINE_MARK_LATEST_END:
      return g_strdup_printf (_("Latest possible end %s."), date);
    case CM_TIMELINE_MARK_TODAY:
    default:
      return g_strdup_printf (_("Today is %s."), date);
    }
}

/* "Notice by 30 September 2026. That is overdue." */
static void
append_dated (GString *text, const CmTimelineMark *mark)
{
  g_autofree char *date = cm_date_to_long (&mark->date);
  g_autofree char *sentence = dated_sentence (mark->kind, date);

  append_sentence (text, sentence);
  if (mark->status != CM_DEADLINE_OK && mark->status != CM_DEADLINE_UNKNOWN)
    {
      g_autofree char *status = g_utf8_strdown (cm_deadline_status_label (mark->status), -1);
      /* Translators: follows a dated sentence; %s is its status in lower
       * case, as in "That is overdue." */
      g_autofree char *that = g_strdup_printf (_("That is %s."), status);

      append_sentence (text, that);
    }
}

/* "two extensions of 1 year each available" */
static void
append_extensions (GString *text, const CmTimelineRow *row, CmTimelineSpanKind kind)
{
  guint n = 0;
  gboolean same = TRUE;
  const CmPeriod *length = NULL;
  g_autofree char *phrase = NULL;

  for (guint i = 0; i < row->spans->len; i++)
    {
      CmTimelineSpan *span = &g_array_index (row->spans, CmTimelineSpan, i);

      if (span->kind != kind)
        continue;
      same = same && (length == NULL || (length->months == span->length.months &&
                                         length->days == span->length.days));
      length = &span->length;
      n++;
    }
  if (n == 0)
    return;
  if (same)
    {
      g_autofree char *each = cm_period_format (length);

      phrase = g_strdup_printf (kind == CM_TIMELINE_SPAN_TAKEN
                                ? ngettext ("%u extension of %s taken.",
                                            "%u extensions of %s each taken.", n)
                                : ngettext ("%u extension of %s available.",
                                            "%u extensions of %s each available.", n),
                                n, each);
    }
  else
    phrase = g_strdup_printf (kind == CM_TIMELINE_SPAN_TAKEN
                              ? ngettext ("%u extension taken.", "%u extensions taken.", n)
                              : ngettext ("%u extension available.",
                                          "%u extensions available.", n),
                              n);
  append_sentence (text, phrase);
}

static const CmTimelineSpan *
first_span (const CmTimelineRow *row)
{
  return row->spans->len > 0 ? &g_array_index (row->spans, CmTimelineSpan, 0) : NULL;
}

static void
describe_start (GString *text, const CmTimelineRow *row)
{
  const CmTimelineMark *start = find_mark (row, CM_TIMELINE_MARK_START);
  const CmTimelineSpan *first = first_span (row);

  if (start)
    append_dated (text, start);
  else
    append_sentence (text, _("Start date not recorded."));
  if (first && first->kind == CM_TIMELINE_SPAN_INITIAL && g_date_valid (&first->to))
    {
      g_autofree char *to = cm_date_to_long (&first->to);
      g_autofree char *sentence = g_strdup_printf (_("First period ends %s."), to);

      append_sentence (text, sentence);
    }
}

static void
describe_row (GString *out, const CmTimelineRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const CmTimelineMark *end = find_mark (row, CM_TIMELINE_MARK_END);
  const CmTimelineMark *mark;
  g_autofree char *described = NULL;

  describe_start (text, row);
  append_extensions (text, row, CM_TIMELINE_SPAN_TAKEN);
  if (end)
    append_dated (text, end);
  else if (row->spans->len > 0)
    append_sentence (text, _("No end date recorded."));
  if ((mark = find_mark (row, CM_TIMELINE_MARK_NOTICE_SERVED)))
    append_dated (text, mark);
  if ((mark = find_mark (row, CM_TIMELINE_MARK_NOTICE_BY)))
    append_dated (text, mark);
  else if (row->notice_unknown)
    append_sentence (text, _("Notice period not recorded."));
  if ((mark = find_mark (row, CM_TIMELINE_MARK_EXTENSION_DECISION)))
    append_dated (text, mark);
  append_extensions (text, row, CM_TIMELINE_SPAN_AVAILABLE);
  if ((mark = find_mark (row, CM_TIMELINE_MARK_LATEST_END)))
    append_dated (text, mark);
  /* Translators: a contract, then what its timeline shows in sentences */
  described = g_strdup_printf (_("%s: %s"), row->label, text->str);
  append_sentence (out, described);
}

char *
cm_timeline_describe (const CmTimeline *timeline)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *today = cm_date_to_long (&timeline->today);
  g_autofree char *today_is = g_strdup_printf (_("Today is %s."), today);

  for (guint r = 0; r < timeline->rows->len; r++)
    describe_row (out, g_ptr_array_index (timeline->rows, r));
  append_sentence (out, today_is);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
