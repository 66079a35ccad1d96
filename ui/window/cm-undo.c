/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-undo.c: Ctrl+Z, the same undo as the newest toast's Undo button */
#include "cm-undo.h"

#define LAST_UNDO "cm-undo-last"
#define DISMISSED "cm-undo-dismissed"

/* libadwaita 1.2 must never be asked to dismiss a toast twice. */
static void
toast_dismissed (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), DISMISSED, GINT_TO_POINTER (TRUE));
}

/* Undone with its own button: Ctrl+Z must not find it again. */
static void
toast_used (AdwToast *toast, GtkWidget *window)
{
  if (g_object_get_data (G_OBJECT (window), LAST_UNDO) == toast)
    g_object_set_data (G_OBJECT (window), LAST_UNDO, NULL);
}

void
cm_undo_offer (GtkWidget *widget, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root == NULL)
    return;
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed), NULL);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_used), root, 0);
  g_object_set_data_full (G_OBJECT (root), LAST_UNDO, g_object_ref (toast), g_object_unref);
}

gboolean
cm_undo_last (GtkWidget *window)
{
  g_autoptr(AdwToast) toast = g_object_steal_data (G_OBJECT (window), LAST_UNDO);
  const char *action;

  if (toast == NULL)
    return FALSE;
  /* The button either runs an action or emits its signal. */
  action = adw_toast_get_action_name (toast);
  if (action)
    gtk_widget_activate_action_variant (window, action, adw_toast_get_action_target_value (toast));
  else
    g_signal_emit_by_name (toast, "button-clicked");
  if (!g_object_get_data (G_OBJECT (toast), DISMISSED))
    adw_toast_dismiss (toast);
  return TRUE;
}

void
cm_undo_forget (GtkWidget *window)
{
  g_object_set_data (G_OBJECT (window), LAST_UNDO, NULL);
}
