/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-print-report.c: printing a report laid out for print, through the
 * print dialog
 *
 * The pages were laid out beforehand, in the background: GTK asks for
 * them one at a time on the main loop, and each is painted from its
 * recording, scaled to the printer's page, as it was onto the PDF's.
 */
#include <glib/gi18n.h>

#include "cm-print-report.h"

typedef struct {
  CmReportPages *pages;
  AdwToastOverlay *toasts; /* weak */
} Printing;

static void
printing_free (gpointer data)
{
  Printing *printing = data;

  cm_report_pages_free (printing->pages);
  g_clear_weak_pointer (&printing->toasts);
  g_free (printing);
}

static void
begin_print (GtkPrintOperation *operation, GtkPrintContext *context, Printing *printing)
{
  gtk_print_operation_set_n_pages (operation, cm_report_pages_get_n_pages (printing->pages));
}

static void
draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int number,
           Printing *printing)
{
  cm_report_pages_draw (printing->pages, number, gtk_print_context_get_cairo_context (context),
                        gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context));
}

static void
done (GtkPrintOperation *operation, GtkPrintOperationResult result, Printing *printing)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && printing->toasts)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      gtk_print_operation_get_error (operation, &error);
      /* TRANSLATORS: the printing system's own message follows */
      message = g_strdup_printf (_("“%s” could not be printed: %s. Check the printer, then "
                                   "try again."), cm_report_pages_get_title (printing->pages),
                                 error ? error->message : _("the printer did not say why"));
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (printing->toasts, toast);
    }
  g_object_unref (operation);
}

/* A4 upright, as the report is laid out; the dialog may change it. */
static GtkPageSetup *
a4_portrait (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

void
cm_print_report_run (GtkWindow *parent, CmReportPages *pages, AdwToastOverlay *toasts)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = a4_portrait ();
  g_autoptr(GError) error = NULL;
  Printing *printing = g_new0 (Printing, 1);

  printing->pages = pages;
  g_set_weak_pointer (&printing->toasts, toasts);
  g_object_set_data_full (G_OBJECT (operation), "printing", printing, printing_free);
  gtk_print_operation_set_job_name (operation, cm_report_pages_get_title (pages));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), printing);
  g_signal_connect (operation, "done", G_CALLBACK (done), printing);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* "done" is not emitted when the dialog could not be shown. */
      g_autofree char *message = g_strdup_printf (_("The print dialog could not be opened: "
                                                    "%s."), error->message);

      adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
    }
}
