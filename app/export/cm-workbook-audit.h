/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-workbook-audit.h: the workbook's Audit trail sheet, written beside the other sheets
 *
 * The sheet is the whole trail in words, each row with whether the hash
 * chain vouches for it. Reading, wording and checking it is a large part
 * of an export and needs nothing of the other sheets, so it is written in
 * a thread of its own, with its own connection to the portfolio, into its
 * own worksheet while the other sheets are written.
 */
#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

#include "cm-sheet.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct _CmWorkbookAudit CmWorkbookAudit;

/* Starts writing the sheet "Audit trail" of @workbook, which must
 * already have it. Cells may use only the formats of @formats that
 * earlier sheets' written rows have used (header, bold and date and
 * time): the worksheet is written apart, but the formats are the
 * workbook's. @footer and @formats must outlive the sheet. Where no other
 * connection to the portfolio opens, the sheet is written in
 * cm_workbook_audit_finish (), with @store, which is asked nothing
 * before but where its portfolio is. */
CmWorkbookAudit *cm_workbook_audit_start  (CmStore *store, lxw_workbook *workbook,
                                           const CmSheetFormats *formats, const char *footer,
                                           GCancellable *cancellable);

/* Waits for the sheet to be written and frees @audit. Returns the
 * sheet's first error from libxlsxwriter; @error is set when the trail
 * could not be read. */
lxw_error        cm_workbook_audit_finish (CmWorkbookAudit *audit, GError **error);

G_END_DECLS
