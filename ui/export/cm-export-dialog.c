/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-export-dialog.c: "Export Workbook…"
 *
 * The export runs in a worker thread on its own read-only connection to
 * the portfolio file, so the window stays responsive and the workbook
 * shows the portfolio as last saved.
 */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "cm-export-dialog.h"
#include "cm-export-file.h"
#include "cm-portfolio-job.h"
#include "cm-workbook.h"

#define WORKBOOK_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

typedef struct {
  char *portfolio;
  char *workbook;
  char *display_name;  /* shown beside the account as "Exported by" */
  GDate today;
  CmReportPeriods periods;   /* chosen beside the file name */
  GtkWindow *parent;         /* weak */
  CmStore *store;            /* weak: the window's, for the checks before writing */
  AdwToastOverlay *toasts;   /* weak */
  AdwToast *progress;
  GCancellable *cancellable;
} Job;

static void
job_free (Job *job)
{
  g_free (job->portfolio);
  g_free (job->workbook);
  g_free (job->display_name);
  g_clear_weak_pointer (&job->parent);
  g_clear_weak_pointer (&job->store);
  g_clear_weak_pointer (&job->toasts);
  g_clear_object (&job->progress);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gboolean
export_in_thread (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;

  return cm_workbook_export_for (store, job->workbook, &job->today, &job->periods, cancellable,
                                 error);
}

static void
exported (gpointer data, const GError *error)
{
  Job *job = data;
  AdwToast *toast;

  adw_toast_dismiss (job->progress);
  if (job->toasts == NULL)
    ;
  else if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (job->toasts,
                                 adw_toast_new (_("Export cancelled: no workbook was written")));
  else if (error)
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (job->toasts, toast);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (job->workbook);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);

      cm_export_file_announce (job->toasts, message, job->workbook, WORKBOOK_MIME_TYPE);
    }
  job_free (job);
}

static void
start (Job *job)
{
  g_autofree char *name = g_path_get_basename (job->workbook);
  g_autofree char *message = g_strdup_printf (_("Exporting “%s”…"), name);

  job->progress = g_object_ref (adw_toast_new (message));
  job->cancellable = g_cancellable_new ();
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_set_button_label (job->progress, _("_Cancel"));
  /* The toast may outlive the job: the handler goes with the cancellable. */
  g_signal_connect_object (job->progress, "button-clicked", G_CALLBACK (g_cancellable_cancel),
                           job->cancellable, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (job->toasts, job->progress);
  cm_portfolio_job_read (job->portfolio, job->display_name, job->cancellable, export_in_thread,
                         job, exported, job);
}

/* How many years and quarters back the chooser offers. */
#define N_YEARS 3
#define N_QUARTERS 5

/* The financial year @back years before the one containing @today. */
static void
year_back (const GDate *today, int back, CmReportPeriod *year)
{
  GDate day = *today;

  g_date_subtract_years (&day, back);
  cm_report_period_year_of (&day, year);
}

static void
quarter_back (const GDate *today, int back, CmReportPeriod *quarter)
{
  GDate day = *today;

  g_date_subtract_months (&day, 3 * back);
  cm_report_period_quarter_of (&day, quarter);
}

/* The Spend summary's year and the Transparency sheet's quarter, offered
 * beside the file name: those containing today first, then earlier ones,
 * since a quarter's register is published once it has ended. */
static void
add_period_choices (GtkFileChooser *chooser, const GDate *today)
{
  char *year_ids[N_YEARS + 1] = { NULL };
  char *year_labels[N_YEARS + 1] = { NULL };
  char *quarter_ids[N_QUARTERS + 1] = { NULL };
  char *quarter_labels[N_QUARTERS + 1] = { NULL };

  for (int i = 0; i < N_YEARS; i++)
    {
      CmReportPeriod year;

      year_back (today, i, &year);
      year_ids[i] = g_strdup_printf ("%d", i);
      year_labels[i] = cm_report_period_year_label (&year);
    }
  for (int i = 0; i < N_QUARTERS; i++)
    {
      CmReportPeriod quarter;

      quarter_back (today, i, &quarter);
      quarter_ids[i] = g_strdup_printf ("%d", i);
      quarter_labels[i] = cm_report_period_quarter_label (&quarter);
    }
  gtk_file_chooser_add_choice (chooser, "year", _("Spend summary for"),
                               (const char **) year_ids, (const char **) year_labels);
  gtk_file_chooser_set_choice (chooser, "year", "0");
  gtk_file_chooser_add_choice (chooser, "quarter", _("Transparency register for"),
                               (const char **) quarter_ids, (const char **) quarter_labels);
  gtk_file_chooser_set_choice (chooser, "quarter", "0");
  for (int i = 0; i < N_YEARS; i++)
    {
      g_free (year_ids[i]);
      g_free (year_labels[i]);
    }
  for (int i = 0; i < N_QUARTERS; i++)
    {
      g_free (quarter_ids[i]);
      g_free (quarter_labels[i]);
    }
}

static int
choice_of (GtkFileChooser *chooser, const char *id, int most)
{
  const char *chosen = gtk_file_chooser_get_choice (chooser, id);
  int back = chosen ? atoi (chosen) : 0;

  return CLAMP (back, 0, most - 1);
}

static void
confirmed (const char *path, gpointer data)
{
  Job *job = data;

  if (path == NULL || job->toasts == NULL)
    {
      job_free (job);
      return;
    }
  job->workbook = g_strdup (path);
  start (job);
}

static void
chosen (GtkNativeDialog *chooser, int response, Job *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      year_back (&job->today, choice_of (GTK_FILE_CHOOSER (chooser), "year", N_YEARS),
                 &job->periods.year);
      quarter_back (&job->today, choice_of (GTK_FILE_CHOOSER (chooser), "quarter", N_QUARTERS),
                    &job->periods.quarter);
    }
  g_object_unref (chooser);
  if (file)
    path = g_file_get_path (file);
  if (path == NULL || job->toasts == NULL || job->store == NULL)
    {
      job_free (job);
      return;
    }
  cm_export_file_confirm (job->parent, job->store, path, ".xlsx", job->toasts, confirmed, job);
}

void
cm_export_dialog_run (GtkWindow *parent, CmStore *store, const GDate *today,
                      AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Workbook"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = cm_store_get_meta (store, "name");
  g_autofree char *suggested = cm_export_file_name (name ? name : _("Portfolio"), today, ".xlsx");
  Job *job = g_new0 (Job, 1);

  job->portfolio = g_strdup (cm_store_get_path (store));
  job->display_name = g_strdup (cm_store_get_display_name (store));
  job->today = *today;
  g_set_weak_pointer (&job->parent, parent);
  g_set_weak_pointer (&job->store, store);
  g_set_weak_pointer (&job->toasts, toasts);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  add_period_choices (GTK_FILE_CHOOSER (chooser), today);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
