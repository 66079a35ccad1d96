/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-measures.c: a service's measures against their targets, with their trends */
#include <glib/gi18n.h>

#include "cm-measure.h"
#include "cm-service-measures.h"

struct _CmServiceMeasures
{
  CmServiceSection parent_instance;
};

G_DEFINE_FINAL_TYPE (CmServiceMeasures, cm_service_measures, CM_TYPE_SERVICE_SECTION)

static void
refresh (CmServiceSection *self)
{
  g_autoptr(GPtrArray) measures = cm_service_section_records (self, CM_TYPE_MEASURE);

  for (guint i = 0; i < measures->len; i++)
    {
      CmMeasure *measure = g_ptr_array_index (measures, i);
      g_autofree char *against = cm_measure_describe (measure);
      g_autofree char *trend = cm_measure_describe_trend (measure);
      g_autofree char *text = g_strdup_printf ("%s\n%s", against, trend);
      CmTrend direction = cm_measure_get_trend (measure);
      cm_service_section_add_text (self, cm_measure_get_name (measure), text,
                                                    direction == CM_TREND_WORSE
                                                    ? "go-down-symbolic"
                                                    : direction == CM_TREND_BETTER
                                                    ? "go-up-symbolic" : NULL);
    }
}

static void
add_clicked (CmServiceSection *self)
{
  g_autoptr(CmEntity) draft =
    g_object_new (CM_TYPE_MEASURE, "service-id", cm_service_section_get_service_id (self), NULL);

  cm_service_section_edit (self, "measures", draft);
}

static void
cm_service_measures_class_init (CmServiceMeasuresClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("No measures recorded for this service. Add each with its "
                                 "target, then its values by period.");
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-measures.ui");
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), add_clicked);
}

static void
cm_service_measures_init (CmServiceMeasures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
