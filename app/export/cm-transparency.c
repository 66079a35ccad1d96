/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-transparency.c: the contracts register of the Transparency Code */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-contract-span.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-provider.h"
#include "cm-safe-write.h"
#include "cm-service.h"
#include "cm-succession.h"
#include "cm-total-value.h"
#include "cm-transparency.h"

#define MINIMUM_PENCE (5000 * 100)

const char * const *
cm_transparency_headers (void)
{
  static const char *headers[CM_TRANSPARENCY_N_FIELDS + 1];
  static gsize filled;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < CM_TRANSPARENCY_N_FIELDS; i++)
        headers[i] = cm_transparency_column_header (&cm_transparency_columns[i]);
      g_once_init_leave (&filled, 1);
    }
  return headers;
}

void
cm_transparency_row_free (gpointer data)
{
  CmTransparencyRow *row = data;

  g_free (row->reference);
  g_free (row->title);
  g_free (row->department);
  g_free (row->description);
  g_free (row->supplier);
  g_free (row->supplier_details);
  g_free (row->registration);
  g_free (row);
}

/* Whether the route invited quotes or tenders. */
static const char *
invitation (int route)
{
  switch (route)
    {
    case CM_PROCUREMENT_ROUTE_QUOTATION:
      return _("Invitation to quote");
    case CM_PROCUREMENT_ROUTE_DIRECT_AWARD:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_A:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_B:
    case CM_PROCUREMENT_ROUTE_PSR_DIRECT_AWARD_C:
    case CM_PROCUREMENT_ROUTE_PSR_MOST_SUITABLE_PROVIDER:
    case CM_PROCUREMENT_ROUTE_GRANT_SCHEME:
    /* A route we could not read is not claimed to have been advertised. */
    case CM_PROCUREMENT_ROUTE_OTHER:
      return _("Neither");
    default:
      return _("Invitation to tender");
    }
}

static void
describe_supplier (CmTransparencyRow *row, const CmSupplierSummary *p)
{
  const char *charity = p && p->charity_number ? p->charity_number : "";
  const char *company = p && p->company_number ? p->company_number : "";
  g_autofree char *sector = NULL;

  if (p == NULL)
    return;
  sector = cm_enum_to_label_as_written (CM_TYPE_SECTOR, p->sector, p->sector_as_written);
  row->supplier = g_strdup (p->name);
  row->supplier_details = g_strdup_printf ("%s%s", sector,
                                           *charity ? _(", registered charity") : "");
  row->sme = p->sme;
  row->vcse = p->vcse;
  row->registration = g_strdup (*charity ? charity : company);
}

static CmTransparencyRow *
row_for (CmStore *store, const CmServiceSummary *s, const CmSupplierSummary *supplier,
         CmContract *c, const GDate *today, const CmContractDates *dates)
{
  CmTransparencyRow *row = g_new0 (CmTransparencyRow, 1);
  int route = 0;
  gint64 total = cm_contract_get_effective_total (c);

  g_date_clear (&row->start, 1);
  g_date_clear (&row->end, 1);
  g_date_clear (&row->review, 1);
  g_object_get (c, "route", &route, NULL);
  row->reference = g_strdup (cm_contract_get_reference (c));
  row->title = g_strdup (cm_contract_get_title (c));
  if (s)
    row->department = cm_succession_contract_lead (store, c, s->lead_commissioner_id, today);
  if (row->department == NULL)
    row->department = g_strdup (s && s->lead_commissioner_name ? s->lead_commissioner_name : "");
  row->description = g_strdup (s ? s->name : "");
  describe_supplier (row, supplier);
  /* The Code's value is over the life of the contract; an annual value
   * in its place would understate it. */
  row->value = total > 0 ? total : CM_TRANSPARENCY_NOT_RECORDED;
  row->irrecoverable_vat = CM_TRANSPARENCY_NOT_RECORDED;
  row->invitation = invitation (route);
  cm_date_parse_iso (cm_contract_get_start_date (c), &row->start);
  if (dates)
    {
      row->end = dates->current_end;
      row->review = dates->extension_decision;
    }
  else
    cm_date_parse_iso (cm_contract_get_end_date (c), &row->end);
  return row;
}

/* The Code binds councils: a pooled budget is hosted by the council, an
 * NHS body or other partner publishes under its own rules. */
