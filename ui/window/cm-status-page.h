/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-status-page.h: an empty state that says how to start */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @child (a button to start with) may be NULL. */
GtkWidget *cm_status_page_new (const char *icon_name, const char *title,
                               const char *description, GtkWidget *child);

G_END_DECLS
