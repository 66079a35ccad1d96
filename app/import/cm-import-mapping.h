/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-mapping.h: which column of a register holds which contract field
 *
 * Headers are recognised ignoring case and extra space, including those of
 * our own Contracts and Transparency sheets, so that an exported workbook
 * imports back. A mapping the user has corrected can be remembered in the
 * portfolio and is used again for a file with the same headers.
 */
#pragma once

#include "cm-store.h"
#include "cm-table.h"

G_BEGIN_DECLS

typedef enum {
  CM_IMPORT_FIELD_IGNORE,
  CM_IMPORT_FIELD_REFERENCE,
  CM_IMPORT_FIELD_TITLE,
  CM_IMPORT_FIELD_SERVICE,
  CM_IMPORT_FIELD_PROVIDER,
  CM_IMPORT_FIELD_PROVIDER_SECTOR,
  CM_IMPORT_FIELD_COMMISSIONER,
  CM_IMPORT_FIELD_START_DATE,
  CM_IMPORT_FIELD_END_DATE,
  CM_IMPORT_FIELD_TERM,
  CM_IMPORT_FIELD_EXTENSIONS_INVOKED,
  CM_IMPORT_FIELD_NOTICE_PERIOD,
  CM_IMPORT_FIELD_NOTICE_SERVED,
  CM_IMPORT_FIELD_ANNUAL_VALUE,
  CM_IMPORT_FIELD_TOTAL_VALUE,
  CM_IMPORT_FIELD_TYPE,
  CM_IMPORT_FIELD_ROUTE,
  CM_IMPORT_FIELD_DECOMMISSIONED_ON,
  CM_IMPORT_FIELD_SME,
  CM_IMPORT_FIELD_VCSE,
  CM_IMPORT_FIELD_REGISTRATION,
  CM_IMPORT_FIELD_PROCUREMENT_BEGAN,
  CM_IMPORT_FIELD_NOTICE_KIND,
  CM_IMPORT_FIELD_OUTCOME,
  CM_IMPORT_N_FIELDS
} CmImportField;

/* The field's name as the wizard shows it ("Start date"). */
const char    *cm_import_field_label       (CmImportField field);
/* A stable name for saved mappings ("start-date"). */
const char    *cm_import_field_nick        (CmImportField field);
CmImportField  cm_import_field_from_header (const char *header);

/* One field per column of the table's header row (a GArray of
 * CmImportField). Each field but Ignore is held by one column at most. */
GArray        *cm_import_mapping_guess     (CmTable *table);
/* The mapping remembered for these headers, else the guess. */
GArray        *cm_import_mapping_for       (CmStore *store, CmTable *table);
gboolean       cm_import_mapping_remember  (CmStore *store, CmTable *table, GArray *mapping,
                                            GError **error);
/* The column holding @field, or -1. */
int            cm_import_mapping_column    (GArray *mapping, CmImportField field);

G_END_DECLS
