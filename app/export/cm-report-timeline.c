/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-timeline.c: a service's contracts on one axis, in a printed report */
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cm-contract.h"
#include "cm-deadline-settings.h"
#include "cm-report-timeline.h"
#include "cm-timeline-contract.h"
#include "cm-timeline-render.h"

struct _CmReportTimeline {
  CmTimeline *timeline;
  PangoContext *context;   /* measures and draws the timeline's words */
  CmTimelineLayout layout; /* across the page's width */
};

/* Small print, in points, and no hinting: the words are measured as the
 * PDF draws them, whatever the surface. */
static PangoContext *
print_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_font_description (context, font);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_font_description_free (font);
  return context;
}

CmReportTimeline *
cm_report_timeline_new (CmStore *store, gint64 service_id, const GDate *today)
{
  CmReportTimeline *self = g_new0 (CmReportTimeline, 1);
  g_autoptr(GListModel) contracts = cm_store_list_where_id (store, CM_TYPE_CONTRACT,
                                                            "service-id", service_id);
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;

  cm_deadline_settings_load (store, &settings);
  self->timeline = cm_timeline_new (today);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);

      cm_timeline_add_contract (self->timeline, contract, &settings);
    }
  self->context = print_context ();
  cm_timeline_layout (self->timeline, self->context, cm_report_page_width (), &self->layout);
  return self;
}

void
cm_report_timeline_free (CmReportTimeline *self)
{
  if (self == NULL)
    return;
  cm_timeline_free (self->timeline);
  g_object_unref (self->context);
  g_free (self);
}

static void
render (cairo_t *cr, gpointer data)
{
  CmReportTimeline *self = data;

  cm_timeline_render (cr, self->context, self->timeline, &self->layout,
                      cm_timeline_palette_light ());
}

void
cm_report_timeline_draw (CmReportPage *page, CmReportTimeline *self)
{
  g_autofree char *words = NULL;

  cm_report_page_heading (page, _("Timeline of the service’s contracts"));
  if (self->timeline->rows->len == 0)
    {
      cm_report_page_paragraph (page, _("No contract is recorded for this service, so there "
                                        "is no timeline to draw."));
      return;
    }
  cm_report_page_figure (page, self->layout.height, render, self);
  words = cm_timeline_describe (self->timeline);
  cm_report_page_paragraph (page, words);
}
