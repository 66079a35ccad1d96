/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-anchor.c: the chain's second format, anchors kept outside the
 * file, restores from a backup, and the actor the trail records
 *
 * Forgeries are made as an insider would make them: on the closed file,
 * through SQLite, or on a server as the database's owner, whom the
 * insert-only trail lets through; recomputing hashes with the formula this
 * file states independently of cm-audit.c. A server's portfolio was never
 * hashed the first way, nor holds a value of another type than its
 * column's: those cases run on files only.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-actor.h"
#include "cm-audit-anchor.h"
#include "cm-audit.h"
#include "cm-db-sqlite.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-test-util.h"
#include "cm-workbook.h"

#define NO_FORMAT_2 G_MAXINT64

/* ---- the chain, recomputed here --------------------------------------- */

typedef struct {
  gint64 id;
  char *at;
  char *actor;
  char *entity;
  gint64 entity_id;
  char *field;
  char *old_value;
  char *new_value;
  char *hash;
} Row;

static void
row_free (Row *row)
{
  g_free (row->at);
  g_free (row->actor);
  g_free (row->entity);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row->hash);
  g_free (row);
}

static void
add_field (GChecksum *sum, const char *value)
{
  g_autofree char *text = value ? g_strdup_printf ("%zu:%s;", strlen (value), value)
                                : g_strdup ("-;");

  g_checksum_update (sum, (const guchar *) text, -1);
}

/* Format 1: the fields after the previous hash, each as "length:text;".
 * Format 2: the same, after "commissioner-audit-2;" and the row's number. */
static char *
hash_of (const Row *row, const char *prev, gboolean format_2)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, row->id);
  g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, row->entity_id);

  if (format_2)
    {
      g_checksum_update (sum, (const guchar *) "commissioner-audit-2;", -1);
      add_field (sum, seq);
    }
  add_field (sum, prev);
  add_field (sum, row->at);
  add_field (sum, row->actor);
  add_field (sum, row->entity);
  add_field (sum, entity_id);
  add_field (sum, row->field);
  add_field (sum, row->old_value);
  add_field (sum, row->new_value);
  return g_strdup (g_checksum_get_string (sum));
}

static GPtrArray *
read_rows (const char *path)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  CmDb *db = cm_test_connect (path);
  CmDbStmt *stmt = cm_db_prepare (db, "SELECT id, at, actor, entity, entity_id, field,"
                                      " old_value, new_value, hash FROM audit ORDER BY id");

  g_assert_nonnull (stmt);
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->id = cm_db_column_int64 (stmt, 0);
      row->at = g_strdup (cm_db_column_text (stmt, 1));
      row->actor = g_strdup (cm_db_column_text (stmt, 2));
      row->entity = g_strdup (cm_db_column_text (stmt, 3));
      row->entity_id = cm_db_column_int64 (stmt, 4);
      row->field = g_strdup (cm_db_column_text (stmt, 5));
      row->old_value = g_strdup (cm_db_column_text (stmt, 6));
      row->new_value = g_strdup (cm_db_column_text (stmt, 7));
      row->hash = g_strdup (cm_db_column_text (stmt, 8));
      g_ptr_array_add (rows, row);
    }
  cm_db_stmt_free (stmt);
  cm_db_close (db);
  return rows;
}

/* Rehashes the whole trail as a forger would: rows before @format_2_from
 * with the first format, the rest with the second; the head follows. All
 * in one transaction (hashes are hexadecimal: nothing to quote). */
static void
rechain (const char *path, gint64 format_2_from)
{
  g_autoptr(GPtrArray) rows = read_rows (path);
  g_autofree char *prev = g_strdup (CM_AUDIT_GENESIS_HASH);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *hash = hash_of (row, prev, row->id >= format_2_from);

      g_string_append_printf (sql, " UPDATE audit SET prev_hash = '%s', hash = '%s'"
                              " WHERE id = %" G_GINT64_FORMAT ";", prev, hash, row->id);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  g_string_append_printf (sql, " UPDATE meta SET value = '%s' WHERE key = 'audit_head'; COMMIT;",
                          prev);
  cm_test_run_sql (path, sql->str);
}

/* ---- portfolios -------------------------------------------------------- */

static CmStore *
open_store (const char *path, CmStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  CmStore *store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | flags, &error);

  g_assert_no_error (error);
  return store;
}

