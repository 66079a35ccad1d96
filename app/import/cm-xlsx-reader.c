/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-xlsx-reader.c: the cells of one worksheet of an XLSX workbook
 *
 * The workbook gives the sheet names and the date system, its
 * relationships the part of each sheet, the styles which cells are dates,
 * and the shared strings the text of most cells. Each part is read with
 * cm-xlsx-part.c, and each cell's value turned into text with
 * cm-xlsx-value.c.
 *
 * The file may come from anywhere: besides the limits on each part, the
 * items a part may list and the cells a sheet may hold are capped, gaps
 * included.
 */
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#include "cm-xlsx-part.h"
#include "cm-xlsx-reader.h"
#include "cm-xlsx-value.h"

#define MAX_ITEMS 65536 /* of sheets, relationships, formats: Excel allows 64,000 formats */

/* The workbook: its sheets and the parts they need */

typedef struct {
  char *name;
  char *rel_id;
} Sheet;

typedef struct {
  unzFile zip;
  GPtrArray *sheets; /* of Sheet */
  gboolean date1904;
  GHashTable *targets; /* relationship id → part name */
  char *shared_strings;
  char *styles;
} Workbook;

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->rel_id);
  g_free (sheet);
}

static void
workbook_free (Workbook *workbook)
{
  if (workbook->zip)
    unzClose (workbook->zip);
  g_ptr_array_unref (workbook->sheets);
  g_hash_table_unref (workbook->targets);
  g_free (workbook->shared_strings);
  g_free (workbook->styles);
  g_free (workbook);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Workbook, workbook_free)

static void
set_not_workbook (GError **error)
{
  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
               _("The file is a zip archive but not a spreadsheet. Choose an Excel "
                 "workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a CSV file."));
}

/* A part every workbook has: missing, the zip is something else. */
static CmXlsxPart *
open_workbook_part (Workbook *workbook, const char *name, GError **error)
{
  CmXlsxPart *part = cm_xlsx_part_open (workbook->zip, name, error);

  if (part == NULL && error && !*error)
    set_not_workbook (error);
  return part;
}

static gboolean
read_workbook_part (Workbook *workbook, GError **error)
{
  g_autoptr(CmXlsxPart) part = open_workbook_part (workbook, "xl/workbook.xml", error);
  int ret;

  if (!part)
    return FALSE;
  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      if (cm_xlsx_part_is_element (part, "sheet"))
        {
          Sheet *sheet;

          if (workbook->sheets->len >= MAX_ITEMS)
            {
              cm_xlsx_part_set_too_large (error);
              return FALSE;
            }
          sheet = g_new0 (Sheet, 1);

          sheet->name = cm_xlsx_part_get_attribute (part, "name");
          sheet->rel_id = cm_xlsx_part_get_attribute (part, "id");
          if (!sheet->name)
            sheet->name = g_strdup ("");
          g_ptr_array_add (workbook->sheets, sheet);
        }
      else if (cm_xlsx_part_is_element (part, "workbookPr"))
        {
          g_autofree char *date1904 = cm_xlsx_part_get_attribute (part, "date1904");

          workbook->date1904 = g_strcmp0 (date1904, "1") == 0 ||
                               g_ascii_strcasecmp (date1904 ? date1904 : "", "true") == 0;
        }
    }
  return ret == 0;
}

