/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-window.h: the main window: a welcome page, or a portfolio's sections */
#pragma once

#include "cm-application.h"
#include "cm-portfolio-job.h"

G_BEGIN_DECLS

#define CM_TYPE_WINDOW (cm_window_get_type ())
G_DECLARE_FINAL_TYPE (CmWindow, cm_window, CM, WINDOW, AdwApplicationWindow)

CmWindow *cm_window_new            (CmApplication *app);
/* Opens @path, making an empty file or database a new portfolio. */
gboolean  cm_window_open_portfolio (CmWindow *self, const char *path);
/* Opens @path only if it holds a portfolio: opening one seen before (the
 * recent list, a notification), which may since have gone. */
gboolean  cm_window_open_existing_portfolio (CmWindow *self, const char *path);
/* Opens a portfolio used before, as from the recent list: a file that
 * still exists, or a server's, connecting in the background and asking
 * only if the server refuses. */
void      cm_window_reopen_portfolio (CmWindow *self, const char *path);
/* Shows the portfolio of @store, opened elsewhere (connecting to a server). */
void      cm_window_open_store     (CmWindow *self, CmStore *store);
void      cm_window_import_file    (CmWindow *self, const char *path);
void      cm_window_show_message   (CmWindow *self, const char *message);
/* The portfolio open in the window, as a canonical path, or NULL. */
char     *cm_window_dup_portfolio  (CmWindow *self);
CmStore  *cm_window_get_store       (CmWindow *self);
AdwToastOverlay *cm_window_get_toasts (CmWindow *self);
/* The list or record page in view, or NULL on the welcome page. */
GtkWidget *cm_window_get_shown_page (CmWindow *self);
/* Shows the contract @contract_id in its list, if the portfolio holds it. */
void      cm_window_show_contract  (CmWindow *self, gint64 contract_id);
/* The window of @app open on @path, under any name of it, or NULL. */
CmWindow *cm_window_find           (GtkApplication *app, const char *path);

/* Runs on the main loop once the work is done and the portfolio open
 * again; @self is NULL if the window was closed meanwhile. */
typedef void (*CmWindowWorkDone) (CmWindow *self, gpointer data, const GError *error);

/* Lets go of the portfolio (its pages, and the windows that use it), runs
 * @work on the file in the background once the window's connection to it
 * has closed, then opens it again and calls @done. Opening a file a second
 * time in one process while a connection to it is open could disturb
 * SQLite's locks on it; and the window's lists would show the old records. */
void      cm_window_work_on_portfolio (CmWindow *self, const char *progress, CmPortfolioWork work,
                                       CmWindowWorkDone done, gpointer data);

G_END_DECLS
