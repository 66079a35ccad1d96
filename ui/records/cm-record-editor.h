/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-editor.h: a dialog that creates or edits one record */
#pragma once

#include <adwaita.h>

#include "cm-record-kind.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_RECORD_EDITOR (cm_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (CmRecordEditor, cm_record_editor, CM, RECORD_EDITOR, AdwWindow)

/* Properties, construct-only: "store", "kind" (the CmRecordKind) and
 * "entity". @entity is NULL to create a record. The editor works on a copy and
 * emits "saved" with the stored record once the store accepts it. */
GtkWidget *cm_record_editor_new (CmStore *store, const CmRecordKind *kind, CmEntity *entity);

G_END_DECLS
