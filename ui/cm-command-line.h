/* cm-command-line.h: the commands that run without a window */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   cm_command_create_demo  (const char *path, const GDate *today);
int   cm_command_verify_audit (const char *portfolio, const char *expect_head,
                               const char *expect_head_from);
int   cm_command_audit_head   (const char *portfolio);
int   cm_command_deadlines    (const char *portfolio, const GDate *today, const char *format);
int   cm_command_export       (const char *portfolio, const char *path, const GDate *today,
                               gboolean transparency_csv, const char *quarter,
                               const char *year);
int   cm_command_import       (const char *portfolio, const char *file, const char *sheet,
                               const char *on_duplicate);
int   cm_command_undo_import  (const char *portfolio);
int   cm_command_backup       (const char *portfolio, const char *path);
int   cm_command_list_backups (const char *portfolio);
int   cm_command_restore      (const char *portfolio, const char *backup);
char *cm_demo_portfolio_path  (const GDate *today, GError **error);

G_END_DECLS
