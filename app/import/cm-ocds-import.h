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

/* The plan of the contracts in the OCDS file at @path; NULL when the file
 * or any contract in it cannot be imported. A contract joins the service
 * named by its tender's title, or @service when the tender has none. */
CmImportPlan *cm_ocds_import_plan (CmStore *store, const char *path, const char *service,
                                   CmImportDuplicate on_duplicate, GError **error);

/* The same, for a window that shows the plan and lets rows be left out:
 * @excluded as cm_import_plan_new () takes it (may be NULL); @table (the
 * header row, then a row per contract) and @mapping (a field per column)
 * give what the plan was made from; @n_unnamed how many contracts name no
 * service, and so join @service. Each out argument may be NULL. */
CmImportPlan *cm_ocds_import_plan_full (CmStore *store, const char *path, const char *service,
                                        CmImportDuplicate on_duplicate, GArray *excluded,
                                        CmTable **table, GArray **mapping, guint *n_unnamed,
                                        GError **error);

G_END_DECLS
