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

typedef struct {
  AdwMessageDialog *dialog;
  CmStore *store;
  gint64 scenario_id;
  GtkSearchEntry *search;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  GtkWidget *list;
  GtkLabel *summary;
  GtkSpinButton *spin;
  char *needle;              /* casefolded search text */
  GArray *contract_ids;      /* of the chosen provider or service */
  CmAddContractsCallback callback;
  gpointer data;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->store);
  g_clear_object (&request->filter);
  g_clear_pointer (&request->needle, g_free);
  g_clear_pointer (&request->contract_ids, g_array_unref);
  g_free (request);
}

/* ---- the list --------------------------------------------------------- */

/* Providers and services both carry a case-folded "search-text": a
 * keystroke only compares bytes, as on the records pages. */
static gboolean
matches (gpointer item, gpointer data)
{
  Request *request = data;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "search-text");

  return request->needle == NULL ||
         strstr (cm_entity_get_string (item, pspec->param_id), request->needle) != NULL;
}

static void
search_changed (Request *request)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (request->search));
  g_autofree char *needle = text && *text ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (needle && request->needle && strstr (needle, request->needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || (request->needle && strstr (request->needle, needle)))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (request->needle);
  request->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (request->filter), change);
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
choice_text (Request *request, GObject *item, const CmScenarioChoice *choice)
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
selection_changed (Request *request)
{
  GObject *item = gtk_single_selection_get_selected_item (request->selection);
  CmScenarioChoice choice = { 0 };
  g_autofree char *text = NULL;

  g_clear_pointer (&request->contract_ids, g_array_unref);
  if (item)
    {
      gint64 id = cm_entity_get_id (CM_ENTITY (item));

      request->contract_ids = CM_IS_PROVIDER (item)
                              ? cm_scenario_choose_contracts (request->store, id, 0)
                              : cm_scenario_choose_contracts (request->store, 0, id);
      cm_scenario_preview (request->store, request->scenario_id, request->contract_ids,
                           &choice);
      text = choice_text (request, item, &choice);
    }
  gtk_label_set_text (request->summary,
                      text ? text : _("Choose a provider or a service to see its contracts."));
  adw_message_dialog_set_response_enabled (request->dialog, "accept", choice.n_new > 0);
}

/* Enter in the search picks the first match and moves on to the
 * percentage, so a keyboard user types a name, Enter, a number, Enter. */
static void
search_activated (Request *request)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (request->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected (request->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (request->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (request->spin));
}

static void
row_activated (GtkListView *list, guint position, Request *request)
{
  gtk_single_selection_set_selected (request->selection, position);
  gtk_widget_grab_focus (GTK_WIDGET (request->spin));
}

static void
responded (AdwMessageDialog *dialog, const char *response, Request *request)
{
  GObject *item = gtk_single_selection_get_selected_item (request->selection);
  g_autofree char *name = NULL;

  gtk_spin_button_update (request->spin);
  if (g_str_equal (response, "accept") && item && request->contract_ids)
    {
      g_object_get (item, "name", &name, NULL);
      request->callback (request->contract_ids, gtk_spin_button_get_value (request->spin), name,
                         request->data);
    }
  else
    request->callback (NULL, -1, NULL, request->data);
}

/* ---- building --------------------------------------------------------- */

static GtkWidget *
build_list (Request *request)
{
  GListStore *lists = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_list_store_append (lists, cm_store_list (request->store, CM_TYPE_PROVIDER));
  g_list_store_append (lists, cm_store_list (request->store, CM_TYPE_SERVICE));
  request->filter = gtk_custom_filter_new (matches, request, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (lists))),
                                        GTK_FILTER (g_object_ref (request->filter)));
  request->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (request->selection, FALSE);
  gtk_single_selection_set_can_unselect (request->selection, TRUE);
  gtk_single_selection_set_selected (request->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  request->list = gtk_list_view_new (GTK_SELECTION_MODEL (request->selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (request->list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Providers and services"), -1);
  g_signal_connect_swapped (request->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed), request);
  g_signal_connect (request->list, "activate", G_CALLBACK (row_activated), request);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), request->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 360, 240);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  return scrolled;
}

static GtkWidget *
build_search (Request *request)
{
  const char *placeholder = _("Search providers and services");

  request->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (request->search, 0);
  g_object_set (request->search, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_signal_connect_swapped (request->search, "search-changed", G_CALLBACK (search_changed),
                            request);
  g_signal_connect_swapped (request->search, "activate", G_CALLBACK (search_activated),
                            request);
  return GTK_WIDGET (request->search);
}

static GtkWidget *
build_percent (Request *request, double initial)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Reduction (%)"));

  request->spin = GTK_SPIN_BUTTON (cm_percent_spin_new (GTK_LABEL (label), initial,
                                                        request->dialog));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->spin));
  return box;
}

void
cm_add_contracts_dialog_ask (GtkWidget *parent, CmStore *store, CmEntity *scenario,
                             double initial_percent, CmAddContractsCallback callback,
                             gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *name = cm_entity_describe (scenario);
  g_autofree char *body = g_strdup_printf (_("Choose a provider or a service. Its contracts "
                                             "join “%s” at one percentage, which you can "
                                             "change for each line afterwards."), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Add Contracts"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  Request *request = g_new0 (Request, 1);

  request->dialog = ADW_MESSAGE_DIALOG (dialog);
  request->store = g_object_ref (store);
  request->scenario_id = cm_entity_get_id (scenario);
  request->callback = callback;
  request->data = data;
  /* The list's filter calls back into the request: it lives as long as
   * the dialog. */
  g_object_set_data_full (G_OBJECT (dialog), "request", request, request_free);

  request->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (request->summary, TRUE);
  gtk_label_set_xalign (request->summary, 0);
  gtk_box_append (GTK_BOX (box), build_search (request));
  gtk_box_append (GTK_BOX (box), build_list (request));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->summary));
  gtk_box_append (GTK_BOX (box), build_percent (request, initial_percent));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  cm_page_offer_answers (ADW_MESSAGE_DIALOG (dialog), _("_Add Contracts"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  selection_changed (request);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (request->search));
}
