/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report.c: reports for committees and reviewers, as PDF */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit-anchor.h"
#include "cm-date.h"
#include "cm-portfolio-name.h"
#include "cm-report.h"
#include "cm-service.h"

G_DEFINE_QUARK (cm-report-error-quark, cm_report_error)

#define DECOMMISSION_PREFIX "decommission:"
#define EIA_PREFIX "eia:"

void
cm_report_title_page (CmReportPage *page, const CmReportContext *context, const char *title,
                      const char *covering)
{
  /* TRANSLATORS: on a report's title page, then a date */
  g_autofree char *as_on = g_strdup_printf (_("As on %s"), context->as_on);
  /* On a line of its own, so the head is never broken by a hyphen. */
  const char *head = context->anchor ? _("Drawn from the audit trail up to its head:")
                                     : _("The audit trail is empty.");
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  g_ptr_array_add (lines, context->portfolio);
  if (covering)
    g_ptr_array_add (lines, (gpointer) covering);
  g_ptr_array_add (lines, as_on);
  g_ptr_array_add (lines, (gpointer) head);
  g_ptr_array_add (lines, NULL);
  cm_report_page_title (page, title, (const char * const *) lines->pdata, context->anchor);
}

gboolean
cm_report_render (const CmReportContext *context, const char *path, const char *title,
                  CmReportDrawFunc draw, gpointer data, GError **error)
{
  /* TRANSLATORS: a report's footer: the report's title and the portfolio's name */
  g_autofree char *footer = g_strdup_printf (_("%s — %s"), title, context->portfolio);
  g_autofree char *document = g_strdup_printf (_("%s — %s"), title, context->portfolio);

  if (context->pages)
    return cm_report_pages_lay_out (context->pages, document, footer, draw, data,
                                    context->cancellable, error);
  return cm_report_page_render (path, document, footer, draw, data, context->cancellable,
                                error);
}

/* By exact name, or by its record number where no name matches. */
CmService *
cm_report_find_service (CmStore *store, const char *wanted, GError **error)
{
  GListModel *services = cm_store_list (store, CM_TYPE_SERVICE);
  guint64 id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CmService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (cm_service_get_name (service), wanted) == 0)
        return g_steal_pointer (&service);
    }
  if (g_ascii_string_to_unsigned (wanted, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < g_list_model_get_n_items (services); i++)
      {
        g_autoptr(CmService) service = g_list_model_get_item (services, i);

        if ((guint64) cm_entity_get_id (CM_ENTITY (service)) == id)
          return g_steal_pointer (&service);
      }
  g_set_error (error, CM_REPORT_ERROR, CM_REPORT_ERROR_NOT_FOUND,
               _("No service called “%s” is in this portfolio. Give the service's exact "
                 "name, as the Services list shows it."), wanted);
  return NULL;
}

static gboolean report_dispatch (CmStore *store, const char *kind, const char *path,
                                 const GDate *today, CmReportPages *pages,
                                 GCancellable *cancellable, GError **error);

gboolean
cm_report_write (CmStore *store, const char *kind, const char *path, const GDate *today,
                 GError **error)
{
  return cm_report_write_cancellable (store, kind, path, today, NULL, error);
}

CmReportPages *
cm_report_lay_out (CmStore *store, const char *kind, const GDate *today,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr(CmReportPages) pages = cm_report_pages_new ();

  if (!report_dispatch (store, kind, NULL, today, pages, cancellable, error))
    return NULL;
  return g_steal_pointer (&pages);
}

gboolean
cm_report_lay_out_into (CmStore *store, const char *kind, const GDate *today,
                        CmReportPages *pages, GCancellable *cancellable, GError **error)
{
  return report_dispatch (store, kind, NULL, today, pages, cancellable, error);
}

gboolean
cm_report_write_cancellable (CmStore *store, const char *kind, const char *path,
                             const GDate *today, GCancellable *cancellable, GError **error)
{
  return report_dispatch (store, kind, path, today, NULL, cancellable, error);
}

/* Draws @kind into the PDF @path, or into @pages when it is not NULL. */
static gboolean
report_dispatch (CmStore *store, const char *kind, const char *path, const GDate *today,
                 CmReportPages *pages, GCancellable *cancellable, GError **error)
{
  CmReportContext context = {
    store, today, cm_portfolio_name_of_store (store), cm_date_to_long (today),
    cm_audit_anchor_current (store, NULL), pages, cancellable,
  };
  gboolean done = FALSE;

  if (g_strcmp0 (kind, "deadlines") == 0)
    done = cm_report_deadlines (&context, path, error);
  else if (g_strcmp0 (kind, "six-monthly") == 0)
    done = cm_report_six_monthly (&context, path, error);
  else if (g_strcmp0 (kind, "community-committees") == 0)
    done = cm_report_committees (&context, path, error);
  else if (g_str_has_prefix (kind, DECOMMISSION_PREFIX))
    done = cm_report_decommission (&context, kind + strlen (DECOMMISSION_PREFIX), path, error);
  else if (g_str_has_prefix (kind, EIA_PREFIX))
    done = cm_report_eia (&context, kind + strlen (EIA_PREFIX), path, error);
  else
    g_set_error (error, CM_REPORT_ERROR, CM_REPORT_ERROR_UNKNOWN_KIND,
                 _("There is no report called “%s”. Choose six-monthly, "
                   "community-committees, deadlines, decommission:SERVICE or eia:SERVICE, "
                   "where SERVICE is the service's exact name."), kind);
  g_free (context.portfolio);
  g_free (context.as_on);
  g_free (context.anchor);
  return done;
}
