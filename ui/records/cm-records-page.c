/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-records-page.c: a searchable, sortable list of one kind of record */
#include <glib/gi18n.h>

#include "cm-add-contracts-dialog.h"
#include "cm-conflict-handle.h"
#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-contract-notices-editor.h"
#include "cm-contract-timeline.h"
#include "cm-date.h"
#include "cm-date-dialog.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-eia.h"
#include "cm-measure.h"
#include "cm-mnemonic-button.h"
#include "cm-percent-dialog.h"
#include "cm-query-model.h"
#include "cm-reduction.h"
#include "cm-scenario.h"
#include "cm-scenario-chart.h"
#include "cm-scenario-lines.h"
#include "cm-service.h"
#include "cm-term.h"
#include "cm-list-export.h"
#include "cm-list-rows.h"
#include "cm-record-editor.h"
#include "cm-records-page.h"
#include "cm-row-name.h"
#include "cm-status-page.h"
#include "cm-undo.h"

struct _CmRecordsPage
{
  GtkWidget parent_instance;

  CmStore *store;
  const CmRecordKind *kind;
  GDate today;

  /* From the template. */
  GtkSearchEntry *search;
  GtkWidget *add_button;
  GtkStack *list_stack;      /* "list", "empty" or "no-results" */
  AdwStatusPage *empty_page;
  GtkWidget *add_first_button;
  GtkColumnView *view;
  GtkWidget *open_button;    /* kinds with a page of their own */
  GtkPopover *more_popover;
  GtkWidget *contract_steps;
  GtkWidget *details_content;

  GtkSingleSelection *selection;
  CmQueryModel *model;       /* the records, read as their rows are shown */
  const CmRecordField *sorted_by; /* the column a sort comparison reached first */
  gint64 wanted_id;          /* selected when a search or sort began */
  AdwPreferencesGroup *details;
  GtkWidget *details_box;
  GList *detail_rows;
  GObject *shown;            /* the item the details show */
  AdwToast *last_toast;      /* weak: the page's newest message */
  GtkWidget *invoke_button;  /* contracts only */
  GtkWidget *service_button;   /* a contract's service, on its own page */
  GtkWidget *timeline;       /* contracts only: its periods and dates drawn */
  GtkWidget *set_all_button; /* reduction scenarios only */
  GtkWidget *edit_button;
  GtkWidget *more_button;    /* the menu that holds Delete */
  GtkWidget *children_box;   /* the record's own records: a reduction's lines */
};

G_DEFINE_FINAL_TYPE (CmRecordsPage, cm_records_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
kind_is (CmRecordsPage *self, GType type)
{
  return g_type_is_a (self->kind->get_type (), type);
}

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- cells ------------------------------------------------------------ */

static void
update_cell (GObject *item, GParamSpec *pspec, GtkLabel *label)
{
  const CmRecordField *field = g_object_get_data (G_OBJECT (label), "field");
  g_autofree char *text = cm_record_field_text (item, field);

  gtk_label_set_text (label, text);
  cm_row_name_item (g_object_get_data (G_OBJECT (label), "list-item"), text);
  if (g_object_get_data (G_OBJECT (label), "names-row"))
    cm_row_name_row (g_object_get_data (G_OBJECT (label), "list-item"), text);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CmRecordField *field)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), field->format == CM_FORMAT_MONEY ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (field->format == CM_FORMAT_MONEY || field->format == CM_FORMAT_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (label), "list-item", list_item);
  gtk_list_item_set_child (list_item, label);
}

/* The first column says which record a row is: the row reads as it. */
static void
setup_main_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "names-row",
                     GINT_TO_POINTER (TRUE));
}

/* Cells follow their record: an edit saved elsewhere shows at once. */
static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CmRecordField *field)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *signal = g_strconcat ("notify::", field->property, NULL);

  update_cell (item, NULL, GTK_LABEL (label));
  g_signal_connect_object (item, signal, G_CALLBACK (update_cell), label, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CmRecordField *field)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), update_cell,
                                        gtk_list_item_get_child (list_item));
}

/* The rows are sorted by the query that reads them, never by comparing
 * records: a column's sorter only says that it is the one chosen. The
 * column view's sorter asks its first column's sorter first and stops at
 * the first answer that is not "equal" (reversed when descending), so one
 * comparison of two stand-ins tells the column and its direction (GTK 4.8
 * has no call to ask). */
typedef struct {
  CmRecordsPage *self;
  const CmRecordField *field;
} ColumnKey;

static int
claim_sort (gconstpointer a, gconstpointer b, gpointer data)
{
  ColumnKey *key = data;

  if (key->self->sorted_by == NULL)
    key->self->sorted_by = key->field;
  return GTK_ORDERING_SMALLER;
}

static GtkSorter *
column_sorter (CmRecordsPage *self, const CmRecordField *field)
{
  ColumnKey *key = g_new0 (ColumnKey, 1);

  key->self = self;
  key->field = field;
  return GTK_SORTER (gtk_custom_sorter_new (claim_sort, key, g_free));
}

/* Starting widths, so that ellipsised labels do not squeeze every column
 * to a few letters; text columns take whatever room is left. */
static int
column_width (CmFormat format)
{
  switch (format)
    {
    case CM_FORMAT_TEXT:
      return 200;
    case CM_FORMAT_ENUM:
      return 150;
    case CM_FORMAT_DATE:
      return 130;
    case CM_FORMAT_MONEY:
      return 120;
    default:
      return 90;
    }
}

