/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-references.c: a batch's references checked whole at its end */
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cm-store.h"
#include "cm-store-references.h"

/* Every reference of the schema: the table and column that refer, the
 * table and column referred to (NULL for its primary key), and how many
 * columns the reference has. */
#define REFERENCES_SQL \
  "SELECT m.name, f.\"from\", f.\"table\", f.\"to\"," \
  " (SELECT count(*) FROM pragma_foreign_key_list (m.name) g WHERE g.id = f.id)" \
  " FROM sqlite_master m, pragma_foreign_key_list (m.name) f" \
  " WHERE m.type = 'table' AND f.seq = 0"

/* Whether SQLite's check is on, as read back: inside a transaction the
 * pragma that sets it does nothing, without a word. */
static gboolean
foreign_keys_on (CmDb *db)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, "PRAGMA foreign_keys");

  return stmt != NULL && cm_db_step (stmt) == CM_DB_ROW && cm_db_column_int64 (stmt, 0) != 0;
}

/* Off unless it is known to be on: a check left off is then checked
 * whole at the commit, never forgotten. */
gboolean
cm_store_references_defer (CmDb *db)
{
  cm_db_exec (db, "PRAGMA foreign_keys = OFF");
  return !foreign_keys_on (db);
}

gboolean
cm_store_references_enforce (CmDb *db)
{
  cm_db_exec (db, "PRAGMA foreign_keys = ON");
  return foreign_keys_on (db);
}

/* A query giving a row when the reference of @refs' current row leads
 * nowhere. A one-column reference to a named column is asked of its
 * distinct values, which an index that begins with the column gives
 * without reading the table: the providers of a million contracts in a
 * tenth of a second, where SQLite's own check reads every contract. */
static char *
dangling_sql (CmDbStmt *refs)
{
  const char *table = cm_db_column_text (refs, 0);
  const char *parent_key = cm_db_column_text (refs, 3);
  char *sql, *copy;

  if (parent_key == NULL || cm_db_column_int64 (refs, 4) != 1)
    sql = sqlite3_mprintf ("PRAGMA foreign_key_check (\"%w\")", table);
  else
    sql = sqlite3_mprintf ("SELECT 1 FROM (SELECT DISTINCT \"%w\" AS value FROM \"%w\") AS r"
                           " WHERE value IS NOT NULL AND NOT EXISTS"
                           " (SELECT 1 FROM \"%w\" WHERE \"%w\" = r.value)",
                           cm_db_column_text (refs, 1), table, cm_db_column_text (refs, 2),
                           parent_key);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static CmDbStep
first_step (CmDb *db, const char *sql)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);

  return stmt ? cm_db_step (stmt) : CM_DB_FAILED;
}

/* Whether every reference in @db leads to a record: TRUE, FALSE, or
 * FALSE with @error set when the check could not be made. */
static gboolean
all_lead_somewhere (CmDb *db, GError **error)
{
  g_autoptr(CmDbStmt) refs = cm_db_prepare (db, REFERENCES_SQL);
  CmDbStep step = refs ? cm_db_step (refs) : CM_DB_FAILED;

  for (; step == CM_DB_ROW; step = cm_db_step (refs))
    {
      g_autofree char *sql = dangling_sql (refs);
      CmDbStep dangling = first_step (db, sql);

      if (dangling == CM_DB_ROW)
        return FALSE;
      if (dangling == CM_DB_FAILED)
        break;
    }
  if (step == CM_DB_DONE)
    return TRUE;
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The portfolio could not be updated (%s). Nothing was changed."),
               cm_db_last_message (db));
  return FALSE;
}

gboolean
cm_store_references_intact (CmDb *db)
{
  return all_lead_somewhere (db, NULL);
}

gboolean
cm_store_references_check (CmDb *db, GError **error)
{
  g_autoptr(GError) failure = NULL;

  if (all_lead_somewhere (db, &failure))
    return TRUE;
  if (failure)
    g_propagate_error (error, g_steal_pointer (&failure));
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                 _("Nothing was saved: a record among these changes refers to another that is "
                   "not in the portfolio, so the portfolio is as it was. Please report this "
                   "as a problem with Commissioner."));
  return FALSE;
}
