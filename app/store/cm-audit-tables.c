/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-tables.c: the tables the audit trail covers, and the text it
 * records for each of their columns */
#include <stdlib.h>
#include <string.h>

#include "cm-audit-tables.h"
#include "cm-characteristic.h"
#include "cm-checklist-item.h"
#include "cm-contract.h"
#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-decommission-contract.h"
#include "cm-decommission.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-eia.h"
#include "cm-engagement.h"
#include "cm-entity.h"
#include "cm-funding-source.h"
#include "cm-import-run.h"
#include "cm-measure-value.h"
#include "cm-measure.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-risk.h"
#include "cm-schema.h"
#include "cm-scenario.h"
#include "cm-service-partner.h"
#include "cm-service.h"
#include "cm-staff.h"
#include "cm-stage-event.h"
#include "cm-transition.h"
#include "cm-value.h"

/* A new table of records joins this list with its entity type; a test
 * fails on any table or column of the schema that is not covered. */
static GType
(*const entity_types[]) (void) = {
  cm_characteristic_get_type,
  cm_checklist_item_get_type,
  cm_contract_get_type,
  cm_contract_notice_get_type,
  cm_contract_variation_get_type,
  cm_decommission_contract_get_type,
  cm_decommission_get_type,
  cm_eia_characteristic_get_type,
  cm_eia_get_type,
  cm_eia_mitigation_get_type,
  cm_engagement_get_type,
  cm_funding_source_get_type,
  cm_import_run_get_type,
  cm_measure_get_type,
  cm_measure_value_get_type,
  cm_organisation_get_type,
  cm_provider_get_type,
  cm_risk_get_type,
  cm_scenario_get_type,
  cm_scenario_line_get_type,
  cm_service_get_type,
  cm_service_partner_get_type,
  cm_staff_get_type,
  cm_stage_event_get_type,
  cm_transition_get_type,
};

/* How a message names a record, best first. */
static const char * const naming_columns[] = {
  "reference", "name", "title", "person_ref", "source", "description", "summary", NULL
};

static int
compare_tables (const void *a, const void *b)
{
  return strcmp (((const CmAuditTable *) a)->name, ((const CmAuditTable *) b)->name);
}

/* As cm_value_to_text () tells the types apart. */
static CmAuditValueKind
kind_of (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (G_TYPE_IS_ENUM (type))
    return CM_AUDIT_VALUE_ENUM;
  if (type == G_TYPE_BOOLEAN)
    return CM_AUDIT_VALUE_BOOLEAN;
  if (type == G_TYPE_INT)
    return CM_AUDIT_VALUE_INT;
  if (type == G_TYPE_DOUBLE)
    return CM_AUDIT_VALUE_DOUBLE;
  if (type == G_TYPE_INT64)
    return g_str_has_suffix (pspec->name, "-id") ? CM_AUDIT_VALUE_REFERENCE
                                                 : CM_AUDIT_VALUE_INT64;
  g_return_val_if_fail (type == G_TYPE_STRING, CM_AUDIT_VALUE_TEXT);
  return CM_AUDIT_VALUE_TEXT;
}

static void
describe_table (CmAuditTable *table, GType type)
{
  /* Kept for the life of the process, like the classes themselves. */
  CmEntityClass *klass = g_type_class_ref (type);

  table->name = klass->table;
  table->type = type;
  table->n_columns = g_strv_length ((char **) klass->columns);
  table->columns = g_new0 (char *, table->n_columns + 1);
  table->kinds = g_new0 (CmAuditValueKind, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                        klass->columns[i]);

      table->columns[i] = cm_value_column_name (klass->columns[i]);
      table->kinds[i] = kind_of (pspec);
    }
  table->name_column = -1;
  for (guint i = 0; naming_columns[i] && table->name_column < 0; i++)
    table->name_column = cm_audit_table_column (table, naming_columns[i]);
}

const CmAuditTable *
cm_audit_tables (guint *n_tables)
{
  static CmAuditTable *tables;

  if (g_once_init_enter (&tables))
    {
      CmAuditTable *made = g_new0 (CmAuditTable, G_N_ELEMENTS (entity_types));

      for (gsize i = 0; i < G_N_ELEMENTS (entity_types); i++)
        describe_table (&made[i], entity_types[i] ());
      qsort (made, G_N_ELEMENTS (entity_types), sizeof (CmAuditTable), compare_tables);
      g_once_init_leave (&tables, made);
    }
  if (n_tables)
    *n_tables = G_N_ELEMENTS (entity_types);
  return tables;
}

