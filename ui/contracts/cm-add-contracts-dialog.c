/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-add-contracts-dialog.c: chooses a provider's or a service's contracts
 * and one percentage for a reduction scenario */
#include <glib/gi18n.h>

#include "cm-money.h"
#include "cm-page-parts.h"
#include "cm-percent-dialog.h"
#include "cm-provider.h"
#include "cm-scenario-lines.h"
#include "cm-service.h"
#include "cm-add-contracts-dialog.h"
#include "cm-row-name.h"

struct _CmAddContractsDialog
{
  AdwMessageDialog parent_instance;

  CmStore *store;
  CmEntity *scenario;
  double initial_percent;
  GtkSearchEntry *search;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  GtkListView *list;
  GtkLabel *summary;
  GtkWidget *percent_box;
  GtkLabel *percent_label;
  GtkSpinButton *spin;
  char *needle;              /* casefolded search text */
  GArray *contract_ids;      /* of the chosen provider or service */
  CmAddContractsCallback callback;
  gpointer data;
};

G_DEFINE_FINAL_TYPE (CmAddContractsDialog, cm_add_contracts_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTITY,
  PROP_INITIAL_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the list --------------------------------------------------------- */

/* Providers and services both carry a case-folded "search-text": a
 * keystroke only compares bytes, as on the records pages. */
static gboolean
matches (gpointer item, gpointer data)
{
  CmAddContractsDialog *self = data;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "search-text");

  return self->needle == NULL ||
         strstr (cm_entity_get_string (item, pspec->param_id), self->needle) != NULL;
}

static void
search_changed (CmAddContractsDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = text && *text ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (needle && self->needle && strstr (needle, self->needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || (self->needle && strstr (self->needle, needle)))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *what = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_widget_add_css_class (what, "dim-label");
  gtk_widget_add_css_class (what, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), what);
  gtk_list_item_set_child (list_item, box);
}

/* "Provider · 3 contracts": what the row is, and what choosing it adds. */
static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;
  g_autofree char *what = NULL;
  int count = 0;

  g_object_get (item, "name", &text, "contract-count", &count, NULL);
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d contract", "%s · %d contracts", count),
                          CM_IS_PROVIDER (item) ? _("Provider") : _("Service"), count);
  gtk_label_set_text (GTK_LABEL (name), text);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)), what);
  cm_row_name_item (list_item, text);
}

/* ---- the choice ------------------------------------------------------- */

static char *
choice_text (CmAddContractsDialog *self, GObject *item, const CmScenarioChoice *choice)
{
  g_autofree char *name = NULL;
  g_autofree char *value = cm_money_format (choice->annual_value);
  g_autofree char *adds = NULL;

  g_object_get (item, "name", &name, NULL);
  if (choice->n_new == 0 && choice->n_already == 0)
    return g_strdup_printf (_("“%s” holds no contracts."), name);
  if (choice->n_new == 0)
    return g_strdup_printf (_("Every contract of “%s” is in the scenario already."), name);
  adds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Adds %u contract of “%s”, worth %s a year.",
                                       "Adds %u contracts of “%s”, worth %s a year.",
                                       choice->n_new),
                          choice->n_new, name, value);
  if (choice->n_already == 0)
    return g_steal_pointer (&adds);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u more is in the scenario already.",
                                       "%s %u more are in the scenario already.",
                                       choice->n_already),
                          adds, choice->n_already);
}

static void
selection_changed (CmAddContractsDialog *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  CmScenarioChoice choice = { 0 };
  g_autofree char *text = NULL;

  g_clear_pointer (&self->contract_ids, g_array_unref);
  if (item)
    {
      gint64 id = cm_entity_get_id (CM_ENTITY (item));

      self->contract_ids = CM_IS_PROVIDER (item)
                              ? cm_scenario_choose_contracts (self->store, id, 0)
                              : cm_scenario_choose_contracts (self->store, 0, id);
      cm_scenario_preview (self->store, cm_entity_get_id (self->scenario), self->contract_ids,
                           &choice);
      text = choice_text (self, item, &choice);
    }
  gtk_label_set_text (self->summary,
                      text ? text : _("Choose a provider or a service to see its contracts."));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "accept", choice.n_new > 0);
}

/* Enter in the search picks the first match and moves on to the
 * percentage, so a keyboard user types a name, Enter, a number, Enter. */
