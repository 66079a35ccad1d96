/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-query-model.c: a list of one kind of record that reads rows only when shown */
#include <sqlite3.h>
#include <string.h>

#include "cm-db-pg.h"
#include "cm-db-sqlite.h"
#include "cm-query-model.h"
#include "cm-search-index.h"
#include "cm-sql-functions.h"
#include "cm-store-private.h"
#include "cm-value.h"

/* Records kept after every view let go of them, so that scrolling back
 * and forth over a screenful does not read them again. */
#define N_RECENT 256
/* Beyond this many records changed in one commit, the ids are read again
 * rather than each change placed on its own. */
#define MAX_PLACED_CHANGES 256
/* Virtual machine steps between checks that a query is still wanted. */
#define CANCEL_CHECK_STEPS 10000

struct _CmQueryModel
{
  GObject parent_instance;

  CmStore *store;
  GType type;
  CmEntityClass *klass;
  GArray *all;              /* every id of the table, ascending */
  GArray *ids;              /* the ids shown, in the order shown */
  GHashTable *alive;        /* id -> CmEntity handed out and not yet finalised */
  CmEntity *recent[N_RECENT];
  guint next_recent;
  char *needle;             /* the case-folded search text; NULL shows all */
  char *sort_property;      /* NULL: id order */
  gboolean descending;
  GCancellable *running;    /* the query in flight */
  guint generation;         /* of the newest query asked for */
  /* Read by earlier queries, good until the records change (@epoch). */
  CmSearchIndex *index;
  GArray *order;
  char *order_sql;          /* the query @order came from */
  guint epoch;
};

static void cm_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CmQueryModel, cm_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cm_query_model_list_model_init))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- SQL -------------------------------------------------------------- */

static const CmDerivedColumn *
derived_column (CmEntityClass *klass, const char *property)
{
  for (guint i = 0; klass->derived && klass->derived[i].property; i++)
    if (g_str_equal (klass->derived[i].property, property))
      return &klass->derived[i];
  return NULL;
}

/* The SQL value of @property: its column, or its derived expression. */
static char *
value_sql (CmEntityClass *klass, const char *property)
{
  const CmDerivedColumn *derived = derived_column (klass, property);
  g_autofree char *column = NULL;

  if (derived)
    return g_strdup_printf ("(%s)", derived->expression);
  column = cm_value_column_name (property);
  return g_strdup_printf ("t.%s", column);
}

/* What the list's column sorts by: text case-folded, as GTK's string
 * sorter compares it, and a choice by its place among the choices (Analyse
 * before Plan), not by its name. */
static char *
sort_sql (CmEntityClass *klass, const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  g_autofree char *value = NULL;
  GString *sql;

  if (pspec == NULL)
    return g_strdup ("t.id");
  value = value_sql (klass, property);
  if (pspec->value_type == G_TYPE_STRING)
    return g_strdup_printf ("cm_fold(coalesce(%s, ''))", value);
  if (!G_TYPE_IS_ENUM (pspec->value_type))
    return g_steal_pointer (&value);
  {
    g_autoptr(GEnumClass) choices = g_type_class_ref (pspec->value_type);

    sql = g_string_new ("CASE ");
    g_string_append (sql, value);
    for (guint i = 0; i < choices->n_values; i++)
      g_string_append_printf (sql, " WHEN '%s' THEN %d", choices->values[i].value_nick,
                              choices->values[i].value);
    g_string_append (sql, " END");
  }
  return g_string_free (sql, FALSE);
}

char *
cm_query_model_sql (GType entity_type, gboolean search, const char *sort_property,
                    gboolean descending)
{
  g_autoptr(CmEntityClass) klass = g_type_class_ref (entity_type);
  const CmDerivedColumn *search_text = derived_column (klass, "search-text");
  GString *sql = g_string_new ("SELECT t.id FROM ");

  g_string_append_printf (sql, "%s t", klass->table);
  /* The joins serve the derived values only: left joins, one row each. */
  if ((search || sort_property) && klass->joins)
    g_string_append_printf (sql, " %s", klass->joins);
  if (search && search_text)
    g_string_append_printf (sql, " WHERE instr(%s, ?1) > 0", search_text->expression);
  if (sort_property)
    {
      g_autofree char *key = sort_sql (klass, sort_property);

      /* Ties reversed too, as a reversed sort of the whole list would. */
      g_string_append_printf (sql, " ORDER BY %s %s, t.id %s", key, descending ? "DESC" : "ASC",
                              descending ? "DESC" : "ASC");
    }
  else
    g_string_append (sql, " ORDER BY t.id");
  return g_string_free (sql, FALSE);
}

