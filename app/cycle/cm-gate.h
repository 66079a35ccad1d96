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
#include "cm-stage-event.h"
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

/* Where a service stands at one stage's gate. */
typedef enum {
  CM_GATE_NOT_REACHED,
  CM_GATE_HELD,         /* the current stage; something keeps it there */
  CM_GATE_READY,        /* the current stage; nothing keeps it there */
  CM_GATE_PASSED,
  CM_GATE_OVERRIDDEN,   /* passed with items open, for a reason */
} CmGateState;

typedef struct {
  CmGateState state;
  guint settled;        /* required items of the stage's checklist settled */
  guint required;
  const char *reason;   /* why the gate was overridden; NULL otherwise */
} CmGateSummary;

/* The gate out of @stage in @service's current cycle; @history is
 * cm_cycle_history ()'s, and @summary's reason points into it. */
void   cm_gate_summarise      (CmStore *store, CmService *service, CmStage stage,
                               GPtrArray *history, CmGateSummary *summary);
/* What a stage's step says: "passed · 6 of 6 required done", or
 * "overridden · 0 of 6 required done: Board approved the paper". */
char  *cm_gate_summary_text   (const CmGateSummary *summary);
/* What a sheet's cell says: "passed", "overridden: Board approved the
 * paper", "ready", "held" or "not reached". */
char  *cm_gate_state_text     (const CmGateSummary *summary);
/* The ids of the services held at their current gate, as sorted gint64s:
 * the answer cm_gate_problems () gives for every service, in one query.
 * NULL, with @error, when the file cannot be read. */
GArray *cm_gate_held_services (CmStore *store, GError **error);
/* ",plan,do,": the stages whose template has a required item, which
 * hold a service whose cycle has no items of its own. */
char   *cm_gate_template_stages (CmStore *store);

/* The step of @service's current cycle that last overrode a gate, from
 * @history, or NULL. */
CmStageEvent *cm_gate_last_override (CmService *service, GPtrArray *history);

G_END_DECLS
