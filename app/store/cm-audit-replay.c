/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-replay.c: replaying the audit trail against the records */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit-layout.h"
#include "cm-audit-record.h"
#include "cm-audit-replay.h"
#include "cm-audit-tables.h"
#include "cm-portfolio-name.h"

G_DEFINE_QUARK (cm-audit-replay-error-quark, cm_audit_replay_error)

/* How much of a long value a message shows. */
#define SHOWN_CHARS 60

#define TRAIL_SQL \
  "SELECT id, entity_id, field, old_value, new_value FROM audit WHERE entity = ?" \
  " ORDER BY entity_id, id"

typedef struct {
  CmDb *db;
  char *name;         /* the portfolio, as messages name it */
  gboolean on_server; /* messages say "portfolio" where a file's say "file" */
  gint64 baseline_id; /* the first row of the baseline event */
  gint64 checked;
} Replay;

/* One record as its trail tells it. */
typedef struct {
  const CmAuditTable *table;
  gint64 id;
  char **values;      /* by column; NULL where the trail records no value */
  guint next_column;  /* where a whole record's next field most likely is */
  gboolean traced;    /* the trail has rows for it */
  char *unknown;      /* a field of a whole record that the table lacks */
  /* A whole-record row is read field by field only when it must be: most
   * records have just that one row, and the stored row written the same
   * way is compared with it whole. */
  gboolean whole_pending;
  gint64 whole_row;
  GString *whole;
  GString *stored;
  /* The layout of the last list of values compared, by its columns: the
   * table's column, or -1; and which of the table's columns it has. */
  const CmAuditLayout *layout;
  int *layout_at;
  gboolean *in_layout;
} Traced;

/* ---- messages --------------------------------------------------------- */

static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= SHOWN_CHARS)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, SHOWN_CHARS);
  return g_strconcat (start, "…", NULL);
}

/* A value as a message shows it: quoted, or "empty". */
static char *
shown_value (const char *text)
{
  g_autofree char *shown = NULL;

  if (text == NULL)
    return g_strdup (_("empty"));
  shown = shown_text (text);
  return g_strdup_printf ("“%s”", shown);
}

/* "contract ASC-0013", "service “Home care”", or "eia #4". */
static char *
record_name (const CmAuditTable *table, gint64 id, const char *name)
{
  g_autofree char *kind = g_strdelimit (g_strdup (table->name), "_", ' ');
  g_autofree char *shown = NULL;

  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%s #%" G_GINT64_FORMAT, kind, id);
  shown = shown_text (name);
  if (g_str_equal (table->columns[table->name_column], "reference"))
    return g_strdup_printf ("%s %s", kind, shown);
  return g_strdup_printf ("%s “%s”", kind, shown);
}

static char *
traced_name (Traced *t)
{
  return record_name (t->table, t->id,
                      t->table->name_column >= 0 ? t->values[t->table->name_column] : NULL);
}

static gboolean
disagrees (Replay *r, GError **error, const char *what)
{
  g_set_error (error, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_DISAGREES,
               _("The records in %s do not agree with its audit trail: %s Restore the "
                 "portfolio from a backup, or find out who changed it."),
               r->name, what);
  return FALSE;
}

static gboolean
sql_failed (Replay *r, GError **error)
{
  g_set_error (error, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_SQL,
               _("The records of %s could not be compared with its audit trail: %s"),
               r->name, cm_db_last_message (r->db));
  return FALSE;
}

static gboolean
field_differs (Replay *r, const char *record, const char *field, const char *stored,
               const char *traced, GError **error)
{
  g_autofree char *in_stored = shown_value (stored);
  g_autofree char *in_trail = shown_value (traced);
  g_autofree char *what = g_strdup_printf (r->on_server
                                           ? _("%s, %s: portfolio %s, trail %s. It was "
                                               "changed outside Commissioner.")
                                           : _("%s, %s: file %s, trail %s. It was changed "
                                               "outside Commissioner."),
                                           record, field, in_stored, in_trail);

  return disagrees (r, error, what);
}

/* A change after the baseline that did not begin from the value the trail
 * last recorded: the field was changed outside the application first. */
static gboolean
change_began_elsewhere (Replay *r, const char *record, const char *field, gint64 row,
                        const char *traced, const char *found, GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  g_autofree char *had = shown_value (traced);
  g_autofree char *began = shown_value (found);
  g_autofree char *what = g_strdup_printf (_("%s, %s was changed outside Commissioner before "
                                             "audit row %s: the trail had %s, but that row’s "
                                             "change began from %s."),
                                           record, field, number, had, began);

  return disagrees (r, error, what);
}