static gboolean
council_led (CmContract *c)
{
  switch (cm_contract_get_commissioner_kind (c))
    {
    case CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE:
    case CM_ORGANISATION_KIND_POOLED_BUDGET:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
over_minimum (CmContract *c)
{
  gint64 total = cm_contract_get_effective_total (c);

  /* Without a total or a term to work one out, a year's value over the
   * minimum is enough. */
  return (total > 0 ? total : cm_contract_get_annual_value (c)) > MINIMUM_PENCE;
}

CmTransparencyRow *
cm_transparency_row_of (CmStore *store, CmServiceDigest *services, CmSupplierDigest *suppliers,
                        CmContract *contract,
                        const CmContractDates *dates,
                        const GDate *start, const GDate *end, const CmReportPeriod *quarter,
                        const GDate *today)
{
  if (!council_led (contract) || !over_minimum (contract) ||
      cm_report_period_days_live (quarter, start, end) == 0)
    return NULL;
  return row_for (store, cm_service_digest_find (services, cm_contract_get_service_id (contract)),
                  cm_supplier_digest_find (suppliers, cm_contract_get_provider_id (contract)),
                  contract, today, dates);
}

GPtrArray *
cm_transparency_rows (CmStore *store, const GDate *today, const CmReportPeriod *quarter)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  GPtrArray *rows = g_ptr_array_new_with_free_func (cm_transparency_row_free);
  /* Unreadable, the services are missing as they would be from the lists. */
  g_autoptr(CmServiceDigest) services = cm_service_digest_new (store, NULL);
  g_autoptr(CmSupplierDigest) suppliers = cm_supplier_digest_new (store, NULL);
  CmDeadlineSettings settings;
  CmReportPeriod containing_today;

  if (quarter == NULL)
    {
      cm_report_period_quarter_of (today, &containing_today);
      quarter = &containing_today;
    }
  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) c = g_list_model_get_item (contracts, i);
      CmTransparencyRow *row;
      CmContractDates dates;
      GDate start, end;

      cm_contract_span (c, today, &settings, &start, &end);
      if (!council_led (c) || !over_minimum (c) ||
          cm_report_period_days_live (quarter, &start, &end) == 0)
        continue;
      row = cm_transparency_row_of (store, services, suppliers, c,
                                    cm_contract_compute_dates (c, today, &settings, &dates)
                                    ? &dates : NULL,
                                    &start, &end, quarter, today);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* ---- CSV -------------------------------------------------------------- */

/* RFC 4180: quoted when it holds a comma, quote or line break; text that
 * starts like a formula gets a leading apostrophe so it stays text. */
static void
append_field (GString *out, const char *text, gboolean first)
{
  g_autoptr(GString) field = g_string_new (text ? text : "");

  if (!first)
    g_string_append_c (out, ',');
  if (field->len && strchr ("=+-@\t\r", field->str[0]))
    g_string_prepend_c (field, '\'');
  if (strpbrk (field->str, ",\"\r\n") == NULL)
    {
      g_string_append (out, field->str);
      return;
    }
  g_string_replace (field, "\"", "\"\"", 0);
  g_string_append_printf (out, "\"%s\"", field->str);
}

static char *
iso (const GDate *date)
{
  char buf[16] = "";

  if (g_date_valid (date))
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

static char *
pounds (gint64 pence)
{
  if (pence == CM_TRANSPARENCY_NOT_RECORDED)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", pence / 100, (int) (pence % 100));
}

static void
append_row (GString *out, const CmTransparencyRow *row)
{
  g_autofree char *value = pounds (row->value);
  g_autofree char *vat = pounds (row->irrecoverable_vat);
  g_autofree char *start = iso (&row->start);
  g_autofree char *end = iso (&row->end);
  g_autofree char *review = iso (&row->review);
  const char *fields[CM_TRANSPARENCY_N_FIELDS] = {
    row->reference, row->title, row->department, row->description, row->supplier,
    row->supplier_details, value, vat, start, end, review, row->invitation,
    row->sme ? "Yes" : "No", row->vcse ? "Yes" : "No", row->registration,
  };

  for (guint i = 0; i < CM_TRANSPARENCY_N_FIELDS; i++)
    append_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
}

gboolean
cm_transparency_write_csv (CmStore *store, const char *path, const GDate *today,
                           const CmReportPeriod *quarter, GError **error)
{
  g_autoptr(GPtrArray) rows = cm_transparency_rows (store, today, quarter);
  /* The byte-order mark tells Excel on Windows the file is UTF-8. */
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  for (guint i = 0; i < CM_TRANSPARENCY_N_FIELDS; i++)
    append_field (out, cm_transparency_headers ()[i], i == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < rows->len; i++)
    append_row (out, g_ptr_array_index (rows, i));
  return cm_safe_write_contents (path, out->str, out->len, error);
}
