/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-undo-dialog.c: "Undo Last Import…"
 *
 * The undo is planned on the window's store, to say what it will do. It
 * is written with the portfolio closed in the window, on a connection of
 * its own in the background, and planned again there; then the window
 * opens the portfolio again. An import of 100,000 contracts is taken back
 * one audited deletion at a time, which takes a while.
 */
#include <glib/gi18n.h>

#include "cm-import-undo.h"
#include "cm-import-undo-dialog.h"
#include "cm-page-parts.h"
#include "cm-window.h"

typedef struct {
  gint64 run_id;
  char *source;
} Job;

static void
job_free (Job *job)
{
  g_free (job->source);
  g_free (job);
}

static void
tell (GtkWindow *parent, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
undo_work (CmStore *store, gpointer data, GError **error)
{
  g_autoptr(CmImportUndo) undo = cm_import_undo_new (store, ((Job *) data)->run_id, error);

  return undo && cm_import_undo_apply (undo, error);
}

static void
undone (CmWindow *window, gpointer data, const GError *error)
{
  Job *job = data;
  g_autofree char *message = NULL;

  if (window && error)
    tell (GTK_WINDOW (window), _("The Import Was Not Undone"), error->message);
  else if (window)
    {
      message = g_strdup_printf (_("Undid the import of “%s”"), job->source);
      cm_window_show_message (window, message);
    }
  job_free (job);
}

static void
answered (AdwMessageDialog *question, const char *response, Job *job)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (question));
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "accept") || !CM_IS_WINDOW (parent))
    {
      job_free (job);
      return;
    }
  message = g_strdup_printf (_("Undoing the import of “%s”…"), job->source);
  cm_window_work_on_portfolio (CM_WINDOW (parent), message, undo_work, undone, job);
}

void
cm_import_undo_dialog_run (GtkWindow *parent, CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmImportUndo) undo = cm_import_undo_new (store, 0, &error);
  g_autofree char *described = NULL;
  g_autofree char *body = NULL;
  GtkWidget *question;
  Job *job;

  if (undo == NULL)
    {
      tell (parent, g_error_matches (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_NO_IMPORT)
                    ? _("No Import to Undo") : _("The Import Cannot Be Undone"),
            error->message);
      return;
    }
  described = cm_import_undo_describe (undo);
  body = g_strdup_printf (_("%s\n\nThe portfolio is backed up first."), described);
  question = adw_message_dialog_new (parent, _("Undo the Import?"), body);
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (question), _("_Undo Import"),
                         ADW_RESPONSE_DESTRUCTIVE);
  /* Removing records is never what Enter alone does. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  job = g_new0 (Job, 1);
  job->run_id = cm_import_undo_get_run_id (undo);
  job->source = g_strdup (cm_import_undo_get_source (undo));
  g_signal_connect (question, "response", G_CALLBACK (answered), job);
  gtk_window_present (GTK_WINDOW (question));
}
