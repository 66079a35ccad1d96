/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-report.c: --report, the PDF reports drawn without a window
 *
 * A file of its own, because drawing needs cairo and Pango: the window
 * program links it, and commissioner, which need not load them for every
 * other command, hands --report over (see cm-command-options.h).
 */
#include <glib/gi18n.h>

#include "cm-command-report.h"
#include "cm-report.h"
#include "cm-store.h"

/* Read-only, like an export: drawing a report never changes the portfolio. */
int
cm_command_report (const char *portfolio, const char *kind, const char *output,
                   const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;

  if (portfolio == NULL || output == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE and the PDF to write with "
                    "--output FILE.pdf.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!cm_store_refuse_own_file (store, output, &error) ||
      !cm_report_write (store, kind, output, today, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Report written to %s\n"), output);
  return 0;
}
