/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-print-report.c: printing a report through the print dialog
 *
 * The deadlines schedule of a large portfolio runs to thousands of pages,
 * too many to hold in memory at once. Once the dialog is done, a thread
 * draws the pages, on a read-only connection of its own, a little ahead of
 * the printer: GTK asks for each page, waits without blocking the window
 * (deferred drawing), and the page is painted from its recording, scaled
 * to the printer's page, as it is onto a PDF's.
 *
 * The thread reads one snapshot of the file throughout, so every pass
 * draws the same pages; it counts them first, and fails when the count is
 * not the one the dialog was given (the portfolio changed since). The
 * last few pages drawn are kept, so that a page asked for again (copies
 * not collated, reversed order) seldom starts the drawing over.
 */
#include <glib/gi18n.h>

#include "cm-portfolio-job.h"
#include "cm-print-report.h"

/* How many of the pages drawn last are kept, and how far the thread draws
 * ahead of the page asked for last. */
#define KEPT 16
#define AHEAD 1

typedef struct {
  char *portfolio;
  char *display_name;
  char *kind;
  char *title;
  GDate today;
  int n_pages;
  GtkPrintOperation *operation;  /* borrowed: it owns this */
  GtkPrintContext *context;      /* of the page GTK waits for */
  AdwToastOverlay *toasts;       /* weak */
  GCancellable *cancellable;
  CmPortfolioReader *reader;     /* while the thread runs */
  gulong cancelled_handler;
  /* shared with the drawing thread, under @lock */
  GMutex lock;
  GCond changed;
  GThread *thread;
  int wanted;       /* the page GTK waits for, or -1 */
  int next;         /* the page the thread draws next in this pass */
  int limit;        /* the last page the thread may draw before it waits */
  cairo_surface_t *kept[KEPT];  /* page n at n % KEPT */
  int kept_number[KEPT];
  gboolean restart; /* a page before those kept is wanted: draw again */
  gboolean stop;
  char *failure;    /* why the thread could not draw, until told */
  gboolean failed;  /* told once only */
} Printing;

static Printing *
printing_ref (Printing *printing)
{
  return g_atomic_rc_box_acquire (printing);
}

static void
forget_kept (Printing *printing)
{
  for (int i = 0; i < KEPT; i++)
    {
      g_clear_pointer (&printing->kept[i], cairo_surface_destroy);
      printing->kept_number[i] = -1;
    }
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
  forget_kept (printing);
  g_clear_object (&printing->cancellable);
  g_clear_weak_pointer (&printing->toasts);
  g_mutex_clear (&printing->lock);
  g_cond_clear (&printing->changed);
}

static void
printing_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, printing_clear);
}

/* The page @number if it is kept, else NULL; under the lock. */
static cairo_surface_t *
kept_page (Printing *printing, int number)
{
  int slot = number % KEPT;

  return number >= 0 && printing->kept_number[slot] == number ? printing->kept[slot] : NULL;
}

/* ---- in the drawing thread ---------------------------------------------- */

static gboolean
deliver (gpointer data);

static void
tell_main_loop (Printing *printing)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, deliver, printing_ref (printing), printing_unref);
}

/* Keeps the page just drawn, hands it over when GTK waits for it, and
 * waits while the thread is far enough ahead; FALSE ends the pass. */
static gboolean
hand_over (cairo_surface_t *page, gpointer data)
{
  Printing *printing = data;
  int number, slot;
  gboolean go_on;

  g_mutex_lock (&printing->lock);
  number = printing->next++;
  slot = number % KEPT;
  g_clear_pointer (&printing->kept[slot], cairo_surface_destroy);
  printing->kept[slot] = cairo_surface_reference (page);
  printing->kept_number[slot] = number;
  if (printing->wanted == number)
    tell_main_loop (printing);
  for (;;)
    {
      if (printing->stop || printing->restart)
        {
          go_on = FALSE;
          break;
        }
      if (printing->next <= printing->limit || printing->wanted >= printing->next)
        {
          go_on = TRUE;
          break;
        }
      g_cond_wait (&printing->changed, &printing->lock);
    }
  g_mutex_unlock (&printing->lock);
  return go_on;
}

