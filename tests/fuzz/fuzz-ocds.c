/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* fuzz-ocds.c: libFuzzer target for the OCDS import's reading and planning
 *
 * Each input is an OCDS file: parsed, its releases merged, its contracts
 * read into an import plan against a portfolio made once for the run.
 * The plan is never applied, so nothing is written; a plan or an error,
 * never both, and every problem names a JSON path.
 */
#include <glib/gstdio.h>
#include <unistd.h>

#include "cm-json-path.h"
#include "cm-ocds-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char *
work_path (const char *name)
{
  static GHashTable *paths;
  char *path;

  if (!paths)
    paths = g_hash_table_new (g_str_hash, g_str_equal);
  if ((path = g_hash_table_lookup (paths, name)) == NULL)
    {
      path = g_strdup_printf ("%s/fuzz-ocds-%d-%s", g_get_tmp_dir (), (int) getpid (), name);
      g_hash_table_insert (paths, (gpointer) name, path);
    }
  return path;
}

static CmStore *
portfolio (void)
{
  static CmStore *store;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    {
      g_unlink (work_path ("portfolio.commissioner"));
      store = cm_store_open (work_path ("portfolio.commissioner"), CM_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  CmStore *store = portfolio ();
  const char *path = work_path ("input.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CmImportPlan) plan = NULL;

  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;
  plan = cm_ocds_import_plan (store, path, CM_OCDS_FALLBACK_SERVICE, CM_IMPORT_DUPLICATE_UPDATE,
                              &error);
  g_assert ((plan == NULL) != (error == NULL));
  /* A problem with the file names its JSON path first. */
  if (error)
    g_assert (g_utf8_validate (error->message, -1, NULL) &&
              (error->domain == CM_IMPORT_ERROR ||
               ((error->domain == CM_OCDS_ERROR || error->domain == CM_JSON_PATH_ERROR) &&
                error->message[0] == '$')));
  else
    g_assert (cm_import_plan_count (plan, CM_IMPORT_ROW_INVALID) == 0);
  g_unlink (path);
  return 0;
}
