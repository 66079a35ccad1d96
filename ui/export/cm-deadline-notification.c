/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-notification.c: a desktop notification, on opening a
 * portfolio in the window, of notice and extension decisions due soon
 *
 * The dates are collected in a worker thread on a read-only connection
 * of its own, so that a large portfolio opens as quickly as a small one,
 * from the one pass over the contracts the Overview makes as it opens.
 */
#include <glib/gi18n.h>

#include "cm-contract-pass.h"
#include "cm-date.h"
#include "cm-deadline-notification.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-portfolio-job.h"
#include "cm-portfolio-name.h"
#include "cm-required-notices.h"
#include "cm-store-server.h"
#include "cm-window.h"

/* How many due dates the notification lists by name. */
#define LISTED 4

typedef struct {
  GApplication *app;
  char *portfolio;  /* canonical */
  GDate today;
  /* worked out in the thread */
  char *title;      /* NULL: nothing is due */
  char *body;
  gint64 first_contract;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->app);
  g_free (job->portfolio);
  g_free (job->title);
  g_free (job->body);
  g_free (job);
}

static gboolean
is_due_soon (const CmDateDue *due)
{
  return due->status == CM_DEADLINE_DUE_SOON &&
         (due->kind == CM_DEADLINE_KIND_NOTICE ||
          due->kind == CM_DEADLINE_KIND_EXTENSION_DECISION);
}

/* "PH-0001 Locality Health (Leeds Mind): last day to serve notice, 30 Nov 2026" */
static void
append_line (GString *body, const CmDateDue *due)
{
  g_autofree char *date = cm_date_to_long (&due->date);

  /* TRANSLATORS: a contract's reference, title and provider, what is due, and when */
  g_string_append_printf (body, _("%s %s (%s): %s, %s\n"), due->reference, due->title,
                          due->provider, cm_deadline_kind_label (due->kind), date);
}

/* Soonest first; of equal dates, in the order the pass met them (by
 * contract), as the sorted list of deadlines had them. */
static gint
by_date (gconstpointer a, gconstpointer b)
{
  const CmDateDue *x = *(CmDateDue * const *) a;
  const CmDateDue *y = *(CmDateDue * const *) b;

  return g_date_compare (&x->date, &y->date);
}

/* From the pass over the contracts the Overview makes too, shared when
 * both ask at once (cm_contract_pass_shared ()). */
static void
summarise (Job *job, CmStore *store)
{
  g_autoptr(CmContractPass) pass = cm_contract_pass_shared (store, &job->today, NULL, NULL);
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *within = NULL;
  CmDeadlineSettings settings;

  if (pass == NULL)
    return;
  for (guint i = 0; i < pass->due->len; i++)
    if (is_due_soon (g_ptr_array_index (pass->due, i)))
      g_ptr_array_add (due, g_ptr_array_index (pass->due, i));
  if (due->len == 0)
    return;
  g_ptr_array_sort (due, by_date);  /* stable */
  job->first_contract = ((CmDateDue *) g_ptr_array_index (due, 0))->contract_id;
  for (guint i = 0; i < due->len && i < LISTED; i++)
    append_line (body, g_ptr_array_index (due, i));
  if (due->len > LISTED)
    g_string_append_printf (body, ngettext ("and %u more date.", "and %u more dates.",
                                            due->len - LISTED), due->len - LISTED);
  cm_deadline_settings_load (store, &settings);
  /* TRANSLATORS: how soon, as the second part of "3 notices due within 90 days" */
  within = g_strdup_printf (ngettext ("within %d day", "within %d days", settings.due_soon_days),
                            settings.due_soon_days);
  /* TRANSLATORS: how many are due, then how soon ("within 90 days") */
  job->title = g_strdup_printf (ngettext ("%u notice or extension decision due %s",
                                          "%u notices or extension decisions due %s", due->len),
                                due->len, within);
  g_strchomp (body->str);
  job->body = g_strdup (body->str);
}

static gboolean
summarise_in_thread (CmStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  summarise (data, store);
  return TRUE;
}

/* One for each portfolio, so that the next start replaces it. */
static char *
notification_id (const char *portfolio)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, portfolio, -1);

  return g_strdup_printf ("deadlines-%.16s", sum);
}

static void
summarised (gpointer data, const GError *error)
{
  Job *job = data;
  g_autofree char *id = notification_id (job->portfolio);
  g_autoptr(GNotification) notification = NULL;

  if (error || job->title == NULL)
    {
      g_application_withdraw_notification (job->app, id);
      job_free (job);
      return;
    }
  notification = g_notification_new (job->title);
  g_notification_set_body (notification, job->body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.open-contract", "(^ayx)",
                                                job->portfolio, job->first_contract);
  g_application_send_notification (job->app, id, notification);
  job_free (job);
}

void
cm_deadline_notification_send (GApplication *app, CmStore *store, const GDate *today)
{
  GHashTable *told = g_object_get_data (G_OBJECT (app), "deadlines-told");
  g_autofree char *portfolio = cm_portfolio_name_key (cm_store_get_path (store));
  Job *job;

  /* Notifications go over the session bus; without one there is no desktop to tell. */
  if (g_application_get_dbus_connection (app) == NULL)
    return;
  /* On start-up: not again when the window reopens it after a restore. */
  if (told == NULL)
    {
      told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (app), "deadlines-told", told,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_add (told, g_strdup (portfolio)))
    return;
  job = g_new0 (Job, 1);
  job->app = g_object_ref (app);
  job->portfolio = g_steal_pointer (&portfolio);
  job->today = *today;
  cm_portfolio_job_read (job->portfolio, NULL, NULL, summarise_in_thread, job, summarised, job);
}

static void
tell_gone (CmWindow *window, const char *portfolio)
{
  g_autofree char *name = g_filename_display_name (portfolio);
  /* TRANSLATORS: on clicking a notification of deadlines; the portfolio file's path */
  g_autofree char *message = g_strdup_printf (
    _("“%s” is no longer there: it may have been moved or deleted. Open it from where it is "
      "now."), name);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (cm_window_get_toasts (window), toast);
}

/* The contract's window, opened on its portfolio if none is, raised. */
static void
open_contract (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplication *app = data;
  const char *portfolio;
  gint64 contract;
  CmWindow *window;

  g_variant_get (param, "(^&ayx)", &portfolio, &contract);
  window = cm_window_find (app, portfolio);
  if (window == NULL)
    {
      window = cm_window_new (CM_APPLICATION (app));
      /* An old notification: opening a file no longer there would create
       * an empty portfolio in its place. stat () only, nothing is open. A
       * server says itself whether it still holds the database. */
      if (!cm_store_server_is_uri (portfolio) && !g_file_test (portfolio, G_FILE_TEST_IS_REGULAR))
        {
          tell_gone (window, portfolio);
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
      if (!cm_window_open_existing_portfolio (window, portfolio))
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }
  cm_window_show_contract (window, contract);
  gtk_window_present (GTK_WINDOW (window));
}

void
cm_deadline_notification_install (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "open-contract", open_contract, "(ayx)" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
}
