/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-row-name.h: what a screen reader reads for a row of a list
 *
 * GTK 4.8 gives a list item no accessible label of its own, and a screen
 * reader reads an unnamed widget by its type ("GtkListItemWidget",
 * "GtkColumnViewCell"). Bind callbacks name the widgets around their
 * child instead: a cell by its text, a row by its main text.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cm_row_name_item (GtkListItem *list_item, const char *text);
void cm_row_name_row  (GtkListItem *list_item, const char *text);
void cm_row_name_headings (GtkColumnView *view);

G_END_DECLS
