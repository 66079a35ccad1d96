/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-reason-dialog.c: asks why, before an action that must say why */
#include <glib/gi18n.h>

#include "cm-page-parts.h"
#include "cm-reason-dialog.h"

typedef struct {
  GtkEntry *entry;
  CmReasonCallback callback;
  gpointer data;
} Request;

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0';
}

static void
entry_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "accept",
                                           !is_blank (gtk_editable_get_text (entry)));
}

static void
entry_activated (GtkEntry *entry, AdwMessageDialog *dialog)
{
  if (!is_blank (gtk_editable_get_text (GTK_EDITABLE (entry))))
    adw_message_dialog_response (dialog, "accept");
}

static void
responded (AdwMessageDialog *dialog, const char *response, Request *request)
{
  g_autofree char *reason =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));

  request->callback (g_str_equal (response, "accept") ? reason : NULL, request->data);
  g_free (request);
}

void
cm_reason_dialog_ask (GtkWidget *parent, const char *heading, const char *body,
                      const char *entry_label, const char *accept_label, gboolean destructive,
                      CmReasonCallback callback, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  Request *request = g_new0 (Request, 1);

  request->entry = GTK_ENTRY (gtk_entry_new ());
  request->callback = callback;
  request->data = data;
  gtk_entry_set_placeholder_text (request->entry, entry_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (request->entry));
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (dialog), accept_label,
                         destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept", FALSE);
  g_signal_connect (request->entry, "changed", G_CALLBACK (entry_changed), dialog);
  g_signal_connect (request->entry, "activate", G_CALLBACK (entry_activated), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->entry));
}
