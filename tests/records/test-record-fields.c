/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-record-fields.c: each field is described once, truly, and the
 * editor, the workbook and the importer all read that description */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-entity.h"
#include "cm-enums.h"
#include "cm-import-mapping.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-record-fields.h"
#include "cm-record-kind.h"
#include "cm-service.h"
#include "cm-sheet-columns.h"
#include "cm-test-util.h"
#include "cm-workbook.h"
#include "cm-xlsx-reader.h"

/* Every described type, found through the editors' kinds so that a kind
 * added without a description is caught too. */
static GPtrArray *
described_types (void)
{
  GPtrArray *types = g_ptr_array_new ();
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    g_ptr_array_add (types, GSIZE_TO_POINTER (kinds[i].get_type ()));
  g_ptr_array_add (types, GSIZE_TO_POINTER (cm_characteristic_kind.get_type ()));
  return types;
}

static gboolean
is_derived (CmEntityClass *klass, const char *property)
{
  for (const CmDerivedColumn *d = klass->derived; d && d->property; d++)
    if (g_str_equal (d->property, property))
      return TRUE;
  return FALSE;
}

static gboolean
is_stored (GType type, const CmRecordField *field)
{
  g_autofree char *column = cm_record_field_column (type, field);

  return column != NULL;
}

/* Each property is the type's own and holds what its format says; what is
 * edited is kept. */
static void
test_properties_exist (void)
{
  g_autoptr(GPtrArray) types = described_types ();
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 0; i < types->len; i++)
    {
      GType type = GPOINTER_TO_SIZE (g_ptr_array_index (types, i));
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      const CmRecordField *fields = cm_record_fields_of (type);

      if (fields == NULL)
        {
          g_string_append_printf (wrong, "\n%s: not described", g_type_name (type));
          continue;
        }
      for (const CmRecordField *field = fields; field->property; field++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                            field->property);

          if (pspec == NULL)
            g_string_append_printf (wrong, "\n%s has no property “%s”", g_type_name (type),
                                    field->property);
          else if (field->format == CM_FORMAT_REFERENCE &&
                   pspec->value_type != G_TYPE_INT64)
            g_string_append_printf (wrong, "\n%s.%s: a reference that is not an id",
                                    g_type_name (type), field->property);
          else if (field->format == CM_FORMAT_ENUM && !G_TYPE_IS_ENUM (pspec->value_type))
            g_string_append_printf (wrong, "\n%s.%s: a choice that is not an enum",
                                    g_type_name (type), field->property);
          else if (field->format == CM_FORMAT_MONEY && pspec->value_type != G_TYPE_INT64)
            g_string_append_printf (wrong, "\n%s.%s: money that is not in pence",
                                    g_type_name (type), field->property);
          else if (field->format == CM_FORMAT_DATE && pspec->value_type != G_TYPE_STRING)
            g_string_append_printf (wrong, "\n%s.%s: a date that is not ISO text",
                                    g_type_name (type), field->property);
          if (field->editable && !is_stored (type, field))
            g_string_append_printf (wrong, "\n%s.%s: editable but never stored",
                                    g_type_name (type), field->property);
        }
    }
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
}

/* Every column a field names is in the schema of a real portfolio; every
 * other field is one the store works out. */
static void
test_columns_in_schema (void)
{
  g_autofree char *path = NULL;
  CmStore *store = cm_test_open_new ("fields.commissioner", &path);
  g_autoptr(GPtrArray) types = described_types ();
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n_columns = 0;

  g_object_unref (store); /* the file is SQLite's alone while it is open */
  for (guint i = 0; i < types->len; i++)
    {
      GType type = GPOINTER_TO_SIZE (g_ptr_array_index (types, i));
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      CmEntityClass *entity = CM_ENTITY_CLASS (klass);

      for (const CmRecordField *field = cm_record_fields_of (type); field->property; field++)
        {
          g_autofree char *column = cm_record_field_column (type, field);
          g_autofree char *sql = NULL;

          if (column == NULL)
            {
              if (!is_derived (entity, field->property))
                g_string_append_printf (wrong, "\n%s.%s: neither stored nor worked out by "
                                        "the store", entity->table, field->property);
              continue;
            }
          sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') "
                                 "WHERE name = '%s'", entity->table, column);
          if (cm_test_query_int (path, sql) != 1)
            g_string_append_printf (wrong, "\n%s has no column %s", entity->table, column);
          n_columns++;
        }
    }
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
  g_assert_cmpuint (n_columns, >, 50);
}