/* A relationship's target, relative to xl/ unless it starts with "/". */
static char *
resolve_target (const char *target)
{
  g_auto(GStrv) segments = g_strsplit (target, "/", -1);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  if (target[0] != '/')
    g_ptr_array_add (path, "xl");
  for (char **s = segments; *s; s++)
    {
      if (**s == '\0' || strcmp (*s, ".") == 0)
        continue;
      if (strcmp (*s, "..") == 0)
        {
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, *s);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

static gboolean
type_is (const char *type, const char *suffix)
{
  return type && g_str_has_suffix (type, suffix);
}

static gboolean
read_relationships (Workbook *workbook, GError **error)
{
  g_autoptr(CmXlsxPart) part = open_workbook_part (workbook, "xl/_rels/workbook.xml.rels", error);
  int ret;

  if (!part)
    return FALSE;
  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;
      char *resolved;

      if (!cm_xlsx_part_is_element (part, "Relationship"))
        continue;
      if (g_hash_table_size (workbook->targets) >= MAX_ITEMS)
        {
          cm_xlsx_part_set_too_large (error);
          return FALSE;
        }
      id = cm_xlsx_part_get_attribute (part, "Id");
      target = cm_xlsx_part_get_attribute (part, "Target");
      type = cm_xlsx_part_get_attribute (part, "Type");
      mode = cm_xlsx_part_get_attribute (part, "TargetMode");
      if (!id || !target || g_strcmp0 (mode, "External") == 0)
        continue;
      resolved = resolve_target (target);
      if (type_is (type, "/sharedStrings") && !workbook->shared_strings)
        workbook->shared_strings = g_strdup (resolved);
      else if (type_is (type, "/styles") && !workbook->styles)
        workbook->styles = g_strdup (resolved);
      g_hash_table_replace (workbook->targets, g_steal_pointer (&id), resolved);
    }
  return ret == 0;
}

static Workbook *
workbook_open (const char *path, GError **error)
{
  g_autoptr(Workbook) workbook = g_new0 (Workbook, 1);

  workbook->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  workbook->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  workbook->zip = unzOpen64 (path);
  if (!workbook->zip)
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_IO,
                       _("“%s” could not be read. Check that the file is still there "
                         "and that you may open it."),
                       name);
          return NULL;
        }
      g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
                   _("The workbook is damaged or incomplete, perhaps only partly "
                     "copied or downloaded. Open it in your spreadsheet and save it "
                     "again, or save it as CSV UTF-8."));
      return NULL;
    }
  if (!read_workbook_part (workbook, error) || !read_relationships (workbook, error))
    return NULL;
  if (workbook->sheets->len == 0)
    {
      set_not_workbook (error);
      return NULL;
    }
  return g_steal_pointer (&workbook);
}

static Sheet *
find_sheet (Workbook *workbook, const char *name, GError **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (!name)
    return g_ptr_array_index (workbook->sheets, 0);
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      Sheet *sheet = g_ptr_array_index (workbook->sheets, i);

      if (strcmp (sheet->name, name) == 0)
        return sheet;
      /* Translators: how sheet names are listed, as in “Contracts”, “Notes” */
      g_string_append_printf (names, i == 0 ? _("“%s”") : _(", “%s”"), sheet->name);
    }
  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_NO_SHEET,
               _("The workbook has no sheet called “%s”. Its sheets are %s; choose "
                 "one of them."),
               name, names->str);
  return NULL;
}

/* Styles: which cell formats show a number as a date */

static guint
parse_uint (const char *text, guint fallback)
{
  guint64 value;

  if (!text || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return fallback;
  return value;
}

/* For each cell format (a cell's s attribute), whether it is a date. */
static GArray *
read_styles (Workbook *workbook, GError **error)
{
  g_autoptr(GArray) is_date = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) format_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CmXlsxPart) part = NULL;
  gboolean in_cell_xfs = FALSE;
  int ret;

  if (workbook->styles)
    part = cm_xlsx_part_open (workbook->zip, workbook->styles, error);
  if (!part)
    return (error && *error) ? NULL : g_steal_pointer (&is_date);
  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      if (cm_xlsx_part_is_element (part, "numFmt") && g_hash_table_size (custom) < MAX_ITEMS)
        {
          g_autofree char *id = cm_xlsx_part_get_attribute (part, "numFmtId");
          g_autofree char *code = cm_xlsx_part_get_attribute (part, "formatCode");

          g_hash_table_insert (custom, GUINT_TO_POINTER (parse_uint (id, 0)),
                               GINT_TO_POINTER (code && cm_xlsx_value_format_code_is_date (code)));
        }
      else if (cm_xlsx_part_is_open (part, "cellXfs"))
        in_cell_xfs = TRUE;
      else if (cm_xlsx_part_is_end (part, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && cm_xlsx_part_is_element (part, "xf") && format_ids->len < MAX_ITEMS)
        {
          g_autofree char *id = cm_xlsx_part_get_attribute (part, "numFmtId");
          guint format_id = parse_uint (id, 0);

          g_array_append_val (format_ids, format_id);
        }
    }
  if (ret < 0)
    return NULL;
  /* Formats may be declared after the cell formats that use them. */
  for (guint i = 0; i < format_ids->len; i++)
    {
      guint id = g_array_index (format_ids, guint, i);
      gpointer date;
      gboolean value = g_hash_table_lookup_extended (custom, GUINT_TO_POINTER (id), NULL, &date)
                         ? GPOINTER_TO_INT (date)
                         : cm_xlsx_value_builtin_format_is_date (id);

      g_array_append_val (is_date, value);
    }
  return g_steal_pointer (&is_date);
}

