/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decision-evidence.h: whether a decision was informed by a signed EIA
 *
 * Courts test the equality duty at the moment of decision, so each
 * decision names the signed EIA that informed it and must come after that
 * EIA's sign-off. A decommissioning decision is a decommission's decision
 * date. A re-commissioning decision is the Review step that re-commissions
 * a service (a stage event), dated when it is taken; steps recorded before
 * decisions carried a date have nothing to check against and are left out.
 * A decision with no signed EIA, or dated before its sign-off, stands only
 * with a reason, kept and audited with the decision.
 */
#pragma once

#include "cm-decommission.h"
#include "cm-eia.h"
#include "cm-stage-event.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef enum {
  CM_EIA_EVIDENCE_SOUND,     /* a signed EIA, signed off on or before the decision */
  CM_EIA_EVIDENCE_NONE,      /* no EIA is named */
  CM_EIA_EVIDENCE_UNSIGNED,  /* the EIA named is not signed off */
  CM_EIA_EVIDENCE_UNDATED,   /* the decision has no date to check */
  CM_EIA_EVIDENCE_TOO_EARLY, /* the decision was taken before the sign-off */
} CmEiaEvidence;

/* The rule itself: @eia may be NULL, @decided_on is YYYY-MM-DD or empty. */
CmEiaEvidence cm_eia_evidence_judge (CmEia *eia, const char *decided_on);

typedef struct {
  CmEntity  *record;      /* the CmDecommission or CmStageEvent */
  gint64     service_id;
  gboolean   recommission;
  char      *decided_on;  /* YYYY-MM-DD, or empty */
  CmEia     *eia;         /* NULL when none is named */
  char      *override;    /* why it stands anyway; empty when none */
  CmEiaEvidence evidence;
  char      *problem;     /* what is wrong and what to do; NULL when sound */
} CmDecisionEvidence;

void                cm_decision_evidence_free (CmDecisionEvidence *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDecisionEvidence, cm_decision_evidence_free)

CmDecisionEvidence *cm_decision_evidence_of_decommission (CmStore *store,
                                                          CmDecommission *decommission);
/* NULL unless @event is a dated re-commissioning decision. */
CmDecisionEvidence *cm_decision_evidence_of_event        (CmStore *store, CmStageEvent *event);

/* Every decision of the portfolio (of CmDecisionEvidence), and those with
 * a problem and no override: the ones the Overview flags. */
GPtrArray          *cm_decision_evidence_all     (CmStore *store);
GPtrArray          *cm_decision_evidence_flagged (CmStore *store);
gboolean            cm_decision_evidence_is_flagged (const CmDecisionEvidence *evidence);

/* The latest EIA of the service for @decision signed off on or before
 * @decided_on (any date when empty); 0 when there is none. */
gint64   cm_decision_evidence_default_eia (CmStore *store, gint64 service_id,
                                           CmEiaDecision decision, const char *decided_on);

/* Names the signed EIA @eia_id (0: none) as the one that informed the
 * decision @record (a CmDecommission or CmStageEvent), audited. */
gboolean cm_decision_evidence_set_eia     (CmStore *store, CmEntity *record, gint64 eia_id,
                                           GError **error);

/* Lets the decision @record stand with its problem, for @reason (audited). */
gboolean cm_decision_evidence_override    (CmStore *store, CmEntity *record,
                                           const char *reason, GError **error);

G_END_DECLS
