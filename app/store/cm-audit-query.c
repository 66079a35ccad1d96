/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-query.c: the audit trail filtered, newest first, for reviewers */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit.h"
#include "cm-audit-query.h"
#include "cm-date.h"
#include "cm-safe-write.h"
#include "cm-store-private.h"

#define PAGE_SIZE 100
#define PAGES_KEPT 8

/* A row is part of its record's creation when it set a first value and
 * the rows from the record's first one to it are all the record's own (one
 * action writes its rows together), within the same second; part of its
 * deletion when it cleared a value and nothing later gave the record a
 * value again. */
#define FIRST_ROW_SQL \
  "(SELECT b.id FROM audit b WHERE b.entity = a.entity AND b.entity_id = a.entity_id" \
  " ORDER BY b.id LIMIT 1)"
#define STEP_SQL \
  "CASE WHEN a.old_value IS NULL AND NOT EXISTS (SELECT 1 FROM audit c" \
  "  WHERE c.id < a.id AND c.id > " FIRST_ROW_SQL \
  "  AND (c.entity <> a.entity OR c.entity_id <> a.entity_id))" \
  " AND substr(a.at, 1, 19) = (SELECT substr(f.at, 1, 19) FROM audit f" \
  "  WHERE f.id = " FIRST_ROW_SQL ") THEN 1" \
  " WHEN a.new_value IS NULL AND NOT EXISTS (SELECT 1 FROM audit b WHERE" \
  "  b.entity = a.entity AND b.entity_id = a.entity_id AND b.id > a.id" \
  "  AND b.new_value IS NOT NULL) THEN 3 ELSE 2 END"

#define COLUMNS_SQL \
  "a.id, a.at, a.actor, a.entity, a.entity_id, a.field, a.old_value, a.new_value, " STEP_SQL

/* Only these fixed conditions are ever joined into the query; every value
 * is bound, never written into the SQL. (The search's LIKE ignores ASCII
 * case in SQLite; the PostgreSQL dialect is to write ILIKE.) */
static const char *conditions[] = {
  "a.entity = :table",
  "a.entity_id = :entity_id",
  "a.actor = :actor",
  "a.at >= :from",
  "a.at < :day_after_to",
  "(" STEP_SQL ") = :step",
  "a.field = :field",
  "(a.actor LIKE :search ESCAPE '\\' OR a.field LIKE :search ESCAPE '\\'"
  " OR a.old_value LIKE :search ESCAPE '\\' OR a.new_value LIKE :search ESCAPE '\\'"
  " OR a.old_value LIKE :nick ESCAPE '\\' OR a.new_value LIKE :nick ESCAPE '\\')",
  NULL, /* the rows listed: rows_condition () */
};

/* A list of row ids bound as one JSON array: each engine has its own
 * function to open it. */
static const char *
rows_condition (CmDb *db)
{
  if (cm_db_engine (db) == CM_DB_ENGINE_POSTGRESQL)
    return "a.id IN (SELECT CAST (value AS BIGINT)"
           " FROM json_array_elements_text (CAST (:rows AS json)))";
  return "a.id IN (SELECT value FROM json_each(:rows))";
}

static gboolean
sql_failed (CmDb *db, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("The audit trail could not be read (%s). Close other programs using the "
                 "portfolio and try again."), cm_db_last_message (db));
  return FALSE;
}

static char *
where_of (CmDb *db, const CmAuditFilter *filter)
{
  gboolean used[] = {
    filter->table != NULL, filter->entity_id > 0, filter->actor != NULL,
    filter->from != NULL, filter->to != NULL, filter->step != CM_AUDIT_STEP_ANY,
    filter->field != NULL, filter->search != NULL && *filter->search,
    filter->rows != NULL,
  };
  GString *where = g_string_new (" WHERE TRUE");

  G_STATIC_ASSERT (G_N_ELEMENTS (used) == G_N_ELEMENTS (conditions));
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    if (used[i])
      g_string_append_printf (where, " AND %s",
                              conditions[i] ? conditions[i] : rows_condition (db));
  return g_string_free (where, FALSE);
}

