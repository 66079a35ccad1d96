/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-check-view.c: what an import would do, before it does it
 *
 * The counts of the plan, the choice for duplicates, the providers,
 * services and commissioners it would create, the values it would keep
 * as Other, and every row that cannot be imported with its problems and
 * an Exclude check. "changed" follows the duplicate choice and each
 * exclusion, for the plan to be made again; the rows to fix are only
 * rebuilt when a new plan lists other rows, so the keyboard stays on
 * the check just pressed.
 */
#include <glib/gi18n.h>

#include "cm-import-check-view.h"
#include "cm-row-name.h"
#include "cm-page-parts.h"

/* Past this many, the report says how many more there are: a mapping
 * gone wrong can make every row invalid. */
#define MAX_REPORT_ROWS 200

/* About the height of one line of a full list, in pixels. */
#define LINE_HEIGHT 26

struct _CmImportCheckView
{
  GtkWidget parent_instance;

  GtkWidget *page;
  AdwPreferencesGroup *summary_group;
  guint new_notices;          /* what the plan adds beside its rows (OCDS notices) */
  guint n_checked;            /* the data rows read and checked so far */
  guint n_rows;               /* the data rows in the file; more when only some were read */
  GtkWidget *counts[CM_IMPORT_ROW_INVALID + 1];
  AdwComboRow *duplicates;
  GtkListBox *created;
  AdwPreferencesGroup *report_group;
  GtkListBox *report;

  GArray *excluded;           /* table rows, guint, sorted */
  GHashTable *report_rows;    /* table row -> its AdwActionRow in the report */
  GHashTable *problems;       /* table row -> its problems, one a line, as last planned */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (CmImportCheckView, cm_import_check_view, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- helpers ---------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static gboolean
is_excluded (CmImportCheckView *self, guint row)
{
  for (guint i = 0; i < self->excluded->len; i++)
    if (g_array_index (self->excluded, guint, i) == row)
      return TRUE;
  return FALSE;
}

static void
set_excluded (CmImportCheckView *self, guint row, gboolean excluded)
{
  guint i;

  for (i = 0; i < self->excluded->len && g_array_index (self->excluded, guint, i) < row; i++)
    ;
  if (i < self->excluded->len && g_array_index (self->excluded, guint, i) == row)
    {
      if (!excluded)
        g_array_remove_index (self->excluded, i);
    }
  else if (excluded)
    g_array_insert_val (self->excluded, i, row);
}

/* "Row 7", or "Row 7: CT-0042" when the reference column says which. */
static char *
row_title (CmTable *table, GArray *mapping, guint row)
{
  int column = cm_import_mapping_column (mapping, CM_IMPORT_FIELD_REFERENCE);
  const char *reference = column >= 0 ? cm_table_get (table, row, column) : NULL;

  if (reference && *reference)
    return g_strdup_printf (_("Row %u: %s"), row + 1, reference);
  return g_strdup_printf (_("Row %u"), row + 1);
}

static char *
joined (const GPtrArray *lines, const char *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines && i < lines->len; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, g_ptr_array_index (lines, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- callbacks -------------------------------------------------------- */

static void
exclude_toggled (GtkCheckButton *check, CmImportCheckView *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "row"));

  if (self->updating)
    return;
  set_excluded (self, row, gtk_check_button_get_active (check));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
duplicates_chosen (CmImportCheckView *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- lists that create their rows only when shown --------------------- */

static void
setup_line (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-top", 3, "margin-bottom", 3, "margin-start", 12, "margin-end",
                12, NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_line (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (line));
  cm_row_name_item (item, gtk_string_object_get_string (line));
}

/* Every line of @lines in a list view of its own height: only the lines
 * scrolled into view get a label, so 30,000 rows cost a screenful. */
static GtkWidget *
lazy_list (GtkStringList *lines, const char *accessible_name)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (lines)));
  GtkWidget *list = gtk_list_view_new (GTK_SELECTION_MODEL (model), factory);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_line), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_line), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* A list view asks for little height of its own: give it room for up
   * to eight lines, and scroll past that. */
  gtk_scrolled_window_set_min_content_height (
    GTK_SCROLLED_WINDOW (scrolled),
    MIN (g_list_model_get_n_items (G_LIST_MODEL (lines)), 8) * LINE_HEIGHT);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 8 * LINE_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static GtkStringList *
