/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-transparency-columns.c: the Transparency register's headers, the
 * Code's words or its fields' headings, and the fields they import back as */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-import-mapping.h"
#include "cm-record-fields.h"
#include "cm-test-util.h"
#include "cm-transparency.h"

/* The Local Government Transparency Code 2015's own words, in its order:
 * what a published register must say, whatever a field is called. */
static const char * const code_wording[] = {
  "Reference number", "Title of agreement", "Department responsible", "Description",
  "Supplier name", "Supplier details", "Contract value", "Irrecoverable VAT", "Start date",
  "End date", "Review date", "Invitation to quote or tender", "SME", "VCSE",
  "Supplier registration number", NULL
};

/* Each column publishes a described field or names the Code's own; a
 * heading taken from a field is the field's. */
static void
test_columns_are_described (void)
{
  guint n_from_fields = 0;

  for (guint i = 0; i < CM_TRANSPARENCY_N_COLUMNS; i++)
    {
      const CmTransparencyColumn *column = &cm_transparency_columns[i];
      const CmRecordField *field = cm_transparency_column_field (column);

      g_test_message ("column %u: %s", i, cm_transparency_column_header (column));
      if (column->type)
        g_assert_nonnull (field);
      if (column->code_header == NULL)
        {
          g_assert_nonnull (field);
          g_assert_cmpstr (cm_transparency_column_header (column), ==,
                           field->heading ? field->heading : field->title);
          n_from_fields++;
        }
    }
  g_assert_cmpuint (n_from_fields, >=, 4);
}

/* The register's headers are the Code's, word for word. */
static void
test_headers_are_the_codes (void)
{
  const char * const *headers = cm_transparency_headers ();

  g_assert_cmpuint (g_strv_length ((char **) headers), ==, CM_TRANSPARENCY_N_COLUMNS);
  for (guint i = 0; code_wording[i]; i++)
    g_assert_cmpstr (headers[i], ==, code_wording[i]);
}

/* A published register imports back: each column that publishes a field
 * is read as that field. */
static void
test_headers_import_as_their_fields (void)
{
  guint n_checked = 0;

  for (guint i = 0; i < CM_TRANSPARENCY_N_COLUMNS; i++)
    {
      const CmTransparencyColumn *column = &cm_transparency_columns[i];
      const CmRecordField *field = cm_transparency_column_field (column);
      const char *header = cm_transparency_column_header (column);
      CmImportField as = cm_import_field_from_header (header);

      if (field == NULL)
        continue;
      g_test_message ("“%s” imports as %s", header, cm_import_field_label (as));
      g_assert_cmpint (as, !=, CM_IMPORT_FIELD_IGNORE);
      g_assert_cmpstr (cm_import_field_label (as), ==, cm_record_field_heading (field));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 10);
}

/* The CSV a council publishes starts with those headers. */
static void
test_csv_has_the_codes_headers (void)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = cm_test_temp_path ("transparency.csv");
  g_autoptr(GDate) today = cm_test_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *joined = g_strjoinv (",", (char **) code_wording);
  g_autofree char *expected = g_strconcat ("\xEF\xBB\xBF", joined, "\r\n", NULL);
  CmStore *store = cm_test_open_new ("transparency.commissioner", &path);
  const char *text;
  gsize size;

  g_assert_true (cm_transparency_write_csv (store, csv, today, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (store);
  bytes = cm_test_read_file (csv);
  text = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, ==, strlen (expected));
  g_assert_cmpmem (text, size, expected, strlen (expected));
  g_remove (csv);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/transparency-columns/described", test_columns_are_described);
  g_test_add_func ("/transparency-columns/code", test_headers_are_the_codes);
  g_test_add_func ("/transparency-columns/import", test_headers_import_as_their_fields);
  g_test_add_func ("/transparency-columns/csv", test_csv_has_the_codes_headers);
  return g_test_run ();
}
