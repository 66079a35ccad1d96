/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist-row.h: one checklist item, edited in place
 *
 * The row saves each change through the store at once. It reports errors
 * with the "page.report" action of the page it sits in, and names its
 * controls with a focus key so the page can keep the keyboard where it was
 * when it rebuilds after a change.
 */
#pragma once

#include <adwaita.h>

#include "cm-checklist-item.h"
#include "cm-store.h"

G_BEGIN_DECLS

GtkWidget *cm_checklist_row_new (CmStore *store, CmChecklistItem *item, gboolean editable,
                                 const GDate *today);

/* The item's identity across rebuilds: its template key, or its id. */
char      *cm_checklist_row_key (CmChecklistItem *item);

G_END_DECLS
