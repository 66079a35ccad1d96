/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-import.h: Open Contracting data read into a portfolio
 *
 * Reads an OCDS 1.1 release package or record package (our own export,
 * or a Contracts Finder or Find a Tender download). Each contracting
 * process is taken as its compiled release: a record's own, or its
 * releases merged by the standard's rules (cm-ocds-merge.h). Each of its
 * contracts becomes a row of an ordinary import plan (cm-import.h), so it
 * is checked, backed up, written, audited and undone like a register.
 *
 * Anything the file gets wrong (not JSON, a value of the wrong type, a
 * release without an ocid, an amount not in pounds, a contract the
 * portfolio's rules refuse) is refused with the JSON path of the problem,
 * before anything is written.
 */
#pragma once

#include "cm-import.h"

G_BEGIN_DECLS

#define CM_OCDS_ERROR (cm_ocds_error_quark ())
typedef enum {
  CM_OCDS_ERROR_INVALID, /* the message starts with the JSON path of the problem */
  CM_OCDS_ERROR_EMPTY,   /* no contract in the file */
} CmOcdsError;
GQuark cm_ocds_error_quark (void);

/* The service the command line gives contracts whose tender has no
 * title. Stored in English, not the user's language: a portfolio is
 * shared, and the next import, perhaps under another language, must find
 * the same service by this name rather than make another. */
#define CM_OCDS_FALLBACK_SERVICE "Imported from OCDS"

/* The plan of the contracts in the OCDS file at @path; NULL when the file
 * or any contract in it cannot be imported. A contract joins the service
 * named by its tender's title, or @service when the tender has none. */
CmImportPlan *cm_ocds_import_plan (CmStore *store, const char *path, const char *service,
                                   CmImportDuplicate on_duplicate, GError **error);

/* An OCDS file read and checked once, for a window that plans it again
 * as the user chooses a service, the duplicates rule and rows to leave
 * out. */
typedef struct _CmOcdsFile CmOcdsFile;

/* NULL when the file cannot be read or holds no contract. */
CmOcdsFile   *cm_ocds_file_read          (const char *path, GError **error);
void          cm_ocds_file_free          (CmOcdsFile *file);
/* The header row, then a row per contract, its service blank when its
 * tender has no title; a field per column. */
CmTable      *cm_ocds_file_get_table     (CmOcdsFile *file);
GArray       *cm_ocds_file_get_mapping   (CmOcdsFile *file);
/* How many contracts name no service. */
guint         cm_ocds_file_get_n_unnamed (CmOcdsFile *file);
/* The plan, NULL when a contract cannot be imported: contracts that name
 * no service join the service with id @service_id (by id: services often
 * share a name), or when it is 0 the service named @service, found or
 * created. @excluded as cm_import_plan_new () takes it (may be NULL). */
CmImportPlan *cm_ocds_file_plan          (CmOcdsFile *file, CmStore *store, gint64 service_id,
                                          const char *service, CmImportDuplicate on_duplicate,
                                          GArray *excluded, GError **error);

/* How many procurement notices applying @plan, made from @file, would add:
 * a contract unchanged may still gain some. */
guint         cm_ocds_file_count_new_notices (CmOcdsFile *file, CmImportPlan *plan,
                                              CmStore *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmOcdsFile, cm_ocds_file_free)

G_END_DECLS
