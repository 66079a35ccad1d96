/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-dialog.c: "Import Contracts…"
 *
 * Four steps: the file, its columns, the check, and the import itself.
 * Only the first rows of a register are read, in a worker thread, as
 * reading touches no store, and the rest only counted: a register of a
 * million rows previews in the memory of a thousand. Every change to the
 * columns, the duplicate choice or the excluded rows plans those rows
 * again; nothing is written until Import. Import then reads the file
 * again in a worker thread, on a connection of its own, planning and
 * writing each row as it is read, so that no row is held; a row refused
 * below the rows checked takes back all that was written. The portfolio's
 * window is kept insensitive meanwhile so that nothing else writes, and
 * its lists follow the change once the import has committed.
 *
 * An OCDS file (.json) has no columns to choose: its second step says
 * what it holds and asks which service the contracts that name none join.
 * It is read once by the core's OCDS import on the main thread, as
 * planning needs the store, and planned again from what was read as the
 * service, the duplicates rule and the rows left out change.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cm-import.h"
#include "cm-import-check-view.h"
#include "cm-import-dialog.h"
#include "cm-import-mapping-view.h"
#include "cm-ocds-import.h"
#include "cm-ocds-service-view.h"
#include "cm-row-list.h"
#include "cm-undo.h"

struct _CmImportDialog
{
  AdwWindow parent_instance;

  CmStore *store;
  AdwToastOverlay *parent_toasts;   /* weak */

  AdwToastOverlay *toasts;
  AdwWindowTitle *title;
  GtkWidget *back;
  GtkWidget *next;
  GtkWidget *import;
  GtkStack *steps;

  GtkWidget *file_error_box;
  GtkLabel *file_error_heading;
  GtkLabel *file_error;

  GtkLabel *file_name;
  GtkWidget *sheet_box;
  GtkDropDown *sheet;
  GtkStack *preview;
  CmImportMappingView *mapping_view;
  GtkLabel *plan_status;
  GtkCheckButton *remember;

  CmImportCheckView *check_view;
  CmOcdsServiceView *service_view;

  GtkProgressBar *progress;

  char *path;
  char **sheets;
  CmTable *table;              /* the header and the first rows of a register */
  guint n_rows;                /* the rows of the register, the header included */
  gint progress_permille;      /* of the import under way, set in its thread */
  guint progress_source;
  CmOcdsFile *ocds;            /* the OCDS file read, while the file is OCDS */
  guint new_notices;           /* the procurement notices its plan would add */
  CmImportPlan *plan;
  GCancellable *cancellable;   /* of the read or the import under way */
  gboolean applying;
  gint64 last_pump;
};

