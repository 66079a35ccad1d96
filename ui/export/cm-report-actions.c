/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-actions.c: Print…, Export PDF… and Export to Calendar… in
 * the window */
#include <glib/gi18n.h>
#include <string.h>

#include "cm-calendar-export.h"
#include "cm-deadline-notification.h"
#include "cm-deadlines-page.h"
#include "cm-decommission.h"
#include "cm-decommission-page.h"
#include "cm-eia.h"
#include "cm-eia-page.h"
#include "cm-export-file.h"
#include "cm-print-report.h"
#include "cm-report-actions.h"
#include "cm-report-job.h"
#include "cm-service.h"

#define GROUP "report"

/* What a report job reports back to: the window, if it is still open,
 * and the portfolio as it was when the job started, since the window's
 * store may be gone by the time it ends (a restore). */
typedef struct {
  CmWindow *window; /* weak */
  char *portfolio;
  char *display_name;
  char *kind;
  char *pdf;
} Request;

static Request *
request_new (CmWindow *window, CmStore *store, const char *kind, const char *pdf)
{
  Request *request = g_new0 (Request, 1);

  g_set_weak_pointer (&request->window, window);
  request->portfolio = g_strdup (cm_store_get_path (store));
  request->display_name = g_strdup (cm_store_get_display_name (store));
  request->kind = g_strdup (kind);
  request->pdf = g_strdup (pdf);
  return request;
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_weak_pointer (&request->window);
  g_free (request->portfolio);
  g_free (request->display_name);
  g_free (request->kind);
  g_free (request->pdf);
  g_free (request);
}

static const GDate *
today_of (CmWindow *window)
{
  return cm_application_get_today (CM_APPLICATION (gtk_window_get_application (
    GTK_WINDOW (window))));
}

static void
show_error (CmWindow *window, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (cm_window_get_toasts (window), toast);
}

/* ---- which report ------------------------------------------------------- */

static char *
service_kind (const char *prefix, gint64 service_id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, prefix, service_id);
}

/* The report that fits the page in view, or NULL where none does. */
static char *
kind_in_view (CmWindow *window)
{
  GtkWidget *page = cm_window_get_shown_page (window);
  CmStore *store = cm_window_get_store (window);
  CmEntity *record = NULL;

  if (page && CM_IS_DEADLINES_PAGE (page))
    return g_strdup ("deadlines");
  if (page && CM_IS_EIA_PAGE (page))
    record = cm_store_find (store, CM_TYPE_EIA, cm_eia_page_get_eia_id (CM_EIA_PAGE (page)));
  if (record)
    return service_kind ("eia", cm_eia_get_service_id (CM_EIA (record)));
  if (page && CM_IS_DECOMMISSION_PAGE (page))
    record = cm_store_find (store, CM_TYPE_DECOMMISSION,
                            cm_decommission_page_get_id (CM_DECOMMISSION_PAGE (page)));
  if (record)
    return service_kind ("decommission", cm_decommission_get_service_id (CM_DECOMMISSION (record)));
  return NULL;
}

/* The service a kind such as "eia:12" is about. */
static const char *
service_name (CmStore *store, const char *kind)
{
  const char *id = strchr (kind, ':');
  CmEntity *service = id ? cm_store_find (store, CM_TYPE_SERVICE,
                                          g_ascii_strtoll (id + 1, NULL, 10)) : NULL;

  return service ? cm_service_get_name (CM_SERVICE (service)) : "";
}

/* The report's name, for the progress toast and the file name offered. */
char *
cm_report_actions_describe (CmStore *store, const char *kind)
{
  if (g_str_equal (kind, "deadlines"))
    return g_strdup (_("Deadlines schedule"));
  if (g_str_equal (kind, "six-monthly"))
    return g_strdup (_("Six-monthly progress report"));
  if (g_str_equal (kind, "community-committees"))
    return g_strdup (_("Performance by Community Committee"));
  if (g_str_has_prefix (kind, "eia:"))
    return g_strdup_printf (_("Equality impact assessments: %s"), service_name (store, kind));
  /* TRANSLATORS: a report's name, then the service's */
  return g_strdup_printf (_("Decommissioning record: %s"), service_name (store, kind));
}

static gboolean
kind_or_explain (CmWindow *window, char **kind)
{
  *kind = kind_in_view (window);
  /* A hint, not a failure: it goes by itself. */
  if (*kind == NULL)
    adw_toast_overlay_add_toast (cm_window_get_toasts (window), adw_toast_new (
      _("This page has no report: open the Deadlines, an assessment or a decommission, or "
        "choose from Reports in the main menu.")));
  return *kind != NULL;
}

/* ---- printing ------------------------------------------------------------ */

static void
laid_out (CmReportPages *pages, const GError *error, gpointer data)
{
  Request *request = data;

  if (request->window == NULL)
    cm_report_pages_free (pages);
  else if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (cm_window_get_toasts (request->window),
                                 adw_toast_new (_("Printing cancelled")));
  else if (error)
    show_error (request->window, error->message);
  else
    cm_print_report_run (GTK_WINDOW (request->window), request->portfolio,
                         request->display_name, request->kind, today_of (request->window), pages,
                         cm_window_get_toasts (request->window));
}

