/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-actions.h: Print…, Export PDF… and Export to Calendar… in
 * the window
 *
 * The report printed is the one that fits the page in view: the deadlines
 * schedule on the Deadlines page, a service's assessments on an EIA's
 * page, its decommissioning record on a decommission's. The main menu's
 * Reports offer the portfolio-wide ones from any page.
 */
#pragma once

#include "cm-window.h"

G_BEGIN_DECLS

/* Adds the "report" actions and Ctrl+P to @window; they are off until a
 * portfolio is opened. */
void cm_report_actions_attach            (CmWindow *window);
/* Turns them on, and tells of deadlines due soon. */
void cm_report_actions_portfolio_opened  (CmWindow *window);
/* The name of report @kind, as its title page gives it. */
char *cm_report_actions_describe         (CmStore *store, const char *kind);

G_END_DECLS
