/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadlines-page.h: every upcoming date in the portfolio, most urgent
 * first, filtered by commissioner, provider, sector and status */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_DEADLINES_PAGE (cm_deadlines_page_get_type ())
G_DECLARE_FINAL_TYPE (CmDeadlinesPage, cm_deadlines_page, CM, DEADLINES_PAGE, GtkWidget)

/* Properties, construct-only: "store", and "today", the day the dates are
 * counted from. Signal "open-contract" (CmContract *contract): the user
 * activated a row. */
CmDeadlinesPage *cm_deadlines_page_new (CmStore *store, const GDate *today);

G_END_DECLS