string_list_of (const GPtrArray *texts)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; texts && i < texts->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (texts, i));
  return list;
}

/* "New providers", with the first few names in its subtitle. */
static GtkWidget *
names_header (const char *title, const GPtrArray *names)
{
  GtkWidget *row = adw_expander_row_new ();
  guint n = names ? names->len : 0;
  g_autofree char *some = cm_short_list_format (n ? (const char * const *) names->pdata : NULL, n);
  g_autofree char *name = g_strdup_printf ("%s: %s", title, n ? some : _("none"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), n ? some : _("None"));
  gtk_widget_set_sensitive (row, n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

/* Open, all the names, in a list that makes its rows as they are shown. */
static GtkWidget *
names_row (const char *title, const GPtrArray *names)
{
  GtkWidget *row = names_header (title, names);

  if (names && names->len > 0)
    {
      g_autoptr(GtkStringList) lines = string_list_of (names);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), lazy_list (lines, title));
    }
  return row;
}

/* The list of every row, made the first time it is opened. */
static void
rows_expanded (GtkExpander *expander, GParamSpec *pspec, GtkStringList *rows)
{
  if (!gtk_expander_get_expanded (expander) || gtk_expander_get_child (expander))
    return;
  gtk_expander_set_child (expander, lazy_list (rows, gtk_expander_get_label (expander)));
}

/* A value kept under Other, naming its first few rows, and below it, when
 * it is on more, "Show all 30,000 rows". */
static GtkWidget *
other_value (CmImportPlan *plan, guint i)
{
  const CmRowList *rows = cm_import_plan_other_value_rows (plan, i);
  guint n = cm_row_list_get_length (rows);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (g_ptr_array_index (cm_import_plan_other_values (plan), i));
  g_autofree char *count = cm_count_format (n);
  g_autofree char *show = g_strdup_printf (ngettext ("Show all %s row", "Show all %s rows", n),
                                           count);
  g_auto(GStrv) numbers = NULL;
  GtkStringList *lines;
  GtkWidget *expander;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (box, "margin-top", 9, "margin-bottom", 9, "margin-start", 12, "margin-end", 12,
                NULL);
  gtk_box_append (GTK_BOX (box), label);
  if (n <= CM_ROW_LIST_SHOWN)
    return box;
  numbers = cm_row_list_to_strv (rows);
  lines = gtk_string_list_new ((const char * const *) numbers);
  expander = gtk_expander_new (show);
  g_object_set_data_full (G_OBJECT (expander), "rows", lines, g_object_unref);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (rows_expanded), lines);
  gtk_box_append (GTK_BOX (box), expander);
  return box;
}

/* "Kept as Other": each value with its first few rows, and the whole
 * list of rows a click away. */
static GtkWidget *
others_row (CmImportPlan *plan)
{
  const GPtrArray *values = cm_import_plan_other_values (plan);
  GtkWidget *row = names_header (_("Kept as Other"), values);

  for (guint i = 0; i < values->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), other_value (plan, i));
  return row;
}

static void
show_created (CmImportCheckView *self, CmImportPlan *plan)
{
  clear_list (self->created);
  gtk_list_box_append (self->created,
                       names_row (_("New providers"), cm_import_plan_new_providers (plan)));
  gtk_list_box_append (self->created,
                       names_row (_("New services"), cm_import_plan_new_services (plan)));
  gtk_list_box_append (self->created,
                       names_row (_("New commissioners"), cm_import_plan_new_commissioners (plan)));
  gtk_list_box_append (self->created, others_row (plan));
  gtk_list_box_append (self->created,
                       names_row (_("Contradictions to check"),
                                  cm_import_plan_contradictions (plan)));
}