G_DEFINE_FINAL_TYPE (CmImportDialog, cm_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARENT_TOASTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The data rows of a register read and checked before Import: a
 * thousand fill a screen many times over, and plan in a blink. */
#define CHECKED_ROWS 1000

typedef struct {
  char *path;
  char *sheet;            /* NULL: the first, and list the sheets */
  char **sheets;
  CmTable *table;
  guint n_rows;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_free (job->sheet);
  g_strfreev (job->sheets);
  g_clear_pointer (&job->table, cm_table_free);
  g_free (job);
}

/* ---- helpers ---------------------------------------------------------- */

static const char *
step (CmImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

static gboolean
is_ocds (CmImportDialog *self)
{
  g_autofree char *lower = self->path ? g_ascii_strdown (self->path, -1) : NULL;

  return lower && g_str_has_suffix (lower, ".json");
}

/* The step after the file: its columns, or for OCDS its service. */
static const char *
second_step (CmImportDialog *self)
{
  return is_ocds (self) ? "service" : "columns";
}

static gboolean
has_data_rows (CmImportDialog *self)
{
  if (self->ocds)
    return cm_table_get_n_rows (cm_ocds_file_get_table (self->ocds)) > 1;
  return self->table && self->n_rows > 1;
}

static guint
writes (CmImportPlan *plan)
{
  return cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE) +
         cm_import_plan_count (plan, CM_IMPORT_ROW_UPDATE);
}

static void
update_header (CmImportDialog *self)
{
  const char *name = step (self);
  gboolean file = g_str_equal (name, "file");
  gboolean columns = g_str_equal (name, "columns") || g_str_equal (name, "service");
  gboolean check = g_str_equal (name, "check");
  /* Back at the file, Next returns to the file already read. */
  gboolean file_read = file && (self->table || self->ocds) &&
                       !gtk_widget_get_visible (self->file_error_box);
  const char *subtitle = NULL;

  gtk_widget_set_visible (self->back, columns || check);
  gtk_widget_set_visible (self->next, columns || file_read);
  gtk_widget_set_visible (self->import, check);
  gtk_widget_set_sensitive (self->next, file_read || self->plan != NULL);
  gtk_widget_set_sensitive (self->import, self->plan &&
                            cm_import_plan_count (self->plan, CM_IMPORT_ROW_INVALID) == 0 &&
                            (writes (self->plan) > 0 || self->new_notices > 0));
  gtk_window_set_default_widget (GTK_WINDOW (self), columns || file_read ? self->next
                                                    : check ? self->import : NULL);
  if (file)
    subtitle = _("Step 1 of 3: File");
  else if (columns)
    subtitle = is_ocds (self) ? _("Step 2 of 3: Service") : _("Step 2 of 3: Columns");
  else if (check)
    subtitle = _("Step 3 of 3: Check");
  else
    subtitle = _("Importing");
  adw_window_title_set_subtitle (self->title, subtitle);
}

/* Each step starts on what comes next there, so that Enter never lands on
 * the Back button that the previous step's focus fell to. */
static void
focus_step (CmImportDialog *self, const char *name)
{
  GtkWidget *step_widget = gtk_stack_get_child_by_name (self->steps, name);

  if ((g_str_equal (name, "columns") || g_str_equal (name, "service")) &&
      gtk_widget_get_sensitive (self->next))
    gtk_widget_grab_focus (self->next);
  else if (g_str_equal (name, "check") && gtk_widget_get_sensitive (self->import))
    gtk_widget_grab_focus (self->import);
  else if (g_str_equal (name, "check") && cm_import_check_view_focus_report (self->check_view))
    return;
  else if (!gtk_widget_child_focus (step_widget, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (self->back);
}

static void
show_step (CmImportDialog *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->steps, name);
  update_header (self);
  focus_step (self, name);
}

/* The readers' messages say what is wrong and what to do; the heading
 * says which file. */
static void
show_read_error (CmImportDialog *self, const GError *error)
{
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Read"), name);

  g_clear_pointer (&self->plan, cm_import_plan_free);
  g_clear_pointer (&self->table, cm_table_free);
  g_clear_pointer (&self->ocds, cm_ocds_file_free);
  self->new_notices = 0;
  gtk_label_set_text (self->file_error_heading, heading);
  gtk_label_set_text (self->file_error, error->message);
  gtk_widget_set_visible (self->file_error_box, TRUE);
  show_step (self, "file");
}

static void
show_plan_status (CmImportDialog *self, const char *text, gboolean is_error)
{
  gtk_label_set_text (self->plan_status, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->plan_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->plan_status), "error");
}

/* Of a register read only in part: what was found in the rows read. */
static char *
partial_summary (guint invalid, guint n_checked, guint n_data_rows)
{
  g_autofree char *checked = cm_count_format (n_checked);
  g_autofree char *rows = cm_count_format (n_data_rows);

  if (invalid == 0)
    return g_strdup_printf (_("%s rows below the headers; the first %s can each be read, and "
                              "the rest are checked as they are imported."), rows, checked);
  return g_strdup_printf (ngettext ("%s rows below the headers; %u of the first %s has "
                                    "problems, listed in the next step.",
                                    "%s rows below the headers; %u of the first %s have "
                                    "problems, listed in the next step.", invalid),
                          rows, invalid, checked);
}

static char *
plan_summary (CmImportPlan *plan, guint n_checked, guint n_data_rows)
{
  guint invalid = cm_import_plan_count (plan, CM_IMPORT_ROW_INVALID);
  g_autofree char *rows = g_strdup_printf (ngettext ("%u row below the headers",
                                                     "%u rows below the headers", n_data_rows),
                                           n_data_rows);

  if (n_checked < n_data_rows)
    return partial_summary (invalid, n_checked, n_data_rows);
  if (invalid == 0)
    return g_strdup_printf (_("%s; each can be read."), rows);
  return g_strdup_printf (ngettext ("%s; %u has problems, listed in the next step.",
                                    "%s; %u have problems, listed in the next step.", invalid),
                          rows, invalid);
}

static void show_read_error (CmImportDialog *self, const GError *error);

/* The OCDS file planned again from what was read of it, with the
 * service chosen for the contracts that name none; a problem is the
 * file's, shown on its step. */
static gboolean
plan_ocds (CmImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (self->path);
  CmTable *table = cm_ocds_file_get_table (self->ocds);

  g_clear_pointer (&self->plan, cm_import_plan_free);
  self->plan = cm_ocds_file_plan (self->ocds, self->store,
                                  cm_ocds_service_view_get_service_id (self->service_view),
                                  CM_OCDS_FALLBACK_SERVICE,
                                  cm_import_check_view_get_duplicate (self->check_view),
                                  cm_import_check_view_get_excluded (self->check_view), &error);
  if (self->plan == NULL)
    {
      show_read_error (self, error);
      return FALSE;
    }
  self->new_notices = cm_ocds_file_count_new_notices (self->ocds, self->plan, self->store);
  cm_import_check_view_set_new_notices (self->check_view, self->new_notices);
  cm_import_check_view_set_plan (self->check_view, self->plan, table,
                                 cm_ocds_file_get_mapping (self->ocds));
  cm_ocds_service_view_show_file (self->service_view, name, cm_table_get_n_rows (table) - 1,
                                  cm_ocds_file_get_n_unnamed (self->ocds));
  update_header (self);
  return TRUE;
}

/* Read and checked once, here on the main thread: the choices on its
 * steps only plan it again. */
static gboolean
read_ocds (CmImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->ocds, cm_ocds_file_free);
  self->ocds = cm_ocds_file_read (self->path, &error);
  if (self->ocds == NULL)
    {
      show_read_error (self, error);
      return FALSE;
    }
  return plan_ocds (self);
}

