/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-process.h: starting, screening, signing off and versioning EIAs
 *
 * Screening asks of each characteristic whether it is relevant and why;
 * a full assessment gives each relevant one an impact, its evidence and,
 * for a negative impact, mitigating actions; in a full assessment, a
 * relevant characteristic whose impact is still unknown needs an action
 * to gather the evidence. Every action has an owner and a due
 * date. The signatory is not the author. Sign-off checks the author's and
 * signatory's EIA training; going ahead without it needs a reason.
 */
#pragma once

#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-staff.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Saves the new @draft as an EIA of its service's current cycle, with a
 * copy of the portfolio's list of characteristics, in one action. */
gboolean   cm_eia_create          (CmStore *store, CmEia *draft, GError **error);

/* The EIA's characteristics in order, and a characteristic's mitigations. */
GPtrArray *cm_eia_characteristics (CmStore *store, gint64 eia_id);
GPtrArray *cm_eia_mitigations     (CmStore *store, gint64 characteristic_id);

/* What keeps @eia from sign-off, one sentence each (of char *). */
GPtrArray *cm_eia_problems        (CmStore *store, CmEia *eia);

/* The warnings about the author's and the signatory's training on @today,
 * one sentence each (of char *); empty when both are in date. */
GPtrArray *cm_eia_training_warnings (CmStore *store, CmEia *eia, gint64 signatory_id,
                                     const GDate *today);

/* Why @signatory_id cannot sign @eia off (the author cannot), or NULL. */
char      *cm_eia_signatory_problem (CmStore *store, CmEia *eia, gint64 signatory_id);

/* Signs off @eia on @today. Refused while cm_eia_problems() has any, or
 * when the signatory is the author; with
 * training warnings, @override_reason must say why it goes ahead. */
gboolean   cm_eia_sign_off        (CmStore *store, CmEia *eia, gint64 signatory_id,
                                   const char *role, const GDate *today,
                                   const char *override_reason, GError **error);

/* A draft copy of a signed-off @eia, one version on; NULL on error. */
CmEia     *cm_eia_new_version     (CmStore *store, CmEia *eia, GError **error);

/* What changed from @older to @newer, one line each (of char *). */
GPtrArray *cm_eia_differences     (CmStore *store, CmEia *older, CmEia *newer);

/* Whether the service's @cycle has a signed-off decommissioning EIA whose
 * review after decommissioning is recorded. */
gboolean   cm_eia_reviewed_for_cycle (CmStore *store, gint64 service_id, int cycle);

/* Whether the service's @cycle has a signed-off EIA. */
gboolean   cm_eia_signed_for_cycle (CmStore *store, gint64 service_id, int cycle);

G_END_DECLS