static GtkWidget *
report_row (CmImportCheckView *self, CmTable *table, GArray *mapping, guint row)
{
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Exclude"));
  g_autofree char *title = row_title (table, mapping, row);
  g_autofree char *accessible = g_strdup_printf (_("Exclude row %u"), row + 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (widget), "dialog-warning-symbolic");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_excluded (self, row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (check), "row", GUINT_TO_POINTER (row));
  g_signal_connect (check, "toggled", G_CALLBACK (exclude_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), check);
  g_object_set_data (G_OBJECT (widget), "check", check);
  return widget;
}

/* The rows the report lists: each invalid row, and each the user left out. */
static GArray *
rows_to_report (CmImportPlan *plan, CmTable *table, guint *n_more)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_rows = cm_table_get_n_rows (table);

  *n_more = 0;
  for (guint row = 1; row < n_rows; row++)
    {
      CmImportRowStatus status = cm_import_plan_row_status (plan, row);

      if (status != CM_IMPORT_ROW_INVALID && status != CM_IMPORT_ROW_EXCLUDED)
        continue;
      if (rows->len < MAX_REPORT_ROWS)
        g_array_append_val (rows, row);
      else
        (*n_more)++;
    }
  return rows;
}

static gboolean
same_rows (CmImportCheckView *self, GArray *rows)
{
  if (g_hash_table_size (self->report_rows) != rows->len)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!g_hash_table_contains (self->report_rows,
                                GUINT_TO_POINTER (g_array_index (rows, guint, i))))
      return FALSE;
  return TRUE;
}

static void
rebuild_report (CmImportCheckView *self, CmTable *table, GArray *mapping, GArray *rows,
                guint n_more)
{
  clear_list (self->report);
  g_hash_table_remove_all (self->report_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      guint row = g_array_index (rows, guint, i);
      GtkWidget *widget = report_row (self, table, mapping, row);

      g_hash_table_insert (self->report_rows, GUINT_TO_POINTER (row), widget);
      gtk_list_box_append (self->report, widget);
    }
  if (rows->len == 0)
    gtk_list_box_append (self->report,
                         cm_page_text_row (_("Every row can be read"), NULL,
                                                 "emblem-ok-symbolic"));
  if (n_more > 0)
    {
      g_autofree char *count = cm_count_format (n_more);
      g_autofree char *more =
        g_strdup_printf (ngettext ("And %s more row. Fix the file, or correct the columns, "
                                   "and choose the file again.",
                                   "And %s more rows. Fix the file, or correct the columns, "
                                   "and choose the file again.", n_more), count);

      gtk_list_box_append (self->report, cm_page_text_row (more, NULL, NULL));
    }
}

/* An excluded row has no problems in the plan: it shows those it had. */
static void
update_report (CmImportCheckView *self, CmImportPlan *plan)
{
  GHashTableIter iter;
  gpointer key, value;

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->report_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (key);
      const GPtrArray *problems = cm_import_plan_row_problems (plan, row);
      gboolean excluded = cm_import_plan_row_status (plan, row) == CM_IMPORT_ROW_EXCLUDED;
      const char *known;

      if (problems && problems->len)
        g_hash_table_insert (self->problems, key, joined (problems, "\n"));
      known = g_hash_table_lookup (self->problems, key);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (value),
                                   known ? known : _("Left out of the import"));
      gtk_check_button_set_active (g_object_get_data (value, "check"), excluded);
      if (excluded)
        gtk_widget_add_css_class (value, "dim-label");
      else
        gtk_widget_remove_css_class (value, "dim-label");
    }
  self->updating = FALSE;
}

/* The figures below count only the rows read; the rest of a large file
 * is checked as it is written, which stops at the first problem there. */