/* A few organisations' worth of changes, in a store of its own. */
static void
change (const char *path, const char *name, guint count)
{
  g_autoptr(CmStore) store = open_store (path, 0);

  cm_store_set_actor (store, "Contracts officer");
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *full = g_strdup_printf ("%s %u", name, i + 1);
      g_autoptr(CmOrganisation) org = cm_organisation_new (full, CM_ORGANISATION_KIND_PARTNER);

      cm_test_save (store, org);
    }
}

static char *
make_trail (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new (name, &path);
  g_autoptr(CmProvider) provider = cm_provider_new ("Forward Leeds (consortium)",
                                                    CM_SECTOR_THIRD_SECTOR);

  cm_test_save (store, provider);
  g_object_set (provider, "name", "Forward Leeds", NULL);
  cm_test_save (store, provider);
  g_clear_object (&store);
  change (path, "Locality partnership", 3);
  return g_steal_pointer (&path);
}

static char *
anchor_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_store (path, CM_STORE_OPEN_READ_ONLY);
  char *anchor = cm_audit_anchor_current (store, &error);

  g_assert_no_error (error);
  return anchor;
}

/* A forger who cuts or rewrites the trail with care leaves a chain that
 * agrees with itself: only an anchor shows what was lost. (Replaying the
 * trail against the records catches these too, unless the records are
 * forged to match; that check is left out here.) */
static void
assert_chain_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_store (path, CM_STORE_OPEN_READ_ONLY);

  g_assert_true (cm_store_verify_audit_chain (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_store (path, CM_STORE_OPEN_READ_ONLY);
  gint64 rows = -1;

  g_assert_true (cm_store_verify_audit (store, &rows, NULL, &error));
  g_assert_no_error (error);
  /* An older file is checked in a copy updated in memory, whose baseline
   * adds rows the file does not have yet. */
  if (cm_test_schema_version (path) == cm_store_latest_schema_version ())
    g_assert_cmpint (rows, ==, cm_test_query_int (path, "SELECT count(*) FROM audit"));
  else
    g_assert_cmpint (rows, >, cm_test_query_int (path, "SELECT count(*) FROM audit"));
}

static void
assert_broken_at (const char *path, gint64 expected_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_store (path, CM_STORE_OPEN_READ_ONLY);
  gint64 bad = -1;

  g_assert_false (cm_store_verify_audit (store, NULL, &bad, &error));
  g_assert_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BROKEN);
  g_test_message ("verify: %s", error->message);
  if (expected_row >= 0)
    g_assert_cmpint (bad, ==, expected_row);
}

/* The state the trail of @path is in against @anchor; its sentence in
 * @explanation when asked for. */
static CmAuditAnchorState
check_anchor (const char *path, const char *anchor, char **explanation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = open_store (path, CM_STORE_OPEN_READ_ONLY);
  g_autofree char *told = NULL;
  CmAuditAnchorState state = CM_AUDIT_ANCHOR_HELD;

  g_assert_true (cm_audit_anchor_check (store, anchor, &state, &told, &error));
  g_assert_no_error (error);
  g_assert_nonnull (told);
  g_test_message ("%s: %s", anchor, told);
  if (explanation)
    *explanation = g_steal_pointer (&told);
  return state;
}

static gint64
format_2_from (const char *path)
{
  return cm_test_query_int (path, "SELECT CAST(value AS INTEGER) FROM meta"
                                  " WHERE key = 'audit_format_2_from'");
}

/* Turns a portfolio into one written before the second format: every row
 * hashed with the first, no record of where the second begins, and the
 * schema version before migration 014 (so the columns of later migrations
 * go too). */
