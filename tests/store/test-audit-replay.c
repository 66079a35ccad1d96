/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-replay.c: replaying the audit trail against the records
 *
 * Real portfolio files: the demo, a 10,000-row import and a portfolio made
 * before records were replayed, each verified untouched, then changed
 * behind the application's back with the sqlite3 shell, as someone
 * editing the file by hand would.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cm-audit-baseline.h"
#include "cm-audit-layout.h"
#include "cm-audit-record.h"
#include "cm-audit-replay.h"
#include "cm-audit-tables.h"
#include "cm-audit.h"
#include "cm-contract.h"
#include "cm-db-sqlite.h"
#include "cm-demo.h"
#include "cm-import-mapping.h"
#include "cm-import.h"
#include "cm-organisation.h"
#include "cm-schema.h"
#include "cm-store-private.h"
#include "cm-table.h"
#include "cm-test-util.h"

#define IMPORTED_ROWS 10000

/* ---- fixtures --------------------------------------------------------- */

static gboolean
verify (const char *path, GError **error)
{
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                                                  CM_STORE_OPEN_READ_ONLY, error);

  return store && cm_store_verify_audit (store, NULL, NULL, error);
}

static void
assert_verifies (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (verify (path, &error));
  g_assert_no_error (error);
}

/* Fails with a message that holds each of @parts, and returns it. */
static char *
assert_disagrees (const char *path, ...) G_GNUC_NULL_TERMINATED;

static char *
assert_disagrees (const char *path, ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;

  g_assert_false (verify (path, &error));
  g_assert_error (error, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_DISAGREES);
  g_test_message ("%s", error->message);
  va_start (args, path);
  for (const char *part = va_arg (args, const char *); part; part = va_arg (args, const char *))
    if (strstr (error->message, part) == NULL)
      g_error ("“%s” is not in: %s", part, error->message);
  va_end (args);
  return g_strdup (error->message);
}

/* A copy of one demo made per process, for a test to change. */
static char *
demo_copy (const char *name)
{
  static char *demo;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *path = cm_test_temp_path (name);

  if (demo == NULL)
    {
      g_autoptr(GDate) today = cm_test_today ();

      demo = cm_test_temp_path ("demo.commissioner");
      g_unlink (demo);
      g_assert_true (cm_demo_create (demo, today, &error));
      g_assert_no_error (error);
    }
  /* No connection to either file is open. */
  bytes = cm_test_read_file (demo);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* ---- the trail's own record text -------------------------------------- */

static void
collect_field (const char *column, const char *text, gpointer data)
{
  g_ptr_array_add (data, g_strdup_printf ("%s=%s", column, text ? text : "<null>"));
}

/* What the store writes is JSON that json-glib reads as written, and it
 * reads back the same, however awkward the text. */
static void
test_record_text (void)
{
  static const char * const texts[] = {
    "plain", "", "quote \" and backslash \\", "line\nbreak\r\ttab", "bell \a and \x1f",
    "Ünïcödé — “quotes” 🏥", "{\"looks\": \"like json\"}",
  };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GPtrArray) back = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  cm_audit_record_begin (json);
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *column = g_strdup_printf ("column_%zu", i);
      cm_audit_record_add (json, column, texts[i]);
    }
  cm_audit_record_end (json);

  g_assert_true (json_parser_load_from_data (parser, json->str, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (cm_audit_record_parse (NULL, json->str, collect_field, back));
  g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (texts));
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *column = g_strdup_printf ("column_%zu", i);
      g_autofree char *expected = g_strdup_printf ("%s=%s", column, texts[i]);

      g_assert_cmpstr (json_object_get_string_member (object, column), ==, texts[i]);
      g_assert_cmpstr (g_ptr_array_index (back, i), ==, expected);
    }

  /* What json-glib writes, escapes and nulls included, reads back too. */
  g_ptr_array_set_size (back, 0);
  g_assert_true (cm_audit_record_parse (NULL, " { \"a\" : \"\\u00e9\\ud83c\\udfe5\\/\" , \"b\":null } ",
                                        collect_field, back));
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (back, 0), ==, "a=é🏥/");
  g_assert_cmpstr (g_ptr_array_index (back, 1), ==, "b=<null>");

  /* Anything else is refused, not half read. */
  for (const char * const *bad = (const char * const[]) { "", "[]", "{", "{\"a\"}",
                                                          "{\"a\":1}", "{\"a\":\"x\",}",
                                                          "{\"a\":\"\\ud83c\"}",
                                                          "{\"a\":\"x\"} trailing", NULL };
       *bad; bad++)
    g_assert_false (cm_audit_record_parse (NULL, *bad, collect_field, back));
}