static void
add_columns (CmRecordsPage *self)
{
  gboolean first = TRUE;

  for (const CmRecordField *field = self->kind->fields; field->property; field++)
    {
      GtkListItemFactory *factory;
      GtkColumnViewColumn *column;
      g_autoptr(GtkSorter) sorter = NULL;

      if (!field->in_list)
        continue;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) field);
      if (first)
        g_signal_connect (factory, "setup", G_CALLBACK (setup_main_cell), NULL);
      first = FALSE;
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) field);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) field);
      column = gtk_column_view_column_new (_(field->title), factory);
      g_object_set_data (G_OBJECT (column), "field", (gpointer) field);
      sorter = column_sorter (self, field);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, field->format == CM_FORMAT_TEXT);
      gtk_column_view_column_set_fixed_width (column, column_width (field->format));
      gtk_column_view_append_column (self->view, column);
      g_object_unref (column);
    }
  cm_row_name_headings (self->view);
}

/* ---- search ----------------------------------------------------------- */

/* While a search is read, the rows it replaces stay: "No Results" only
 * once it has found none. */
static void
update_list_state (CmRecordsPage *self)
{
  const char *state = "list";

  if (cm_query_model_is_empty (self->model))
    state = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0 &&
           !cm_query_model_is_busy (self->model))
    state = "no-results";
  gtk_stack_set_visible_child_name (self->list_stack, state);
}

static void select_entity (CmRecordsPage *self, gint64 id);

/* The record chosen when the search or sort began stays chosen when the
 * new rows still hold it. */
static void
remember_selected (CmRecordsPage *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (!cm_query_model_is_busy (self->model))
    self->wanted_id = item ? cm_entity_get_id (CM_ENTITY (item)) : 0;
}

static void
query_finished (CmRecordsPage *self)
{
  update_list_state (self);
  if (!cm_query_model_is_busy (self->model) && self->wanted_id &&
      cm_query_model_find (self->model, self->wanted_id) != G_MAXUINT)
    select_entity (self, self->wanted_id);
}

/* The keystroke only starts the search: the rows come when it ends. */
static void
search_changed (CmRecordsPage *self)
{
  remember_selected (self);
  cm_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  query_finished (self);
}

static void
sort_changed (CmRecordsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->sorted_by = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  remember_selected (self);
  cm_query_model_set_sort (self->model, self->sorted_by ? self->sorted_by->property : NULL,
                           order == GTK_ORDERING_LARGER);
  query_finished (self);
}

/* ---- details ---------------------------------------------------------- */

static void show_details (CmRecordsPage *self);

static void
clear_details (CmRecordsPage *self)
{
  for (GList *l = self->detail_rows; l; l = l->next)
    adw_preferences_group_remove (self->details, l->data);
  g_clear_pointer (&self->detail_rows, g_list_free);
  if (self->shown)
    g_signal_handlers_disconnect_by_func (self->shown, show_details, self);
  g_clear_object (&self->shown);
}

static void
add_detail_row (CmRecordsPage *self, const char *title, const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names hold ampersands ("Mental Health & Wellbeing"): plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text && *text ? text : "—");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->details, row);
  self->detail_rows = g_list_append (self->detail_rows, row);
}

/* A scenario's chart of who it hits, above the words that follow it. */
static void
add_scenario_chart (CmRecordsPage *self, GObject *item)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *chart = cm_scenario_chart_new (self->store, cm_entity_get_id (CM_ENTITY (item)));

  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), chart);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Share of Income Each Provider Would Lose"));
  adw_preferences_group_add (self->details, row);
  self->detail_rows = g_list_append (self->detail_rows, row);
}

static void
show_computed_details (CmRecordsPage *self, GObject *item)
{
  g_autoptr(GArray) lines = self->kind->computed_details (self->store, item, &self->today);

  for (guint i = 0; i < lines->len; i++)
    {
      CmDetailLine *line = &g_array_index (lines, CmDetailLine, i);
      add_detail_row (self, line->title, line->text);
    }
}

/* Whether @contract has an extension left; else why not, in @why. */
static gboolean
extension_left (CmContract *contract, char **why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTerm) term = cm_contract_get_term (contract, &error);

  if (term == NULL)
    *why = g_strdup (error->message);
  else if (cm_term_count_invoked (term) >= term->extensions->len)
    *why = g_strdup (term->extensions->len == 0
                     ? _("The term has no extensions to invoke.")
                     : _("Every extension of the term has been invoked."));
  else
    return TRUE;
  return FALSE;
}