/* Shared strings: the text of each <si>, runs joined, phonetic runs left out */

typedef struct {
  GStringChunk *text;
  GPtrArray *strings; /* of char *, each at most CM_TABLE_MAX_CELL_BYTES + 1 */
} SharedStrings;

static void
shared_strings_free (SharedStrings *shared)
{
  g_string_chunk_free (shared->text);
  g_ptr_array_unref (shared->strings);
  g_free (shared);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SharedStrings, shared_strings_free)

static SharedStrings *
read_shared_strings (Workbook *workbook, GError **error)
{
  g_autoptr(SharedStrings) shared = g_new0 (SharedStrings, 1);
  g_autoptr(GString) item = g_string_new (NULL);
  g_autoptr(CmXlsxPart) part = NULL;
  gboolean in_item = FALSE, in_text = FALSE;
  guint phonetic_depth = 0;
  int ret;

  shared->text = g_string_chunk_new (64 * 1024);
  shared->strings = g_ptr_array_new ();
  if (workbook->shared_strings)
    part = cm_xlsx_part_open (workbook->zip, workbook->shared_strings, error);
  else
    part = cm_xlsx_part_open (workbook->zip, "xl/sharedStrings.xml", error);
  if (!part)
    return (error && *error) ? NULL : g_steal_pointer (&shared);
  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      gboolean end_item = cm_xlsx_part_is_end (part, "si");

      if (cm_xlsx_part_is_element (part, "si"))
        {
          g_string_truncate (item, 0);
          in_item = TRUE;
          phonetic_depth = 0;
          end_item = cm_xlsx_part_is_empty (part);
        }
      else if (cm_xlsx_part_is_open (part, "rPh"))
        phonetic_depth++;
      else if (cm_xlsx_part_is_end (part, "rPh") && phonetic_depth > 0)
        phonetic_depth--;
      else if (cm_xlsx_part_is_open (part, "t"))
        in_text = TRUE;
      else if (cm_xlsx_part_is_end (part, "t"))
        in_text = FALSE;
      else if (in_item && in_text && phonetic_depth == 0 && cm_xlsx_part_is_text (part))
        cm_xlsx_part_append_text (part, item, CM_TABLE_MAX_CELL_BYTES);

      if (end_item && in_item)
        {
          if (shared->strings->len >= CM_TABLE_MAX_CELLS)
            {
              cm_xlsx_part_set_too_large (error);
              return NULL;
            }
          g_ptr_array_add (shared->strings,
                           g_string_chunk_insert_len (shared->text, item->str, item->len));
          in_item = FALSE;
        }
    }
  return ret == 0 ? g_steal_pointer (&shared) : NULL;
}

/* The worksheet */

typedef enum {
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_TEXT, /* a formula's text, an error ("#N/A") or a type we do not know */
  CELL_BOOLEAN,
  CELL_DATE,
} CellType;

typedef struct {
  Workbook *workbook;
  SharedStrings *shared;
  GArray *date_styles;
  CmTable *table;
  CmXlsxPart *part;
  guint row;         /* of the current <row>, from 0 */
  guint next_column; /* for a cell without a reference */
  guint row_length;  /* cells in the table's last row */
  guint64 n_cells;
  /* The current <c> */
  guint cell_row, cell_column;
  CellType type;
  gboolean is_date;
  GString *value;
  GString *formatted;
  gboolean in_value, in_inline, in_text;
  guint phonetic_depth;
} SheetReader;

static void
set_too_large_at (GError **error, guint row, guint column, const char *what)
{
  g_autofree char *cell = cm_table_cell_name (row, column);

  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE,
               /* Translators: the second %s is a cell such as "C5" */
               _("The sheet is too large to import: %s at cell %s. Check that it is "
                 "the contracts register, and remove what is not needed."),
               what, cell);
}

