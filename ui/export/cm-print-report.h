/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-print-report.h: printing a report through the print dialog */
#pragma once

#include <adwaita.h>

#include "cm-report.h"

G_BEGIN_DECLS

/* Shows the print dialog for the report @kind of the portfolio file
 * @portfolio as on @today, whose title and page count @counted (taken)
 * holds, then draws and prints it page by page on a read-only connection
 * of its own, as @display_name; a failure is a toast in @toasts. */
void cm_print_report_run (GtkWindow *parent, const char *portfolio, const char *display_name,
                          const char *kind, const GDate *today, CmReportPages *counted,
                          AdwToastOverlay *toasts);

G_END_DECLS
