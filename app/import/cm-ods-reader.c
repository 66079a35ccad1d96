/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ods-reader.c: the cells of one sheet of an OpenDocument spreadsheet
 *
 * A spreadsheet application writes runs of equal cells and rows once with
 * a repeat count, and ends most sheets with a run of empty rows to the
 * last row the format allows. Runs of empty cells and rows are therefore
 * only placed when something follows them, so that a small file never
 * becomes a table of millions of empty cells; a run of cells with content
 * counts against the same limits as the XLSX reader's.
 */
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#include "cm-ods-reader.h"
#include "cm-xlsx-part.h"

#define MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

typedef struct {
  CmXlsxPart *part;
  CmTable    *table;
  const char *sheet;        /* NULL for the first */
  gboolean    in_sheet;
  guint64     n_cells;
  guint       n_rows;       /* placed in the table */
  guint64     empty_rows;   /* read but not yet placed */
  GPtrArray  *row;          /* of char *: the row's cells up to its last with content */
  guint64     empty_cells;  /* read in this row but not yet placed */
  guint64     row_bytes;    /* the text of the row's cells */
  GString    *text;
} Reader;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (unzFile, unzClose)

static void
set_too_large (GError **error, guint64 row, guint64 column)
{
  g_autofree char *cell = cm_table_cell_name (MIN (row, G_MAXUINT), MIN (column, G_MAXUINT));

  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE,
               /* Translators: %s is a cell such as "C5" */
               _("The sheet is too large to import: it goes on past cell %s. Check that "
                 "it is the contracts register, and remove what is not needed."),
               cell);
}

static void
set_not_spreadsheet (GError **error)
{
  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
               _("The spreadsheet is damaged or incomplete, perhaps only partly copied or "
                 "downloaded. Open it in your spreadsheet and save it again, or save it "
                 "as CSV UTF-8."));
}

static unzFile
open_zip (const char *path, GError **error)
{
  unzFile zip = unzOpen64 (path);

  if (zip == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        set_not_spreadsheet (error);
      else
        g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_IO,
                     _("“%s” could not be read. Check that the file is still there and "
                       "that you may open it."),
                     name);
    }
  return zip;
}

gboolean
cm_ods_is_spreadsheet (const char *path)
{
  g_autoptr(unzFile) zip = unzOpen64 (path);
  char type[sizeof MIMETYPE] = { 0 };
  int n;

  if (zip == NULL || unzLocateFile (zip, "mimetype", 1) != UNZ_OK ||
      unzOpenCurrentFile (zip) != UNZ_OK)
    return FALSE;
  n = unzReadCurrentFile (zip, type, sizeof type - 1);
  unzCloseCurrentFile (zip);
  return n == sizeof MIMETYPE - 1 && memcmp (type, MIMETYPE, n) == 0;
}

static guint64
repeat_count (CmXlsxPart *part, const char *attribute)
{
  g_autofree char *text = cm_xlsx_part_get_attribute (part, attribute);
  guint64 n = 1;

  if (text)
    g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &n, NULL);
  return n;
}

/* The text of a cell's paragraphs, one line each; notes attached to the
 * cell are not its value. */
static gboolean
read_cell_text (Reader *reader, GError **error)
{
  guint paragraphs = 0, annotation_depth = 0;
  CmXlsxPart *part = reader->part;
  int ret;

  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      if (cm_xlsx_part_is_end (part, "table-cell") ||
          cm_xlsx_part_is_end (part, "covered-table-cell"))
        return TRUE;
      if (cm_xlsx_part_is_open (part, "annotation"))
        annotation_depth++;
      else if (cm_xlsx_part_is_end (part, "annotation"))
        annotation_depth--;
      if (annotation_depth > 0)
        continue;
      if (cm_xlsx_part_is_element (part, "p") && paragraphs++ > 0)
        g_string_append_c (reader->text, '\n');
      else if (cm_xlsx_part_is_element (part, "s"))
        {
          guint64 spaces = repeat_count (part, "c");

          for (guint64 i = 0; i < spaces && reader->text->len <= CM_TABLE_MAX_CELL_BYTES; i++)
            g_string_append_c (reader->text, ' ');
        }
      else if (cm_xlsx_part_is_element (part, "tab"))
        g_string_append_c (reader->text, '\t');
      else if (cm_xlsx_part_is_element (part, "line-break"))
        g_string_append_c (reader->text, '\n');
      else if (cm_xlsx_part_is_text (part))
        cm_xlsx_part_append_text (part, reader->text, CM_TABLE_MAX_CELL_BYTES);
    }
  if (ret == 0)
    set_not_spreadsheet (error);
  return FALSE;
}

