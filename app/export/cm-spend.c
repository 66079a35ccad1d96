/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-spend.c: spend on the third sector in a financial year */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "cm-contract.h"
#include "cm-contract-span.h"
#include "cm-deadlines.h"
#include "cm-funding-source.h"
#include "cm-service.h"
#include "cm-service-digest.h"
#include "cm-spend.h"

typedef struct {
  char  *name;
  gint64 organisation_id;
  gint64 amount;
} Funder;

static void
funder_free (gpointer data)
{
  Funder *funder = data;

  g_free (funder->name);
  g_free (funder);
}

static void
line_free (gpointer data)
{
  CmSpendLine *line = data;

  g_free (line->funder);
  g_free (line->service);
  g_free (line);
}

void
cm_spend_free (CmSpend *spend)
{
  g_ptr_array_unref (spend->lines);
  g_free (spend);
}

/* service id -> GPtrArray of Funder with an amount above zero. */
static GHashTable *
funders_by_service (CmStore *store)
{
  GListModel *sources = cm_store_list (store, CM_TYPE_FUNDING_SOURCE);
  GHashTable *by_service = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CmFundingSource) source = g_list_model_get_item (sources, i);
      g_autofree char *organisation = NULL;
      g_autofree char *description = NULL;
      gint64 service_id, organisation_id, amount;
      Funder *funder;
      GPtrArray *funders;

      g_object_get (source, "service-id", &service_id, "organisation-id", &organisation_id,
                    "organisation-name", &organisation, "description", &description,
                    "amount", &amount, NULL);
      if (amount <= 0)
        continue;
      funder = g_new0 (Funder, 1);
      funder->organisation_id = organisation_id;
      funder->amount = amount;
      if (organisation && *organisation)
        funder->name = g_steal_pointer (&organisation);
      else if (description && *description)
        funder->name = g_steal_pointer (&description);
      else
        funder->name = g_strdup (_("Funder not named"));
      if ((funders = g_hash_table_lookup (by_service, &service_id)) == NULL)
        {
          funders = g_ptr_array_new_with_free_func (funder_free);
          g_hash_table_insert (by_service, g_memdup2 (&service_id, sizeof service_id), funders);
        }
      g_ptr_array_add (funders, funder);
    }
  return by_service;
}

typedef struct {
  char  *funder;
  gint64 organisation_id;
  char  *service;
  gint64 service_id;
  double pence;  /* unrounded until every contract is in */
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->funder);
  g_free (cell->service);
  g_free (cell);
}

static void
add_to_cell (GHashTable *cells, const char *funder, gint64 organisation_id,
             const CmServiceSummary *service, double pence)
{
  gint64 service_id = service->id;
  /* Two services of one name are still two services. */
  g_autofree char *key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, funder, service_id);
  Cell *cell = g_hash_table_lookup (cells, key);

  if (cell == NULL)
    {
      cell = g_new0 (Cell, 1);
      cell->funder = g_strdup (funder);
      cell->organisation_id = organisation_id;
      cell->service = g_strdup (service->name);
      cell->service_id = service_id;
      g_hash_table_insert (cells, g_steal_pointer (&key), cell);
    }
  cell->pence += pence;
}

/* The contract's share of the year, split between the funders. */
static void
attribute (GHashTable *cells, const CmServiceSummary *service, GPtrArray *funders,
           double year_pence)
{
  gint64 total = 0;

  for (guint i = 0; funders && i < funders->len; i++)
    total += ((Funder *) g_ptr_array_index (funders, i))->amount;
  if (total == 0)
    {
      const char *lead = service->lead_commissioner_name;

      add_to_cell (cells, lead ? lead : "", service->lead_commissioner_id, service, year_pence);
      return;
    }
  for (guint i = 0; i < funders->len; i++)
    {
      Funder *funder = g_ptr_array_index (funders, i);

      add_to_cell (cells, funder->name, funder->organisation_id, service,
                   year_pence * (double) funder->amount / (double) total);
    }
}