static gboolean
unknown_field (Replay *r, const char *record, const char *field, gint64 row, GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  g_autofree char *what = g_strdup_printf (r->on_server
                                           ? _("audit row %s changes %s, %s, which the "
                                               "portfolio does not have.")
                                           : _("audit row %s changes %s, %s, which the file "
                                               "does not have."),
                                           number, record, field);

  return disagrees (r, error, what);
}

static gboolean
unreadable_row (Replay *r, const char *record, gint64 row, GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  g_autofree char *what = g_strdup_printf (_("audit row %s, the values of %s, cannot be read."),
                                           number, record);

  return disagrees (r, error, what);
}

/* ---- one record's trail ----------------------------------------------- */

static void
traced_reset (Traced *t, gint64 id)
{
  for (guint i = 0; i < t->table->n_columns; i++)
    g_clear_pointer (&t->values[i], g_free);
  g_clear_pointer (&t->unknown, g_free);
  t->id = id;
  t->traced = FALSE;
  t->next_column = 0;
  t->whole_pending = FALSE;
}

static gboolean
traced_exists (Traced *t)
{
  for (guint i = 0; i < t->table->n_columns; i++)
    if (t->values[i])
      return TRUE;
  return FALSE;
}

static void
set_value (char **slot, const char *text)
{
  g_free (*slot);
  *slot = text && *text ? g_strdup (text) : NULL;
}

/* Fields come in column order: look where the last one ended first. */
static void
set_from_whole (const char *column, const char *text, gpointer data)
{
  Traced *t = data;
  const CmAuditTable *table = t->table;
  int i = t->next_column < table->n_columns &&
          strcmp (table->columns[t->next_column], column) == 0
          ? (int) t->next_column : cm_audit_table_column (table, column);

  if (i < 0)
    {
      if (t->unknown == NULL)
        t->unknown = g_strdup (column);
      return;
    }
  set_value (&t->values[i], text);
  t->next_column = i + 1;
}

static gboolean
apply_whole (Replay *r, Traced *t, gint64 row, const char *json, GError **error)
{
  g_autofree char *name = NULL;

  for (guint i = 0; i < t->table->n_columns; i++)
    g_clear_pointer (&t->values[i], g_free);
  t->next_column = 0;
  if (cm_audit_record_parse (t->table->name, json, set_from_whole, t) && t->unknown == NULL)
    return TRUE;
  name = traced_name (t);
  if (t->unknown)
    return unknown_field (r, name, t->unknown, row, error);
  return unreadable_row (r, name, row, error);
}

static gboolean
read_whole (Replay *r, Traced *t, GError **error)
{
  if (!t->whole_pending)
    return TRUE;
  t->whole_pending = FALSE;
  return apply_whole (r, t, t->whole_row, t->whole->str, error);
}

/* Applies the trail row @trail holds. Rows before the baseline may name
 * fields since gone, or begin from values the trail never saw (imports
 * and migrations made before it): the baseline replaces what they left. */
static gboolean
apply_row (Replay *r, Traced *t, CmDbStmt *trail, GError **error)
{
  gint64 row = cm_db_column_int64 (trail, 0);
  const char *field = cm_db_column_text (trail, 2);
  const char *old_value = cm_db_column_text (trail, 3);
  const char *new_value = cm_db_column_text (trail, 4);
  gboolean checked = row >= r->baseline_id;
  g_autofree char *name = NULL;
  int column;

  t->traced = TRUE;
  if (cm_audit_field_is_whole (field))
    {
      g_string_assign (t->whole, new_value ? new_value : "");
      t->whole_row = row;
      t->whole_pending = TRUE;
      return TRUE;
    }
  if (!read_whole (r, t, error))
    return FALSE;
  column = cm_audit_table_column (t->table, field);
  if (column >= 0 && (!checked || g_strcmp0 (old_value && *old_value ? old_value : NULL,
                                             t->values[column]) == 0))
    {
      set_value (&t->values[column], new_value);
      return TRUE;
    }
  if (!checked)
    return TRUE;
  name = traced_name (t);
  if (column < 0)
    return unknown_field (r, name, field, row, error);
  return change_began_elsewhere (r, name, field, row, t->values[column], old_value, error);
}

/* ---- one record's row ------------------------------------------------- */