static char *
partly_checked (guint n_checked, guint n_rows)
{
  g_autofree char *checked = cm_count_format (n_checked);
  g_autofree char *rows = cm_count_format (n_rows);

  return g_strdup_printf (ngettext ("These figures are for the first %s of %s row. The rest are "
                                    "checked as they are imported; a problem in any of them "
                                    "stops the import with nothing written.",
                                    "These figures are for the first %s of %s rows. The rest are "
                                    "checked as they are imported; a problem in any of them "
                                    "stops the import with nothing written.", n_rows),
                          checked, rows);
}

static void
show_summary (CmImportCheckView *self, CmImportPlan *plan)
{
  guint invalid = cm_import_plan_count (plan, CM_IMPORT_ROW_INVALID);
  guint writes = cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE) +
                 cm_import_plan_count (plan, CM_IMPORT_ROW_UPDATE);
  g_autofree char *hint = NULL;
  g_autofree char *n_invalid = cm_count_format (invalid);
  g_autofree char *n_writes = cm_count_format (writes);

  for (guint status = 0; status < G_N_ELEMENTS (self->counts); status++)
    {
      g_autofree char *number = cm_count_format (cm_import_plan_count (plan, status));

      gtk_label_set_text (GTK_LABEL (self->counts[status]), number);
    }
  if (invalid > 0)
    hint = g_strdup_printf (ngettext ("%s row cannot be imported. Fix it in the file and choose "
                                      "the file again, or exclude it below.",
                                      "%s rows cannot be imported. Fix them in the file and "
                                      "choose the file again, or exclude them below.", invalid),
                            n_invalid);
  else if (writes == 0 && self->new_notices > 0)
    hint = g_strdup_printf (ngettext ("Ready to add %u procurement notice to contracts already "
                                      "here. Nothing is written until you press Import.",
                                      "Ready to add %u procurement notices to contracts already "
                                      "here. Nothing is written until you press Import.",
                                      self->new_notices), self->new_notices);
  else if (writes == 0 && self->n_rows == self->n_checked)
    hint = g_strdup (_("Nothing to import: no row would create or update a contract."));
  else if (self->n_rows > self->n_checked)
    hint = g_strdup (_("Ready to import. Nothing is written until you press Import."));
  else
    hint = g_strdup_printf (ngettext ("Ready to import %s contract. Nothing is written until "
                                      "you press Import.",
                                      "Ready to import %s contracts. Nothing is written until "
                                      "you press Import.", writes), n_writes);
  if (self->n_rows > self->n_checked)
    {
      g_autofree char *read = partly_checked (self->n_checked, self->n_rows);
      g_autofree char *both = g_strdup_printf ("%s\n%s", read, hint);

      g_clear_pointer (&hint, g_free);
      hint = g_steal_pointer (&both);
    }
  adw_preferences_group_set_description (self->summary_group, hint);
}

/* ---- overrides -------------------------------------------------------- */

static void
cm_import_check_view_dispose (GObject *object)
{
  CmImportCheckView *self = CM_IMPORT_CHECK_VIEW (object);

  g_clear_pointer (&self->page, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_IMPORT_CHECK_VIEW);
  g_clear_pointer (&self->excluded, g_array_unref);
  g_clear_pointer (&self->report_rows, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);

  G_OBJECT_CLASS (cm_import_check_view_parent_class)->dispose (object);
}

/* The figures of the summary, each in its place in counts[] by the
 * status it counts. */
static void
bind_counts (GtkWidgetClass *widget_class)
{
  static const struct {
    CmImportRowStatus status;
    const char *id;
  } counts[] = {
    { CM_IMPORT_ROW_CREATE, "count_create" },
    { CM_IMPORT_ROW_UPDATE, "count_update" },
    { CM_IMPORT_ROW_UNCHANGED, "count_unchanged" },
    { CM_IMPORT_ROW_SKIP, "count_skip" },
    { CM_IMPORT_ROW_BLANK, "count_blank" },
    { CM_IMPORT_ROW_EXCLUDED, "count_excluded" },
    { CM_IMPORT_ROW_INVALID, "count_invalid" },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (counts) == CM_IMPORT_ROW_INVALID + 1);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    gtk_widget_class_bind_template_child_full (
      widget_class, counts[i].id, FALSE,
      G_STRUCT_OFFSET (CmImportCheckView, counts) + counts[i].status * sizeof (GtkWidget *));
}