/* One label names one field of a type. A reference and the name it reads
 * as are one field shown two ways (a picker in the editor, a name in the
 * list), so each may share the label of the other, and no more. */
static void
test_labels_unique (void)
{
  g_autoptr(GPtrArray) types = described_types ();
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 0; i < types->len; i++)
    {
      GType type = GPOINTER_TO_SIZE (g_ptr_array_index (types, i));
      g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) picked = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) headings = g_hash_table_new (g_str_hash, g_str_equal);

      for (const CmRecordField *field = cm_record_fields_of (type); field->property; field++)
        {
          GHashTable *seen = field->format == CM_FORMAT_REFERENCE ? picked : shown;
          const char *heading = field->heading ? field->heading : field->title;

          if (!g_hash_table_add (seen, (gpointer) field->title))
            g_string_append_printf (wrong, "\n%s: “%s” labels two fields", g_type_name (type),
                                    field->title);
          if (field->format != CM_FORMAT_REFERENCE &&
              !g_hash_table_add (headings, (gpointer) heading))
            g_string_append_printf (wrong, "\n%s: “%s” heads two columns", g_type_name (type),
                                    heading);
        }
    }
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
}

/* The editors and the lists show the very fields described. */
static void
test_editors_read_the_description (void)
{
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    g_assert_true (kinds[i].fields == cm_record_fields_of (kinds[i].get_type ()));
  g_assert_true (cm_characteristic_kind.fields ==
                 cm_record_fields_of (cm_characteristic_kind.get_type ()));
  g_assert_true (cm_contract_notice_kind.fields == cm_contract_notice_fields);
}

/* A sheet's header for a field is the field's heading; a worked-out
 * column names nothing a field already names. */
static void
check_sheet (GType type, const CmSheetColumn *columns, const char *first, guint n_expected)
{
  g_autofree const char **headers = cm_sheet_columns_headers (type, columns);
  g_autofree CmFormat *formats = cm_sheet_columns_formats (type, columns);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (g_strv_length ((char **) headers), ==, n_expected);
  g_assert_cmpstr (headers[0], ==, first);
  for (guint c = 0; headers[c]; c++)
    {
      const CmRecordField *field = cm_sheet_columns_field (type, columns, c);

      g_test_message ("%s column %u: %s", g_type_name (type), c, headers[c]);
      g_assert_true (g_hash_table_add (seen, (gpointer) headers[c]));
      /* A field's column is written in the format its field describes. */
      g_assert_cmpint (formats[c], ==, field ? field->format : columns[c].format);
      if (field)
        g_assert_cmpstr (headers[c], ==, cm_record_field_heading (field));
      else
        for (const CmRecordField *f = cm_record_fields_of (type); f->property; f++)
          g_assert_cmpstr (headers[c], !=, cm_record_field_heading (f));
    }
}

static void
test_sheets_read_the_description (void)
{
  const CmRecordField *area = cm_record_field_find (CM_TYPE_SERVICE, "area");
  const CmRecordField *start = cm_record_field_find (CM_TYPE_CONTRACT, "start-date");

  check_sheet (CM_TYPE_SERVICE, cm_services_sheet_columns, "Name", 13);
  check_sheet (CM_TYPE_CONTRACT, cm_contracts_sheet_columns, "Reference", 25);
  /* A label read beside the record, a heading read alone. */
  g_assert_cmpstr (area->title, ==, "Service area");
  g_assert_cmpstr (cm_record_field_heading (area), ==, "Area");
  g_assert_cmpstr (start->title, ==, "Start");
  g_assert_cmpstr (cm_record_field_heading (start), ==, "Start date");
}