/* Makes the plan again from the columns, the duplicate choice and the
 * excluded rows as they now stand. */
static void
replan (CmImportDialog *self)
{
  GArray *mapping = cm_import_mapping_view_get_mapping (self->mapping_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (is_ocds (self))
    {
      if (self->ocds)
        plan_ocds (self);
      return;
    }
  g_clear_pointer (&self->plan, cm_import_plan_free);
  if (!has_data_rows (self) || mapping == NULL)
    {
      update_header (self);
      return;
    }
  self->plan = cm_import_plan_new (self->store, self->table, mapping,
                                   cm_import_check_view_get_duplicate (self->check_view),
                                   cm_import_check_view_get_excluded (self->check_view), &error);
  if (self->plan == NULL)
    show_plan_status (self, error->message, TRUE);
  else
    {
      summary = plan_summary (self->plan, cm_table_get_n_rows (self->table) - 1,
                              self->n_rows - 1);
      show_plan_status (self, summary, FALSE);
      cm_import_check_view_set_plan (self->check_view, self->plan, self->table, mapping);
    }
  update_header (self);
}

static void
show_table (CmImportDialog *self, CmTable *table, guint n_rows)
{
  g_autofree char *name = g_path_get_basename (self->path);

  g_clear_pointer (&self->plan, cm_import_plan_free);
  g_clear_pointer (&self->table, cm_table_free);
  g_clear_pointer (&self->ocds, cm_ocds_file_free);
  self->new_notices = 0;
  self->table = table;
  self->n_rows = n_rows;
  gtk_label_set_text (self->file_name, name);
  gtk_widget_set_visible (self->file_error_box, FALSE);
  cm_import_check_view_reset (self->check_view);
  cm_import_check_view_set_rows_read (self->check_view, cm_table_get_n_rows (table) - 1,
                                      n_rows - 1);
  if (has_data_rows (self))
    {
      g_autoptr(GArray) mapping = cm_import_mapping_for (self->store, self->table);

      cm_import_mapping_view_set_table (self->mapping_view, self->table, mapping);
      gtk_stack_set_visible_child_name (self->preview, "rows");
    }
  else
    gtk_stack_set_visible_child_name (self->preview, "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->remember), has_data_rows (self));
  gtk_widget_set_visible (GTK_WIDGET (self->plan_status), has_data_rows (self));
  replan (self);
  show_step (self, "columns");
}

static void
show_sheets (CmImportDialog *self, char **sheets)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) sheets);

  g_strfreev (self->sheets);
  self->sheets = sheets;
  /* Hidden, so that setting it reads no sheet again. */
  gtk_drop_down_set_model (self->sheet, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->sheet, 0);
  gtk_widget_set_visible (self->sheet_box, sheets && g_strv_length (sheets) > 1);
}