/* Steps @sql over @db, collecting the first column of each row. */
static GArray *
read_ids (CmDb *db, const char *sql, const char *needle, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);
  CmDbStep step;

  if (stmt == NULL)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED, "%s", cm_db_last_message (db));
      return NULL;
    }
  if (needle)
    cm_db_bind_text_static (stmt, 1, needle);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step != CM_DB_DONE)
    {
      gboolean cancelled = cm_db_last_failure (db) == CM_DB_FAILURE_INTERRUPTED;

      g_set_error (error, CM_STORE_ERROR, cancelled ? CM_STORE_ERROR_BUSY : CM_STORE_ERROR_FAILED,
                   "%s", cm_db_last_message (db));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* ---- the query in its thread ----------------------------------------- */

/* What a search or sort needs, and what it read on the way, which the
 * list keeps for the next keystroke while the records stay as they were. */
typedef struct {
  char *path;             /* NULL: the store's own connection, on this thread */
  CmDbEngine engine;      /* which engine @path is for */
  CmDb *db;               /* that connection */
  char *index_sql;        /* every id and its search text */
  char *order_sql;        /* every id in the order asked for; NULL: id order */
  char *needle;
  CmSearchIndex *index;   /* as read before, or NULL; then as used */
  GArray *order;          /* likewise, for @order_sql */
  guint generation;
  guint epoch;
} Query;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_free (query->index_sql);
  g_free (query->order_sql);
  g_free (query->needle);
  g_clear_pointer (&query->index, cm_search_index_unref);
  g_clear_pointer (&query->order, g_array_unref);
  g_free (query);
}

static int
stop_if_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* A connection of the thread's own, reading the last committed state:
 * the store's connection stays the main thread's alone. A cancelled
 * query stops its statement part way. */
static CmDb *
open_sqlite_reader (const char *path, GCancellable *cancellable, GError **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  cm_sql_functions_install (db);
  sqlite3_progress_handler (db, CANCEL_CHECK_STEPS, stop_if_cancelled, cancellable);
  return cm_db_sqlite_adopt (db);
}

/* The same for a server's portfolio, reached again at its URI; a
 * cancelled query is dropped when its rows have come. */
static CmDb *
open_reader (Query *query, GCancellable *cancellable, GError **error)
{
  if (query->engine == CM_DB_ENGINE_POSTGRESQL)
    return cm_db_pg_connect (query->path, error);
  return open_sqlite_reader (query->path, cancellable, error);
}

/* Reads what the query lacks (the search texts, the order), then scans
 * the texts for the needle. */