/* A contract leads to its service's page: "Service: Carers breaks". */
static void
update_service_button (CmRecordsPage *self, GObject *item)
{
  CmEntity *service = item ? cm_store_find (self->store, CM_TYPE_SERVICE,
                                            cm_contract_get_service_id (CM_CONTRACT (item)))
                           : NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->service_button, service != NULL);
  if (service == NULL)
    return;
  label = g_strdup_printf (_("Service: %s"), cm_service_get_name (CM_SERVICE (service)));
  gtk_button_set_label (GTK_BUTTON (self->service_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->service_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
service_clicked (CmRecordsPage *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  CmEntity *service = CM_IS_CONTRACT (item)
                      ? cm_store_find (self->store, CM_TYPE_SERVICE,
                                       cm_contract_get_service_id (CM_CONTRACT (item)))
                      : NULL;

  if (service)
    g_signal_emit (self, signals[OPEN_RECORD], 0, service);
}

static void
update_contract_actions (CmRecordsPage *self, GObject *item)
{
  g_autofree char *why = NULL;
  gboolean left = item && extension_left (CM_CONTRACT (item), &why);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.invoke-extension", left);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.record-notice", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.record-procurement-notice",
                                 item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.add-variation", item != NULL);
  gtk_widget_set_tooltip_text (self->invoke_button,
                               left ? _("Take the next extension of the term") : why);
  update_service_button (self, item);
}

static void
update_scenario_actions (CmRecordsPage *self, GObject *item)
{
  int lines = 0;

  if (item)
    g_object_get (item, "line-count", &lines, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.add-contracts", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.set-all-lines", lines > 0);
  gtk_widget_set_tooltip_text (self->set_all_button,
                               lines > 0 ? _("Cut every contract in the scenario by the same "
                                             "percentage")
                                         : _("The scenario has no lines yet. Add its "
                                             "contracts first."));
}

/* ---- the record's own records ----------------------------------------- */

/* Records that belong to one record live on its details, not in a list of
 * their own: a reduction's lines, a measure's values, a contract's
 * notices and variations. */
typedef struct {
  GType (*parent_type) (void);
  const char *kind_name;        /* one of cm_record_kinds () */
  const char *parent_property;  /* the child's reference to its parent */
  const char *add_label;        /* mnemonic */
  const char *add_action;       /* NULL: the editor, with the parent filled in */
} ChildSection;

static const ChildSection child_sections[] = {
  { cm_scenario_get_type, "reduction-lines", "scenario-id", N_("Add _Contracts…"),
    "records.add-contracts" },
  { cm_measure_get_type, "measure-values", "measure-id", N_("Add _Value…"), NULL },
  { cm_contract_get_type, "procurement-notices", "contract-id",
    N_("Record _Procurement Notice…"), "records.record-procurement-notice" },
  { cm_contract_get_type, "variations", "contract-id", N_("Add _Variation…"),
    "records.add-variation" },
};

static const CmRecordKind *
kind_named (const char *name)
{
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (kinds[i].name, name))
      return &kinds[i];
  return NULL;
}

static void
open_editor_of_kind (CmRecordsPage *self, const CmRecordKind *kind, CmEntity *entity)
{
  GtkWidget *editor = cm_record_editor_new (self->store, kind, entity);

  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
child_activated (AdwActionRow *row, CmRecordsPage *self)
{
  open_editor_of_kind (self, g_object_get_data (G_OBJECT (row), "kind"),
                       g_object_get_data (G_OBJECT (row), "child"));
}

/* A new child, its parent already chosen. */
static void
add_child_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  const ChildSection *section = &child_sections[g_variant_get_int32 (param)];
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  const CmRecordKind *kind = kind_named (section->kind_name);
  g_autoptr(CmEntity) draft = NULL;

  if (item == NULL || kind == NULL)
    return;
  draft = g_object_new (kind->get_type (), section->parent_property,
                        cm_entity_get_id (CM_ENTITY (item)), NULL);
  open_editor_of_kind (self, kind, draft);
}

static void ask_to_delete (CmRecordsPage *self, GObject *item);

static void
delete_child_clicked (GtkButton *button, CmRecordsPage *self)
{
  g_autoptr(GObject) child = g_object_ref (g_object_get_data (G_OBJECT (button), "child"));

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                             GTK_TYPE_POPOVER)));
  ask_to_delete (self, child);
}

/* A child's own "⋮" menu, with its Delete…, which asks first. */
static GtkWidget *
child_menu (CmRecordsPage *self, GObject *child)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *delete = cm_mnemonic_button_new (_("_Delete…"), NULL);

  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data_full (G_OBJECT (delete), "child", g_object_ref (child), g_object_unref);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_child_clicked), self);
  gtk_popover_set_child (GTK_POPOVER (popover), delete);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More Actions"), -1);
  return button;
}

/* "Reduction (%): 15 · …": what the child's list columns say, less the
 * parent's name, which the page already shows. */
static GtkWidget *
child_row (const CmRecordKind *kind, const ChildSection *section, GObject *child)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *prefix = g_strndup (section->parent_property,
                                       strlen (section->parent_property) - strlen ("-id"));
  g_autofree char *title = NULL;

  for (const CmRecordField *field = kind->fields; field->property; field++)
    {
      g_autofree char *text = NULL;

      if (!field->in_list || g_str_has_prefix (field->property, prefix))
        continue;
      text = cm_record_field_text (child, field);
      if (title == NULL)
        title = g_steal_pointer (&text);
      else
        g_string_append_printf (subtitle, "%s%s: %s", subtitle->len ? " · " : "",
                                _(field->title), text && *text ? text : "—");
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title && *title ? title : "—", -1);
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) kind);
  g_object_set_data_full (G_OBJECT (row), "child", g_object_ref (child), g_object_unref);
  return row;
}

static GtkWidget *
child_group (CmRecordsPage *self, const ChildSection *section, gint64 parent_id)
{
  const CmRecordKind *kind = kind_named (section->kind_name);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = cm_mnemonic_button_new (_(section->add_label), section->add_action);
  g_autoptr(GListModel) children = cm_store_list_where_id (self->store, kind->get_type (),
                                                          section->parent_property, parent_id);
  guint n = g_list_model_get_n_items (children);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(kind->title));
  if (section->add_action == NULL)
    {
      g_autofree char *detailed = g_strdup_printf ("records.add-child(%d)",
                                                   (int) (section - child_sections));

      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (add), detailed);
    }
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);
      GtkWidget *row = child_row (kind, section, child);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), child_menu (self, child));
      g_signal_connect (row, "activated", G_CALLBACK (child_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (n == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("None recorded yet."));
  return group;
}

static void
show_children (CmRecordsPage *self, GObject *item)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->children_box)))
    gtk_box_remove (GTK_BOX (self->children_box), child);
  if (item == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (child_sections); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (item, child_sections[i].parent_type ()) &&
        kind_named (child_sections[i].kind_name))
      gtk_box_append (GTK_BOX (self->children_box),
                      child_group (self, &child_sections[i], cm_entity_get_id (CM_ENTITY (item))));
}

/* A signed-off EIA is a record of a decision: it is neither edited nor
 * deleted. */
static gboolean
is_read_only (GObject *item)
{
  return CM_IS_EIA (item) && cm_eia_get_signed (CM_EIA (item));
}

