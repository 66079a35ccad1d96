/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-timeline.h: contracts' periods and key dates, drawn on one axis
 *
 * One row a contract of "contracts", dated from "today" by the portfolio's
 * deadline rules in "store". Hover or focus names each mark (arrow keys
 * move between them), and the accessible description says the whole in
 * words.
 */
#pragma once

#include <gtk/gtk.h>

#include "cm-contract.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_CONTRACT_TIMELINE (cm_contract_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CmContractTimeline, cm_contract_timeline, CM, CONTRACT_TIMELINE, GtkWidget)

GtkWidget  *cm_contract_timeline_new           (CmStore *store, const GDate *today);
/* Of CmContract; NULL shows nothing. */
void        cm_contract_timeline_set_contracts (CmContractTimeline *self, GListModel *contracts);
void        cm_contract_timeline_set_contract  (CmContractTimeline *self, CmContract *contract);
/* The whole timeline in words, as the accessible description gives it. */
const char *cm_contract_timeline_get_summary   (CmContractTimeline *self);

G_END_DECLS
