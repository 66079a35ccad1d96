/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-mnemonic-button.h: a button with an underlined access key */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cm_mnemonic_button_new (const char *mnemonic, const char *action_name);

G_END_DECLS