static void
search_activated (CmAddContractsDialog *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->spin));
}

static void
row_activated (CmAddContractsDialog *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->spin));
}

static void
responded (AdwMessageDialog *dialog, const char *response, CmAddContractsDialog *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *name = NULL;

  gtk_spin_button_update (self->spin);
  if (g_str_equal (response, "accept") && item && self->contract_ids)
    {
      g_object_get (item, "name", &name, NULL);
      self->callback (self->contract_ids, gtk_spin_button_get_value (self->spin), name,
                      self->data);
    }
  else
    self->callback (NULL, -1, NULL, self->data);
}

/* ---- construction ----------------------------------------------------- */

/* Providers, then services, as the user searches them. */
static void
make_model (CmAddContractsDialog *self)
{
  GListStore *lists = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFilterListModel *filtered;

  g_list_store_append (lists, cm_store_list (self->store, CM_TYPE_PROVIDER));
  g_list_store_append (lists, cm_store_list (self->store, CM_TYPE_SERVICE));
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (lists))),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed), self);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

static void
cm_add_contracts_dialog_constructed (GObject *object)
{
  CmAddContractsDialog *self = CM_ADD_CONTRACTS_DIALOG (object);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (cm_add_contracts_dialog_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL && self->scenario != NULL);
  name = cm_entity_describe (self->scenario);
  body = g_strdup_printf (_("Choose a provider or a service. Its contracts join “%s” at one "
                            "percentage, which you can change for each line afterwards."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  make_model (self);
  self->spin = GTK_SPIN_BUTTON (cm_percent_spin_new (self->percent_label, self->initial_percent,
                                                     ADW_MESSAGE_DIALOG (self)));
  gtk_box_append (GTK_BOX (self->percent_box), GTK_WIDGET (self->spin));
  selection_changed (self);
}

static void
cm_add_contracts_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  CmAddContractsDialog *self = CM_ADD_CONTRACTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_ENTITY:
      g_set_object (&self->scenario, g_value_get_object (value));
      break;
    case PROP_INITIAL_PERCENT:
      self->initial_percent = g_value_get_double (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_add_contracts_dialog_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  CmAddContractsDialog *self = CM_ADD_CONTRACTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_INITIAL_PERCENT:
      g_value_set_double (value, self->initial_percent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_add_contracts_dialog_dispose (GObject *object)
{
  CmAddContractsDialog *self = CM_ADD_CONTRACTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_ADD_CONTRACTS_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->scenario);
  g_clear_object (&self->store);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->contract_ids, g_array_unref);
  G_OBJECT_CLASS (cm_add_contracts_dialog_parent_class)->dispose (object);
}

static void
cm_add_contracts_dialog_class_init (CmAddContractsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cm_add_contracts_dialog_constructed;
  object_class->set_property = cm_add_contracts_dialog_set_property;
  object_class->get_property = cm_add_contracts_dialog_get_property;
  object_class->dispose = cm_add_contracts_dialog_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE, flags);
  /* The reduction scenario the contracts join. */
  properties[PROP_ENTITY] = g_param_spec_object ("entity", NULL, NULL, CM_TYPE_ENTITY, flags);
  properties[PROP_INITIAL_PERCENT] = g_param_spec_double ("initial-percent", NULL, NULL, 0, 100,
                                                          0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-add-contracts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CmAddContractsDialog, search);
  gtk_widget_class_bind_template_child (widget_class, CmAddContractsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, CmAddContractsDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, CmAddContractsDialog, percent_box);
  gtk_widget_class_bind_template_child (widget_class, CmAddContractsDialog, percent_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, responded);
}

static void
cm_add_contracts_dialog_init (CmAddContractsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (self), _("_Add Contracts"), ADW_RESPONSE_SUGGESTED);
}

void
cm_add_contracts_dialog_ask (GtkWidget *parent, CmStore *store, CmEntity *scenario,
                             double initial_percent, CmAddContractsCallback callback,
                             gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  CmAddContractsDialog *self =
    g_object_new (CM_TYPE_ADD_CONTRACTS_DIALOG, "store", store, "entity", scenario,
                  "initial-percent", CLAMP (initial_percent, 0, 100),
                  "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);

  self->callback = callback;
  self->data = data;
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}
