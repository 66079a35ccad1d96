/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-print-report.c: printing a report through the print dialog
 *
 * The deadlines schedule of a large portfolio runs to thousands of pages,
 * too many to hold in memory at once. Once the dialog is done, a thread
 * draws the pages, on a read-only connection of its own, one ahead of
 * the printer: GTK asks for each page, waits without blocking the window
 * (deferred drawing), and the page is painted from its recording, scaled
 * to the printer's page, as it is onto a PDF's. A page asked for again,
 * as a preview or reversed order may, starts the drawing over.
 */
#include <glib/gi18n.h>

#include "cm-print-report.h"

typedef struct {
  char *portfolio;
  char *display_name;
  char *kind;
  char *title;
  GDate today;
  guint n_pages;
  GtkPrintOperation *operation;  /* borrowed: it owns this */
  GtkPrintContext *context;      /* of the page GTK waits for */
  AdwToastOverlay *toasts;       /* weak */
  /* shared with the drawing thread, under @lock */
  GMutex lock;
  GCond changed;
  GThread *thread;
  int wanted;       /* the page GTK waits for, or -1 */
  int next;         /* the page the thread draws next */
  int holding;      /* the page the thread holds, waiting, or -1 */
  cairo_surface_t *ready;
  gboolean stop;
  gboolean finished;
  char *failure;    /* why the thread could not draw, or NULL */
} Printing;

static Printing *
printing_ref (Printing *printing)
{
  return g_atomic_rc_box_acquire (printing);
}

static void
printing_clear (gpointer data)
{
  Printing *printing = data;

  g_free (printing->portfolio);
  g_free (printing->display_name);
  g_free (printing->kind);
  g_free (printing->title);
  g_free (printing->failure);
  g_clear_pointer (&printing->ready, cairo_surface_destroy);
  g_clear_weak_pointer (&printing->toasts);
  g_mutex_clear (&printing->lock);
  g_cond_clear (&printing->changed);
}

static void
printing_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, printing_clear);
}

/* ---- in the drawing thread ---------------------------------------------- */

static gboolean
deliver (gpointer data);

/* Waits until GTK wants this page or one after it; skips pages not wanted. */
static gboolean
hand_over (cairo_surface_t *page, gpointer data)
{
  Printing *printing = data;
  gboolean go_on;
  int number;

  g_mutex_lock (&printing->lock);
  number = printing->holding = printing->next++;
  for (;;)
    {
      if (printing->stop)
        {
          go_on = FALSE;
          break;
        }
      if (printing->wanted > number)
        {
          go_on = TRUE;
          break;
        }
      if (printing->wanted == number && printing->ready == NULL)
        {
          printing->ready = cairo_surface_reference (page);
          g_idle_add_full (G_PRIORITY_DEFAULT, deliver, printing_ref (printing), printing_unref);
          go_on = TRUE;
          break;
        }
      g_cond_wait (&printing->changed, &printing->lock);
    }
  printing->holding = -1;
  g_mutex_unlock (&printing->lock);
  return go_on;
}

static gpointer
draw_in_thread (gpointer data)
{
  Printing *printing = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (printing->portfolio,
                                            CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY,
                                            &error);
  g_autoptr(CmReportPages) pages = cm_report_pages_new ();

  cm_report_pages_set_sink (pages, printing->n_pages, hand_over, printing);
  if (store)
    cm_store_set_actor (store, printing->display_name);
  if (store == NULL ||
      !cm_report_lay_out_into (store, printing->kind, &printing->today, pages, NULL, &error))
    {
      g_mutex_lock (&printing->lock);
      if (!printing->stop)
        {
          printing->failure = g_strdup (error->message);
          g_idle_add_full (G_PRIORITY_DEFAULT, deliver, printing_ref (printing), printing_unref);
        }
      g_mutex_unlock (&printing->lock);
    }
  g_mutex_lock (&printing->lock);
  printing->finished = TRUE;
  g_mutex_unlock (&printing->lock);
  printing_unref (printing);
  return NULL;
}

/* ---- on the main loop ---------------------------------------------------- */

