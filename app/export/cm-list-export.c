/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-list-export.c: one list as the user sees it, written as CSV or XLSX */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "cm-list-export.h"
#include "cm-safe-write.h"

G_DEFINE_QUARK (cm-list-export-error-quark, cm_list_export_error)

/* ---- CSV ---------------------------------------------------------------- */

/* A text a spreadsheet would run as a formula ("=HYPERLINK(…)") is kept
 * as text by a leading apostrophe; a negative amount is left as it is. */
static gboolean
looks_like_formula (const char *text)
{
  if (*text == '=' || *text == '@' || *text == '\t' || *text == '\r')
    return TRUE;
  return (*text == '+' || *text == '-') && !g_ascii_isdigit (text[1]) && text[1] != '\xc2';
}

static void
append_csv_field (GString *csv, const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (csv, '"');
  if (looks_like_formula (text))
    g_string_append_c (csv, '\'');
  for (const char *c = text; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *c);
    }
  if (quote)
    g_string_append_c (csv, '"');
}

static void
append_csv_row (GString *csv, const char * const *cells, guint n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_csv_field (csv, cells[i] ? cells[i] : "");
    }
  g_string_append (csv, "\r\n");
}

/* RFC 4180, with a byte order mark so that Excel reads it as UTF-8. */
static gboolean
write_csv (const char *path, const char * const *titles, GPtrArray *rows, GError **error)
{
  guint n_columns = g_strv_length ((char **) titles);
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf");

  append_csv_row (csv, titles, n_columns);
  for (guint r = 0; r < rows->len; r++)
    append_csv_row (csv, g_ptr_array_index (rows, r), n_columns);
  return cm_safe_write_contents (path, csv->str, csv->len, error);
}

/* ---- XLSX --------------------------------------------------------------- */

static gboolean
xlsx_failed (const char *path, const char *why, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, CM_LIST_EXPORT_ERROR, CM_LIST_EXPORT_ERROR_FAILED,
               _("“%s” could not be written (%s). Choose another folder or free some space, "
                 "then export the list again."), name, why);
  return FALSE;
}

/* A worksheet's name as Excel allows it: at most 31 characters, none of
 * []:*?/\ (a list's translated title may hold any). */
static char *
sheet_name_of (const char *title)
{
  g_autofree char *name = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 31));

  g_strdelimit (name, "[]:*?/\\", ' ');
  return g_steal_pointer (&name);
}

/* Through the safe write's own temporary file, as the workbook export is. */
static gboolean
write_xlsx (const char *path, const char *sheet, const char * const *titles, GPtrArray *rows,
            GError **error)
{
  guint n_columns = g_strv_length ((char **) titles);
  g_autoptr(CmSafeWrite) out = cm_safe_write_begin (path, error);
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *bold;
  lxw_error closed;
  g_autofree char *sheet_name = sheet_name_of (sheet);

  if (out == NULL)
    return FALSE;
  workbook = workbook_new_opt (cm_safe_write_get_path (out),
                               &(lxw_workbook_options) { .constant_memory = LXW_TRUE,
                                                         .use_zip64 = LXW_TRUE });
  if (workbook == NULL)
    return xlsx_failed (path, g_strerror (errno), error);
  worksheet = workbook_add_worksheet (workbook, sheet_name);
  if (worksheet == NULL)
    {
      workbook_close (workbook);
      return xlsx_failed (path, _("the sheet cannot be added"), error);
    }
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (worksheet, c, c, 24, NULL);
      worksheet_write_string (worksheet, 0, c, titles[c], bold);
    }
  worksheet_freeze_panes (worksheet, 1, 0);
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);

      /* As strings: exactly the text the list showed, never a formula. */
      for (guint c = 0; c < n_columns && cells[c]; c++)
        worksheet_write_string (worksheet, r + 1, c, cells[c], NULL);
    }
  closed = workbook_close (workbook);
  if (closed != LXW_NO_ERROR)
    return xlsx_failed (path, lxw_strerror (closed), error);
  return cm_safe_write_commit (g_steal_pointer (&out), error);
}

gboolean
cm_list_export_write (const char *path, const char *sheet, const char * const *titles,
                      GPtrArray *rows, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL && titles != NULL && rows != NULL, FALSE);

  if (g_str_has_suffix (lower, ".csv"))
    return write_csv (path, titles, rows, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return write_xlsx (path, sheet, titles, rows, error);
  name = g_filename_display_basename (path);
  g_set_error (error, CM_LIST_EXPORT_ERROR, CM_LIST_EXPORT_ERROR_FORMAT,
               _("“%s” is neither a CSV nor an XLSX file. End its name with .csv or .xlsx and "
                 "export the list again."), name);
  return FALSE;
}
