/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-charts.c: the Overview's charts of stages, spend and endings
 *
 * The figures come from the core (cm-overview-charts.h); this says them in
 * words, on each bar and in each chart's description, and lays the three
 * out in a row, or in as many columns as the window has room for.
 */
#include <glib/gi18n.h>

#include "cm-bar-chart.h"
#include "cm-chart-value.h"
#include "cm-count.h"
#include "cm-money.h"
#include "cm-overview-charts.h"
#include "cm-portfolio-charts.h"

struct _CmPortfolioCharts
{
  GtkWidget parent_instance;

  CmBarChart *spend;
  GListModel *by_commissioner;
  GListModel *by_type;
  char *by_commissioner_summary;
  char *by_type_summary;
  gboolean by_kind;
};

G_DEFINE_FINAL_TYPE (CmPortfolioCharts, cm_portfolio_charts, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BY_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A chart in a card of its own, with room around it, and the controls
 * of @footer, if any, below it. */
static GtkWidget *
card (GtkWidget *chart, GtkWidget *footer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, footer ? 0 : 12);
  gtk_box_append (GTK_BOX (box), chart);
  if (footer)
    {
      gtk_widget_set_margin_start (footer, 12);
      gtk_widget_set_margin_end (footer, 12);
      gtk_widget_set_margin_bottom (footer, 12);
      gtk_box_append (GTK_BOX (box), footer);
    }
  return box;
}

/* ---- services by stage ------------------------------------------------ */

/* Takes @figure and adds it after @text's, as in "13 services · 5 held". */
static char *
with_figure (char *text, char *figure)
{
  /* Translators: two figures of one bar of a chart, as in "13 services ·
   * 5 held" */
  char *both = g_strdup_printf (C_("chart figures", "%s · %s"), text, figure);

  g_free (text);
  g_free (figure);
  return both;
}

static CmChartValue *
stage_value (CmStage stage, const CmStageCount *count)
{
  g_autofree char *services = cm_count_format (count->services);
  g_autofree char *text = g_strdup_printf (ngettext ("%s service", "%s services",
                                                     count->services), services);
  CmChartValue *value;

  if (count->held > 0)
    /* Translators: how many of a stage's services are held at its gate */
    text = with_figure (g_steal_pointer (&text),
                        g_strdup_printf (ngettext ("%u held", "%u held", count->held),
                                         count->held));
  if (count->overridden > 0)
    /* Translators: how many of a stage's services passed its gate by override */
    text = with_figure (g_steal_pointer (&text),
                        g_strdup_printf (ngettext ("%u overridden", "%u overridden",
                                                   count->overridden), count->overridden));
  value = cm_chart_value_new (cm_enum_to_label (CM_TYPE_STAGE, stage), count->services, text);
  cm_chart_value_set_part (value, count->held);
  return value;
}

/* Adds @sentence, whole, after the ones in @words. */
static void
append_sentence (GString *words, const char *sentence)
{
  if (words->len > 0)
    g_string_append_c (words, ' ');
  g_string_append (words, sentence);
}

/* "13 services are in Analyse. 5 services in Analyse are held at the gate." */
static void
append_stage (GString *words, CmStage stage, const CmStageCount *count)
{
  const char *name = cm_enum_to_label (CM_TYPE_STAGE, stage);
  /* Translators: %s is a stage of the cycle, as in "13 services are in Analyse." */
  g_autofree char *services = cm_count_format (count->services);
  g_autofree char *in = g_strdup_printf (ngettext ("%s service is in %s.",
                                                   "%s services are in %s.", count->services),
                                         services, name);

  append_sentence (words, in);
  if (count->held > 0)
    {
      g_autofree char *held =
        /* Translators: %s is a stage of the cycle */
        g_strdup_printf (ngettext ("%u service in %s is held at the gate.",
                                   "%u services in %s are held at the gate.", count->held),
                         count->held, name);

      append_sentence (words, held);
    }
}