/* The importer names each field by its heading, and recognises each
 * heading, label and synonym as that field and no other, so that the
 * Contracts sheet imports back column by column. */
static void
test_import_reads_the_description (void)
{
  g_autofree const char **headers = cm_sheet_columns_headers (CM_TYPE_CONTRACT,
                                                               cm_contracts_sheet_columns);
  guint n_recognised = 0;

  for (CmImportField f = CM_IMPORT_FIELD_IGNORE + 1; f < CM_IMPORT_N_FIELDS; f++)
    {
      const char *label = cm_import_field_label (f);

      g_test_message ("import field %s: “%s”", cm_import_field_nick (f), label);
      g_assert_cmpint (cm_import_field_from_header (label), ==, f);
    }
  g_assert_cmpstr (cm_import_field_label (CM_IMPORT_FIELD_START_DATE), ==, "Start date");
  g_assert_cmpstr (cm_import_field_label (CM_IMPORT_FIELD_ROUTE), ==,
                   cm_record_field_heading (cm_record_field_find (CM_TYPE_CONTRACT, "route")));
  for (const CmRecordField *field = cm_contract_fields; field->property; field++)
    for (guint s = 0; s < G_N_ELEMENTS (field->synonyms) && field->synonyms[s]; s++)
      {
        CmImportField by_synonym = cm_import_field_from_header (field->synonyms[s]);
        CmImportField by_label = cm_import_field_from_header (field->title);

        g_test_message ("“%s” is %s", field->synonyms[s], cm_import_field_nick (by_synonym));
        g_assert_cmpint (by_synonym, !=, CM_IMPORT_FIELD_IGNORE);
        g_assert_cmpint (by_synonym, ==, by_label);
      }
  for (guint c = 0; headers[c]; c++)
    {
      const CmRecordField *field = cm_sheet_columns_field (CM_TYPE_CONTRACT,
                                                           cm_contracts_sheet_columns, c);
      CmImportField f = cm_import_field_from_header (headers[c]);

      if (field == NULL || f == CM_IMPORT_FIELD_IGNORE)
        continue;
      g_assert_cmpstr (cm_import_field_label (f), ==, cm_record_field_heading (field));
      n_recognised++;
    }
  /* Every described column of the sheet imports back. */
  g_assert_cmpuint (n_recognised, ==, 17);
}

/* A described field's value as the importer reads its cell back: what
 * the sheet must have written for a cell of that format. */
static char *
expected_cell (GObject *record, const CmRecordField *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                    field->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, field->property, &value);
  switch (field->format)
    {
    case CM_FORMAT_ENUM:
      return g_strdup (cm_enum_to_label (pspec->value_type, g_value_get_enum (&value)));
    case CM_FORMAT_MONEY: /* a number, shown in pounds by its format */
      return g_strdup_printf ("%.15g", g_value_get_int64 (&value) / 100.0);
    case CM_FORMAT_NUMBER:
      return g_strdup_printf ("%d", g_value_get_int (&value));
    case CM_FORMAT_DATE: /* a real date, which the reader gives as ISO */
    case CM_FORMAT_TEXT:
      return g_value_dup_string (&value);
    default:
      g_assert_not_reached ();
    }
}

/* Each described column of an exported sheet holds its field's value in
 * the field's format, and its header imports back as that field. */