/* A record written as a list of values in the provider's layout is JSON
 * that json-glib reads as written, and it reads back by the layout's
 * names, its nulls left out as an object leaves out blank fields. */
static void
test_record_list_text (void)
{
  static const char * const texts[] = {
    "Quote \" and backslash \\", NULL, "", "line\nbreak\r\ttab", "bell \a and \x1f",
    "Ünïcödé — “quotes” 🏥", "[1,\"looks like a list\"]", "plain",
  };
  const CmAuditLayout *layout = cm_audit_layout_find ("provider", 1);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GPtrArray) back = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint next = 0;

  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_columns, ==, G_N_ELEMENTS (texts));
  cm_audit_record_begin_list (json, layout);
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    cm_audit_record_list_add (json, texts[i]);
  cm_audit_record_end_list (json);
  g_assert_true (g_str_has_prefix (json->str, "[1,\"Quote \\\" and backslash \\\\\",null,null,"));

  g_assert_true (json_parser_load_from_data (parser, json->str, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1 + G_N_ELEMENTS (texts));
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 1);
  g_assert_true (cm_audit_record_layout ("provider", json->str) == layout);
  g_assert_null (cm_audit_record_layout ("organisation", json->str));
  g_assert_true (cm_audit_record_parse ("provider", json->str, collect_field, back));
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expected = NULL;

      if (texts[i] == NULL || *texts[i] == '\0')
        {
          g_assert_true (json_array_get_null_element (array, 1 + i));
          continue;
        }
      g_assert_cmpstr (json_array_get_string_element (array, 1 + i), ==, texts[i]);
      expected = g_strdup_printf ("%s=%s", layout->columns[i], texts[i]);
      g_assert_cmpstr (g_ptr_array_index (back, next++), ==, expected);
    }
  g_assert_cmpuint (back->len, ==, next);

  /* What json-glib writes, spaces and escapes included, reads back too. */
  g_ptr_array_set_size (back, 0);
  g_assert_true (cm_audit_record_parse ("service", " [ 1 , \"\\u00e9\" ,null,null, null,\"plan\","
                                        "\"2\",null , null ] ", collect_field, back));
  g_assert_cmpuint (back->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (back, 0), ==, "name=é");
  g_assert_cmpstr (g_ptr_array_index (back, 2), ==, "cycle=2");
}

/* A list that is not exactly one of its table's layouts is refused, not
 * half read or read by the wrong names. */
static void
test_record_list_refused (void)
{
  static const char * const refused[] = {
    "[1,\"a\",null,null,null,null,null,null]",                   /* one short */
    "[1,\"a\",null,null,null,null,null,null,null,null]",         /* one over */
    "[1,\"a\",null,null,null,null,null,null,null,]",             /* a trailing comma */
    "[1,\"a\",null,null,null,0,null,null,null]",                 /* a number */
    "[1,\"a\",null,null,null,false,null,null,null]",             /* a boolean */
    "[1,\"a\",null,null,[\"b\"],null,null,null,null]",         /* a list */
    "[1,\"a\",null,null,null,null,null,null,{\"b\":\"c\"}]", /* an object */
    "[2,\"a\",null,null,null,null,null,null,null]",              /* an unknown layout */
    "[0,\"a\",null,null,null,null,null,null,null]",
    "[01,\"a\",null,null,null,null,null,null,null]",
    "[-1,\"a\",null,null,null,null,null,null,null]",
    "[\"1\",\"a\",null,null,null,null,null,null,null]",
    "[1.0,\"a\",null,null,null,null,null,null,null]",
    "[4294967297,\"a\",null,null,null,null,null,null,null]",
    "[1,\"a\",null,null,null,null,null,null,null",               /* unclosed */
    "[1,\"a\",null,null,null,null,null,null,null] trailing",
    "[1 \"a\",null,null,null,null,null,null,null]",
    "[1,\"a\",null,null,null,null,null,null,nul]",
    "[1,\"\\ud83c\",null,null,null,null,null,null,null]",
    "[]", "[", "[1]",
  };
  static const char valid[] = "[1,\"a\",null,null,null,null,null,null,null]";
  g_autoptr(GPtrArray) back = g_ptr_array_new_with_free_func (g_free);

  /* The same list of the right length reads, for the provider only. */
  g_assert_true (cm_audit_record_parse ("provider", valid, collect_field, back));
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (back, 0), ==, "name=a");
  for (const char * const *table = (const char * const[]) { "contract", "organisation", "meta",
                                                            NULL }; *table; table++)
    g_assert_false (cm_audit_record_parse (*table, valid, collect_field, back));
  g_assert_false (cm_audit_record_parse (NULL, valid, collect_field, back));
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_false (cm_audit_record_parse ("provider", refused[i], collect_field, back));
    }
}