static GArray *
compute (Query *query, GCancellable *cancellable, GError **error)
{
  gboolean read_index = query->needle && query->index == NULL;
  gboolean read_order = query->order_sql && query->order == NULL;
  CmDb *db = query->db;
  GArray *found = NULL;

  if ((read_index || read_order) && db == NULL &&
      (db = open_reader (query, cancellable, error)) == NULL)
    return NULL;
  if (read_index)
    query->index = cm_search_index_read (db, query->index_sql, error);
  if (read_order && (!read_index || query->index))
    query->order = read_ids (db, query->order_sql, NULL, error);
  if (db != query->db)
    cm_db_close (db);
  if ((read_index && query->index == NULL) || (read_order && query->order == NULL))
    return NULL;
  if (query->needle == NULL)
    return g_array_copy (query->order);
  found = cm_search_index_filter (query->index, query->order, query->needle, cancellable);
  if (found == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return found;
}

static void
run_query (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *ids = compute (data, cancellable, &error);

  if (ids)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

/* ---- the ids shown ---------------------------------------------------- */

static void
set_busy (CmQueryModel *self, GCancellable *running)
{
  gboolean was_busy = self->running != NULL;

  if (self->running)
    g_cancellable_cancel (self->running);
  g_set_object (&self->running, running);
  if (was_busy != (running != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Announces only the rows between what the old and new ids share at
 * either end: a search narrowed or a record added is one change. Rows
 * replaced go first, then their successors come: a selection looking for
 * its item among the rows added would read every one of them. */
static void
replace_ids (CmQueryModel *self, GArray *fresh)
{
  g_autoptr(GArray) old = self->ids;
  guint old_n = old->len, new_n = fresh->len, prefix = 0, suffix = 0;
  gint64 *a = (gint64 *) old->data, *b = (gint64 *) fresh->data;
  guint removed, added;

  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix])
    suffix++;
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  if (removed > 0 && added > 0)
    {
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);
      g_array_append_vals (self->ids, a, prefix);
      g_array_append_vals (self->ids, a + old_n - suffix, suffix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      g_clear_pointer (&self->ids, g_array_unref);
      removed = 0;
    }
  self->ids = g_array_ref (fresh);
  if (removed == 0 && added == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
shows_all (CmQueryModel *self)
{
  return self->needle == NULL && self->sort_property == NULL;
}

/* What a query read is kept while the records are as it read them. */
static void
keep_what_was_read (CmQueryModel *self, Query *query)
{
  if (query->epoch != self->epoch)
    return;
  if (query->index && query->index != self->index)
    {
      g_clear_pointer (&self->index, cm_search_index_unref);
      self->index = cm_search_index_ref (query->index);
    }
  if (query->order && query->order != self->order)
    {
      g_clear_pointer (&self->order, g_array_unref);
      self->order = g_array_ref (query->order);
      g_free (self->order_sql);
      self->order_sql = g_strdup (query->order_sql);
    }
}

/* The records changed: what was read of them is read again when needed. */
static void
forget_what_was_read (CmQueryModel *self)
{
  self->epoch++;
  g_clear_pointer (&self->index, cm_search_index_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->order_sql, g_free);
}

static void
show_result (CmQueryModel *self, Query *query, GArray *ids, GError *error)
{
  keep_what_was_read (self, query);
  if (query->generation != self->generation)
    return;
  /* The rows first: whoever waits for "busy" to end finds them there. */
  if (ids)
    replace_ids (self, ids);
  set_busy (self, NULL);
  if (ids == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read the %s list: %s", self->klass->table, error->message);
}

static void
query_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);

  show_result (CM_QUERY_MODEL (source), g_task_get_task_data (G_TASK (result)), ids, error);
}

/* Every id of the table, ascending: a walk of its primary key. */
static void
read_all (CmQueryModel *self)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", self->klass->table);
  g_autoptr(GError) error = NULL;
  GArray *all = read_ids (cm_store_get_db (self->store), sql, NULL, &error);

  if (all == NULL)
    {
      g_warning ("Could not read the %s list: %s", self->klass->table, error->message);
      all = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  g_clear_pointer (&self->all, g_array_unref);
  self->all = all;
}

static GArray *
copy_ids (GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

static char *
index_sql (CmEntityClass *klass)
{
  const CmDerivedColumn *search_text = derived_column (klass, "search-text");

  return g_strdup_printf ("SELECT t.id, %s FROM %s t %s ORDER BY t.id",
                          search_text ? search_text->expression : "''", klass->table,
                          klass->joins ? klass->joins : "");
}

static Query *
query_new (CmQueryModel *self)
{
  Query *query = g_new0 (Query, 1);

  query->needle = g_strdup (self->needle);
  query->index_sql = index_sql (self->klass);
  if (self->sort_property)
    query->order_sql = cm_query_model_sql (self->type, FALSE, self->sort_property,
                                           self->descending);
  query->index = self->index ? cm_search_index_ref (self->index) : NULL;
  if (self->order && g_strcmp0 (self->order_sql, query->order_sql) == 0)
    query->order = g_array_ref (self->order);
  query->generation = self->generation;
  query->epoch = self->epoch;
  return query;
}

/* Where a connection of the query's own finds the portfolio: a server's
 * URI, or a file; NULL or "" for one held in memory (an old file opened
 * read-only), which no other connection can read. */
static const char *
reader_path (CmStore *store)
{
  CmDb *db = cm_store_get_db (store);

  if (cm_db_engine (db) == CM_DB_ENGINE_POSTGRESQL)
    return cm_db_pg_uri (db);
  return sqlite3_db_filename (cm_db_sqlite_handle (db), "main");
}

/* Reads the ids again for the search and order asked for: at once when
 * that is the whole table in id order, which the list keeps; else in a
 * thread, the rows shown until then staying as they were. */
static void
requery (CmQueryModel *self)
{
  const char *path = reader_path (self->store);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  Query *query;

  self->generation++;
  if (shows_all (self))
    {
      g_autoptr(GArray) all = copy_ids (self->all);

      set_busy (self, NULL);
      replace_ids (self, all);
      return;
    }
  query = query_new (self);
  /* A portfolio only the store's connection reaches is read here. */
  if (path == NULL || *path == '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;

      query->db = cm_store_get_db (self->store);
      ids = compute (query, NULL, &error);
      show_result (self, query, ids, error);
      query_free (query);
      return;
    }
  query->path = g_strdup (path);
  query->engine = cm_db_engine (cm_store_get_db (self->store));
  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  task = g_task_new (self, cancellable, query_done, NULL);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, run_query);
}

/* ---- records handed out ----------------------------------------------- */

static void
record_gone (gpointer data, GObject *where_the_record_was)
{
  CmQueryModel *self = data;
  GHashTableIter iter;
  gpointer record;

  /* Its id can no longer be read from it: found by address. */
  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    if (record == (gpointer) where_the_record_was)
      {
        g_hash_table_iter_remove (&iter);
        return;
      }
}

static void
forget_record (CmQueryModel *self, gint64 id)
{
  CmEntity *record = g_hash_table_lookup (self->alive, &id);

  if (record == NULL)
    return;
  g_object_weak_unref (G_OBJECT (record), record_gone, self);
  g_hash_table_remove (self->alive, &id);
}

static void
keep_recent (CmQueryModel *self, CmEntity *record)
{
  g_clear_object (&self->recent[self->next_recent]);
  self->recent[self->next_recent] = g_object_ref (record);
  self->next_recent = (self->next_recent + 1) % N_RECENT;
}

static CmEntity *
record_of (CmQueryModel *self, gint64 id)
{
  CmEntity *record = g_hash_table_lookup (self->alive, &id);
  g_autoptr(GError) error = NULL;

  if (record)
    return g_object_ref (record);
  record = cm_store_load (self->store, self->type, id, &error);
  if (record == NULL)
    {
      /* Deleted since the ids were read: a blank row until the list
       * catches up with the deletion. */
      record = g_object_new (self->type, NULL);
      cm_entity_set_id (record, id);
      return record;
    }
  g_hash_table_insert (self->alive, g_memdup2 (&id, sizeof id), record);
  g_object_weak_ref (G_OBJECT (record), record_gone, self);
  keep_recent (self, record);
  return record;
}

/* Reads again every record handed out that a change may have altered,
 * each changing in place; @ids NULL: every one. */
static void
reload_records (CmQueryModel *self, GArray *ids)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer record;

  if (ids == NULL)
    {
      g_hash_table_iter_init (&iter, self->alive);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        g_ptr_array_add (records, g_object_ref (record));
    }
  else
    for (guint i = 0; i < ids->len; i++)
      if ((record = g_hash_table_lookup (self->alive, &g_array_index (ids, gint64, i))))
        g_ptr_array_add (records, g_object_ref (record));
  /* Assigning notifies views, which may ask for rows: collected first. */
  for (guint i = 0; i < records->len; i++)
    {
      CmEntity *listed = g_ptr_array_index (records, i);
      g_autoptr(CmEntity) fresh = cm_store_load (self->store, self->type,
                                                 cm_entity_get_id (listed), NULL);

      if (fresh)
        cm_entity_assign (listed, fresh);
    }
}

/* ---- following the store ---------------------------------------------- */

static gboolean
find_sorted (GArray *ids, gint64 id, guint *position)
{
  guint low = 0, high = ids->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 here = g_array_index (ids, gint64, middle);

      if (here == id)
        {
          *position = middle;
          return TRUE;
        }
      if (here < id)
        low = middle + 1;
      else
        high = middle;
    }
  *position = low;
  return FALSE;
}

static gboolean
matches_search (CmQueryModel *self, gint64 id)
{
  const CmDerivedColumn *search_text = derived_column (self->klass, "search-text");
  g_autofree char *sql = NULL;
  g_autoptr(CmDbStmt) stmt = NULL;

  if (self->needle == NULL || search_text == NULL)
    return TRUE;
  sql = g_strdup_printf ("SELECT 1 FROM %s t %s WHERE t.id = ?1 AND instr(%s, ?2) > 0",
                         self->klass->table, self->klass->joins ? self->klass->joins : "",
                         search_text->expression);
  stmt = cm_db_prepare (cm_store_get_db (self->store), sql);
  if (stmt == NULL)
    return FALSE;
  cm_db_bind_int64 (stmt, 1, id);
  cm_db_bind_text_static (stmt, 2, self->needle);
  return cm_db_step (stmt) == CM_DB_ROW;
}

static void
remove_shown (CmQueryModel *self, guint position)
{
  g_array_remove_index (self->ids, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
insert_shown (CmQueryModel *self, guint position, gint64 id)
{
  g_array_insert_val (self->ids, position, id);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
place_deleted (CmQueryModel *self, gint64 id)
{
  guint position;

  forget_record (self, id);
  if (find_sorted (self->all, id, &position))
    g_array_remove_index (self->all, position);
  if ((position = cm_query_model_find (self, id)) != G_MAXUINT)
    remove_shown (self, position);
}

/* A new record joins where its id puts it, or (sorted otherwise) last
 * until the ids are read again: the page can select it at once. */
static void
place_saved (CmQueryModel *self, gint64 id)
{
  guint position;

  if (!find_sorted (self->all, id, &position))
    g_array_insert_val (self->all, position, id);
  if (cm_query_model_find (self, id) != G_MAXUINT || !matches_search (self, id))
    return;
  if (self->sort_property)
    insert_shown (self, self->ids->len, id);
  else
    {
      find_sorted (self->ids, id, &position);
      insert_shown (self, position, id);
    }
}

static gboolean
depends_on (CmQueryModel *self, const char *table)
{
  for (guint i = 0; self->klass->derived && self->klass->derived[i].property; i++)
    for (guint j = 0; j < G_N_ELEMENTS (self->klass->derived[i].depends_on); j++)
      if (g_strcmp0 (self->klass->derived[i].depends_on[j], table) == 0)
        return TRUE;
  return FALSE;
}

static void
records_changed (CmStore *store, const char *table, GArray *saved, GArray *deleted,
                 CmQueryModel *self)
{
  gboolean own = table && g_str_equal (table, self->klass->table);
  g_autoptr(GArray) reached = NULL;

  if (table && !own && !depends_on (self, table))
    return;
  forget_what_was_read (self);
  /* Another table's few changes: only the records whose derived values
   * they reach are read again, not every record held. */
  if (table && !own && saved && deleted &&
      (reached = cm_store_ids_reached (store, self->type, table)) != NULL)
    {
      reload_records (self, reached);
      if (!shows_all (self))
        requery (self);
      return;
    }
  if (!own || saved == NULL || deleted == NULL ||
      saved->len + deleted->len > MAX_PLACED_CHANGES)
    {
      /* Another table's change alters derived values, which only a search
       * or sort can see; a change of many records is read whole. */
      reload_records (self, NULL);
      if (own || table == NULL)
        read_all (self);
      if (own || table == NULL || !shows_all (self))
        requery (self);
      return;
    }
  for (guint i = 0; i < deleted->len; i++)
    place_deleted (self, g_array_index (deleted, gint64, i));
  reload_records (self, saved);
  for (guint i = 0; i < saved->len; i++)
    place_saved (self, g_array_index (saved, gint64, i));
  /* A saved record may now sort elsewhere or no longer match. */
  if (!shows_all (self) && saved->len > 0)
    requery (self);
  else if (self->running)
    requery (self); /* the query in flight read the file before this change */
}

/* ---- GListModel ------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return CM_QUERY_MODEL (model)->type;
}

static guint
get_n_items (GListModel *model)
{
  return CM_QUERY_MODEL (model)->ids->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  CmQueryModel *self = CM_QUERY_MODEL (model);

  if (position >= self->ids->len)
    return NULL;
  return record_of (self, g_array_index (self->ids, gint64, position));
}

static void
cm_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- the object ------------------------------------------------------- */

static void
cm_query_model_dispose (GObject *object)
{
  CmQueryModel *self = CM_QUERY_MODEL (object);
  GHashTableIter iter;
  gpointer record;

  /* A query still in its thread ends unseen. */
  self->generation++;
  if (self->running)
    g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->alive)
    {
      g_hash_table_iter_init (&iter, self->alive);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        g_object_weak_unref (record, record_gone, self);
      g_hash_table_remove_all (self->alive);
    }
  for (guint i = 0; i < N_RECENT; i++)
    g_clear_object (&self->recent[i]);

  G_OBJECT_CLASS (cm_query_model_parent_class)->dispose (object);
}

static void
cm_query_model_finalize (GObject *object)
{
  CmQueryModel *self = CM_QUERY_MODEL (object);

  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_clear_pointer (&self->all, g_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_free (self->needle);
  g_free (self->sort_property);
  forget_what_was_read (self);

  G_OBJECT_CLASS (cm_query_model_parent_class)->finalize (object);
}

static void
cm_query_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmQueryModel *self = CM_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, cm_query_model_is_busy (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_query_model_class_init (CmQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cm_query_model_dispose;
  object_class->finalize = cm_query_model_finalize;
  object_class->get_property = cm_query_model_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_query_model_init (CmQueryModel *self)
{
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- public API ------------------------------------------------------- */

CmQueryModel *
cm_query_model_new (CmStore *store, GType entity_type)
{
  CmQueryModel *self;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (entity_type, CM_TYPE_ENTITY), NULL);

  self = g_object_new (CM_TYPE_QUERY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->type = entity_type;
  self->klass = g_type_class_ref (entity_type);
  read_all (self);
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = copy_ids (self->all);
  g_signal_connect_object (store, "records-changed", G_CALLBACK (records_changed), self, 0);
  return self;
}

void
cm_query_model_set_search (CmQueryModel *self, const char *text)
{
  g_autofree char *needle = text && *text ? g_utf8_casefold (text, -1) : NULL;

  g_return_if_fail (CM_IS_QUERY_MODEL (self));

  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  requery (self);
}

void
cm_query_model_set_sort (CmQueryModel *self, const char *property, gboolean descending)
{
  g_return_if_fail (CM_IS_QUERY_MODEL (self));

  if (g_strcmp0 (property, self->sort_property) == 0 &&
      (property == NULL || descending == self->descending))
    return;
  g_free (self->sort_property);
  self->sort_property = g_strdup (property);
  self->descending = descending;
  requery (self);
}

gboolean
cm_query_model_is_busy (CmQueryModel *self)
{
  g_return_val_if_fail (CM_IS_QUERY_MODEL (self), FALSE);

  return self->running != NULL;
}

gboolean
cm_query_model_is_empty (CmQueryModel *self)
{
  g_return_val_if_fail (CM_IS_QUERY_MODEL (self), TRUE);

  return self->all->len == 0;
}

guint
cm_query_model_find (CmQueryModel *self, gint64 id)
{
  guint position;

  g_return_val_if_fail (CM_IS_QUERY_MODEL (self), G_MAXUINT);

  /* Without a sort of their own the ids ascend, searched or not. */
  if (self->sort_property == NULL)
    return find_sorted (self->ids, id, &position) ? position : G_MAXUINT;
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}