/* ---- reading ---------------------------------------------------------- */

static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;

  if (job->sheet == NULL)
    {
      job->sheets = cm_table_list_sheets (job->path, &error);
      if (job->sheets == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  job->table = cm_table_read_preview (job->path, job->sheet, CHECKED_ROWS, &job->n_rows, &error);
  if (job->table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (source);
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_read_error (self, error);
      return;
    }
  if (job->sheet == NULL)
    show_sheets (self, g_steal_pointer (&job->sheets));
  show_table (self, g_steal_pointer (&job->table), job->n_rows);
}

static void
read_file (CmImportDialog *self, const char *sheet)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ReadJob *job;

  if (!cm_store_refuse_own_file (self->store, self->path, &error))
    {
      show_read_error (self, error);
      return;
    }
  if (is_ocds (self))
    {
      g_clear_pointer (&self->table, cm_table_free);
      cm_import_check_view_reset (self->check_view);
      cm_ocds_service_view_reset (self->service_view);
      gtk_widget_set_visible (self->file_error_box, FALSE);
      if (read_ocds (self))
        show_step (self, "service");
      return;
    }
  job = g_new0 (ReadJob, 1);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job->path = g_strdup (self->path);
  job->sheet = g_strdup (sheet);
  task = g_task_new (self, self->cancellable, read_done, NULL);
  g_task_set_task_data (task, job, read_job_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps), FALSE);
  g_task_run_in_thread (task, read_in_thread);
}

/* ---- importing -------------------------------------------------------- */

static void
progressed (double fraction, gpointer data)
{
  CmImportDialog *self = data;
  gint64 now = g_get_monotonic_time ();

  if (now - self->last_pump < 40 * G_TIME_SPAN_MILLISECOND)
    return;
  self->last_pump = now;
  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0, 1));
  /* Lets the bar redraw and Cancel be pressed; the portfolio's window is
   * insensitive meanwhile, so nothing else reaches the store. */
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first few problems of a refused import, one a line, and how many
 * more: a register of 100,000 rows may have thousands. NULL for none. */
