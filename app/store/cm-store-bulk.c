/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-bulk.c: readying a portfolio file for many rows in one transaction */
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cm-store-bulk.h"
#include "cm-store-private.h"

/* Pages kept for the batch: 64 MiB, against the 8 MiB a connection keeps. */
#define BULK_CACHE_KIB 65536

struct _CmStoreBulk
{
  sqlite3 *db;
  GPtrArray *rebuild;  /* CREATE INDEX statements of the indexes dropped */
  int cache_size;      /* PRAGMA cache_size before the batch */
};

static gboolean
failed (sqlite3 *db, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The portfolio file could not be updated (%s). Nothing was changed."),
               sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
query_int (sqlite3 *db, const char *sql, const char *text, gint64 *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      found = TRUE;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Rows @table holds now; a table that will at least double is worth
 * indexing afresh. */
static gboolean
will_double (sqlite3 *db, const char *table, gint64 n_rows)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM \"%s\" LIMIT %"
                                          G_GINT64_FORMAT ") AS n", table, n_rows + 1);
  gint64 held = 0;

  return query_int (db, sql, NULL, &held) && held <= n_rows;
}

/* Drops the indexes of @table that only speed up reading; those that keep
 * values unique stay, so a duplicate is refused at its own row. */
static gboolean
drop_indexes (CmStoreBulk *bulk, const char *table, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (bulk->db, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                          " AND tbl_name = ? AND sql IS NOT NULL"
                          " AND sql NOT LIKE 'CREATE UNIQUE%'", -1, &stmt, NULL) != SQLITE_OK)
    return failed (bulk->db, error);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (bulk->rebuild, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (sqlite3_exec (bulk->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return failed (bulk->db, error);
    }
  return TRUE;
}

static void
set_cache_size (sqlite3 *db, int size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

CmStoreBulk *
cm_store_bulk_begin (CmStore *store, const char * const *tables, gint64 n_rows, GError **error)
{
  g_autoptr(CmStoreBulk) bulk = g_new0 (CmStoreBulk, 1);
  gint64 cache_size = 0;

  g_return_val_if_fail (sqlite3_get_autocommit (cm_store_get_database (store)) == 0, NULL);

  bulk->db = cm_store_get_database (store);
  bulk->rebuild = g_ptr_array_new_with_free_func (g_free);
  /* Unread, the cache is left as it is: there would be nothing to put back. */
  if (!query_int (bulk->db, "PRAGMA cache_size", NULL, &cache_size))
    cache_size = 0;
  bulk->cache_size = (int) cache_size;
  for (guint i = 0; tables[i]; i++)
    if (will_double (bulk->db, tables[i], n_rows) && !drop_indexes (bulk, tables[i], error))
      return NULL;
  if (cache_size != 0 && cache_size > -BULK_CACHE_KIB)
    set_cache_size (bulk->db, -BULK_CACHE_KIB);
  return g_steal_pointer (&bulk);
}

gboolean
cm_store_bulk_end (CmStoreBulk *bulk, GError **error)
{
  g_autoptr(CmStoreBulk) owned = bulk;

  for (guint i = 0; i < bulk->rebuild->len; i++)
    if (sqlite3_exec (bulk->db, bulk->rebuild->pdata[i], NULL, NULL, NULL) != SQLITE_OK)
      return failed (bulk->db, error);
  return TRUE;
}

void
cm_store_bulk_free (CmStoreBulk *bulk)
{
  if (bulk == NULL)
    return;
  if (bulk->cache_size != 0)
    set_cache_size (bulk->db, bulk->cache_size);
  g_clear_pointer (&bulk->rebuild, g_ptr_array_unref);
  g_free (bulk);
}