static void
make_legacy (const char *path)
{
  rechain (path, NO_FORMAT_2);
  cm_test_run_sql (path, "DELETE FROM meta WHERE key = 'audit_format_2_from';"
                         " ALTER TABLE import_run DROP COLUMN created_ids;"
                         " ALTER TABLE import_run DROP COLUMN first_audit_id;"
                         " ALTER TABLE contract DROP COLUMN procurement_began;"
                         " ALTER TABLE organisation DROP COLUMN succeeded_by_id;"
                         " ALTER TABLE organisation DROP COLUMN succeeded_on;"
                         " ALTER TABLE contract DROP COLUMN outcome;"
                         " ALTER TABLE contract DROP COLUMN notice_kind;"
                         " ALTER TABLE decommission DROP COLUMN eia_id;"
                         " ALTER TABLE decommission DROP COLUMN eia_override;"
                         " ALTER TABLE decommission DROP COLUMN completion_open_items;"
                         " ALTER TABLE stage_event DROP COLUMN decided_on;"
                         " ALTER TABLE stage_event DROP COLUMN eia_id;"
                         " ALTER TABLE stage_event DROP COLUMN eia_override;"
                         " ALTER TABLE service DROP COLUMN community_committee;"
                         " ALTER TABLE characteristic DROP COLUMN row_version;"
                         " ALTER TABLE checklist_item DROP COLUMN row_version;"
                         " ALTER TABLE contract DROP COLUMN row_version;"
                         " ALTER TABLE contract_notice DROP COLUMN row_version;"
                         " ALTER TABLE contract_variation DROP COLUMN row_version;"
                         " ALTER TABLE decommission DROP COLUMN row_version;"
                         " ALTER TABLE decommission_contract DROP COLUMN row_version;"
                         " ALTER TABLE eia DROP COLUMN row_version;"
                         " ALTER TABLE eia_characteristic DROP COLUMN row_version;"
                         " ALTER TABLE eia_mitigation DROP COLUMN row_version;"
                         " ALTER TABLE engagement DROP COLUMN row_version;"
                         " ALTER TABLE funding_source DROP COLUMN row_version;"
                         " ALTER TABLE import_run DROP COLUMN row_version;"
                         " ALTER TABLE measure DROP COLUMN row_version;"
                         " ALTER TABLE measure_value DROP COLUMN row_version;"
                         " ALTER TABLE organisation DROP COLUMN row_version;"
                         " ALTER TABLE provider DROP COLUMN row_version;"
                         " ALTER TABLE risk DROP COLUMN row_version;"
                         " ALTER TABLE scenario DROP COLUMN row_version;"
                         " ALTER TABLE scenario_line DROP COLUMN row_version;"
                         " ALTER TABLE service DROP COLUMN row_version;"
                         " ALTER TABLE service_partner DROP COLUMN row_version;"
                         " ALTER TABLE staff DROP COLUMN row_version;"
                         " ALTER TABLE stage_event DROP COLUMN row_version;"
                         " ALTER TABLE transition DROP COLUMN row_version;"
                         " PRAGMA user_version = 13;");
}

/* ---- the second format ------------------------------------------------- */

static void
test_new_rows_cover_their_number (void)
{
  g_autofree char *path = make_trail ("format-2.commissioner");
  g_autoptr(GPtrArray) rows = read_rows (path);
  g_autofree char *prev = g_strdup (CM_AUDIT_GENESIS_HASH);

  g_assert_cmpint (format_2_from (path), ==, 1);
  g_assert_cmpuint (rows->len, >=, 8);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *v2 = hash_of (row, prev, TRUE);
      g_autofree char *v1 = hash_of (row, prev, FALSE);

      g_assert_cmpint (row->id, ==, i + 1);
      g_assert_cmpstr (row->hash, ==, v2);
      g_assert_cmpstr (row->hash, !=, v1);
      g_free (prev);
      prev = g_strdup (row->hash);
    }
  assert_intact (path);
}

/* A portfolio hashed the old way keeps verifying, read-only and after it
 * is updated; its new rows use the second format from the recorded row. */
