/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-field-labels.c: the audit trail names each field from its one
 * description, as its editor does, for every column a portfolio audits */
#include "cm-audit-record.h"
#include "cm-audit-tables.h"
#include "cm-audit-words.h"
#include "cm-deadline-settings.h"
#include "cm-eia-review.h"
#include "cm-entity.h"
#include "cm-ocds-prefix.h"
#include "cm-record-fields.h"
#include "cm-record-kind.h"
#include "cm-test-util.h"

/* Every stored field an editor shows is called the same in the trail. */
static void
check_kind (const CmRecordKind *kind, GString *wrong)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (kind->get_type ());
  CmEntityClass *entity = CM_ENTITY_CLASS (klass);

  for (const CmRecordField *field = kind->fields; field->property; field++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (field->property), "-", '_');
      g_autofree char *label = NULL;

      if (!g_strv_contains (entity->columns, field->property))
        continue; /* worked out, never audited */
      label = cm_audit_field_label (entity->table, column);
      if (g_strcmp0 (label, field->title) != 0)
        g_string_append_printf (wrong, "\n%s.%s: the editor says “%s”, the trail “%s”",
                                entity->table, column, field->title, label);
    }
}

static void
test_trail_uses_the_editors_labels (void)
{
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    check_kind (&kinds[i], wrong);
  check_kind (&cm_characteristic_kind, wrong);
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
}

/* The label the trail gives @column of @table, when its description gives
 * the same; else why not, added to @wrong. */
static void
check_column (const char *table, const CmRecordField *field, const char *column,
              GString *wrong)
{
  g_autofree char *label = cm_audit_field_label (table, column);

  if (field == NULL)
    g_string_append_printf (wrong, "\n%s.%s: no description gives it a label (the trail "
                            "says “%s”)", table, column, label);
  else if (g_strcmp0 (label, field->title) != 0)
    g_string_append_printf (wrong, "\n%s.%s: described as “%s”, the trail says “%s”",
                            table, column, field->title, label);
}

/* Each column of an audited table in a real portfolio's schema has a
 * label of its own, and the trail uses it. */
static void
test_every_audited_column_is_described (void)
{
  g_autofree char *path = NULL;
  CmStore *store = cm_test_open_new ("labels.commissioner", &path);
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n_tables, n_columns = 0;
  const CmAuditTable *tables = cm_audit_tables (&n_tables);

  g_object_unref (store); /* the file is SQLite's alone while it is open */
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')"
                                              " WHERE name NOT IN ('id', 'row_version')"
                                              " ORDER BY cid",
                                              tables[i].name);
      g_autofree char *dump = cm_test_query_dump (path, sql);
      g_auto(GStrv) columns = g_strsplit (g_strchomp (dump), "\n", -1);
      g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (columns[0] == NULL || *columns[0] == '\0')
        g_string_append_printf (wrong, "\n%s: audited, but not in the file", tables[i].name);
      for (guint c = 0; columns[c] && *columns[c]; c++, n_columns++)
        {
          char *label = cm_audit_field_label (tables[i].name, columns[c]);

          check_column (tables[i].name, cm_record_field_of_column (tables[i].type, columns[c]),
                        columns[c], wrong);
          /* A reviewer tells two changes of one record apart by their labels. */
          if (!g_hash_table_add (said, label))
            g_string_append_printf (wrong, "\n%s.%s: “%s” names another of its columns too",
                                    tables[i].name, columns[c], label);
        }
    }
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
  g_assert_cmpuint (n_columns, >, 100); /* every table was read */
}

/* Every setting a user changes is recorded under a label of its own. */
static void
test_every_setting_is_described (void)
{
  g_autofree char *path = NULL;
  CmStore *store = cm_test_open_new ("settings.commissioner", &path);
  g_autoptr(GString) wrong = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_auto(GStrv) keys = NULL;
  CmDeadlineSettings settings;
  guint n_rules;
  const CmDeadlineRule *rules = cm_deadline_rules (&n_rules);

  g_assert_true (cm_store_set_meta (store, "name", "Leeds adult social care", &error));
  g_assert_true (cm_ocds_prefix_set (store, "ocds-b5fd17", &error));
  g_assert_true (cm_eia_review_set_months (store, cm_eia_review_months (store) + 1, &error));
  cm_deadline_settings_load (store, &settings);
  for (guint i = 0; i < n_rules; i++)
    {
      int *value = cm_deadline_rule_value (&rules[i], &settings);

      *value = *value < rules[i].max ? *value + 1 : *value - 1;
    }
  g_assert_true (cm_deadline_settings_save (store, &settings, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  dump = cm_test_query_dump (path, "SELECT DISTINCT field FROM audit WHERE entity = 'meta'"
                                   " ORDER BY field");
  keys = g_strsplit (g_strchomp (dump), "\n", -1);
  g_assert_cmpuint (g_strv_length (keys), >=, 3 + n_rules);
  for (guint i = 0; keys[i]; i++)
    if (!cm_audit_field_is_whole (keys[i])) /* the baseline's, every setting at once */
      check_column ("meta", cm_portfolio_setting_field (keys[i]), keys[i], wrong);
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
}

/* A description's words are the trail's, whatever else a column is
 * called: a label given for one table is not borrowed by another. */
static void
test_labels_are_each_tables_own (void)
{
  g_autofree char *risk = cm_audit_field_label ("risk", "description");
  g_autofree char *variation = cm_audit_field_label ("contract_variation", "description");
  g_autofree char *setting = cm_audit_field_label ("meta", "name");
  g_autofree char *gone = cm_audit_field_label ("contract", "no_longer_kept");

  g_assert_cmpstr (risk, ==, "Risk");
  g_assert_cmpstr (variation, ==, "Description");
  g_assert_cmpstr (setting, ==, "Portfolio name");
  g_assert_cmpstr (gone, ==, "No longer kept");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-labels/editors", test_trail_uses_the_editors_labels);
  g_test_add_func ("/field-labels/every-audited-column", test_every_audited_column_is_described);
  g_test_add_func ("/field-labels/every-setting", test_every_setting_is_described);
  g_test_add_func ("/field-labels/each-tables-own", test_labels_are_each_tables_own);
  return g_test_run ();
}
