/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-check-view.h: what an import would do, before it does it */
#pragma once

#include <adwaita.h>

#include "cm-import.h"

G_BEGIN_DECLS

#define CM_TYPE_IMPORT_CHECK_VIEW (cm_import_check_view_get_type ())
G_DECLARE_FINAL_TYPE (CmImportCheckView, cm_import_check_view, CM, IMPORT_CHECK_VIEW, GtkWidget)

GtkWidget        *cm_import_check_view_new           (void);
/* Shows @plan of @table read through @mapping; all three must outlive
 * the view's use of them. */
void              cm_import_check_view_set_plan      (CmImportCheckView *self, CmImportPlan *plan,
                                                      CmTable *table, GArray *mapping);
/* Forgets the rows the user excluded, for a new file or sheet. */
void              cm_import_check_view_reset         (CmImportCheckView *self);
CmImportDuplicate cm_import_check_view_get_duplicate (CmImportCheckView *self);
/* Focuses the first row to fix, if any; FALSE when there is none. */
gboolean          cm_import_check_view_focus_report  (CmImportCheckView *self);
/* The table rows the user excluded (guint), in order. */
GArray           *cm_import_check_view_get_excluded  (CmImportCheckView *self);

/* Says that the plan covers only the first @n_checked of the file's
 * @n_rows data rows, the rest to be checked as they are imported; for
 * the next plan shown. Equal counts say nothing. */
void cm_import_check_view_set_rows_read (CmImportCheckView *self, guint n_checked, guint n_rows);

/* The procurement notices the next plan would add to contracts beside its
 * rows (an OCDS file's), for its summary; 0 for a register. */
void cm_import_check_view_set_new_notices (CmImportCheckView *self, guint n_notices);

G_END_DECLS
