/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-reason-dialog.c: asks why, before an action that must say why */
#include <glib/gi18n.h>

#include "cm-page-parts.h"
#include "cm-reason-dialog.h"

typedef struct {
  GtkWindow *window;      /* weak: the parent's window */
  GtkEntry *entry;
  char *heading, *body, *entry_label, *accept_label;
  gboolean destructive;
  CmReasonCallback callback;
  CmReasonCheck check;
  gpointer data;
  GDestroyNotify destroy;
} Request;

static void
request_free (Request *request)
{
  g_clear_weak_pointer (&request->window);
  g_free (request->heading);
  g_free (request->body);
  g_free (request->entry_label);
  g_free (request->accept_label);
  if (request->destroy)
    request->destroy (request->data);
  g_free (request);
}

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

static void present (Request *request, const char *body, const char *text);

static void
responded (AdwMessageDialog *dialog, const char *response, Request *request)
{
  g_autofree char *reason =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));
  gboolean accepted = g_str_equal (response, "accept");
  g_autoptr(GError) error = NULL;

  if (request->check == NULL)
    request->callback (accepted ? reason : NULL, request->data);
  else if (accepted && !request->check (reason, request->data, &error))
    {
      /* Refused: asked again at once, with what was typed and why it
       * was refused, so that nothing the user wrote is lost. */
      present (request, error->message, reason);
      return;
    }
  request_free (request);
}

static void
present (Request *request, const char *body, const char *text)
{
  GtkWidget *dialog = adw_message_dialog_new (request->window, request->heading, body);

  request->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (request->entry, request->entry_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, request->entry_label, -1);
  gtk_editable_set_text (GTK_EDITABLE (request->entry), text);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (request->entry));
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (dialog), request->accept_label,
                         request->destructive ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept",
                                           !is_blank (text));
  g_signal_connect (request->entry, "changed", G_CALLBACK (entry_changed), dialog);
  g_signal_connect (request->entry, "activate", G_CALLBACK (entry_activated), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->entry));
}

static Request *
request_new (GtkWidget *parent, const char *heading, const char *body, const char *entry_label,
             const char *accept_label, gboolean destructive)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  Request *request = g_new0 (Request, 1);

  g_set_weak_pointer (&request->window, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  request->heading = g_strdup (heading);
  request->body = g_strdup (body);
  request->entry_label = g_strdup (entry_label);
  request->accept_label = g_strdup (accept_label);
  request->destructive = destructive;
  return request;
}

void
cm_reason_dialog_ask (GtkWidget *parent, const char *heading, const char *body,
                      const char *entry_label, const char *accept_label, gboolean destructive,
                      CmReasonCallback callback, gpointer data)
{
  Request *request = request_new (parent, heading, body, entry_label, accept_label, destructive);

  request->callback = callback;
  request->data = data;
  present (request, body, "");
}

void
cm_reason_dialog_ask_checked (GtkWidget *parent, const char *heading, const char *body,
                              const char *entry_label, const char *accept_label,
                              gboolean destructive, CmReasonCheck check, gpointer data,
                              GDestroyNotify destroy)
{
  Request *request = request_new (parent, heading, body, entry_label, accept_label, destructive);

  request->check = check;
  request->data = data;
  request->destroy = destroy;
  present (request, body, "");
}
