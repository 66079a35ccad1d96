/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-buttons.c: Print…, Export PDF… (and Export to Calendar…) on a page */
#include <glib/gi18n.h>

#include "cm-report-actions.h"
#include "cm-report-buttons.h"

struct _CmReportButtons
{
  GtkWidget parent_instance;

  char *kind;
  char *title;      /* the report's name, as its title page gives it */
  gboolean calendar;
};

G_DEFINE_FINAL_TYPE (CmReportButtons, cm_report_buttons, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_CALENDAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A button that names the report to a screen reader and in its tooltip;
 * its label stays short, as the page it sits on says which report. */
static void
add_button (CmReportButtons *self, const char *label, const char *name, const char *tooltip,
            const char *action, GVariant *target)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
}

static void
cm_report_buttons_constructed (GObject *object)
{
  CmReportButtons *self = CM_REPORT_BUTTONS (object);
  /* TRANSLATORS: a button's name for a screen reader, then the report's name */
  g_autofree char *print_name = g_strdup_printf (_("Print “%s”…"), self->title);
  /* TRANSLATORS: a button's tooltip, then the report's name */
  g_autofree char *print_tip = g_strdup_printf (_("Print the report “%s”"), self->title);
  g_autofree char *pdf_name = g_strdup_printf (_("Export PDF of “%s”…"), self->title);
  g_autofree char *pdf_tip = g_strdup_printf (_("Save the report “%s” as a PDF file"),
                                              self->title);

  G_OBJECT_CLASS (cm_report_buttons_parent_class)->constructed (object);
  add_button (self, _("Print…"), print_name, print_tip, "report.print-report",
              g_variant_new_string (self->kind));
  add_button (self, _("Export PDF…"), pdf_name, pdf_tip, "report.export-report",
              g_variant_new_string (self->kind));
  if (self->calendar)
    add_button (self, _("Export to Calendar…"), _("Export Deadlines to Calendar…"),
                _("Save every dated deadline as a calendar file, to open in Outlook or "
                  "another calendar"), "report.export-calendar", NULL);
}

static void
cm_report_buttons_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  CmReportButtons *self = CM_REPORT_BUTTONS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CALENDAR:
      g_value_set_boolean (value, self->calendar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_report_buttons_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  CmReportButtons *self = CM_REPORT_BUTTONS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_CALENDAR:
      self->calendar = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_report_buttons_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cm_report_buttons_parent_class)->dispose (object);
}

static void
cm_report_buttons_finalize (GObject *object)
{
  CmReportButtons *self = CM_REPORT_BUTTONS (object);

  g_free (self->kind);
  g_free (self->title);
  G_OBJECT_CLASS (cm_report_buttons_parent_class)->finalize (object);
}

static void
cm_report_buttons_class_init (CmReportButtonsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cm_report_buttons_constructed;
  object_class->get_property = cm_report_buttons_get_property;
  object_class->set_property = cm_report_buttons_set_property;
  object_class->dispose = cm_report_buttons_dispose;
  object_class->finalize = cm_report_buttons_finalize;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "deadlines",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALENDAR] =
    g_param_spec_boolean ("calendar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cm_report_buttons_init (CmReportButtons *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
cm_report_buttons_new (CmStore *store, const char *kind, gboolean calendar)
{
  g_autofree char *title = cm_report_actions_describe (store, kind);
  /* TRANSLATORS: the name of a group of buttons, then the report's name */
  g_autofree char *name = g_strdup_printf (_("Report: %s"), title);
  GtkWidget *buttons = g_object_new (CM_TYPE_REPORT_BUTTONS, "kind", kind, "title", title,
                                     "calendar", calendar, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return buttons;
}