static void
stop_drawing (Printing *printing)
{
  if (printing->thread == NULL)
    return;
  g_mutex_lock (&printing->lock);
  printing->stop = TRUE;
  g_cond_broadcast (&printing->changed);
  g_mutex_unlock (&printing->lock);
  g_thread_join (g_steal_pointer (&printing->thread));
  g_clear_pointer (&printing->ready, cairo_surface_destroy);
  printing->stop = printing->finished = FALSE;
  printing->next = 0;
  printing->holding = -1;
}

static void
start_drawing (Printing *printing)
{
  printing->thread = g_thread_new ("print-report", draw_in_thread, printing_ref (printing));
}

static void
fail (Printing *printing, const char *why)
{
  /* TRANSLATORS: the reason follows, as the report or the printing system gave it */
  g_autofree char *message = g_strdup_printf (_("“%s” could not be printed: %s"),
                                              printing->title, why);
  AdwToast *toast;

  if (printing->toasts == NULL)
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (printing->toasts, toast);
}

/* The page GTK waits for, painted; or the drawing's failure told. */
static gboolean
deliver (gpointer data)
{
  Printing *printing = data;
  cairo_surface_t *page;
  g_autofree char *failure = NULL;

  g_mutex_lock (&printing->lock);
  page = g_steal_pointer (&printing->ready);
  failure = g_steal_pointer (&printing->failure);
  if (page)
    printing->wanted = -1;
  g_mutex_unlock (&printing->lock);
  if (page && printing->operation)
    {
      cm_report_page_paint (page, gtk_print_context_get_cairo_context (printing->context),
                            gtk_print_context_get_width (printing->context),
                            gtk_print_context_get_height (printing->context));
      gtk_print_operation_draw_page_finish (printing->operation);
    }
  g_clear_pointer (&page, cairo_surface_destroy);
  if (failure && printing->operation)
    {
      fail (printing, failure);
      gtk_print_operation_cancel (printing->operation);
    }
  return G_SOURCE_REMOVE;
}

static void
begin_print (GtkPrintOperation *operation, GtkPrintContext *context, Printing *printing)
{
  gtk_print_operation_set_n_pages (operation, printing->n_pages);
}

static void
draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int number,
           Printing *printing)
{
  gboolean behind;

  g_mutex_lock (&printing->lock);
  /* The thread has drawn this page already and let it go: start again. */
  behind = printing->finished ||
           !(number >= printing->next || number == printing->holding);
  g_mutex_unlock (&printing->lock);
  if (printing->thread == NULL || behind)
    {
      stop_drawing (printing);
      start_drawing (printing);
    }
  gtk_print_operation_set_defer_drawing (operation);
  g_mutex_lock (&printing->lock);
  printing->context = context;
  printing->wanted = number;
  g_cond_broadcast (&printing->changed);
  g_mutex_unlock (&printing->lock);
}

static void
done (GtkPrintOperation *operation, GtkPrintOperationResult result, Printing *printing)
{
  g_autoptr(GError) error = NULL;

  stop_drawing (printing);
  printing->operation = NULL;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      fail (printing, error ? error->message : _("the printer did not say why"));
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
cm_print_report_run (GtkWindow *parent, CmStore *store, const char *kind, const GDate *today,
                     CmReportPages *counted, AdwToastOverlay *toasts)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = a4_portrait ();
  g_autoptr(GError) error = NULL;
  Printing *printing = g_atomic_rc_box_new0 (Printing);

  g_mutex_init (&printing->lock);
  g_cond_init (&printing->changed);
  printing->portfolio = g_strdup (cm_store_get_path (store));
  printing->display_name = g_strdup (cm_store_get_display_name (store));
  printing->kind = g_strdup (kind);
  printing->today = *today;
  printing->title = g_strdup (cm_report_pages_get_title (counted));
  printing->n_pages = cm_report_pages_get_n_pages (counted);
  printing->wanted = printing->holding = -1;
  printing->operation = operation;
  g_set_weak_pointer (&printing->toasts, toasts);
  cm_report_pages_free (counted);
  g_object_set_data_full (G_OBJECT (operation), "printing", printing, printing_unref);
  gtk_print_operation_set_job_name (operation, printing->title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), printing);
  g_signal_connect (operation, "done", G_CALLBACK (done), printing);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    fail (printing, error->message);
}
