/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-required-notices.h: the notices a contract's route requires, when due, whether published
 *
 * The rules are data (cm-procurement-rules.h); the notices published are
 * records (cm-contract-notice.h), and a variation's change notice is kept
 * on the variation (cm-contract-variation.h).
 */
#pragma once

#include "cm-contract-dates.h"
#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-deadlines.h"
#include "cm-procurement-regime.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef enum {
  CM_NOTICE_STATUS_PENDING,        /* not yet published, not yet due */
  CM_NOTICE_STATUS_DUE_SOON,
  CM_NOTICE_STATUS_OVERDUE,        /* its day has passed and it is not recorded */
  CM_NOTICE_STATUS_PUBLISHED,
  CM_NOTICE_STATUS_PUBLISHED_LATE,
  CM_NOTICE_STATUS_UNKNOWN,        /* the date it counts from is not recorded */
} CmNoticeStatus;

typedef struct {
  const char          *code;       /* the rules' own strings: "UK7" */
  const char          *title;
  const char          *when;
  GDate                due;        /* invalid when the status is unknown */
  CmNoticeStatus       status;
  CmContractNotice    *recorded;   /* the notice as published, or NULL */
  CmContractVariation *variation;  /* what a change notice is for, or NULL */
} CmRequiredNotice;

/* What the rules need to know of one contract. */
typedef struct {
  CmProcurementRegime regime;
  CmProcurementRoute  route;
  gint64              total_value;  /* pence */
  const GDate        *start;        /* NULL when not recorded */
  const GDate        *end;          /* the current end; NULL when unknown */
  const GDate        *latest_end;   /* with every extension; NULL when unknown */
  GPtrArray          *recorded;     /* of CmContractNotice; may be NULL */
  GPtrArray          *variations;   /* of CmContractVariation; may be NULL */
} CmNoticeFacts;

/* The notices @facts require, in the order the rules list them, then a
 * change notice for each variation that needs one, by date. */
GPtrArray  *cm_required_notices_compute (const CmProcurementRules *rules,
                                         const CmNoticeFacts      *facts,
                                         const GDate              *today,
                                         int                       due_soon_days);

/* The same for a contract in @store, with its recorded notices and variations. */
GPtrArray  *cm_contract_required_notices (CmStore                  *store,
                                          CmContract               *contract,
                                          const GDate              *today,
                                          const CmDeadlineSettings *settings);

/* Whether a UK10 change notice is due for @variation of a contract under
 * @facts (see data/procurement-notices.xml for the rule). */
gboolean    cm_variation_needs_change_notice (const CmProcurementRules *rules,
                                              const CmNoticeFacts      *facts,
                                              CmContractVariation      *variation);

/* Adds a deadline (CM_DEADLINE_KIND_PROCUREMENT_NOTICE) for each required
 * notice not yet published of @contracts, a list from cm_store_list (),
 * ended contracts included: a termination notice falls due after the end. */
void        cm_required_notices_add_deadlines (GPtrArray                *deadlines,
                                               GListModel               *contracts,
                                               const GDate              *today,
                                               const CmDeadlineSettings *settings);

/* "UK7 Contract details notice" */
char       *cm_required_notice_title    (const CmRequiredNotice *notice);
/* When it is due and where it stands, in words: "Due by 1 May 2025, within
 * 30 days of entering into the contract — Overdue", or when and as what
 * it was published. */
char       *cm_required_notice_describe (const CmRequiredNotice *notice);

/* The variations of the contract @contract_id, oldest first. */
GPtrArray  *cm_contract_variations      (CmStore *store, gint64 contract_id);

/* A deadline's kind in words, a procurement notice's code beside it:
 * "Procurement notice due: UK7". */
char       *cm_deadline_kind_text       (const CmDeadline *deadline);

const char *cm_notice_status_nick  (CmNoticeStatus status);
const char *cm_notice_status_label (CmNoticeStatus status);

G_END_DECLS
