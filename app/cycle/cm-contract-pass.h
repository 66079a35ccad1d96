/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-pass.h: what the Overview needs of every contract, from
 * one pass over the file
 *
 * The contracts are read one at a time into one record (cm_store_each ()),
 * each one's dates worked out once, and only what the Overview shows is
 * kept: the dates due soon or overdue, how many dates are overdue, how
 * many contracts end on each day, and the year's spend. No list of
 * contracts is loaded, so a million contracts take no more memory than a
 * thousand, beyond those kept.
 */
#pragma once

#include "cm-deadlines.h"
#include "cm-spend.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* A notice, extension or procurement date due soon or overdue. */
typedef struct {
  gint64           contract_id;
  gint64           service_id;
  CmDeadlineKind   kind;
  CmDeadlineStatus status;    /* due soon or overdue */
  GDate            date;
  char            *title;     /* the contract's */
  char            *reference; /* the contract's */
  char            *provider;  /* the contract's provider's name */
} CmDateDue;

typedef struct {
  GPtrArray  *due;           /* of CmDateDue, in no order */
  guint       overdue_dates; /* dates overdue or breached, procurement notices included */
  GHashTable *ends;          /* Julian day -> contracts still open ending then (guint) */
  CmSpend    *spend;         /* the financial year containing today */
} CmContractPass;

/* NULL, with @error, when the contracts cannot be read or @cancellable
 * (may be NULL) was cancelled. */
CmContractPass *cm_contract_pass_run  (CmStore *store, const GDate *today,
                                       GCancellable *cancellable, GError **error);
/* The same, shared: a pass another reader made of the file as it is now,
 * on @today, or is making (waited for), or else a new one. */
CmContractPass *cm_contract_pass_shared (CmStore *store, const GDate *today,
                                         GCancellable *cancellable, GError **error);
/* A pass over no contracts. */
CmContractPass *cm_contract_pass_new_empty (void);
CmContractPass *cm_contract_pass_ref  (CmContractPass *pass);
void            cm_contract_pass_free (CmContractPass *pass); /* drops a reference */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmContractPass, cm_contract_pass_free)

G_END_DECLS
