/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-total-value.h: a contract's total value, entered or worked out
 *
 * Registers often give only a value a year and a term. The value over the
 * life of the contract is then that annual value times the initial period
 * plus the extensions taken, unless someone entered a total of their own.
 */
#pragma once

#include "cm-contract.h"

G_BEGIN_DECLS

/* @annual a year over the initial period of @term_text and its first
 * @n_invoked extensions, to the penny; FALSE when the term cannot be read,
 * states no initial period, or there is no annual value. */
gboolean cm_total_value_derive           (gint64      annual,
                                          const char *term_text,
                                          guint       n_invoked,
                                          gint64     *total);

/* The contract's total worked out from its annual value and term, or 0
 * when they do not give one. */
gint64   cm_contract_get_derived_total   (CmContract *self);
/* The total entered, or else the one worked out: what the contract is
 * worth over its life, as the Transparency Code asks. */
gint64   cm_contract_get_effective_total (CmContract *self);
/* Whether the stored total is the one worked out (and so should follow
 * its annual value and term), rather than one entered. */
gboolean cm_contract_total_is_derived    (CmContract *self);

/* Before @self is written: an empty total is worked out, and one that was
 * worked out for @before (NULL for a new contract) follows the new annual
 * value, term and extensions. A total entered by hand is kept. */
void     cm_contract_complete_total      (CmContract *self,
                                          CmContract *before);

G_END_DECLS