/* Whether @store's table of @layout has exactly its columns, in its
 * order, but for id and row_version. */
static void
assert_layout_is_table (CmStore *store, const CmAuditLayout *layout)
{
  CmDbStmt *stmt = cm_schema_columns (cm_store_get_db (store), layout->table);
  const CmAuditTable *audited = cm_audit_table_find (layout->table);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      const char *column = cm_db_column_text (stmt, 1);

      if (!g_str_equal (column, "id") && !g_str_equal (column, "row_version"))
        g_string_append_printf (columns, "%s\n", column);
    }
  cm_db_stmt_free (stmt);
  for (guint j = 0; j < layout->n_columns; j++)
    g_string_append_printf (expected, "%s\n", layout->columns[j]);
  /* A new column means a new layout: an import's records with a value in
   * it would otherwise be written with every column named. */
  g_assert_cmpstr (columns->str, ==, expected->str);
  for (guint j = 0; j < layout->n_columns; j++)
    g_assert_cmpint (cm_audit_table_column (audited, layout->columns[j]), >=, 0);
}

/* The tables an import fills by the thousand have a layout, and the
 * newest is the table's columns in a new portfolio. */
static void
test_layouts_are_tables (void)
{
  g_autoptr(CmStore) store = cm_test_open_new ("layouts.commissioner", NULL);

  for (const char * const *table = (const char * const[]) { "contract", "provider", "service",
                                                            NULL }; *table; table++)
    {
      const CmAuditLayout *layout = cm_audit_layout_newest (*table);

      g_assert_nonnull (layout);
      g_assert_true (cm_audit_layout_find (*table, layout->number) == layout);
      g_assert_null (cm_audit_layout_find (*table, layout->number + 1));
      assert_layout_is_table (store, layout);
    }
  g_assert_null (cm_audit_layout_newest ("organisation"));
  g_assert_null (cm_audit_layout_find ("contract", 0));
}

/* ---- untouched portfolios verify -------------------------------------- */

