/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-page.c: one equality impact assessment, step by step */
#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-detail-page.h"
#include "cm-eia-page.h"
#include "cm-eia-steps.h"
#include "cm-mnemonic-button.h"
#include "cm-page-parts.h"
#include "cm-report-buttons.h"

typedef enum {
  STEP_SCREENING,
  STEP_ASSESSMENT,
  STEP_SIGN_OFF,
  STEP_REVIEW,
  STEP_SUMMARY,
  N_STEPS
} Step;

struct _CmEiaPage
{
  CmDetailPage parent_instance;

  CmEiaStep step;              /* what the steps build from; eia is the shown one */
  gint64 eia_id;
  Step shown;

  GtkWidget *heading;          /* the slots of the parts */
  GtkWidget *stepper;
  GtkWidget *step_content;
};

G_DEFINE_FINAL_TYPE (CmEiaPage, cm_eia_page, CM_TYPE_DETAIL_PAGE)

static void
show_version_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  cm_eia_page_show (CM_EIA_PAGE (widget), g_variant_get_int64 (param));
}

/* ---- the stepper ------------------------------------------------------ */

static void
step_toggled (GtkToggleButton *button, CmEiaPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));
  cm_detail_page_remake (CM_DETAIL_PAGE (self), self->step_content);
}

static char *
screening_detail (GPtrArray *list)
{
  guint screened = 0;

  for (guint i = 0; i < list->len; i++)
    screened += cm_eia_characteristic_get_relevance (g_ptr_array_index (list, i))
                != CM_RELEVANCE_UNANSWERED;
  return g_strdup_printf (_("%u of %u screened"), screened, list->len);
}

static char *
assessment_detail (CmEia *eia, GPtrArray *list)
{
  guint relevant = 0, assessed = 0;

  if (cm_eia_get_outcome (eia) != CM_EIA_OUTCOME_FULL_ASSESSMENT)
    return g_strdup (_("not needed yet"));
  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);

      if (cm_eia_characteristic_get_relevance (c) != CM_RELEVANCE_RELEVANT)
        continue;
      relevant++;
      assessed += *cm_eia_characteristic_get_evidence (c) != '\0';
    }
  return g_strdup_printf (_("%u of %u with evidence"), assessed, relevant);
}

static GtkWidget *
stepper (CmEiaPage *self)
{
  CmEia *eia = self->step.eia;
  g_autoptr(GPtrArray) list = cm_eia_characteristics (self->step.store, self->eia_id);
  CmPageStep steps[N_STEPS] = {
    { _("Screening"), screening_detail (list) },
    { _("Assessment"), assessment_detail (eia, list) },
    { _("Sign-off"), g_strdup (cm_eia_get_signed (eia) ? _("signed off") : _("draft")) },
    { _("Review"), g_strdup (*cm_eia_get_reviewed_on (eia) ? _("reviewed")
                                                          : _("after decommissioning")) },
    { _("Summary"), g_strdup (_("impacts at a glance")) },
  };

  for (guint i = 0; i < N_STEPS; i++)
    steps[i].name = g_strdup_printf (_("Show the %s step"), steps[i].title);
  return cm_page_stepper (steps, N_STEPS, self->shown, G_CALLBACK (step_toggled), self);
}

/* ---- building --------------------------------------------------------- */

