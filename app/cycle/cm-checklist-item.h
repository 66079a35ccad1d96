/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist-item.h: one thing to do in one stage of a service's cycle */
#pragma once

#include "cm-entity.h"
#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_CHECKLIST_ITEM (cm_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (CmChecklistItem, cm_checklist_item, CM, CHECKLIST_ITEM, CmEntity)

CmChecklistItem *cm_checklist_item_new          (gint64 service_id, int cycle, CmStage stage,
                                                 const char *title, gboolean required);
gint64           cm_checklist_item_get_service_id (CmChecklistItem *self);
int              cm_checklist_item_get_cycle    (CmChecklistItem *self);
CmStage          cm_checklist_item_get_stage    (CmChecklistItem *self);
int              cm_checklist_item_get_position (CmChecklistItem *self);
const char      *cm_checklist_item_get_template_key (CmChecklistItem *self);
const char      *cm_checklist_item_get_title    (CmChecklistItem *self);
const char      *cm_checklist_item_get_guidance (CmChecklistItem *self);
gboolean         cm_checklist_item_get_required (CmChecklistItem *self);
CmItemState      cm_checklist_item_get_state    (CmChecklistItem *self);
const char      *cm_checklist_item_get_evidence (CmChecklistItem *self);
const char      *cm_checklist_item_get_reason   (CmChecklistItem *self);
const char      *cm_checklist_item_get_due_date (CmChecklistItem *self);

/* Whether the item no longer holds its stage's gate: done, or not
 * applicable with a reason. */
gboolean         cm_checklist_item_is_settled   (CmChecklistItem *self);

G_END_DECLS
