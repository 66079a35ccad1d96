/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-decommission.c: a service's decommissioning, or starting it */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-decommissioning.h"
#include "cm-reason-dialog.h"
#include "cm-service-decommission.h"

struct _CmServiceDecommission
{
  CmServiceSection parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (CmServiceDecommission, cm_service_decommission, CM_TYPE_SERVICE_SECTION)

static void
open_clicked (GtkButton *button, CmServiceSection *self)
{
  gboolean audit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "audit"));

  cm_service_section_open (self, g_object_get_data (G_OBJECT (button), "decommission"), audit);
}

static GtkWidget *
open_button (CmServiceSection *self, CmDecommission *d, const char *mnemonic, const char *name,
             gboolean audit)
{
  GtkWidget *button = cm_service_section_row_button (mnemonic, name);

  g_object_set_data_full (G_OBJECT (button), "decommission", g_object_ref (d), g_object_unref);
  g_object_set_data (G_OBJECT (button), "audit", GINT_TO_POINTER (audit));
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked), self);
  return button;
}

static void
refresh (CmServiceSection *section)
{
  CmServiceDecommission *self = CM_SERVICE_DECOMMISSION (section);
  g_autoptr(CmDecommission) d =
    cm_decommission_for_service (cm_service_section_get_store (section),
                                 cm_service_section_get_service_id (section));
  g_autofree char *state = NULL;
  GtkWidget *row;

  gtk_widget_set_visible (self->start_button, d == NULL);
  if (d == NULL)
    return;
  if (*cm_decommission_get_completed_on (d))
    {
      g_autofree char *on = cm_date_format_long (cm_decommission_get_completed_on (d));

      state = g_strdup_printf (_("Completed on %s"), on);
    }
  else
    state = g_strdup (_("In progress: its steps, notice and each person’s move to other "
                        "support are on its page."));
  row = cm_service_section_add_text (section, cm_decommission_get_reason (d), state, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             open_button (section, d, _("A_udit Trail"),
                                          _("Audit Trail of the decommissioning"), TRUE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             open_button (section, d, _("Open De_commissioning"),
                                          _("Open Decommissioning"), FALSE));
}

static void
reason_given (const char *reason, gpointer data)
{
  CmServiceSection *self = data;
  CmService *service = cm_service_section_get_service (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmDecommission) started = NULL;

  if (reason && service)
    {
      started = cm_decommission_start (cm_service_section_get_store (self), service, reason,
                                       FALSE, &error);
      if (started == NULL)
        cm_service_section_report (self, error->message);
      else
        cm_service_section_open (self, CM_ENTITY (started), FALSE);
    }
  g_object_unref (self);
}

static void
start_clicked (CmServiceSection *self)
{
  cm_reason_dialog_ask (GTK_WIDGET (self), _("Decommission the Service?"),
                        _("Decommissioning opens for the service outside its Review, with its "
                          "steps, notice and transitions. Say why: it is kept in the history."),
                        _("Reason"), _("_Decommission"), TRUE, reason_given,
                        g_object_ref (self));
}

static void
cm_service_decommission_class_init (CmServiceDecommissionClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("The service is not being decommissioned.");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-decommission.ui");
  gtk_widget_class_bind_template_child (widget_class, CmServiceDecommission, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked);
}

static void
cm_service_decommission_init (CmServiceDecommission *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
