/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia.h: one version of an equality impact assessment of a service
 *
 * It supports one decision in one cycle of the service. Once signed off it
 * is read-only, except for the review after decommissioning; a change
 * starts the next version (cm-eia-process.h).
 */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_EIA (cm_eia_get_type ())
G_DECLARE_FINAL_TYPE (CmEia, cm_eia, CM, EIA, CmEntity)

gint64        cm_eia_get_service_id   (CmEia *self);
int           cm_eia_get_cycle        (CmEia *self);
CmEiaDecision cm_eia_get_decision     (CmEia *self);
int           cm_eia_get_version      (CmEia *self);
gint64        cm_eia_get_previous_id  (CmEia *self);
gint64        cm_eia_get_author_id    (CmEia *self);
CmEiaOutcome  cm_eia_get_outcome      (CmEia *self);
const char   *cm_eia_get_outcome_reason (CmEia *self);
gboolean      cm_eia_get_signed       (CmEia *self);
gint64        cm_eia_get_signatory_id (CmEia *self);
const char   *cm_eia_get_signed_on    (CmEia *self);
const char   *cm_eia_get_reviewed_on  (CmEia *self);

/* What "This EIA is signed off" errors carry. */
#define CM_EIA_ERROR (cm_eia_error_quark ())
typedef enum {
  CM_EIA_ERROR_SIGNED_OFF,   /* a signed-off version cannot change */
  CM_EIA_ERROR_INCOMPLETE,   /* not ready to sign off */
  CM_EIA_ERROR_TRAINING,     /* author or signatory untrained, and no reason given */
} CmEiaError;
GQuark cm_eia_error_quark (void);

/* The error a signed-off EIA, or a part of one, gives for a change. */
gboolean      cm_eia_refuse_change    (CmEia *eia, const char *what, GError **error);

G_END_DECLS
