/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* fuzz-xlsx.c: libFuzzer target for the XLSX reader
 *
 * minizip reads from a path, so each input is written to a temporary file.
 * An input that starts like a zip is the file itself. Any other input is
 * one part of a small workbook (its first byte chooses which), zipped with
 * the others: mutations of a zip mostly break its checksums, and this way
 * they reach the XML readers.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "cm-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const struct {
  const char *name;
  const char *xml;
} parts[] = {
  { "xl/worksheets/sheet1.xml",
    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"C1\" s=\"1\"><v>43556</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>x</t></is></c>"
    "</row></sheetData></worksheet>" },
  { "xl/sharedStrings.xml",
    "<sst " NS "><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>" },
  { "xl/styles.xml",
    "<styleSheet " NS "><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>" },
  { "xl/workbook.xml",
    "<workbook " NS "><workbookPr date1904=\"0\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>" },
  { "xl/_rels/workbook.xml.rels",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "styles\" Target=\"/xl/styles.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>" },
};

static char *
input_path (void)
{
  static char *path;

  if (!path)
    path = g_strdup_printf ("%s/fuzz-xlsx-%d.xlsx", g_get_tmp_dir (), (int) getpid ());
  return path;
}

static gboolean
write_workbook (const char *path, const guint8 *data, size_t size)
{
  gsize replaced = data[0] % G_N_ELEMENTS (parts);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  gboolean ok = zip != NULL;

  for (gsize i = 0; ok && i < G_N_ELEMENTS (parts); i++)
    {
      const void *xml = i == replaced ? (const void *) (data + 1) : parts[i].xml;
      gsize len = i == replaced ? size - 1 : strlen (parts[i].xml);

      ok = zipOpenNewFileInZip (zip, parts[i].name, NULL, NULL, 0, NULL, 0, NULL, 0, 0) == ZIP_OK &&
           zipWriteInFileInZip (zip, xml, len) == ZIP_OK &&
           zipCloseFileInZip (zip) == ZIP_OK;
    }
  if (zip && zipClose (zip, NULL) != ZIP_OK)
    ok = FALSE;
  return ok;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  const char *path = input_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autoptr(CmTable) table = NULL;
  g_auto(GStrv) sheets = NULL;
  gboolean written;

  if (size == 0)
    return 0;
  if (cm_xlsx_looks_like (data, size))
    written = g_file_set_contents (path, (const char *) data, size, NULL);
  else
    written = write_workbook (path, data, size);
  if (!written)
    return 0;
  sheets = cm_xlsx_list_sheets (path, &list_error);
  g_assert ((sheets == NULL) != (list_error == NULL));
  table = cm_xlsx_read_file (path, NULL, &error);
  g_assert ((table == NULL) != (error == NULL));
  if (table)
    {
      for (guint row = 0; row < cm_table_get_n_rows (table); row++)
        for (guint column = 0; column < cm_table_get_n_columns (table); column++)
          g_assert (g_utf8_validate (cm_table_get (table, row, column), -1, NULL));
    }
  g_unlink (path);
  return 0;
}