static void
test_demo_verifies (void)
{
  g_autofree char *path = demo_copy ("demo-untouched.commissioner");

  assert_verifies (path);
  /* The file began with the baseline of what its migrations wrote (the
   * characteristics an assessment is screened against); everything the
   * demo made has a row per field. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit"
                                            " WHERE field = '*baseline' AND entity = 'meta'"), ==, 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit"
                                            " WHERE field = '*baseline'"), ==, 1 + 11);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), >, 50);
}

static char *
write_register (const char *name, int n_rows)
{
  static const char *sectors[] = { "Third sector", "Independent", "NHS trust", "Charity",
                                   "Social enterprise of our own" };
  static const char *types[] = { "Contract", "Grant", "SLA", "Spot purchase" };
  static const char *routes[] = { "Open", "Light touch", "Direct award" };
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Service,Provider,Provider sector,"
                                         "Start date,End date,Term,Notice period,"
                                         "Annual value,Type,Route,Commissioner\r\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GError) error = NULL;
  char *path = cm_test_temp_path (name);

  for (int i = 0; i < n_rows; i++)
    {
      int year = g_rand_int_range (rand, 2016, 2026);

      /* Titles with quotes, commas and line breaks, as registers have. */
      g_string_append_printf (csv, "IMP-%05d,\"Support, \"\"type\"\" %d\nsecond line\","
                              "Service %d,Provider %d,%s,01/04/%d,31/03/%d,3+1+1,"
                              "%d months,\"£%d,%03d\",%s,%s,Commissioner %d\r\n",
                              i, i, g_rand_int_range (rand, 0, 200),
                              g_rand_int_range (rand, 0, 1500),
                              sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))],
                              year, year + 3, g_rand_int_range (rand, 1, 7),
                              g_rand_int_range (rand, 5, 900), g_rand_int_range (rand, 0, 1000),
                              types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                              routes[g_rand_int_range (rand, 0, G_N_ELEMENTS (routes))],
                              g_rand_int_range (rand, 0, 4));
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
import_register (CmStore *store, const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_table_read_file (csv, NULL, &error);
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(CmImportPlan) plan = NULL;

  g_assert_no_error (error);
  mapping = cm_import_mapping_for (store, table);
  plan = cm_import_plan_new (store, table, mapping, CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cm_import_plan_apply (plan, store, "register.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Element @column of a list of values in @layout. */
static JsonNode *
element (JsonArray *array, const CmAuditLayout *layout, const char *column)
{
  int j = cm_audit_layout_column (layout, column);

  g_assert_cmpint (j, >=, 0);
  return json_array_get_element (array, 1 + j);
}

/* A created contract's row holds, as a JSON list in the contract's
 * layout, exactly its columns, null where blank. */
static void
assert_whole_row_matches (const char *path, gint64 id)
{
  const CmAuditLayout *layout = cm_audit_layout_newest ("contract");
  g_autofree char *sql = g_strdup_printf ("SELECT new_value FROM audit WHERE entity = 'contract'"
                                          " AND entity_id = %" G_GINT64_FORMAT
                                          " AND field = '*'", id);
  g_autofree char *json = cm_test_query_text (path, sql);
  g_autofree char *reference = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_nonnull (json);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1 + layout->n_columns);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, layout->number);
  g_free (sql);
  sql = g_strdup_printf ("SELECT reference FROM contract WHERE id = %" G_GINT64_FORMAT, id);
  reference = cm_test_query_text (path, sql);
  g_assert_cmpstr (json_node_get_string (element (array, layout, "reference")), ==, reference);
  g_assert_true (JSON_NODE_HOLDS_NULL (element (array, layout, "notice_served"))); /* empty */
  g_assert_cmpstr (json_node_get_string (element (array, layout, "extensions_invoked")), ==, "0");
}

static void
test_import_verifies (void)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = write_register ("register.csv", IMPORTED_ROWS);
  g_autofree char *message = NULL;
  gint64 first;

  {
    g_autoptr(CmStore) store = cm_test_open_new ("imported.commissioner", &path);
    import_register (store, csv);
  }
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM contract"), ==, IMPORTED_ROWS);
  /* One row per created record, not one per field. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'contract'"
                                            " AND field = '*'"), ==, IMPORTED_ROWS);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'contract'"
                                            " AND field <> '*'"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'provider'"
                                            " AND field = '*'"), ==,
                   cm_test_query_int (path, "SELECT count(*) FROM provider"));
  /* Lists of values where the table has a layout, objects where not. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND entity IN ('contract', 'provider', 'service')"
                                            " AND new_value NOT LIKE '[1,%'"), ==, 0);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE field = '*'"
                                            " AND entity = 'organisation'"
                                            " AND new_value LIKE '{\"name\":%'"), ==,
                   cm_test_query_int (path, "SELECT count(*) FROM organisation"));
  first = cm_test_query_int (path, "SELECT min(id) FROM contract");
  assert_whole_row_matches (path, first);
  assert_verifies (path);

  /* A field saved later in the application begins from the list's value. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
    g_autoptr(CmEntity) contract = cm_store_load (store, CM_TYPE_CONTRACT, first, &error);

    g_assert_no_error (error);
    g_object_set (contract, "notice-period", "2 months", NULL);
    cm_test_save (store, contract);
  }
  assert_verifies (path);

  /* An imported record changed by hand is caught like any other. */
  cm_test_run_sql (path, "UPDATE contract SET end_date = '2031-03-31'"
                         " WHERE reference = 'IMP-04321'");
  message = assert_disagrees (path, "contract IMP-04321", "end_date", "“2031-03-31”", NULL);
}

