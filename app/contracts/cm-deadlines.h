/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadlines.h: every upcoming contract date in a portfolio, most urgent first */
#pragma once

#include <gio/gio.h>

#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-store.h"

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
  GDate            date;   /* invalid for a notice date not known */
  CmDeadlineStatus status;
  GDate            sort_date; /* the date, or for one not known its contract's end */
  const char      *notice; /* a procurement notice's code (interned), else NULL */
  /* A row of cm_deadlines_collect_streamed () has no @contract: these
   * name it instead (GRefStrings the row holds). Read them through
   * cm_deadline_get_reference () and the like, which serve both. */
  gint64           contract_id;
  char            *reference;
  char            *title;
  char            *provider;
} CmDeadline;

/* The dates of every contract still running on @today, and the end of
 * every contract past its end that is not closed (no outcome recorded,
 * not decommissioned). Sorted breached, overdue, due soon, unknown, then
 * OK, and by date within each. Contracts with neither an end date nor a
 * readable start and term are left out; @n_skipped counts them. */
GPtrArray  *cm_deadlines_collect   (GListModel               *contracts,
                                    const GDate              *today,
                                    const CmDeadlineSettings *settings,
                                    guint                    *n_skipped);

/* The same rows as cm_deadlines_collect () for every contract of @store,
 * read in one pass (cm_store_each ()) without loading the contract list;
 * a row names its contract (id, reference, title and provider) but holds
 * no contract. NULL, with @error set, when the portfolio could not be
 * read. */
GPtrArray  *cm_deadlines_collect_streamed (CmStore                  *store,
                                           const GDate              *today,
                                           const CmDeadlineSettings *settings,
                                           guint                    *n_skipped,
                                           GError                  **error);

/* Called with each deadline of a contract; @deadline and its contract are
 * the caller's, so copy what must be kept. */
typedef void (*CmDeadlineFunc) (const CmDeadline *deadline, gpointer user_data);

/* The rows of cm_deadlines_collect_streamed (), in its order, handed to
 * @each one at a time: they are put in order in a scratch database
 * (cm-row-sorter.h), so memory stays the same however many there are.
 * A row names its contract but holds none, and is gone when @each
 * returns. FALSE, with @error set, when the portfolio could not be read. */
gboolean    cm_deadlines_each_sorted (CmStore                  *store,
                                      const GDate              *today,
                                      const CmDeadlineSettings *settings,
                                      guint                    *n_skipped,
                                      CmDeadlineFunc            each,
                                      gpointer                  user_data,
                                      GError                  **error);

/* The deadlines cm_deadlines_collect () lists for @contract, whose @dates
 * are already computed, without its procurement notices; unsorted. */
void        cm_contract_each_deadline (CmContract               *contract,
                                       const CmContractDates    *dates,
                                       const GDate              *today,
                                       const CmDeadlineSettings *settings,
                                       CmDeadlineFunc            each,
                                       gpointer                  user_data);
/* The procurement notices cm_deadlines_collect () lists for @contract. */
void        cm_contract_each_notice_deadline (CmStore                  *store,
                                              CmContract               *contract,
                                              const GDate              *today,
                                              const CmDeadlineSettings *settings,
                                              CmDeadlineFunc            each,
                                              gpointer                  user_data);
/* The contract a deadline is of, as a row shows it. */
gint64      cm_deadline_get_contract_id (const CmDeadline *deadline);
const char *cm_deadline_get_reference   (const CmDeadline *deadline);
const char *cm_deadline_get_title       (const CmDeadline *deadline);
const char *cm_deadline_get_provider    (const CmDeadline *deadline);

/* Breached 0, overdue 1, due soon 2, unknown 3, OK 4: the order listed. */
int         cm_deadline_status_rank   (CmDeadlineStatus status);

gboolean    cm_contract_compute_dates (CmContract               *contract,
                                       const GDate              *today,
                                       const CmDeadlineSettings *settings,
                                       CmContractDates          *dates);

gboolean    cm_contract_compact_applies (CmContract *contract, gboolean *disagrees);
gboolean    cm_contract_is_closed     (CmContract *contract);

const char *cm_deadline_kind_nick  (CmDeadlineKind kind);
const char *cm_deadline_kind_label (CmDeadlineKind kind);

G_END_DECLS