static void
set_bad_cell (GError **error, guint row, guint column)
{
  g_autofree char *cell = cm_table_cell_name (row, column);

  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
               _("The workbook is damaged at cell %s. Open it in your spreadsheet and "
                 "save it again, or save it as CSV UTF-8."),
               cell);
}

/* A reference such as "C5": its column and, when given, its row. */
static gboolean
parse_reference (const char *ref, guint *row, guint *column)
{
  guint64 col = 0, r = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && col <= CM_TABLE_MAX_COLUMNS; p++)
    col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (col == 0 || col > CM_TABLE_MAX_COLUMNS)
    return FALSE;
  if (*p != '\0')
    {
      if (!g_ascii_string_to_unsigned (p, 10, 1, CM_TABLE_MAX_ROWS, &r, NULL))
        return FALSE;
      *row = r - 1;
    }
  *column = col - 1;
  return TRUE;
}

static gboolean
start_row (SheetReader *reader, GError **error)
{
  g_autofree char *r = cm_xlsx_part_get_attribute (reader->part, "r");
  guint64 number;

  if (r)
    {
      if (!g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &number, NULL))
        {
          set_bad_cell (error, reader->row, 0);
          return FALSE;
        }
      if (number > CM_TABLE_MAX_ROWS)
        {
          set_too_large_at (error, number - 1, 0, _("there are more rows than a spreadsheet allows"));
          return FALSE;
        }
      reader->row = number - 1;
    }
  reader->next_column = 0;
  return TRUE;
}

static CellType
parse_type (const char *t)
{
  static const struct {
    const char *name;
    CellType type;
  } types[] = {
    { "n", CELL_NUMBER }, { "s", CELL_SHARED },  { "inlineStr", CELL_INLINE },
    { "str", CELL_TEXT }, { "b", CELL_BOOLEAN }, { "d", CELL_DATE },
  };

  if (!t)
    return CELL_NUMBER;
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (strcmp (t, types[i].name) == 0)
        return types[i].type;
    }
  return CELL_TEXT;
}

static gboolean
start_cell (SheetReader *reader, GError **error)
{
  g_autofree char *r = cm_xlsx_part_get_attribute (reader->part, "r");
  g_autofree char *t = cm_xlsx_part_get_attribute (reader->part, "t");
  g_autofree char *s = cm_xlsx_part_get_attribute (reader->part, "s");
  guint style = parse_uint (s, 0);

  reader->cell_row = reader->row;
  reader->cell_column = reader->next_column;
  if (r && !parse_reference (r, &reader->cell_row, &reader->cell_column))
    {
      set_bad_cell (error, reader->row, reader->next_column);
      return FALSE;
    }
  if (reader->cell_column >= CM_TABLE_MAX_COLUMNS)
    {
      set_too_large_at (error, reader->cell_row, reader->cell_column,
                        _("a row has more columns than a spreadsheet allows"));
      return FALSE;
    }
  reader->next_column = reader->cell_column + 1;
  reader->type = parse_type (t);
  reader->is_date = style < reader->date_styles->len &&
                    g_array_index (reader->date_styles, gboolean, style);
  g_string_truncate (reader->value, 0);
  reader->in_value = reader->in_inline = reader->in_text = FALSE;
  reader->phonetic_depth = 0;
  return TRUE;
}

/* Rows are added only when a cell with a value needs them, so that
 * trailing rows and cells that are merely formatted add nothing, while
 * empty rows before a value keep the spreadsheet's row numbers. */
static gboolean
place_cell (SheetReader *reader, const char *text, gsize len, GError **error)
{
  guint n_rows = cm_table_get_n_rows (reader->table);
  guint row = reader->cell_row, column = reader->cell_column;
  guint64 gap;

  if (n_rows > 0 && (row < n_rows - 1 || (row == n_rows - 1 && column < reader->row_length)))
    {
      set_bad_cell (error, row, column); /* out of order: spreadsheets never write that */
      return FALSE;
    }
  gap = (row >= n_rows ? column : column - reader->row_length);
  if (!cm_table_has_room (reader->table, len))
    {
      set_too_large_at (error, row, column, _("there is more text than Commissioner can hold"));
      return FALSE;
    }
  if (reader->n_cells + gap + 1 > CM_TABLE_MAX_CELLS)
    {
      set_too_large_at (error, row, column, _("there are more cells than Commissioner can hold"));
      return FALSE;
    }
  while (cm_table_get_n_rows (reader->table) <= row)
    {
      cm_table_begin_row (reader->table);
      reader->row_length = 0;
    }
  for (; reader->row_length < column; reader->row_length++)
    cm_table_append_cell (reader->table, "", 0);
  cm_table_append_cell (reader->table, text, len);
  reader->row_length++;
  reader->n_cells += gap + 1;
  return TRUE;
}

