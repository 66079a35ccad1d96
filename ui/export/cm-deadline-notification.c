/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-notification.c: a desktop notification, on opening a
 * portfolio in the window, of notice and extension decisions due soon
 *
 * The dates are collected in a worker thread on a read-only connection
 * of its own, so that a large portfolio opens as quickly as a small one,
 * in one pass over the contracts that holds none of them.
 */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-deadline-notification.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-portfolio-job.h"
#include "cm-required-notices.h"
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
is_due_soon (const CmDeadline *deadline)
{
  return deadline->status == CM_DEADLINE_DUE_SOON &&
         (deadline->kind == CM_DEADLINE_KIND_NOTICE ||
          deadline->kind == CM_DEADLINE_KIND_EXTENSION_DECISION);
}

/* "PH-0001 Locality Health (Leeds Mind): last day to serve notice, 30 Nov 2026" */
static char *
line_of (const CmDeadline *deadline)
{
  g_autofree char *kind = cm_deadline_kind_text (deadline);
  g_autofree char *date = cm_date_to_long (&deadline->date);

  /* TRANSLATORS: a contract's reference, title and provider, what is due, and when */
  return g_strdup_printf (_("%s %s (%s): %s, %s\n"),
                          cm_contract_get_reference (deadline->contract),
                          cm_contract_get_title (deadline->contract),
                          cm_contract_get_provider_name (deadline->contract), kind, date);
}

/* One of the most urgent dates, kept for the notification's body. */
typedef struct {
  GDate date;
  gint64 contract;
  char *line;
} Listed;

static void
listed_free (gpointer data)
{
  Listed *listed = data;

  g_free (listed->line);
  g_free (listed);
}

typedef struct {
  const GDate *today;
  CmDeadlineSettings settings;
  GPtrArray *listed;  /* of Listed, at most LISTED, soonest first */
  guint due;
} Summary;

/* Kept when among the LISTED soonest; of equal dates, the first read
 * (the lower contract id) stays first, as the sorted list had them. */
static void
count_deadline (const CmDeadline *deadline, gpointer data)
{
  Summary *summary = data;
  Listed *listed;
  guint at;

  if (!is_due_soon (deadline))
    return;
  summary->due++;
  for (at = summary->listed->len; at > 0; at--)
    if (g_date_compare (&((Listed *) g_ptr_array_index (summary->listed, at - 1))->date,
                        &deadline->sort_date) <= 0)
      break;
  if (at >= LISTED)
    return;
  listed = g_new0 (Listed, 1);
  listed->date = deadline->sort_date;
  listed->contract = cm_entity_get_id (CM_ENTITY (deadline->contract));
  listed->line = line_of (deadline);
  g_ptr_array_insert (summary->listed, at, listed);
  if (summary->listed->len > LISTED)
    g_ptr_array_set_size (summary->listed, LISTED);
}

static gboolean
count_contract (CmEntity *record, gpointer data)
{
  Summary *summary = data;
  CmContractDates dates;

  if (cm_contract_compute_dates (CM_CONTRACT (record), summary->today, &summary->settings,
                                 &dates))
    cm_contract_each_deadline (CM_CONTRACT (record), &dates, summary->today,
                               &summary->settings, count_deadline, summary);
  return TRUE;
}

/* One pass over the contracts, each read into the same record: only the
 * few dates listed are kept. */
static void
summarise (Job *job, CmStore *store)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (listed_free);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *within = NULL;
  Summary summary = { &job->today, .listed = listed };

  cm_deadline_settings_load (store, &summary.settings);
  if (!cm_store_each (store, CM_TYPE_CONTRACT, count_contract, &summary, NULL) ||
      summary.due == 0)
    return;
  job->first_contract = ((Listed *) g_ptr_array_index (listed, 0))->contract;
  for (guint i = 0; i < listed->len; i++)
    g_string_append (body, ((Listed *) g_ptr_array_index (listed, i))->line);
  if (summary.due > LISTED)
    g_string_append_printf (body, ngettext ("and %u more date.", "and %u more dates.",
                                            summary.due - LISTED), summary.due - LISTED);
  /* TRANSLATORS: how soon, as the second part of "3 notices due within 90 days" */
  within = g_strdup_printf (ngettext ("within %d day", "within %d days",
                                      summary.settings.due_soon_days),
                            summary.settings.due_soon_days);
  /* TRANSLATORS: how many are due, then how soon ("within 90 days") */
  job->title = g_strdup_printf (ngettext ("%u notice or extension decision due %s",
                                          "%u notices or extension decisions due %s",
                                          summary.due),
                                summary.due, within);
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
  g_autofree char *portfolio = g_canonicalize_filename (cm_store_get_path (store), NULL);
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
       * an empty portfolio in its place. stat () only, nothing is open. */
      if (!g_file_test (portfolio, G_FILE_TEST_IS_REGULAR))
        {
          tell_gone (window, portfolio);
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
      if (!cm_window_open_portfolio (window, portfolio))
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
