/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-dialog.c: asks for one date */
#include <glib/gi18n.h>

#include "cm-date-dialog.h"
#include "cm-date-entry.h"
#include "cm-page-parts.h"

typedef struct {
  AdwMessageDialog *dialog;
  CmDateEntry *entry;
  CmDateCallback callback;
  gpointer data;
} Request;

/* The answer waits for a date that can be read. */
static void
validity_changed (CmDateEntry *entry, GParamSpec *pspec, Request *request)
{
  adw_message_dialog_set_response_enabled (request->dialog, "accept",
                                           cm_date_entry_get_valid (entry));
}

static void
entry_activated (CmDateEntry *entry, Request *request)
{
  if (cm_date_entry_get_valid (entry))
    adw_message_dialog_response (request->dialog, "accept");
}

static void
responded (AdwMessageDialog *dialog, const char *response, Request *request)
{
  GDate date;

  if (g_str_equal (response, "accept") && cm_date_entry_get_date (request->entry, &date))
    request->callback (&date, request->data);
  else
    request->callback (NULL, request->data);
  /* The entry lives on until the dialog is disposed, and may still change
   * then (its input method lets go of a pending character): it must not
   * reach the request after it is freed. */
  g_signal_handlers_disconnect_by_data (request->entry, request);
  g_free (request);
}

void
cm_date_dialog_ask (GtkWidget *parent, const char *heading, const char *body,
                    const char *entry_label, const char *accept_label, const GDate *initial,
                    CmDateCallback callback, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  Request *request = g_new0 (Request, 1);

  /* Named, so that the window reads as what it asks. */
  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  request->dialog = ADW_MESSAGE_DIALOG (dialog);
  request->callback = callback;
  request->data = data;
  request->entry = CM_DATE_ENTRY (g_object_new (CM_TYPE_DATE_ENTRY, "title", entry_label,
                                                "allow-empty", FALSE, NULL));
  cm_date_entry_set_date (request->entry, initial);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (request->entry));
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (dialog), accept_label, ADW_RESPONSE_SUGGESTED);
  validity_changed (request->entry, NULL, request);
  g_signal_connect (request->entry, "notify::valid", G_CALLBACK (validity_changed), request);
  g_signal_connect (request->entry, "activate", G_CALLBACK (entry_activated), request);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->entry));
}
