/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decoration.c: icons a screen reader need not read */
#include "cm-decoration.h"

static void
hide (GtkWidget *widget)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
cm_decoration_icon_new (const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  hide (image);
  return image;
}

/* Hides every icon below @widget, including those libadwaita's rows make
 * for themselves (an expander's arrow, an action row's icon). */
void
cm_decoration_hide_icons (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget))
    hide (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    cm_decoration_hide_icons (child);
}

/* A drop-down presses through a toggle button of its own, unnamed in
 * GTK 4.8: it is read as "GtkToggleButton" unless named like its drop-down. */
void
cm_decoration_name_dropdown (GtkDropDown *dropdown, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
}