/* Finds @layout's columns in @t's table, unless they were the last. */
static void
use_layout (Traced *t, const CmAuditLayout *layout)
{
  const CmAuditTable *table = t->table;

  if (t->layout == layout)
    return;
  t->layout = layout;
  t->layout_at = g_renew (int, t->layout_at, layout->n_columns);
  t->in_layout = g_renew (gboolean, t->in_layout, table->n_columns);
  memset (t->in_layout, 0, table->n_columns * sizeof (gboolean));
  for (guint j = 0; j < layout->n_columns; j++)
    {
      t->layout_at[j] = cm_audit_table_column (table, layout->columns[j]);
      if (t->layout_at[j] >= 0)
        t->in_layout[t->layout_at[j]] = TRUE;
    }
}

/* Whether the stored row, written as a list in @layout, is the pending
 * one: no value outside the layout, and the same text. */
static gboolean
matches_whole_list (Traced *t, const CmAuditLayout *layout, CmDbStmt *rows, const int *present)
{
  const CmAuditTable *table = t->table;
  char buffer[CM_AUDIT_TEXT_SIZE];
  gboolean any = FALSE;

  use_layout (t, layout);
  for (guint i = 0; i < table->n_columns; i++)
    if (!t->in_layout[i] && present[i] > 0 &&
        cm_audit_column_text (rows, present[i], table->kinds[i], buffer))
      return FALSE;
  cm_audit_record_begin_list (t->stored, layout);
  for (guint j = 0; j < layout->n_columns; j++)
    {
      int i = t->layout_at[j];
      const char *text = i >= 0 && present[i] > 0
                         ? cm_audit_column_text (rows, present[i], table->kinds[i], buffer)
                         : NULL;

      any |= text != NULL;
      cm_audit_record_list_add (t->stored, text);
    }
  cm_audit_record_end_list (t->stored);
  /* A record of no values is no record: the slow path says so. */
  return any && t->stored->len == t->whole->len &&
         memcmp (t->stored->str, t->whole->str, t->whole->len) == 0;
}

/* Whether the stored row, written as a whole-record row in the form the
 * pending one has, is that row. */
static gboolean
matches_whole (Traced *t, CmDbStmt *rows, const int *present)
{
  const CmAuditTable *table = t->table;
  char buffer[CM_AUDIT_TEXT_SIZE];
  const CmAuditLayout *layout;

  if (t->whole->str[0] == '[')
    return (layout = cm_audit_record_layout (table->name, t->whole->str)) != NULL &&
           matches_whole_list (t, layout, rows, present);
  cm_audit_record_begin (t->stored);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *text = present[i] > 0
                         ? cm_audit_column_text (rows, present[i], table->kinds[i], buffer)
                         : NULL;
      if (text)
        cm_audit_record_add (t->stored, table->columns[i], text);
    }
  cm_audit_record_end (t->stored);
  return t->stored->len > 2 && t->stored->len == t->whole->len &&
         memcmp (t->stored->str, t->whole->str, t->whole->len) == 0;
}

/* What a record @name that is stored but not in the trail means (@traced:
 * the trail had it, then deleted it). */
static char *
added_what (Replay *r, gboolean traced, const char *name)
{
  if (r->on_server)
    return g_strdup_printf (traced
                            ? _("%s is in the portfolio, but the trail says it was deleted, "
                                "so it was put back outside Commissioner.")
                            : _("%s is in the portfolio but not in the trail, so it was added "
                                "outside Commissioner."), name);
  return g_strdup_printf (traced
                          ? _("%s is in the file, but the trail says it was deleted, so it "
                              "was put back outside Commissioner.")
                          : _("%s is in the file but not in the trail, so it was added "
                              "outside Commissioner."), name);
}

static gboolean
compare_row (Replay *r, Traced *t, CmDbStmt *rows, const int *present, GError **error)
{
  const CmAuditTable *table = t->table;
  char buffer[CM_AUDIT_TEXT_SIZE];
  const char *stored_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  if (t->whole_pending && matches_whole (t, rows, present))
    {
      r->checked++;
      return TRUE;
    }
  if (!read_whole (r, t, error))
    return FALSE;

  if (table->name_column >= 0 && present[table->name_column] > 0)
    stored_name = cm_db_column_text (rows, present[table->name_column]);
  if (!traced_exists (t))
    {
      name = record_name (table, t->id, stored_name);
      what = added_what (r, t->traced, name);
      return disagrees (r, error, what);
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *stored = present[i] > 0
                           ? cm_audit_column_text (rows, present[i], table->kinds[i], buffer)
                           : NULL;

      if (g_strcmp0 (stored, t->values[i]) != 0)
        {
          name = record_name (table, t->id, stored_name);
          return field_differs (r, name, table->columns[i], stored, t->values[i], error);
        }
    }
  r->checked++;
  return TRUE;
}

