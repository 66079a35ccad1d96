/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist.h: the checklist of each stage of a service's cycle
 *
 * Every cycle starts from the template in data/cycle-template.xml. The
 * template's items are written to the portfolio the first time anyone
 * changes the cycle's checklist, in English (the msgid) and translated
 * only when shown, so a portfolio records exactly the items its services
 * were held to, in one language, even after the template changes; items
 * are matched by their key, never by their title.
 */
#pragma once

#include "cm-checklist-item.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* The items of the service's @cycle at @stage, in order (of CmChecklistItem).
 * Before the cycle's checklist is first changed they are unsaved copies of
 * the template's; save them with cm_checklist_save_item(). */
GPtrArray *cm_checklist_items      (CmStore *store, gint64 service_id, int cycle, CmStage stage);

/* Saves a change to one item in one audited action, writing the rest of
 * the cycle's checklist first if it is still the template's. */
gboolean   cm_checklist_save_item  (CmStore *store, CmChecklistItem *item, GError **error);

/* Writes the template's items for one @stage of a cycle (the
 * decommissioning steps, which no cycle starts with), inside the caller's
 * transaction; nothing when that stage already has items. */
gboolean   cm_checklist_start_stage (CmStore *store, gint64 service_id, int cycle, CmStage stage,
                                     GError **error);

/* Adds the commissioner's own item to the current stage of @service,
 * decommissioning included. */
gboolean   cm_checklist_add_item   (CmStore *store, CmService *service, const char *title,
                                    gboolean required, GError **error);

G_END_DECLS
