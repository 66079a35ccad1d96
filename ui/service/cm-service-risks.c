/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-risks.c: a service's risk register, each risk with its rating */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-risk.h"
#include "cm-service-risks.h"

struct _CmServiceRisks
{
  CmServiceSection parent_instance;
};

G_DEFINE_FINAL_TYPE (CmServiceRisks, cm_service_risks, CM_TYPE_SERVICE_SECTION)

static void
edit_clicked (GtkButton *button, CmServiceSection *self)
{
  cm_service_section_edit (self, "risks", g_object_get_data (G_OBJECT (button), "risk"));
}

static void
refresh (CmServiceSection *self)
{
  g_autoptr(GPtrArray) risks = cm_service_section_records (self, CM_TYPE_RISK);

  for (guint i = 0; i < risks->len; i++)
    {
      CmRisk *risk = g_ptr_array_index (risks, i);
      CmRag rag = cm_risk_get_rag (risk);
      g_autofree char *review = cm_date_format_long (cm_risk_get_review_date (risk));
      g_autofree char *rating = *cm_risk_get_review_date (risk)
        ? g_strdup_printf (_("%s — score %d · review by %s"), cm_enum_to_label (CM_TYPE_RAG, rag),
                           cm_risk_get_score (risk), review)
        : g_strdup_printf (_("%s — score %d"), cm_enum_to_label (CM_TYPE_RAG, rag),
                           cm_risk_get_score (risk));
      g_autofree char *name = g_strdup_printf (_("Edit the risk “%s”"),
                                               cm_risk_get_description (risk));
      GtkWidget *row = cm_service_section_add_text (self, cm_risk_get_description (risk), rating,
                                                    rag == CM_RAG_RED
                                                    ? "dialog-warning-symbolic" : NULL);
      GtkWidget *edit = cm_service_section_row_button (_("_Edit…"), name);

      g_object_set_data_full (G_OBJECT (edit), "risk", g_object_ref (risk), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
    }
}

static void
add_clicked (CmServiceSection *self)
{
  g_autoptr(CmEntity) draft =
    g_object_new (CM_TYPE_RISK, "service-id", cm_service_section_get_service_id (self), NULL);

  cm_service_section_edit (self, "risks", draft);
}

static void
cm_service_risks_class_init (CmServiceRisksClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("No risks recorded for this service.");
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-risks.ui");
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), add_clicked);
}

static void
cm_service_risks_init (CmServiceRisks *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
