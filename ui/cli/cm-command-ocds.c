/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-ocds.c: the Open Contracting commands that run without a window
 *
 * Like the other commands, they print to stdout, report errors on stderr
 * and return the exit status: 2 when the command itself is wrong, 1 when
 * the work could not be done.
 */
#include <glib/gi18n.h>

#include "cm-command-line.h"
#include "cm-command-ocds.h"
#include "cm-ocds-export.h"
#include "cm-ocds-import.h"
#include "cm-ocds-prefix.h"
#include "cm-store.h"

static CmStore *
open_portfolio (const char *portfolio, CmStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  CmStore *store;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio with --portfolio FILE.\n"));
      return NULL;
    }
  store = cm_store_open (portfolio, flags, &error);
  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

/* Read-only, so exporting never changes the portfolio. */
int
cm_command_export_ocds (const char *portfolio, const char *path, const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_portfolio (portfolio, CM_STORE_OPEN_MUST_EXIST |
                                                        CM_STORE_OPEN_READ_ONLY);
  g_autofree char *prefix = NULL;
  gboolean prefix_set = FALSE;

  if (store == NULL)
    return 2;
  if (!cm_ocds_export (store, path, today, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  prefix = cm_ocds_prefix_get (store, &prefix_set);
  if (!prefix_set)
    g_printerr (_("The portfolio has no OCDS prefix of its own, so the ocids in %s begin with "
                  "the placeholder %s. Before publishing, set the prefix your organisation "
                  "registered, in Portfolio Rules or with --set-ocds-prefix.\n"), path, prefix);
  g_print (_("Exported to %s\n"), path);
  return 0;
}

static CmImportPlan *
plan_ocds (CmStore *store, const char *file, gpointer data, CmImportDuplicate on_duplicate,
           GError **error)
{
  return cm_ocds_import_plan (store, file, CM_OCDS_FALLBACK_SERVICE, on_duplicate, error);
}

/* As --import: a portfolio that did not exist is created for the import,
 * and removed again if the import fails. */
int
cm_command_import_ocds (const char *portfolio, const char *file, const char *on_duplicate,
                        const char *report_file)
{
  return cm_command_run_import (portfolio, file, on_duplicate, report_file, plan_ocds, NULL);
}

int
cm_command_set_ocds_prefix (const char *portfolio, const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_portfolio (portfolio, CM_STORE_OPEN_MUST_EXIST);

  if (store == NULL)
    return 2;
  if (!cm_ocds_prefix_set (store, prefix, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("The OCDS prefix of %s is now %s.\n"), portfolio, prefix);
  return 0;
}
