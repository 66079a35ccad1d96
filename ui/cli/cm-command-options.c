/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-options.c: the command line's options and the headless commands they run
 *
 * Both programs parse the same options: commissioner, which runs the
 * headless commands without loading the window's libraries, and the window
 * program it hands every other command line to.
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "cm-command-line.h"
#include "cm-command-ocds.h"
#include "cm-command-options.h"
#include "cm-date.h"

static const GOptionEntry entries[] = {
  { "portfolio", 'p', 0, G_OPTION_ARG_FILENAME, NULL, N_("The portfolio file to use"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo portfolio"), NULL },
  { "import-wizard", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the portfolio's window on the import of the CSV, XLSX or ODS file FILE"), N_("FILE") },
  { "create-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the demo portfolio to FILE and exit"), N_("FILE") },
  { "setup-server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set up the roles and rights of the portfolio in the PostgreSQL database URI, "
       "and exit"), N_("URI") },
  { "verify-audit", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the audit trail of the portfolio and exit"), NULL },
  { "expect-head", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --verify-audit, also check that the trail still holds this earlier head"),
    N_("SEQ:HASH") },
  { "expect-head-from", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --verify-audit, also check the head on the Read me sheet of an exported workbook"),
    N_("FILE") },
  { "audit-head", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the head of the portfolio's audit trail (SEQ:HASH), to keep elsewhere, and exit"),
    NULL },
  { "deadlines", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print every upcoming contract date of the portfolio, most urgent first, and exit"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output of --deadlines: text, csv, ics (a calendar) or json"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --deadlines, write to FILE instead of printing; with --report, the PDF to write"),
    N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the report KIND as a PDF to the --output file and exit: six-monthly, "
       "community-committees, deadlines, decommission:SERVICE or eia:SERVICE, with the "
       "service's exact name"), N_("KIND") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the portfolio to the Excel workbook FILE and exit"), N_("FILE") },
  { "export-transparency", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the Transparency Code contracts register to the CSV file FILE and exit"),
    N_("FILE") },
  { "quarter", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --export-transparency, the quarter of the financial year the "
       "Transparency register lists (Q1 is April to June); by default the quarter containing "
       "today"), N_("YYYY-Qn") },
  { "year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export, the financial year of the Spend summary, by the year it starts in "
       "(2026 is April 2026 to March 2027); by default the year containing today"),
    N_("YYYY") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the contracts register FILE (CSV, XLSX or ODS) into the portfolio and exit"),
    N_("FILE") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The sheet of the XLSX file to import"),
    N_("NAME") },
  { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What --import does with a reference already in the portfolio: update or skip"),
    N_("CHOICE") },
  { "report-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --import or --import-ocds, write the whole report to FILE: every row the "
       "messages name only the first few of"), N_("FILE") },
  { "undo-import", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Undo the portfolio's last import, if nothing it wrote has changed since, and exit"),
    NULL },
  /* Read before the options are parsed (see cm_command_options_run_early ()):
   * the entry is here for --help. */
  { "copy-portfolio", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the portfolio FROM (a file or a PostgreSQL URI) with its whole audit trail to "
       "TO, a new file or an empty database, and exit"), N_("FROM TO") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a copy of the portfolio to FILE and exit"), N_("FILE") },
  { "list-backups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the backups kept of the portfolio and exit"), NULL },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Put the backup FILE in place of the portfolio, backing up its current state first, "
       "and exit"), N_("FILE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The date to treat as today, for statuses and the demo"), N_("YYYY-MM-DD") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "export-ocds", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the portfolio's contracts to FILE as an OCDS 1.1 release package and exit"),
    N_("FILE") },
  { "import-ocds", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the OCDS release or record package FILE into the portfolio and exit"),
    N_("FILE") },
  { "set-ocds-prefix", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set the portfolio's registered OCDS prefix (ocds- and six characters) and exit"),
    N_("PREFIX") },
  { NULL }
};

static gboolean
parse_today (GVariantDict *options, GDate *today)
{
  const char *text = NULL;

  if (!g_variant_dict_lookup (options, "today", "&s", &text))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return TRUE;
    }
  if (cm_date_parse_iso (text, today))
    return TRUE;
  g_printerr (_("--today %s is not a date. Write it as YYYY-MM-DD.\n"), text);
  return FALSE;
}