static void
bind_text (CmDbStmt *stmt, const char *name, const char *value)
{
  int index = cm_db_bind_index (stmt, name);

  if (index > 0)
    cm_db_bind_text (stmt, index, value);
}

/* "[12,40,41]": a list of row ids bound as one value. */
static char *
json_ids (GArray *rows)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; rows && i < rows->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (rows, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The day after @day (YYYY-MM-DD), as the end of a range that takes in
 * all of @day; NULL, which matches nothing, when @day is no such date.
 * Worked out here, as the engines share no date arithmetic. */
static char *
day_after (const char *day)
{
  GDate date;

  if (!cm_date_parse_iso (day, &date))
    return NULL;
  g_date_add_days (&date, 1);
  return cm_date_format_iso (&date);
}

/* "50%_off" → "%50\%\_off%": the search matches the words as typed. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* A filter's values by the names its conditions bind them to, kept to
 * bind again after each reset of a statement, which clears them. */
typedef struct {
  char *table, *actor, *from, *day_after_to, *field, *search, *nick, *rows;
  gint64 entity_id;
  int step;
} FilterValues;

static void
filter_values_clear (FilterValues *values)
{
  g_free (values->table);
  g_free (values->actor);
  g_free (values->from);
  g_free (values->day_after_to);
  g_free (values->field);
  g_free (values->search);
  g_free (values->nick);
  g_free (values->rows);
  memset (values, 0, sizeof *values);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterValues, filter_values_clear)

static void
filter_values_init (FilterValues *values, const CmAuditFilter *filter)
{
  values->table = g_strdup (filter->table);
  values->actor = g_strdup (filter->actor);
  values->from = g_strdup (filter->from);
  values->day_after_to = day_after (filter->to);
  values->field = g_strdup (filter->field);
  values->search = filter->search ? like_pattern (filter->search) : NULL;
  /* The trail keeps a choice by its nick: "Executive Board" is stored as
   * "executive-board", so the words people see find it too. */
  if (values->search)
    values->nick = g_strdelimit (g_ascii_strdown (values->search, -1), " ", '-');
  if (filter->rows)
    values->rows = json_ids (filter->rows);
  values->entity_id = filter->entity_id;
  values->step = filter->step;
}

static void
bind_filter (CmDbStmt *stmt, const FilterValues *values)
{
  int index;

  bind_text (stmt, ":table", values->table);
  bind_text (stmt, ":actor", values->actor);
  bind_text (stmt, ":from", values->from);
  bind_text (stmt, ":day_after_to", values->day_after_to);
  bind_text (stmt, ":field", values->field);
  bind_text (stmt, ":search", values->search);
  if (values->nick)
    bind_text (stmt, ":nick", values->nick);
  if (values->rows)
    bind_text (stmt, ":rows", values->rows);
  if ((index = cm_db_bind_index (stmt, ":entity_id")) > 0)
    cm_db_bind_int64 (stmt, index, values->entity_id);
  if ((index = cm_db_bind_index (stmt, ":step")) > 0)
    cm_db_bind_int64 (stmt, index, values->step);
}

static CmDbStmt *
prepare (CmDb *db, const char *head, const CmAuditFilter *filter, const char *tail,
         GError **error)
{
  g_autofree char *where = where_of (db, filter);
  g_autofree char *sql = g_strconcat (head, where, tail, NULL);
  CmDbStmt *stmt = cm_db_prepare (db, sql);

  if (stmt == NULL)
    sql_failed (db, error);
  return stmt;
}

static GStrv
strings_of (CmStore *store, const char *sql, const char *parameter, GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  CmDbStmt *stmt = NULL;
  CmDbStep rc;

  if ((stmt = cm_db_prepare (db, sql)) == NULL)
    return sql_failed (db, error), NULL;
  if (parameter)
    cm_db_bind_text_static (stmt, 1, parameter);
  while ((rc = cm_db_step (stmt)) == CM_DB_ROW)
    g_strv_builder_add (builder, cm_db_column_text (stmt, 0));
  cm_db_stmt_free (stmt);
  if (rc != CM_DB_DONE)
    return sql_failed (db, error), NULL;
  return g_strv_builder_end (builder);
}

GStrv
cm_audit_actors (CmStore *store, GError **error)
{
  return strings_of (store, "SELECT DISTINCT actor FROM audit ORDER BY actor", NULL, error);
}

GStrv
cm_audit_fields (CmStore *store, const char *table, GError **error)
{
  return strings_of (store, "SELECT DISTINCT field FROM audit WHERE entity = ? ORDER BY field",
                     table, error);
}

/* ---- items ------------------------------------------------------------ */

struct _CmAuditItem {
  GObject parent_instance;
  CmAuditEntry entry;
  CmAuditStep step;
  CmAuditRowCheck check;
  char *when;
  char *record;
  char *field;
  char *before;
  char *after;
};

G_DEFINE_FINAL_TYPE (CmAuditItem, cm_audit_item, G_TYPE_OBJECT)

static void
cm_audit_item_finalize (GObject *object)
{
  CmAuditItem *self = CM_AUDIT_ITEM (object);

  g_free (self->entry.at);
  g_free (self->entry.actor);
  g_free (self->entry.entity);
  g_free (self->entry.field);
  g_free (self->entry.old_value);
  g_free (self->entry.new_value);
  g_free (self->when);
  g_free (self->record);
  g_free (self->field);
  g_free (self->before);
  g_free (self->after);
  G_OBJECT_CLASS (cm_audit_item_parent_class)->finalize (object);
}

static void
cm_audit_item_class_init (CmAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_audit_item_finalize;
}

static void
cm_audit_item_init (CmAuditItem *self)
{
}

static char *
column_dup (CmDbStmt *stmt, int column)
{
  return g_strdup (cm_db_column_text (stmt, column));
}

/* The current row of a statement over COLUMNS_SQL, in words. */
static CmAuditItem *
item_from_row (CmDbStmt *stmt, CmAuditWords *words, const CmAuditVerdict *verdict)
{
  CmAuditItem *self = g_object_new (CM_TYPE_AUDIT_ITEM, NULL);
  CmAuditEntry *e = &self->entry;

  e->id = cm_db_column_int64 (stmt, 0);
  e->at = column_dup (stmt, 1);
  e->actor = column_dup (stmt, 2);
  e->entity = column_dup (stmt, 3);
  e->entity_id = cm_db_column_int64 (stmt, 4);
  e->field = column_dup (stmt, 5);
  e->old_value = column_dup (stmt, 6);
  e->new_value = column_dup (stmt, 7);
  self->step = cm_db_column_int (stmt, 8);
  self->check = cm_audit_verdict_row (verdict, e->id);
  self->record = cm_audit_words_record (words, e->entity, e->entity_id);
  self->field = cm_audit_field_label (e->entity, e->field);
  self->before = cm_audit_words_value (words, e->entity, e->field, e->old_value);
  self->after = cm_audit_words_value (words, e->entity, e->field, e->new_value);
  return self;
}

gint64 cm_audit_item_get_id (CmAuditItem *self) { return self->entry.id; }
const CmAuditEntry *cm_audit_item_get_entry (CmAuditItem *self) { return &self->entry; }

/* In words on first asking: a list shows a few rows, an export none, and
 * the local time zone is costly to look up for every row. */
const char *
cm_audit_item_get_when (CmAuditItem *self)
{
  if (self->when == NULL)
    self->when = cm_date_format_moment (self->entry.at);
  return self->when;
}

const char *cm_audit_item_get_record (CmAuditItem *self) { return self->record; }
CmAuditStep cm_audit_item_get_step (CmAuditItem *self) { return self->step; }
const char *cm_audit_item_get_field (CmAuditItem *self) { return self->field; }
const char *cm_audit_item_get_before (CmAuditItem *self) { return self->before; }
const char *cm_audit_item_get_after (CmAuditItem *self) { return self->after; }
CmAuditRowCheck cm_audit_item_get_check (CmAuditItem *self) { return self->check; }

/* ---- the paged model -------------------------------------------------- */

struct _CmAuditModel {
  GObject parent_instance;
  CmStore *store;
  CmAuditWords *words;
  CmDbStmt *page;       /* LIMIT :limit OFFSET :offset over the filter */
  FilterValues filter;  /* bound to it again for each page */
  guint n_items;
  CmAuditVerdict verdict; /* what the chain says of the rows; no reason kept */
  GHashTable *pages;    /* page number → GPtrArray of CmAuditItem */
};

static void cm_audit_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CmAuditModel, cm_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cm_audit_model_list_init))

