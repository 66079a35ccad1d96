/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-head-row.c: the head of the portfolio's audit trail, to copy
 *
 * Copied into an email or a report, the head becomes an anchor kept
 * outside the file, which the trail can later be checked against.
 */
#include <glib/gi18n.h>

#include "cm-audit-anchor.h"
#include "cm-audit-head-row.h"

static void
show_head (AdwActionRow *row, CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = cm_audit_anchor_current (store, &error);

  adw_action_row_set_subtitle (row, anchor ? anchor : error->message);
  g_object_set_data_full (G_OBJECT (row), "anchor", g_steal_pointer (&anchor), g_free);
}

static void
copy_head (GtkButton *button, AdwActionRow *row)
{
  const char *anchor = g_object_get_data (G_OBJECT (row), "anchor");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (anchor == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), anchor);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root),
                                      adw_toast_new (_("Audit head copied")));
}

GtkWidget *
cm_audit_head_row_new (CmStore *store)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Audit head"));
  show_head (ADW_ACTION_ROW (row), store);
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy the audit head"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the audit head"), -1);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_head), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
  /* Every change, here or in another program, moves the head on. */
  g_signal_connect_object (store, "changed", G_CALLBACK (show_head), row, G_CONNECT_SWAPPED);
  return row;
}
