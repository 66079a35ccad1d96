/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-search-dialog.h: a search across the whole portfolio, opening what is chosen
 *
 * Finds services, contracts, providers, EIAs and decommissions by name or
 * reference (cm-search.h); "record-chosen" gives the record chosen, for
 * the window to open its page, and the dialog closes.
 */
#pragma once

#include <gtk/gtk.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SEARCH_DIALOG (cm_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CmSearchDialog, cm_search_dialog, CM, SEARCH_DIALOG, GtkWindow)

CmSearchDialog *cm_search_dialog_new (CmStore *store, GtkWindow *parent);

G_END_DECLS