static void
test_old_rows_keep_verifying (void)
{
  g_autofree char *path = make_trail ("legacy.commissioner");
  gint64 old_rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  g_autofree char *old_head = NULL;
  g_autofree char *first_new = NULL;
  g_autofree char *first_prev = NULL;

  make_legacy (path);
  old_head = cm_test_query_text (path, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
  /* Read-only: checked in an updated copy in memory, the file untouched. */
  assert_intact (path);
  g_assert_cmpint (cm_test_query_int (path, "PRAGMA user_version"), ==, 13);

  change (path, "Neighbourhood network", 2);
  g_assert_cmpint (format_2_from (path), ==, old_rows + 1);
  /* The old rows store the hash they follow; the new ones leave it to
   * their own hash, which covers it (checked below). */
  first_prev = cm_test_query_text (path, "SELECT prev_hash FROM audit WHERE id ="
                                        " (SELECT CAST(value AS INTEGER) FROM meta"
                                        "  WHERE key = 'audit_format_2_from')");
  g_assert_cmpstr (first_prev, ==, "");
  g_assert_cmpint (cm_test_query_int (path, "SELECT count(*) FROM audit WHERE length(prev_hash)"
                                            " = 64"), ==, old_rows);
  assert_intact (path);

  /* The boundary is where the hashes say it is: the last old row verifies
   * only with the first format, the first new one only with the second. */
  {
    g_autoptr(GPtrArray) rows = read_rows (path);
    Row *last_old = g_ptr_array_index (rows, old_rows - 1);
    Row *new_row = g_ptr_array_index (rows, old_rows);
    Row *before = g_ptr_array_index (rows, old_rows - 2);
    g_autofree char *old_v1 = hash_of (last_old, before->hash, FALSE);
    g_autofree char *new_v2 = hash_of (new_row, last_old->hash, TRUE);

    g_assert_cmpstr (last_old->hash, ==, old_head);
    g_assert_cmpstr (last_old->hash, ==, old_v1);
    g_assert_cmpstr (new_row->hash, ==, new_v2);
    first_new = g_strdup (new_row->hash);
  }
  g_assert_nonnull (first_new);
}

/* Moving, deleting or damaging the record of where the second format
 * begins breaks the chain; it cannot make rows verify another way. */
static void
test_moving_the_boundary_is_detected (void)
{
  g_autofree char *path = make_trail ("boundary.commissioner");
  g_autofree char *copy = cm_test_portfolio_path ("boundary-copy.commissioner");
  gint64 old_rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  gint64 last;
  const struct {
    const char *sql;
    gint64 bad_row; /* -1: no row named */
  } cases[] = {
    { "UPDATE meta SET value = '1' WHERE key = 'audit_format_2_from'", 1 },
    { "UPDATE meta SET value = '999999' WHERE key = 'audit_format_2_from'", old_rows + 1 },
    { "UPDATE meta SET value = CAST(value AS INTEGER) - 1"
      " WHERE key = 'audit_format_2_from'", old_rows },
    { "UPDATE meta SET value = ' ' || value WHERE key = 'audit_format_2_from'", -1 },
    { "DELETE FROM meta WHERE key = 'audit_format_2_from'", -1 },
  };

  make_legacy (path);
  change (path, "Neighbourhood network", 2);
  last = cm_test_query_int (path, "SELECT max(id) FROM audit");
  g_assert_cmpint (last, >, old_rows);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cm_test_copy_portfolio (path, copy);
      cm_test_run_sql (copy, cases[i].sql);
      assert_broken_at (copy, cases[i].bad_row);
    }
}

/* A row's stored prev_hash proves nothing its hash does not: left empty,
 * as rows are written now, or emptied in a row that stored it, the chain
 * holds; any other value there is a row that no longer follows. */
static void
test_stored_previous_hash (void)
{
  g_autofree char *path = make_trail ("stored-prev.commissioner");
  g_autofree char *copy = cm_test_portfolio_path ("stored-prev-copy.commissioner");
  gint64 old_rows = cm_test_query_int (path, "SELECT count(*) FROM audit");
  gint64 newest;

  make_legacy (path);
  change (path, "Neighbourhood network", 2);
  newest = cm_test_query_int (path, "SELECT max(id) FROM audit");
  g_assert_cmpint (newest, >, old_rows);

  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET prev_hash = '' WHERE id = 2");
  assert_intact (copy);

  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET prev_hash = (SELECT hash FROM audit WHERE id = 1)"
                         " WHERE id = 3");
  assert_broken_at (copy, 3);

  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET prev_hash = (SELECT hash FROM audit WHERE id = 1)"
                         " WHERE id = (SELECT max(id) FROM audit)");
  assert_broken_at (copy, newest);
}

/* A forger who moves the boundary past the end and rehashes every row the
 * old way gets a trail that agrees with itself, but not with an anchor. */
static void
test_boundary_moved_and_rehashed_loses_the_anchor (void)
{
  g_autofree char *path = make_trail ("boundary-rehashed.commissioner");
  g_autofree char *anchor = anchor_of (path);

  cm_test_run_sql (path, "UPDATE audit SET actor = 'Someone else' WHERE id = 2;"
                         " UPDATE meta SET value = '999999' WHERE key = 'audit_format_2_from'");
  rechain (path, NO_FORMAT_2);
  cm_test_run_sql (path, "UPDATE meta SET value = (SELECT max(id) + 1 FROM audit)"
                         " WHERE key = 'audit_format_2_from'");
  assert_intact (path);
  g_assert_cmpint (check_anchor (path, anchor, NULL), ==, CM_AUDIT_ANCHOR_LOST);
}

/* ---- values of every shape -------------------------------------------- */

static void
append_odd (CmAuditLog *log, gint64 entity_id, const char *field, const char *old_value,
            const char *new_value)
{
  g_autoptr(GError) error = NULL;
  CmAuditRow row = { "2026-12-05T06:00:00.000000Z", "Contracts officer", "contract", entity_id,
                     field, old_value, new_value };

  g_assert_true (cm_audit_append (log, &row, &error));
  g_assert_no_error (error);
}