const CmAuditTable *
cm_audit_table_find (const char *name)
{
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);
  CmAuditTable key = { .name = name };

  return bsearch (&key, tables, n, sizeof (CmAuditTable), compare_tables);
}

int
cm_audit_table_column (const CmAuditTable *table, const char *column)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i], column) == 0)
      return i;
  return -1;
}

/* ---- the text of a stored value --------------------------------------- */

static const char *
found_as_text (CmDbStmt *stmt, int column, char buffer[CM_AUDIT_TEXT_SIZE])
{
  g_snprintf (buffer, CM_AUDIT_TEXT_SIZE, "'%s'", cm_db_column_text (stmt, column));
  return buffer;
}

/* Written by hand: printf would take a tenth of a replay's time. */
static const char *
integer_text (gint64 n, char buffer[CM_AUDIT_TEXT_SIZE])
{
  char *p = buffer + CM_AUDIT_TEXT_SIZE;
  guint64 magnitude = n < 0 ? -(guint64) n : (guint64) n;

  *--p = '\0';
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (n < 0)
    *--p = '-';
  return p;
}

const char *
cm_audit_column_text (CmDbStmt *stmt, int column, CmAuditValueKind kind,
                      char buffer[CM_AUDIT_TEXT_SIZE])
{
  CmDbType storage = cm_db_column_type (stmt, column);
  gint64 n;

  /* Texts and enums (stored by their nick) are the trail's text already.
   * A text that is no nick is given as found: the application would read
   * it as the enum's first value, which the trail may well hold. */
  if (kind == CM_AUDIT_VALUE_TEXT || kind == CM_AUDIT_VALUE_ENUM)
    {
      const char *text = cm_db_column_text (stmt, column);
      return text && *text ? text : NULL;
    }
  if (storage == CM_DB_NULL)
    return NULL;
  if (kind == CM_AUDIT_VALUE_DOUBLE && (storage == CM_DB_FLOAT || storage == CM_DB_INTEGER))
    return g_ascii_dtostr (buffer, CM_AUDIT_TEXT_SIZE, cm_db_column_double (stmt, column));
  if (storage != CM_DB_INTEGER)
    return found_as_text (stmt, column, buffer);
  n = cm_db_column_int64 (stmt, column);
  switch (kind)
    {
    case CM_AUDIT_VALUE_BOOLEAN:
      if (n == 0 || n == 1)
        return n ? "true" : "false";
      break;
    case CM_AUDIT_VALUE_INT:
      if (n >= G_MININT && n <= G_MAXINT)
        return integer_text (n, buffer);
      break;
    case CM_AUDIT_VALUE_REFERENCE:
      /* The application reads a reference of 0 as none, like NULL. */
      return n ? integer_text (n, buffer) : NULL;
    case CM_AUDIT_VALUE_INT64:
      return integer_text (n, buffer);
    default:
      break;
    }
  return found_as_text (stmt, column, buffer);
}

/* ---- reading a table -------------------------------------------------- */

/* The columns @table has in @db. */
static GHashTable *
columns_of (CmDb *db, const char *table)
{
  GHashTable *present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CmDbStmt *stmt = cm_schema_columns (db, table);

  while (stmt != NULL && cm_db_step (stmt) == CM_DB_ROW)
    g_hash_table_add (present, g_strdup (cm_db_column_text (stmt, 1)));
  cm_db_stmt_free (stmt);
  return present;
}

char *
cm_audit_table_select (const CmAuditTable *table, CmDb *db, int *present)
{
  g_autoptr(GHashTable) columns = columns_of (db, table->name);
  GString *sql;
  int place = 1;

  if (g_hash_table_size (columns) == 0)
    return NULL;
  sql = g_string_new ("SELECT id");
  for (guint i = 0; i < table->n_columns; i++)
    {
      present[i] = g_hash_table_contains (columns, table->columns[i]) ? place++ : -1;
      if (present[i] > 0)
        g_string_append_printf (sql, ", \"%s\"", table->columns[i]);
    }
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY id", table->name);
  return g_string_free (sql, FALSE);
}

gboolean
cm_audit_meta_key_is_own (const char *key)
{
  return g_str_has_prefix (key, "audit_");
}
