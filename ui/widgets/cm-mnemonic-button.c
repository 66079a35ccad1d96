/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-mnemonic-button.c: a button with an underlined access key
 *
 * GTK 4.8 names such a button after its raw label ("_Save Save"); an
 * explicit accessible label keeps the underscore out of what a screen
 * reader says. (GTK 4.8 still appends the label's text once more.)
 */
#include "cm-mnemonic-button.h"

GtkWidget *
cm_mnemonic_button_new (const char *mnemonic, const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);
  g_autoptr(GString) plain = g_string_new (mnemonic);

  g_string_replace (plain, "_", "", 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  plain->str, -1);
  if (action_name)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}