/* Values of every shape (none, empty, text that looks like the framing,
 * UTF-8, longer than 64 KiB), appended by the trail's own log a row at a
 * time and in a held transaction, hash as hash_of () says; and the check
 * agrees with hash_of () in both formats. Files only: a server's trail
 * takes its actor from the server's role. */
static void
test_odd_values_hash_as_stated (void)
{
  g_autofree char *path = make_trail ("odd-values.commissioner");
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *values[] = { NULL, "", "0", "-;", "3:abc;", "Café “Ünïcödé” 🏥 中文", NULL };
  const gint64 ids[] = { 0, -1, 1, G_MAXINT64, G_MININT64, 42, 7 };
  const guint n = G_N_ELEMENTS (values);
  gint64 before = cm_test_query_int (path, "SELECT count(*) FROM audit");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *prev = g_strdup (CM_AUDIT_GENESIS_HASH);
  sqlite3 *handle = NULL;
  CmDb *db = NULL;
  CmAuditLog *log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  db = cm_db_sqlite_borrow (handle);
  log = cm_audit_log_new (db);

  while (long_text->len <= 70000)
    g_string_append (long_text, "é—“x”🏥中;-:0 ");
  values[n - 1] = long_text->str;
  for (guint i = 0; i < n; i++)
    append_odd (log, ids[i], values[(i + 1) % n] ? values[(i + 1) % n] : "name", values[i],
                values[(i + 2) % n]);
  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  cm_audit_log_hold (log);
  for (guint i = 0; i < n; i++)
    append_odd (log, ids[n - 1 - i], "name", values[(i + 3) % n], values[i]);
  g_assert_true (cm_audit_log_write_head (log, &error));
  g_assert_no_error (error);
  g_assert_true (cm_db_commit (db));
  cm_audit_log_release (log);
  cm_audit_log_free (log);
  cm_db_close (db);
  sqlite3_close (handle);

  rows = read_rows (path);
  g_assert_cmpint (rows->len, ==, before + 2 * n);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *expected = hash_of (row, prev, TRUE);

      g_assert_cmpstr (row->hash, ==, expected);
      g_free (prev);
      prev = g_strdup (row->hash);
    }
  assert_chain_intact (path);

  /* Every row in the first format, as a portfolio from before the second. */
  cm_test_run_sql (path, "UPDATE meta SET value = (SELECT max(id) + 1 FROM audit)"
                         " WHERE key = 'audit_format_2_from'");
  rechain (path, NO_FORMAT_2);
  assert_chain_intact (path);
}

/* ---- what the chain alone now refuses ---------------------------------- */

static void
test_renumbered_rows_are_detected (void)
{
  g_autofree char *path = make_trail ("renumbered.commissioner");
  g_autofree char *copy = cm_test_portfolio_path ("renumbered-copy.commissioner");

  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET id = id + 100 WHERE id > 4");
  assert_broken_at (copy, 105);

  /* Two rows swapped, their chain links with them: each is hashed with
   * its own number. */
  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET id = -3 WHERE id = 3;"
                         " UPDATE audit SET id = 3 WHERE id = 4;"
                         " UPDATE audit SET id = 4 WHERE id = -3;");
  assert_broken_at (copy, 3);

  /* Numbered from 0. */
  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET id = id - 1");
  assert_broken_at (copy, 0);

  /* Rows hashed the old way do not cover their number: only the rule
   * that rows are numbered without gaps sees them moved. A server's trail
   * was never hashed that way. */
  if (cm_test_on_server ())
    return;
  make_legacy (path);
  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET id = id + 100 WHERE id > 4");
  assert_broken_at (copy, 105);
  cm_test_copy_portfolio (path, copy);
  cm_test_run_sql (copy, "UPDATE audit SET id = id - 1");
  assert_broken_at (copy, 0);
}

static void
test_retyped_values_are_detected (void)
{
  g_autofree char *path = make_trail ("retyped.commissioner");
  g_autofree char *copy = cm_test_portfolio_path ("retyped-copy.commissioner");
  const char *tampering[] = {
    /* Shows as "1" in the sqlite3 shell, hashes as 1, but no longer
     * matches entity_id = 1, so the row drops out of its record's history. */
    "UPDATE audit SET entity_id = CAST(CAST(entity_id AS TEXT) AS BLOB) WHERE id = 3",
    "UPDATE audit SET entity = CAST(entity AS BLOB) WHERE id = 3",
    "UPDATE audit SET actor = CAST(actor AS BLOB) WHERE id = 3",
    /* Text hidden after a NUL, which C strings and so hashes never see. */
    "UPDATE audit SET field = field || char(0) || 'unseen' WHERE id = 3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      cm_test_copy_portfolio (path, copy);
      cm_test_run_sql (copy, tampering[i]);
      assert_broken_at (copy, 3);
    }
}

