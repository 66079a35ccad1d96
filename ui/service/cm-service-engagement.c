/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-engagement.c: a service's consultation and co-production events */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-engagement.h"
#include "cm-service-engagement.h"

struct _CmServiceEngagement
{
  CmServiceSection parent_instance;
};

G_DEFINE_FINAL_TYPE (CmServiceEngagement, cm_service_engagement, CM_TYPE_SERVICE_SECTION)

/* "12 March 2026 · Carers · workshop · co-production" */
static char *
describe (CmEntity *event)
{
  g_autofree char *held_on = NULL, *method = NULL, *day = NULL;
  int who = 0;
  gboolean co_production = FALSE;
  const char *group;

  g_object_get (event, "held-on", &held_on, "stakeholder-group", &who, "method", &method,
                "co-production", &co_production, NULL);
  group = cm_enum_to_label (CM_TYPE_STAKEHOLDER_GROUP, who);
  day = cm_date_format_long (held_on);
  if (method && *method && co_production)
    /* Translators: when, with whom and how it was held: "12 March 2026 ·
     * Carers · workshop · co-production" */
    return g_strdup_printf (_("%s · %s · %s · co-production"), day, group, method);
  if (method && *method)
    /* Translators: when, with whom and how it was held: "12 March 2026 ·
     * Carers · workshop" */
    return g_strdup_printf (_("%s · %s · %s"), day, group, method);
  if (co_production)
    /* Translators: when and with whom it was held: "12 March 2026 · Carers ·
     * co-production" */
    return g_strdup_printf (_("%s · %s · co-production"), day, group);
  /* Translators: when and with whom it was held: "12 March 2026 · Carers" */
  return g_strdup_printf (_("%s · %s"), day, group);
}

static void
refresh (CmServiceSection *self)
{
  g_autoptr(GPtrArray) events = cm_service_section_records (self, CM_TYPE_ENGAGEMENT);

  for (guint i = 0; i < events->len; i++)
    {
      CmEntity *event = g_ptr_array_index (events, i);
      g_autofree char *summary = NULL;
      g_autofree char *when = describe (event);

      g_object_get (event, "summary", &summary, NULL);
      cm_service_section_add_text (self, summary, when, NULL);
    }
}

static void
add_clicked (CmServiceSection *self)
{
  g_autoptr(CmEntity) draft =
    g_object_new (CM_TYPE_ENGAGEMENT, "service-id", cm_service_section_get_service_id (self),
                  NULL);

  cm_service_section_edit (self, "engagement", draft);
}

static void
cm_service_engagement_class_init (CmServiceEngagementClass *klass)
{
  CmServiceSectionClass *section_class = CM_SERVICE_SECTION_CLASS (klass);

  section_class->refresh = refresh;
  section_class->empty_text = N_("No consultation or co-production recorded for this service.");
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/commissioner/Commissioner/"
                                               "cm-service-engagement.ui");
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), add_clicked);
}

static void
cm_service_engagement_init (CmServiceEngagement *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