/* ---- records changed behind the application's back -------------------- */

static void
test_edited_field_fails (void)
{
  g_autofree char *path = demo_copy ("edited.commissioner");
  g_autofree char *message = NULL;

  cm_test_run_sql (path, "UPDATE contract SET notice_served = '2026-01-10'"
                         " WHERE reference = 'ASC-0013'");
  message = assert_disagrees (path, "contract ASC-0013, notice_served: file “2026-01-10”, trail",
                              "changed outside Commissioner", path, NULL);
}

static void
test_edited_service_names_it (void)
{
  g_autofree char *path = demo_copy ("edited-service.commissioner");
  g_autofree char *name = cm_test_query_text (path, "SELECT name FROM service WHERE id = 2");
  g_autofree char *named = g_strdup_printf ("service “%s”, stage: file “bogus”", name);
  g_autofree char *message = NULL;

  /* Not a stage at all: the application would read it as the first one. */
  cm_test_run_sql (path, "UPDATE service SET stage = 'bogus' WHERE id = 2");
  message = assert_disagrees (path, named, NULL);
}

static void
test_number_stored_as_other_kind_fails (void)
{
  g_autofree char *path = demo_copy ("retyped.commissioner");
  g_autofree char *message = NULL;

  /* The application reads 2 as true, as the trail has it; it never writes 2. */
  cm_test_run_sql (path, "UPDATE provider SET is_sme = 2 WHERE id = (SELECT min(id)"
                         " FROM provider WHERE is_sme = 1)");
  message = assert_disagrees (path, "is_sme: file “'2'”, trail “true”", NULL);
}

static void
test_deleted_record_fails (void)
{
  g_autofree char *path = demo_copy ("deleted.commissioner");
  g_autofree char *message = NULL;

  cm_test_run_sql (path, "DELETE FROM contract WHERE reference = 'ASC-0013'");
  message = assert_disagrees (path, "contract ASC-0013 is in the trail but not in the file",
                              "deleted outside Commissioner", NULL);
}

static void
test_inserted_record_fails (void)
{
  g_autofree char *path = demo_copy ("inserted.commissioner");
  g_autofree char *message = NULL;

  cm_test_run_sql (path, "INSERT INTO contract (reference, title, service_id, provider_id,"
                         " contract_type, route) VALUES ('XX-0001', 'Unrecorded', 1, 1,"
                         " 'block', 'open')");
  message = assert_disagrees (path, "contract XX-0001 is in the file but not in the trail",
                              "added outside Commissioner", NULL);
}

/* Whether @path has @table: an old portfolio lacks those of later migrations. */
static gboolean
has_table (const char *path, const char *table)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                     table);

  return cm_test_query_int (path, sql) > 0;
}

static gint64
count_records (const char *path)
{
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);
  gint64 records = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i].name);
      if (has_table (path, tables[i].name))
        records += cm_test_query_int (path, sql);
    }
  return records;
}