/* The chart in whole sentences, one for each count. */
static char *
stage_summary (const CmOverviewCharts *charts)
{
  g_autoptr(GString) words = g_string_new (NULL);
  guint total = 0, overridden = 0;
  g_autofree char *head = NULL, *by_override = NULL, *services = NULL;

  for (CmStage s = CM_STAGE_ANALYSE; s <= CM_STAGE_DECOMMISSIONING; s++)
    {
      total += charts->stages[s].services;
      overridden += charts->stages[s].overridden;
    }
  services = cm_count_format (total);
  head = g_strdup_printf (ngettext ("The portfolio holds %s service.",
                                    "The portfolio holds %s services.", total), services);
  append_sentence (words, head);
  for (CmStage s = CM_STAGE_ANALYSE; s <= CM_STAGE_DECOMMISSIONING; s++)
    if (s <= CM_STAGE_REVIEW || charts->stages[s].services > 0)
      append_stage (words, s, &charts->stages[s]);
  by_override = g_strdup_printf (ngettext ("%u service passed a gate of this cycle by override.",
                                           "%u services passed a gate of this cycle by "
                                           "override.", overridden), overridden);
  append_sentence (words, by_override);
  append_sentence (words, _("Hatching marks the services held."));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static GtkWidget *
stages_chart (const CmOverviewCharts *charts)
{
  GtkWidget *chart = cm_bar_chart_new (_("Services in Each Stage"));
  g_autoptr(GListStore) values = g_list_store_new (CM_TYPE_CHART_VALUE);
  g_autofree char *summary = stage_summary (charts);

  for (CmStage s = CM_STAGE_ANALYSE; s <= CM_STAGE_DECOMMISSIONING; s++)
    if (s <= CM_STAGE_REVIEW || charts->stages[s].services > 0)
      {
        g_autoptr(CmChartValue) value = stage_value (s, &charts->stages[s]);

        g_list_store_append (values, value);
      }
  cm_bar_chart_set_model (CM_BAR_CHART (chart), G_LIST_MODEL (values), summary);
  return card (chart, NULL);
}

/* ---- spend ------------------------------------------------------------ */

static GListModel *
spend_values (GPtrArray *totals)
{
  GListStore *values = g_list_store_new (CM_TYPE_CHART_VALUE);

  for (guint i = 0; i < totals->len; i++)
    {
      CmSpendTotal *total = g_ptr_array_index (totals, i);
      g_autofree char *money = cm_chart_value_short_money (total->pence);
      g_autoptr(CmChartValue) value = cm_chart_value_new (total->label, total->pence, money);

      g_list_store_append (values, value);
    }
  return G_LIST_MODEL (values);
}

/* "£84,400,000 on the third sector in 2026/27, by commissioner. Adult
 * Social Care: £55,600,000, 66% of it. …", one sentence per bar. */
static char *
spend_summary (gboolean by_kind, const CmReportPeriod *year, GPtrArray *totals, guint undated)
{
  g_autofree char *year_label = cm_report_period_year_label (year);
  g_autoptr(GString) words = g_string_new (NULL);
  gint64 all = 0;
  g_autofree char *all_money = NULL;

  for (guint i = 0; i < totals->len; i++)
    all += ((CmSpendTotal *) g_ptr_array_index (totals, i))->pence;
  all_money = cm_money_format (all);
  if (totals->len == 0)
    g_string_printf (words, _("No spend on the third sector in %s."), year_label);
  else if (by_kind)
    /* Translators: "£84,400,000 on the third sector in 2026/27, by kind of service." */
    g_string_printf (words, _("%s on the third sector in %s, by kind of service."), all_money,
                     year_label);
  else
    /* Translators: "£84,400,000 on the third sector in 2026/27, by commissioner." */
    g_string_printf (words, _("%s on the third sector in %s, by commissioner."), all_money,
                     year_label);
  for (guint i = 0; i < totals->len; i++)
    {
      CmSpendTotal *total = g_ptr_array_index (totals, i);
      g_autofree char *money = cm_money_format (total->pence);
      /* Translators: one bar of the spend chart: who pays or the kind of
       * service, its spend and its share of the year's, as in "Adult
       * Social Care: £55,600,000, 66% of it." */
      g_autofree char *bar = g_strdup_printf (_("%s: %s, %.0f%% of it."), total->label, money,
                                              all > 0 ? 100.0 * total->pence / all : 0);

      append_sentence (words, bar);
    }
  if (undated > 0)
    {
      g_autofree char *left_out =
        g_strdup_printf (ngettext ("%u contract without a start or end date is left out.",
                                   "%u contracts without a start or end date are left out.",
                                   undated), undated);

      append_sentence (words, left_out);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
show_spend (CmPortfolioCharts *self)
{
  cm_bar_chart_set_model (self->spend, self->by_kind ? self->by_type : self->by_commissioner,
                          self->by_kind ? self->by_type_summary
                                        : self->by_commissioner_summary);
}

static void
kind_toggled (GtkToggleButton *button, CmPortfolioCharts *self)
{
  g_object_set (self, "by-kind", gtk_toggle_button_get_active (button), NULL);
}

/* Two linked toggles, one above the other so that three charts fit in a
 * row: by who pays, or by the kind of service. */
static GtkWidget *
spend_switch (CmPortfolioCharts *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *payer = gtk_toggle_button_new_with_mnemonic (_("By Co_mmissioner"));
  GtkWidget *kind = gtk_toggle_button_new_with_mnemonic (_("By Service _Type"));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_FILL);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (kind), GTK_TOGGLE_BUTTON (payer));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (payer), TRUE);
  gtk_widget_set_tooltip_text (payer, _("Spend by the commissioner or fund that pays"));
  gtk_widget_set_tooltip_text (kind, _("Spend by the kind of service, such as prevention"));
  g_signal_connect (kind, "toggled", G_CALLBACK (kind_toggled), self);
  gtk_box_append (GTK_BOX (box), payer);
  gtk_box_append (GTK_BOX (box), kind);
  return box;
}

