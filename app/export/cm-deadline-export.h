/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-export.h: a portfolio's deadlines for calendars and other programs
 *
 * The rows are those of cm_deadlines_collect (), as `--deadlines` lists
 * them; each format writes the same rows.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The days before each date that a calendar reminds of it. A fixed two
 * weeks: the due-soon window (90 days by default) is for the app's
 * statuses, and a reminder that early would be dismissed and forgotten. */
#define CM_DEADLINE_ALARM_DAYS 14

typedef struct {
  const GPtrArray *deadlines; /* of CmDeadline, from cm_deadlines_collect () */
  const char      *portfolio; /* the portfolio's name, for titles and UIDs */
  const GDate     *today;     /* the day the statuses were worked out on */
  guint            n_skipped; /* contracts with no dates at all, left out */
} CmDeadlineExport;

/* An RFC 5545 calendar: one all-day event per dated row, each with a
 * reminder CM_DEADLINE_ALARM_DAYS before; the rows without a date are
 * counted in the calendar's description. CRLF line ends, folded lines. */
char *cm_deadline_export_ics  (const CmDeadlineExport *export);

/* The same rows as a JSON document, dates as YYYY-MM-DD or null. */
char *cm_deadline_export_json (const CmDeadlineExport *export);

/* How many rows have no date (a notice date whose notice period is not
 * recorded). */
guint cm_deadline_export_count_undated (const CmDeadlineExport *export);

G_END_DECLS
