/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-percent-dialog.c: asks for one percentage */
#include <glib/gi18n.h>

#include "cm-page-parts.h"
#include "cm-percent-dialog.h"

typedef struct {
  GtkSpinButton *spin;
  CmPercentCallback callback;
  gpointer data;
} Request;

/* GTK 4.8's spin button neither activates the default nor has an
 * "activate" signal, so Enter is caught before it. */
static gboolean
key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
             AdwMessageDialog *dialog)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  /* What was typed counts even though the field was never left. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  if (adw_message_dialog_get_response_enabled (dialog, "accept"))
    adw_message_dialog_response (dialog, "accept");
  return TRUE;
}

static void
responded (AdwMessageDialog *dialog, const char *response, Request *request)
{
  gtk_spin_button_update (request->spin);
  request->callback (g_str_equal (response, "accept")
                     ? gtk_spin_button_get_value (request->spin) : -1,
                     request->data);
  g_free (request);
}

GtkWidget *
cm_percent_spin_new (GtkLabel *label, double initial, AdwMessageDialog *dialog)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), CLAMP (initial, 0, 100));
  /* This also names the spin button by the label, for screen readers. */
  gtk_label_set_mnemonic_widget (label, spin);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), dialog);
  gtk_widget_add_controller (spin, keys);
  return spin;
}

void
cm_percent_dialog_ask (GtkWidget *parent, const char *heading, const char *body,
                       const char *spin_label, const char *accept_label, double initial,
                       CmPercentCallback callback, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (spin_label);
  Request *request = g_new0 (Request, 1);

  request->callback = callback;
  request->data = data;
  request->spin = GTK_SPIN_BUTTON (cm_percent_spin_new (GTK_LABEL (label), initial,
                                                        ADW_MESSAGE_DIALOG (dialog)));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->spin));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (dialog), accept_label, ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->spin));
}
