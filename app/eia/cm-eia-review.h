/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-review.h: when the EIA review after a decommission is due
 *
 * The review judges, once the service has closed, how well the EIA
 * predicted the impacts and how well the mitigations worked. It follows
 * completion rather than holding it, and is due a set number of months
 * after it: a portfolio setting, six months unless changed, audited like
 * the deadline settings.
 */
#pragma once

#include "cm-decommission.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_EIA_REVIEW_MONTHS_KEY     "eia_review_months"
#define CM_EIA_REVIEW_MONTHS_DEFAULT 6
#define CM_EIA_REVIEW_MONTHS_MIN     1
#define CM_EIA_REVIEW_MONTHS_MAX     36

int      cm_eia_review_months     (CmStore *store);
gboolean cm_eia_review_set_months (CmStore *store, int months, GError **error);

/* The day the review of a decommission completed on @completed_on falls
 * due; FALSE when @completed_on is not a date. */
gboolean cm_eia_review_due_date   (const char *completed_on, int months, GDate *due);

typedef struct {
  CmDecommission *decommission;
  GDate           due;
  gboolean        reviewed;   /* its signed decommissioning EIA records the review */
} CmEiaReviewDue;

/* The review of each completed decommission (of CmEiaReviewDue), and
 * those not recorded whose due date is before @today. */
GPtrArray *cm_eia_reviews_due     (CmStore *store);
GPtrArray *cm_eia_reviews_overdue (CmStore *store, const GDate *today);

G_END_DECLS
