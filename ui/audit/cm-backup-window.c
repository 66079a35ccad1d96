/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup-window.c: "Restore from Backup": a portfolio's backups, each
 * with its Restore… button
 *
 * A restore lets the window close the portfolio and runs in the background
 * on a connection of its own, then the window opens the portfolio again.
 */
#include <glib/gi18n.h>

#include "cm-backup-window.h"
#include "cm-backup.h"
#include "cm-page-parts.h"
#include "cm-portfolio-name.h"
#include "cm-window.h"

struct _CmBackupWindow
{
  AdwPreferencesWindow parent_instance;

  CmStore *store;
  GPtrArray *backups;     /* of CmBackup, newest first */
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (CmBackupWindow, cm_backup_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BACKUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char *path;   /* the backup to restore */
  char *when;   /* when it was taken, for people */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->when);
  g_free (job);
}

/* ---- one backup --------------------------------------------------------- */

static char *
format_taken (CmBackup *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (backup->taken);

  /* TRANSLATORS: when a backup was taken, as in "3 March 2026, 10:15";
   * see the strftime-like codes of g_date_time_format () */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* "Before an import · 120 contracts, 40 services, 30 providers" */
static char *
describe_backup (CmBackup *backup)
{
  g_autofree char *contracts = NULL;
  g_autofree char *services = NULL;
  g_autofree char *providers = NULL;

  if (backup->contracts < 0)
    /* TRANSLATORS: why a backup was taken, then that it cannot be read */
    return g_strdup_printf (_("%s · cannot be read"), cm_backup_reason_label (backup->reason));
  contracts = g_strdup_printf (ngettext ("%d contract", "%d contracts", backup->contracts),
                               (int) backup->contracts);
  services = g_strdup_printf (ngettext ("%d service", "%d services", backup->services),
                              (int) backup->services);
  providers = g_strdup_printf (ngettext ("%d provider", "%d providers", backup->providers),
                               (int) backup->providers);
  /* TRANSLATORS: why a backup was taken, then what it holds */
  return g_strdup_printf (_("%s · %s, %s, %s"), cm_backup_reason_label (backup->reason),
                          contracts, services, providers);
}

static void
restored (CmWindow *window, gpointer data, const GError *error)
{
  Job *job = data;
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  if (window && error == NULL)
    {
      message = g_strdup_printf (_("Restored the backup of %s"), job->when);
      cm_window_show_message (window, message);
    }
  else if (window)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The Backup Was Not Restored"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  job_free (job);
}

static gboolean
restore_work (CmStore *store, gpointer data, GError **error)
{
  return cm_backup_restore (store, ((Job *) data)->path, error);
}

static void
restore_answered (AdwMessageDialog *question, const char *response)
{
  GtkWindow *list = gtk_window_get_transient_for (GTK_WINDOW (question));
  GtkWindow *window = list ? gtk_window_get_transient_for (list) : NULL;
  const char *when = g_object_get_data (G_OBJECT (question), "when");
  g_autofree char *message = g_strdup_printf (_("Restoring the backup of %s…"), when);
  Job *job;

  if (!g_str_equal (response, "accept") || !CM_IS_WINDOW (window))
    return;
  job = g_new0 (Job, 1);
  job->path = g_strdup (g_object_get_data (G_OBJECT (question), "path"));
  job->when = g_strdup (when);
  /* The list closes with the portfolio's other windows. */
  cm_window_work_on_portfolio (CM_WINDOW (window), message, restore_work, restored, job);
}

static void
restore_clicked (GtkWidget *button)
{
  GtkWindow *list = GTK_WINDOW (gtk_widget_get_root (button));
  CmStore *store = CM_BACKUP_WINDOW (list)->store;
  const char *when = g_object_get_data (G_OBJECT (button), "when");
  g_autofree char *name = cm_portfolio_name_of_store (store);
  g_autofree char *body = g_strdup_printf (
    _("“%s” will be put back as it was on %s: %s.\n\nIts state now is backed up first, so "
      "restoring that backup takes this back."),
    name, when, (const char *) g_object_get_data (G_OBJECT (button), "what"));
  GtkWidget *question = adw_message_dialog_new (list, _("Restore This Backup?"), body);

  cm_page_offer_answers (ADW_MESSAGE_DIALOG (question), _("_Restore"),
                         ADW_RESPONSE_DESTRUCTIVE);
  /* Replacing the portfolio is never what Enter alone does. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_object_set_data_full (G_OBJECT (question), "path",
                          g_strdup (g_object_get_data (G_OBJECT (button), "path")), g_free);
  g_object_set_data_full (G_OBJECT (question), "when", g_strdup (when), g_free);
  g_signal_connect (question, "response", G_CALLBACK (restore_answered), NULL);
  gtk_window_present (GTK_WINDOW (question));
}

static GtkWidget *
backup_row (CmBackup *backup)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Restore…"));
  g_autofree char *when = format_taken (backup);
  g_autofree char *what = describe_backup (backup);
  /* TRANSLATORS: the button of one backup, for screen readers: when it
   * was taken, then why, as backups in the same minute are told apart */
  g_autofree char *accessible = g_strdup_printf (_("Restore the backup of %s (%s)"), when,
                                                 cm_backup_reason_label (backup->reason));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (backup->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "when", g_steal_pointer (&when), g_free);
  g_object_set_data_full (G_OBJECT (button), "what", g_steal_pointer (&what), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  /* The row labels its button with its title, which GTK would add to our
   * label, saying the date twice; its subtitle still describes it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

/* ---- GObject ------------------------------------------------------------ */

static void
add_rows (CmBackupWindow *self)
{
  g_autofree char *name = cm_portfolio_name_of_store (self->store);
  g_autofree char *title = g_strdup_printf (_("Backups of “%s”"), name);

  adw_preferences_group_set_title (self->group, title);
  for (guint i = 0; self->backups && i < self->backups->len; i++)
    adw_preferences_group_add (self->group, backup_row (g_ptr_array_index (self->backups, i)));
  if (self->backups == NULL || self->backups->len == 0)
    adw_preferences_group_add (self->group,
                               cm_page_text_row (_("No backups yet"),
                                                 _("The first is taken when the portfolio is "
                                                   "next opened, or before its next import."),
                                                 NULL));
}

static void
cm_backup_window_constructed (GObject *object)
{
  CmBackupWindow *self = CM_BACKUP_WINDOW (object);

  G_OBJECT_CLASS (cm_backup_window_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL);
  add_rows (self);
}

static void
cm_backup_window_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmBackupWindow *self = CM_BACKUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_BACKUPS:
      g_clear_pointer (&self->backups, g_ptr_array_unref);
      self->backups = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_backup_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmBackupWindow *self = CM_BACKUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BACKUPS:
      g_value_set_boxed (value, self->backups);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_backup_window_dispose (GObject *object)
{
  CmBackupWindow *self = CM_BACKUP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_BACKUP_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  G_OBJECT_CLASS (cm_backup_window_parent_class)->dispose (object);
}

static void
cm_backup_window_class_init (CmBackupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cm_backup_window_constructed;
  object_class->set_property = cm_backup_window_set_property;
  object_class->get_property = cm_backup_window_get_property;
  object_class->dispose = cm_backup_window_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  properties[PROP_BACKUPS] = g_param_spec_boxed ("backups", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-backup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmBackupWindow, group);
}

static void
cm_backup_window_init (CmBackupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cm_backup_window_new (GtkWindow *parent, CmStore *store, GPtrArray *backups)
{
  return g_object_new (CM_TYPE_BACKUP_WINDOW, "store", store, "backups", backups,
                       "transient-for", parent, NULL);
}
