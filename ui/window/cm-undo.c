/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-undo.c: Ctrl+Z, the same undo as the newest toast's Undo button */
#include "cm-undo.h"

#define LAST_UNDO "cm-undo-last"
#define DISMISSED "cm-undo-dismissed"

/* What Ctrl+Z would undo, and the watch that forgets it. */
typedef struct {
  AdwToast *toast;
  CmStore *store;
  gulong changed_id;
} HeldUndo;

static void
held_undo_free (HeldUndo *held)
{
  g_clear_signal_handler (&held->changed_id, held->store);
  g_object_unref (held->store);
  g_object_unref (held->toast);
  g_free (held);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeldUndo, held_undo_free)

/* libadwaita 1.2 must never be asked to dismiss a toast twice. */
static void
toast_dismissed (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), DISMISSED, GINT_TO_POINTER (TRUE));
}

static AdwToast *
held_toast (GtkWidget *window)
{
  HeldUndo *held = g_object_get_data (G_OBJECT (window), LAST_UNDO);

  return held ? held->toast : NULL;
}

/* Undone with its own button: Ctrl+Z must not find it again. */
static void
toast_used (AdwToast *toast, GtkWidget *window)
{
  if (held_toast (window) == toast)
    cm_undo_forget (window);
}

/* Any commit after the offered action (another edit, another program's
 * change) makes that action no longer the newest: undoing it then would
 * put back a snapshot over the later change. */
static void
store_changed (CmStore *store, GtkWidget *window)
{
  cm_undo_forget (window);
}

void
cm_undo_offer (GtkWidget *widget, CmStore *store, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  HeldUndo *held;

  if (root == NULL)
    return;
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed), NULL);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_used), root, 0);
  held = g_new0 (HeldUndo, 1);
  held->toast = g_object_ref (toast);
  held->store = g_object_ref (store);
  /* The action has committed already, so only later commits arrive here. */
  held->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed), root);
  g_object_set_data_full (G_OBJECT (root), LAST_UNDO, held, (GDestroyNotify) held_undo_free);
}

gboolean
cm_undo_last (GtkWidget *window)
{
  g_autoptr(HeldUndo) held = g_object_steal_data (G_OBJECT (window), LAST_UNDO);
  AdwToast *toast;
  const char *action;

  if (held == NULL)
    return FALSE;
  /* The undo's own commit must not count as a later change. */
  g_clear_signal_handler (&held->changed_id, held->store);
  toast = held->toast;
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