static gboolean
vanished (Replay *r, Traced *t, GError **error)
{
  g_autofree char *name = traced_name (t);
  g_autofree char *what = g_strdup_printf (r->on_server
                                           ? _("%s is in the trail but not in the portfolio, so "
                                               "it was deleted outside Commissioner.")
                                           : _("%s is in the trail but not in the file, so it "
                                               "was deleted outside Commissioner."),
                                           name);

  return disagrees (r, error, what);
}

/* ---- a table ---------------------------------------------------------- */

/* Walks the table's rows and its trail together, both ordered by record. */
static gboolean
walk_table (Replay *r, Traced *t, CmDbStmt *rows, CmDbStmt *trail, const int *present,
            GError **error)
{
  CmDbStep rows_rc = cm_db_step (rows);
  CmDbStep trail_rc = cm_db_step (trail);

  while (rows_rc == CM_DB_ROW || trail_rc == CM_DB_ROW)
    {
      gint64 row_id = rows_rc == CM_DB_ROW ? cm_db_column_int64 (rows, 0) : G_MAXINT64;
      gint64 trail_id = trail_rc == CM_DB_ROW ? cm_db_column_int64 (trail, 1) : G_MAXINT64;
      gint64 id = MIN (row_id, trail_id);

      traced_reset (t, id);
      for (; trail_rc == CM_DB_ROW && cm_db_column_int64 (trail, 1) == id;
           trail_rc = cm_db_step (trail))
        if (!apply_row (r, t, trail, error))
          return FALSE;
      if (row_id == id)
        {
          if (!compare_row (r, t, rows, present, error))
            return FALSE;
          rows_rc = cm_db_step (rows);
        }
      else if (!read_whole (r, t, error))
        return FALSE;
      else if (traced_exists (t))
        return vanished (r, t, error);
    }
  if (rows_rc != CM_DB_DONE || trail_rc != CM_DB_DONE)
    return sql_failed (r, error);
  return TRUE;
}

static gboolean
replay_table (Replay *r, const CmAuditTable *table, GError **error)
{
  g_autofree int *present = g_new0 (int, table->n_columns + 1);
  g_autofree char *sql = cm_audit_table_select (table, r->db, present);
  g_autofree char **values = g_new0 (char *, table->n_columns + 1);
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) stored = g_string_new (NULL);
  Traced t = { .table = table, .values = values, .whole = whole, .stored = stored };
  CmDbStmt *rows = NULL, *trail = NULL;
  gboolean ok;

  if (sql == NULL)
    return TRUE; /* the schema check vouches for every table */
  if ((rows = cm_db_prepare (r->db, sql)) == NULL ||
      (trail = cm_db_prepare (r->db, TRAIL_SQL)) == NULL)
    ok = sql_failed (r, error);
  else
    {
      cm_db_bind_text_static (trail, 1, table->name);
      ok = walk_table (r, &t, rows, trail, present, error);
    }
  traced_reset (&t, 0);
  g_free (t.layout_at);
  g_free (t.in_layout);
  cm_db_stmt_free (rows);
  cm_db_stmt_free (trail);
  return ok;
}

/* ---- the portfolio's settings ----------------------------------------- */

static void
set_setting (const char *key, const char *value, gpointer data)
{
  if (!cm_audit_meta_key_is_own (key))
    g_hash_table_replace (data, g_strdup (key), g_strdup (value));
}

/* Replays the settings' trail into @traced, and finds the baseline. */
static gboolean
replay_settings_trail (Replay *r, GHashTable *traced, GError **error)
{
  CmDbStmt *trail = NULL;
  CmDbStep rc;

  if ((trail = cm_db_prepare (r->db, TRAIL_SQL)) == NULL)
    return sql_failed (r, error);
  cm_db_bind_text_static (trail, 1, "meta");
  while ((rc = cm_db_step (trail)) == CM_DB_ROW)
    {
      gint64 row = cm_db_column_int64 (trail, 0);
      const char *key = cm_db_column_text (trail, 2);
      const char *old_value = cm_db_column_text (trail, 3);
      const char *new_value = cm_db_column_text (trail, 4);
      gboolean ok = TRUE;

      if (g_str_equal (key, CM_AUDIT_FIELD_BASELINE))
        {
          if (r->baseline_id == 0)
            r->baseline_id = row;
          g_hash_table_remove_all (traced);
          if (!cm_audit_record_parse (NULL, new_value, set_setting, traced))
            ok = unreadable_row (r, _("the portfolio settings"), row, error);
        }
      else if (cm_audit_meta_key_is_own (key))
        continue;
      else if (r->baseline_id && g_strcmp0 (old_value, g_hash_table_lookup (traced, key)) != 0)
        ok = change_began_elsewhere (r, _("the portfolio settings"), key, row,
                                     g_hash_table_lookup (traced, key), old_value, error);
      else if (new_value)
        g_hash_table_replace (traced, g_strdup (key), g_strdup (new_value));
      else
        g_hash_table_remove (traced, key);
      if (!ok)
        {
          cm_db_stmt_free (trail);
          return FALSE;
        }
    }
  cm_db_stmt_free (trail);
  return rc == CM_DB_DONE ? TRUE : sql_failed (r, error);
}