/* The commands on one portfolio, besides those on its audit trail. */
static int
run_portfolio_command (GVariantDict *options, const char *portfolio, const GDate *today,
                       CmReportCommand report)
{
  const char *file = NULL;

  if (g_variant_dict_lookup (options, "export", "^&ay", &file) ||
      g_variant_dict_lookup (options, "export-transparency", "^&ay", &file))
    {
      const char *quarter = NULL, *year = NULL;

      g_variant_dict_lookup (options, "quarter", "&s", &quarter);
      g_variant_dict_lookup (options, "year", "&s", &year);
      return cm_command_export (portfolio, file, today,
                                !g_variant_dict_contains (options, "export"), quarter, year);
    }
  if (g_variant_dict_lookup (options, "import", "^&ay", &file))
    {
      const char *sheet = NULL, *on_duplicate = NULL, *report_file = NULL;

      g_variant_dict_lookup (options, "sheet", "&s", &sheet);
      g_variant_dict_lookup (options, "on-duplicate", "&s", &on_duplicate);
      g_variant_dict_lookup (options, "report-file", "^&ay", &report_file);
      return cm_command_import (portfolio, file, sheet, on_duplicate, report_file);
    }
  if (g_variant_dict_contains (options, "undo-import"))
    return cm_command_undo_import (portfolio);
  if (g_variant_dict_lookup (options, "backup", "^&ay", &file))
    return cm_command_backup (portfolio, file);
  if (g_variant_dict_contains (options, "list-backups"))
    return cm_command_list_backups (portfolio);
  if (g_variant_dict_lookup (options, "restore", "^&ay", &file))
    return cm_command_restore (portfolio, file);
  if (g_variant_dict_contains (options, "deadlines"))
    {
      const char *format = "text", *output = NULL;

      g_variant_dict_lookup (options, "format", "&s", &format);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      return cm_command_deadlines (portfolio, today, format, output);
    }
  if (g_variant_dict_lookup (options, "report", "&s", &file))
    {
      const char *output = NULL;

      g_variant_dict_lookup (options, "output", "^&ay", &output);
      return report ? report (portfolio, file, output, today) : -1;
    }
  if (g_variant_dict_lookup (options, "export-ocds", "^&ay", &file))
    return cm_command_export_ocds (portfolio, file, today);
  if (g_variant_dict_lookup (options, "import-ocds", "^&ay", &file))
    {
      const char *on_duplicate = NULL, *report_file = NULL;

      g_variant_dict_lookup (options, "on-duplicate", "&s", &on_duplicate);
      g_variant_dict_lookup (options, "report-file", "^&ay", &report_file);
      return cm_command_import_ocds (portfolio, file, on_duplicate, report_file);
    }
  if (g_variant_dict_lookup (options, "set-ocds-prefix", "&s", &file))
    return cm_command_set_ocds_prefix (portfolio, file);
  return -1;
}

void
cm_command_options_add (GApplication *app)
{
  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app,
    _("Opens each portfolio FILE named; without one, the last portfolio used, or a welcome "
      "page on the first run."));
  g_application_set_option_context_parameter_string (app, _("[FILE…]"));
}

gboolean
cm_command_options_run_early (char **argv, int *exit_status)
{
  g_autofree char *name = g_path_get_basename (argv[0]);

  /* As g_application_run () names it, for the messages of what runs first. */
  g_set_prgname (name);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (int i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--copy-portfolio"))
        {
          const char *from = argv[i + 1];

          /* It does nothing else: anything more was meant for something else. */
          if (g_strv_length (argv) > 4)
            {
              g_printerr (_("--copy-portfolio takes only the portfolio to copy and where to copy "
                            "it, with no other options or arguments. Run it on its own.\n"));
              *exit_status = 2;
              return TRUE;
            }
          *exit_status = cm_command_copy_portfolio (from, from ? argv[i + 2] : NULL);
          return TRUE;
        }
    }
  return FALSE;
}

/* Headless commands run before the application registers or opens a
 * display, so they work on a machine with no screen. */
int
cm_command_options_run (GVariantDict *options, GDate *today, CmReportCommand report)
{
  const char *portfolio = NULL, *file = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("commissioner %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (!parse_today (options, today))
    return 2;
  g_variant_dict_lookup (options, "portfolio", "^&ay", &portfolio);
  if (g_variant_dict_lookup (options, "create-demo", "^&ay", &file))
    return cm_command_create_demo (file, today);
  if (g_variant_dict_lookup (options, "setup-server", "&s", &file))
    return cm_command_setup_server (file);
  if (g_variant_dict_contains (options, "verify-audit"))
    {
      const char *head = NULL, *head_from = NULL;

      g_variant_dict_lookup (options, "expect-head", "&s", &head);
      g_variant_dict_lookup (options, "expect-head-from", "^&ay", &head_from);
      return cm_command_verify_audit (portfolio, head, head_from);
    }
  if (g_variant_dict_contains (options, "audit-head"))
    return cm_command_audit_head (portfolio);
  return run_portfolio_command (options, portfolio, today, report);
}