static GtkWidget *
heading (CmEiaPage *self)
{
  CmEia *eia = self->step.eia;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *service = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *kind = g_strdup_printf ("eia:%" G_GINT64_FORMAT, cm_eia_get_service_id (eia));

  g_object_get (eia, "service-name", &service, NULL);
  title = g_strdup_printf (_("Equality Impact Assessment: %s"), service);
  status = g_strdup_printf (_("%s · cycle %d · version %d · %s"),
                            cm_enum_to_label (CM_TYPE_EIA_DECISION, cm_eia_get_decision (eia)),
                            cm_eia_get_cycle (eia), cm_eia_get_version (eia),
                            cm_eia_get_signed (eia) ? _("signed off, read-only") : _("draft"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (title, "title-2"));
  gtk_box_append (GTK_BOX (labels), cm_page_heading_label (status, "dim-label"));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  /* The service's assessments, this one among them. */
  gtk_box_append (GTK_BOX (box), cm_report_buttons_new (self->step.store, kind, FALSE));
  return box;
}

static GtkWidget *
step_content (CmEiaPage *self)
{
  switch (self->shown)
    {
    case STEP_ASSESSMENT:
      return cm_eia_step_assessment (&self->step);
    case STEP_SIGN_OFF:
      return cm_eia_step_sign_off (&self->step);
    case STEP_REVIEW:
      return cm_eia_step_review (&self->step);
    case STEP_SUMMARY:
      return cm_eia_step_summary (&self->step);
    case STEP_SCREENING:
    case N_STEPS:
    default:
      return cm_eia_step_screening (&self->step);
    }
}

/* The parts, each made again when a table it reads changes. */

static GtkWidget *
heading_part (CmDetailPage *page)
{
  return heading (CM_EIA_PAGE (page));
}

static GtkWidget *
stepper_part (CmDetailPage *page)
{
  return stepper (CM_EIA_PAGE (page));
}

static GtkWidget *
content_part (CmDetailPage *page)
{
  CmEiaPage *self = CM_EIA_PAGE (page);

  self->step.editable = !cm_eia_get_signed (self->step.eia);
  return step_content (self);
}

static void
entity_set (CmDetailPage *page)
{
  CmEiaPage *self = CM_EIA_PAGE (page);
  CmEntity *entity = cm_detail_page_get_entity (page);

  CmEia *eia = CM_IS_EIA (entity) ? CM_EIA (entity) : NULL;

  g_set_object (&self->step.eia, eia);
  if (self->step.eia)
    self->eia_id = cm_entity_get_id (entity);
}

static void
cm_eia_page_constructed (GObject *object)
{
  CmEiaPage *self = CM_EIA_PAGE (object);
  const GDate *today = cm_detail_page_get_today (CM_DETAIL_PAGE (self));

  G_OBJECT_CLASS (cm_eia_page_parent_class)->constructed (object);
  self->step.store = cm_detail_page_get_store (CM_DETAIL_PAGE (self));
  if (g_date_valid (today))
    self->step.today = *today;
}

static void
cm_eia_page_dispose (GObject *object)
{
  CmEiaPage *self = CM_EIA_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CM_TYPE_EIA_PAGE);
  g_clear_object (&self->step.eia);
  G_OBJECT_CLASS (cm_eia_page_parent_class)->dispose (object);
}

static void
cm_eia_page_class_init (CmEiaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CmDetailPageClass *page_class = CM_DETAIL_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = cm_eia_page_constructed;
  G_OBJECT_CLASS (klass)->dispose = cm_eia_page_dispose;
  page_class->entity_set = entity_set;
  page_class->empty_title = N_("No Assessment Chosen");
  page_class->empty_description = N_("Choose an EIA under Assessments (EIAs), or on its service, and open it.");
  gtk_widget_class_install_action (widget_class, "eia.show-version", "x",
                                   show_version_activated);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/commissioner/Commissioner/cm-eia-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmEiaPage, heading);
  gtk_widget_class_bind_template_child (widget_class, CmEiaPage, stepper);
  gtk_widget_class_bind_template_child (widget_class, CmEiaPage, step_content);
}

static void
cm_eia_page_init (CmEiaPage *self)
{
  CmDetailPage *page = CM_DETAIL_PAGE (self);

  self->step.page = GTK_WIDGET (self);
  gtk_widget_init_template (GTK_WIDGET (self));
  cm_detail_page_add_part (page, self->heading, heading_part, "service");
  cm_detail_page_add_part (page, self->stepper, stepper_part, "eia_characteristic");
  cm_detail_page_add_part (page, self->step_content, content_part,
                           "eia_characteristic eia_mitigation staff decommission service");
}

CmEiaPage *
cm_eia_page_new (CmStore *store, const GDate *today)
{
  return g_object_new (CM_TYPE_EIA_PAGE, "store", store, "today", today, NULL);
}

void
cm_eia_page_show (CmEiaPage *self, gint64 eia_id)
{
  self->eia_id = eia_id;
  self->shown = STEP_SCREENING;
  cm_detail_page_set_entity (CM_DETAIL_PAGE (self),
                             cm_store_find (self->step.store, CM_TYPE_EIA, eia_id));
}

gint64
cm_eia_page_get_eia_id (CmEiaPage *self)
{
  return self->eia_id;
}
