/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheets-beside.h: sheets of a workbook written in a thread of their own, beside the others
 *
 * A sheet that needs nothing of the others (the Audit trail: reading,
 * wording and checking the whole trail) can be written on the second
 * core, with its own connection to the portfolio, into its own worksheet
 * while the main thread writes the others. libxlsxwriter keeps each
 * worksheet apart, but numbers a format in the workbook's shared table
 * when a cell first uses it: such sheets use only formats numbered before
 * they start.
 */
#pragma once

#include <gio/gio.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Writes sheets from @store, which is the thread's own connection, or
 * the caller's store where none could be opened. */
typedef void (*CmSheetsBesideFunc) (CmStore *store, gpointer data);

typedef struct _CmSheetsBeside CmSheetsBeside;

/* Calls @write with @data in a thread of its own, with another read-only
 * connection to @store's portfolio; where none opens, @write is called
 * in cm_sheets_beside_finish () with @store, which is asked nothing before
 * but where its portfolio is. */
CmSheetsBeside *cm_sheets_beside_start  (CmStore *store, CmSheetsBesideFunc write,
                                         gpointer data);

/* Waits for @write to return, or calls it there, and frees @beside. */
void            cm_sheets_beside_finish (CmSheetsBeside *beside);

G_END_DECLS