static gint
by_funder_then_service (gconstpointer a, gconstpointer b)
{
  const CmSpendLine *x = *(CmSpendLine * const *) a;
  const CmSpendLine *y = *(CmSpendLine * const *) b;
  int order = g_utf8_collate (x->funder, y->funder);

  return order ? order : g_utf8_collate (x->service, y->service);
}

static GPtrArray *
lines_of (GHashTable *cells)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  GHashTableIter iter;
  Cell *cell;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &cell))
    {
      CmSpendLine *line = g_new0 (CmSpendLine, 1);

      line->funder = g_strdup (cell->funder);
      line->organisation_id = cell->organisation_id;
      line->service = g_strdup (cell->service);
      line->service_id = cell->service_id;
      line->pence = llround (cell->pence);
      g_ptr_array_add (lines, line);
    }
  g_ptr_array_sort (lines, by_funder_then_service);
  return lines;
}

struct _CmSpendTally {
  CmServiceDigest *services;
  gboolean own_services;   /* read for the tally, rather than lent to it */
  const CmReportPeriod *year;
  double year_days;
  GHashTable *funders;  /* service id -> GPtrArray of Funder */
  GHashTable *cells;    /* funder and service -> Cell */
  guint undated;
};

CmSpendTally *
cm_spend_tally_new_for (CmStore *store, const CmReportPeriod *year, CmServiceDigest *services)
{
  CmSpendTally *tally = g_new0 (CmSpendTally, 1);

  tally->year = year;
  tally->year_days = cm_report_period_days (year);
  tally->funders = funders_by_service (store);
  tally->services = services;
  tally->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  return tally;
}

CmSpendTally *
cm_spend_tally_new (CmStore *store, const CmReportPeriod *year)
{
  /* Unreadable, the services are missing as they would be from the lists. */
  CmSpendTally *tally = cm_spend_tally_new_for (store, year, cm_service_digest_new (store, NULL));

  tally->own_services = TRUE;
  return tally;
}

void
cm_spend_tally_add (CmSpendTally *tally, CmContract *c, const GDate *start, const GDate *end)
{
  gint64 service_id = cm_contract_get_service_id (c);
  const CmServiceSummary *service;
  guint days;

  /* The third sector as the Compact counts it: the VCSE flag, or the sector. */
  if (!cm_contract_compact_applies (c, NULL))
    return;
  service = tally->services ? cm_service_digest_find (tally->services, service_id) : NULL;
  if (service == NULL)
    return;
  /* Without both ends its share of the year cannot be known. */
  if (!g_date_valid (start) || !g_date_valid (end))
    {
      tally->undated++;
      return;
    }
  if ((days = cm_report_period_days_live (tally->year, start, end)) == 0)
    return;
  attribute (tally->cells, service, g_hash_table_lookup (tally->funders, &service_id),
             (double) cm_contract_get_annual_value (c) * days / tally->year_days);
}

CmSpend *
cm_spend_tally_finish (CmSpendTally *tally)
{
  CmSpend *spend = g_new0 (CmSpend, 1);

  spend->lines = lines_of (tally->cells);
  spend->undated = tally->undated;
  g_hash_table_unref (tally->funders);
  g_hash_table_unref (tally->cells);
  if (tally->own_services)
    cm_service_digest_free (tally->services);
  g_free (tally);
  return spend;
}

CmSpend *
cm_spend_for_year (CmStore *store, const CmReportPeriod *year, const GDate *today,
                   const CmDeadlineSettings *settings)
{
  GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
  CmSpendTally *tally = cm_spend_tally_new (store, year);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CmContract) c = g_list_model_get_item (contracts, i);
      GDate start, end;

      cm_contract_span (c, today, settings, &start, &end);
      cm_spend_tally_add (tally, c, &start, &end);
    }
  return cm_spend_tally_finish (tally);
}
