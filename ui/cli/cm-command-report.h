/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-report.h: --report, the PDF reports drawn without a window */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The PDF report @kind ("deadlines", "decommission:SERVICE", "eia:SERVICE")
 * to @output. */
int cm_command_report (const char *portfolio, const char *kind, const char *output,
                       const GDate *today);

G_END_DECLS