static void
print_kind (CmWindow *window, const char *kind)
{
  CmStore *store = cm_window_get_store (window);
  g_autofree char *what = NULL;

  if (store == NULL)
    return;
  what = cm_report_actions_describe (store, kind);
  cm_report_job_start (store, kind, today_of (window), NULL, what,
                       cm_window_get_toasts (window), laid_out,
                       request_new (window, store, kind, NULL), request_free);
}

static void
print_in_view (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_autofree char *kind = NULL;

  if (kind_or_explain (data, &kind))
    print_kind (data, kind);
}

static void
print_report (GSimpleAction *action, GVariant *param, gpointer data)
{
  print_kind (data, g_variant_get_string (param, NULL));
}

/* ---- a PDF ---------------------------------------------------------------- */

static void
written (CmReportPages *pages, const GError *error, gpointer data)
{
  Request *request = data;
  g_autofree char *name = g_filename_display_basename (request->pdf);
  g_autofree char *message = NULL;

  if (request->window == NULL)
    return;
  if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (cm_window_get_toasts (request->window),
                                   adw_toast_new (_("Export cancelled: no PDF was written")));
      return;
    }
  if (error)
    {
      show_error (request->window, error->message);
      return;
    }
  message = g_strdup_printf (_("Exported to “%s”"), name);
  cm_export_file_announce (cm_window_get_toasts (request->window), message, request->pdf,
                           "application/pdf");
}

typedef struct {
  CmWindow *window; /* weak */
  char *kind;
  char *what;
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_weak_pointer (&saving->window);
  g_free (saving->kind);
  g_free (saving->what);
  g_free (saving);
}

static void
pdf_confirmed (const char *path, gpointer data)
{
  Saving *saving = data;
  CmStore *store = saving->window ? cm_window_get_store (saving->window) : NULL;

  if (path && store)
    cm_report_job_start (store, saving->kind, today_of (saving->window), path, saving->what,
                         cm_window_get_toasts (saving->window), written,
                         request_new (saving->window, store, saving->kind, path), request_free);
  saving_free (saving);
}

static void
pdf_chosen (GtkNativeDialog *chooser, int response, Saving *saving)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  CmStore *store = saving->window ? cm_window_get_store (saving->window) : NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file)
    path = g_file_get_path (file);
  if (path == NULL || store == NULL)
    {
      saving_free (saving);
      return;
    }
  cm_export_file_confirm (GTK_WINDOW (saving->window), store, path, ".pdf",
                          cm_window_get_toasts (saving->window), pdf_confirmed, saving);
}

static void
export_kind (CmWindow *window, const char *kind)
{
  CmStore *store = cm_window_get_store (window);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  Saving *saving;

  if (store == NULL)
    return;
  saving = g_new0 (Saving, 1);
  g_set_weak_pointer (&saving->window, window);
  saving->kind = g_strdup (kind);
  saving->what = cm_report_actions_describe (store, kind);
  suggested = cm_export_file_name (saving->what, today_of (window), ".pdf");
  chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_chosen), saving);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_in_view (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_autofree char *kind = NULL;

  if (kind_or_explain (data, &kind))
    export_kind (data, kind);
}

static void
export_report (GSimpleAction *action, GVariant *param, gpointer data)
{
  export_kind (data, g_variant_get_string (param, NULL));
}

static void
export_calendar (GSimpleAction *action, GVariant *param, gpointer data)
{
  CmWindow *window = data;
  CmStore *store = cm_window_get_store (window);

  if (store)
    cm_calendar_export_run (GTK_WINDOW (window), store, today_of (window),
                            cm_window_get_toasts (window));
}

/* ---- the actions ------------------------------------------------------------ */

void
cm_report_actions_attach (CmWindow *window)
{
  static const GActionEntry entries[] = {
    { "print", print_in_view },
    { "export-pdf", export_in_view },
    { "print-report", print_report, "s" },
    { "export-report", export_report, "s" },
    { "export-calendar", export_calendar },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries),
                                   window);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (
      g_action_map_lookup_action (G_ACTION_MAP (group), entries[i].name)), FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (window), GROUP, G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (window), "report-actions", group, g_object_unref);
  /* Managed globally, so that Ctrl+P works wherever the keyboard is. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                      gtk_named_action_new (GROUP ".print")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

void
cm_report_actions_portfolio_opened (CmWindow *window)
{
  GActionGroup *group = g_object_get_data (G_OBJECT (window), "report-actions");
  g_auto(GStrv) names = g_action_group_list_actions (group);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  for (guint i = 0; names[i]; i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (
      g_action_map_lookup_action (G_ACTION_MAP (group), names[i])), TRUE);
  cm_deadline_notification_send (app, cm_window_get_store (window), today_of (window));
}