static gboolean
end_cell (SheetReader *reader, GError **error)
{
  GString *out = reader->formatted;
  const char *value = reader->value->str;
  guint64 index;

  g_string_truncate (out, 0);
  switch (reader->type)
    {
    case CELL_SHARED:
      if (*value == '\0')
        break;
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= reader->shared->strings->len)
        {
          set_bad_cell (error, reader->cell_row, reader->cell_column);
          return FALSE;
        }
      g_string_append (out, g_ptr_array_index (reader->shared->strings, index));
      break;
    case CELL_NUMBER:
      cm_xlsx_value_append_number (value, reader->is_date, reader->workbook->date1904, out);
      break;
    case CELL_BOOLEAN:
      cm_xlsx_value_append_boolean (value, out);
      break;
    case CELL_DATE:
      cm_xlsx_value_append_iso_date (value, out);
      break;
    case CELL_INLINE:
    case CELL_TEXT:
      g_string_append_len (out, reader->value->str, reader->value->len);
      break;
    }
  if (out->len > CM_TABLE_MAX_CELL_BYTES)
    {
      set_too_large_at (error, reader->cell_row, reader->cell_column,
                        _("a cell holds more text than a spreadsheet allows"));
      return FALSE;
    }
  if (out->len == 0)
    return TRUE;
  return place_cell (reader, out->str, out->len, error);
}

/* Within a <c>: its <v>, or its <is> with <t> runs and phonetic runs. */
static void
read_cell_node (SheetReader *reader)
{
  CmXlsxPart *part = reader->part;

  if (cm_xlsx_part_is_open (part, "v"))
    reader->in_value = TRUE;
  else if (cm_xlsx_part_is_end (part, "v"))
    reader->in_value = FALSE;
  else if (cm_xlsx_part_is_open (part, "is"))
    reader->in_inline = TRUE;
  else if (cm_xlsx_part_is_end (part, "is"))
    reader->in_inline = FALSE;
  else if (cm_xlsx_part_is_open (part, "rPh"))
    reader->phonetic_depth++;
  else if (cm_xlsx_part_is_end (part, "rPh") && reader->phonetic_depth > 0)
    reader->phonetic_depth--;
  else if (cm_xlsx_part_is_open (part, "t"))
    reader->in_text = TRUE;
  else if (cm_xlsx_part_is_end (part, "t"))
    reader->in_text = FALSE;
  else if (cm_xlsx_part_is_text (part) &&
           (reader->in_value ||
            (reader->in_inline && reader->in_text && reader->phonetic_depth == 0)))
    cm_xlsx_part_append_text (part, reader->value, CM_TABLE_MAX_CELL_BYTES);
}

static void
set_not_worksheet (GError **error, const char *sheet)
{
  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
               _("The sheet “%s” is not a sheet of cells (it may be a chart), or it is "
                 "damaged. Choose another sheet, or open the workbook in your "
                 "spreadsheet and save it again."),
               sheet);
}

static gboolean
read_worksheet (SheetReader *reader, const char *sheet, GError **error)
{
  CmXlsxPart *part = reader->part;
  gboolean seen_root = FALSE, in_cell = FALSE;
  int ret;

  while ((ret = cm_xlsx_part_next (part, error)) == 1)
    {
      if (cm_xlsx_part_is_any_element (part) && !seen_root)
        {
          if (!cm_xlsx_part_is_element (part, "worksheet"))
            {
              set_not_worksheet (error, sheet);
              return FALSE;
            }
          seen_root = TRUE;
        }
      else if (in_cell && cm_xlsx_part_is_end (part, "c"))
        {
          in_cell = FALSE;
          if (!end_cell (reader, error))
            return FALSE;
        }
      else if (in_cell)
        read_cell_node (reader);
      else if (cm_xlsx_part_is_element (part, "row"))
        {
          if (!start_row (reader, error))
            return FALSE;
          if (cm_xlsx_part_is_empty (part))
            reader->row++;
        }
      else if (cm_xlsx_part_is_end (part, "row"))
        reader->row++;
      else if (cm_xlsx_part_is_element (part, "c"))
        {
          gboolean empty = cm_xlsx_part_is_empty (part);

          if (!start_cell (reader, error))
            return FALSE;
          in_cell = !empty;
        }
    }
  if (ret == 0 && !seen_root)
    set_not_worksheet (error, sheet);
  return ret == 0 && seen_root;
}

