/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-gate.h: whether a service may leave its current stage
 *
 * A gate passes when every required item of the stage is done, or not
 * applicable with a reason, and every condition other parts of the
 * application place on the stage holds (a contract is recorded before Do
 * closes, for example). A gate that does not pass may still be overridden
 * with a reason; see cm-cycle.h.
 */
#pragma once

#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* A condition on leaving @stage: NULL when it holds, or a sentence saying
 * what is missing and what to do. Add one to the table in cm-gate.c. */
typedef struct {
  CmStage stage;
  char *(*check) (CmStore *store, CmService *service);
} CmGateCondition;

/* What keeps @items (CmChecklistItem) from passing their gate, one sentence
 * each (of char *); empty when nothing does. */
GPtrArray *cm_gate_item_problems (GPtrArray *items);

/* Everything that keeps @service at its current stage: open items of the
 * current checklist, then unmet conditions. */
GPtrArray *cm_gate_problems      (CmStore *store, CmService *service);

/* The conditions on each stage, terminated by a NULL check. */
const CmGateCondition *cm_gate_conditions (void);

G_END_DECLS