static void
test_deleted_trail_fails (void)
{
  g_autofree char *path = demo_copy ("no-trail.commissioner");
  g_autofree char *holds = NULL;
  g_autofree char *message = NULL;

  cm_test_run_sql (path, "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head'");
  /* The chain alone cannot tell: an empty chain holds. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_READ_ONLY, &error);
    gint64 rows = -1;

    g_assert_true (cm_store_verify_audit_chain (store, &rows, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (rows, ==, 0);
  }
  holds = g_strdup_printf ("is empty, yet it holds %" G_GINT64_FORMAT " records",
                           count_records (path));
  message = assert_disagrees (path, "The audit trail of", holds, "deleted outside Commissioner",
                              NULL);
}

static void
test_deleted_setting_fails (void)
{
  g_autofree char *path = demo_copy ("setting.commissioner");
  g_autofree char *message = NULL;

  cm_test_run_sql (path, "UPDATE meta SET value = 'Somewhere else' WHERE key = 'name'");
  message = assert_disagrees (path, "the portfolio settings, name: file “Somewhere else”", NULL);
}

/* Put right later through the application, the record agrees again, but
 * the change the application recorded began from a value the trail never
 * had: that is told too. */
static void
test_change_after_edit_outside_fails (void)
{
  g_autofree char *path = demo_copy ("edited-then-saved.commissioner");
  g_autofree char *message = NULL;

  cm_test_run_sql (path, "UPDATE contract SET title = 'Edited by hand'"
                         " WHERE reference = 'ASC-0013'");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
    GListModel *contracts = cm_store_list (store, CM_TYPE_CONTRACT);
    g_autoptr(CmEntity) draft = NULL;

    g_assert_no_error (error);
    for (guint i = 0; draft == NULL && i < g_list_model_get_n_items (contracts); i++)
      {
        g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);

        if (g_str_equal (cm_contract_get_reference (contract), "ASC-0013"))
          draft = cm_entity_copy (CM_ENTITY (contract));
      }
    g_assert_nonnull (draft);
    g_object_set (draft, "title", "Saved in Commissioner", NULL);
    cm_test_save (store, draft);
  }
  message = assert_disagrees (path, "contract ASC-0013, title was changed outside Commissioner"
                              " before audit row", "“Edited by hand”", NULL);
}

/* Deleting, putting back and changing records in the application keeps
 * the trail in step. */
static void
test_application_changes_verify (void)
{
  g_autofree char *path = NULL;

  {
    g_autoptr(CmStore) store = cm_test_open_new ("changes.commissioner", &path);
    g_autoptr(CmOrganisation) org = cm_organisation_new ("Better Care Fund",
                                                         CM_ORGANISATION_KIND_POOLED_BUDGET);
    g_autoptr(GError) error = NULL;

    cm_test_save (store, org);
    g_object_set (org, "name", "Leeds Better Care Fund", NULL);
    cm_test_save (store, org);
    cm_test_delete (store, org);
    cm_test_restore (store, org);
    g_assert_true (cm_store_set_meta (store, "name", "Changes", &error));
    g_assert_true (cm_store_set_meta (store, "name", "", &error));
    g_assert_no_error (error);
  }
  assert_verifies (path);
}

/* ---- portfolios made before records were replayed ---------------------- */

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
append_old_row (CmAuditLog *log, const char *entity, gint64 id, const char *field,
                const char *old_value, const char *new_value)
{
  g_autoptr(GError) error = NULL;
  CmAuditRow row = { "2025-06-01T09:00:00.000000Z", "Someone in 2025", entity, id, field,
                     old_value, new_value };

  g_assert_true (cm_audit_append (log, &row, &error));
  g_assert_no_error (error);
}

/* A record in every table, written as the version before this one would
 * have: imports with no rows of their own, and a trail of some changes. */