/* A sheet with more cells than a table may hold is refused before it is
 * read: reading it first would fill the memory and take minutes. */
static gboolean
refuse_too_many_cells (Workbook *workbook, Sheet *sheet, const char *target, GError **error)
{
  gboolean more = FALSE;

  if (!cm_xlsx_part_has_more_elements (workbook->zip, target, 'c', CM_TABLE_MAX_CELLS, &more,
                                       error))
    return FALSE;
  if (more)
    g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE,
                 _("The sheet “%s” is too large to import: it has more than %'d cells. Check "
                   "that it is the contracts register, and remove what is not needed."),
                 sheet->name, CM_TABLE_MAX_CELLS);
  return !more;
}

static gboolean
read_sheet (Workbook *workbook, Sheet *sheet, CmTable *table, GError **error)
{
  g_autoptr(SharedStrings) shared = NULL;
  g_autoptr(GArray) date_styles = NULL;
  g_autoptr(CmXlsxPart) part = NULL;
  g_autoptr(GString) value = NULL;
  g_autoptr(GString) formatted = NULL;
  const char *target = sheet->rel_id ? g_hash_table_lookup (workbook->targets, sheet->rel_id) : NULL;
  SheetReader reader = { 0 };

  if (!target)
    {
      set_not_worksheet (error, sheet->name);
      return FALSE;
    }
  if (!refuse_too_many_cells (workbook, sheet, target, error))
    return FALSE;
  date_styles = read_styles (workbook, error);
  if (!date_styles)
    return FALSE;
  shared = read_shared_strings (workbook, error);
  if (!shared)
    return FALSE;
  part = cm_xlsx_part_open (workbook->zip, target, error);
  if (!part)
    {
      if (error && !*error)
        set_not_worksheet (error, sheet->name);
      return FALSE;
    }
  value = g_string_new (NULL);
  formatted = g_string_new (NULL);
  reader = (SheetReader) {
    .workbook = workbook, .shared = shared, .date_styles = date_styles, .table = table,
    .part = part, .value = value, .formatted = formatted,
  };
  return read_worksheet (&reader, sheet->name, error);
}

char **
cm_xlsx_list_sheets (const char *path, GError **error)
{
  g_autoptr(Workbook) workbook = workbook_open (path, error);
  g_autoptr(GStrvBuilder) names = NULL;

  if (!workbook)
    return NULL;
  names = g_strv_builder_new ();
  for (guint i = 0; i < workbook->sheets->len; i++)
    g_strv_builder_add (names, ((Sheet *) g_ptr_array_index (workbook->sheets, i))->name);
  return g_strv_builder_end (names);
}

gboolean
cm_xlsx_read_file_into (CmTable *table, const char *path, const char *sheet_name,
                        GError **error)
{
  g_autoptr(Workbook) workbook = workbook_open (path, error);
  Sheet *sheet;

  if (!workbook)
    return FALSE;
  sheet = find_sheet (workbook, sheet_name, error);
  if (!sheet)
    return FALSE;
  return read_sheet (workbook, sheet, table, error);
}

CmTable *
cm_xlsx_read_file (const char *path, const char *sheet_name, GError **error)
{
  g_autoptr(CmTable) table = cm_table_new ();

  if (!cm_xlsx_read_file_into (table, path, sheet_name, error))
    return NULL;
  return g_steal_pointer (&table);
}

gboolean
cm_xlsx_looks_like (const guint8 *data, gsize length)
{
  /* A local file header, or the end record of an empty archive. */
  return length >= 4 && data[0] == 'P' && data[1] == 'K' &&
         ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}
