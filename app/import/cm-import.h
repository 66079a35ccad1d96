/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import.h: bringing an existing contracts register into a portfolio
 *
 * An import is planned first: every row is read through the mapping and
 * checked, and the plan says what would be created, updated or skipped
 * and why any row is invalid, naming the cell. Nothing is written until
 * the plan is applied, and then all of it is written in one transaction,
 * or none of it.
 */
#pragma once

#include <gio/gio.h>

#include "cm-contract.h"
#include "cm-import-mapping.h"
#include "cm-row-list.h"
#include "cm-store.h"
#include "cm-table.h"

G_BEGIN_DECLS

#define CM_IMPORT_ERROR (cm_import_error_quark ())
typedef enum {
  CM_IMPORT_ERROR_INVALID_ROWS, /* some included row cannot be imported */
  CM_IMPORT_ERROR_MAPPING,      /* a required field has no column */
} CmImportError;
GQuark cm_import_error_quark (void);

/* What happens to a row that has the reference of a contract already in
 * the portfolio. */
typedef enum {
  CM_IMPORT_DUPLICATE_SKIP,
  CM_IMPORT_DUPLICATE_UPDATE,
} CmImportDuplicate;

typedef enum {
  CM_IMPORT_ROW_CREATE,
  CM_IMPORT_ROW_UPDATE,
  CM_IMPORT_ROW_UNCHANGED,  /* a duplicate whose values are the same */
  CM_IMPORT_ROW_SKIP,       /* a duplicate, skipped as asked */
  CM_IMPORT_ROW_EXCLUDED,   /* left out by the user */
  CM_IMPORT_ROW_BLANK,      /* nothing in any mapped column */
  CM_IMPORT_ROW_INVALID,
} CmImportRowStatus;

typedef struct _CmImportPlan CmImportPlan;

/* @excluded holds table row numbers (guint) the user left out; may be NULL. */
CmImportPlan *cm_import_plan_new     (CmStore *store, CmTable *table, GArray *mapping,
                                      CmImportDuplicate on_duplicate, GArray *excluded,
                                      GError **error);
/* As cm_import_plan_new (), but rows that name no service join the
 * service with id @service_id, or when that is 0 the service named
 * @service_name (found or created), not a service of their title; an
 * update leaves such a row's contract in its own service. */
CmImportPlan *cm_import_plan_new_with_service (CmStore *store, CmTable *table, GArray *mapping,
                                               CmImportDuplicate on_duplicate, GArray *excluded,
                                               gint64 service_id, const char *service_name,
                                               GError **error);
void          cm_import_plan_free    (CmImportPlan *plan);

/* Data rows are the table's rows after the header: 1 .. n_rows - 1. */
CmImportRowStatus cm_import_plan_row_status   (CmImportPlan *plan, guint row);
/* Each problem names its cell: "F7: …". NULL when the row has none. */
const GPtrArray  *cm_import_plan_row_problems (CmImportPlan *plan, guint row);
guint         cm_import_plan_count   (CmImportPlan *plan, CmImportRowStatus status);
/* Names that do not exist yet and will be created, sorted. */
const GPtrArray *cm_import_plan_new_providers     (CmImportPlan *plan);
const GPtrArray *cm_import_plan_new_services      (CmImportPlan *plan);
const GPtrArray *cm_import_plan_new_commissioners (CmImportPlan *plan);
/* Sectors, types and routes that matched no known value and will be kept
 * as written under Other: "Provider sector “Mutual” (rows 4 and 9)",
 * naming the first few rows only (cm-row-list.h). */
const GPtrArray *cm_import_plan_other_values      (CmImportPlan *plan);
/* The rows the @i'th of those is on, every one of them. */
const CmRowList *cm_import_plan_other_value_rows  (CmImportPlan *plan, guint i);
/* The @i'th of those naming every row. */
char            *cm_import_plan_other_value_in_full (CmImportPlan *plan, guint i);
/* "Row 5: contract X ends on ..., but its start date and term give ...":
 * contradictions in rows to be written, for the user to check. */