/* A record with no words for itself (an EIA, a decommission) is named
 * after its service rather than its number. */
static char *
details_title (GObject *item)
{
  g_autofree char *described = cm_entity_describe (CM_ENTITY (item));
  g_autofree char *service = NULL;

  if (described[0] == '#' &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (item), "service-name"))
    g_object_get (item, "service-name", &service, NULL);
  return service && *service ? g_steal_pointer (&service) : g_steal_pointer (&described);
}

static void
show_details (CmRecordsPage *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;

  clear_details (self);
  gtk_widget_set_visible (self->details_box, item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.edit",
                                 item != NULL && !is_read_only (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.delete",
                                 item != NULL && !is_read_only (item));
  gtk_widget_set_visible (self->more_button, item != NULL && !is_read_only (item));
  gtk_widget_set_tooltip_text (self->edit_button,
                               item && is_read_only (item)
                               ? _("A signed-off EIA records the decision as it was made, so "
                                   "it can no longer be edited or deleted.")
                               : NULL);
  show_children (self, item);
  if (self->timeline)
    cm_contract_timeline_set_contract (CM_CONTRACT_TIMELINE (self->timeline),
                                       item ? CM_CONTRACT (item) : NULL);
  if (kind_is (self, CM_TYPE_CONTRACT))
    update_contract_actions (self, item);
  if (kind_is (self, CM_TYPE_SCENARIO))
    update_scenario_actions (self, item);
  if (item == NULL)
    return;

  self->shown = g_object_ref (item);
  g_signal_connect_swapped (item, "notify", G_CALLBACK (show_details), self);
  title = details_title (item);
  adw_preferences_group_set_title (self->details, title);
  if (CM_IS_SCENARIO (item))
    add_scenario_chart (self, item);
  /* What follows from the record (its key dates) matters most: first. */
  if (self->kind->computed_details)
    show_computed_details (self, item);
  for (const CmRecordField *field = self->kind->fields; field->property; field++)
    {
      g_autofree char *text = NULL;

      if (field->format == CM_FORMAT_REFERENCE || field->format == CM_FORMAT_AS_WRITTEN)
        continue;
      text = cm_record_field_text (item, field);
      add_detail_row (self, _(field->title), text);
    }
}

/* ---- actions ---------------------------------------------------------- */

/* Each new message replaces the page's last one at once, so Undo is never
 * queued behind "Saved". (A high-priority toast would do it too, but
 * libadwaita 1.2 fails when the toast it set aside comes back.) */
/* A dismissed toast must never be dismissed again (libadwaita 1.2 does
 * not expect it), so the page forgets it as soon as it goes. */
static void
forget_toast (AdwToast *gone, CmRecordsPage *self)
{
  if (self->last_toast == gone)
    g_clear_weak_pointer (&self->last_toast);
}

static void
toast (CmRecordsPage *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }
  if (self->last_toast)
    adw_toast_dismiss (self->last_toast);
  g_set_weak_pointer (&self->last_toast, toast);
  if (adw_toast_get_button_label (toast))
    cm_undo_offer (GTK_WIDGET (self), self->store, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (forget_toast), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* "list.scroll-to-item" belongs to the list inside the column view, which
 * an action activated on the column view itself does not reach. */
static void
scroll_to (CmRecordsPage *self, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
select_entity (CmRecordsPage *self, gint64 id)
{
  guint position = cm_query_model_find (self->model, id);

  if (position == G_MAXUINT)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
}

static void
editor_saved (CmRecordsPage *self, CmEntity *entity)
{
  g_autofree char *what = cm_entity_describe (entity);
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), what);

  update_list_state (self);
  select_entity (self, cm_entity_get_id (entity));
  toast (self, adw_toast_new (message));
}

static void
open_editor (CmRecordsPage *self, CmEntity *entity)
{
  GtkWidget *editor = cm_record_editor_new (self->store, self->kind, entity);

  g_signal_connect_swapped (editor, "saved", G_CALLBACK (editor_saved), self);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  open_editor (CM_RECORDS_PAGE (widget), NULL);
}

static void
edit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (item)
    open_editor (self, CM_ENTITY (item));
}

/* Undo, from the toast's button while the toast is shown. */
static void
undo_delete (AdwToast *undo_toast, CmRecordsPage *self)
{
  g_autoptr(CmEntity) deleted = g_object_steal_data (G_OBJECT (undo_toast), "deleted");
  g_autoptr(GError) error = NULL;

  if (deleted == NULL)
    return;
  if (!cm_store_restore (self->store, deleted, &error))
    toast (self, adw_toast_new (error->message));
  else
    {
      update_list_state (self);
      select_entity (self, cm_entity_get_id (deleted));
    }
}

static void ask_to_delete (CmRecordsPage *self, GObject *item);

/* Try Again, after a colleague's change: asked again, about the same
 * record as it now stands, whichever is selected by then. */
static void
delete_again (GtkWidget *widget, gpointer data)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  /* Read on its own: the page's list reads only the rows it shows. */
  g_autoptr(CmEntity) item = cm_store_load (self->store, self->kind->get_type (),
                                            *(gint64 *) data, NULL);

  /* Gone meanwhile, it is no longer in the list either. */
  if (item && !is_read_only (G_OBJECT (item)))
    ask_to_delete (self, G_OBJECT (item));
}

/* Deletes once the user confirms, and offers Undo (and Ctrl+Z), which
 * puts the record back under its old id; both steps are in the audit
 * trail. */
