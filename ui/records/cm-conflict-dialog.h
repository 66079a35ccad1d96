/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-conflict-dialog.h: the dialog of a save that met someone else's change
 *
 * Says who changed the record and when, lists each field whose value
 * differs with theirs and the user's, and offers "keep-theirs" and
 * "apply-mine" as responses; any other response (Escape) goes back to the
 * editor with nothing lost.
 */
#pragma once

#include <adwaita.h>

#include "cm-record-kind.h"
#include "cm-store-conflict.h"

G_BEGIN_DECLS

#define CM_CONFLICT_KEEP_THEIRS "keep-theirs"
#define CM_CONFLICT_APPLY_MINE "apply-mine"

/* The dialog over @parent of @conflict, met saving a record of @store. */
GtkWidget *cm_conflict_dialog_new (GtkWindow *parent, CmStore *store,
                                   CmStoreConflict *conflict);

G_END_DECLS
