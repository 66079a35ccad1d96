/* cm-window.h: the main window: a welcome page, or a portfolio's sections */
#pragma once

#include "cm-application.h"

G_BEGIN_DECLS

#define CM_TYPE_WINDOW (cm_window_get_type ())
G_DECLARE_FINAL_TYPE (CmWindow, cm_window, CM, WINDOW, AdwApplicationWindow)

CmWindow *cm_window_new            (CmApplication *app);
gboolean  cm_window_open_portfolio (CmWindow *self, const char *path);
void      cm_window_import_file    (CmWindow *self, const char *path);
void      cm_window_reload_portfolio (CmWindow *self, const char *message);

G_END_DECLS