static void
delete_confirmed (AdwMessageDialog *dialog, const char *response, CmRecordsPage *self)
{
  GObject *item = g_object_get_data (G_OBJECT (dialog), "item");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmEntity) copy = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  AdwToast *undo_toast;

  if (!g_str_equal (response, "delete") || item == NULL)
    return;
  copy = cm_entity_copy (CM_ENTITY (item));
  what = cm_entity_describe (CM_ENTITY (item));
  if (!cm_store_delete (self->store, CM_ENTITY (item), &error))
    {
      AdwToast *failed;

      gint64 *id = g_new (gint64, 1);

      *id = cm_entity_get_id (CM_ENTITY (item));
      if (cm_conflict_handle_action (GTK_WIDGET (self), self->store, error, delete_again, id,
                                     g_free))
        return;
      g_free (id);
      failed = adw_toast_new (error->message);
      adw_toast_set_timeout (failed, 0);
      toast (self, failed);
      return;
    }
  update_list_state (self);
  message = g_strdup_printf (_("Deleted “%s”"), what);
  undo_toast = adw_toast_new (message);
  /* Long enough to notice the mistake and reach the button. */
  adw_toast_set_timeout (undo_toast, 10);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo_toast), "deleted", g_steal_pointer (&copy),
                          g_object_unref);
  /* The toast can outlive the page (another portfolio opened meanwhile). */
  g_signal_connect_object (undo_toast, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  toast (self, undo_toast);
  /* The details and their Delete button may be gone: keep the keyboard in
   * the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
ask_to_delete (CmRecordsPage *self, GObject *item)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *what = cm_entity_describe (CM_ENTITY (item));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (_("Delete “%s”?"), what);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The deletion is recorded in the audit trail. Undo it with "
                                     "the Undo button in the message that follows, or with "
                                     "Ctrl+Z."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Deletes only the record the user was asked about. */
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (item && !is_read_only (item))
    ask_to_delete (self, item);
}

/* What a one-step change says once saved, from the record as saved. */
typedef char *(*InlineMessage) (CmRecordsPage *self, CmEntity *saved);

/* Undo of a one-step change: the record as it was, saved back through
 * the store, so the undoing is audited too. */
static void save_inline (CmRecordsPage *self, CmEntity *before, CmEntity *draft,
                         InlineMessage message);

static void
undo_change (AdwToast *undo_toast, CmRecordsPage *self)
{
  g_autoptr(CmEntity) before = g_object_steal_data (G_OBJECT (undo_toast), "before");
  g_autoptr(CmEntity) after = g_object_steal_data (G_OBJECT (undo_toast), "after");
  g_autoptr(CmEntity) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (before == NULL || after == NULL)
    return;
  /* The snapshot would wipe out any change made since, so the record must
   * still be exactly what the action saved. */
  stored = cm_store_load (self->store, G_OBJECT_TYPE (after), cm_entity_get_id (after), &error);
  if (stored && cm_entity_first_change (after, stored, NULL) != NULL)
    {
      g_autofree char *what = cm_entity_describe (stored);
      g_autofree char *message =
        g_strdup_printf (_("Nothing was undone: “%s” has changed since. Edit it to put back "
                           "what you need."), what);

      toast (self, adw_toast_new (message));
      return;
    }
  if (stored == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  /* Written over the version the action left, which the store checks
   * again as it writes. */
  cm_entity_set_version (before, cm_entity_get_version (after));
  save_inline (self, after, before, NULL);
}

/* @after is the record as the action saved it, which Undo checks for. */
static void
toast_with_undo (CmRecordsPage *self, const char *message, CmEntity *before, CmEntity *after)
{
  AdwToast *undo_toast = adw_toast_new (message);

  adw_toast_set_timeout (undo_toast, 10);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo_toast), "before", g_object_ref (before), g_object_unref);
  g_object_set_data_full (G_OBJECT (undo_toast), "after", cm_entity_copy (after), g_object_unref);
  g_signal_connect_object (undo_toast, "button-clicked", G_CALLBACK (undo_change), self, 0);
  toast (self, undo_toast);
}

/* A one-step change waiting on the user's choice about a colleague's. */
typedef struct {
  CmEntity *before;
  CmEntity *draft;
  InlineMessage message;
} InlineChange;

static void
inline_change_free (InlineChange *change)
{
  g_object_unref (change->before);
  g_object_unref (change->draft);
  g_free (change);
}

/* Says what the change did, with an Undo back to @before. */
static void
inline_saved (CmRecordsPage *self, CmEntity *before, CmEntity *saved, InlineMessage message)
{
  g_autofree char *text = NULL;

  if (message == NULL)
    return;
  text = message (self, saved);
  toast_with_undo (self, text, before, saved);
}

static void
inline_conflict_settled (GtkWidget *widget, CmConflictOutcome outcome, CmEntity *record,
                         const GError *error, gpointer data)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  InlineChange *change = data;

  if (outcome == CM_CONFLICT_SAVED)
    {
      /* Undo takes back the user's change only, not the colleague's. */
      g_autoptr(CmEntity) theirs = cm_conflict_taken_back (record, change->before,
                                                           change->draft);

      inline_saved (self, theirs, record, change->message);
    }
  else if (outcome == CM_CONFLICT_FAILED)
    toast (self, adw_toast_new (error->message));
  inline_change_free (change);
}

/* Saves @draft, a change of @before made here, and says so with @message
 * (NULL: nothing to say) and an Undo, at once or once Apply Mine saved it
 * over a colleague's change; otherwise tells the user why not. */
static void
save_inline (CmRecordsPage *self, CmEntity *before, CmEntity *draft, InlineMessage message)
{
  g_autoptr(GError) error = NULL;
  InlineChange *change;

  if (cm_store_save (self->store, draft, &error))
    {
      inline_saved (self, before, draft, message);
      return;
    }
  change = g_new0 (InlineChange, 1);
  change->before = g_object_ref (before);
  change->draft = g_object_ref (draft);
  change->message = message;
  if (cm_conflict_handle (GTK_WIDGET (self), self->store, before, draft, error, cm_store_save,
                          inline_conflict_settled, change))
    return;
  inline_change_free (change);
  toast (self, adw_toast_new (error->message));
}

