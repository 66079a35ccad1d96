/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheet-columns.c: the columns of the workbook's record sheets */
#include <glib/gi18n-lib.h>

#include "cm-sheet-columns.h"

/* The order the sheets have always had, so workbooks read by scripts and
 * imported back keep their columns where they were. */
const CmSheetColumn cm_services_sheet_columns[] = {
  { "name" },
  { "area" },
  { "client-group" },
  { "lead-commissioner-name" }, /* the one in force, with the recorded one beside it */
  { "partner-names" },
  { "stage" },
  { "cycle" },
  { "annual-value" },
  { NULL, N_("Analyse gate") },
  { NULL, N_("Plan gate") },
  { NULL, N_("Do gate") },
  { NULL, N_("Review gate") },
  { "community-committee" },
  { NULL, NULL }
};

const CmSheetColumn cm_contracts_sheet_columns[] = {
  { "reference" },
  { "title" },
  { "service-name" },
  { NULL, N_("Commissioner") }, /* the service's lead commissioner on the contract's day */
  { "provider-name" },
  { "provider-sector" },
  { "contract-type" },
  { "route" },
  { "annual-value" },
  { "total-value" }, /* worked out from the annual value and term when none was entered */
  { "start-date" },
  { "end-date" },
  { "term" },
  { "notice-period" },
  { "extensions-invoked" },
  { "notice-served" },
  { NULL, N_("Current end") },
  { NULL, N_("Current end status") },
  { NULL, N_("Extension decision due") },
  { NULL, N_("Extension decision status") },
  { NULL, N_("Latest notice date") },
  { NULL, N_("Notice status") },
  { NULL, N_("Latest possible end") },
  { "decommissioned-on" },
  { "procurement-began" },
  { NULL, NULL }
};

static gboolean
is_end (const CmSheetColumn *column)
{
  return column->property == NULL && column->heading == NULL;
}

const char **
cm_sheet_columns_headers (GType type, const CmSheetColumn *columns)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  for (const CmSheetColumn *column = columns; !is_end (column); column++)
    {
      const CmRecordField *field = column->property
                                     ? cm_record_field_find (type, column->property)
                                     : NULL;

      g_return_val_if_fail (column->property == NULL || field != NULL, NULL);
      g_ptr_array_add (headers, (gpointer) (field ? cm_record_field_heading (field)
                                                  : _(column->heading)));
    }
  g_ptr_array_add (headers, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&headers), FALSE);
}

const CmRecordField *
cm_sheet_columns_field (GType type, const CmSheetColumn *columns, guint col)
{
  for (guint i = 0; !is_end (&columns[i]); i++)
    if (i == col)
      return columns[i].property ? cm_record_field_find (type, columns[i].property) : NULL;
  return NULL;
}
