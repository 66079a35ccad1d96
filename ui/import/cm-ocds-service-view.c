/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-service-view.c: the service that OCDS contracts naming none join
 *
 * An OCDS contract joins the service its tender's title names. A tender
 * without a title names none: those contracts join the service chosen
 * here, an existing one, or left unchosen the service "Imported from
 * OCDS" as on the command line (CM_OCDS_FALLBACK_SERVICE). The choice is
 * kept by id, since services often share a name. "changed" follows the choice, for the plan to be
 * made again.
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cm-ocds-import.h"
#include "cm-ocds-service-view.h"
#include "cm-record-picker.h"
#include "cm-service.h"

struct _CmOcdsServiceView
{
  GtkWidget parent_instance;

  CmStore *store;
  GtkLabel *file_name;
  GtkLabel *summary;
  GtkWidget *choice;
  AdwActionRow *row;
  CmRecordPicker *picker;
};

G_DEFINE_FINAL_TYPE (CmOcdsServiceView, cm_ocds_service_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_SERVICE_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
picked (CmOcdsServiceView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_ID]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The picker needs the store, so it is made once the store is set. */
static void
add_picker (CmOcdsServiceView *self)
{
  self->picker = CM_RECORD_PICKER (g_object_new (CM_TYPE_RECORD_PICKER, "store", self->store,
                                                 "entity-type", CM_TYPE_SERVICE,
                                                 "title", _("Service for contracts that name none"),
                                                 "optional", TRUE, NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->picker), GTK_ALIGN_CENTER);
  /* Room for a service's name on one line, as in the record editors. */
  gtk_widget_set_size_request (GTK_WIDGET (self->picker), 280, -1);
  adw_action_row_add_suffix (self->row, GTK_WIDGET (self->picker));
  adw_action_row_set_activatable_widget (self->row, GTK_WIDGET (self->picker));
  g_signal_connect_swapped (self->picker, "notify::selected-id", G_CALLBACK (picked), self);
}

static void
cm_ocds_service_view_set_property (GObject *object, guint id, const GValue *value,
                                   GParamSpec *pspec)
{
  CmOcdsServiceView *self = CM_OCDS_SERVICE_VIEW (object);

  switch (id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store)
        add_picker (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_ocds_service_view_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  CmOcdsServiceView *self = CM_OCDS_SERVICE_VIEW (object);

  switch (id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SERVICE_ID:
      g_value_set_int64 (value, cm_ocds_service_view_get_service_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_ocds_service_view_dispose (GObject *object)
{
  CmOcdsServiceView *self = CM_OCDS_SERVICE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_OCDS_SERVICE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cm_ocds_service_view_parent_class)->dispose (object);
}

static void
cm_ocds_service_view_class_init (CmOcdsServiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = cm_ocds_service_view_set_property;
  object_class->get_property = cm_ocds_service_view_get_property;
  object_class->dispose = cm_ocds_service_view_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The id of the service the contracts that name none join, or 0. */
  properties[PROP_SERVICE_ID] =
    g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/commissioner/Commissioner/cm-ocds-service-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CmOcdsServiceView, file_name);
  gtk_widget_class_bind_template_child (widget_class, CmOcdsServiceView, summary);
  gtk_widget_class_bind_template_child (widget_class, CmOcdsServiceView, choice);
  gtk_widget_class_bind_template_child (widget_class, CmOcdsServiceView, row);
}

static void
cm_ocds_service_view_init (CmOcdsServiceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cm_ocds_service_view_new (CmStore *store)
{
  return g_object_new (CM_TYPE_OCDS_SERVICE_VIEW, "store", store, NULL);
}

static char *
summary_of (guint n_contracts, guint n_unnamed)
{
  g_autofree char *holds = g_strdup_printf (ngettext ("This file holds %u contract.",
                                                      "This file holds %u contracts.",
                                                      n_contracts), n_contracts);

  if (n_unnamed == 0)
    return g_strdup_printf (_("%s Each joins the service its tender’s title names, which is "
                              "created if the portfolio has none of that name."), holds);
  if (n_unnamed == n_contracts)
    return g_strdup_printf (ngettext ("%s It names no service, as its tender has no title. "
                                      "Choose the service it joins; left unchosen, it joins a "
                                      "new service, “%s”.",
                                      "%s They name no service, as their tenders have no title. "
                                      "Choose the service they join; left unchosen, they join a "
                                      "new service, “%s”.", n_contracts),
                            holds, CM_OCDS_FALLBACK_SERVICE);
  return g_strdup_printf (ngettext ("%s %u of them names no service, as its tender has no "
                                    "title. Choose the service it joins; left unchosen, it "
                                    "joins a new service, “%s”.",
                                    "%s %u of them name no service, as their tenders have no "
                                    "title. Choose the service they join; left unchosen, they "
                                    "join a new service, “%s”.", n_unnamed),
                          holds, n_unnamed, CM_OCDS_FALLBACK_SERVICE);
}

void
cm_ocds_service_view_show_file (CmOcdsServiceView *self, const char *file_name,
                                guint n_contracts, guint n_unnamed)
{
  g_autofree char *summary = summary_of (n_contracts, n_unnamed);

  g_return_if_fail (CM_IS_OCDS_SERVICE_VIEW (self));

  gtk_label_set_text (self->file_name, file_name);
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_visible (self->choice, n_unnamed > 0);
}

gint64
cm_ocds_service_view_get_service_id (CmOcdsServiceView *self)
{
  g_return_val_if_fail (CM_IS_OCDS_SERVICE_VIEW (self), 0);

  return cm_record_picker_get_selected_id (self->picker);
}

void
cm_ocds_service_view_reset (CmOcdsServiceView *self)
{
  g_return_if_fail (CM_IS_OCDS_SERVICE_VIEW (self));

  /* Quietly: the dialog reads a new file after this anyway. */
  g_signal_handlers_block_by_func (self->picker, picked, self);
  cm_record_picker_set_selected_id (self->picker, 0);
  g_signal_handlers_unblock_by_func (self->picker, picked, self);
}