static void
check_exported_sheet (const char *path, const char *name, GType type,
                      const CmSheetColumn *columns, GObject *record, guint n_dates_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_xlsx_read_file (path, name, &error);
  g_autofree const char **headers = cm_sheet_columns_headers (type, columns);
  guint n_checked = 0;
  guint n_dates = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (cm_table_get_n_columns (table), ==, g_strv_length ((char **) headers));
  for (guint c = 0; headers[c]; c++)
    {
      const CmRecordField *field = cm_sheet_columns_field (type, columns, c);
      g_autofree char *expected = NULL;
      const char *cell = cm_table_get (table, 1, c);

      g_assert_cmpstr (cm_table_get (table, 0, c), ==, headers[c]);
      if (field == NULL)
        {
          GDate date;

          /* A worked-out date is a real date too, read back as ISO; a
           * worked-out text is never taken for one. */
          if (cell && *cell)
            g_assert_cmpint (cm_date_parse_iso (cell, &date), ==,
                             columns[c].format == CM_FORMAT_DATE);
          n_dates += cell && *cell && columns[c].format == CM_FORMAT_DATE;
          continue;
        }
      expected = expected_cell (record, field);
      g_test_message ("%s, %s: “%s”", name, headers[c], cell);
      g_assert_cmpstr (cell ? cell : "", ==, expected ? expected : "");
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 8);
  g_assert_cmpuint (n_dates, ==, n_dates_expected);
}

static void
test_exported_sheets_follow_the_description (void)
{
  g_autofree char *path = NULL;
  g_autofree char *workbook = cm_test_temp_path ("fields.xlsx");
  g_autoptr(GDate) today = cm_test_today ();
  CmStore *store = cm_test_open_new ("exported.commissioner", &path);
  g_autoptr(CmOrganisation) lead = cm_organisation_new ("Adult Social Care",
                                                        CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  g_autoptr(CmService) service = cm_service_new ("Carers support");
  g_autoptr(CmProvider) provider = cm_provider_new ("Carers Leeds", CM_SECTOR_THIRD_SECTOR);
  g_autoptr(CmContract) contract = cm_contract_new ("ASC-001", "Carers breaks");
  g_autoptr(CmEntity) stored_service = NULL;
  g_autoptr(CmEntity) stored_contract = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (service, "lead-commissioner-id", cm_test_save (store, lead),
                "partner-names", "", NULL);
  g_object_set (contract, "service-id", cm_test_save (store, service),
                "provider-id", cm_test_save (store, provider),
                "annual-value", (gint64) 4500050, "total-value", (gint64) 13500150,
                "start-date", "2024-04-01", "end-date", "2027-03-31", "term", "3+1",
                "notice-period", "3 months", "extensions-invoked", 0,
                "notice-served", "2026-09-30", "procurement-began", "2023-10-02", NULL);
  cm_test_save (store, contract);
  g_assert_true (cm_workbook_export (store, workbook, today, NULL, &error));
  g_assert_no_error (error);
  /* As the store reads them, with the names it works out. */
  stored_service = g_object_ref (cm_store_find (store, CM_TYPE_SERVICE,
                                                cm_entity_get_id (CM_ENTITY (service))));
  stored_contract = g_object_ref (cm_store_find (store, CM_TYPE_CONTRACT,
                                                 cm_entity_get_id (CM_ENTITY (contract))));
  g_object_unref (store);

  check_exported_sheet (workbook, "Services", CM_TYPE_SERVICE, cm_services_sheet_columns,
                        G_OBJECT (stored_service), 0);
  /* Its current end, latest notice date and latest possible end; its
   * notice is served, so no extension decision is due. */
  check_exported_sheet (workbook, "Contracts", CM_TYPE_CONTRACT, cm_contracts_sheet_columns,
                        G_OBJECT (stored_contract), 3);
  g_remove (workbook);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record-fields/properties", test_properties_exist);
  g_test_add_func ("/record-fields/columns", test_columns_in_schema);
  g_test_add_func ("/record-fields/labels", test_labels_unique);
  g_test_add_func ("/record-fields/editors", test_editors_read_the_description);
  g_test_add_func ("/record-fields/sheets", test_sheets_read_the_description);
  g_test_add_func ("/record-fields/import", test_import_reads_the_description);
  g_test_add_func ("/record-fields/exported", test_exported_sheets_follow_the_description);
  return g_test_run ();
}