static void
set_failure (Printing *printing, const char *why)
{
  g_mutex_lock (&printing->lock);
  if (!printing->stop && !printing->failed)
    {
      printing->failed = TRUE;
      printing->failure = g_strdup (why);
      tell_main_loop (printing);
    }
  g_mutex_unlock (&printing->lock);
}

static const char *
changed_meanwhile (void)
{
  return _("The portfolio changed while printing. Print again.");
}

/* The count in this thread's snapshot, which must be the dialog's. */
static gboolean
count_again (Printing *printing, CmStore *store, GError **error)
{
  g_autoptr(CmReportPages) counted = cm_report_pages_new ();

  cm_report_pages_set_count_only (counted);
  if (!cm_report_lay_out_into (store, printing->kind, &printing->today, counted,
                               printing->cancellable, error))
    return FALSE;
  if ((int) cm_report_pages_get_n_pages (counted) == printing->n_pages)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, changed_meanwhile ());
  return FALSE;
}

/* After a pass: waits until GTK wants a page before those kept (TRUE: draw
 * again) or printing ends; a page past the last will never come. */
static gboolean
wait_for_restart (Printing *printing)
{
  gboolean again = FALSE;

  g_mutex_lock (&printing->lock);
  for (;;)
    {
      if (printing->stop)
        break;
      if (printing->restart)
        {
          printing->restart = FALSE;
          printing->next = 0;
          again = TRUE;
          break;
        }
      if (printing->wanted >= printing->next && !printing->failed)
        {
          printing->failed = TRUE;
          printing->failure = g_strdup (changed_meanwhile ());
          tell_main_loop (printing);
        }
      g_cond_wait (&printing->changed, &printing->lock);
    }
  g_mutex_unlock (&printing->lock);
  return again;
}

static void
draw_passes (Printing *printing, CmStore *store)
{
  do
    {
      g_autoptr(CmReportPages) pages = cm_report_pages_new ();
      g_autoptr(GError) error = NULL;

      cm_report_pages_set_sink (pages, printing->n_pages, hand_over, printing);
      if (!cm_report_lay_out_into (store, printing->kind, &printing->today, pages,
                                   printing->cancellable, &error))
        {
          gboolean ended;

          g_mutex_lock (&printing->lock);
          ended = printing->stop || printing->restart;
          g_mutex_unlock (&printing->lock);
          if (!ended)
            set_failure (printing, error->message);
        }
    }
  while (wait_for_restart (printing));
}

