/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-buttons.h: Print…, Export PDF… (and Export to Calendar…) on a page
 *
 * The buttons a page shows for the report that fits it, acting through
 * the window's "report" actions on that report by name, so that a button
 * prints the page's own report whatever else is in view.
 */
#pragma once

#include <gtk/gtk.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_REPORT_BUTTONS (cm_report_buttons_get_type ())
G_DECLARE_FINAL_TYPE (CmReportButtons, cm_report_buttons, CM, REPORT_BUTTONS, GtkWidget)

/* For report @kind ("deadlines", "eia:12", "decommission:12"), named
 * after it as @store knows it; with Export to Calendar… when @calendar. */
GtkWidget *cm_report_buttons_new (CmStore *store, const char *kind, gboolean calendar);

G_END_DECLS