static char *
first_problems (CmImportPlan *plan)
{
  g_autoptr(GPtrArray) report = plan ? cm_import_plan_report (plan) : NULL;
  g_autoptr(GString) text = NULL;

  if (report == NULL || report->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < MIN (report->len, CM_ROW_LIST_SHOWN); i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *) report->pdata[i]);
  if (report->len > CM_ROW_LIST_SHOWN)
    {
      guint n_more = report->len - CM_ROW_LIST_SHOWN;
      g_autofree char *more = cm_count_format (n_more);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("and %s more problem", "and %s more problems",
                                              n_more), more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @refused is the plan of the rows read while importing, naming the
 * problems that stopped it, or NULL. */
static void
show_import_error (CmImportDialog *self, const GError *error, CmImportPlan *refused)
{
  g_autofree char *problems = first_problems (refused);
  g_autofree char *reason = problems ? g_strdup_printf ("%s\n\n%s", error->message, problems)
                                     : g_strdup (error->message);
  /* Rows below those checked are not in the check's list to exclude. */
  g_autofree char *body = problems
    ? g_strdup_printf (_("%s\n\nThe portfolio is as it was. Fix these rows in the file, or "
                         "delete them from it, and import it again."), reason)
    : g_strdup_printf (_("%s\n\nThe portfolio is as it was. Fix the file, or exclude the rows "
                         "it names, and import again."), reason);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
source_name (CmImportDialog *self)
{
  g_autofree char *name = g_path_get_basename (self->path);
  GtkStringObject *sheet = gtk_drop_down_get_selected_item (self->sheet);

  if (sheet && gtk_widget_get_visible (self->sheet_box))
    return g_strdup_printf ("%s (%s)", name, gtk_string_object_get_string (sheet));
  return g_steal_pointer (&name);
}

static void
imported (CmImportDialog *self)
{
  guint n = writes (self->plan);
  const char *more = cm_import_plan_get_more_summary (self->plan);
  /* A later OCDS release may only add notices to contracts held already. */
  g_autofree char *count = cm_count_format (n);
  g_autofree char *message = n == 0 && more ? g_strdup (more)
                             : g_strdup_printf (ngettext ("Imported %s contract",
                                                          "Imported %s contracts", n), count);
  g_autoptr(GError) error = NULL;
  AdwToast *toast = adw_toast_new (message);

  /* Remembered first: a commit after the offer would withdraw Ctrl+Z.
   * An OCDS file's columns are the import's own, not a register's. */
  if (!is_ocds (self) && gtk_check_button_get_active (self->remember) &&
      !cm_import_mapping_remember (self->store, self->table,
                                   cm_import_mapping_view_get_mapping (self->mapping_view),
                                   &error) &&
      self->parent_toasts)
    adw_toast_overlay_add_toast (self->parent_toasts, adw_toast_new (error->message));
  /* The window's own action, which says what undoing removes and asks. */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-import");
  if (self->parent_toasts)
    {
      /* Ctrl+Z in the window asks the same. */
      cm_undo_offer (GTK_WIDGET (self->parent_toasts), self->store, toast);
      adw_toast_overlay_add_toast (self->parent_toasts, toast);
    }
  else
    g_object_unref (toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
run_import (gpointer data)
{
  g_autoptr(CmImportDialog) self = data;
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autofree char *source = source_name (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->plan == NULL)
    return G_SOURCE_REMOVE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->applying = TRUE;
  if (parent)
    gtk_widget_set_sensitive (parent, FALSE);
  ok = cm_import_plan_apply (self->plan, self->store, source, progressed, self,
                             self->cancellable, &error);
  if (parent)
    gtk_widget_set_sensitive (parent, TRUE);
  self->applying = FALSE;

  if (ok)
    {
      imported (self);
      return G_SOURCE_REMOVE;
    }
  /* A fresh plan: the records of this one may keep what the writes that
   * were rolled back gave them. */
  replan (self);
  show_step (self, "check");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (_("Import cancelled: nothing was written")));
  else
    show_import_error (self, error, NULL);
  return G_SOURCE_REMOVE;
}

/* ---- importing a register in a worker thread ------------------------- */

typedef struct {
  char *portfolio;
  char *display_name;
  char *path;
  char *sheet;            /* NULL for a CSV file */
  char *source;
  GArray *mapping;
  GArray *excluded;
  CmImportDuplicate on_duplicate;
  guint n_rows;
  gint *progress_permille; /* the dialog's, which the task keeps alive */
  CmImportPlan *plan;     /* as written, or as refused */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->portfolio);
  g_free (job->display_name);
  g_free (job->path);
  g_free (job->sheet);
  g_free (job->source);
  g_array_unref (job->mapping);
  g_array_unref (job->excluded);
  g_clear_pointer (&job->plan, cm_import_plan_free);
  g_free (job);
}

/* In the worker thread: the bar reads it on the main loop. */
static void
import_progressed (double fraction, gpointer data)
{
  ImportJob *job = data;

  g_atomic_int_set (job->progress_permille, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

static gboolean
write_register (ImportJob *job, GCancellable *cancellable, GError **error)
{
  /* The window's connection stays open, and checked the file as it opened it. */
  g_autoptr(CmStore) store = cm_store_open (job->portfolio, CM_STORE_OPEN_MUST_EXIST |
                                            CM_STORE_OPEN_CHECKED, error);

  if (store == NULL)
    return FALSE;
  cm_store_set_actor (store, job->display_name);
  job->plan = cm_import_plan_new_written_as_previewed (store, job->path, job->sheet,
                                                       job->mapping, job->on_duplicate,
                                                       job->excluded, job->source, job->n_rows,
                                                       import_progressed, job, cancellable,
                                                       error);
  return job->plan && cm_import_plan_apply (job->plan, store, job->source, NULL, NULL, NULL,
                                            error);
}

static void
import_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean written = write_register (data, cancellable, &error);

#ifdef __GLIBC__
  /* A million rows leave the C library holding what reading them took. */
  malloc_trim (0);
#endif
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
show_progress (gpointer data)
{
  CmImportDialog *self = data;

  gtk_progress_bar_set_fraction (self->progress,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer data)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->applying = FALSE;
  if (self->store == NULL)
    return; /* disposed meanwhile: nobody is left to tell */
  if (parent)
    gtk_widget_set_sensitive (parent, TRUE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The import committed on a connection of its own. */
      cm_store_reload_if_changed (self->store);
      g_clear_pointer (&self->plan, cm_import_plan_free);
      self->plan = g_steal_pointer (&job->plan);
      imported (self);
      return;
    }
  show_step (self, "check");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (_("Import cancelled: nothing was written")));
  else
    show_import_error (self, error, job->plan);
}

static ImportJob *
import_job_new (CmImportDialog *self)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  GtkStringObject *sheet = gtk_drop_down_get_selected_item (self->sheet);

  job->portfolio = g_strdup (cm_store_get_path (self->store));
  job->display_name = g_strdup (cm_store_get_display_name (self->store));
  job->path = g_strdup (self->path);
  job->sheet = self->sheets && sheet ? g_strdup (gtk_string_object_get_string (sheet)) : NULL;
  job->source = source_name (self);
  job->mapping = g_array_copy (cm_import_mapping_view_get_mapping (self->mapping_view));
  job->excluded = g_array_copy (cm_import_check_view_get_excluded (self->check_view));
  job->on_duplicate = cm_import_check_view_get_duplicate (self->check_view);
  job->n_rows = self->n_rows;
  job->progress_permille = &self->progress_permille;
  return job;
}

static void
start_register_import (CmImportDialog *self)
{
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr(GTask) task = NULL;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->applying = TRUE;
  if (parent)
    gtk_widget_set_sensitive (parent, FALSE);
  g_atomic_int_set (&self->progress_permille, 0);
  self->progress_source = g_timeout_add (100, show_progress, self);
  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_task_data (task, import_job_new (self), import_job_free);
  g_task_run_in_thread (task, import_in_thread);
}

/* ---- callbacks -------------------------------------------------------- */

static void
import_clicked (CmImportDialog *self)
{
  if (self->plan == NULL || !gtk_widget_get_sensitive (self->import))
    return;
  gtk_progress_bar_set_fraction (self->progress, 0);
  show_step (self, "importing");
  if (!is_ocds (self))
    {
      start_register_import (self);
      return;
    }
  /* After the step has been drawn. */
  g_idle_add (run_import, g_object_ref (self));
}

static void
cancel_clicked (CmImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
next_clicked (CmImportDialog *self)
{
  if (g_str_equal (step (self), "file"))
    show_step (self, second_step (self));
  else if (self->plan)
    show_step (self, "check");
}

static void
back_clicked (CmImportDialog *self)
{
  show_step (self, g_str_equal (step (self), "check") ? second_step (self) : "file");
}

static void
sheet_chosen (CmImportDialog *self)
{
  GtkStringObject *sheet = gtk_drop_down_get_selected_item (self->sheet);

  if (sheet && self->path && gtk_widget_get_visible (self->sheet_box))
    read_file (self, gtk_string_object_get_string (sheet));
}

static void
chosen (GtkNativeDialog *chooser, int response, CmImportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file && (path = g_file_get_path (file)))
    cm_import_dialog_open_file (self, path);
}

/* ---- overrides -------------------------------------------------------- */

static gboolean
cm_import_dialog_close_request (GtkWindow *window)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (window);

  /* Closing mid-import cancels it; the dialog stays to say so. */
  if (self->applying)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (cm_import_dialog_parent_class)->close_request (window);
}

static void
cm_import_dialog_constructed (GObject *object)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (cm_import_dialog_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL);
  /* Made here, as its service picker needs the store. */
  self->service_view = CM_OCDS_SERVICE_VIEW (cm_ocds_service_view_new (self->store));
  g_signal_connect_swapped (self->service_view, "changed", G_CALLBACK (replan), self);
  gtk_stack_add_named (self->steps, GTK_WIDGET (self->service_view), "service");
}