static char *
make_old_portfolio (const char *name)
{
  char *path = cm_test_temp_path (name);
  sqlite3 *db = cm_test_create_old_portfolio (path, CM_AUDIT_BASELINE_VERSION - 1);
  CmDb *database = cm_db_sqlite_borrow (db);
  CmAuditLog *log = cm_audit_log_new (database);

  exec_sql (db,
    "INSERT INTO meta (key, value) VALUES ('name', 'Portfolio of 2025');"
    "INSERT INTO organisation VALUES (1, 'Adult Social Care', 'council');"
    "INSERT INTO service (id, name, area, client_group, lead_commissioner_id, stage, cycle)"
    "  VALUES (1, 'Home care', 'adult-social-care', 'older-people', 1, 'plan', 2);"
    "INSERT INTO service_partner VALUES (1, 1, 1);"
    "INSERT INTO funding_source VALUES (1, 1, NULL, 'Better Care Fund', 120000);"
    "INSERT INTO provider (id, name, sector, is_sme, is_vcse, annual_income)"
    "  VALUES (1, 'Care Ltd', 'independent', 1, 0, 5000000);"
    "INSERT INTO contract (id, reference, title, service_id, provider_id, contract_type, route,"
    "  annual_value, total_value, start_date, end_date, term, notice_period,"
    "  extensions_invoked, notice_served)"
    "  VALUES (1, 'OLD-0001', 'Edited title', 1, 1, 'block', 'open', 1000000, 5000000,"
    "  '2024-04-01', '2027-03-31', '3+1+1', '6 months', 1, '2026-09-30');"
    "INSERT INTO checklist_item (id, service_id, cycle, stage, title, required, state)"
    "  VALUES (1, 1, 2, 'plan', 'Market position statement', 1, 'done');"
    "INSERT INTO stage_event VALUES (1, 1, 2, 'analyse', 'plan', 'none', 0, '', '');"
    "INSERT INTO staff VALUES (1, 'A. Commissioner', 'Lead', '2025-01-10', 24);"
    "INSERT INTO eia (id, service_id, author_id, proposal, aim_opportunity)"
    "  VALUES (1, 1, 1, 'Recommission home care', 1);"
    "INSERT INTO eia_characteristic (id, eia_id, position, name) VALUES (1, 1, 1, 'Age');"
    "INSERT INTO eia_mitigation (id, characteristic_id, description, effectiveness)"
    "  VALUES (1, 1, 'Easy read letters', 4);"
    "INSERT INTO decommission (id, service_id, reason) VALUES (1, 1, 'Replaced');"
    "INSERT INTO decommission_contract VALUES (1, 1, 1);"
    "INSERT INTO transition (id, decommission_id, person_ref) VALUES (1, 1, 'P-17');"
    "INSERT INTO risk (id, service_id, description, likelihood, impact)"
    "  VALUES (1, 1, 'Provider failure', 3, 4);"
    "INSERT INTO engagement (id, service_id, held_on, summary, co_production)"
    "  VALUES (1, 1, '2025-05-01', 'Carers forum', 1);"
    "INSERT INTO measure (id, service_id, name, target) VALUES (1, 1, 'Visits on time', 0.85);"
    "INSERT INTO measure_value VALUES (1, 1, '2025-Q1', 0.8125);"
    "INSERT INTO scenario VALUES (1, '10% cut', '');"
    "INSERT INTO scenario_line VALUES (1, 1, 1, 12.5);"
    "INSERT INTO import_run (id, source, created) VALUES (1, 'register.csv', 1);");
  /* The organisation was made in the application; the contract was
   * imported, then its title edited; a provider imported and deleted. */
  append_old_row (log, "organisation", 1, "name", NULL, "Adult Social Care");
  append_old_row (log, "organisation", 1, "kind", NULL, "council");
  append_old_row (log, "contract", 1, "title", "Imported title", "Edited title");
  append_old_row (log, "provider", 2, "name", "Gone Ltd", NULL);
  append_old_row (log, "provider", 2, "sector", "charity", NULL);
  append_old_row (log, "meta", 0, "name", NULL, "Portfolio of 2025");
  cm_audit_log_free (log);
  cm_db_close (database);
  sqlite3_close (db);
  return path;
}

static void
test_old_portfolio_gets_baseline (void)
{
  g_autofree char *path = make_old_portfolio ("old.commissioner");
  gint64 records = count_records (path);
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);
  g_autofree char *message = NULL;

  /* Every table of that version has a record to replay. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i].name);
      if (has_table (path, tables[i].name))
        g_assert_cmpint (cm_test_query_int (path, sql), >, 0);
    }

  /* Read without changing: the update happens in a copy in memory. */
  assert_verifies (path);
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA user_version"), ==,
                   CM_AUDIT_BASELINE_VERSION - 1);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA user_version"), >=,
                   CM_AUDIT_BASELINE_VERSION);
  /* One baseline row per record, and one for the settings. */
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit"
                                            " WHERE field = '*baseline'"), ==, records + 1);
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(DISTINCT actor) FROM audit"
                                            " WHERE field = '*baseline'"), ==, 1);
  assert_verifies (path);

  /* The baseline vouches for the records as they were, and no more. */
  cm_test_run_sql (path, "UPDATE measure_value SET value = 0.75 WHERE id = 1");
  message = assert_disagrees (path, "measure value #1, value: file “0.75”, trail “0.8125”", NULL);
}

