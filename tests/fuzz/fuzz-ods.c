/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* fuzz-ods.c: libFuzzer target for the OpenDocument spreadsheet reader
 *
 * As fuzz-xlsx.c: an input that starts like a zip is the file itself; any
 * other input is the content.xml of a spreadsheet, zipped with its
 * mimetype, so that mutations reach the XML reader rather than breaking
 * the zip's checksums.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "cm-ods-reader.h"
#include "cm-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

static char *
input_path (void)
{
  static char *path;

  if (!path)
    path = g_strdup_printf ("%s/fuzz-ods-%d.ods", g_get_tmp_dir (), (int) getpid ());
  return path;
}

static gboolean
add_part (zipFile zip, const char *name, const void *data, gsize len)
{
  return zipOpenNewFileInZip (zip, name, NULL, NULL, 0, NULL, 0, NULL, 0, 0) == ZIP_OK &&
         zipWriteInFileInZip (zip, data, len) == ZIP_OK && zipCloseFileInZip (zip) == ZIP_OK;
}

static gboolean
write_spreadsheet (const char *path, const guint8 *data, size_t size)
{
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  gboolean ok = zip != NULL && add_part (zip, "mimetype", MIMETYPE, strlen (MIMETYPE)) &&
                add_part (zip, "content.xml", data, size);

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

  if (cm_xlsx_looks_like (data, size))
    written = g_file_set_contents (path, (const char *) data, size, NULL);
  else
    written = write_spreadsheet (path, data, size);
  if (!written)
    return 0;
  sheets = cm_ods_list_sheets (path, &list_error);
  g_assert ((sheets == NULL) != (list_error == NULL));
  table = cm_ods_read_file (path, NULL, &error);
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