static void
cm_import_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PARENT_TOASTS:
      g_set_weak_pointer (&self->parent_toasts, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_import_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARENT_TOASTS:
      g_value_set_object (value, self->parent_toasts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_import_dialog_dispose (GObject *object)
{
  CmImportDialog *self = CM_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->plan, cm_import_plan_free);
  g_clear_pointer (&self->table, cm_table_free);
  g_clear_pointer (&self->ocds, cm_ocds_file_free);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->parent_toasts);

  G_OBJECT_CLASS (cm_import_dialog_parent_class)->dispose (object);
}

static void
cm_import_dialog_class_init (CmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cm_import_dialog_constructed;
  object_class->set_property = cm_import_dialog_set_property;
  object_class->get_property = cm_import_dialog_get_property;
  object_class->dispose = cm_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cm_import_dialog_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  /* Where the outcome of the import is told, once the dialog has gone. */
  properties[PROP_PARENT_TOASTS] = g_param_spec_object ("parent-toasts", NULL, NULL,
                                                        ADW_TYPE_TOAST_OVERLAY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, back);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, next);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, import);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, file_error_box);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, file_error_heading);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, file_error);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, file_name);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, sheet_box);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, sheet);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, mapping_view);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, plan_status);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, remember);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, check_view);
  gtk_widget_class_bind_template_child (widget_class, CmImportDialog, progress);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, sheet_chosen);
  gtk_widget_class_bind_template_callback (widget_class, replan);
  gtk_widget_class_bind_template_callback_full (widget_class, "choose_file",
                                                G_CALLBACK (cm_import_dialog_choose_file));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cm_import_dialog_init (CmImportDialog *self)
{
  g_type_ensure (CM_TYPE_IMPORT_MAPPING_VIEW);
  g_type_ensure (CM_TYPE_IMPORT_CHECK_VIEW);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_header (self);
}

