/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-words.c: the audit trail in a reviewer's words, on the demo portfolio */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-audit-layout.h"
#include "cm-audit-query.h"
#include "cm-audit-record.h"
#include "cm-audit-words.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-demo.h"
#include "cm-enums.h"
#include "cm-money.h"
#include "cm-organisation.h"
#include "cm-service.h"
#include "cm-test-util.h"

typedef struct {
  char *path;
  CmStore *store;
} Demo;

/* For the cases about words, not about the chain. */
static const CmAuditVerdict vouched = { CM_AUDIT_VERIFIED };

static void
demo_set_up (Demo *demo, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = cm_test_today ();

  demo->path = cm_test_portfolio_path ("audit-words.commissioner");
  g_assert_true (cm_demo_create (demo->path, today, &error));
  g_assert_no_error (error);
  demo->store = cm_store_open (demo->path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
}

static void
demo_tear_down (Demo *demo, gconstpointer data)
{
  g_clear_object (&demo->store);
  g_unlink (demo->path);
  g_free (demo->path);
}

static gboolean
collect (CmAuditItem *item, gpointer user_data)
{
  g_ptr_array_add (user_data, g_object_ref (item));
  return TRUE;
}

static GPtrArray *
rows_matching (CmStore *store, const CmAuditFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpint (cm_audit_foreach (store, filter, &vouched, 0, collect, items, &error), >=, 0);
  g_assert_no_error (error);
  return items;
}

/* No reviewer should meet a column name, an enum nick or a bare id. */
static void
assert_readable (const char *text, const CmAuditEntry *entry, const char *raw)
{
  if (text == NULL)
    return;
  g_assert_null (strstr (text, "_id"));
  g_assert_null (strstr (text, "(none)"));
  if (raw && g_str_has_suffix (entry->field, "_id"))
    g_assert_cmpstr (text, !=, raw);
}

static void
test_every_demo_row_reads_as_words (Demo *demo, gconstpointer data)
{
  CmAuditFilter all = { 0 };
  g_autoptr(GPtrArray) items = rows_matching (demo->store, &all);
  gint64 n = cm_test_query_int (demo->path, "SELECT count(*) FROM audit");

  g_assert_cmpint (items->len, ==, n);
  for (guint i = 0; i < items->len; i++)
    {
      CmAuditItem *item = g_ptr_array_index (items, i);
      const CmAuditEntry *e = cm_audit_item_get_entry (item);

      if (i > 0)
        g_assert_cmpint (e->id, <, cm_audit_item_get_id (g_ptr_array_index (items, i - 1)));
      g_assert_cmpstr (cm_audit_item_get_field (item), !=, e->field);
      assert_readable (cm_audit_item_get_field (item), e, NULL);
      assert_readable (cm_audit_item_get_record (item), e, NULL);
      assert_readable (cm_audit_item_get_before (item), e, e->old_value);
      assert_readable (cm_audit_item_get_after (item), e, e->new_value);
      /* A value the trail holds is never lost in the words. */
      g_assert_true ((e->new_value == NULL || !*e->new_value) ==
                     (cm_audit_item_get_after (item) == NULL));
    }
}

static CmAuditItem *
first_row (GPtrArray *items, const char *table, const char *field)
{
  for (guint i = 0; i < items->len; i++)
    {
      const CmAuditEntry *e = cm_audit_item_get_entry (g_ptr_array_index (items, i));

      if (g_str_equal (e->entity, table) && g_str_equal (e->field, field) && e->new_value)
        return g_ptr_array_index (items, i);
    }
  g_assert_not_reached ();
}

static void
test_enums_read_as_their_labels (Demo *demo, gconstpointer data)
{
  CmAuditFilter all = { 0 };
  g_autoptr(GPtrArray) items = rows_matching (demo->store, &all);
  CmAuditItem *item = first_row (items, "decommission", "decision_route");
  const CmAuditEntry *e = cm_audit_item_get_entry (item);
  int route;

  g_assert_true (cm_enum_from_nick (CM_TYPE_DECISION_ROUTE, e->new_value, &route));
  g_assert_cmpstr (cm_audit_item_get_after (item), ==,
                   cm_enum_to_label (CM_TYPE_DECISION_ROUTE, route));
  g_assert_cmpstr (cm_audit_item_get_after (item), !=, e->new_value);
  g_assert_cmpstr (cm_audit_item_get_field (item), ==, "Decision route");
}

static void
test_references_name_the_record (Demo *demo, gconstpointer data)
{
  CmAuditFilter all = { 0 };
  g_autoptr(GPtrArray) items = rows_matching (demo->store, &all);
  CmAuditItem *item = first_row (items, "contract", "service_id");
  const CmAuditEntry *e = cm_audit_item_get_entry (item);
  CmEntity *service = cm_store_find (demo->store, CM_TYPE_SERVICE,
                                     g_ascii_strtoll (e->new_value, NULL, 10));
  CmContract *contract = CM_CONTRACT (cm_store_find (demo->store, CM_TYPE_CONTRACT,
                                                     e->entity_id));
  g_autofree char *record = NULL;

  g_assert_nonnull (service);
  g_assert_cmpstr (cm_audit_item_get_after (item), ==, cm_service_get_name (CM_SERVICE (service)));
  g_assert_cmpstr (cm_audit_item_get_field (item), ==, "Service");
  record = g_strdup_printf ("Contract %s — %s", cm_contract_get_reference (contract),
                            cm_contract_get_title (contract));
  g_assert_cmpstr (cm_audit_item_get_record (item), ==, record);
}

static void
test_money_and_dates_read_as_such (Demo *demo, gconstpointer data)
{
  CmAuditFilter all = { 0 };
  g_autoptr(GPtrArray) items = rows_matching (demo->store, &all);
  CmAuditItem *money = first_row (items, "contract", "annual_value");
  CmAuditItem *date = first_row (items, "contract", "start_date");
  g_autofree char *pounds =
    cm_money_format (g_ascii_strtoll (cm_audit_item_get_entry (money)->new_value, NULL, 10));
  g_autofree char *long_date = cm_date_format_long (cm_audit_item_get_entry (date)->new_value);

  g_assert_true (g_str_has_prefix (pounds, "£"));
  g_assert_cmpstr (cm_audit_item_get_after (money), ==, pounds);
  g_assert_cmpstr (cm_audit_item_get_after (date), ==, long_date);
  g_assert_null (strchr (long_date, '-'));
}

/* A record written whole reads the same in words whether its row is a
 * list of values in its layout (an import's) or an object of named
 * fields: its fields by their labels, an id as the record it names. */
static void
test_whole_list_reads_as_its_object (Demo *demo, gconstpointer data)
{
  g_autoptr(CmAuditWords) words = cm_audit_words_new (demo->store);
  GListModel *contracts = cm_store_list (demo->store, CM_TYPE_CONTRACT);
  g_autoptr(CmEntity) contract = g_list_model_get_item (contracts, 0);
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (contract);
  const CmAuditLayout *layout = cm_audit_layout_newest ("contract");
  g_autoptr(GString) object = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *service = cm_entity_property_text (contract, "service-name");
  g_autofree char *from_object = NULL;
  g_autofree char *from_list = NULL;
  g_autofree char *reference = NULL;
  g_auto(GStrv) object_fields = NULL;
  g_auto(GStrv) list_fields = NULL;

  cm_audit_record_begin (object);
  for (guint i = 0; klass->columns[i]; i++)
    {
      g_autofree char *text = cm_entity_property_text (contract, klass->columns[i]);
      g_autofree char *column = g_strdelimit (g_strdup (klass->columns[i]), "-", '_');

      if (text && *text)
        cm_audit_record_add (object, column, text);
    }
  cm_audit_record_end (object);
  cm_audit_record_begin_list (list, layout);
  for (guint j = 0; j < layout->n_columns; j++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (layout->columns[j]), "_", '-');
      g_autofree char *text = cm_entity_property_text (contract, property);

      cm_audit_record_list_add (list, text);
    }
  cm_audit_record_end_list (list);

  from_object = cm_audit_words_value (words, "contract", CM_AUDIT_FIELD_RECORD, object->str);
  from_list = cm_audit_words_value (words, "contract", CM_AUDIT_FIELD_RECORD, list->str);
  reference = g_strdup_printf ("Reference: %s; ", cm_contract_get_reference (CM_CONTRACT (contract)));
  g_test_message ("%s", from_list);
  /* In the layout's order, the table's, where an object has the entity's. */
  object_fields = g_strsplit (from_object, "; ", -1);
  list_fields = g_strsplit (from_list, "; ", -1);
  g_assert_cmpuint (g_strv_length (list_fields), ==, g_strv_length (object_fields));
  for (guint i = 0; list_fields[i]; i++)
    g_assert_true (g_strv_contains ((const char * const *) object_fields, list_fields[i]));
  g_assert_true (g_str_has_prefix (from_list, reference));
  g_assert_nonnull (strstr (from_list, service));
  g_assert_null (strchr (from_list, '['));
  g_assert_null (strstr (from_list, "null"));
}