static char *
extension_message (CmRecordsPage *self, CmEntity *saved)
{
  return g_strdup_printf (_("Extension %d of %s invoked"),
                          cm_contract_get_extensions_invoked (CM_CONTRACT (saved)),
                          cm_contract_get_reference (CM_CONTRACT (saved)));
}

static void
invoke_extension_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(CmEntity) before = NULL;
  g_autoptr(CmEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (!CM_IS_CONTRACT (item))
    return;
  before = cm_entity_copy (CM_ENTITY (item));
  draft = cm_entity_copy (CM_ENTITY (item));
  if (cm_contract_invoke_extension (CM_CONTRACT (draft), &error))
    save_inline (self, before, draft, extension_message);
  else
    toast (self, adw_toast_new (error->message));
}

/* Says whether notice served on @served met the latest day to serve it. */
static char *
notice_verdict (CmRecordsPage *self, CmContract *contract, const GDate *served)
{
  CmDeadlineSettings settings;
  CmContractDates dates;
  g_autofree char *day = cm_date_to_long (served);
  g_autofree char *latest = NULL;

  cm_deadline_settings_load (self->store, &settings);
  if (!cm_contract_compute_dates (contract, &self->today, &settings, &dates))
    return g_strdup_printf (_("Notice on %s recorded as served %s; enter its end date, or its "
                              "start date and term, to see whether it was in time."),
                            cm_contract_get_reference (contract), day);
  if (!g_date_valid (&dates.latest_notice))
    return g_strdup_printf (_("Notice on %s recorded as served %s; enter its notice period to "
                              "see whether it was in time."),
                            cm_contract_get_reference (contract), day);
  latest = cm_date_to_long (&dates.latest_notice);
  if (g_date_compare (served, &dates.latest_notice) <= 0)
    return g_strdup_printf (_("Notice on %s served %s: in time, by the latest day %s."),
                            cm_contract_get_reference (contract), day, latest);
  return g_strdup_printf (_("Notice on %s served %s: late, after the latest day %s. "
                            "The notice is breached."),
                          cm_contract_get_reference (contract), day, latest);
}

static char *
notice_message (CmRecordsPage *self, CmEntity *saved)
{
  GDate served;

  cm_date_parse_iso (cm_contract_get_notice_served (CM_CONTRACT (saved)), &served);
  return notice_verdict (self, CM_CONTRACT (saved), &served);
}

static void
notice_date_chosen (const GDate *served, gpointer data)
{
  g_autoptr(CmRecordsPage) self = data;
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(CmEntity) before = NULL;
  g_autoptr(CmEntity) draft = NULL;

  if (served == NULL || !CM_IS_CONTRACT (item))
    return;
  before = cm_entity_copy (CM_ENTITY (item));
  draft = cm_entity_copy (CM_ENTITY (item));
  cm_contract_record_notice_served (CM_CONTRACT (draft), served);
  save_inline (self, before, draft, notice_message);
}

/* A contract's procurement notice or variation, in an editor of its own kind. */
static void
open_contract_editor (CmRecordsPage *self, gboolean variation)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *editor;

  if (!CM_IS_CONTRACT (item))
    return;
  editor = variation
             ? cm_contract_variation_editor_new (self->store, CM_CONTRACT (item), &self->today)
             : cm_contract_notices_editor_new (self->store, CM_CONTRACT (item), &self->today);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
record_procurement_notice_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  open_contract_editor (CM_RECORDS_PAGE (widget), FALSE);
}

static void
add_variation_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  open_contract_editor (CM_RECORDS_PAGE (widget), TRUE);
}

static void
record_notice_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *body = NULL;

  if (!CM_IS_CONTRACT (item))
    return;
  body = g_strdup_printf (_("On which day was notice served on %s, “%s”?"),
                          cm_contract_get_reference (CM_CONTRACT (item)),
                          cm_contract_get_title (CM_CONTRACT (item)));
  cm_date_dialog_ask (widget, _("Record Notice Served"), body, _("Date notice was served"),
                      _("_Record Notice"), &self->today, notice_date_chosen,
                      g_object_ref (self));
}

/* ---- reduction scenarios ---------------------------------------------- */

/* The scenario a dialog was asked about, as it may be deselected meanwhile. */
typedef struct {
  CmRecordsPage *self;
  gint64 scenario_id;
} ScenarioAsk;

static ScenarioAsk *
scenario_ask_new (CmRecordsPage *self, GObject *scenario)
{
  ScenarioAsk *ask = g_new0 (ScenarioAsk, 1);

  ask->self = g_object_ref (self);
  ask->scenario_id = cm_entity_get_id (CM_ENTITY (scenario));
  return ask;
}

static void
scenario_ask_free (ScenarioAsk *ask)
{
  g_object_unref (ask->self);
  g_free (ask);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScenarioAsk, scenario_ask_free)

static char *
scenario_name (CmRecordsPage *self, gint64 id)
{
  CmEntity *scenario = cm_store_find (self->store, CM_TYPE_SCENARIO, id);

  return scenario ? cm_entity_describe (scenario) : g_strdup ("");
}

/* The percentage to offer first: the scenario's own when it has one. */
static double
scenario_percent (CmRecordsPage *self, GObject *scenario)
{
  g_autoptr(CmReduction) reduction =
    cm_reduction_of_scenario (self->store, cm_entity_get_id (CM_ENTITY (scenario)));

  return reduction->blanket || reduction->n_contracts == 1 ? reduction->blanket_percent : 10;
}

/* Undo of a change to many lines at once: one transaction again, so the
 * trail shows the undoing too. */
