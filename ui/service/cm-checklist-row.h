/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist-row.h: one checklist item, edited in place
 *
 * The row saves each change through the store at once. It reports errors
 * with the "page.report" action of the page it sits in, and carries the
 * item's identity ("cm-fingerprint", cm-page-parts.h), so that a page made
 * again after a change keeps the row while it shows the same item.
 */
#pragma once

#include <adwaita.h>

#include "cm-checklist-item.h"
#include "cm-store.h"

G_BEGIN_DECLS

GtkWidget *cm_checklist_row_new (CmStore *store, CmChecklistItem *item, gboolean editable,
                                 const GDate *today);

/* The item's identity from one making of the page to the next: its
 * template key, or its id. */
char      *cm_checklist_row_key (CmChecklistItem *item);

G_END_DECLS
