/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-layout.c: the columns, in order, of a record written whole as a
 * list of values */
#include <string.h>

#include "cm-audit-layout.h"

/* Each table's columns as they stood at schema 24, in the table's order,
 * but for id and row_version. Never edited: see the header. */
static const char * const contract_1[] = {
  "reference", "title", "service_id", "provider_id", "contract_type", "route", "annual_value",
  "total_value", "start_date", "end_date", "term", "notice_period", "extensions_invoked",
  "notice_served", "decommissioned_on", "type_as_written", "route_as_written", "outcome",
  "notice_kind", "procurement_began",
};

static const char * const provider_1[] = {
  "name", "sector", "charity_number", "company_number", "is_sme", "is_vcse", "annual_income",
  "sector_as_written",
};

static const char * const service_1[] = {
  "name", "area", "client_group", "lead_commissioner_id", "stage", "cycle",
  "decommissioned_on", "community_committee",
};

#define LAYOUT(table, number, columns) { table, number, G_N_ELEMENTS (columns), columns }

/* Oldest first within a table. */
static const CmAuditLayout layouts[] = {
  LAYOUT ("contract", 1, contract_1),
  LAYOUT ("provider", 1, provider_1),
  LAYOUT ("service", 1, service_1),
};

const CmAuditLayout *
cm_audit_layout_find (const char *table, guint number)
{
  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i].number == number && g_strcmp0 (layouts[i].table, table) == 0)
      return &layouts[i];
  return NULL;
}

const CmAuditLayout *
cm_audit_layout_newest (const char *table)
{
  const CmAuditLayout *newest = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_strcmp0 (layouts[i].table, table) == 0)
      newest = &layouts[i];
  return newest;
}

int
cm_audit_layout_column (const CmAuditLayout *layout, const char *column)
{
  for (guint i = 0; i < layout->n_columns; i++)
    if (strcmp (layout->columns[i], column) == 0)
      return i;
  return -1;
}