/* ---- the schema's columns are all replayed ---------------------------- */

/* The "table.column"s of @path that replay does not cover: every table
 * but the trail itself (audit), the settings (meta, replayed by key) and
 * SQLite's own. */
static GPtrArray *
uncovered_columns (const char *path)
{
  g_autofree char *dump = cm_test_query_dump (path, "SELECT m.name, p.name FROM sqlite_master m,"
                                                    " pragma_table_info (m.name) p"
                                                    " WHERE m.type = 'table'"
                                                    " AND m.name NOT IN ('audit', 'meta')"
                                                    " AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                                    " ORDER BY m.name, p.cid");
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GPtrArray *uncovered = g_ptr_array_new_with_free_func (g_free);
  guint columns = 0;

  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "|", 2);
      const CmAuditTable *table = cm_audit_table_find (parts[0]);

      columns++;
      /* The id is the trail's entity_id; the row's version is bookkeeping. */
      if (table && (g_str_equal (parts[1], "id") || g_str_equal (parts[1], "row_version") ||
                    cm_audit_table_column (table, parts[1]) >= 0))
        continue;
      g_ptr_array_add (uncovered, g_strdup_printf ("%s.%s", parts[0], parts[1]));
    }
  g_assert_cmpuint (columns, >, 150);
  return uncovered;
}

static void
test_every_column_is_replayed (void)
{
  g_autofree char *path = NULL;
  g_autofree char *added = cm_test_temp_path ("added-column.commissioner");
  g_autoptr(GPtrArray) uncovered = NULL;
  g_autoptr(GPtrArray) still = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (cm_test_open_new ("schema.commissioner", &path));
  uncovered = uncovered_columns (path);
  for (guint i = 0; i < uncovered->len; i++)
    g_test_message ("not replayed: %s", (char *) g_ptr_array_index (uncovered, i));
  g_assert_cmpuint (uncovered->len, ==, 0);

  /* A column a migration adds without its entity is found. */
  bytes = cm_test_read_file (path);
  g_file_set_contents (added, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  cm_test_run_sql (added, "ALTER TABLE contract ADD COLUMN secret TEXT NOT NULL DEFAULT '';"
                          "CREATE TABLE side_notes (id INTEGER PRIMARY KEY, note TEXT)");
  still = uncovered_columns (added);
  g_assert_cmpuint (still->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (still, 0), ==, "contract.secret");
  g_assert_cmpstr (g_ptr_array_index (still, 1), ==, "side_notes.id");
  g_assert_cmpstr (g_ptr_array_index (still, 2), ==, "side_notes.note");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit-replay/record-text", test_record_text);
  g_test_add_func ("/audit-replay/record-list-text", test_record_list_text);
  g_test_add_func ("/audit-replay/record-list-refused", test_record_list_refused);
  g_test_add_func ("/audit-replay/layouts", test_layouts_are_tables);
  g_test_add_func ("/audit-replay/demo", test_demo_verifies);
  g_test_add_func ("/audit-replay/import", test_import_verifies);
  g_test_add_func ("/audit-replay/application-changes", test_application_changes_verify);
  g_test_add_func ("/audit-replay/edited-field", test_edited_field_fails);
  g_test_add_func ("/audit-replay/edited-service", test_edited_service_names_it);
  g_test_add_func ("/audit-replay/retyped-number", test_number_stored_as_other_kind_fails);
  g_test_add_func ("/audit-replay/deleted-record", test_deleted_record_fails);
  g_test_add_func ("/audit-replay/inserted-record", test_inserted_record_fails);
  g_test_add_func ("/audit-replay/deleted-trail", test_deleted_trail_fails);
  g_test_add_func ("/audit-replay/edited-setting", test_deleted_setting_fails);
  g_test_add_func ("/audit-replay/changed-outside-then-saved", test_change_after_edit_outside_fails);
  cm_test_add_file_func ("/audit-replay/old-portfolio", test_old_portfolio_gets_baseline);
  cm_test_add_file_func ("/audit-replay/every-column", test_every_column_is_replayed);
  return g_test_run ();
}