/* ---- anchors ------------------------------------------------------------ */

static void
test_anchor_text (void)
{
  g_autofree char *hash = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seq = -1;
  const char *refused[] = {
    "", "12", ":" CM_AUDIT_GENESIS_HASH, "-1:" CM_AUDIT_GENESIS_HASH,
    "12:" "00000000000000000000000000000000000000000000000000000000000000",
    "12:" CM_AUDIT_GENESIS_HASH "0", "12:" "g000000000000000000000000000000000000000000000000000000000000000",
    "12 :" CM_AUDIT_GENESIS_HASH, "x12:" CM_AUDIT_GENESIS_HASH,
  };

  g_assert_true (cm_audit_anchor_parse ("  42:ABCDEF0123456789ABCDEF0123456789"
                                        "abcdef0123456789abcdef0123456789\n", &seq, &hash, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seq, ==, 42);
  g_assert_cmpstr (hash, ==, "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  formatted = cm_audit_anchor_format (seq, hash);
  g_assert_cmpstr (formatted, ==, "42:abcdef0123456789abcdef0123456789"
                                  "abcdef0123456789abcdef0123456789");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *ignored = NULL;

      g_clear_error (&error);
      g_assert_false (cm_audit_anchor_parse (refused[i], &seq, &ignored, &error));
      g_assert_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BAD_ANCHOR);
    }
}

/* An anchor stays held while the trail grows; a later one holds the
 * earlier one's row too. */
static void
test_anchor_held_as_the_trail_grows (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("grows.commissioner", &path);
  g_autofree char *empty = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *said = NULL;

  g_clear_object (&store);
  /* A new portfolio's trail begins with the baseline of what its
   * migrations wrote; the genesis before it is held too. */
  empty = anchor_of (path);
  g_assert_cmpint (g_ascii_strtoll (empty, NULL, 10), ==,
                   cm_test_query_int (path, "SELECT count(*) FROM audit"));
  g_assert_cmpint (check_anchor (path, empty, NULL), ==, CM_AUDIT_ANCHOR_HELD);
  g_assert_cmpint (check_anchor (path, "0:" CM_AUDIT_GENESIS_HASH, NULL), ==,
                   CM_AUDIT_ANCHOR_HELD);

  change (path, "Locality partnership", 2);
  first = anchor_of (path);
  g_assert_cmpint (g_ascii_strtoll (first, NULL, 10), ==,
                   cm_test_query_int (path, "SELECT max(id) FROM audit"));
  g_assert_cmpint (check_anchor (path, first, &said), ==, CM_AUDIT_ANCHOR_HELD);
  g_assert_nonnull (strstr (said, first));

  change (path, "Neighbourhood network", 3);
  second = anchor_of (path);
  g_assert_cmpstr (second, !=, first);
  assert_intact (path);
  g_assert_cmpint (check_anchor (path, empty, NULL), ==, CM_AUDIT_ANCHOR_HELD);
  g_assert_cmpint (check_anchor (path, first, NULL), ==, CM_AUDIT_ANCHOR_HELD);
  g_assert_cmpint (check_anchor (path, second, NULL), ==, CM_AUDIT_ANCHOR_HELD);
}

/* Cutting the tail and moving the stored head leaves a chain that agrees
 * with itself; only the anchor shows the loss. */
static void
test_truncation_loses_the_anchor (void)
{
  g_autofree char *path = make_trail ("truncated.commissioner");
  g_autofree char *anchor = anchor_of (path);
  g_autofree char *said = NULL;

  cm_test_run_sql (path, "DELETE FROM audit WHERE id > 4;"
                         " UPDATE meta SET value = (SELECT hash FROM audit WHERE id = 4)"
                         " WHERE key = 'audit_head'");
  assert_chain_intact (path);
  g_assert_cmpint (check_anchor (path, anchor, &said), ==, CM_AUDIT_ANCHOR_LOST);
  g_assert_nonnull (strstr (said, "ends at row 4"));
}

