/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-export-file.c: the file an export is written to */
#include <glib/gi18n.h>

#include "cm-export-file.h"
#include "cm-recent.h"

char *
cm_export_file_name (const char *stem, const GDate *today, const char *extension)
{
  g_autofree char *name = NULL;

  if (today)
    name = g_strdup_printf ("%s %04d-%02d-%02d%s", stem, g_date_get_year (today),
                            g_date_get_month (today), g_date_get_day (today), extension);
  else
    name = g_strconcat (stem, extension, NULL);
  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

char *
cm_export_file_with_extension (const char *path, const char *extension)
{
  if (g_str_has_suffix (path, extension))
    return g_strdup (path);
  return g_strconcat (path, extension, NULL);
}

typedef struct {
  char *path;
  CmExportFileConfirmed confirmed;
  gpointer data;
} Question;

static void
answered (AdwMessageDialog *dialog, const char *response, Question *question)
{
  question->confirmed (g_str_equal (response, "replace") ? question->path : NULL,
                       question->data);
  g_free (question->path);
  g_free (question);
}

static void
ask_to_replace (GtkWindow *parent, const char *path, CmExportFileConfirmed confirmed,
                gpointer data)
{
  g_autofree char *name = g_filename_display_basename (path);
  /* TRANSLATORS: asked before an export replaces a file; the file's name */
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  GtkWidget *dialog = adw_message_dialog_new (
    parent, heading, _("A file with this name already exists. Replacing it loses what it holds."));
  Question *question = g_new0 (Question, 1);

  question->path = g_strdup (path);
  question->confirmed = confirmed;
  question->data = data;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (answered), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refuse (AdwToastOverlay *toasts, const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = g_strdup_printf (
    _("“%s” is this portfolio itself, so nothing was written. Choose another name."), name);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

void
cm_export_file_confirm (GtkWindow *parent, CmStore *store, const char *chosen,
                        const char *extension, AdwToastOverlay *toasts,
                        CmExportFileConfirmed confirmed, gpointer data)
{
  g_autofree char *path = cm_export_file_with_extension (chosen, extension);

  /* stat () only: the portfolio is never opened beside its connection. */
  if (!cm_store_refuse_own_file (store, path, NULL))
    {
      refuse (toasts, path);
      confirmed (NULL, data);
    }
  else if (!g_str_equal (path, chosen) && g_file_test (path, G_FILE_TEST_EXISTS))
    ask_to_replace (parent, path, confirmed, data);
  else
    confirmed (path, data);
}

static void
open_file (AdwToast *toast)
{
  g_app_info_launch_default_for_uri (g_object_get_data (G_OBJECT (toast), "uri"), NULL, NULL);
}

void
cm_export_file_announce (AdwToastOverlay *toasts, const char *message, const char *path,
                         const char *mime_type)
{
  AdwToast *toast = adw_toast_new (message);

  cm_recent_add_file (path, mime_type);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_filename_to_uri (path, NULL, NULL), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_file), NULL);
  adw_toast_overlay_add_toast (toasts, toast);
}
