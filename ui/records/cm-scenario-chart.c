/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-scenario-chart.c: who a reduction scenario hits hardest, as a chart */
#include <glib/gi18n.h>

#include "cm-bar-chart.h"
#include "cm-chart-value.h"
#include "cm-money.h"
#include "cm-reduction.h"
#include "cm-scenario-chart.h"

struct _CmScenarioChart
{
  GtkWidget parent_instance;

  gint64 scenario_id;
  GtkWidget *chart;
  GtkWidget *warning;       /* a box of the heading and the words */
  GtkWidget *warning_text;
};

G_DEFINE_FINAL_TYPE (CmScenarioChart, cm_scenario_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENARIO_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2.1% of income · £8k", or why the share cannot be said. */
static char *
effect_text (const CmProviderEffect *effect)
{
  g_autofree char *lost = cm_chart_value_short_money (effect->lost);

  if (effect->share_of_income < 0)
    /* Translators: a bar's value, what the provider would lose a year: "£8k" */
    return g_strdup_printf (_("income not recorded · %s"), lost);
  /* Translators: a bar's value, the share of the provider's income it would
   * lose, then how much a year: "2.1% of income · £8k" */
  return g_strdup_printf (_("%.1f%% of income · %s"), effect->share_of_income * 100, lost);
}

/* "Saves £120,000.00 a year across 3 providers. A loses £80,000.00 a
 * year, 12.0% of its income. B …", hardest hit first. */
static char *
summary (const CmReduction *reduction)
{
  g_autofree char *saving = cm_money_format (reduction->saving);
  g_autoptr(GString) words = g_string_new (NULL);

  if (reduction->effects->len == 0)
    return g_strdup (_("The scenario has no lines yet: add contracts to see who it would cut."));
  /* Translators: the saving a year, then how many providers it falls on */
  g_string_printf (words, ngettext ("Saves %s a year from %u provider.",
                                    "Saves %s a year across %u providers.",
                                    reduction->effects->len),
                   saving, reduction->effects->len);
  for (guint i = 0; i < reduction->effects->len; i++)
    {
      const CmProviderEffect *effect = &g_array_index (reduction->effects, CmProviderEffect, i);
      g_autofree char *lost = cm_money_format (effect->lost);

      /* Translators: between two sentences of a summary */
      g_string_append (words, C_("sentence separator", " "));
      if (effect->share_of_income < 0)
        /* Translators: a provider, and what it would lose a year: "£8,000.00" */
        g_string_append_printf (words, _("%s loses %s a year; its income is not recorded."),
                                effect->provider_name, lost);
      else
        /* Translators: a provider, what it would lose a year, and the share of
         * its income that is: "Carers Leeds loses £8,000.00 a year, 2.1% of its
         * income." */
        g_string_append_printf (words, _("%s loses %s a year, %.1f%% of its income."),
                                effect->provider_name, lost, effect->share_of_income * 100);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
fill (CmScenarioChart *self, CmStore *store)
{
  g_autoptr(CmReduction) reduction = cm_reduction_of_scenario (store, self->scenario_id);
  g_autoptr(GListStore) values = g_list_store_new (CM_TYPE_CHART_VALUE);
  g_autofree char *words = summary (reduction);
  g_autofree char *warning = cm_reduction_blanket_warning (reduction);

  for (guint i = 0; i < reduction->effects->len; i++)
    {
      const CmProviderEffect *effect = &g_array_index (reduction->effects, CmProviderEffect, i);
      g_autofree char *text = effect_text (effect);
      /* The share of income is what differs between providers under one
       * cut: it sets the bar, and the pounds are said beside it. */
      g_autoptr(CmChartValue) value =
        cm_chart_value_new (effect->provider_name, MAX (effect->share_of_income, 0) * 100, text);

      g_list_store_append (values, value);
    }
  cm_bar_chart_set_model (CM_BAR_CHART (self->chart), G_LIST_MODEL (values), words);
  gtk_label_set_text (GTK_LABEL (self->warning_text), warning ? warning : "");
  gtk_widget_set_visible (self->warning, warning != NULL);
}

static void
cm_scenario_chart_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  CmScenarioChart *self = CM_SCENARIO_CHART (object);

  switch (id)
    {
    case PROP_SCENARIO_ID:
      g_value_set_int64 (value, self->scenario_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_scenario_chart_set_property (GObject *object, guint id, const GValue *value,
                                GParamSpec *pspec)
{
  CmScenarioChart *self = CM_SCENARIO_CHART (object);

  switch (id)
    {
    case PROP_SCENARIO_ID:
      self->scenario_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_scenario_chart_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cm_scenario_chart_parent_class)->dispose (object);
}

static void
cm_scenario_chart_class_init (CmScenarioChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cm_scenario_chart_get_property;
  object_class->set_property = cm_scenario_chart_set_property;
  object_class->dispose = cm_scenario_chart_dispose;
  properties[PROP_SCENARIO_ID] =
    g_param_spec_int64 ("scenario-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

/* The warning first, in words and with its sign: not in colour alone. */
static GtkWidget *
warning_box (CmScenarioChart *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("⚠ A blanket reduction"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "warning");
  self->warning_text = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->warning_text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->warning_text), 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), self->warning_text);
  return box;
}

static void
cm_scenario_chart_init (CmScenarioChart *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  self->warning = warning_box (self);
  gtk_widget_set_parent (self->warning, GTK_WIDGET (self));
  self->chart = cm_bar_chart_new (_("Share of Income Each Provider Would Lose"));
  gtk_widget_set_parent (self->chart, GTK_WIDGET (self));
}

GtkWidget *
cm_scenario_chart_new (CmStore *store, gint64 scenario_id)
{
  CmScenarioChart *self = g_object_new (CM_TYPE_SCENARIO_CHART, "scenario-id", scenario_id,
                                        NULL);

  fill (self, store);
  return GTK_WIDGET (self);
}
