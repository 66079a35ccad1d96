/* cm-deadlines.h: every upcoming contract date in a portfolio, most urgent first */
#pragma once

#include <gio/gio.h>

#include "cm-contract.h"
#include "cm-contract-dates.h"

G_BEGIN_DECLS

typedef enum {
  CM_DEADLINE_KIND_END,
  CM_DEADLINE_KIND_EXTENSION_DECISION,
  CM_DEADLINE_KIND_NOTICE,
  CM_DEADLINE_KIND_PROCUREMENT_NOTICE, /* cm-required-notices.h */
} CmDeadlineKind;

typedef struct {
  CmContract      *contract;
  CmDeadlineKind   kind;
  GDate            date;
  CmDeadlineStatus status;
  const char      *notice; /* a procurement notice's code (interned), else NULL */
} CmDeadline;

/* The dates of every contract still running on @today (a contract that
 * has ended is history, not a deadline), sorted breached, overdue, due
 * soon, then OK, and by date within each. Contracts without a readable
 * start and term are left out; @n_skipped counts them. */
GPtrArray  *cm_deadlines_collect   (GListModel               *contracts,
                                    const GDate              *today,
                                    const CmDeadlineSettings *settings,
                                    guint                    *n_skipped);

gboolean    cm_contract_compute_dates (CmContract               *contract,
                                       const GDate              *today,
                                       const CmDeadlineSettings *settings,
                                       CmContractDates          *dates);

const char *cm_deadline_kind_nick  (CmDeadlineKind kind);
const char *cm_deadline_kind_label (CmDeadlineKind kind);

G_END_DECLS