/* ---- public API ------------------------------------------------------- */

CmImportDialog *
cm_import_dialog_new (GtkWindow *parent, CmStore *store, AdwToastOverlay *toasts)
{
  return g_object_new (CM_TYPE_IMPORT_DIALOG, "store", store, "parent-toasts", toasts,
                       "transient-for", parent, NULL);
}

void
cm_import_dialog_choose_file (CmImportDialog *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import Contracts"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) registers = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) ods = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) ocds = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  g_return_if_fail (CM_IS_IMPORT_DIALOG (self));

  gtk_file_filter_set_name (registers, _("CSV files, spreadsheets and OCDS files"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_set_name (xlsx, _("Excel workbooks"));
  gtk_file_filter_set_name (ods, _("OpenDocument spreadsheets"));
  gtk_file_filter_set_name (ocds, _("Open Contracting (OCDS) files"));
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (registers, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (registers, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_pattern (registers, "*.[oO][dD][sS]");
  gtk_file_filter_add_pattern (registers, "*.[jJ][sS][oO][nN]");
  gtk_file_filter_add_pattern (ocds, "*.[jJ][sS][oO][nN]");
  gtk_file_filter_add_pattern (csv, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (xlsx, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_pattern (ods, "*.[oO][dD][sS]");
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), registers);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ods);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ocds);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cm_import_dialog_open_file (CmImportDialog *self, const char *path)
{
  g_return_if_fail (CM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  gtk_widget_set_visible (self->sheet_box, FALSE);
  read_file (self, NULL);
}
