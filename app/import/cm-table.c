/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-table.c: the cells of one sheet, as text
 *
 * A sheet of 100,000 rows and 20 columns is two million cells, so a cell is
 * one pointer into a GStringChunk rather than an allocation of its own, and
 * a row is the index of its first cell. Empty cells share one static "".
 *
 * A streaming table keeps two rows: the header, and the row being read,
 * whose text is in a chunk of its own emptied as each row is handed on.
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
  /* Streaming only: */
  CmTableRowFunc func;
  gpointer func_data;
  GStringChunk *row_text; /* the text of the row being read, after the header */
  guint n_rows;           /* every row begun */
  gboolean last_handed;   /* the last row has been handed to func */
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

CmTable *
cm_table_new_streaming (CmTableRowFunc func, gpointer user_data)
{
  CmTable *self = cm_table_new ();

  g_return_val_if_fail (func != NULL, self);

  self->func = func;
  self->func_data = user_data;
  self->row_text = g_string_chunk_new (4 * 1024);
  return self;
}

void
cm_table_free (CmTable *self)
{
  if (!self)
    return;
  g_string_chunk_free (self->text);
  g_clear_pointer (&self->row_text, g_string_chunk_free);
  g_ptr_array_unref (self->cells);
  g_array_unref (self->row_start);
  g_free (self);
}

/* Hands the last row begun to the streaming function, then drops it
 * unless it is the header. */
static void
hand_on_last_row (CmTable *self)
{
  guint row = self->n_rows - 1;

  self->func (self, row, self->func_data);
  if (row == 0)
    return;
  g_ptr_array_set_size (self->cells, g_array_index (self->row_start, guint, 1));
  g_array_set_size (self->row_start, 1);
  g_string_chunk_clear (self->row_text);
}

void
cm_table_begin_row (CmTable *self)
{
  guint start;

  if (self->func && self->n_rows > 0)
    hand_on_last_row (self);
  start = self->cells->len;
  self->n_rows++;
  g_array_append_val (self->row_start, start);
}

/* After the reader's last row. */
static void
end_rows (CmTable *self)
{
  if (self->func && self->n_rows > 0 && !self->last_handed)
    hand_on_last_row (self);
  self->last_handed = TRUE;
}

/* Where @row is held: its index in row_start, or -1 when it is not. */
static int
row_slot (CmTable *self, guint row)
{
  if (self->func == NULL)
    return row < self->row_start->len ? (int) row : -1;
  if (row == 0 && self->row_start->len > 0)
    return 0;
  if (row + 1 == self->n_rows && self->row_start->len == 2)
    return 1;
  return -1;
}

static guint
row_length (CmTable *self, guint slot)
{
  guint start = g_array_index (self->row_start, guint, slot);
  guint end = slot + 1 < self->row_start->len
                ? g_array_index (self->row_start, guint, slot + 1)
                : self->cells->len;

  return end - start;
}

void
cm_table_append_cell (CmTable *self, const char *text, gssize len)
{
  const char *stored = "";
  guint n_slots = self->row_start->len;
  /* A streaming table's rows after the header go where they are dropped. */
  GStringChunk *chunk = self->func && self->n_rows > 1 ? self->row_text : self->text;

  g_return_if_fail (n_slots > 0);

  if (len < 0)
    len = strlen (text);
  if (len > 0)
    stored = g_string_chunk_insert_len (chunk, text, len);
  self->n_text_bytes += len;
  g_ptr_array_add (self->cells, (gpointer) stored);
  self->n_columns = MAX (self->n_columns, row_length (self, n_slots - 1));
}

gboolean
cm_table_has_room (CmTable *self, guint64 bytes)
{
  return bytes <= CM_TABLE_MAX_TEXT_BYTES - MIN (self->n_text_bytes, CM_TABLE_MAX_TEXT_BYTES);
}

guint
cm_table_get_n_rows (CmTable *self)
{
  return self->func ? self->n_rows : self->row_start->len;
}

guint
cm_table_get_n_columns (CmTable *self)
{
  return self->n_columns;
}

const char *
cm_table_get (CmTable *self, guint row, guint column)
{
  int slot = row_slot (self, row);

  if (slot < 0 || column >= row_length (self, slot))
    return "";
  return g_ptr_array_index (self->cells, g_array_index (self->row_start, guint, slot) + column);
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

static gboolean
read_rows (CmTable *table, const char *path, const char *sheet, GError **error)
{
  guint8 start[8] = { 0 };
  gsize length = read_start (path, start);

  /* Any failure to open is reported, with its reason, by the CSV reader. */
  if (cm_xlsx_looks_like (start, length) && cm_ods_is_spreadsheet (path))
    return cm_ods_read_file_into (table, path, sheet, error);
  if (cm_xlsx_looks_like (start, length))
    return cm_xlsx_read_file_into (table, path, sheet, error);
  if (looks_like_ole (start, length))
    {
      g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
                   _("This is an older Excel file (.xls) or a workbook protected by a "
                     "password. Open it in your spreadsheet and save it again as an "
                     "Excel workbook (.xlsx) without a password, or as CSV UTF-8."));
      return FALSE;
    }
  return cm_csv_read_file_into (table, path, error);
}

gboolean
cm_table_read_file_into (CmTable *table, const char *path, const char *sheet, GError **error)
{
  if (!read_rows (table, path, sheet, error))
    return FALSE;
  end_rows (table);
  return TRUE;
}

CmTable *
cm_table_read_file (const char *path, const char *sheet, GError **error)
{
  g_autoptr(CmTable) table = cm_table_new ();

  if (!cm_table_read_file_into (table, path, sheet, error))
    return NULL;
  return g_steal_pointer (&table);
}

typedef struct {
  CmTable *shown;
  guint n_shown;
} Preview;

static void
keep_shown_row (CmTable *table, guint row, gpointer data)
{
  Preview *preview = data;

  if (row > preview->n_shown)
    return;
  cm_table_begin_row (preview->shown);
  for (guint column = 0; column < table->n_columns; column++)
    {
      int slot = row_slot (table, row);

      if (slot < 0 || column >= row_length (table, slot))
        break;
      cm_table_append_cell (preview->shown, cm_table_get (table, row, column), -1);
    }
}

CmTable *
cm_table_read_preview (const char *path, const char *sheet, guint n_shown, guint *n_rows,
                       GError **error)
{
  g_autoptr(CmTable) shown = cm_table_new ();
  Preview preview = { shown, n_shown };
  g_autoptr(CmTable) streaming = cm_table_new_streaming (keep_shown_row, &preview);

  if (!cm_table_read_file_into (streaming, path, sheet, error))
    return NULL;
  if (n_rows)
    *n_rows = cm_table_get_n_rows (streaming);
  return g_steal_pointer (&shown);
}