static gpointer
draw_in_thread (gpointer data)
{
  Printing *printing = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (printing->portfolio,
                                            CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY,
                                            &error);

  if (store)
    cm_store_set_actor (store, printing->display_name);
  if (store && cm_store_begin_read (store, &error) && count_again (printing, store, &error))
    draw_passes (printing, store);
  else if (!g_cancellable_is_cancelled (printing->cancellable))
    set_failure (printing, error ? error->message : changed_meanwhile ());
  if (store)
    cm_store_end_read (store);
  g_clear_object (&store);
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
  /* Cancelled too, so that a pass under way stops at its next page
   * rather than at its end: the window does not freeze meanwhile. */
  g_cancellable_disconnect (printing->cancellable, printing->cancelled_handler);
  g_cancellable_cancel (printing->cancellable);
  g_thread_join (g_steal_pointer (&printing->thread));
  cm_portfolio_reader_end (g_steal_pointer (&printing->reader));
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

static void
paint (Printing *printing, cairo_surface_t *page)
{
  cm_report_page_paint (page, gtk_print_context_get_cairo_context (printing->context),
                        gtk_print_context_get_width (printing->context),
                        gtk_print_context_get_height (printing->context));
}

/* A restore cancelled the printing: GTK is told, as for a failure. */
static void
reader_cancelled (GCancellable *cancellable, Printing *printing)
{
  g_mutex_lock (&printing->lock);
  if (!printing->stop && !printing->failed)
    {
      printing->failed = TRUE;
      printing->failure = g_strdup (_("The portfolio was closed, so printing stopped. Print "
                                      "again once it is open."));
      tell_main_loop (printing);
    }
  g_mutex_unlock (&printing->lock);
}

/* The page GTK waits for, painted; or the drawing's failure told. */
static gboolean
deliver (gpointer data)
{
  Printing *printing = data;
  cairo_surface_t *page = NULL;
  g_autofree char *failure = NULL;
  gboolean waiting;

  g_mutex_lock (&printing->lock);
  waiting = printing->wanted >= 0;
  if (waiting)
    page = kept_page (printing, printing->wanted);
  if (page)
    {
      cairo_surface_reference (page);
      printing->wanted = -1;
    }
  failure = g_steal_pointer (&printing->failure);
  g_mutex_unlock (&printing->lock);
  if (page && printing->operation)
    {
      paint (printing, page);
      gtk_print_operation_draw_page_finish (printing->operation);
    }
  g_clear_pointer (&page, cairo_surface_destroy);
  if (failure && printing->operation)
    {
      fail (printing, failure);
      gtk_print_operation_cancel (printing->operation);
      /* GTK notices the cancel only once the page it waits for is done. */
      if (waiting && printing->wanted >= 0)
        {
          printing->wanted = -1;
          gtk_print_operation_draw_page_finish (printing->operation);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
start_drawing (Printing *printing)
{
  printing->reader = cm_portfolio_reader_begin (printing->portfolio, printing->cancellable);
  printing->cancelled_handler = g_cancellable_connect (printing->cancellable,
                                                      G_CALLBACK (reader_cancelled),
                                                      printing_ref (printing), printing_unref);
  printing->thread = g_thread_new ("print-report", draw_in_thread, printing_ref (printing));
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
  cairo_surface_t *page;

  g_mutex_lock (&printing->lock);
  page = kept_page (printing, number);
  if (page)
    cairo_surface_reference (page);
  printing->limit = MAX (printing->limit, number + AHEAD);
  g_mutex_unlock (&printing->lock);
  printing->context = context;
  if (page)
    {
      paint (printing, page);
      cairo_surface_destroy (page);
      return;
    }
  if (printing->thread == NULL)
    start_drawing (printing);
  gtk_print_operation_set_defer_drawing (operation);
  g_mutex_lock (&printing->lock);
  printing->wanted = number;
  /* Drawn meanwhile: it is kept. Drawn before and no longer kept: the
   * pages up to it are drawn again, and those just before it kept, for a
   * printer that goes backwards. */
  if (kept_page (printing, number))
    tell_main_loop (printing);
  else if (number < printing->next)
    {
      printing->restart = TRUE;
      printing->limit = number;
    }
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
cm_print_report_run (GtkWindow *parent, const char *portfolio, const char *display_name,
                     const char *kind, const GDate *today, CmReportPages *counted,
                     AdwToastOverlay *toasts)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = a4_portrait ();
  g_autoptr(GError) error = NULL;
  Printing *printing = g_atomic_rc_box_new0 (Printing);

  g_mutex_init (&printing->lock);
  g_cond_init (&printing->changed);
  printing->portfolio = g_strdup (portfolio);
  printing->display_name = g_strdup (display_name);
  printing->kind = g_strdup (kind);
  printing->today = *today;
  printing->title = g_strdup (cm_report_pages_get_title (counted));
  printing->n_pages = cm_report_pages_get_n_pages (counted);
  printing->wanted = -1;
  printing->cancellable = g_cancellable_new ();
  forget_kept (printing);
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
