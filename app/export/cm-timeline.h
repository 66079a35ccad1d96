/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline.h: contracts as periods and dated marks on one time axis
 *
 * A plain description of what a timeline shows, with no drawing in it:
 * each row is one contract, its periods (spans) and its key dates
 * (marks). The window draws it, printing and reports can draw it too,
 * and the words for each item and for the whole come from here, so every
 * reader gets the same names.
 */
#pragma once

#include "cm-contract-dates.h"

G_BEGIN_DECLS

typedef enum {
  CM_TIMELINE_SPAN_INITIAL,   /* the initial period of the term */
  CM_TIMELINE_SPAN_TAKEN,     /* an extension that has been invoked */
  CM_TIMELINE_SPAN_AVAILABLE, /* an extension still to take */
  CM_TIMELINE_SPAN_RUNNING,   /* start to end, when the term cannot be read */
} CmTimelineSpanKind;

typedef enum {
  CM_TIMELINE_MARK_START,
  CM_TIMELINE_MARK_NOTICE_BY,          /* the latest day to serve notice */
  CM_TIMELINE_MARK_EXTENSION_DECISION,
  CM_TIMELINE_MARK_NOTICE_SERVED,
  CM_TIMELINE_MARK_END,                /* the current end */
  CM_TIMELINE_MARK_LATEST_END,         /* as if every extension were taken */
  CM_TIMELINE_MARK_TODAY,              /* the whole timeline's, not a row's */
} CmTimelineMarkKind;

typedef struct {
  CmTimelineSpanKind kind;
  GDate from;       /* invalid: the start is not recorded */
  GDate to;         /* invalid: open-ended, no end known */
  guint number;     /* an extension's place in the term, from 1 */
  CmPeriod length;  /* an extension's length; {0, 0} otherwise */
} CmTimelineSpan;

typedef struct {
  CmTimelineMarkKind kind;
  GDate date;
  CmDeadlineStatus status;
} CmTimelineMark;

typedef struct {
  char *label;              /* "C-1001 Carers breaks" */
  GArray *spans;            /* of CmTimelineSpan, earliest first */
  GArray *marks;            /* of CmTimelineMark, earliest first */
  gboolean notice_unknown;  /* an end is known but the notice period is not */
} CmTimelineRow;

typedef struct {
  GPtrArray *rows;          /* of CmTimelineRow */
  GDate today;
} CmTimeline;

/* One thing a reader can point at: a row's span or mark, or today. */
typedef struct {
  guint row;                /* G_MAXUINT for today */
  gboolean is_span;
  guint index;              /* in the row's spans or marks */
} CmTimelineItem;

CmTimeline     *cm_timeline_new          (const GDate *today);
void            cm_timeline_free         (CmTimeline *timeline);
CmTimelineRow  *cm_timeline_add_row      (CmTimeline *timeline, const char *label);
void            cm_timeline_row_add_span (CmTimelineRow *row, const CmTimelineSpan *span);
void            cm_timeline_row_add_mark (CmTimelineRow *row, CmTimelineMarkKind kind,
                                          const GDate *date, CmDeadlineStatus status);

/* The first and last day the timeline needs to show, today included;
 * FALSE when nothing in it has a date. */
gboolean        cm_timeline_bounds       (const CmTimeline *timeline, GDate *first, GDate *last);

/* Today first, then each row's spans and marks in date order: the order
 * the keyboard moves in. */
GArray         *cm_timeline_items        (const CmTimeline *timeline);

/* "Latest day to serve notice: 30 September 2026, overdue". */
char           *cm_timeline_item_name    (const CmTimeline *timeline, const CmTimelineItem *item);
const char     *cm_timeline_mark_label   (CmTimelineMarkKind kind);
const char     *cm_timeline_span_label   (CmTimelineSpanKind kind);

/* The most urgent status among a row's marks, and the mark that has it;
 * NULL when every date is fine. */
const CmTimelineMark *cm_timeline_row_urgent (const CmTimelineRow *row);

/* The whole timeline in words, a sentence or two a row. */
char           *cm_timeline_describe     (const CmTimeline *timeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmTimeline, cm_timeline_free)

G_END_DECLS