static gboolean
compare_settings (Replay *r, GHashTable *traced, GError **error)
{
  CmDbStmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  CmDbStep rc;

  if ((stmt = cm_db_prepare (r->db, CM_AUDIT_META_SELECT)) == NULL)
    return sql_failed (r, error);
  while ((rc = cm_db_step (stmt)) == CM_DB_ROW)
    {
      const char *stored_key = cm_db_column_text (stmt, 0);
      const char *stored = cm_db_column_text (stmt, 1);
      const char *expected = g_hash_table_lookup (traced, stored_key);

      if (g_strcmp0 (stored, expected) != 0)
        {
          field_differs (r, _("the portfolio settings"), stored_key, stored, expected, error);
          cm_db_stmt_free (stmt);
          return FALSE;
        }
      g_hash_table_remove (traced, stored_key);
      r->checked++;
    }
  cm_db_stmt_free (stmt);
  if (rc != CM_DB_DONE)
    return sql_failed (r, error);
  g_hash_table_iter_init (&iter, traced);
  if (g_hash_table_iter_next (&iter, &key, &value))
    return field_differs (r, _("the portfolio settings"), key, NULL, value, error);
  return TRUE;
}

/* ---- a trail with no beginning ---------------------------------------- */

static gint64
count (Replay *r, const char *sql)
{
  CmDbStmt *stmt = NULL;
  gint64 n = 0;

  if ((stmt = cm_db_prepare (r->db, sql)) != NULL && cm_db_step (stmt) == CM_DB_ROW)
    n = cm_db_column_int64 (stmt, 0);
  cm_db_stmt_free (stmt);
  return n;
}

static gint64
count_records (Replay *r)
{
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);
  gint64 records = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tables[i].name);
      records += count (r, sql);
    }
  return records;
}

/* Every portfolio's trail begins with the baseline event, written when
 * it is created or first opened by a version that replays its records. */
static gboolean
no_beginning (Replay *r, GError **error)
{
  gint64 records = count_records (r);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, records);

  if (count (r, "SELECT count(*) FROM audit") == 0)
    g_set_error (error, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_DISAGREES,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The audit trail of %s is empty, yet it holds %s record: the "
                              "trail was deleted outside Commissioner. Restore the portfolio "
                              "from a backup.",
                              "The audit trail of %s is empty, yet it holds %s records: the "
                              "trail was deleted outside Commissioner. Restore the portfolio "
                              "from a backup.", records), r->name, number);
  else
    g_set_error (error, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_DISAGREES,
                 _("The audit trail of %s has lost its beginning, the baseline of every "
                   "record, so it was cut or replaced outside Commissioner. Restore the "
                   "portfolio from a backup."), r->name);
  return FALSE;
}

/* ---- the whole portfolio ---------------------------------------------- */

static gboolean
replay (Replay *r, GError **error)
{
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  guint n = 0;
  const CmAuditTable *tables = cm_audit_tables (&n);

  if (!replay_settings_trail (r, settings, error))
    return FALSE;
  if (r->baseline_id == 0)
    return no_beginning (r, error);
  if (!compare_settings (r, settings, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!replay_table (r, &tables[i], error))
      return FALSE;
  return TRUE;
}

gboolean
cm_audit_replay_verify (CmDb *db, const char *path, gint64 *records_checked, GError **error)
{
  g_autofree char *name = cm_portfolio_name_in_message (path);
  Replay r = { .db = db, .name = name,
               .on_server = cm_db_engine (db) == CM_DB_ENGINE_POSTGRESQL };
  /* One read transaction, so a change another program commits meanwhile
   * is seen in the records and the trail together or not at all. */
  gboolean own_transaction = !cm_db_in_transaction (db);
  gboolean ok;

  if (own_transaction && !cm_db_begin (db, CM_DB_READING))
    return sql_failed (&r, error);
  ok = replay (&r, error);
  if (own_transaction)
    cm_db_commit (db);
  if (ok && records_checked)
    *records_checked = r.checked;
  return ok;
}
