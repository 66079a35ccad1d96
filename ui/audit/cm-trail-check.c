/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-trail-check.c: verifies an opened portfolio's audit trail in the
 * background, and refuses changes while it is damaged and not accepted
 *
 * The first check of a portfolio replays the whole trail, which takes a
 * second or more on a large portfolio; later ones check only the rows
 * added since (cm_audit_damage_check_since ()). Either runs on a
 * connection of its own in a thread, with SQLite's check of the file; the
 * window can be read meanwhile. A file opened before SQLite's check of it
 * may not be changed until the check ends well, and the day's backup is
 * taken only of a file found sound.
 */
#include <glib/gi18n.h>

#include "cm-audit-damage.h"
#include "cm-backup-dialog.h"
#include "cm-reason-dialog.h"
#include "cm-trail-check.h"

/* What the background check needs, and finds. */
typedef struct {
  CmStore *store;
  GtkWidget *parent;        /* weak */
  AdwToastOverlay *toasts;  /* weak */
  gboolean file_unchecked;  /* opened before SQLite's check of the file */
  CmAuditDamage damage;
} Check;

/* What the toast's Accept Damage button needs; the toast keeps it. */
typedef struct {
  CmStore *store;
  GtkWidget *parent;        /* weak */
  AdwToastOverlay *toasts;  /* weak */
  char *damage;
} Acceptance;

static void
check_free (Check *check)
{
  g_clear_object (&check->store);
  g_clear_weak_pointer (&check->parent);
  g_clear_weak_pointer (&check->toasts);
  cm_audit_damage_clear (&check->damage);
  g_free (check);
}

static void
acceptance_free (Acceptance *acceptance)
{
  g_clear_object (&acceptance->store);
  g_clear_weak_pointer (&acceptance->parent);
  g_clear_weak_pointer (&acceptance->toasts);
  g_free (acceptance->damage);
  g_free (acceptance);
}

static void
check_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Check *check = data;
  GError *error = NULL;

  if (cm_audit_damage_check_since (cm_store_get_path (check->store), NULL, &check->damage,
                                   &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* libadwaita 1.2 reads a toast's title as markup. */
static AdwToast *
show (AdwToastOverlay *toasts, const char *message, guint timeout)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (toasts, toast);
  return toast;
}

static void offer (Acceptance *acceptance);

/* The dialog's answer; @data is the acceptance the toast handed over. */
static void
accepted (const char *reason, gpointer data)
{
  Acceptance *acceptance = data;
  g_autoptr(GError) error = NULL;

  if (acceptance->toasts == NULL)
    acceptance_free (acceptance);
  else if (reason == NULL)
    offer (acceptance);
  else if (cm_audit_damage_accept (acceptance->store, acceptance->damage, reason, &error))
    {
      show (acceptance->toasts, _("The damage is accepted and recorded in the audit trail. "
                                  "Changes are allowed again; checking the trail will still "
                                  "report it."), 10);
      acceptance_free (acceptance);
    }
  else
    {
      show (acceptance->toasts, error->message, 0);
      acceptance_free (acceptance);
    }
}

/* The toast goes as its button is pressed, so the dialog takes over what
 * it kept. */
static void
ask_to_accept (AdwToast *toast)
{
  Acceptance *acceptance = g_object_steal_data (G_OBJECT (toast), "acceptance");
  g_autofree char *body = NULL;

  if (acceptance->parent == NULL)
    {
      acceptance_free (acceptance);
      return;
    }
  body = g_strdup_printf (_("%s\n\nAccepting lets the portfolio be changed again. It repairs "
                            "nothing: the damage stays in the file, checking the audit trail "
                            "keeps reporting it, and your acceptance and reason are recorded. "
                            "Restoring a backup from before the damage is usually better."),
                          acceptance->damage);
  cm_reason_dialog_ask (acceptance->parent, _("Accept the Damaged Audit Trail?"), body,
                        _("Reason"), _("_Accept Damage"), TRUE, accepted, acceptance);
}

/* A lasting toast saying why changes are refused, with the way out. */
static void
offer (Acceptance *acceptance)
{
  g_autofree char *message = g_strdup_printf (_("The audit trail is damaged, so changes are "
                                                "refused: %s Restore a backup, or accept the "
                                                "damage."), acceptance->damage);
  AdwToast *toast = show (acceptance->toasts, message, 0);

  adw_toast_set_button_label (toast, _("_Accept Damage…"));
  g_object_set_data_full (G_OBJECT (toast), "acceptance", acceptance,
                          (GDestroyNotify) acceptance_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (ask_to_accept), NULL);
}

/* Changes stay refused until the user accepts the damage (or restores a
 * backup, which reopens the portfolio). */
static void
refuse_until_accepted (Check *check)
{
  Acceptance *acceptance = g_new0 (Acceptance, 1);

  cm_audit_damage_refuse (check->store, check->damage.damage);
  acceptance->store = g_object_ref (check->store);
  g_set_weak_pointer (&acceptance->parent, check->parent);
  g_set_weak_pointer (&acceptance->toasts, check->toasts);
  acceptance->damage = g_strdup (check->damage.damage);
  offer (acceptance);
}

/* The check could not be made: the file is damaged, locked or unreadable.
 * A damaged file, or one opened before SQLite's check of it, stays
 * refused. */
static void
check_failed (Check *check, const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT))
    message = g_strdup_printf (_("%s Until it is restored, every change to it is refused."),
                               error->message);
  else if (check->file_unchecked)
    message = g_strdup_printf (_("%s Changes are refused until the file has been checked: "
                                 "close the portfolio and open it again to check it again."),
                               error->message);
  else
    message = g_strdup (error->message);
  if (check->file_unchecked || g_error_matches (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT))
    cm_store_refuse_changes (check->store, message);
  if (check->toasts)
    show (check->toasts, message, 0);
}

static void
checked (GObject *source, GAsyncResult *result, gpointer data)
{
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      check_failed (check, error);
      return;
    }
  if (check->file_unchecked)
    cm_store_refuse_changes (check->store, NULL);
  if (check->damage.damage && check->damage.accepted == NULL)
    {
      if (check->toasts)
        refuse_until_accepted (check);
      else
        cm_audit_damage_refuse (check->store, check->damage.damage);
      return;
    }
  /* Only a file found sound (or whose damage was accepted) is copied
   * aside: the daily copies are pruned, and a damaged one must not push
   * out a good one. */
  cm_backup_dialog_take_daily (check->store, check->toasts);
  if (check->toasts == NULL || check->damage.damage == NULL)
    return;
  message = g_strdup_printf (_("The audit trail is damaged (%s). The damage was accepted on %s"),
                             check->damage.damage, check->damage.accepted);
  show (check->toasts, message, 10);
}

void
cm_trail_check_start (CmStore *store, gboolean file_unchecked, GtkWidget *parent,
                      AdwToastOverlay *toasts)
{
  Check *check = g_new0 (Check, 1);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, checked, NULL);

  check->store = g_object_ref (store);
  check->file_unchecked = file_unchecked;
  if (file_unchecked)
    cm_audit_damage_refuse_until_checked (store);
  g_set_weak_pointer (&check->parent, parent);
  g_set_weak_pointer (&check->toasts, toasts);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, check_in_thread);
}
