/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-bulk.c: readying a portfolio for many rows in one transaction */
#include <glib/gi18n-lib.h>

#include "cm-store-bulk.h"
#include "cm-store-private.h"

/* Pages kept for the batch: 64 MiB, against the 8 MiB a connection keeps. */
#define BULK_CACHE_KIB 65536
/* Rows from which the pages written once pay for leaving WAL and coming
 * back (a few fsyncs each way): an import of 1,000 rows takes about 5%
 * longer with the switch, one of 10,000 as long, one of 50,000 10% less. */
#define JOURNAL_MIN_ROWS 10000

struct _CmStoreBulk
{
  CmStore *store;
  CmDb *db;
  GPtrArray *rebuild;  /* CREATE INDEX statements of the indexes dropped */
  int cache_size;      /* PRAGMA cache_size before the batch */
  GArray *rows;        /* RowMark of each row that deferred statements */
};

/* Row @row's statements are those deferred after the first @before. */
typedef struct {
  guint64 before;
  guint row;
} RowMark;

static gboolean
failed (CmDb *db, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The portfolio could not be updated (%s). Nothing was changed."),
               cm_db_last_message (db));
  return FALSE;
}

static gboolean
query_int (CmDb *db, const char *sql, const char *text, gint64 *value)
{
  CmDbStmt *stmt = cm_db_prepare (db, sql);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (text)
    cm_db_bind_text_static (stmt, 1, text);
  if (cm_db_step (stmt) == CM_DB_ROW)
    {
      *value = cm_db_column_int64 (stmt, 0);
      found = TRUE;
    }
  cm_db_stmt_free (stmt);
  return found;
}

/* Rows @table holds now; a table that will at least double is worth
 * indexing afresh. */
static gboolean
will_double (CmDb *db, const char *table, gint64 n_rows)
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
  CmDbStmt *stmt = cm_db_prepare (bulk->db,
                                  "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                  " AND tbl_name = ? AND sql IS NOT NULL"
                                  " AND sql NOT LIKE 'CREATE UNIQUE%'");

  if (stmt == NULL)
    return failed (bulk->db, error);
  cm_db_bind_text_static (stmt, 1, table);
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      g_ptr_array_add (names, g_strdup (cm_db_column_text (stmt, 0)));
      g_ptr_array_add (bulk->rebuild, g_strdup (cm_db_column_text (stmt, 1)));
    }
  cm_db_stmt_free (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (!cm_db_exec (bulk->db, sql))
        return failed (bulk->db, error);
    }
  return TRUE;
}

static void
set_cache_size (CmDb *db, int size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  cm_db_exec (db, sql);
}

CmStoreBulk *
cm_store_bulk_begin (CmStore *store, const char * const *tables, gint64 n_rows, GError **error)
{
  g_autoptr(CmStoreBulk) bulk = g_new0 (CmStoreBulk, 1);
  g_autoptr(GPtrArray) doubled = NULL;  /* the tables that will at least double */
  gint64 cache_size = 0;

  g_return_val_if_fail (cm_db_in_transaction (cm_store_get_db (store)), NULL);

  bulk->store = store;
  bulk->db = cm_store_get_db (store);
  bulk->rebuild = g_ptr_array_new_with_free_func (g_free);
  bulk->rows = g_array_new (FALSE, FALSE, sizeof (RowMark));
  /* Each row's INSERTs need not wait for the server's answer: a failure
   * among them fails the batch at its end (cm_store_bulk_end ()) or at
   * the first read before it. */
  cm_db_defer_results (bulk->db, TRUE);
  cm_store_keep_deferred_saves (store, cm_db_engine (bulk->db) != CM_DB_ENGINE_SQLITE);
  /* A server's indexes and cache are its own: dropping an index needs
   * the tables' owner, and would shut every reader out until the import
   * commits. */
  if (cm_db_engine (bulk->db) != CM_DB_ENGINE_SQLITE)
    return g_steal_pointer (&bulk);
  doubled = g_ptr_array_new ();
  for (guint i = 0; tables[i]; i++)
    if (will_double (bulk->db, tables[i], n_rows))
      g_ptr_array_add (doubled, (gpointer) tables[i]);
  /* The pages of a portfolio that grows that much are written once with
   * a rollback journal, twice through WAL. */
  if (doubled->len > 0 && n_rows >= JOURNAL_MIN_ROWS && !cm_store_begin_alone (store, error))
    return NULL;
  /* Unread, the cache is left as it is: there would be nothing to put back. */
  if (!query_int (bulk->db, "PRAGMA cache_size", NULL, &cache_size))
    cache_size = 0;
  bulk->cache_size = (int) cache_size;
  for (guint i = 0; i < doubled->len; i++)
    if (!drop_indexes (bulk, doubled->pdata[i], error))
      return NULL;
  if (cache_size != 0 && cache_size > -BULK_CACHE_KIB)
    set_cache_size (bulk->db, -BULK_CACHE_KIB);
  return g_steal_pointer (&bulk);
}

void
cm_store_bulk_row (CmStoreBulk *bulk, guint row)
{
  guint64 failed_at;
  RowMark mark = { cm_db_deferred (bulk->db, &failed_at), row };
  RowMark *last = bulk->rows->len > 0
    ? &g_array_index (bulk->rows, RowMark, bulk->rows->len - 1) : NULL;

  if (last != NULL && last->before == mark.before)
    last->row = row; /* the row before deferred nothing */
  else
    g_array_append_val (bulk->rows, mark);
}

guint
cm_store_bulk_failed_row (CmStoreBulk *bulk)
{
  guint64 failed_at;
  guint low = 0, high = bulk->rows->len;

  cm_db_deferred (bulk->db, &failed_at);
  if (failed_at == 0)
    return 0;
  /* How many rows were marked before the statement that failed: the
   * last of them wrote it. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (bulk->rows, RowMark, middle).before < failed_at)
        low = middle + 1;
      else
        high = middle;
    }
  return low > 0 ? g_array_index (bulk->rows, RowMark, low - 1).row : 0;
}

gboolean
cm_store_bulk_rows_done (CmStoreBulk *bulk, GError **error)
{
  if (!cm_db_defer_results (bulk->db, FALSE))
    return cm_store_refusal_error (bulk->store, error);
  return TRUE;
}

gboolean
cm_store_bulk_end (CmStoreBulk *bulk, GError **error)
{
  g_autoptr(CmStoreBulk) owned = bulk;

  if (!cm_store_bulk_rows_done (bulk, error))
    return FALSE;
  for (guint i = 0; i < bulk->rebuild->len; i++)
    if (!cm_db_exec (bulk->db, bulk->rebuild->pdata[i]))
      return failed (bulk->db, error);
  return TRUE;
}

void
cm_store_bulk_free (CmStoreBulk *bulk)
{
  if (bulk == NULL)
    return;
  cm_db_defer_results (bulk->db, FALSE); /* the transaction is rolled back */
  cm_store_keep_deferred_saves (bulk->store, FALSE);
  if (bulk->cache_size != 0)
    set_cache_size (bulk->db, bulk->cache_size);
  g_clear_pointer (&bulk->rebuild, g_ptr_array_unref);
  g_clear_pointer (&bulk->rows, g_array_unref);
  g_free (bulk);
}
