/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cm-command-ocds.c: the Open Contracting commands that run without a window
 *
 * Like the other commands, they print to stdout, report errors on stderr
 * and return the exit status: 2 when the command itself is wrong, 1 when
 * the work could not be done.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

static int
import_into (CmStore *store, const char *file, CmImportDuplicate duplicate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmImportPlan) plan = NULL;
  g_autofree char *source = g_path_get_basename (file);

  plan = cm_ocds_import_plan (store, file, _("Imported from OCDS"), duplicate, &error);
  if (plan == NULL || !cm_import_plan_apply (plan, store, source, NULL, NULL, NULL, &error))
    {
      g_printerr (_("Nothing was imported from %s:\n%s\n"), file, error->message);
      return 1;
    }
  for (guint i = 0; i < cm_import_plan_new_services (plan)->len; i++)
    g_print (_("New service: %s\n"),
             (const char *) g_ptr_array_index (cm_import_plan_new_services (plan), i));
  for (guint i = 0; i < cm_import_plan_other_values (plan)->len; i++)
    g_print (_("Kept as written under Other: %s\n"),
             (const char *) g_ptr_array_index (cm_import_plan_other_values (plan), i));
  /* Counts after labels, so that no plural forms are needed. */
  g_print (_("Imported %s. Contracts created: %u; updated: %u; unchanged: %u; skipped: %u.\n"),
           source,
           cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE),
           cm_import_plan_count (plan, CM_IMPORT_ROW_UPDATE),
           cm_import_plan_count (plan, CM_IMPORT_ROW_UNCHANGED),
           cm_import_plan_count (plan, CM_IMPORT_ROW_SKIP));
  return 0;
}

static void
remove_portfolio (const char *path)
{
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL };
       *suffix; suffix++)
    {
      g_autofree char *name = g_strconcat (path, *suffix, NULL);
      g_unlink (name);
    }
}

/* As --import: a portfolio that did not exist is created for the import,
 * and removed again if the import fails. */
int
cm_command_import_ocds (const char *portfolio, const char *file, const char *on_duplicate)
{
  g_autoptr(CmStore) store = NULL;
  CmImportDuplicate duplicate;
  gboolean existed;
  int status;

  if (on_duplicate == NULL || g_str_equal (on_duplicate, "skip"))
    duplicate = CM_IMPORT_DUPLICATE_SKIP;
  else if (g_str_equal (on_duplicate, "update"))
    duplicate = CM_IMPORT_DUPLICATE_UPDATE;
  else
    {
      g_printerr (_("--on-duplicate takes update or skip, not %s.\n"), on_duplicate);
      return 2;
    }
  existed = portfolio && g_file_test (portfolio, G_FILE_TEST_EXISTS);
  store = open_portfolio (portfolio, CM_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return 2;
  status = import_into (store, file, duplicate);
  g_clear_object (&store);
  if (status != 0 && !existed)
    remove_portfolio (portfolio);
  return status;
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