/* The value a cell holds, as cm-table.h describes, into reader->text. */
static gboolean
read_cell_value (Reader *reader, GError **error)
{
  CmXlsxPart *part = reader->part;
  g_autofree char *type = cm_xlsx_part_get_attribute (part, "value-type");
  g_autofree char *value = NULL;
  gboolean has_content = !cm_xlsx_part_is_empty (part);

  g_string_truncate (reader->text, 0);
  if (g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "currency") == 0 ||
      g_strcmp0 (type, "percentage") == 0)
    value = cm_xlsx_part_get_attribute (part, "value");
  else if (g_strcmp0 (type, "date") == 0)
    {
      value = cm_xlsx_part_get_attribute (part, "date-value");
      if (value && strlen (value) > 10 && value[10] == 'T')
        value[10] = '\0'; /* the day, without the time of day */
    }
  else if (g_strcmp0 (type, "boolean") == 0)
    {
      g_autofree char *flag = cm_xlsx_part_get_attribute (part, "boolean-value");

      value = g_strdup (g_strcmp0 (flag, "true") == 0 ? "TRUE" : "FALSE");
    }
  if (has_content && !read_cell_text (reader, error))
    return FALSE;
  if (value)
    g_string_assign (reader->text, value);
  if (reader->text->len > CM_TABLE_MAX_CELL_BYTES)
    {
      set_too_large (error, reader->n_rows + reader->empty_rows, reader->row->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_cells (Reader *reader, guint64 repeat, GError **error)
{
  guint64 columns = reader->row->len + reader->empty_cells + repeat;

  if (reader->text->len == 0)
    {
      reader->empty_cells = MIN (reader->empty_cells + repeat, CM_TABLE_MAX_COLUMNS);
      return TRUE;
    }
  if (columns > CM_TABLE_MAX_COLUMNS ||
      !cm_table_has_room (reader->table, reader->row_bytes + reader->text->len * repeat))
    {
      set_too_large (error, reader->n_rows + reader->empty_rows,
                     MIN (columns, CM_TABLE_MAX_COLUMNS));
      return FALSE;
    }
  reader->row_bytes += reader->text->len * repeat;
  for (; reader->empty_cells > 0; reader->empty_cells--)
    g_ptr_array_add (reader->row, g_strdup (""));
  for (guint64 i = 0; i < repeat; i++)
    g_ptr_array_add (reader->row, g_strndup (reader->text->str, reader->text->len));
  return TRUE;
}

static void
place_row (Reader *reader)
{
  cm_table_begin_row (reader->table);
  for (guint i = 0; i < reader->row->len; i++)
    cm_table_append_cell (reader->table, g_ptr_array_index (reader->row, i), -1);
  reader->n_rows++;
}

/* A row with content is placed @repeat times, after the empty rows before it. */
static gboolean
end_row (Reader *reader, guint64 repeat, GError **error)
{
  guint64 rows = reader->n_rows + reader->empty_rows + repeat;
  guint64 cells = reader->n_cells + (reader->empty_rows + repeat) * (guint64) reader->row->len;

  if (reader->row->len == 0)
    {
      reader->empty_rows = MIN (reader->empty_rows + repeat, CM_TABLE_MAX_ROWS);
      return TRUE;
    }
  if (rows > CM_TABLE_MAX_ROWS || cells > CM_TABLE_MAX_CELLS ||
      !cm_table_has_room (reader->table, reader->row_bytes * repeat))
    {
      set_too_large (error, MIN (rows, CM_TABLE_MAX_ROWS), reader->row->len - 1);
      return FALSE;
    }
  for (; reader->empty_rows > 0; reader->empty_rows--)
    {
      cm_table_begin_row (reader->table);
      reader->n_rows++;
    }
  for (guint64 i = 0; i < repeat; i++)
    place_row (reader);
  reader->n_cells = cells;
  g_ptr_array_set_size (reader->row, 0);
  reader->row_bytes = 0;
  return TRUE;
}

/* Whether the current element starts the sheet asked for. */
static gboolean
is_wanted_sheet (Reader *reader)
{
  g_autofree char *name = NULL;

  if (!cm_xlsx_part_is_element (reader->part, "table"))
    return FALSE;
  if (reader->sheet == NULL)
    return TRUE;
  name = cm_xlsx_part_get_attribute (reader->part, "name");
  return g_strcmp0 (name, reader->sheet) == 0;
}

static gboolean
read_sheet (Reader *reader, GError **error)
{
  CmXlsxPart *part = reader->part;
  guint64 row_repeat = 1;
  int ret;

  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      if (!reader->in_sheet)
        {
          reader->in_sheet = is_wanted_sheet (reader) && !cm_xlsx_part_is_empty (part);
          if (!reader->in_sheet && is_wanted_sheet (reader))
            return TRUE; /* a sheet with nothing in it */
          continue;
        }
      if (cm_xlsx_part_is_end (part, "table"))
        return TRUE;
      if (cm_xlsx_part_is_element (part, "table-row"))
        {
          g_ptr_array_set_size (reader->row, 0);
          reader->empty_cells = 0;
          reader->row_bytes = 0;
          row_repeat = repeat_count (part, "number-rows-repeated");
          if (cm_xlsx_part_is_empty (part) && !end_row (reader, row_repeat, error))
            return FALSE;
        }
      else if (cm_xlsx_part_is_end (part, "table-row"))
        {
          if (!end_row (reader, row_repeat, error))
            return FALSE;
        }
      else if (cm_xlsx_part_is_element (part, "table-cell") ||
               cm_xlsx_part_is_element (part, "covered-table-cell"))
        {
          guint64 repeat = repeat_count (part, "number-columns-repeated");

          if (!read_cell_value (reader, error) || !add_cells (reader, repeat, error))
            return FALSE;
        }
    }
  if (ret == 0 && !reader->in_sheet && reader->sheet == NULL)
    set_not_spreadsheet (error);
  else if (ret == 0 && !reader->in_sheet)
    {
      g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_NO_SHEET,
                   _("The spreadsheet has no sheet called “%s”. Choose one of its sheets."),
                   reader->sheet);
    }
  else if (ret == 0)
    set_not_spreadsheet (error);
  return FALSE;
}