static void
test_unknown_fields_fall_back (void)
{
  g_autofree char *label = cm_audit_field_label ("no_such_table", "odd_column_id");
  g_autofree char *known = cm_audit_field_label ("decommission", "case_for_change");

  g_assert_cmpstr (label, ==, "Odd column");
  g_assert_cmpstr (known, ==, "Case for change");
  g_assert_cmpstr (cm_audit_table_noun ("no_such_table"), ==, "No such table");
  g_assert_cmpstr (cm_audit_table_noun ("contract"), ==, "Contract");
}

static guint
model_count (CmStore *store, const CmAuditFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmAuditModel) model = cm_audit_model_new (store, filter, &vouched, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_filters_count_what_sql_counts (Demo *demo, gconstpointer data)
{
  CmAuditFilter contracts = { .table = "contract" };
  CmAuditFilter one = { .table = "decommission", .entity_id = 1 };
  CmAuditFilter field = { .table = "contract", .field = "notice_served" };
  CmAuditFilter search = { .search = "executive-board" };
  CmAuditFilter label = { .table = "decommission", .field = "decision_route",
                          .search = "Executive Board" };
  CmAuditFilter none = { .search = "no row says this" };
  CmAuditFilter future = { .from = "2999-01-01" };
  CmAuditFilter past = { .to = "2000-01-01" };
  g_autofree char *today = cm_test_query_text (demo->path, "SELECT substr(max(at), 1, 10) FROM audit");
  CmAuditFilter on_the_day = { .from = today, .to = today };
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  CmAuditFilter only = { .rows = rows };

  g_assert_cmpuint (model_count (demo->store, &contracts), ==,
                    cm_test_query_int (demo->path,
                                       "SELECT count(*) FROM audit WHERE entity = 'contract'"));
  g_assert_cmpuint (model_count (demo->store, &one), ==,
                    cm_test_query_int (demo->path, "SELECT count(*) FROM audit WHERE"
                                       " entity = 'decommission' AND entity_id = 1"));
  g_assert_cmpuint (model_count (demo->store, &field), ==,
                    cm_test_query_int (demo->path, "SELECT count(*) FROM audit WHERE"
                                       " entity = 'contract' AND field = 'notice_served'"));
  g_assert_cmpuint (model_count (demo->store, &search), ==,
                    cm_test_query_int (demo->path, "SELECT count(*) FROM audit WHERE"
                                       " new_value = 'executive-board'"
                                       " OR old_value = 'executive-board'"));
  g_assert_cmpuint (model_count (demo->store, &label), ==,
                    cm_test_query_int (demo->path, "SELECT count(*) FROM audit WHERE"
                                       " field = 'decision_route' AND"
                                       " 'executive-board' IN (new_value, old_value)"));
  g_assert_cmpuint (model_count (demo->store, &label), >, 0);
  g_assert_cmpuint (model_count (demo->store, &none), ==, 0);
  g_array_append_vals (rows, (gint64[]) { 1, 3, 5 }, 3);
  g_assert_cmpuint (model_count (demo->store, &only), ==, 3);
  g_assert_cmpuint (model_count (demo->store, &future), ==, 0);
  g_assert_cmpuint (model_count (demo->store, &past), ==, 0);
  g_assert_cmpuint (model_count (demo->store, &on_the_day), ==,
                    cm_test_query_int (demo->path, "SELECT count(*) FROM audit WHERE"
                                       " substr(at, 1, 10) = (SELECT substr(max(at), 1, 10)"
                                       " FROM audit)"));
}

static void
test_steps_tell_created_changed_deleted (Demo *demo, gconstpointer data)
{
  g_autoptr(CmOrganisation) made_here = g_object_new (CM_TYPE_ORGANISATION,
                                                      "name", "Audit words test", NULL);
  gint64 id = cm_test_save (demo->store, made_here);
  CmAuditFilter created = { .table = "organisation", .entity_id = id, .step = CM_AUDIT_STEP_CREATED };
  CmAuditFilter changed = { .table = "organisation", .entity_id = id, .step = CM_AUDIT_STEP_CHANGED };
  CmAuditFilter deleted = { .table = "organisation", .entity_id = id, .step = CM_AUDIT_STEP_DELETED };
  guint made;

  made = model_count (demo->store, &created);
  g_assert_cmpuint (made, >, 0);
  g_assert_cmpuint (model_count (demo->store, &changed), ==, 0);
  g_assert_cmpuint (model_count (demo->store, &deleted), ==, 0);
  cm_test_delete (demo->store, made_here);
  g_assert_cmpuint (model_count (demo->store, &created), ==, made);
  g_assert_cmpuint (model_count (demo->store, &deleted), >, 0);
}

static void
test_paged_model_matches_every_row (Demo *demo, gconstpointer data)
{
  CmAuditFilter all = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CmAuditModel) model = cm_audit_model_new (demo->store, &all, &vouched, &error);
  g_autoptr(GPtrArray) items = rows_matching (demo->store, &all);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_cmpuint (n, ==, items->len);
  /* Out of order, across pages, as scrolling would ask. */
  for (guint i = 0; i < n; i += 997)
    {
      g_autoptr(CmAuditItem) item = g_list_model_get_item (G_LIST_MODEL (model), n - 1 - i);

      g_assert_cmpint (cm_audit_item_get_id (item), ==,
                       cm_audit_item_get_id (g_ptr_array_index (items, n - 1 - i)));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
}

static void
test_csv_is_in_words (Demo *demo, gconstpointer data)
{
  g_autofree char *csv = cm_test_temp_path ("audit-words.csv");
  CmAuditFilter decommissions = { .table = "decommission" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *text;

  g_assert_true (cm_audit_write_csv (demo->store, &decommissions, csv, &error));
  g_assert_no_error (error);
  bytes = cm_test_read_file (csv);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFTime (UTC),Who,Record,Step,Field,"));
  g_assert_nonnull (strstr (text, "Decision route"));
  g_assert_nonnull (strstr (text, "Decommission "));
  g_assert_null (strstr (text, "decision_route"));
  g_assert_null (strstr (text, "service_id"));
  g_unlink (csv);
}

/* Rows from the first bad one on are not vouched for; those before are. */
static void
test_rows_after_a_break_do_not_verify (Demo *demo, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmAuditModel) model = NULL;
  g_auto(CmAuditVerdict) before = { 0 };
  g_auto(CmAuditVerdict) after = { 0 };
  gint64 bad = cm_test_query_int (demo->path, "SELECT id FROM audit WHERE entity = 'contract'"
                                  " ORDER BY id LIMIT 1");
  guint n;

  cm_audit_verdict_check (demo->store, &before);
  g_assert_cmpint (before.finding, ==, CM_AUDIT_VERIFIED);
  g_clear_object (&demo->store);
  cm_test_run_sql (demo->path, "UPDATE audit SET new_value = 'forged' WHERE id ="
                      " (SELECT min(id) FROM audit WHERE entity = 'contract')");
  demo->store = cm_store_open (demo->path, CM_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  cm_audit_verdict_check (demo->store, &after);
  g_assert_cmpint (after.finding, ==, CM_AUDIT_BROKEN);
  g_assert_cmpint (after.first_bad, ==, bad);
  model = cm_audit_model_new (demo->store, &(CmAuditFilter) { 0 }, &after, &error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i += 101)
    {
      g_autoptr(CmAuditItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (cm_audit_item_get_check (item), ==,
                       cm_audit_item_get_id (item) < bad ? CM_AUDIT_ROW_VOUCHED
                                                         : CM_AUDIT_ROW_NOT_VOUCHED);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define DEMO_TEST(name, func) \
  g_test_add ("/audit-words/" name, Demo, NULL, demo_set_up, func, demo_tear_down)
  DEMO_TEST ("every-demo-row", test_every_demo_row_reads_as_words);
  DEMO_TEST ("enums", test_enums_read_as_their_labels);
  DEMO_TEST ("references", test_references_name_the_record);
  DEMO_TEST ("money-and-dates", test_money_and_dates_read_as_such);
  DEMO_TEST ("filters", test_filters_count_what_sql_counts);
  DEMO_TEST ("steps", test_steps_tell_created_changed_deleted);
  DEMO_TEST ("paged-model", test_paged_model_matches_every_row);
  DEMO_TEST ("csv", test_csv_is_in_words);
  DEMO_TEST ("broken-chain", test_rows_after_a_break_do_not_verify);
  DEMO_TEST ("whole-list", test_whole_list_reads_as_its_object);
  g_test_add_func ("/audit-words/unknown-fields", test_unknown_fields_fall_back);
  return g_test_run ();
}
