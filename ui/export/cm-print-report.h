/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-print-report.h: printing a report laid out for print, through the
 * print dialog */
#pragma once

#include <adwaita.h>

#include "cm-report.h"

G_BEGIN_DECLS

/* Shows the print dialog for @pages (taken), then prints them page by
 * page; a failure is a toast in @toasts. */
void cm_print_report_run (GtkWindow *parent, CmReportPages *pages, AdwToastOverlay *toasts);

G_END_DECLS