static void
cm_audit_model_finalize (GObject *object)
{
  CmAuditModel *self = CM_AUDIT_MODEL (object);

  cm_db_stmt_free (self->page);
  filter_values_clear (&self->filter);
  g_hash_table_unref (self->pages);
  cm_audit_words_free (self->words);
  g_object_unref (self->store);
  G_OBJECT_CLASS (cm_audit_model_parent_class)->finalize (object);
}

static void
cm_audit_model_class_init (CmAuditModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_audit_model_finalize;
}

static void
cm_audit_model_init (CmAuditModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static GType
model_item_type (GListModel *list)
{
  return CM_TYPE_AUDIT_ITEM;
}

static guint
model_n_items (GListModel *list)
{
  return CM_AUDIT_MODEL (list)->n_items;
}

static GPtrArray *
read_page (CmAuditModel *self, guint number)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  cm_db_stmt_reset (self->page);
  bind_filter (self->page, &self->filter);
  cm_db_bind_int64 (self->page, cm_db_bind_index (self->page, ":limit"), PAGE_SIZE);
  cm_db_bind_int64 (self->page, cm_db_bind_index (self->page, ":offset"),
                    (gint64) number * PAGE_SIZE);
  while (cm_db_step (self->page) == CM_DB_ROW)
    g_ptr_array_add (items, item_from_row (self->page, self->words, &self->verdict));
  cm_db_stmt_reset (self->page);
  return items;
}

