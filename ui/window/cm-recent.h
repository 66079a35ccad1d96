/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-recent.h: portfolios and workbooks in the desktop's recent files
 *
 * Entries go to the shared recent-files list, so the file manager and the
 * spreadsheet application see them too; the portfolios among them are
 * offered again on the welcome page and in the main menu.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CM_PORTFOLIO_MIME_TYPE "application/x-commissioner-portfolio"
#define CM_RECENT_MAX_PORTFOLIOS 8

void    cm_recent_add_portfolio (const char *path);
void    cm_recent_add_workbook  (const char *path);
/* Any other file the application wrote, such as a PDF report or a calendar. */
void    cm_recent_add_file      (const char *path, const char *mime_type);
/* Paths of the portfolios opened most recently that still exist, and URIs of
 * those on a server, newest first. */
GStrv   cm_recent_portfolios    (void);

G_END_DECLS
