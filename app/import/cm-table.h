/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-table.h: the cells of one sheet read from a CSV or XLSX file, as text
 *
 * Readers turn every cell into text the import can parse: an XLSX date
 * becomes "yyyy-mm-dd", any other number its shortest decimal ("1234.5"),
 * a boolean "TRUE" or "FALSE". Rows and columns count from 0; row 0 is the
 * header row. A cell that is missing reads as "".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CM_TABLE_ERROR (cm_table_error_quark ())
typedef enum {
  CM_TABLE_ERROR_IO,        /* the file cannot be read */
  CM_TABLE_ERROR_FORMAT,    /* not a CSV or XLSX file we can read, or damaged */
  CM_TABLE_ERROR_ENCODING,  /* text that is not UTF-8 */
  CM_TABLE_ERROR_TOO_LARGE, /* a cell, row or sheet past the limits below */
  CM_TABLE_ERROR_NO_SHEET,  /* the sheet asked for is not in the workbook */
} CmTableError;
GQuark cm_table_error_quark (void);

/* Excel's own limits, so that anything larger is refused, not truncated. */
#define CM_TABLE_MAX_CELL_BYTES (32767 * 4)
#define CM_TABLE_MAX_COLUMNS 16384
#define CM_TABLE_MAX_ROWS 1048576
/* Ours, not Excel's: cells held, gaps included (256 MiB of cell pointers),
 * so that a small file cannot claim a sheet that fills the memory. The
 * fuzzers lower it, to spend their time on more inputs. */
/* And the text of all the cells together, so that one long value repeated
 * in many cells (a shared string, a repeated ODS cell) cannot either. */
#ifndef CM_TABLE_MAX_TEXT_BYTES
#define CM_TABLE_MAX_TEXT_BYTES (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#endif
#ifndef CM_TABLE_MAX_CELLS
#define CM_TABLE_MAX_CELLS (32 * 1024 * 1024)
#endif

typedef struct _CmTable CmTable;

/* Called with each row of a streaming table once the row is complete;
 * cm_table_get () reads it, and the header row, until it returns. */
typedef void (*CmTableRowFunc) (CmTable *table, guint row, gpointer user_data);

CmTable    *cm_table_new           (void);
/* A table that holds only its header row and the row being read: each
 * row is handed to @func as soon as it is complete, then dropped, so a
 * register of a million rows is read in the memory of one. Rows still
 * count from 0, and cm_table_get_n_rows () counts every row read. */
CmTable    *cm_table_new_streaming (CmTableRowFunc func, gpointer user_data);
void        cm_table_free          (CmTable *self);
/* Starts a new row; cells are then appended to it in column order. */
void        cm_table_begin_row     (CmTable *self);
void        cm_table_append_cell   (CmTable *self, const char *text, gssize len);
/* Whether @bytes more text would stay within CM_TABLE_MAX_TEXT_BYTES. */
gboolean    cm_table_has_room      (CmTable *self, guint64 bytes);
guint       cm_table_get_n_rows    (CmTable *self);
guint       cm_table_get_n_columns (CmTable *self); /* the widest row */
const char *cm_table_get           (CmTable *self, guint row, guint column);
/* The spreadsheet name of a cell: row 4, column 2 is "C5". */
char       *cm_table_cell_name     (guint row, guint column);

/* Reads @path as an OpenDocument spreadsheet or XLSX when it is a zip file,
 * otherwise as CSV. @sheet names a sheet; NULL means the first. It is
 * ignored for CSV. */
CmTable    *cm_table_read_file     (const char *path, const char *sheet, GError **error);
/* As cm_table_read_file (), into @table, which may be streaming: its
 * function has had every row when this returns TRUE. On an error some
 * rows may have been handed to it already. */
gboolean    cm_table_read_file_into (CmTable *table, const char *path, const char *sheet,
                                     GError **error);
/* The header and the first @n_shown rows after it of the sheet, for a
 * preview, while every row is counted (*@n_rows, the header included)
 * but not kept: a register of a million rows previews in the memory of
 * twenty. */
CmTable    *cm_table_read_preview  (const char *path, const char *sheet, guint n_shown,
                                    guint *n_rows, GError **error);
/* The sheets of a spreadsheet or workbook, in order; none for CSV. */
char      **cm_table_list_sheets   (const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmTable, cm_table_free)

G_END_DECLS
