/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-csv-reader.c: CSV as spreadsheets write it
 *
 * One pass over the bytes. An unquoted field is added straight from the
 * input; a quoted one is copied so that doubled quotes can be undone, and a
 * CRLF inside it becomes "\n", as in a spreadsheet cell. Text after a
 * closing quote ("a"b) is kept, as spreadsheets do, rather than refused.
 * Every cell is checked as UTF-8, so an error can name the cell.
 */
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cm-csv-reader.h"

typedef struct {
  const char *p;
  const char *end;
  char delimiter;
  guint row;      /* counting from 0, as the table does */
  guint column;
  guint line;     /* of the file, counting from 1, for a text editor */
  guint64 n_cells;
  GString *quoted;
  CmTable *table;
  const char *mapped;   /* a mapped file whose pages are let go once read, or NULL */
  const char *released; /* up to here */
} Reader;

/* Semicolons are what a spreadsheet writes in a locale whose decimal
 * separator is a comma; only the header row decides, outside quotes. */
static char
detect_delimiter (const char *p, const char *end)
{
  gsize commas = 0, semicolons = 0;
  gboolean in_quotes = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
too_large (Reader *r, const char *what, GError **error)
{
  g_autofree char *cell = cm_table_cell_name (r->row, r->column);

  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE,
               /* Translators: the second %s is a cell such as "C5" */
               _("The file is too large to import: %s at cell %s. "
                 "Check that it is the contracts register, and remove what is "
                 "not needed."),
               what, cell);
  return FALSE;
}

/* Whether @text is ASCII without a NUL, as nearly every cell is: valid
 * UTF-8, seen in a fraction of the time g_utf8_validate_len () takes. */
