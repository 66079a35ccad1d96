/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-undo.h: taking back one import of a contracts register
 *
 * Undoing an import removes the records it created and puts back the
 * values of the contracts it updated, in one audited transaction, after
 * taking a backup. It refuses, changing nothing, while any of those
 * records has been changed or deleted since the import, and names them.
 * The import's own record is deleted with it, so the audit trail keeps
 * what the import did and that it was undone.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_IMPORT_UNDO_ERROR (cm_import_undo_error_quark ())
typedef enum {
  CM_IMPORT_UNDO_ERROR_NO_IMPORT,
  CM_IMPORT_UNDO_ERROR_TOO_OLD,       /* made before imports kept what undoing needs */
  CM_IMPORT_UNDO_ERROR_CHANGED_SINCE,
} CmImportUndoError;
GQuark cm_import_undo_error_quark (void);

typedef struct _CmImportUndo CmImportUndo;

/* Plans undoing the import @run_id, or the latest import when it is 0,
 * and checks that nothing it wrote has changed since. */
CmImportUndo *cm_import_undo_new            (CmStore *store, gint64 run_id, GError **error);
void          cm_import_undo_free           (CmImportUndo *undo);

gint64        cm_import_undo_get_run_id     (CmImportUndo *undo);
const char   *cm_import_undo_get_source     (CmImportUndo *undo);
/* How many records of @type (contracts, providers, services,
 * organisations) undoing removes. */
guint         cm_import_undo_count_removed  (CmImportUndo *undo, GType type);
/* How many contracts get their values from before the import back. */
guint         cm_import_undo_count_restored (CmImportUndo *undo);
/* What undoing does, for a confirmation: one line per kind of record. */
char         *cm_import_undo_describe       (CmImportUndo *undo);

/* Backs the portfolio up, then undoes the import in one transaction,
 * checking again that nothing changed since it was planned. */
gboolean      cm_import_undo_apply          (CmImportUndo *undo, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmImportUndo, cm_import_undo_free)

G_END_DECLS
