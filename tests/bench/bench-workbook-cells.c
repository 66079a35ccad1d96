/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-workbook-cells.c: the export's yardstick, the whole workbook's cells written by plain libxlsxwriter
 *
 * Reads a cell list made from an exported workbook by bench-cell-dump.py
 * (every sheet, every cell with its type and number format) and writes
 * the same cells, as texts, numbers, dates and formulas, with libxlsxwriter
 * alone in constant_memory mode: the export's writing without its reading
 * of the portfolio, its rules or its sorting.
 *
 *   bench-workbook-cells CELLS.txt OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FORMATS 64

typedef struct {
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  char *names[MAX_FORMATS];
  lxw_format *formats[MAX_FORMATS];
  int n_formats;
} Writer;

/* Undoes bench-cell-dump.py's escapes in place. */
static char *
unescape (char *text)
{
  char *in = text, *out = text;

  for (; *in; in++)
    {
      if (*in != '\\' || in[1] == '\0')
        {
          *out++ = *in;
          continue;
        }
      in++;
      *out++ = *in == 'n' ? '\n' : *in == 't' ? '\t' : *in == 'r' ? '\r' : *in;
    }
  *out = '\0';
  return text;
}

/* One format per number format, made when first seen. */
static lxw_format *
format_for (Writer *w, const char *name)
{
  if (*name == '\0')
    return NULL;
  for (int i = 0; i < w->n_formats; i++)
    if (strcmp (w->names[i], name) == 0)
      return w->formats[i];
  if (w->n_formats == MAX_FORMATS)
    return NULL;
  w->names[w->n_formats] = strdup (name);
  w->formats[w->n_formats] = workbook_add_format (w->workbook);
  format_set_num_format (w->formats[w->n_formats], name);
  return w->formats[w->n_formats++];
}

static lxw_error
write_cell (Writer *w, char *line)
{
  char *fields[5];
  char *rest = line;
  lxw_datetime when = { 0 };
  lxw_row_t row;
  lxw_col_t col;
  lxw_format *format;

  for (int i = 0; i < 4; i++)
    {
      fields[i] = rest;
      if ((rest = strchr (rest, '\t')) == NULL)
        return LXW_ERROR_PARAMETER_VALIDATION;
      *rest++ = '\0';
    }
  fields[4] = rest;
  row = strtoul (fields[1], NULL, 10);
  col = strtoul (fields[2], NULL, 10);
  format = format_for (w, unescape (fields[3]));
  switch (line[0])
    {
    case 's':
      return worksheet_write_string (w->sheet, row, col, unescape (fields[4]), format);
    case 'n':
      return worksheet_write_number (w->sheet, row, col, strtod (fields[4], NULL), format);
    case 'f':
      return worksheet_write_formula (w->sheet, row, col, unescape (fields[4]), format);
    case 'd':
      sscanf (fields[4], "%d %d %d %d %d %lf", &when.year, &when.month, &when.day,
              &when.hour, &when.min, &when.sec);
      return worksheet_write_datetime (w->sheet, row, col, &when, format);
    default:
      return LXW_ERROR_PARAMETER_VALIDATION;
    }
}

int
main (int argc, char *argv[])
{
  Writer w = { 0 };
  FILE *in;
  char *line = NULL;
  size_t size = 0;
  ssize_t length;
  lxw_error error = LXW_NO_ERROR;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-workbook-cells CELLS.txt OUT.xlsx\n");
      return 2;
    }
  if ((in = fopen (argv[1], "r")) == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  w.workbook = workbook_new_opt (argv[2], &(lxw_workbook_options) { .constant_memory = LXW_TRUE,
                                                                    .use_zip64 = LXW_TRUE });
  while (error == LXW_NO_ERROR && (length = getline (&line, &size, in)) > 0)
    {
      if (line[length - 1] == '\n')
        line[length - 1] = '\0';
      if (line[0] == 'S' && line[1] == '\t')
        {
          w.sheet = workbook_add_worksheet (w.workbook, unescape (line + 2));
          error = w.sheet ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
        }
      else if (w.sheet)
        error = write_cell (&w, line);
    }
  free (line);
  fclose (in);
  if (error == LXW_NO_ERROR)
    error = workbook_close (w.workbook);
  else
    workbook_close (w.workbook);
  for (int i = 0; i < w.n_formats; i++)
    free (w.names[i]);
  if (error != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-workbook-cells: could not write %s: %s\n", argv[2],
               lxw_strerror (error));
      return 1;
    }
  return 0;
}
