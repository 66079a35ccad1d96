/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-array-model.h: a list of objects replaced whole, in one change
 *
 * A search's answer over 20,000 records arrives as one array: the list
 * takes it at once and says so once (items-changed), where a filter would
 * look at every record again on the main thread and announce each run of
 * rows that came or went.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CM_TYPE_ARRAY_MODEL (cm_array_model_get_type ())
G_DECLARE_FINAL_TYPE (CmArrayModel, cm_array_model, CM, ARRAY_MODEL, GObject)

CmArrayModel *cm_array_model_new (GType item_type);
/* Shows @items (of objects of the item type, holding them) instead of
 * what it showed; takes @items. */
void          cm_array_model_set (CmArrayModel *self, GPtrArray *items);

G_END_DECLS
