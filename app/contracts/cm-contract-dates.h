/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-dates.h: the dates that follow from a contract's term
 *
 * Plain rules over plain data: a start date, a term, a recorded end date,
 * a notice period and "today" go in; the current and latest end, the
 * extension decision date, the latest day to serve notice and their
 * statuses come out.
 */
#pragma once

#include "cm-enums.h"
#include "cm-term.h"

G_BEGIN_DECLS

typedef enum {
  CM_DEADLINE_OK,
  CM_DEADLINE_DUE_SOON,
  CM_DEADLINE_OVERDUE,
  CM_DEADLINE_BREACHED,
  CM_DEADLINE_UNKNOWN, /* no date: the notice period is not recorded */
} CmDeadlineStatus;


typedef struct {
  int extension_lead_months;  /* decide on an extension this long before the end */
  int compact_minimum_months; /* notice owed to the third sector (Compact for Leeds: 6) */
  int due_soon_days;          /* a date this close is "due soon" */
} CmDeadlineSettings;

#define CM_DEADLINE_SETTINGS_DEFAULT ((CmDeadlineSettings) { 6, 6, 90 })

typedef struct {
  const GDate    *start;          /* NULL when not recorded */
  const CmTerm   *term;           /* with its invoked extensions marked; NULL if none */
  const CmPeriod *notice;         /* the contract's own notice period; NULL: unknown */
  gboolean        third_sector;   /* the Compact minimum applies */
  const GDate    *notice_served;  /* NULL while notice has not been served */
  const GDate    *recorded_end;   /* the end date as signed; NULL when not recorded */
  CmNoticeKind    notice_kind;    /* what the served notice means */
} CmContractFacts;

typedef struct {
  GDate current_end;           /* the recorded end, else start + term so far - 1 day;
                                * earlier when early termination notice ends it first */
  GDate latest_end;            /* as if every extension were invoked */
  GDate extension_decision;    /* invalid when no extension decision is pending */
  GDate latest_notice;         /* current end - the longer of notice and Compact minimum;
                                * invalid when the notice period is unknown */
  GDate notice_end;            /* the earliest end notice served today would allow;
                                * invalid when the notice period is unknown */
  CmDeadlineStatus end_status;
  CmDeadlineStatus extension_status;
  CmDeadlineStatus notice_status;
  GDate term_end;              /* start + term so far - 1 day; invalid without both */
  GDate scheduled_end;         /* the current end before any early termination */
  gboolean end_disagrees;      /* the recorded end is not term_end; it is used */
  gboolean ended_early;        /* early termination notice brought the end forward */
} CmContractDates;

/* FALSE (and @dates untouched) when the facts give no end: neither a
 * recorded end date nor a start date with a term that states its length. */
gboolean    cm_contract_dates_compute (const CmContractFacts    *facts,
                                       const GDate              *today,
                                       const CmDeadlineSettings *settings,
                                       CmContractDates          *dates);

/* The day before the anniversary of @start after @period ("counted from
 * the start"); an anniversary on a day the month lacks moves to the 1st
 * of the next month first. */
void        cm_date_period_end        (GDate *end, const GDate *start, const CmPeriod *period);

void        cm_date_add_period        (GDate *date, const CmPeriod *period);
void        cm_date_subtract_period   (GDate *date, const CmPeriod *period);

/* Whether @due is ahead, within the settings' "due soon" days, or gone by. */
CmDeadlineStatus cm_deadline_status_on (const GDate *due, const GDate *today,
                                        const CmDeadlineSettings *settings);
const char *cm_deadline_status_nick   (CmDeadlineStatus status);
const char *cm_deadline_status_label  (CmDeadlineStatus status);

G_END_DECLS
