/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-sheet.h: the workbook's Audit trail sheet
 *
 * Every change to the portfolio, newest first, in words, each with
 * whether the hash chain vouches for it. Its cells use the header, bold
 * and date and time formats only.
 */
#pragma once

#include <gio/gio.h>

#include "cm-sheet.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* The sheet "Audit trail" of @workbook, with its header row. */
CmSheet *cm_audit_sheet_new   (lxw_workbook *workbook, const CmSheetFormats *formats);

/* Writes the trail from @store into @sheet. A trail that cannot be read
 * sets @error with the store's reason: an empty sheet would claim the
 * portfolio has no history. Stops early once @cancellable is cancelled. */
void     cm_audit_sheet_write (CmSheet *sheet, CmStore *store, GCancellable *cancellable,
                               GError **error);

G_END_DECLS