static void
undo_lines (AdwToast *undo_toast, CmRecordsPage *self)
{
  g_autoptr(GPtrArray) added = g_object_steal_data (G_OBJECT (undo_toast), "added");
  g_autoptr(GPtrArray) before = g_object_steal_data (G_OBJECT (undo_toast), "before-lines");
  g_autoptr(GError) error = NULL;

  if ((added && !cm_scenario_remove_lines (self->store, added, &error)) ||
      (before && !cm_scenario_restore_lines (self->store, before, &error)))
    toast (self, adw_toast_new (error->message));
}

static void
toast_with_undo_lines (CmRecordsPage *self, const char *message, const char *key,
                       GPtrArray *lines)
{
  AdwToast *undo_toast = adw_toast_new (message);

  adw_toast_set_timeout (undo_toast, 10);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo_toast), key, g_ptr_array_ref (lines),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (undo_toast, "button-clicked", G_CALLBACK (undo_lines), self, 0);
  toast (self, undo_toast);
}

static void
contracts_chosen (GArray *contract_ids, double percent, const char *chosen, gpointer data)
{
  g_autoptr(ScenarioAsk) ask = data;
  CmRecordsPage *self = ask->self;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (contract_ids == NULL)
    return;
  added = cm_scenario_add_contracts (self->store, ask->scenario_id, contract_ids, percent,
                                     &error);
  if (added == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  name = scenario_name (self, ask->scenario_id);
  if (added->len == 0)
    {
      message = g_strdup_printf (_("Every contract of “%s” was in “%s” already"), chosen, name);
      toast (self, adw_toast_new (message));
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Added %u contract of “%s” to “%s” at %g%%",
                                          "Added %u contracts of “%s” to “%s” at %g%%",
                                          added->len),
                             added->len, chosen, name, percent);
  toast_with_undo_lines (self, message, "added", added);
}

static void
add_contracts_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (!CM_IS_SCENARIO (item))
    return;
  cm_add_contracts_dialog_ask (widget, self->store, CM_ENTITY (item),
                               scenario_percent (self, item), contracts_chosen,
                               scenario_ask_new (self, item));
}

static void
percent_chosen (double percent, gpointer data)
{
  g_autoptr(ScenarioAsk) ask = data;
  CmRecordsPage *self = ask->self;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (percent < 0)
    return;
  before = cm_scenario_set_all_percent (self->store, ask->scenario_id, percent, &error);
  if (before == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  name = scenario_name (self, ask->scenario_id);
  if (before->len == 0)
    {
      message = g_strdup_printf (_("Every line of “%s” was at %g%% already"), name, percent);
      toast (self, adw_toast_new (message));
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Every line of “%s” is now at %g%% (%u changed)",
                                          "Every line of “%s” is now at %g%% (%u changed)",
                                          before->len),
                             name, percent, before->len);
  toast_with_undo_lines (self, message, "before-lines", before);
}

static void
set_all_lines_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  int lines = 0;

  if (!CM_IS_SCENARIO (item))
    return;
  g_object_get (item, "line-count", &lines, NULL);
  name = cm_entity_describe (CM_ENTITY (item));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %d line of “%s” will be cut by this percentage.",
                                       "All %d lines of “%s” will be cut by this percentage. "
                                       "The same cut for every contract is a blanket "
                                       "reduction, which falls unequally on providers.",
                                       lines),
                          lines, name);
  cm_percent_dialog_ask (widget, _("Set All Lines"), body, _("_Reduction (%)"),
                         _("_Set All Lines"), scenario_percent (self, item), percent_chosen,
                         scenario_ask_new (self, item));
}

static void
open_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (item && self->kind->open_label)
    g_signal_emit (self, signals[OPEN_RECORD], 0, item);
}

/* Enter opens a record's own page where it has one, else its editor. */
static void
row_activated (CmRecordsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self),
                              self->kind->open_label ? "records.open" : "records.edit", NULL);
}

/* ---- exporting the list ----------------------------------------------- */

/* The fields of the columns the list shows, in their order on screen. */
static GPtrArray *
visible_fields (CmRecordsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_ptr_array_add (fields, g_object_get_data (G_OBJECT (column), "field"));
    }
  return fields;
}

/* Exactly what the list shows: the rows the search leaves, sorted as shown. */
static void
export_list_chosen (GtkNativeDialog *chooser, int response, CmRecordsPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) titles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || path == NULL)
    return;
  fields = visible_fields (self);
  titles = cm_list_rows_titles (fields);
  rows = cm_list_rows_texts (G_LIST_MODEL (self->selection), fields);
  name = g_filename_display_basename (path);
  if (cm_store_refuse_own_file (self->store, path, &error) &&
      cm_list_export_write (path, _(self->kind->title), (const char * const *) titles, rows,
                            &error))
    message = g_strdup_printf (ngettext ("Exported %u row to “%s”", "Exported %u rows to “%s”",
                                         rows->len), rows->len, name);
  toast (self, adw_toast_new (message ? message : error->message));
}

static void
export_list_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (widget);
  GtkNativeDialog *chooser = GTK_NATIVE_DIALOG (
    gtk_file_chooser_native_new (_("Export This List"),
                                 GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel")));
  g_autofree char *suggested = g_strdup_printf ("%s.xlsx", _(self->kind->title));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (chooser, TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_list_chosen), self);
  gtk_native_dialog_show (chooser);
}

/* ---- construction ----------------------------------------------------- */

static void
more_popover_popdown (CmRecordsPage *self)
{
  gtk_popover_popdown (self->more_popover);
}

