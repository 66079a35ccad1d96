/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-gates.h: what the file says of every service's gate and kind,
 * each asked in one query
 *
 * A service is held when its gate has a problem (cm_gate_problems ()): a
 * required item of its stage and cycle not settled (the template's, while
 * the cycle has no items of its own), Plan without a signed EIA of the
 * cycle, Do without a contract. @template_stages lists, as ",plan,do,",
 * the stages whose template items hold a gate (cm_gate_template_stages ()).
 */
#pragma once

#include "cm-enums.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  guint services;
  guint held;        /* the gate out of the stage does not pass yet */
  guint overridden;  /* a gate of the current cycle was passed by override */
} CmStoreStageCount;

/* The ids of the services their gate holds, in id order (of gint64). */
GArray     *cm_store_services_held    (CmStore *store, const char *template_stages,
                                       GError **error);
/* The services in each stage, those held and those passed by override. */
gboolean    cm_store_count_stages     (CmStore *store, const char *template_stages,
                                       CmStoreStageCount counts[CM_STAGE_DECOMMISSIONING + 1],
                                       GError **error);
/* Each service's id (gint64 *) -> its area (CmServiceArea, as a
 * pointer), or -1 when none readable is recorded. */
GHashTable *cm_store_service_areas    (CmStore *store, GError **error);

G_END_DECLS