/* An edited row, the whole chain recomputed from it with the right formula. */
static void
test_rewritten_chain_loses_the_anchor (void)
{
  g_autofree char *path = make_trail ("rewritten.commissioner");
  g_autofree char *anchor = anchor_of (path);
  g_autofree char *said = NULL;

  cm_test_run_sql (path, "UPDATE audit SET new_value = 'Someone else Ltd' WHERE id = 1");
  rechain (path, 1);
  assert_chain_intact (path);
  g_assert_cmpint (check_anchor (path, anchor, &said), ==, CM_AUDIT_ANCHOR_LOST);
  g_assert_nonnull (strstr (said, "rewritten"));
}

static void
test_older_copy_loses_the_anchor (void)
{
  g_autofree char *path = make_trail ("rolled-back.commissioner");
  g_autofree char *older = cm_test_portfolio_path ("rolled-back-older.commissioner");
  g_autofree char *anchor = NULL;

  cm_test_copy_portfolio (path, older);
  change (path, "Neighbourhood network", 2);
  anchor = anchor_of (path);
  cm_test_copy_portfolio (older, path);
  assert_intact (path);
  g_assert_cmpint (check_anchor (path, anchor, NULL), ==, CM_AUDIT_ANCHOR_LOST);
}

/* A restore records the head it replaced, right after the backup's head:
 * anchors from between the two are told as replaced, not as tampering. */
