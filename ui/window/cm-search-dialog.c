/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-search-dialog.c: a search across the whole portfolio, opening what is chosen */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cm-contract.h"
#include "cm-decommission.h"
#include "cm-eia.h"
#include "cm-provider.h"
#include "cm-search-dialog.h"
#include "cm-search.h"

/* Enough to find one record by part of its name; more is a list to filter. */
#define HITS_PER_KIND 10

struct _CmSearchDialog
{
  GtkWindow parent_instance;

  CmStore *store;
  GtkSearchEntry *entry;
  GtkStack *stack;
  GtkListBox *results;
  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (CmSearchDialog, cm_search_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  RECORD_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- results ------------------------------------------------------------ */

static const char *
kind_label (GType type)
{
  if (type == CM_TYPE_CONTRACT)
    return _("Contract");
  if (type == CM_TYPE_PROVIDER)
    return _("Provider");
  if (type == CM_TYPE_EIA)
    return _("Equality impact assessment");
  if (type == CM_TYPE_DECOMMISSION)
    return _("Decommission");
  return _("Service");
}

/* "Contract · Home care · Service: Home support": its kind, then what
 * tells it from another of the same name. */
static char *
hit_subtitle (CmSearchHit *hit)
{
  GString *text = g_string_new (kind_label (hit->type));

  if (*hit->detail)
    g_string_append_printf (text, " · %s", hit->detail);
  if (*hit->context)
    g_string_append_printf (text, " · %s", hit->context);
  return g_string_free (text, FALSE);
}

/* The row reads as "C-0001, Contract · Home care · Service: Home
 * support" to a screen reader. */
static GtkWidget *
hit_row (CmSearchHit *hit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = hit_subtitle (hit);
  g_autofree char *label = g_strdup_printf ("%s, %s", hit->title, subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (row), "type", GSIZE_TO_POINTER (hit->type));
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&hit->id, sizeof hit->id), g_free);
  return row;
}

static void
show_status (CmSearchDialog *self, const char *title, const char *description)
{
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
search_changed (CmSearchDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cm_search (self->store, text, HITS_PER_KIND, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, child);
  if (hits == NULL)
    {
      show_status (self, _("Search Failed"), error->message);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, hit_row (g_ptr_array_index (hits, i)));
  if (hits->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "results");
  else if (*text)
    show_status (self, _("No Results Found"), _("Try part of a name or reference."));
  else
    show_status (self, _("Search Everything"),
                 _("Type part of a name or reference to find a service, contract, provider, "
                   "EIA or decommission."));
}

static void
row_activated (CmSearchDialog *self, GtkListBoxRow *row)
{
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "type"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");
  CmEntity *record = cm_store_find (self->store, type, id);

  if (record == NULL)
    {
      show_status (self, _("No Longer There"),
                   _("The record was deleted after the search. Search again."));
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[RECORD_CHOSEN], 0, record);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Enter opens the first result. */
static void
choose_first (CmSearchDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    row_activated (self, first);
}

/* ---- GObject ------------------------------------------------------------ */

static void
cm_search_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CmSearchDialog *self = CM_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_search_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmSearchDialog *self = CM_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_search_dialog_dispose (GObject *object)
{
  CmSearchDialog *self = CM_SEARCH_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_SEARCH_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cm_search_dialog_parent_class)->dispose (object);
}

static void
cm_search_dialog_class_init (CmSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = cm_search_dialog_set_property;
  object_class->get_property = cm_search_dialog_get_property;
  object_class->dispose = cm_search_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_CHOSEN] = g_signal_new ("record-chosen", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         CM_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CmSearchDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, CmSearchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CmSearchDialog, results);
  gtk_widget_class_bind_template_child (widget_class, CmSearchDialog, status);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, choose_first);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cm_search_dialog_init (CmSearchDialog *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "status");
}

CmSearchDialog *
cm_search_dialog_new (CmStore *store, GtkWindow *parent)
{
  return g_object_new (CM_TYPE_SEARCH_DIALOG, "store", store, "transient-for", parent, NULL);
}
