/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-options.h: the command line's options and the headless commands they run */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every option, the window's too, so that --help lists them all. */
void     cm_command_options_add           (GApplication *app);
/* What both programs do before parsing the options: names the program
 * after @argv[0], binds the translations of its messages, then runs
 * --copy-portfolio, which takes two values and so cannot go through
 * GOption. TRUE, with @exit_status set, when it ran. */
gboolean cm_command_options_run_early     (char **argv, int *exit_status);
/* Draws --report's PDF: cm_command_report (). */
typedef int (*CmReportCommand) (const char *portfolio, const char *kind, const char *output,
                                const GDate *today);

/* Runs the headless command @options name and returns its exit status, or
 * -1 when they name none (a window is wanted), or name --report and
 * @report is NULL. commissioner passes NULL: linking the drawing libraries
 * (cairo, Pango) would slow the start of every other command, so it hands
 * --report to the window program, which links them for its windows.
 * @today gets --today's date, or today's. */
int      cm_command_options_run           (GVariantDict *options, GDate *today,
                                           CmReportCommand report);

G_END_DECLS
