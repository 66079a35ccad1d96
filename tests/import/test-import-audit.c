/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-import-audit.c: the audit row an import writes for each record it
 * creates, against json-glib */
#include <json-glib/json-glib.h>
#include <string.h>

#include "cm-audit-layout.h"
#include "cm-audit-record.h"
#include "cm-audit-replay.h"
#include "cm-audit-tables.h"
#include "cm-contract.h"
#include "cm-import.h"
#include "cm-test-util.h"

/* Every kind of value a contract holds: texts with quotes, backslashes,
 * a line break and non-ASCII letters; enums; money; dates; counts. */
static const char register_csv[] =
  "Reference,Title,Service,Provider,Provider sector,Commissioner,Start date,End date,Term,"
  "Extensions invoked,Notice period,Annual value,Total value,Type,Route\n"
  "A-1,Carers' support,Carers,Touchstone,VCSE,Adult Social Care,01/04/2022,31/03/2025,3+2,0,"
  "3 months,\"£120,000.00\",\"£360,000.00\",Block,Direct award\n"
  "A-2,\"The \"\"Haven\"\" — crisis café\",Crisis,Mind in Leeds,VCSE,Public Health,"
  "2023-10-01,,5 + up to 3,1,6 months,\"£1,234.56\",,Spot,Open procedure\n"
  "A-3,\"Back\\slash\nand a second line\",Day care,Zoë's Care Ltd,Private,Public Health,"
  "1 May 2020,,3 years plus 24 months,,1 month,0,,Framework call-off,Other route\n"
  "A-4,\tTabbed title,Reablement,Touchstone,VCSE,Adult Social Care,01/10/2017,30/09/2020,"
  "3+1+1,2,,\"£409,221.00\",\"£1,227,663.00\",Cost and volume,Direct award\n"
  "A-5,Six months only,Carers,Leeds Council,In-house,Adult Social Care,01/01/2026,,6 months,"
  ",,,,,\n";

static char *
generate (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The whole-record value json-glib writes for @record, of a table with
 * no layout: every column with a value, in column order, as the audit
 * trail names them. */
static char *
json_glib_object (CmEntity *record)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; klass->columns[i]; i++)
    {
      g_autofree char *text = cm_entity_property_text (record, klass->columns[i]);
      g_autofree char *column = g_strdelimit (g_strdup (klass->columns[i]), "-", '_');

      if (text == NULL || *text == '\0')
        continue;
      json_builder_set_member_name (builder, column);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
  return generate (builder);
}

/* The value json-glib writes for @record in @layout: its number, then
 * each of its columns' text, null where blank. */
static char *
json_glib_list (CmEntity *record, const CmAuditLayout *layout)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, layout->number);
  for (guint j = 0; j < layout->n_columns; j++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (layout->columns[j]), "_", '-');
      g_autofree char *text = cm_entity_property_text (record, property);

      if (text == NULL || *text == '\0')
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
  return generate (builder);
}

/* Each record of @table's one audit row, against what json-glib writes
 * for it as stored; all of them, joined, in @all. */
static void
assert_rows_match_json_glib (CmStore *store, const char *path, const char *table,
                             gint64 n_expected, GString *all)
{
  const CmAuditTable *audited = cm_audit_table_find (table);
  const CmAuditLayout *layout = cm_audit_layout_newest (table);
  g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n = cm_test_query_int (path, count);

  g_assert_cmpint (n, ==, n_expected);
  for (gint64 id = 1; id <= n; id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmEntity) record = cm_store_load (store, audited->type, id, &error);
      g_autofree char *sql = g_strdup_printf ("SELECT new_value FROM audit WHERE"
                                              " entity = '%s' AND entity_id = %"
                                              G_GINT64_FORMAT " AND field = '%s'",
                                              table, id, CM_AUDIT_FIELD_RECORD);
      g_autofree char *written = cm_test_query_text (path, sql);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      expected = layout ? json_glib_list (record, layout) : json_glib_object (record);
      g_assert_cmpstr (written, ==, expected);
      g_string_append (all, written);
    }
}

static gboolean
verify (const char *path, GError **error)
{
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                                                  CM_STORE_OPEN_READ_ONLY, error);

  return store && cm_store_verify_audit (store, NULL, NULL, error);
}

/* Each created record's one audit row holds, byte for byte, what
 * json-glib writes for it as stored: a list of values in its table's
 * layout (contracts, providers, services), an object of its named fields
 * where the table has none (commissioners). The chain verifies, and a
 * value changed in the contract table is caught. */
static void
test_record_rows_match_json_glib (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("import-audit.commissioner", &path);
  g_autofree char *csv = cm_test_temp_path ("import-audit.csv");
  g_autoptr(CmImportPlan) plan = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  gint64 rows_checked = 0, bad_row = 0;

  g_assert_true (g_file_set_contents (csv, register_csv, -1, &error));
  plan = cm_import_plan_new_written_from_file (store, csv, NULL, CM_IMPORT_DUPLICATE_SKIP,
                                               "import-audit.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  g_assert_nonnull (cm_audit_layout_newest ("contract"));
  g_assert_null (cm_audit_layout_newest ("organisation"));
  assert_rows_match_json_glib (store, path, "contract", 5, all);
  assert_rows_match_json_glib (store, path, "provider", 4, all);
  assert_rows_match_json_glib (store, path, "service", 4, all);
  assert_rows_match_json_glib (store, path, "organisation", 2, all);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND new_value LIKE '[1,%'"), ==, 5 + 4 + 4);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND new_value LIKE '{%'"), ==, 2);
  /* The escapes were written, not the texts left out. */
  g_assert_nonnull (strstr (all->str, "\\\"Haven\\\" \xe2\x80\x94 crisis caf\xc3\xa9"));
  g_assert_nonnull (strstr (all->str, "Back\\\\slash\\nand"));

  g_assert_true (cm_store_verify_audit (store, &rows_checked, &bad_row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad_row, ==, 0);
  g_assert_cmpint (rows_checked, >=, 5 + 4 + 4 + 2);
  g_clear_object (&store);

  /* One value changed in the table, not in the trail, is caught. */
  cm_test_run_sql (path, "UPDATE contract SET notice_period = '2 months' WHERE reference = 'A-2'");
  g_assert_false (verify (path, &error));
  g_assert_error (error, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_DISAGREES);
  /* "file" or, on a server, "portfolio". */
  g_assert_nonnull (strstr (error->message, "contract A-2, notice_period: "));
  g_assert_nonnull (strstr (error->message, " “2 months”, trail “6 months”"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/audit/record-rows-match-json-glib",
                   test_record_rows_match_json_glib);
  return g_test_run ();
}
