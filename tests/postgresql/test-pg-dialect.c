/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-pg-dialect.c: the store's SQL in PostgreSQL's form, text for text */
#include "cm-db-pg-dialect.h"

/* Each statement as the store writes it, as PostgreSQL must get it, and
 * how many values it takes. */
static const struct {
  const char *sqlite;
  const char *postgresql;
  int n_params;
} translations[] = {
  { "SELECT 1", "SELECT 1", 0 },
  { "SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = $1 AND b = $2", 2 },
  /* ?N is N; a later ? is one more than the largest so far */
  { "UPDATE t SET a = ?2 WHERE id = ?1", "UPDATE t SET a = $2 WHERE id = $1", 2 },
  { "SELECT ?3, ?", "SELECT $3, $4", 4 },
  { "SELECT ?1 || ?1", "SELECT $1 || $1", 1 },
  /* the same :name is the same value */
  { "INSERT INTO t (a, b) VALUES (:a, :b) ON CONFLICT DO UPDATE SET a = :a",
    "INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT DO UPDATE SET a = $1", 2 },
  { "SELECT :x, ?, :x, ?5, :y", "SELECT $1, $2, $1, $5, $6", 6 },
  /* not values: string literals, quoted names, comments, casts */
  { "SELECT 'what? :no' , ? FROM t", "SELECT 'what? :no' , $1 FROM t", 1 },
  { "SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1 },
  { "SELECT \"odd?:col\" FROM t WHERE a = :a", "SELECT \"odd?:col\" FROM t WHERE a = $1", 1 },
  { "SELECT \"a\"\"?\" , ?", "SELECT \"a\"\"?\" , $1", 1 },
  { "SELECT ? -- a comment? :no\n, ?", "SELECT $1 -- a comment? :no\n, $2", 2 },
  { "SELECT /* ? :no */ ?", "SELECT /* ? :no */ $1", 1 },
  { "SELECT x::text, :y::integer", "SELECT x::text, $1::integer", 1 },
  { "SELECT $$ ? :no $$, ?", "SELECT $$ ? :no $$, $1", 1 },
  { "SELECT $f$ ? $f$ || ?", "SELECT $f$ ? $f$ || $1", 1 },
  { "SELECT '2026-01-01 10:30', ?", "SELECT '2026-01-01 10:30', $1", 1 },
  { "SELECT 'unfinished ?", "SELECT 'unfinished ?", 0 },
  /* SQLite's LIKE ignores ASCII case: PostgreSQL's ILIKE, for a bound pattern */
  { "SELECT id FROM s WHERE name LIKE ?1 ESCAPE '\\' LIMIT ?2",
    "SELECT id FROM s WHERE name ILIKE $1 ESCAPE '\\' LIMIT $2", 2 },
  { "WHERE a.actor like :search OR a.field NOT LIKE\n  :search",
    "WHERE a.actor ILIKE $1 OR a.field NOT ILIKE\n  $1", 1 },
  { "WHERE name LIKE ?", "WHERE name ILIKE $1", 1 },
  /* a pattern written in the statement, and words that only hold LIKE */
  { "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", 0 },
  { "SELECT likely, unlike_it, alike FROM t WHERE x = ?",
    "SELECT likely, unlike_it, alike FROM t WHERE x = $1", 1 },
  { "SELECT 'LIKE ?' LIKE ?", "SELECT 'LIKE ?' ILIKE $1", 1 },
  { "SELECT 'café' || ?", "SELECT 'café' || $1", 1 },
  /* a number out of range stays as written, to be refused */
  { "SELECT ?0, ?", "SELECT ?0, $1", 1 },
  { "SELECT ?65536", "SELECT ?65536", 0 },
  { "SELECT ?99999999999999999999, ?-1", "SELECT ?99999999999999999999, $1-1", 1 },
  { "SELECT ?65535, ?", "SELECT $65535, ?", 65535 },
};

static void
test_translations (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (translations); i++)
    {
      g_autoptr(CmDbPgStatement) statement = cm_db_pg_statement_new (translations[i].sqlite);

      g_assert_cmpstr (statement->sql, ==, translations[i].postgresql);
      g_assert_cmpint (statement->n_params, ==, translations[i].n_params);
    }
}

/* cm_db_bind_index () finds a value by the name SQLite gives it. */
static void
test_names (void)
{
  g_autoptr(CmDbPgStatement) statement =
    cm_db_pg_statement_new ("SELECT :first, ?, ?7, :second, :first, ?7, ?");

  g_assert_cmpstr (statement->sql, ==, "SELECT $1, $2, $7, $8, $1, $7, $9");
  g_assert_cmpint (statement->n_params, ==, 9);
  g_assert_cmpint (cm_db_pg_statement_index (statement, ":first"), ==, 1);
  g_assert_cmpint (cm_db_pg_statement_index (statement, "?7"), ==, 7);
  g_assert_cmpint (cm_db_pg_statement_index (statement, ":second"), ==, 8);
  g_assert_cmpint (cm_db_pg_statement_index (statement, ":third"), ==, 0);
  g_assert_cmpint (cm_db_pg_statement_index (statement, "first"), ==, 0);
  g_assert_null (statement->names[1]);
  g_assert_null (statement->names[2]);
}

static void
test_begins (void)
{
  static const struct {
    const char *sql;
    gboolean is_begin;
    CmDbTransaction kind;
  } begins[] = {
    { "BEGIN IMMEDIATE", TRUE, CM_DB_WRITING },
    { "  begin immediate;\n", TRUE, CM_DB_WRITING },
    { "BEGIN EXCLUSIVE", TRUE, CM_DB_WRITING },
    { "BEGIN DEFERRED", TRUE, CM_DB_READING },
    { "BEGIN", FALSE, CM_DB_READING },
    { "BEGIN IMMEDIATE; SELECT 1", FALSE, CM_DB_READING },
    { "SELECT 'BEGIN IMMEDIATE'", FALSE, CM_DB_READING },
    { "COMMIT", FALSE, CM_DB_READING },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (begins); i++)
    {
      CmDbTransaction kind = CM_DB_READING;

      g_assert_cmpint (cm_db_pg_dialect_begin_kind (begins[i].sql, &kind), ==, begins[i].is_begin);
      g_assert_cmpint (kind, ==, begins[i].kind);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg-dialect/translations", test_translations);
  g_test_add_func ("/pg-dialect/names", test_names);
  g_test_add_func ("/pg-dialect/begins", test_begins);
  return g_test_run ();
}
