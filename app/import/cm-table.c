/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-table.c: the cells of one sheet, as text
 *
 * A sheet of 100,000 rows and 20 columns is two million cells, so a cell is
 * one pointer into a GStringChunk rather than an allocation of its own, and
 * a row is the index of its first cell. Empty cells share one static "".
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cm-csv-reader.h"
#include "cm-table.h"
#include "cm-ods-reader.h"
#include "cm-xlsx-reader.h"

G_DEFINE_QUARK (cm-table-error-quark, cm_table_error)

struct _CmTable {
  GStringChunk *text;
  GPtrArray *cells;  /* of const char *, row after row */
  GArray *row_start; /* of guint: the index in cells of each row's first cell */
  guint n_columns;
  guint64 n_text_bytes;
};

CmTable *
cm_table_new (void)
{
  CmTable *self = g_new0 (CmTable, 1);

  self->text = g_string_chunk_new (64 * 1024);
  self->cells = g_ptr_array_new ();
  self->row_start = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
cm_table_free (CmTable *self)
{
  if (!self)
    return;
  g_string_chunk_free (self->text);
  g_ptr_array_unref (self->cells);
  g_array_unref (self->row_start);
  g_free (self);
}

void
cm_table_begin_row (CmTable *self)
{
  guint start = self->cells->len;

  g_array_append_val (self->row_start, start);
}

static guint
row_length (CmTable *self, guint row)
{
  guint start = g_array_index (self->row_start, guint, row);
  guint end = row + 1 < self->row_start->len
                ? g_array_index (self->row_start, guint, row + 1)
                : self->cells->len;

  return end - start;
}

void
cm_table_append_cell (CmTable *self, const char *text, gssize len)
{
  const char *stored = "";
  guint n_rows = self->row_start->len;

  g_return_if_fail (n_rows > 0);

  if (len < 0)
    len = strlen (text);
  if (len > 0)
    stored = g_string_chunk_insert_len (self->text, text, len);
  self->n_text_bytes += len;
  g_ptr_array_add (self->cells, (gpointer) stored);
  self->n_columns = MAX (self->n_columns, row_length (self, n_rows - 1));
}

gboolean
cm_table_has_room (CmTable *self, guint64 bytes)
{
  return bytes <= CM_TABLE_MAX_TEXT_BYTES - MIN (self->n_text_bytes, CM_TABLE_MAX_TEXT_BYTES);
}

guint
cm_table_get_n_rows (CmTable *self)
{
  return self->row_start->len;
}

guint
cm_table_get_n_columns (CmTable *self)
{
  return self->n_columns;
}

const char *
cm_table_get (CmTable *self, guint row, guint column)
{
  if (row >= self->row_start->len || column >= row_length (self, row))
    return "";
  return g_ptr_array_index (self->cells, g_array_index (self->row_start, guint, row) + column);
}

char *
cm_table_cell_name (guint row, guint column)
{
  char letters[8];
  int i = sizeof letters - 1;
  guint n = column + 1;

  /* Columns are numbered in bijective base 26: A..Z, AA..AZ, ... */
  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      letters[--i] = 'A' + (n - 1) % 26;
      n = (n - 1) / 26;
    }
  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

/* An old binary .xls, or an XLSX saved with a password, which is an
 * encrypted OLE container, not a zip. */
static gboolean
looks_like_ole (const guint8 *data, gsize length)
{
  static const guint8 magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

  return length >= sizeof magic && memcmp (data, magic, sizeof magic) == 0;
}

/* The first bytes of @path, which tell a zip file or an OLE one from CSV. */
static gsize
read_start (const char *path, guint8 start[8])
{
  gsize length = 0;
  FILE *file = fopen (path, "rb");

  if (file)
    {
      length = fread (start, 1, 8, file);
      fclose (file);
    }
  return length;
}

char **
cm_table_list_sheets (const char *path, GError **error)
{
  guint8 start[8] = { 0 };

  if (!cm_xlsx_looks_like (start, read_start (path, start)))
    return g_new0 (char *, 1);
  if (cm_ods_is_spreadsheet (path))
    return cm_ods_list_sheets (path, error);
  return cm_xlsx_list_sheets (path, error);
}

CmTable *
cm_table_read_file (const char *path, const char *sheet, GError **error)
{
  guint8 start[8] = { 0 };
  gsize length = read_start (path, start);

  /* Any failure to open is reported, with its reason, by the CSV reader. */
  if (cm_xlsx_looks_like (start, length) && cm_ods_is_spreadsheet (path))
    return cm_ods_read_file (path, sheet, error);
  if (cm_xlsx_looks_like (start, length))
    return cm_xlsx_read_file (path, sheet, error);
  if (looks_like_ole (start, length))
    {
      g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
                   _("This is an older Excel file (.xls) or a workbook protected by a "
                     "password. Open it in your spreadsheet and save it again as an "
                     "Excel workbook (.xlsx) without a password, or as CSV UTF-8."));
      return NULL;
    }
  return cm_csv_read_file (path, error);
}