const GPtrArray *cm_import_plan_contradictions    (CmImportPlan *plan);
/* Every problem of every invalid row, in row order. */
GPtrArray    *cm_import_plan_report  (CmImportPlan *plan);

/* The contract row @row becomes, once the plan is applied: for a row
 * created or updated, or the stored one for a row unchanged (what a
 * format holds beside the columns may still be new to it), else NULL. */
CmContract   *cm_import_plan_row_contract (CmImportPlan *plan, guint row);

/* More for cm_import_plan_apply () to write in its transaction, after the
 * rows and before its own record: what a format holds beside a register's
 * columns (an OCDS file's procurement notices). Records it creates are
 * undone with the import's own when they are of a table it lists. */
typedef gboolean (*CmImportMoreWrite) (CmImportPlan *plan, CmStore *store, gpointer data,
                                       GError **error);
void          cm_import_plan_set_more_write (CmImportPlan *plan, CmImportMoreWrite write,
                                             gpointer data, GDestroyNotify destroy);
/* A line saying what the more write wrote ("2 procurement notices
 * added"), set by it, for the import's record and its report; NULL when
 * it wrote nothing or has not run. */
void          cm_import_plan_set_more_summary (CmImportPlan *plan, const char *summary);
const char   *cm_import_plan_get_more_summary (CmImportPlan *plan);

/* Called now and then with the share of rows written, 0 to 1. */
typedef void (*CmImportProgress) (double fraction, gpointer user_data);

/* Writes the plan in one transaction with one summary record naming
 * @source and what was created and changed, after taking a backup of the
 * portfolio (cm-backup.h). Refuses, writing nothing, while any included
 * row is invalid or when the backup fails; cancelled (G_IO_ERROR_CANCELLED),
 * it writes nothing either, and the plan may be applied again. */
gboolean      cm_import_plan_apply   (CmImportPlan *plan, CmStore *store, const char *source,
                                      CmImportProgress progress, gpointer user_data,
                                      GCancellable *cancellable, GError **error);

/* Plans the import and writes it in the same pass over the rows, as
 * cm_import_plan_new () and then cm_import_plan_apply () would, but
 * holding no record per row: for a caller that shows the plan only after
 * writing it (the command line). NULL only when the mapping is refused;
 * otherwise cm_import_plan_apply () on the plan says whether it was
 * written, or why not, and writes nothing more. */
CmImportPlan *cm_import_plan_new_written (CmStore *store, CmTable *table, GArray *mapping,
                                          CmImportDuplicate on_duplicate, const char *source,
                                          GError **error);

/* As cm_import_plan_new_written (), reading the register from @path
 * (@sheet as for cm_table_read_file ()) one row at a time: each row is
 * planned and written as soon as it is read, and only the header and
 * that row are held. NULL when the file cannot be read ("Could not read
 * FILE: why"), having written nothing, or when the mapping of its
 * headers is refused. */
CmImportPlan *cm_import_plan_new_written_from_file (CmStore *store, const char *path,
                                                    const char *sheet,
                                                    CmImportDuplicate on_duplicate,
                                                    const char *source, GError **error);

/* As cm_import_plan_new_written_from_file (), for a file previewed
 * first: its columns read through @mapping (NULL: as its headers
 * suggest), the table rows (guint, in order) in @excluded left out (may
 * be NULL). @progress (may be NULL) is called now and then, in the
 * calling thread, with the share of the @n_rows the preview counted that
 * has been read. Once @cancellable is cancelled the rest of the file is
 * only read, and nothing is written: cm_import_plan_apply () then fails
 * with G_IO_ERROR_CANCELLED. */
CmImportPlan *cm_import_plan_new_written_as_previewed (CmStore *store, const char *path,
                                                       const char *sheet, GArray *mapping,
                                                       CmImportDuplicate on_duplicate,
                                                       GArray *excluded, const char *source,
                                                       guint n_rows, CmImportProgress progress,
                                                       gpointer user_data,
                                                       GCancellable *cancellable,
                                                       GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmImportPlan, cm_import_plan_free)

G_END_DECLS
