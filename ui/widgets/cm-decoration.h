/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decoration.h: icons a screen reader need not read
 *
 * An icon beside words, or the arrow of a row that opens something, says
 * nothing the words do not: it is hidden from the accessibility tree,
 * where it would otherwise be read by its type, "GtkImage".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cm_decoration_icon_new      (const char *icon_name);
void       cm_decoration_hide_icons    (GtkWidget *widget);
void       cm_decoration_name_dropdown (GtkDropDown *dropdown, const char *name);

G_END_DECLS