static gpointer
model_get_item (GListModel *list, guint position)
{
  CmAuditModel *self = CM_AUDIT_MODEL (list);
  guint number = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (items == NULL)
    {
      /* A list view asks for the rows in sight and a few either side. */
      if (g_hash_table_size (self->pages) >= PAGES_KEPT)
        g_hash_table_remove_all (self->pages);
      items = read_page (self, number);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), items);
    }
  if (position % PAGE_SIZE >= items->len)
    return NULL; /* rows removed under us; the count is refreshed with a new model */
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
cm_audit_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = model_item_type;
  iface->get_n_items = model_n_items;
  iface->get_item = model_get_item;
}

static gboolean
count_rows (CmDb *db, const CmAuditFilter *filter, guint *n, GError **error)
{
  g_auto(FilterValues) values = { 0 };
  CmDbStmt *stmt = prepare (db, "SELECT count(*) FROM audit a", filter, "", error);
  CmDbStep rc;

  if (stmt == NULL)
    return FALSE;
  filter_values_init (&values, filter);
  bind_filter (stmt, &values);
  rc = cm_db_step (stmt);
  *n = rc == CM_DB_ROW ? (guint) MIN (cm_db_column_int64 (stmt, 0), G_MAXUINT) : 0;
  cm_db_stmt_free (stmt);
  return rc == CM_DB_ROW || sql_failed (db, error);
}

CmAuditModel *
cm_audit_model_new (CmStore *store, const CmAuditFilter *filter,
                    const CmAuditVerdict *verdict, GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autoptr(CmAuditModel) self = g_object_new (CM_TYPE_AUDIT_MODEL, NULL);

  self->store = g_object_ref (store);
  self->words = cm_audit_words_new (store);
  self->verdict = (CmAuditVerdict) { verdict->finding, verdict->first_bad, NULL };
  if (!count_rows (db, filter, &self->n_items, error))
    return NULL;
  self->page = prepare (db, "SELECT " COLUMNS_SQL " FROM audit a", filter,
                        " ORDER BY a.id DESC LIMIT :limit OFFSET :offset", error);
  if (self->page == NULL)
    return NULL;
  filter_values_init (&self->filter, filter);
  return g_steal_pointer (&self);
}