/* Names the template's parts after the kind. */
static void
name_parts (CmRecordsPage *self)
{
  const char *placeholder = _(self->kind->words.search);
  const char *add_label = _(self->kind->words.add);
  const char *add_first = _(self->kind->add_first_label);
  g_autoptr(GString) add_first_plain = g_string_new (add_first);

  g_object_set (self->search, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(self->kind->title), -1);
  adw_status_page_set_icon_name (self->empty_page, self->kind->icon_name);
  adw_status_page_set_title (self->empty_page, _(self->kind->empty_title));
  adw_status_page_set_description (self->empty_page, _(self->kind->empty_description));
  /* The access key's underline is not read out. */
  g_string_replace (add_first_plain, "_", "", 1);
  gtk_button_set_label (GTK_BUTTON (self->add_first_button), add_first);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_first_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_first_plain->str, -1);
}

/* The actions only some kinds have: a page of their own to open, a
 * contract's steps and drawn term, a scenario's lines set at once. */
static void
show_kind_actions (CmRecordsPage *self)
{
  if (self->kind->open_label)
    {
      g_autoptr(GString) plain = g_string_new (_(self->kind->open_label));

      g_string_replace (plain, "_", "", 1);
      gtk_button_set_label (GTK_BUTTON (self->open_button), _(self->kind->open_label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str, -1);
      gtk_widget_set_visible (self->open_button, TRUE);
    }
  gtk_widget_set_visible (self->contract_steps, kind_is (self, CM_TYPE_CONTRACT));
  gtk_widget_set_visible (self->set_all_button, kind_is (self, CM_TYPE_SCENARIO));
  if (kind_is (self, CM_TYPE_CONTRACT))
    {
      self->timeline = cm_contract_timeline_new (self->store, &self->today);
      gtk_box_prepend (GTK_BOX (self->details_content), self->timeline);
    }
}

static void
bind_model (CmRecordsPage *self)
{
  self->model = cm_query_model_new (self->store, self->kind->get_type ());
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (show_details), self);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_list_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::busy", G_CALLBACK (query_finished), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (sort_changed), self, G_CONNECT_SWAPPED);
}

static void
cm_records_page_constructed (GObject *object)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (object);

  G_OBJECT_CLASS (cm_records_page_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL && self->kind != NULL);
  name_parts (self);
  show_kind_actions (self);
  add_columns (self);
  bind_model (self);
  /* Computed details (a contract's dates) also follow the portfolio's rules. */
  if (self->kind->computed_details)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (show_details), self,
                             G_CONNECT_SWAPPED);
  update_list_state (self);
  show_details (self);
}

static void
cm_records_page_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (object);
  const GDate *today;

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_KIND:
      self->kind = g_value_get_pointer (value);
      break;
    case PROP_TODAY:
      today = g_value_get_boxed (value);
      if (today)
        self->today = *today;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_records_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_pointer (value, (gpointer) self->kind);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, &self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_records_page_dispose (GObject *object)
{
  CmRecordsPage *self = CM_RECORDS_PAGE (object);
  GtkWidget *child;

  clear_details (self);
  /* The store can outlive the page (a settings window closed): no more
   * changes reach it. */
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* Columns going with the view may change its sorter: no sort follows. */
  if (self->view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
  g_clear_weak_pointer (&self->last_toast);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_records_page_parent_class)->dispose (object);
}

static void
cm_records_page_class_init (CmRecordsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = cm_records_page_set_property;
  object_class->get_property = cm_records_page_get_property;
  object_class->constructed = cm_records_page_constructed;
  object_class->dispose = cm_records_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The CmRecordKind listed: one of cm_record_kinds (). */
  properties[PROP_KIND] =
    g_param_spec_pointer ("kind", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The day dates are reckoned from; tests fix it. */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record's own page was asked for; the window shows it. */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, CM_TYPE_ENTITY);

  gtk_widget_class_install_action (widget_class, "records.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "records.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "records.export-list", NULL,
                                   export_list_activated);
  gtk_widget_class_install_action (widget_class, "records.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "records.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "records.invoke-extension", NULL,
                                   invoke_extension_activated);
  gtk_widget_class_install_action (widget_class, "records.record-notice", NULL,
                                   record_notice_activated);
  gtk_widget_class_install_action (widget_class, "records.record-procurement-notice", NULL,
                                   record_procurement_notice_activated);
  gtk_widget_class_install_action (widget_class, "records.add-variation", NULL,
                                   add_variation_activated);
  gtk_widget_class_install_action (widget_class, "records.add-child", "i", add_child_activated);
  gtk_widget_class_install_action (widget_class, "records.add-contracts", NULL,
                                   add_contracts_activated);
  gtk_widget_class_install_action (widget_class, "records.set-all-lines", NULL,
                                   set_all_lines_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "records.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "records.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "records.delete", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, search);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, add_first_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, view);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, more_popover);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, contract_steps);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, invoke_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, set_all_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, details_content);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, details);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, service_button);
  gtk_widget_class_bind_template_child (widget_class, CmRecordsPage, children_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, more_popover_popdown);
  gtk_widget_class_bind_template_callback (widget_class, service_clicked);
}

static void
cm_records_page_init (CmRecordsPage *self)
{
  g_date_clear (&self->today, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

CmRecordsPage *
cm_records_page_new (CmStore *store, const CmRecordKind *kind, const GDate *today)
{
  return g_object_new (CM_TYPE_RECORDS_PAGE, "store", store, "kind", kind, "today", today,
                       NULL);
}

const CmRecordKind *
cm_records_page_get_kind (CmRecordsPage *self)
{
  return self->kind;
}

/* Shows one record, clearing a search that would hide it. */
/* A page just shown has no size yet to scroll in: once it is laid out,
 * the chosen row is brought into view. */
static gboolean
scroll_to_selected (gpointer data)
{
  CmRecordsPage *self = data;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
  return G_SOURCE_REMOVE;
}

void
cm_records_page_show_entity (CmRecordsPage *self, gint64 id)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  select_entity (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_selected, g_object_ref (self), g_object_unref);
}

void
cm_records_page_focus_search (CmRecordsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}
