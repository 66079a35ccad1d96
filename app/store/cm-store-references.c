/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-references.c: a batch's references checked whole at its end */
#include <glib/gi18n-lib.h>

#include "cm-store.h"
#include "cm-store-references.h"

/* Sets SQLite's check, saying whether it took: inside a transaction the
 * pragma does nothing, without a word. */
static gboolean
set_foreign_keys (CmDb *db, gboolean on)
{
  g_autoptr(CmDbStmt) stmt = NULL;

  if (!cm_db_exec (db, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF"))
    return FALSE;
  stmt = cm_db_prepare (db, "PRAGMA foreign_keys");
  return stmt != NULL && cm_db_step (stmt) == CM_DB_ROW &&
         (cm_db_column_int64 (stmt, 0) != 0) == on;
}

gboolean
cm_store_references_defer (CmDb *db)
{
  return set_foreign_keys (db, FALSE);
}

gboolean
cm_store_references_enforce (CmDb *db)
{
  return set_foreign_keys (db, TRUE);
}

gboolean
cm_store_references_check (CmDb *db, GError **error)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, "PRAGMA foreign_key_check");
  CmDbStep step = stmt ? cm_db_step (stmt) : CM_DB_FAILED;

  if (step == CM_DB_DONE)
    return TRUE;
  if (step == CM_DB_ROW)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                 _("These changes were not saved: a record in them refers to another that is "
                   "not in the portfolio, perhaps deleted by someone else meanwhile. Nothing "
                   "was changed; try again."));
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The portfolio could not be updated (%s). Nothing was changed."),
                 cm_db_last_message (db));
  return FALSE;
}