static CmXlsxPart *
open_content (unzFile zip, GError **error)
{
  CmXlsxPart *part = cm_xlsx_part_open (zip, "content.xml", error);

  if (part == NULL && error && *error == NULL)
    set_not_spreadsheet (error);
  return part;
}

gboolean
cm_ods_read_file_into (CmTable *table, const char *path, const char *sheet, GError **error)
{
  g_autoptr(unzFile) zip = open_zip (path, error);
  g_autoptr(CmXlsxPart) part = NULL;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  Reader reader;

  if (zip == NULL || (part = open_content (zip, error)) == NULL)
    return FALSE;
  reader = (Reader) { .part = part, .table = table, .sheet = sheet, .row = row, .text = text };
  return read_sheet (&reader, error);
}

CmTable *
cm_ods_read_file (const char *path, const char *sheet, GError **error)
{
  g_autoptr(CmTable) table = cm_table_new ();

  if (!cm_ods_read_file_into (table, path, sheet, error))
    return NULL;
  return g_steal_pointer (&table);
}

char **
cm_ods_list_sheets (const char *path, GError **error)
{
  g_autoptr(unzFile) zip = open_zip (path, error);
  g_autoptr(CmXlsxPart) part = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n = 0;
  int ret;

  if (zip == NULL || (part = open_content (zip, error)) == NULL)
    return NULL;
  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    if (cm_xlsx_part_is_element (part, "table") && n++ < CM_TABLE_MAX_COLUMNS)
      {
        g_autofree char *name = cm_xlsx_part_get_attribute (part, "name");

        g_strv_builder_add (names, name ? name : "");
      }
  if (ret < 0)
    return NULL;
  return g_strv_builder_end (names);
}
