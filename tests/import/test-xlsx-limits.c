/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-xlsx-limits.c: oversized and hostile workbooks refused early, in little memory
 *
 * The workbooks are made here, streamed through zlib, so that none is
 * kept in the source tree: a dense sheet of forty million tiny cells
 * deflates to a few megabytes.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <zip.h>

#include "cm-table.h"
#include "cm-test-util.h"
#include "cm-xlsx-part.h"
#include "cm-xlsx-reader.h"

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "</Types>";
static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char workbook_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Register\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "</Relationships>";

static const char sheet_start[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<x:sheetData>";
static const char sheet_end[] = "</x:sheetData></x:worksheet>";

static void
add_part (zipFile zip, const char *name, const char *text)
{
  g_assert_cmpint (zipOpenNewFileInZip64 (zip, name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
                                          Z_BEST_SPEED, 1), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zip, text, strlen (text)), ==, ZIP_OK);
  g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
}

/* A workbook whose one sheet has @n_rows rows, each @row written @n_rows
 * times: the sheet is streamed into the zip, never held. */
static char *
write_workbook (const char *name, const char *row, guint n_rows, gboolean zip64)
{
  char *path = cm_test_temp_path (name);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  g_autoptr(GString) block = g_string_new (NULL);
  guint per_block = MAX (1, 256 * 1024 / strlen (row));

  g_assert_nonnull (zip);
  add_part (zip, "[Content_Types].xml", content_types);
  add_part (zip, "_rels/.rels", root_rels);
  add_part (zip, "xl/workbook.xml", workbook_xml);
  add_part (zip, "xl/_rels/workbook.xml.rels", workbook_rels);
  g_assert_cmpint (zipOpenNewFileInZip64 (zip, "xl/worksheets/sheet1.xml", NULL, NULL, 0, NULL,
                                          0, NULL, Z_DEFLATED, Z_BEST_SPEED, zip64), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zip, sheet_start, strlen (sheet_start)), ==, ZIP_OK);
  for (guint i = 0; i < per_block; i++)
    g_string_append (block, row);
  for (guint written = 0; written < n_rows; written += per_block)
    {
      guint n = MIN (per_block, n_rows - written);

      g_assert_cmpint (zipWriteInFileInZip (zip, block->str, n * strlen (row)), ==, ZIP_OK);
    }
  g_assert_cmpint (zipWriteInFileInZip (zip, sheet_end, strlen (sheet_end)), ==, ZIP_OK);
  g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  return path;
}

static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* The peak resident memory of this process so far, in kB. */
static gint64
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* A million rows of forty tiny cells: 40 million cells, 900 MB of XML. */
static void
test_dense_sheet_refused_early (void)
{
  g_autoptr(GString) row = g_string_new ("<x:row>");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = NULL;
  g_autofree char *limit = g_strdup_printf ("%'d", CM_TABLE_MAX_CELLS);
  gint64 before, start, cpu;

  for (guint i = 0; i < 40; i++)
    g_string_append (row, "<x:c><x:v>1</x:v></x:c>");
  g_string_append (row, "</x:row>");
  path = write_workbook ("dense.xlsx", row->str, 1000000, TRUE);

  before = peak_kb ();
  start = g_get_monotonic_time ();
  cpu = cpu_us ();
  table = cm_table_read_file (path, NULL, &error);
  /* Timed for people to read, not checked: the machine may be busy. */
  g_test_message ("refused in %.1f s (%.1f s of CPU), peak memory up by %.0f MB",
                  (g_get_monotonic_time () - start) / 1e6, (cpu_us () - cpu) / 1e6,
                  (peak_kb () - before) / 1024.0);
  g_assert_null (table);
  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“Register”"));
  g_assert_nonnull (strstr (error->message, limit));
  /* No cell was held: the memory a sheet of the limit's size would take
   * (256 MiB of cell pointers) never grew. */
  g_assert_cmpint (peak_kb () - before, <, 100 * 1024);
  g_unlink (path);
}

/* Rewrites the size the zip declares for the sheet, in its local header
 * and in the central directory, as a forger would. */
static void
forge_declared_size (const char *path, guint32 size)
{
  static const char name[] = "xl/worksheets/sheet1.xml";
  g_autofree char *data = NULL;
  gsize length;
  guint patched = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize at = 0; at + 46 + strlen (name) <= length; at++)
    {
      gboolean local = memcmp (data + at, "PK\3\4", 4) == 0;
      gboolean central = memcmp (data + at, "PK\1\2", 4) == 0;
      gsize name_at = local ? 30 : 46, size_at = local ? 22 : 24;
      guint32 little = GUINT32_TO_LE (size);

      if ((local || central) && memcmp (data + at + name_at, name, strlen (name)) == 0)
        {
          memcpy (data + at + size_at, &little, sizeof little);
          patched++;
        }
    }
  g_assert_cmpuint (patched, ==, 2);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

/* A sheet that inflates past the size its zip entry declares is cut off
 * there and refused as damaged, not read on to its real end. */
static void
test_stream_past_declared_size (void)
{
  g_autofree char *path = write_workbook ("forged.xlsx",
                                          "<x:row><x:c><x:v>1</x:v></x:c></x:row>", 1000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = NULL;

  table = cm_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_table_get_n_rows (table), ==, 1000);
  g_clear_pointer (&table, cm_table_free);

  forge_declared_size (path, 200);
  table = cm_table_read_file (path, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "xl/worksheets/sheet1.xml"));
  g_unlink (path);
}

/* Each case: a sheet row, how many rows, the limit, whether it has more
 * cells than the limit. Element names in any namespace; neither rows, nor
 * values, nor columns, nor cell-like words in text count. */
static const struct {
  const char *row;
  guint n_rows;
  guint64 limit;
  gboolean more;
} counts[] = {
  { "<x:row><x:c/><x:c/></x:row>", 100, 199, TRUE },
  { "<x:row><x:c/><x:c/></x:row>", 100, 200, FALSE },
  { "<row><c r=\"A1\"><v>1</v></c></row>", 100, 99, TRUE },
  { "<row><c r=\"A1\"><v>1</v></c></row>", 100, 100, FALSE },
  { "<row><col/><cols/><v>c</v><is><t>&lt;c&gt;</t></is></row>", 500, 0, FALSE },
  { "<row><a:c\txmlns:a=\"urn:x\"/><c\n/></row>", 50, 99, TRUE },
  { "<row><a:c\txmlns:a=\"urn:x\"/><c\n/></row>", 50, 100, FALSE },
};

static void
test_count_cells (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *path = write_workbook ("count.xlsx", counts[i].row, counts[i].n_rows,
                                              TRUE);
      g_autoptr(GError) error = NULL;
      unzFile zip = unzOpen64 (path);
      gboolean more = !counts[i].more;

      g_assert_nonnull (zip);
      g_assert_true (cm_xlsx_part_has_more_elements (zip, "xl/worksheets/sheet1.xml", 'c',
                                                     counts[i].limit, &more, &error));
      g_assert_no_error (error);
      if (more != counts[i].more)
        g_error ("case %zu: %s × %u against %" G_GUINT64_FORMAT ": expected %s", i,
                 counts[i].row, counts[i].n_rows, counts[i].limit,
                 counts[i].more ? "more" : "not more");
      unzClose (zip);
      g_unlink (path);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx/limits/count-cells", test_count_cells);
  g_test_add_func ("/xlsx/limits/dense-sheet", test_dense_sheet_refused_early);
  g_test_add_func ("/xlsx/limits/past-declared-size", test_stream_past_declared_size);
  return g_test_run ();
}
