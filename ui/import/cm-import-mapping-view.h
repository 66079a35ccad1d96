/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-mapping-view.h: the first rows of a register, with the field
 * each column is read into */
#pragma once

#include <adwaita.h>

#include "cm-table.h"

G_BEGIN_DECLS

#define CM_TYPE_IMPORT_MAPPING_VIEW (cm_import_mapping_view_get_type ())
G_DECLARE_FINAL_TYPE (CmImportMappingView, cm_import_mapping_view, CM, IMPORT_MAPPING_VIEW,
                      GtkWidget)

/* How many data rows the preview shows. */
#define CM_IMPORT_PREVIEW_ROWS 20

GtkWidget *cm_import_mapping_view_new         (void);
/* Shows @table's header and first rows, with a drop-down per column set
 * from @mapping (copied). @table must outlive the view's use of it. */
void       cm_import_mapping_view_set_table   (CmImportMappingView *self, CmTable *table,
                                               GArray *mapping);
/* The mapping as the user has set it (a GArray of CmImportField). */
GArray    *cm_import_mapping_view_get_mapping (CmImportMappingView *self);

G_END_DECLS
