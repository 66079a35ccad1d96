/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-eia.c: a service's equality impact assessments and its contracts'
 * timeline, as PDF */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-eia-process.h"
#include "cm-enums.h"
#include "cm-report.h"
#include "cm-report-timeline.h"

typedef struct {
  const CmReportContext *context;
  CmService *service;
  GPtrArray *eias; /* of CmEia, the service's, oldest first */
  CmReportTimeline *timeline; /* the service's contracts, whom a change affects */
} Summary;

static const char *
label_of (gpointer object, const char *property, GType enum_type)
{
  int value;

  g_object_get (object, property, &value, NULL);
  return cm_enum_to_label (enum_type, value);
}

static char *
text_of (gpointer object, const char *property)
{
  char *text = NULL;

  g_object_get (object, property, &text, NULL);
  return text;
}

/* "Extend a service for 6 months (Alice Smith, due 2027-01-31, Done); …" */
static char *
mitigations_text (CmStore *store, CmEiaCharacteristic *c)
{
  g_autoptr(GPtrArray) actions = cm_eia_mitigations (store, cm_entity_get_id (CM_ENTITY (c)));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      CmEiaMitigation *m = g_ptr_array_index (actions, i);
      g_autofree char *due = cm_date_format_long (cm_eia_mitigation_get_due_date (m));

      /* TRANSLATORS: a mitigating action, its owner, when it is due and its status */
      g_string_append_printf (text, _("%s%s (%s, due %s, %s)"), i ? "\n" : "",
                              cm_eia_mitigation_get_description (m),
                              cm_eia_mitigation_get_owner (m), due,
                              label_of (m, "status", CM_TYPE_MITIGATION_STATUS));
    }
  return g_string_free (text, FALSE);
}

/* Who signed it and when, or that it is not signed off. */
static char *
sign_off (CmEia *eia)
{
  g_autofree char *signatory = text_of (eia, "signatory-name");
  g_autofree char *on = cm_date_format_long (cm_eia_get_signed_on (eia));

  if (!cm_eia_get_signed (eia))
    return g_strdup (_("Not signed off."));
  return g_strdup_printf (_("Signed off by %s on %s."), signatory, on);
}

static void
draw_eia (CmReportPage *page, Summary *summary, CmEia *eia)
{
  const char *headers[] = { _("Characteristic"), _("Screening"), _("Impact"), _("Evidence"),
                            _("Mitigations"), NULL };
  static const double shares[] = { 0.17, 0.13, 0.12, 0.29, 0.29 };
  g_autoptr(GPtrArray) list = cm_eia_characteristics (summary->context->store,
                                                      cm_entity_get_id (CM_ENTITY (eia)));
  /* TRANSLATORS: a heading: "Cycle 2, version 1: Decommission" */
  g_autofree char *heading = g_strdup_printf (_("Cycle %d, version %d: %s"),
                                              cm_eia_get_cycle (eia), cm_eia_get_version (eia),
                                              label_of (eia, "decision", CM_TYPE_EIA_DECISION));
  g_autofree char *signed_off = sign_off (eia);
  /* TRANSLATORS: an EIA's outcome, then why */
  g_autofree char *outcome = g_strdup_printf (_("Outcome: %s. %s"),
                                              label_of (eia, "outcome", CM_TYPE_EIA_OUTCOME),
                                              cm_eia_get_outcome_reason (eia));

  cm_report_page_heading (page, heading);
  cm_report_page_paragraph (page, signed_off);
  cm_report_page_paragraph (page, outcome);
  if (list->len == 0)
    return;
  cm_report_page_table (page, headers, shares);
  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);
      g_autofree char *actions = mitigations_text (summary->context->store, c);
      gboolean relevant = cm_eia_characteristic_get_relevance (c) == CM_RELEVANCE_RELEVANT;
      const char *cells[] = {
        cm_eia_characteristic_get_name (c), label_of (c, "relevance", CM_TYPE_RELEVANCE),
        relevant ? label_of (c, "impact", CM_TYPE_IMPACT) : "",
        cm_eia_characteristic_get_evidence (c), actions,
      };

      cm_report_page_row (page, cells);
    }
  cm_report_page_end_table (page);
}

static void
draw_summary (CmReportPage *page, gpointer data)
{
  Summary *summary = data;
  g_autofree char *title = g_strdup_printf (_("Equality impact assessments: %s"),
                                            cm_service_get_name (summary->service));

  cm_report_title_page (page, summary->context, title, NULL);
  if (summary->eias->len == 0)
    {
      cm_report_page_heading (page, _("No equality impact assessment"));
      cm_report_page_paragraph (page, _("No equality impact assessment has been started for "
                                        "this service."));
      return;
    }
  for (guint i = 0; i < summary->eias->len; i++)
    draw_eia (page, summary, g_ptr_array_index (summary->eias, i));
  cm_report_timeline_draw (page, summary->timeline);
}

static GPtrArray *
eias_of (CmStore *store, CmService *service)
{
  GListModel *all = cm_store_list (store, CM_TYPE_EIA);
  GPtrArray *eias = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 id = cm_entity_get_id (CM_ENTITY (service));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      CmEia *eia = g_list_model_get_item (all, i);

      if (cm_eia_get_service_id (eia) == id)
        g_ptr_array_add (eias, eia);
      else
        g_object_unref (eia);
    }
  return eias;
}

gboolean
cm_report_eia (const CmReportContext *context, const char *service, const char *path,
               GError **error)
{
  Summary summary = { context };
  g_autofree char *title = NULL;
  gboolean written;

  summary.service = cm_report_find_service (context->store, service, error);
  if (summary.service == NULL)
    return FALSE;
  summary.eias = eias_of (context->store, summary.service);
  summary.timeline = cm_report_timeline_new (context->store,
                                             cm_entity_get_id (CM_ENTITY (summary.service)),
                                             context->today);
  title = g_strdup_printf (_("Equality impact assessments: %s"),
                           cm_service_get_name (summary.service));
  written = cm_report_render (context, path, title, draw_summary, &summary, error);
  g_ptr_array_unref (summary.eias);
  cm_report_timeline_free (summary.timeline);
  g_object_unref (summary.service);
  return written;
}
