/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-application.h: the application, its command line and its settings */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CM_TYPE_APPLICATION (cm_application_get_type ())
G_DECLARE_FINAL_TYPE (CmApplication, cm_application, CM, APPLICATION, AdwApplication)

CmApplication *cm_application_new          (void);
GSettings     *cm_application_get_settings (CmApplication *self);
const GDate   *cm_application_get_today    (CmApplication *self);

G_END_DECLS
