/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-dialog.c: asks for one date */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-date-dialog.h"
#include "cm-page-parts.h"

typedef struct {
  AdwMessageDialog *dialog;
  GtkEntry *entry;
  GtkCalendar *calendar;
  GtkLabel *hint;
  CmDateCallback callback;
  gpointer data;
  gboolean syncing;          /* the calendar is following the entry, or back */
} Request;

static gboolean
read_entry (Request *request, GDate *date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));

  return cm_date_parse_iso (text, date);
}

static void
entry_changed (GtkEditable *entry, Request *request)
{
  GDate date;
  gboolean ok = read_entry (request, &date);

  adw_message_dialog_set_response_enabled (request->dialog, "accept", ok);
  gtk_widget_set_visible (GTK_WIDGET (request->hint), !ok);
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (request->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (request->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (request->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (request->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  if (ok && !request->syncing)
    {
      g_autoptr(GDateTime) picked = g_date_time_new_local (g_date_get_year (&date),
                                                           g_date_get_month (&date),
                                                           g_date_get_day (&date), 12, 0, 0);
      request->syncing = TRUE;
      gtk_calendar_select_day (request->calendar, picked);
      request->syncing = FALSE;
    }
}

static void
day_selected (GtkCalendar *calendar, Request *request)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;

  if (request->syncing)
    return;
  date = g_date_new_dmy (g_date_time_get_day_of_month (picked),
                         g_date_time_get_month (picked), g_date_time_get_year (picked));
  iso = cm_date_format_iso (date);
  request->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (request->entry), iso);
  request->syncing = FALSE;
}

static void
entry_activated (GtkEntry *entry, Request *request)
{
  GDate date;

  if (read_entry (request, &date))
    adw_message_dialog_response (request->dialog, "accept");
}

static void
responded (AdwMessageDialog *dialog, const char *response, Request *request)
{
  GDate date;

  if (g_str_equal (response, "accept") && read_entry (request, &date))
    request->callback (&date, request->data);
  else
    request->callback (NULL, request->data);
  /* The entry and the calendar live on until the dialog is disposed, and
   * an entry may still change then (its input method lets go of a pending
   * character): they must not reach the request after it is freed. */
  g_signal_handlers_disconnect_by_data (request->entry, request);
  g_signal_handlers_disconnect_by_data (request->calendar, request);
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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  Request *request = g_new0 (Request, 1);
  g_autofree char *iso = cm_date_format_iso (initial);

  request->dialog = ADW_MESSAGE_DIALOG (dialog);
  request->callback = callback;
  request->data = data;
  request->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (request->entry, _("YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  request->hint = GTK_LABEL (gtk_label_new (_("Enter the date as YYYY-MM-DD, such as 2026-11-22, "
                                              "or pick it on the calendar.")));
  gtk_label_set_wrap (request->hint, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (request->hint), "error");
  gtk_widget_add_css_class (GTK_WIDGET (request->hint), "caption");
  request->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->hint));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->calendar));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (dialog), accept_label, ADW_RESPONSE_SUGGESTED);
  g_signal_connect (request->entry, "changed", G_CALLBACK (entry_changed), request);
  g_signal_connect (request->entry, "activate", G_CALLBACK (entry_activated), request);
  g_signal_connect (request->calendar, "day-selected", G_CALLBACK (day_selected), request);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_editable_set_text (GTK_EDITABLE (request->entry), iso);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->entry));
}