static GtkWidget *
spend_chart (CmPortfolioCharts *self, const CmOverviewCharts *charts)
{
  g_autofree char *year = cm_report_period_year_label (&charts->year);
  /* Translators: the title of a chart; %s is a financial year, "2026/27" */
  g_autofree char *title = g_strdup_printf (_("Third-Sector Spend, %s"), year);

  self->by_commissioner = spend_values (charts->spend_by_commissioner);
  self->by_type = spend_values (charts->spend_by_type);
  self->by_commissioner_summary = spend_summary (FALSE, &charts->year,
                                                 charts->spend_by_commissioner,
                                                 charts->spend_undated);
  self->by_type_summary = spend_summary (TRUE, &charts->year, charts->spend_by_type,
                                         charts->spend_undated);
  self->spend = CM_BAR_CHART (cm_bar_chart_new (title));
  show_spend (self);
  return card (GTK_WIDGET (self->spend), spend_switch (self));
}

/* ---- contracts ending ------------------------------------------------- */

/* "Oct–Dec 2026": the quarter's months, as people name them. */
static char *
quarter_label (const CmReportPeriod *quarter)
{
  char first[32], last[32];

  g_date_strftime (first, sizeof first, "%b", &quarter->first);
  g_date_strftime (last, sizeof last, "%b %Y", &quarter->last);
  /* Translators: a quarter of the year, "Oct–Dec 2026" */
  return g_strdup_printf (_("%s–%s"), first, last);
}

/* "12 open contracts end in the next eight quarters. 3 end in Oct–Dec
 * 2026. …", one sentence per quarter with endings. */
static char *
endings_summary (const CmOverviewCharts *charts)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *head = NULL, *contracts = NULL;
  guint total = 0, quiet = 0;

  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    {
      total += charts->ending[q];
      quiet += charts->ending[q] == 0;
    }
  if (total == 0)
    return g_strdup (_("No open contract ends in the next eight quarters."));
  contracts = cm_count_format (total);
  head = g_strdup_printf (ngettext ("%s open contract ends in the next eight quarters.",
                                    "%s open contracts end in the next eight quarters.", total),
                          contracts);
  append_sentence (words, head);
  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    if (charts->ending[q] > 0)
      {
        g_autofree char *when = quarter_label (&charts->quarters[q]);
        /* Translators: %s is a quarter, as in "3 end in Oct–Dec 2026." */
        g_autofree char *in = g_strdup_printf (ngettext ("%u ends in %s.", "%u end in %s.",
                                                         charts->ending[q]),
                                               charts->ending[q], when);

        append_sentence (words, in);
      }
  if (quiet > 0)
    append_sentence (words, ngettext ("None ends in the other quarter.",
                                      "None ends in the other quarters.", quiet));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static GtkWidget *
endings_chart (const CmOverviewCharts *charts)
{
  GtkWidget *chart = cm_bar_chart_new (_("Contracts Ending by Quarter"));
  g_autoptr(GListStore) values = g_list_store_new (CM_TYPE_CHART_VALUE);
  g_autofree char *summary = endings_summary (charts);

  for (guint q = 0; q < CM_CHART_QUARTERS; q++)
    {
      g_autofree char *when = quarter_label (&charts->quarters[q]);
      g_autofree char *ending = cm_count_format (charts->ending[q]);
      g_autofree char *count = g_strdup_printf (ngettext ("%s contract", "%s contracts",
                                                          charts->ending[q]),
                                                ending);
      g_autoptr(CmChartValue) value = cm_chart_value_new (when, charts->ending[q], count);

      g_list_store_append (values, value);
    }
  cm_bar_chart_set_model (CM_BAR_CHART (chart), G_LIST_MODEL (values), summary);
  return card (chart, NULL);
}

/* ---- the object ------------------------------------------------------- */

/* ---- the layout: three columns, or as many as there is room for ------ */

#define SPACING 12
#define MOST_COLUMNS 3
#define NARROWEST_CARD 250