/* ---- every row: the CSV and the workbook ------------------------------ */

gint64
cm_audit_foreach (CmStore *store, const CmAuditFilter *filter, const CmAuditVerdict *verdict,
                  gint64 limit, CmAuditRowFunc row, gpointer user_data, GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autoptr(CmAuditWords) words = cm_audit_words_new (store);
  /* Keyset paging: each page starts below the last id seen, so the cost
   * of a page does not grow with how far down the trail it is. The bound is
   * cast: PostgreSQL would type it as the INTEGER id, which the first
   * page's bound, the largest int64, overflows. */
  CmDbStmt *stmt = prepare (db, "SELECT " COLUMNS_SQL " FROM audit a", filter,
                            " AND a.id < CAST (:below AS BIGINT) ORDER BY a.id DESC LIMIT 500",
                            error);
  g_auto(FilterValues) values = { 0 };
  gint64 below = G_MAXINT64, n = 0;
  gboolean more = TRUE;
  CmDbStep rc = CM_DB_DONE;

  if (stmt == NULL)
    return -1;
  filter_values_init (&values, filter);
  while (more && (limit == 0 || n < limit))
    {
      more = FALSE;
      bind_filter (stmt, &values);
      cm_db_bind_int64 (stmt, cm_db_bind_index (stmt, ":below"), below);
      while ((limit == 0 || n < limit) && (rc = cm_db_step (stmt)) == CM_DB_ROW)
        {
          g_autoptr(CmAuditItem) item = item_from_row (stmt, words, verdict);

          below = item->entry.id;
          more = TRUE;
          n++;
          if (!row (item, user_data))
            {
              more = FALSE;
              break;
            }
        }
      cm_db_stmt_reset (stmt);
    }
  cm_db_stmt_free (stmt);
  if (rc != CM_DB_DONE && rc != CM_DB_ROW)
    return sql_failed (db, error), -1;
  return n;
}

const char * const cm_audit_csv_headers[] = {
  N_("Time (UTC)"), N_("Who"), N_("Record"), N_("Step"), N_("Field"), N_("Before"),
  N_("After"), N_("Hash chain verifies"), NULL
};

/* RFC 4180, and text that starts like a formula gets a leading
 * apostrophe so a spreadsheet keeps it as text (as the Transparency CSV). */
static void
append_field (GString *out, const char *text, gboolean first)
{
  g_autoptr(GString) field = g_string_new (text ? text : "");

  if (!first)
    g_string_append_c (out, ',');
  if (field->len && strchr ("=+-@\t\r", field->str[0]))
    g_string_prepend_c (field, '\'');
  if (strpbrk (field->str, ",\"\r\n") == NULL)
    {
      g_string_append (out, field->str);
      return;
    }
  g_string_replace (field, "\"", "\"\"", 0);
  g_string_append_printf (out, "\"%s\"", field->str);
}

static gboolean
append_row (CmAuditItem *item, gpointer user_data)
{
  GString *out = user_data;
  const char *fields[] = {
    item->entry.at, item->entry.actor, item->record, cm_audit_step_label (item->step),
    item->field, item->before, item->after, cm_audit_row_check_word (item->check),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
  return TRUE;
}

gboolean
cm_audit_write_csv (CmStore *store, const CmAuditFilter *filter, const char *path,
                    GError **error)
{
  /* The byte-order mark tells Excel on Windows the file is UTF-8. */
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_auto(CmAuditVerdict) verdict = { 0 };

  for (guint i = 0; cm_audit_csv_headers[i]; i++)
    append_field (out, _(cm_audit_csv_headers[i]), i == 0);
  g_string_append (out, "\r\n");
  cm_audit_verdict_check (store, &verdict);
  if (cm_audit_foreach (store, filter, &verdict, 0, append_row, out, error) < 0)
    return FALSE;
  return cm_safe_write_contents (path, out->str, out->len, error);
}