static void
test_restore_explains_replaced_anchors (void)
{
  g_autofree char *path = make_trail ("restored.commissioner");
  g_autofree char *backup = cm_test_portfolio_path ("restored-backup.commissioner");
  g_autofree char *before = anchor_of (path);
  g_autofree char *between = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *beyond = NULL;
  g_autofree char *said = NULL;
  g_autofree char *restorer = NULL;
  gint64 backup_seq = cm_test_query_int (path, "SELECT max(id) FROM audit");
  gint64 replaced_seq;

  cm_test_copy_portfolio (path, backup);
  change (path, "Neighbourhood network", 2);
  between = anchor_of (path);
  change (path, "Community hub", 2);
  replaced = anchor_of (path);
  replaced_seq = g_ascii_strtoll (replaced, NULL, 10);
  forged = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", replaced_seq,
                            "1111111111111111111111111111111111111111111111111111111111111111");
  beyond = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", replaced_seq + 1, strchr (replaced, ':') + 1);

  /* What Restore from Backup does: the backup's file in place, then the
   * restore recorded as the first change. */
  cm_test_copy_portfolio (backup, path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CmStore) store = open_store (path, 0);

    cm_store_set_actor (store, "Contracts officer");
    /* Who the trail records: on a server, the role signed in. */
    restorer = g_strdup (cm_store_get_actor (store));
    g_assert_true (cm_audit_anchor_record_restore (store, replaced, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (cm_test_query_int (path, "SELECT id FROM audit WHERE entity = 'meta'"
                                            " AND field = 'restored_from_backup'"),
                   ==, backup_seq + 1);
  assert_intact (path);

  g_assert_cmpint (check_anchor (path, before, NULL), ==, CM_AUDIT_ANCHOR_HELD);
  g_assert_cmpint (check_anchor (path, replaced, &said), ==, CM_AUDIT_ANCHOR_RESTORED);
  g_assert_nonnull (strstr (said, "restored from a backup on "));
  g_assert_nonnull (strstr (said, restorer));
  g_clear_pointer (&said, g_free);
  g_assert_cmpint (check_anchor (path, between, &said), ==, CM_AUDIT_ANCHOR_RESTORED);
  g_assert_nonnull (strstr (said, "cannot confirm"));
  /* The restore names one head; another hash at its row, or a row past
   * it, is not explained. */
  g_assert_cmpint (check_anchor (path, forged, NULL), ==, CM_AUDIT_ANCHOR_LOST);
  g_assert_cmpint (check_anchor (path, beyond, NULL), ==, CM_AUDIT_ANCHOR_LOST);

  /* New work reuses the replaced rows' numbers; the explanation stands. */
  change (path, "Carers' centre", 4);
  g_assert_cmpint (cm_test_query_int (path, "SELECT max(id) FROM audit"), >, replaced_seq);
  assert_intact (path);
  g_assert_cmpint (check_anchor (path, replaced, NULL), ==, CM_AUDIT_ANCHOR_RESTORED);
  g_assert_cmpint (check_anchor (path, between, NULL), ==, CM_AUDIT_ANCHOR_RESTORED);

  /* Without the record, the same restore is a rollback like any other. */
  cm_test_copy_portfolio (backup, path);
  g_assert_cmpint (check_anchor (path, replaced, NULL), ==, CM_AUDIT_ANCHOR_LOST);
}

static void
test_workbook_carries_the_anchor (void)
{
  g_autofree char *path = make_trail ("workbook.commissioner");
  g_autofree char *workbook = cm_test_temp_path ("workbook.xlsx");
  g_autofree char *anchor = anchor_of (path);
  g_autofree char *read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = cm_test_today ();

  {
    g_autoptr(CmStore) store = open_store (path, CM_STORE_OPEN_READ_ONLY);

    g_assert_true (cm_workbook_export (store, workbook, today, NULL, &error));
    g_assert_no_error (error);
  }
  read_back = cm_audit_anchor_read_workbook (workbook, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back, ==, anchor);

  /* A file without one says so, naming the file. */
  g_clear_pointer (&read_back, g_free);
  read_back = cm_audit_anchor_read_workbook (path, &error);
  g_assert_null (read_back);
  g_assert_nonnull (error);
}

/* ---- the actor ---------------------------------------------------------- */

static void
test_actor_is_the_account (void)
{
  g_autofree char *account = cm_actor_account ();
  g_autofree char *bare = cm_actor_describe (NULL);
  g_autofree char *blank = cm_actor_describe ("  ");
  g_autofree char *login = cm_actor_describe (g_get_user_name ());
  g_autofree char *role = cm_actor_describe (" Commissioning lead\n");
  g_autofree char *forged = cm_actor_describe ("Director\nsomeone");
  g_autofree char *expected = g_strdup_printf ("%s, as “Commissioning lead”", account);
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("actor-account.commissioner", &path);
  g_autoptr(CmOrganisation) org = cm_organisation_new ("Better Care Fund",
                                                       CM_ORGANISATION_KIND_POOLED_BUDGET);
  g_autofree char *recorded = NULL;

  g_assert_true (g_str_has_prefix (account, g_get_user_name ()));
  g_assert_cmpstr (bare, ==, account);
  g_assert_cmpstr (blank, ==, account);
  g_assert_cmpstr (login, ==, account);
  g_assert_cmpstr (role, ==, expected);
  g_assert_null (strchr (forged, '\n'));
  g_assert_true (g_str_has_prefix (forged, account));

  /* The setting's name stands beside the account in the file. */
  cm_store_set_actor (store, "Commissioning lead");
  g_assert_cmpstr (cm_store_get_display_name (store), ==, "Commissioning lead");
  cm_test_save (store, org);
  recorded = cm_test_query_text (path, "SELECT DISTINCT actor FROM audit"
                                       " WHERE entity = 'organisation'");
  g_assert_cmpstr (recorded, ==, expected);
  cm_store_set_actor (store, NULL);
  g_assert_cmpstr (cm_store_get_actor (store), ==, account);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit-anchor/format/new-rows", test_new_rows_cover_their_number);
  cm_test_add_file_func ("/audit-anchor/format/old-rows", test_old_rows_keep_verifying);
  cm_test_add_file_func ("/audit-anchor/format/boundary-moved", test_moving_the_boundary_is_detected);
  cm_test_add_file_func ("/audit-anchor/format/stored-previous-hash", test_stored_previous_hash);
  g_test_add_func ("/audit-anchor/format/boundary-rehashed",
                   test_boundary_moved_and_rehashed_loses_the_anchor);
  cm_test_add_file_func ("/audit-anchor/format/odd-values", test_odd_values_hash_as_stated);
  g_test_add_func ("/audit-anchor/verify/renumbered", test_renumbered_rows_are_detected);
  cm_test_add_file_func ("/audit-anchor/verify/retyped", test_retyped_values_are_detected);
  g_test_add_func ("/audit-anchor/anchor/text", test_anchor_text);
  g_test_add_func ("/audit-anchor/anchor/grows", test_anchor_held_as_the_trail_grows);
  g_test_add_func ("/audit-anchor/anchor/truncated", test_truncation_loses_the_anchor);
  g_test_add_func ("/audit-anchor/anchor/rewritten", test_rewritten_chain_loses_the_anchor);
  g_test_add_func ("/audit-anchor/anchor/older-copy", test_older_copy_loses_the_anchor);
  g_test_add_func ("/audit-anchor/anchor/restore", test_restore_explains_replaced_anchors);
  g_test_add_func ("/audit-anchor/anchor/workbook", test_workbook_carries_the_anchor);
  cm_test_add_file_func ("/audit-anchor/actor", test_actor_is_the_account);
  return g_test_run ();
}