static void
cm_import_check_view_class_init (CmImportCheckViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cm_import_check_view_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-import-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CmImportCheckView, page);
  gtk_widget_class_bind_template_child (widget_class, CmImportCheckView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, CmImportCheckView, duplicates);
  gtk_widget_class_bind_template_child (widget_class, CmImportCheckView, created);
  gtk_widget_class_bind_template_child (widget_class, CmImportCheckView, report_group);
  gtk_widget_class_bind_template_child (widget_class, CmImportCheckView, report);
  bind_counts (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, duplicates_chosen);
}

static void
cm_import_check_view_init (CmImportCheckView *self)
{
  self->excluded = g_array_new (FALSE, FALSE, sizeof (guint));
  self->report_rows = g_hash_table_new (NULL, NULL);
  self->problems = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API ------------------------------------------------------- */

GtkWidget *
cm_import_check_view_new (void)
{
  return g_object_new (CM_TYPE_IMPORT_CHECK_VIEW, NULL);
}

void
cm_import_check_view_set_plan (CmImportCheckView *self, CmImportPlan *plan, CmTable *table,
                               GArray *mapping)
{
  guint n_more;
  g_autoptr(GArray) rows = NULL;

  g_return_if_fail (CM_IS_IMPORT_CHECK_VIEW (self));

  rows = rows_to_report (plan, table, &n_more);
  show_summary (self, plan);
  show_created (self, plan);
  if (!same_rows (self, rows) || g_hash_table_size (self->report_rows) == 0)
    rebuild_report (self, table, mapping, rows, n_more);
  update_report (self, plan);
}

void
cm_import_check_view_set_new_notices (CmImportCheckView *self, guint n_notices)
{
  g_return_if_fail (CM_IS_IMPORT_CHECK_VIEW (self));

  self->new_notices = n_notices;
}

void
cm_import_check_view_set_rows_read (CmImportCheckView *self, guint n_checked, guint n_rows)
{
  g_return_if_fail (CM_IS_IMPORT_CHECK_VIEW (self));

  self->n_checked = n_checked;
  self->n_rows = n_rows;
}

void
cm_import_check_view_reset (CmImportCheckView *self)
{
  g_return_if_fail (CM_IS_IMPORT_CHECK_VIEW (self));

  self->new_notices = 0;
  self->n_checked = self->n_rows = 0;
  g_array_set_size (self->excluded, 0);
  g_hash_table_remove_all (self->problems);
  g_hash_table_remove_all (self->report_rows);
  clear_list (self->report);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->duplicates, CM_IMPORT_DUPLICATE_SKIP);
  self->updating = FALSE;
}

CmImportDuplicate
cm_import_check_view_get_duplicate (CmImportCheckView *self)
{
  g_return_val_if_fail (CM_IS_IMPORT_CHECK_VIEW (self), CM_IMPORT_DUPLICATE_SKIP);

  return adw_combo_row_get_selected (self->duplicates) == CM_IMPORT_DUPLICATE_UPDATE
         ? CM_IMPORT_DUPLICATE_UPDATE : CM_IMPORT_DUPLICATE_SKIP;
}

GArray *
cm_import_check_view_get_excluded (CmImportCheckView *self)
{
  g_return_val_if_fail (CM_IS_IMPORT_CHECK_VIEW (self), NULL);

  return self->excluded;
}

gboolean
cm_import_check_view_focus_report (CmImportCheckView *self)
{
  GtkListBoxRow *first;
  GtkWidget *check;

  g_return_val_if_fail (CM_IS_IMPORT_CHECK_VIEW (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->report, 0);
  check = first ? g_object_get_data (G_OBJECT (first), "check") : NULL;
  return check && gtk_widget_grab_focus (check);
}
