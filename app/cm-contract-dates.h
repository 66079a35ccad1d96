/* cm-contract-dates.h: the dates that follow from a contract's term
 *
 * Plain rules over plain data: a start date, a term, a notice period and
 * "today" go in; the current and latest end, the extension decision date,
 * the latest day to serve notice and their statuses come out.
 */
#pragma once

#include "cm-term.h"

G_BEGIN_DECLS

typedef enum {
  CM_DEADLINE_OK,
  CM_DEADLINE_DUE_SOON,
  CM_DEADLINE_OVERDUE,
  CM_DEADLINE_BREACHED,
} CmDeadlineStatus;

typedef struct {
  int extension_lead_months;  /* decide on an extension this long before the end */
  int compact_minimum_months; /* notice owed to the third sector (Compact for Leeds: 6) */
  int due_soon_days;          /* a date this close is "due soon" */
} CmDeadlineSettings;

#define CM_DEADLINE_SETTINGS_DEFAULT ((CmDeadlineSettings) { 6, 6, 90 })

typedef struct {
  const GDate    *start;
  const CmTerm   *term;           /* with its invoked extensions marked */
  const CmPeriod *notice;         /* the contract's own notice period */
  gboolean        third_sector;   /* the Compact minimum applies */
  const GDate    *notice_served;  /* NULL while notice has not been served */
} CmContractFacts;

typedef struct {
  GDate current_end;           /* start + initial term + invoked extensions - 1 day */
  GDate latest_end;            /* as if every extension were invoked */
  GDate extension_decision;    /* invalid when no extension is left to invoke */
  GDate latest_notice;         /* current end - the longer of notice and Compact minimum */
  GDate notice_end;            /* the earliest end notice served today would allow */
  CmDeadlineStatus end_status;
  CmDeadlineStatus extension_status;
  CmDeadlineStatus notice_status;
} CmContractDates;

void        cm_contract_dates_compute (const CmContractFacts    *facts,
                                       const GDate              *today,
                                       const CmDeadlineSettings *settings,
                                       CmContractDates          *dates);

void        cm_date_add_period        (GDate *date, const CmPeriod *period);
void        cm_date_subtract_period   (GDate *date, const CmPeriod *period);

const char *cm_deadline_status_nick   (CmDeadlineStatus status);
const char *cm_deadline_status_label  (CmDeadlineStatus status);

G_END_DECLS