static gboolean
is_plain_ascii (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (text[i] == '\0' || (guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
check_cell (Reader *r, const char *text, gsize len, GError **error)
{
  if (len > CM_TABLE_MAX_CELL_BYTES)
    return too_large (r, _("a cell holds more text than a spreadsheet allows"), error);
  if (r->column >= CM_TABLE_MAX_COLUMNS)
    return too_large (r, _("a row has more columns than a spreadsheet allows"), error);
  if (r->n_cells >= CM_TABLE_MAX_CELLS)
    return too_large (r, _("there are more cells than Commissioner can hold"), error);
  if (!is_plain_ascii (text, len) && !g_utf8_validate_len (text, len, NULL))
    {
      g_autofree char *cell = cm_table_cell_name (r->row, r->column);

      g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_ENCODING,
                   _("Cell %s (line %u of the file) is not in the UTF-8 text "
                     "encoding. Save the file again as “CSV UTF-8” from your "
                     "spreadsheet."),
                   cell, r->line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_cell (Reader *r, const char *text, gsize len, GError **error)
{
  if (!check_cell (r, text, len, error))
    return FALSE;
  cm_table_append_cell (r->table, text, len);
  r->n_cells++;
  r->column++;
  return TRUE;
}

/* Where the field from r->p ends: at the delimiter, the line's end or the
 * file's. */
static const char *
field_end (Reader *r)
{
  const char *p = r->p;

  while (p < r->end && *p != r->delimiter && *p != '\n' && *p != '\r')
    p++;
  return p;
}

/* Appends the quoted text from @p to @quote, its CRLFs as LFs, a run at a
 * time rather than a character at a time. */
static void
append_quoted_run (Reader *r, const char *p, const char *quote)
{
  while (p < quote)
    {
      const char *cr = memchr (p, '\r', quote - p);
      const char *stop = cr ? cr : quote;

      for (const char *q = p; (q = memchr (q, '\n', stop - q)) != NULL; q++)
        r->line++;
      g_string_append_len (r->quoted, p, stop - p);
      if (cr == NULL)
        return;
      if (cr + 1 >= quote || cr[1] != '\n')
        g_string_append_c (r->quoted, '\r'); /* a lone CR is kept */
      p = cr + 1;
    }
}

/* From the opening quote to the end of the field. */
static gboolean
read_quoted (Reader *r, GError **error)
{
  guint opened_line = r->line;
  const char *end;

  g_string_truncate (r->quoted, 0);
  r->p++;
  for (;;)
    {
      const char *quote = memchr (r->p, '"', r->end - r->p);

      if (!quote)
        {
          g_autofree char *cell = cm_table_cell_name (r->row, r->column);

          g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
                       _("The quoted text that starts in cell %s (line %u of the "
                         "file) has no closing quote mark, so the rest of the file "
                         "cannot be read. Save the file again as CSV from your "
                         "spreadsheet."),
                       cell, opened_line);
          return FALSE;
        }
      append_quoted_run (r, r->p, quote);
      if (r->quoted->len > CM_TABLE_MAX_CELL_BYTES)
        return too_large (r, _("a cell holds more text than a spreadsheet allows"), error);
      r->p = quote + 1;
      if (r->p < r->end && *r->p == '"')
        {
          g_string_append_c (r->quoted, '"');
          r->p++;
          continue;
        }
      break;
    }
  /* Anything between the closing quote and the delimiter is kept. */
  end = field_end (r);
  g_string_append_len (r->quoted, r->p, end - r->p);
  r->p = end;
  if (r->quoted->len > CM_TABLE_MAX_CELL_BYTES)
    return too_large (r, _("a cell holds more text than a spreadsheet allows"), error);
  return add_cell (r, r->quoted->str, r->quoted->len, error);
}

static gboolean
read_field (Reader *r, GError **error)
{
  const char *start = r->p;

  if (r->p < r->end && *r->p == '"')
    return read_quoted (r, error);
  r->p = field_end (r);
  return add_cell (r, start, r->p - start, error);
}

static gboolean
read_row (Reader *r, GError **error)
{
  r->column = 0;
  if (r->row >= CM_TABLE_MAX_ROWS)
    return too_large (r, _("there are more rows than a spreadsheet allows"), error);
  cm_table_begin_row (r->table);
  for (;;)
    {
      if (!read_field (r, error))
        return FALSE;
      if (r->p >= r->end)
        break;
      if (*r->p == r->delimiter)
        {
          r->p++;
          continue;
        }
      /* CRLF, LF, or a lone CR as old Mac spreadsheets wrote. */
      if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
        r->p++;
      r->p++;
      r->line++;
      break;
    }
  r->row++;
  return TRUE;
}

/* The pages of a mapped file already read count as the process's memory
 * until they are let go: a register of a million rows is 150 MB. They
 * are read again from the file should anything look back. */
static void
release_read_pages (Reader *r)
{
#ifdef MADV_DONTNEED
  const gsize step = 8 * 1024 * 1024;
  gsize page = sysconf (_SC_PAGESIZE);
  const char *upto;

  if (r->mapped == NULL || (gsize) (r->p - r->released) < step)
    return;
  upto = r->mapped + ((r->p - r->mapped) / page) * page;
  if (upto > r->released)
    madvise ((void *) r->released, upto - r->released, MADV_DONTNEED);
  r->released = upto;
#endif
}

static gboolean
read_into (CmTable *table, const char *data, gsize length, gboolean mapped, GError **error)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  Reader r = { .p = data, .end = data + length, .line = 1, .quoted = quoted, .table = table,
               .mapped = mapped ? data : NULL, .released = data };

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r.p += 3;
  r.delimiter = detect_delimiter (r.p, r.end);
  while (r.p < r.end)
    {
      if (!read_row (&r, error))
        return FALSE;
      release_read_pages (&r);
    }
  return TRUE;
}

CmTable *
cm_csv_read (const char *data, gsize length, GError **error)
{
  g_autoptr(CmTable) table = cm_table_new ();

  if (!read_into (table, data, length, FALSE, error))
    return NULL;
  return g_steal_pointer (&table);
}

gboolean
cm_csv_read_file_into (CmTable *table, const char *path, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &local_error);

  if (!file)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_IO,
                   _("“%s” could not be read (%s). Check that the file is still "
                     "there and that you may open it."),
                   name, local_error->message);
      return FALSE;
    }
  return read_into (table, g_mapped_file_get_contents (file), g_mapped_file_get_length (file),
                    TRUE, error);
}

CmTable *
cm_csv_read_file (const char *path, GError **error)
{
  g_autoptr(CmTable) table = cm_table_new ();

  if (!cm_csv_read_file_into (table, path, error))
    return NULL;
  return g_steal_pointer (&table);
}
