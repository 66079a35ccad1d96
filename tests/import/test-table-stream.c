/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-table-stream.c: a streaming table hands on every row a whole table
 * reads, in order, holding only the header and the row being read */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-table.h"

typedef struct {
  GString *rows;     /* each row handed on, cells joined by "|" */
  guint width;       /* cells dumped a row: the whole table's width */
  guint next_row;    /* the row expected next */
  char *header;      /* the header row as it was handed on */
  guint n_stale;     /* rows still readable after they were handed on */
  guint n_bad_order; /* rows handed on out of order */
  guint n_bad_header; /* header read differently while later rows were */
} Seen;

static char *
dump_row (CmTable *table, guint row, guint width)
{
  GString *out = g_string_new (NULL);

  for (guint column = 0; column < width; column++)
    g_string_append_printf (out, "%s%s", column ? "|" : "", cm_table_get (table, row, column));
  return g_string_free (out, FALSE);
}

static gboolean
row_is_empty (const char *dumped)
{
  return strspn (dumped, "|") == strlen (dumped);
}

static void
see_row (CmTable *table, guint row, gpointer data)
{
  Seen *seen = data;
  g_autofree char *dumped = dump_row (table, row, seen->width);

  if (row != seen->next_row)
    seen->n_bad_order++;
  seen->next_row = row + 1;
  if (row == 0)
    seen->header = g_strdup (dumped);
  else
    {
      g_autofree char *header = dump_row (table, 0, seen->width);

      if (g_strcmp0 (header, seen->header) != 0)
        seen->n_bad_header++;
    }
  /* The row before, if not the header, is no longer held. */
  if (row >= 2)
    {
      g_autofree char *before = dump_row (table, row - 1, seen->width);

      if (!row_is_empty (before))
        seen->n_stale++;
    }
  g_string_append_printf (seen->rows, "%s\n", dumped);
}

static char *
dump_table (CmTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint row = 0; row < cm_table_get_n_rows (table); row++)
    {
      g_autofree char *dumped = dump_row (table, row, cm_table_get_n_columns (table));

      g_string_append_printf (out, "%s\n", dumped);
    }
  return g_string_free (out, FALSE);
}

static void
assert_streams_as_read (const char *path, const char *sheet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) whole = cm_table_read_file (path, sheet, &error);
  g_autoptr(GString) rows = g_string_new (NULL);
  Seen seen = { rows };
  g_autoptr(CmTable) streaming = cm_table_new_streaming (see_row, &seen);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  seen.width = cm_table_get_n_columns (whole);
  g_assert_true (cm_table_read_file_into (streaming, path, sheet, &error));
  g_assert_no_error (error);
  expected = dump_table (whole);
  g_assert_cmpuint (cm_table_get_n_rows (whole), >, 1);
  g_assert_cmpstr (rows->str, ==, expected);
  g_assert_cmpuint (cm_table_get_n_rows (streaming), ==, cm_table_get_n_rows (whole));
  g_assert_cmpuint (seen.next_row, ==, cm_table_get_n_rows (whole));
  g_assert_cmpuint (seen.n_bad_order, ==, 0);
  g_assert_cmpuint (seen.n_bad_header, ==, 0);
  g_assert_cmpuint (seen.n_stale, ==, 0);
  g_free (seen.header);
}

static void
test_fixture (gconstpointer name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  assert_streams_as_read (path, NULL);
}

/* Many rows, each longer than the chunk a row's text is kept in, and
 * quoted cells with line breaks, so that every row's text is let go. */
static void
test_many_rows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cm-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Notes\n");
  g_autofree char *long_text = g_strnfill (5000, 'x');
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (csv, "R-%u,\"Title %u\nsecond line\",%s\n", i, i,
                            i % 7 == 0 ? long_text : "short");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  assert_streams_as_read (path, NULL);
  g_unlink (path);
  g_rmdir (dir);
}

/* A reader's error reaches the caller, and the rows before it were handed on. */
static void
test_error_mid_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cm-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  const char csv[] = "Reference,Title\nR-1,One\nR-2,Two\nR-3,\xff\xfe\nR-4,Four\n";
  g_autoptr(GString) rows = g_string_new (NULL);
  Seen seen = { rows, 2 };
  g_autoptr(CmTable) streaming = cm_table_new_streaming (see_row, &seen);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, sizeof csv - 1, &error));
  g_assert_false (cm_table_read_file_into (streaming, path, NULL, &error));
  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_ENCODING);
  g_assert_cmpstr (rows->str, ==, "Reference|Title\nR-1|One\nR-2|Two\n");
  g_free (seen.header);
  g_unlink (path);
  g_rmdir (dir);
}

/* A preview holds the rows it shows, cell for cell as a whole read holds
 * them, and counts the rest. */
static void
test_preview (gconstpointer name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) whole = cm_table_read_file (path, NULL, &error);
  guint n_rows = 0;
  g_autoptr(CmTable) preview = cm_table_read_preview (path, NULL, 1, &n_rows, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, cm_table_get_n_rows (whole));
  g_assert_cmpuint (cm_table_get_n_rows (preview), ==, MIN (2, n_rows));
  for (guint row = 0; row < cm_table_get_n_rows (preview); row++)
    for (guint column = 0; column < cm_table_get_n_columns (whole); column++)
      g_assert_cmpstr (cm_table_get (preview, row, column), ==, cm_table_get (whole, row, column));
}

static void
test_preview_many_rows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cm-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Reference,Title\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) preview = NULL;
  guint n_rows = 0;

  for (guint i = 1; i <= 50000; i++)
    g_string_append_printf (csv, "R-%u,Title %u\n", i, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  preview = cm_table_read_preview (path, NULL, 20, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 50001);
  g_assert_cmpuint (cm_table_get_n_rows (preview), ==, 21);
  g_assert_cmpstr (cm_table_get (preview, 0, 1), ==, "Title");
  g_assert_cmpstr (cm_table_get (preview, 20, 0), ==, "R-20");
  g_assert_cmpstr (cm_table_get (preview, 21, 0), ==, "");
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  static const char *fixtures[] = {
    "bom-comma.csv", "semicolon.csv", "quoted.csv", "ragged.csv", "openpyxl.xlsx",
    "libreoffice.xlsx", "libreoffice.ods", "xlsxwriter.xlsx", "inline.xlsx",
  };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/table-stream/%s", fixtures[i]);

      g_autofree char *preview = g_strdup_printf ("/table-stream/preview/%s", fixtures[i]);

      g_test_add_data_func (name, fixtures[i], test_fixture);
      g_test_add_data_func (preview, fixtures[i], test_preview);
    }
  g_test_add_func ("/table-stream/preview/many-rows", test_preview_many_rows);
  g_test_add_func ("/table-stream/many-rows", test_many_rows);
  g_test_add_func ("/table-stream/error-mid-file", test_error_mid_file);
  return g_test_run ();
}
