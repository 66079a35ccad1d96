/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-line.c: the commands that run without a window
 *
 * They print to stdout, report errors on stderr, and return the process
 * exit status, so scripts and tests can drive the program.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cm-backup.h"
#include "cm-command-line.h"
#include "cm-audit-anchor.h"
#include "cm-audit-damage.h"
#include "cm-import-undo.h"
#include "cm-report-period.h"
#include "cm-transparency.h"
#include "cm-workbook.h"
#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-deadline-export.h"
#include "cm-required-notices.h"
#include "cm-row-list.h"
#include "cm-safe-write.h"
#include "cm-demo.h"
#include "cm-import.h"
#include "cm-store.h"
#include "cm-portfolio-name.h"
#include "cm-store-copy.h"
#include "cm-store-server.h"

int
cm_command_create_demo (const char *path, const GDate *today)
{
  g_autoptr(GError) error = NULL;

  if (!cm_demo_create (path, today, &error))
    {
      g_printerr (_("Could not create the demo portfolio: %s\n"), error->message);
      return 1;
    }
  g_print (_("Demo portfolio written to %s\n"), path);
  return 0;
}

/* The anchor given on the command line, or read from a workbook's Read me
 * sheet; NULL in @anchor when neither was given. */
static gboolean
expected_anchor (const char *expect_head, const char *expect_head_from, char **anchor)
{
  g_autoptr(GError) error = NULL;
  gint64 seq = 0;
  g_autofree char *hash = NULL;

  *anchor = NULL;
  if (expect_head && expect_head_from)
    {
      g_printerr (_("Give --expect-head or --expect-head-from, not both.\n"));
      return FALSE;
    }
  if (expect_head && !cm_audit_anchor_parse (expect_head, &seq, &hash, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (expect_head)
    *anchor = cm_audit_anchor_format (seq, hash);
  else if (expect_head_from &&
           (*anchor = cm_audit_anchor_read_workbook (expect_head_from, &error)) == NULL)
    {
      g_printerr (_("Could not read the audit head from %s: %s\n"), expect_head_from,
                  error->message);
      return FALSE;
    }
  return TRUE;
}

int
cm_command_setup_server (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *shown = NULL;

  if (!cm_store_server_is_uri (uri))
    {
      g_printerr (_("--setup-server takes a PostgreSQL URI, such as "
                    "postgresql://server/database, not a file: a portfolio file has no roles "
                    "to set up.\n"));
      return 2;
    }
  if (!cm_store_server_setup (uri, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  cm_store_server_names (uri, &database, &server);
  shown = cm_portfolio_name_in_message (uri);
  /* TRANSLATORS: the role names are SQL and stay as they are. */
  g_print (_("The roles %s_readers, %s_commissioners and %s_reviewers of the portfolio in %s "
             "are set up. Give a person one with, for example, GRANT %s_commissioners TO "
             "name;\n"), database, database, database, shown, database);
  return 0;
}

/* Exits 0 when the chain is intact (and holds the anchor, if one is
 * given), 1 when it is broken or has lost the anchor, 2 when it cannot be
 * checked, and 3 when a recorded restore from a backup replaced the
 * anchor's row: neither proof nor tampering, so scripts must choose. */
int
cm_command_verify_audit (const char *portfolio, const char *expect_head,
                         const char *expect_head_from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *explanation = NULL;
  CmAuditAnchorState state = CM_AUDIT_ANCHOR_HELD;
  gint64 rows = 0, bad_row = 0;
  g_autofree char *count = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio to check with --portfolio FILE.\n"));
      return 2;
    }
  if (!expected_anchor (expect_head, expect_head_from, &anchor))
    return 2;
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!cm_store_verify_audit (store, &rows, &bad_row, &error))
    {
      g_autofree char *accepted = cm_audit_damage_accepted (store, error->message);

      g_printerr ("%s\n", error->message);
      if (accepted)
        g_printerr (_("This damage was accepted on %s\n"), accepted);
      /* 1 for a trail found broken or a file SQLite finds damaged; 2 when
       * the check could not run (locked, unreadable, no SHA-256). */
      return cm_audit_damage_is_damage (error) ||
             g_error_matches (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT) ? 1 : 2;
    }
  if (anchor && !cm_audit_anchor_check (store, anchor, &state, &explanation, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (state == CM_AUDIT_ANCHOR_LOST)
    {
      g_printerr ("%s\n", explanation);
      return 1;
    }
  count = cm_count_format (rows);
  g_print (ngettext ("The audit trail is intact and every record agrees with it: %s row "
                     "checked.\n",
                     "The audit trail is intact and every record agrees with it: %s rows "
                     "checked.\n", (gulong) MIN (rows, G_MAXLONG)),
           count);
  if (explanation)
    g_print ("%s\n", explanation);
  return state == CM_AUDIT_ANCHOR_RESTORED ? 3 : 0;
}

/* Prints the head as an anchor to keep elsewhere: "SEQ:HASH". */
int
cm_command_audit_head (const char *portfolio)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autofree char *anchor = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || (anchor = cm_audit_anchor_current (store, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_print ("%s\n", anchor);
  return 0;
}

/* A CSV field, quoted when it holds a separator, quote or line break
 * (RFC 4180). */
static void
print_csv_field (GString *out, const char *text, gboolean last)
{
  if (strpbrk (text, ",\"\r\n"))
    {
      g_autoptr(GString) quoted = g_string_new (text);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (out, "\"%s\"", quoted->str);
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/* A notice date that is not known (no notice period recorded) is left
 * empty, with the status saying so. */
static void
print_deadline (GString *out, const CmDeadline *deadline, gboolean csv)
{
  /* Formatted in place: a large portfolio prints hundreds of thousands. */
  char date[16] = "";
  g_autofree char *kind = NULL;
  const char *fields[] = {
    cm_deadline_get_reference (deadline),
    cm_deadline_get_provider (deadline),
    cm_deadline_kind_nick (deadline->kind),
    date,
    cm_deadline_status_nick (deadline->status),
    cm_deadline_get_title (deadline),
    deadline->notice ? deadline->notice : "", /* which procurement notice */
  };

  if (g_date_valid (&deadline->date))
    g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (&deadline->date),
                g_date_get_month (&deadline->date), g_date_get_day (&deadline->date));
  if (!csv)
    {
      kind = cm_deadline_kind_text (deadline);
      g_string_append_printf (out, "%-10s %-9s %-24s %-12s %s (%s)\n", date,
                              cm_deadline_status_label (deadline->status),
                              kind, fields[0], fields[5], fields[1]);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    print_csv_field (out, fields[i], i + 1 == G_N_ELEMENTS (fields));
}

typedef enum {
  DEADLINES_TEXT,
  DEADLINES_CSV,
  DEADLINES_ICS,
  DEADLINES_JSON,
} DeadlinesFormat;

static gboolean
parse_deadlines_format (const char *name, DeadlinesFormat *format)
{
  static const char *const names[] = { "text", "csv", "ics", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  g_printerr (_("--format %s is not known. Use text, csv, ics (a calendar) or json.\n"), name);
  return FALSE;
}

/* The portfolio's name, or its file's name where none is recorded. */
static char *
portfolio_name (CmStore *store)
{
  g_autofree char *name = cm_store_get_meta (store, "name");

  if (name && *name)
    return g_steal_pointer (&name);
  return g_path_get_basename (cm_store_get_path (store));
}

static char *
format_deadlines (CmStore *store, GPtrArray *deadlines, DeadlinesFormat format,
                  const GDate *today, guint skipped)
{
  g_autofree char *name = portfolio_name (store);
  CmDeadlineExport export = { deadlines, name, today, skipped };
  GString *out;

  if (format == DEADLINES_ICS)
    return cm_deadline_export_ics (&export);
  if (format == DEADLINES_JSON)
    return cm_deadline_export_json (&export);
  out = g_string_new (NULL);
  if (format == DEADLINES_CSV)
    g_string_append (out, "reference,provider,kind,date,status,title,notice\r\n");
  for (guint i = 0; i < deadlines->len; i++)
    print_deadline (out, g_ptr_array_index (deadlines, i), format == DEADLINES_CSV);
  return g_string_free (out, FALSE);
}

/* Printed, or written to @output through the safe-write helper (never
 * over the portfolio itself). */
static gboolean
emit (CmStore *store, const char *text, const char *output)
{
  g_autoptr(GError) error = NULL;
  const char *charset;

  if (output == NULL)
    {
      /* As g_print () prints, without first copying the whole text through
       * printf: converted only where the terminal's characters are not
       * UTF-8. */
      if (g_get_console_charset (&charset))
        {
          fputs (text, stdout);
          fflush (stdout);
        }
      else
        g_print ("%s", text);
      return TRUE;
    }
  if (cm_store_refuse_own_file (store, output, &error) &&
      cm_safe_write_contents (output, text, strlen (text), &error))
    return TRUE;
  g_printerr (_("Could not write the deadlines to %s: %s\n"), output, error->message);
  return FALSE;
}

static void
report_skipped (guint skipped)
{
  if (skipped > 0)
    g_printerr (ngettext ("%u contract has neither an end date nor a readable start date and "
                          "term, so its dates are not shown.\n",
                          "%u contracts have neither an end date nor a readable start date and "
                          "term, so their dates are not shown.\n", skipped), skipped);
}

/* ---- text and CSV, written as they are listed ------------------------- */

/* Lines go out a block at a time, so a million deadlines never sit in
 * memory together. */
#define DEADLINE_BLOCK (64 * 1024)

typedef struct {
  GString *text;
  gboolean csv;
  CmSafeWrite *file;       /* NULL for standard output */
  GError *error;           /* the first write that failed */
} DeadlineLines;

static void
flush_lines (DeadlineLines *lines)
{
  if (lines->file == NULL)
    emit (NULL, lines->text->str, NULL);
  else if (lines->error == NULL)
    cm_safe_write_append (lines->file, lines->text->str, lines->text->len, &lines->error);
  g_string_truncate (lines->text, 0);
}

static void
add_line (const CmDeadline *deadline, gpointer user_data)
{
  DeadlineLines *lines = user_data;

  print_deadline (lines->text, deadline, lines->csv);
  if (lines->text->len >= DEADLINE_BLOCK)
    flush_lines (lines);
}

/* Listed in order from the store and written out as they come: the
 * whole list is never held. */
static gboolean
stream_deadlines (CmStore *store, const GDate *today, const CmDeadlineSettings *settings,
                  gboolean csv, const char *output, guint *skipped)
{
  DeadlineLines lines = { g_string_sized_new (DEADLINE_BLOCK + 1024), csv, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gboolean listed;

  if (output && (!cm_store_refuse_own_file (store, output, &error) ||
                 (lines.file = cm_safe_write_begin (output, &error)) == NULL))
    {
      g_printerr (_("Could not write the deadlines to %s: %s\n"), output, error->message);
      g_string_free (lines.text, TRUE);
      return FALSE;
    }
  if (csv)
    g_string_append (lines.text, "reference,provider,kind,date,status,title,notice\r\n");
  listed = cm_deadlines_each_sorted (store, today, settings, skipped, add_line, &lines, &error);
  if (listed)
    flush_lines (&lines);
  g_string_free (lines.text, TRUE);
  if (!listed)
    {
      if (lines.file)
        cm_safe_write_abort (lines.file);
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (lines.file && lines.error)
    {
      cm_safe_write_abort (lines.file);
      error = g_steal_pointer (&lines.error);
    }
  else if (lines.file && cm_safe_write_commit (lines.file, &error))
    return TRUE;
  if (lines.file == NULL)
    return TRUE;
  g_printerr (_("Could not write the deadlines to %s: %s\n"), output, error->message);
  return FALSE;
}

int
cm_command_deadlines (const char *portfolio, const GDate *today, const char *format_name,
                      const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *text = NULL;
  CmDeadlineSettings settings;
  DeadlinesFormat format = DEADLINES_TEXT;
  guint skipped;

  if (format_name && !parse_deadlines_format (format_name, &format))
    return 2;
  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  cm_deadline_settings_load (store, &settings);
  if (format == DEADLINES_TEXT || format == DEADLINES_CSV)
    {
      if (!stream_deadlines (store, today, &settings, format == DEADLINES_CSV, output,
                             &skipped))
        return 1;
      report_skipped (skipped);
      return 0;
    }
  /* Streamed: a large portfolio is listed without loading every contract. */
  deadlines = cm_deadlines_collect_streamed (store, today, &settings, &skipped, &error);
  if (deadlines == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  text = format_deadlines (store, deadlines, format, today, skipped);
  if (!emit (store, text, output))
    return 1;
  report_skipped (skipped);
  return 0;
}

/* The quarter and year to report on: those named, else those containing
 * @today. Bad input is reported on stderr. */
static gboolean
report_periods (const char *quarter, const char *year, const GDate *today,
                CmReportPeriods *periods)
{
  g_autoptr(GError) error = NULL;

  cm_report_periods_default (today, periods);
  if (quarter && !cm_report_period_parse_quarter (quarter, &periods->quarter, &error))
    {
      g_printerr (_("--quarter: %s\n"), error->message);
      return FALSE;
    }
  if (year && !cm_report_period_parse_year (year, &periods->year, &error))
    {
      g_printerr (_("--year: %s\n"), error->message);
      return FALSE;
    }
  return TRUE;
}

/* Exports read-only, so exporting never changes the portfolio: the whole
 * workbook, or the Transparency register alone as CSV. */
int
cm_command_export (const char *portfolio, const char *path, const GDate *today,
                   gboolean transparency_csv, const char *quarter, const char *year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  CmReportPeriods periods;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE.\n"));
      return 2;
    }
  if (transparency_csv && year)
    {
      g_printerr (_("--year chooses the year of the workbook's Spend summary; the "
                    "Transparency register takes --quarter.\n"));
      return 2;
    }
  if (!report_periods (quarter, year, today, &periods))
    return 2;
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL ||
      !(transparency_csv
          ? cm_transparency_write_csv (store, path, today, &periods.quarter, &error)
          : cm_workbook_export_for (store, path, today, &periods, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Exported to %s\n"), path);
  return 0;
}

/* The demo lives in the user's data directory and is made once, so that
 * what a user tries out in it is kept like any other portfolio. */
char *
cm_demo_portfolio_path (const GDate *today, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "commissioner", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.commissioner", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }
  if (!cm_demo_create (path, today, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* ---- --import ----------------------------------------------------------- */

/* The terminal shows the first few lines of each part of the report and
 * how many more; @full, written to --report-file, gets every line. */
typedef struct {
  GString *full;
  const char *report_file;
} Report;

static void G_GNUC_PRINTF (2, 3)
say (gboolean on_stderr, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (on_stderr)
    g_printerr ("%s", text);
  else
    g_print ("%s", text);
}

/* "New provider: and 19,995 more, …", or "And 3 more, …" after lines
 * that have no heading. */
static void
report_more (const Report *report, gboolean on_stderr, const char *heading, guint n_more)
{
  g_autofree char *more = cm_count_format (n_more);
  g_autofree char *where = NULL;

  where = report->report_file
          /* TRANSLATORS: how many lines were not shown, and the file that lists them */
          ? g_strdup_printf (ngettext ("%s more, listed in %s", "%s more, listed in %s", n_more),
                             more, report->report_file)
          : g_strdup_printf (ngettext ("%s more; --report-file FILE lists every one",
                                       "%s more; --report-file FILE lists every one", n_more),
                             more);
  if (heading)
    /* TRANSLATORS: a heading such as "New provider", then "19,995 more, listed in …" */
    say (on_stderr, _("%s: and %s\n"), heading, where);
  else
    /* TRANSLATORS: after a list of problems: "And 3 more, listed in …" */
    say (on_stderr, _("And %s\n"), where);
}

/* "Heading: line" for each of @lines (@terse for the terminal, @lines
 * itself if NULL), on the terminal the first few only. Without a report
 * file, the lines not shown are not put in words at all: a register's
 * tens of thousands of new providers would hold up the end of the import. */
static void
report_lines (Report *report, gboolean on_stderr, const char *heading, const GPtrArray *lines,
              const GPtrArray *terse)
{
  guint n_lines = report->report_file ? lines->len : MIN (lines->len, CM_ROW_LIST_SHOWN);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *full = heading ? g_strdup_printf ("%s: %s\n", heading,
                                                         (char *) lines->pdata[i])
                                      : g_strdup_printf ("%s\n", (char *) lines->pdata[i]);

      g_string_append (report->full, full);
      if (i >= CM_ROW_LIST_SHOWN)
        continue;
      if (terse && heading)
        say (on_stderr, "%s: %s\n", heading, (char *) terse->pdata[i]);
      else
        say (on_stderr, "%s", full);
    }
  if (lines->len > CM_ROW_LIST_SHOWN)
    report_more (report, on_stderr, heading, lines->len - CM_ROW_LIST_SHOWN);
}

/* The values kept under Other: on the terminal each names its first few
 * rows, in the report every row. */
static void
report_others (Report *report, CmImportPlan *plan)
{
  const GPtrArray *others = cm_import_plan_other_values (plan);
  g_autoptr(GPtrArray) in_full = g_ptr_array_new_with_free_func (g_free);

  if (report->report_file == NULL)
    {
      report_lines (report, FALSE, _("Kept as written under Other"), others, NULL);
      return;
    }
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (in_full, cm_import_plan_other_value_in_full (plan, i));
  report_lines (report, FALSE, _("Kept as written under Other"), in_full, others);
}

/* An error of many lines, as the OCDS reader gives one a contract. */
static void
report_error (Report *report, const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree char *first = g_strdup_printf (_("Nothing was imported: %s"), lines[0]);

  g_ptr_array_add (all, first);
  for (guint i = 1; lines[i]; i++)
    g_ptr_array_add (all, lines[i]);
  report_lines (report, TRUE, NULL, all, NULL);
}

static void
report_success (Report *report, CmImportPlan *plan, const char *source)
{
  g_autofree char *summary = NULL;
  /* Each status's count, "12,000", ending in NULL. */
  g_auto(GStrv) count = g_new0 (char *, CM_IMPORT_ROW_INVALID + 2);

  for (guint status = 0; status <= CM_IMPORT_ROW_INVALID; status++)
    count[status] = cm_count_format (cm_import_plan_count (plan, status));

  report_lines (report, FALSE, _("New provider"), cm_import_plan_new_providers (plan), NULL);
  report_lines (report, FALSE, _("New service"), cm_import_plan_new_services (plan), NULL);
  report_lines (report, FALSE, _("New commissioner"), cm_import_plan_new_commissioners (plan),
                NULL);
  report_others (report, plan);
  report_lines (report, FALSE, _("Contradiction to check"), cm_import_plan_contradictions (plan),
                NULL);
  summary = g_strdup_printf (_("Imported %s: %s created, %s updated, %s unchanged, %s skipped, "
                               "%s blank rows.\n"),
                             source, count[CM_IMPORT_ROW_CREATE], count[CM_IMPORT_ROW_UPDATE],
                             count[CM_IMPORT_ROW_UNCHANGED], count[CM_IMPORT_ROW_SKIP],
                             count[CM_IMPORT_ROW_BLANK]);
  g_print ("%s", summary);
  g_string_append (report->full, summary);
  /* What the format held beside the rows: an OCDS file's notices. */
  if (cm_import_plan_get_more_summary (plan))
    {
      g_autofree char *more = NULL;

      /* TRANSLATORS: "2 procurement notices added", as a sentence */
      more = g_strdup_printf (_("%s.\n"), cm_import_plan_get_more_summary (plan));
      g_print ("%s", more);
      g_string_append (report->full, more);
    }
}

/* Written whether the import succeeded or not: a refused import is when
 * the whole list of problems matters most. */
static gboolean
write_report (const Report *report)
{
  g_autoptr(GError) error = NULL;

  if (report->report_file == NULL ||
      cm_safe_write_contents (report->report_file, report->full->str, report->full->len, &error))
    return TRUE;
  g_printerr (_("Could not write the report to %s: %s\n"), report->report_file, error->message);
  return FALSE;
}

/* A register's rows, read from a CSV, XLSX or ODS file and mapped by its
 * headers, each written as soon as it is read: the terminal shows the
 * plan only after. */
static CmImportPlan *
plan_register (CmStore *store, const char *file, gpointer sheet, CmImportDuplicate on_duplicate,
               GError **error)
{
  g_autofree char *source = g_path_get_basename (file);

  return cm_import_plan_new_written_from_file (store, file, sheet, on_duplicate, source, error);
}

/* Plans and applies the import, printing what it did or why it could not,
 * and writing it all to @report_file if one is named. */
static int
import_into (CmStore *store, const char *file, CmImportPlanner planner, gpointer data,
             CmImportDuplicate on_duplicate, const char *report_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  g_autofree char *source = g_path_get_basename (file);
  g_autoptr(GString) full = g_string_new (NULL);
  Report report = { full, report_file };
  int status = 0;

  if (cm_store_refuse_own_file (store, file, &error))
    plan = planner (store, file, data, on_duplicate, &error);
  if (plan == NULL || !cm_import_plan_apply (plan, store, source, NULL, NULL, NULL, &error))
    {
      g_autoptr(GPtrArray) problems = plan ? cm_import_plan_report (plan) : NULL;

      if (problems)
        report_lines (&report, TRUE, NULL, problems, NULL);
      report_error (&report, error->message);
      status = 1;
    }
  else
    report_success (&report, plan, source);
  return write_report (&report) ? status : 1;
}

/* A portfolio that did not exist is created for the import, and taken
 * away again if the import fails, so that a failure leaves everything as
 * it was: a file removed, a server's database emptied. */
int
cm_command_run_import (const char *portfolio, const char *file, const char *on_duplicate,
                       const char *report_file, CmImportPlanner planner, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  CmImportDuplicate duplicate;
  gboolean made;
  int status;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio to import into with --portfolio FILE.\n"));
      return 2;
    }
  if (on_duplicate == NULL || g_str_equal (on_duplicate, "skip"))
    duplicate = CM_IMPORT_DUPLICATE_SKIP;
  else if (g_str_equal (on_duplicate, "update"))
    duplicate = CM_IMPORT_DUPLICATE_UPDATE;
  else
    {
      g_printerr (_("--on-duplicate takes update or skip, not %s.\n"), on_duplicate);
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  made = cm_store_made_portfolio (store);
  status = import_into (store, file, planner, data, duplicate, report_file);
  g_clear_object (&store);
  if (status != 0 && made && !cm_store_discard_new_portfolio (portfolio, &error))
    g_printerr ("%s\n", error->message);
  return status;
}

int
cm_command_import (const char *portfolio, const char *file, const char *sheet,
                   const char *on_duplicate, const char *report_file)
{
  return cm_command_run_import (portfolio, file, on_duplicate, report_file, plan_register,
                                (gpointer) sheet);
}

/* ---- --undo-import ------------------------------------------------------ */

int
cm_command_undo_import (const char *portfolio)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmImportUndo) undo = NULL;
  g_autofree char *described = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  undo = cm_import_undo_new (store, 0, &error);
  if (undo == NULL || !cm_import_undo_apply (undo, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  described = cm_import_undo_describe (undo);
  g_print ("%s\n", described);
  g_print (_("The import of %s was undone.\n"), cm_import_undo_get_source (undo));
  return 0;
}

/* ---- backups ------------------------------------------------------------ */

/* A copy from a read-only connection: taking it never changes the file. */
int
cm_command_backup (const char *portfolio, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autofree char *shown = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio to copy with --portfolio FILE.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!cm_backup_copy (store, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  shown = cm_portfolio_name_in_message (portfolio);
  g_print (_("Copied %s to %s\n"), shown, path);
  return 0;
}

/* On a terminal, how far a copy is, on one line that each report
 * overwrites; @user_data points to whether that line is still open. */
static void
show_copy_progress (const char *table, gint64 copied, gint64 total, gpointer user_data)
{
  gboolean *line_open = user_data;

  if (!isatty (STDERR_FILENO))
    return;
  g_printerr ("\r");
  g_printerr (ngettext ("Copied %lld of %lld row…", "Copied %lld of %lld rows…", (gulong) total),
              (long long) copied, (long long) total);
  *line_open = copied != total;
  if (!*line_open)
    g_printerr ("\n");
}

int
cm_command_copy_portfolio (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown_from = NULL;
  g_autofree char *shown_to = NULL;
  gboolean line_open = FALSE;

  if (from == NULL || to == NULL)
    {
      g_printerr (_("--copy-portfolio takes two portfolios: the one to copy (a file or a "
                    "PostgreSQL URI) and the new file or empty database to copy it to.\n"));
      return 2;
    }
  if (!cm_store_copy_portfolio (from, to, show_copy_progress, &line_open, &error))
    {
      /* the message starts a line of its own */
      if (line_open)
        g_printerr ("\n");
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Named as messages name them: a URI may hold a password. */
  shown_from = cm_portfolio_name_in_message (from);
  shown_to = cm_portfolio_name_in_message (to);
  g_print (_("Copied %s to %s, with its whole audit trail\n"), shown_from, shown_to);
  return 0;
}

int
cm_command_list_backups (const char *portfolio)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE.\n"));
      return 2;
    }
  backups = cm_backup_list (portfolio, &error);
  if (backups == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < backups->len; i++)
    {
      CmBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (backup->taken);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

      g_print ("%s  %-10s %6" G_GINT64_FORMAT " %6" G_GINT64_FORMAT " %6" G_GINT64_FORMAT "  %s\n",
               when, cm_backup_reason_nick (backup->reason), backup->contracts,
               backup->services, backup->providers, backup->path);
    }
  if (backups->len == 0)
    g_printerr (_("No backups of %s have been taken yet.\n"), portfolio);
  return 0;
}

/* Opened again after the restore, so that an older backup is brought up
 * to this version's schema as any portfolio is. */
int
cm_command_restore (const char *portfolio, const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio to restore into with --portfolio FILE.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!cm_backup_restore (store, backup, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&store);
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Restored %s from %s; its state before was backed up first.\n"), portfolio, backup);
  return 0;
}