static int
widest_minimum (GtkWidget *widget)
{
  int widest = NARROWEST_CARD;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int minimum;

      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      widest = MAX (widest, minimum);
    }
  return widest;
}

static int
columns_for (GtkWidget *widget, int width)
{
  int narrowest = widest_minimum (widget);

  for (int columns = MOST_COLUMNS; columns > 1; columns--)
    if ((width - (columns - 1) * SPACING) / columns >= narrowest)
      return columns;
  return 1;
}

/* Lays the cards out in rows of @columns at @width; returns the height. */
static int
lay_out (GtkWidget *widget, int width, gboolean allocate)
{
  int columns = columns_for (widget, width);
  int column_width = (width - (columns - 1) * SPACING) / columns;
  int y = 0, row_height = 0, column = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int height;

      gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, column_width, NULL, &height, NULL, NULL);
      row_height = MAX (row_height, height);
      if (++column == columns || gtk_widget_get_next_sibling (c) == NULL)
        {
          if (allocate)
            {
              GtkWidget *first = c;

              for (int back = column - 1; back > 0; back--)
                first = gtk_widget_get_prev_sibling (first);
              for (int i = 0; i < column; i++, first = gtk_widget_get_next_sibling (first))
                gtk_widget_size_allocate (first, &(GtkAllocation) {
                                            i * (column_width + SPACING), y, column_width,
                                            row_height }, -1);
            }
          y += row_height + SPACING;
          row_height = column = 0;
        }
    }
  return MAX (y - SPACING, 0);
}

static GtkSizeRequestMode
cm_portfolio_charts_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cm_portfolio_charts_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline,
                             int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = widest_minimum (widget);
      *natural = MOST_COLUMNS * *minimum + (MOST_COLUMNS - 1) * SPACING;
      return;
    }
  if (for_size < 0)
    for_size = widest_minimum (widget);
  *minimum = *natural = lay_out (widget, for_size, FALSE);
}

static void
cm_portfolio_charts_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  lay_out (widget, width, TRUE);
}

/* ---- the object ------------------------------------------------------- */

static void
cm_portfolio_charts_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  CmPortfolioCharts *self = CM_PORTFOLIO_CHARTS (object);

  switch (id)
    {
    case PROP_BY_KIND:
      g_value_set_boolean (value, self->by_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_portfolio_charts_set_property (GObject *object, guint id, const GValue *value,
                                  GParamSpec *pspec)
{
  CmPortfolioCharts *self = CM_PORTFOLIO_CHARTS (object);

  switch (id)
    {
    case PROP_BY_KIND:
      if (self->by_kind == g_value_get_boolean (value))
        return;
      self->by_kind = g_value_get_boolean (value);
      if (self->spend)
        show_spend (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
cm_portfolio_charts_dispose (GObject *object)
{
  CmPortfolioCharts *self = CM_PORTFOLIO_CHARTS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->by_commissioner);
  g_clear_object (&self->by_type);
  g_clear_pointer (&self->by_commissioner_summary, g_free);
  g_clear_pointer (&self->by_type_summary, g_free);
  G_OBJECT_CLASS (cm_portfolio_charts_parent_class)->dispose (object);
}

static void
cm_portfolio_charts_class_init (CmPortfolioChartsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cm_portfolio_charts_get_property;
  object_class->set_property = cm_portfolio_charts_set_property;
  object_class->dispose = cm_portfolio_charts_dispose;
  properties[PROP_BY_KIND] =
    g_param_spec_boolean ("by-kind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->get_request_mode = cm_portfolio_charts_get_request_mode;
  widget_class->measure = cm_portfolio_charts_measure;
  widget_class->size_allocate = cm_portfolio_charts_size_allocate;
}

static void
cm_portfolio_charts_init (CmPortfolioCharts *self)
{
}

/* The charts of @charts, worked out beforehand (in a worker, say). */
GtkWidget *
cm_portfolio_charts_new_for (const CmOverviewCharts *charts)
{
  CmPortfolioCharts *self = g_object_new (CM_TYPE_PORTFOLIO_CHARTS, NULL);

  gtk_widget_set_parent (stages_chart (charts), GTK_WIDGET (self));
  gtk_widget_set_parent (spend_chart (self, charts), GTK_WIDGET (self));
  gtk_widget_set_parent (endings_chart (charts), GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

GtkWidget *
cm_portfolio_charts_new (CmStore *store, const GDate *today, GError **error)
{
  g_autoptr(CmOverviewCharts) charts = cm_overview_charts_collect (store, today, error);

  return charts ? cm_portfolio_charts_new_for (charts) : NULL;
}
