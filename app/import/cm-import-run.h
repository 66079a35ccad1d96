/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-run.h: the record of one import of a contracts register
 *
 * Besides what the import did, in words, it keeps what undoing it needs:
 * the range of ids it gave the records it created in each table, and the
 * first audit row it wrote, from which the values it replaced are read.
 */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_IMPORT_RUN (cm_import_run_get_type ())
G_DECLARE_FINAL_TYPE (CmImportRun, cm_import_run, CM, IMPORT_RUN, CmEntity)

CmImportRun *cm_import_run_new         (const char *source);
const char  *cm_import_run_get_source  (CmImportRun *self);
const char  *cm_import_run_get_summary (CmImportRun *self);

/* Notes that the run created the records of @table with ids @first to
 * @last; each table once. */
void         cm_import_run_add_created    (CmImportRun *self, const char *table, gint64 first,
                                           gint64 last);
/* FALSE when the run created no record in @table. */
gboolean     cm_import_run_get_created    (CmImportRun *self, const char *table, gint64 *first,
                                           gint64 *last);
void         cm_import_run_set_first_audit_id (CmImportRun *self, gint64 id);
/* 0 for an import made before runs kept it: such an import cannot be undone. */
gint64       cm_import_run_get_first_audit_id (CmImportRun *self);

G_END_DECLS
