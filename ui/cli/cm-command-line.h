/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-line.h: the commands that run without a window */
#pragma once

#include "cm-import.h"

G_BEGIN_DECLS

/* Makes the plan of an import of @file into @store; @data is the caller's. */
typedef CmImportPlan *(*CmImportPlanner) (CmStore *store, const char *file, gpointer data,
                                          CmImportDuplicate on_duplicate, GError **error);

int   cm_command_create_demo  (const char *path, const GDate *today);
/* Sets up the roles of the portfolio in the PostgreSQL database @uri. */
int   cm_command_setup_server (const char *uri);
int   cm_command_verify_audit (const char *portfolio, const char *expect_head,
                               const char *expect_head_from);
int   cm_command_audit_head   (const char *portfolio);
int   cm_command_deadlines    (const char *portfolio, const GDate *today, const char *format,
                               const char *output);
int   cm_command_export       (const char *portfolio, const char *path, const GDate *today,
                               gboolean transparency_csv, const char *quarter,
                               const char *year);
/* @report_file, if not NULL, gets the whole report: every row the
 * terminal's messages name only the first few of. */
int   cm_command_import       (const char *portfolio, const char *file, const char *sheet,
                               const char *on_duplicate, const char *report_file);
/* Runs an import as --import does: reports what it did or why not, and
 * removes a portfolio it created when it fails. */
int   cm_command_run_import   (const char *portfolio, const char *file, const char *on_duplicate,
                               const char *report_file, CmImportPlanner planner, gpointer data);
int   cm_command_undo_import  (const char *portfolio);
int   cm_command_backup       (const char *portfolio, const char *path);
/* Copies the portfolio @from (a file or a URI) to the new file or empty
 * server database @to, with its whole audit trail. */
int   cm_command_copy_portfolio (const char *from, const char *to);
int   cm_command_list_backups (const char *portfolio);
int   cm_command_restore      (const char *portfolio, const char *backup);
char *cm_demo_portfolio_path  (const GDate *today, GError **error);

G_END_DECLS
