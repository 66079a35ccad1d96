/* cm-import-run.h: the record of one import of a contracts register */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_TYPE_IMPORT_RUN (cm_import_run_get_type ())
G_DECLARE_FINAL_TYPE (CmImportRun, cm_import_run, CM, IMPORT_RUN, CmEntity)

CmImportRun *cm_import_run_new         (const char *source);
const char  *cm_import_run_get_source  (CmImportRun *self);
const char  *cm_import_run_get_summary (CmImportRun *self);

G_END_DECLS
