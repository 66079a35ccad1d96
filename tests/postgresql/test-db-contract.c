/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-db-contract.c: both backends keep cm-db.h's promises, checked alike
 *
 * Every check runs once on a SQLite file and once on a PostgreSQL
 * database of its own on a throwaway cluster (cm_test_pg_uri, run through
 * on-server.py). Each check makes its own tables.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "cm-db-pg-connect.h"
#include "cm-db-pg.h"
#include "cm-db-sqlite.h"
#include "cm-store.h"
#include "cm-test-util.h"

typedef struct {
  const char *name;
  CmDb *(*connect) (void); /* a new connection to the same database */
} Backend;

static char *sqlite_path;

static CmDb *
connect_sqlite (void)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (sqlite_path, &handle,
                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  /* As the store opens a file. */
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return cm_db_sqlite_adopt (handle);
}

static CmDb *
connect_pg (void)
{
  g_autoptr(GError) error = NULL;
  CmDb *db = cm_db_pg_connect (cm_test_pg_uri (), &error);

  g_assert_no_error (error);
  return db;
}

static const Backend backends[] = {
  { "sqlite", connect_sqlite },
  { "postgresql", connect_pg },
};

/* ---- helpers ----------------------------------------------------------- */

static void
run (CmDb *db, const char *sql)
{
  if (!cm_db_exec (db, sql))
    g_error ("%s: %s", sql, cm_db_last_message (db));
}

/* A fresh table of items, and parents and children for the foreign key. */
static CmDb *
connect_fresh (const Backend *backend)
{
  CmDb *db = backend->connect ();

  run (db, "DROP TABLE IF EXISTS child; DROP TABLE IF EXISTS parent; DROP TABLE IF EXISTS item;"
           "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount BIGINT,"
           "                   ratio DOUBLE PRECISION, note TEXT);"
           "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
           "CREATE TABLE child (id INTEGER PRIMARY KEY,"
           "                    parent_id INTEGER NOT NULL REFERENCES parent (id));");
  return db;
}

static gint64
query_int (CmDb *db, const char *sql)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (cm_db_step (stmt), ==, CM_DB_ROW);
  value = cm_db_column_int64 (stmt, 0);
  g_assert_cmpint (cm_db_step (stmt), ==, CM_DB_DONE);
  return value;
}

static void
step_done (CmDbStmt *stmt)
{
  CmDbStep step = cm_db_step (stmt);

  if (step != CM_DB_DONE)
    g_error ("%s: %s", cm_db_stmt_sql (stmt), cm_db_last_message (cm_db_stmt_db (stmt)));
}

/* The values each insert stores, and the exact values read back. */
static const struct {
  gint64 id;
  const char *name;
  gint64 amount;
  double ratio;
} rows[] = {
  { 1, "alpha", 2500000000, 33.333333333333336 },
  { 2, "Straße “quoted” ? :x '", G_MAXINT64, 0.1 },
  { 3, "γάμμα", G_MININT64, -1e-300 },
};

/* ---- the checks ---------------------------------------------------------- */

/* Values bound with ?, ?N and :name, and read back with their types. */
static void
check_values (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) plain =
    cm_db_prepare (db, "INSERT INTO item (id, name, amount, ratio, note) VALUES (?, ?, ?, ?, ?)");
  g_autoptr(CmDbStmt) numbered =
    cm_db_prepare (db, "INSERT INTO item (note, ratio, amount, name, id) VALUES (?5, ?4, ?3, ?2, ?1)");
  g_autoptr(CmDbStmt) named =
    cm_db_prepare_persistent (db, "INSERT INTO item (id, name, amount, ratio, note)"
                                  " VALUES (:id, :name, :amount, :ratio, :name)");
  g_autoptr(CmDbStmt) select = NULL;

  g_assert_nonnull (plain);
  g_assert_nonnull (numbered);
  g_assert_nonnull (named);
  g_assert_cmpint (cm_db_bind_count (plain), ==, 5);
  g_assert_cmpint (cm_db_bind_count (numbered), ==, 5);
  g_assert_cmpint (cm_db_bind_count (named), ==, 4);
  g_assert_cmpint (cm_db_bind_index (named, ":amount"), ==, 3);
  g_assert_cmpint (cm_db_bind_index (named, ":none"), ==, 0);

  cm_db_bind_int64 (plain, 1, rows[0].id);
  cm_db_bind_text (plain, 2, rows[0].name);
  cm_db_bind_int64 (plain, 3, rows[0].amount);
  cm_db_bind_double (plain, 4, rows[0].ratio);
  cm_db_bind_null (plain, 5);
  step_done (plain);
  g_assert_cmpint (cm_db_changes (db), ==, 1);

  cm_db_bind_int64 (numbered, 1, rows[1].id);
  cm_db_bind_text_static (numbered, 2, rows[1].name);
  cm_db_bind_int64 (numbered, 3, rows[1].amount);
  cm_db_bind_double (numbered, 4, rows[1].ratio);
  cm_db_bind_text (numbered, 5, "second");
  step_done (numbered);

  cm_db_bind_int64 (named, cm_db_bind_index (named, ":id"), rows[2].id);
  cm_db_bind_text (named, cm_db_bind_index (named, ":name"), rows[2].name);
  cm_db_bind_int64 (named, cm_db_bind_index (named, ":amount"), rows[2].amount);
  cm_db_bind_double (named, cm_db_bind_index (named, ":ratio"), rows[2].ratio);
  step_done (named);

  select = cm_db_prepare (db, "SELECT id, name, amount, ratio, note FROM item ORDER BY id");
  g_assert_nonnull (select);
  g_assert_cmpint (cm_db_column_count (select), ==, 5);
  g_assert_cmpstr (cm_db_column_name (select, 3), ==, "ratio");
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpint (cm_db_step (select), ==, CM_DB_ROW);
      g_assert_cmpint (cm_db_column_type (select, 0), ==, CM_DB_INTEGER);
      g_assert_cmpint (cm_db_column_int64 (select, 0), ==, rows[i].id);
      g_assert_cmpint (cm_db_column_type (select, 1), ==, CM_DB_TEXT);
      g_assert_cmpstr (cm_db_column_text (select, 1), ==, rows[i].name);
      g_assert_cmpint (cm_db_column_type (select, 2), ==, CM_DB_INTEGER);
      g_assert_cmpint (cm_db_column_int64 (select, 2), ==, rows[i].amount);
      g_assert_cmpint (cm_db_column_type (select, 3), ==, CM_DB_FLOAT);
      g_assert_true (cm_db_column_double (select, 3) == rows[i].ratio);
    }
  g_assert_cmpint (cm_db_column_type (select, 4), ==, CM_DB_TEXT);
  g_assert_cmpstr (cm_db_column_text (select, 4), ==, rows[2].name);
  g_assert_cmpint (cm_db_step (select), ==, CM_DB_DONE);

  /* The first row's note was bound NULL. */
  cm_db_stmt_reset (select);
  g_assert_cmpint (cm_db_step (select), ==, CM_DB_ROW);
  g_assert_cmpint (cm_db_column_type (select, 4), ==, CM_DB_NULL);
  g_assert_null (cm_db_column_text (select, 4));
  g_assert_cmpint (cm_db_column_int64 (select, 4), ==, 0);

  /* Statements end before their connection, as SQLite requires. */
  g_clear_pointer (&plain, cm_db_stmt_free);
  g_clear_pointer (&numbered, cm_db_stmt_free);
  g_clear_pointer (&named, cm_db_stmt_free);
  g_clear_pointer (&select, cm_db_stmt_free);
  cm_db_close (db);
}

/* A statement reset and run again with new values; changes () counts rows
 * written, and a SELECT leaves it as it was. */
static void
check_reuse_and_changes (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) insert =
    cm_db_prepare_persistent (db, "INSERT INTO item (id, name) VALUES (?, ?)");
  g_autoptr(CmDbStmt) update = cm_db_prepare (db, "UPDATE item SET note = ? WHERE id > ?");

  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("item %d", i);

      cm_db_bind_int64 (insert, 1, i);
      cm_db_bind_text (insert, 2, name);
      step_done (insert);
      cm_db_stmt_reset (insert);
    }
  /* reset leaves no values bound: the NOT NULL name refuses the row */
  cm_db_bind_int64 (insert, 1, 6);
  g_assert_cmpint (cm_db_step (insert), ==, CM_DB_FAILED);
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_CONSTRAINT);
  cm_db_stmt_reset (insert);

  cm_db_bind_text (update, 1, "later");
  cm_db_bind_int64 (update, 2, 2);
  step_done (update);
  g_assert_cmpint (cm_db_changes (db), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 5);
  g_assert_cmpint (cm_db_changes (db), ==, 3);
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_NONE);
  /* Statements end before their connection, as SQLite requires. */
  g_clear_pointer (&insert, cm_db_stmt_free);
  g_clear_pointer (&update, cm_db_stmt_free);
  cm_db_close (db);
}

/* SQLite's LIKE ignores ASCII case, and so must the statement elsewhere;
 * a value whose type only its use could tell is text. */
static void
check_like_and_untyped (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) like = NULL;
  g_autoptr(CmDbStmt) echo = NULL;

  run (db, "INSERT INTO item (id, name) VALUES (1, 'Home Care'), (2, 'home care'),"
           " (3, 'Day care'), (4, 'HOME_CARE')");
  like = cm_db_prepare (db, "SELECT count(*) FROM item WHERE name LIKE ?1 ESCAPE '\\'"
                            " AND 'what? :no' <> ?1");
  g_assert_nonnull (like);
  cm_db_bind_text (like, 1, "%HOME care%");
  g_assert_cmpint (cm_db_step (like), ==, CM_DB_ROW);
  g_assert_cmpint (cm_db_column_int64 (like, 0), ==, 2);
  cm_db_stmt_reset (like);
  cm_db_bind_text (like, 1, "home\\_care");
  g_assert_cmpint (cm_db_step (like), ==, CM_DB_ROW);
  g_assert_cmpint (cm_db_column_int64 (like, 0), ==, 1);

  echo = cm_db_prepare (db, "SELECT ?");
  g_assert_nonnull (echo);
  cm_db_bind_text (echo, 1, "an echo");
  g_assert_cmpint (cm_db_step (echo), ==, CM_DB_ROW);
  g_assert_cmpstr (cm_db_column_text (echo, 0), ==, "an echo");
  /* Statements end before their connection, as SQLite requires. */
  g_clear_pointer (&like, cm_db_stmt_free);
  g_clear_pointer (&echo, cm_db_stmt_free);
  cm_db_close (db);
}

/* Statements run while another's rows are walked, a walk left halfway, and
 * a statement stepped again after its last row. */
static void
check_interleaved (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) walk = NULL;
  g_autoptr(CmDbStmt) insert = NULL;
  gint64 seen = 0;

  run (db, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
  walk = cm_db_prepare (db, "SELECT id, name FROM item WHERE id >= ? ORDER BY id");
  insert = cm_db_prepare (db, "INSERT INTO parent (id) VALUES (?)");
  g_assert_cmpint (cm_db_column_count (walk), ==, 2);
  g_assert_cmpstr (cm_db_column_name (walk, 1), ==, "name");
  cm_db_bind_int64 (walk, 1, 1);
  while (cm_db_step (walk) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (walk, 0);

      g_assert_cmpint (id, ==, ++seen);
      cm_db_bind_int64 (insert, 1, id);
      step_done (insert);
      cm_db_stmt_reset (insert);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM parent"), ==, id);
      g_assert_cmpint (cm_db_column_int64 (walk, 0), ==, id);
      g_assert_cmpint (*cm_db_column_text (walk, 1), ==, 'a' + id - 1);
    }
  g_assert_cmpint (seen, ==, 4);
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_NONE);
  g_assert_false (cm_db_in_transaction (db));

  /* Again, as SQLite does, with the values still bound. */
  g_assert_cmpint (cm_db_step (walk), ==, CM_DB_ROW);
  g_assert_cmpint (cm_db_column_int64 (walk, 0), ==, 1);
  g_assert_false (cm_db_in_transaction (db));
  cm_db_stmt_reset (walk);
  cm_db_bind_int64 (walk, 1, 3);
  g_assert_cmpint (cm_db_step (walk), ==, CM_DB_ROW);
  g_assert_cmpint (cm_db_column_int64 (walk, 0), ==, 3);
  /* left halfway: the connection goes on */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 4);
  cm_db_stmt_reset (walk);
  g_assert_cmpint (query_int (db, "SELECT max(id) FROM parent"), ==, 4);
  g_clear_pointer (&walk, cm_db_stmt_free);
  g_clear_pointer (&insert, cm_db_stmt_free);
  cm_db_close (db);
}

/* A connection closed before its statements are freed goes with its
 * last statement, not before (which would leave the statement nothing to
 * run on) and not never: SQLite's memory is all given back. */
static void
check_close_first (const Backend *backend)
{
  sqlite3_int64 before = sqlite3_memory_used ();
  CmDb *db = connect_fresh (backend);
  CmDbStmt *stmt;

  run (db, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b')");
  stmt = cm_db_prepare (db, "SELECT id FROM item ORDER BY id");
  g_assert_cmpint (cm_db_step (stmt), ==, CM_DB_ROW);
  cm_db_close (db);
  cm_db_stmt_free (stmt);
  g_assert_cmpint (sqlite3_memory_used (), ==, before);
}

static void
insert_expecting (CmDb *db, const char *sql, CmDbFailure failure)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (db, sql);

  g_assert_nonnull (stmt);
  g_assert_cmpint (cm_db_step (stmt), ==, CM_DB_FAILED);
  g_assert_cmpint (cm_db_last_failure (db), ==, failure);
  g_assert_cmpstr (cm_db_last_message (db), !=, "");
}

static void
check_failures (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);

  run (db, "INSERT INTO item (id, name) VALUES (1, 'one'); INSERT INTO parent (id) VALUES (1)");
  insert_expecting (db, "INSERT INTO item (id, name) VALUES (1, 'again')",
                    CM_DB_FAILURE_CONSTRAINT_UNIQUE);
  insert_expecting (db, "INSERT INTO child (id, parent_id) VALUES (1, 2)",
                    CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY);
  insert_expecting (db, "INSERT INTO item (id, name) VALUES (2, NULL)",
                    CM_DB_FAILURE_CONSTRAINT);
  g_assert_null (cm_db_prepare (db, "SELEC id FROM item"));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_SQL);
  g_assert_null (cm_db_prepare (db, "SELECT id FROM no_such_table"));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_SQL);
  g_assert_false (cm_db_exec (db, "DROP TABLE no_such_table"));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_SQL);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM child"), ==, 0);
  cm_db_close (db);
}

/* A write transaction rolled back leaves nothing; one committed is seen by
 * another connection. */
static void
check_transactions (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  CmDb *other = backend->connect ();

  g_assert_false (cm_db_in_transaction (db));
  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  g_assert_true (cm_db_in_transaction (db));
  run (db, "INSERT INTO item (id, name) VALUES (1, 'undone')");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 1);
  cm_db_rollback (db);
  g_assert_false (cm_db_in_transaction (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 0);
  cm_db_rollback (db);

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  run (db, "INSERT INTO item (id, name) VALUES (2, 'kept')");
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM item"), ==, 0);
  g_assert_true (cm_db_commit (db));
  g_assert_false (cm_db_in_transaction (db));
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM item"), ==, 1);

  /* A reader's view holds while another connection commits. */
  g_assert_true (cm_db_begin (other, CM_DB_READING));
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM item"), ==, 1);
  run (db, "INSERT INTO item (id, name) VALUES (3, 'later')");
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM item"), ==, 1);
  g_assert_true (cm_db_commit (other));
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM item"), ==, 2);
  cm_db_close (other);
  cm_db_close (db);
}

/* A transaction a statement failed in, with a notification waiting: its
 * COMMIT says the changes were not saved, announces nothing, and ends it. */
static void
check_failed_commit_with_note (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);

  if (g_strcmp0 (backend->name, "postgresql") != 0)
    {
      cm_db_close (db);
      return; /* a file has no notifications */
    }
  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  run (db, "INSERT INTO item (id, name) VALUES (1, 'first')");
  g_assert_true (cm_db_notify (db, "commissioner_changes", "item:1"));
  g_assert_false (cm_db_exec (db, "INSERT INTO item (id, name) VALUES (1, 'again')"));
  g_assert_false (cm_db_commit (db));
  g_assert_nonnull (strstr (cm_db_last_message (db), "were not saved"));
  g_assert_false (cm_db_in_transaction (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 0);
  cm_db_close (db);
}

typedef struct {
  CmDb *db;
  gboolean begun;
  gint waited;     /* set once the writer's begin returned */
} Writer;

static gpointer
write_second (gpointer data)
{
  Writer *writer = data;

  writer->begun = cm_db_begin (writer->db, CM_DB_WRITING);
  g_atomic_int_set (&writer->waited, 1);
  if (writer->begun)
    writer->begun = cm_db_exec (writer->db, "INSERT INTO item (id, name) VALUES (2, 'second')") &&
                    cm_db_commit (writer->db);
  return NULL;
}

/* One writer at a time: a second writer's begin returns only once the
 * first has committed. */
static void
check_one_writer (const Backend *backend)
{
  CmDb *first = connect_fresh (backend);
  Writer second = { backend->connect (), FALSE, 0 };
  GThread *thread;

  g_assert_true (cm_db_begin (first, CM_DB_WRITING));
  thread = g_thread_new ("second writer", write_second, &second);
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_cmpint (g_atomic_int_get (&second.waited), ==, 0);
  run (first, "INSERT INTO item (id, name) VALUES (1, 'first')");
  g_assert_cmpint (g_atomic_int_get (&second.waited), ==, 0);
  g_assert_true (cm_db_commit (first));
  g_thread_join (thread);
  g_assert_true (second.begun);
  g_assert_cmpint (query_int (first, "SELECT count(*) FROM item"), ==, 2);
  cm_db_close (second.db);
  cm_db_close (first);
}

/* A statement that fails to prepare, and one whose value has no type in
 * PostgreSQL, leave the transaction going, as in SQLite. */
static void
check_prepare_in_transaction (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) untyped = NULL;

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  run (db, "INSERT INTO item (id, name) VALUES (1, 'one')");
  g_assert_null (cm_db_prepare (db, "SELECT * FROM no_such_table"));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_SQL);
  untyped = cm_db_prepare (db, "SELECT ?");
  g_assert_nonnull (untyped);
  cm_db_bind_text (untyped, 1, "kept");
  g_assert_cmpint (cm_db_step (untyped), ==, CM_DB_ROW);
  g_assert_cmpstr (cm_db_column_text (untyped, 0), ==, "kept");
  g_assert_cmpint (cm_db_step (untyped), ==, CM_DB_DONE);
  run (db, "INSERT INTO item (id, name) VALUES (2, 'two')");
  g_assert_true (cm_db_commit (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 2);
  g_clear_pointer (&untyped, cm_db_stmt_free);
  cm_db_close (db);
}

/* ---- where PostgreSQL differs -------------------------------------------- */

/* A failed statement ends PostgreSQL's transaction (SQLite's goes on): its
 * COMMIT undoes it, which must not pass for a commit. */
static void
check_failed_transaction (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);

  run (db, "INSERT INTO item (id, name) VALUES (1, 'one')");
  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  run (db, "INSERT INTO item (id, name) VALUES (2, 'two')");
  g_assert_false (cm_db_exec (db, "INSERT INTO item (id, name) VALUES (1, 'again')"));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_CONSTRAINT_UNIQUE);
  g_assert_true (cm_db_in_transaction (db));
  g_assert_false (cm_db_commit (db));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_OTHER);
  g_assert_false (cm_db_in_transaction (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 1);
  cm_db_close (db);
}

/* ---- connecting to PostgreSQL -------------------------------------------- */

/* @uri with its database or socket folder replaced. */
static char *
uri_with (const char *what, const char *replacement)
{
  g_autoptr(GRegex) pattern = g_regex_new (g_str_equal (what, "database") ? "^(postgresql://)/[^?]*"
                                                                           : "host=[^&]*", 0, 0, NULL);
  g_autofree char *with = g_str_equal (what, "database")
    ? g_strdup_printf ("\\1/%s", replacement) : g_strdup_printf ("host=%s", replacement);

  return g_regex_replace (pattern, cm_test_pg_uri (), -1, 0, with, 0, NULL);
}

static void
assert_refused (const char *uri, int code, const char *named, const char *also_named)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (cm_db_pg_connect (uri, &error));
  g_assert_error (error, CM_STORE_ERROR, code);
  g_test_message ("%s: %s", uri, error->message);
  g_assert_nonnull (strstr (error->message, named));
  if (also_named != NULL)
    g_assert_nonnull (strstr (error->message, also_named));
}

static void
check_connect_errors (const Backend *backend)
{
  g_autofree char *folder = cm_test_temp_path ("no-server-here");
  g_autofree char *unreachable = uri_with ("host", folder);
  g_autofree char *missing = uri_with ("database", "no_such_portfolio");
  /* The cluster trusts whoever connects, but not a role it does not have. */
  g_autofree char *stranger = g_strconcat (cm_test_pg_uri (), "&user=no_such_role", NULL);
  g_autoptr(GRegex) host = g_regex_new ("host=([^&]*)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *socket_folder = NULL;

  g_assert_true (g_regex_match (host, cm_test_pg_uri (), 0, &match));
  socket_folder = g_match_info_fetch (match, 1);
  assert_refused (unreachable, CM_STORE_ERROR_FAILED, folder, "cannot be reached");
  assert_refused (missing, CM_STORE_ERROR_NOT_FOUND, socket_folder, "“no_such_portfolio”");
  assert_refused (stranger, CM_STORE_ERROR_FAILED, socket_folder, "“no_such_role” sign in");
}

/* What libpq took for @keyword on @uri's connection. */
static char *
connection_setting (const char *uri, const char *keyword)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = cm_db_pg_connect_server (uri, &error);
  PQconninfoOption *options;
  char *value = NULL;

  g_assert_no_error (error);
  options = PQconninfo (conn);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword))
      value = g_strdup (option->val);
  PQconninfoFree (options);
  PQfinish (conn);
  return value;
}

/* A dead network is noticed, unless the connection string says otherwise. */
static void
check_keepalives (const Backend *backend)
{
  g_autofree char *own = g_strconcat (cm_test_pg_uri (), "&keepalives_idle=5", NULL);
  g_autofree char *idle = connection_setting (cm_test_pg_uri (), "keepalives_idle");
  g_autofree char *timeout = connection_setting (cm_test_pg_uri (), "tcp_user_timeout");
  g_autofree char *own_idle = connection_setting (own, "keepalives_idle");

  g_assert_cmpstr (idle, ==, "30");
  g_assert_cmpstr (timeout, ==, "60000");
  g_assert_cmpstr (own_idle, ==, "5");
}

/* Values that COPY's text form must escape, and numbers at their limits,
 * loaded and read back exactly as bound. */
static const struct {
  gint64 id;
  const char *name;
  gint64 amount;
  double ratio;
  const char *note; /* NULL for NULL */
} loaded[] = {
  { 1, "tab\there", G_MAXINT64, 0.1, "line\nbreak\r\nand back\\slash" },
  { 2, "\\N", G_MININT64, -1e-300, NULL },
  { 3, "\\.", 0, 1.7976931348623157e308, "" },
  { 4, "γάμμα “Straße” 😀", -1, 4.9406564841237e-324, "\\t\\n literally" },
  { 5, "end\\", 1, 33.333333333333336, "\t\n\\" },
};

static void
load_rows (CmDb *db)
{
  const char *const columns[] = { "id", "name", "amount", "ratio", "note", NULL };
  g_autoptr(CmDbCopy) copy = NULL;

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  copy = cm_db_copy_begin (db, "item", columns);
  g_assert_nonnull (copy);
  for (gsize i = 0; i < G_N_ELEMENTS (loaded); i++)
    {
      cm_db_copy_int64 (copy, 1, loaded[i].id);
      cm_db_copy_text (copy, 2, loaded[i].name);
      cm_db_copy_int64 (copy, 3, loaded[i].amount);
      cm_db_copy_double (copy, 4, loaded[i].ratio);
      if (loaded[i].note != NULL)
        cm_db_copy_text (copy, 5, loaded[i].note);
      g_assert_true (cm_db_copy_row (copy));
    }
  g_assert_true (cm_db_copy_end (g_steal_pointer (&copy)));
  g_assert_true (cm_db_commit (db));
}

/* Rows loaded with cm_db_copy_* () read back as they were bound. */
static void
check_copy_values (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) select = NULL;

  load_rows (db);
  select = cm_db_prepare (db, "SELECT id, name, amount, ratio, note FROM item ORDER BY id");
  for (gsize i = 0; i < G_N_ELEMENTS (loaded); i++)
    {
      g_assert_cmpint (cm_db_step (select), ==, CM_DB_ROW);
      g_assert_cmpint (cm_db_column_int64 (select, 0), ==, loaded[i].id);
      g_assert_cmpstr (cm_db_column_text (select, 1), ==, loaded[i].name);
      g_assert_cmpint (cm_db_column_int64 (select, 2), ==, loaded[i].amount);
      g_assert_cmpint (cm_db_column_type (select, 3), ==, CM_DB_FLOAT);
      g_assert_true (cm_db_column_double (select, 3) == loaded[i].ratio);
      g_assert_cmpint (cm_db_column_type (select, 4), ==,
                       loaded[i].note != NULL ? CM_DB_TEXT : CM_DB_NULL);
      g_assert_cmpstr (cm_db_column_text (select, 4), ==, loaded[i].note);
    }
  g_assert_cmpint (cm_db_step (select), ==, CM_DB_DONE);
  g_clear_pointer (&select, cm_db_stmt_free);
  cm_db_close (db);
}

/* A row the table refuses fails the load, by cm_db_copy_end () at the
 * latest, and the transaction's rollback leaves nothing of it. */
static void
check_copy_failure (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  const char *const columns[] = { "id", "name", NULL };
  CmDbCopy *copy;
  gboolean ok;

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  copy = cm_db_copy_begin (db, "item", columns);
  g_assert_nonnull (copy);
  cm_db_copy_int64 (copy, 1, 1);
  cm_db_copy_text (copy, 2, "first");
  ok = cm_db_copy_row (copy);
  cm_db_copy_int64 (copy, 1, 2); /* no name: NOT NULL refuses it */
  ok = cm_db_copy_row (copy) && ok;
  ok = cm_db_copy_end (copy) && ok;
  g_assert_false (ok);
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_CONSTRAINT);
  cm_db_rollback (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 0);
  g_assert_null (cm_db_copy_begin (db, "no_such_table", columns));
  cm_db_close (db);
}

/* After a load the engine numbers new rows after the largest id loaded. */
static void
check_copy_numbering (const Backend *backend)
{
  CmDb *db = backend->connect ();
  const char *const columns[] = { "id", "note", NULL };
  g_autoptr(CmDbCopy) copy = NULL;

  run (db, "DROP TABLE IF EXISTS numbered");
  run (db, cm_db_engine (db) == CM_DB_ENGINE_POSTGRESQL
             ? "CREATE TABLE numbered (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
               " note TEXT)"
             : "CREATE TABLE numbered (id INTEGER PRIMARY KEY, note TEXT)");
  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  copy = cm_db_copy_begin (db, "numbered", columns);
  for (gint64 id = 5; id <= 9; id += 4)
    {
      cm_db_copy_int64 (copy, 1, id);
      g_assert_true (cm_db_copy_row (copy));
    }
  g_assert_true (cm_db_copy_end (g_steal_pointer (&copy)));
  run (db, "INSERT INTO numbered (note) VALUES ('next')");
  g_assert_true (cm_db_commit (db));
  g_assert_cmpint (query_int (db, "SELECT id FROM numbered WHERE note = 'next'"), ==, 10);
  cm_db_close (db);
}

/* ---- results deferred ---------------------------------------------------- */

/* Inserts items @from to @to with @insert, each giving no rows. */
static void
insert_items (CmDbStmt *insert, gint64 from, gint64 to)
{
  for (gint64 id = from; id <= to; id++)
    {
      cm_db_bind_int64 (insert, 1, id);
      cm_db_bind_text (insert, 2, "item");
      step_done (insert);
      g_assert_cmpint (cm_db_changes (cm_db_stmt_db (insert)), ==, 1);
      cm_db_stmt_reset (insert);
    }
}

/* The failure of inserting item 1 twice, with results deferred or not:
 * its kind, and its message (a copy). */
static char *
insert_twice (const Backend *backend, gboolean defer, CmDbFailure *failure)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) insert = NULL;
  guint64 failed_at;
  gboolean failed;
  char *message;

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  g_assert_true (cm_db_defer_results (db, defer));
  insert = cm_db_prepare (db, "INSERT INTO item (id, name) VALUES (?, ?)");
  insert_items (insert, 1, 1500);
  cm_db_bind_int64 (insert, 1, 1);
  cm_db_bind_text (insert, 2, "again");
  failed = cm_db_step (insert) == CM_DB_FAILED;
  cm_db_stmt_reset (insert);
  /* Those after it are not written either, whenever it is reported. */
  if (!failed)
    {
      cm_db_bind_int64 (insert, 1, 1501);
      cm_db_bind_text (insert, 2, "after");
      g_assert_cmpint (cm_db_step (insert), ==, CM_DB_DONE);
      cm_db_stmt_reset (insert);
    }
  g_assert_true (!cm_db_defer_results (db, FALSE) || failed);
  /* Which statement failed, where its answer came after the next was
   * sent. */
  g_assert_cmpuint (cm_db_deferred (db, &failed_at), ==, failed ? 0 : 1502);
  g_assert_cmpuint (failed_at, ==, failed ? 0 : 1501);
  *failure = cm_db_last_failure (db);
  message = g_strdup (cm_db_last_message (db));
  cm_db_rollback (db);
  g_assert_false (cm_db_in_transaction (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 0);
  g_clear_pointer (&insert, cm_db_stmt_free);
  cm_db_close (db);
  return message;
}

/* With results deferred, INSERTs are all written, read back by the next
 * statement that gives rows and committed; one that fails is reported,
 * when it is, with the very failure and message it has when each result
 * is waited for, and the transaction then rolls back to nothing. */
static void
check_deferred_results (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) insert = NULL;
  g_autoptr(CmDbStmt) late = NULL;
  CmDbFailure deferred_failure, waited_failure;
  g_autofree char *deferred = NULL;
  g_autofree char *waited = NULL;

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  g_assert_true (cm_db_defer_results (db, TRUE));
  insert = cm_db_prepare (db, "INSERT INTO item (id, name) VALUES (?, ?)");
  insert_items (insert, 1, 2500);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 2500);
  /* A statement prepared while results wait, and a row after a read. */
  late = cm_db_prepare (db, "INSERT INTO item (name, id) VALUES (?2, ?1)");
  g_assert_nonnull (late);
  insert_items (late, 2501, 2600);
  g_assert_true (cm_db_in_transaction (db));
  g_assert_true (cm_db_defer_results (db, FALSE));
  g_assert_true (cm_db_commit (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 2600);
  g_clear_pointer (&insert, cm_db_stmt_free);
  g_clear_pointer (&late, cm_db_stmt_free);
  cm_db_close (db);

  deferred = insert_twice (backend, TRUE, &deferred_failure);
  waited = insert_twice (backend, FALSE, &waited_failure);
  g_assert_cmpint (deferred_failure, ==, CM_DB_FAILURE_CONSTRAINT_UNIQUE);
  g_assert_cmpint (waited_failure, ==, CM_DB_FAILURE_CONSTRAINT_UNIQUE);
  g_assert_cmpstr (deferred, ==, waited);
}

/* The server ends the session while INSERTs wait in the pipeline: the
 * failure is a lost connection, whose place a new session takes, and the
 * connection then works as before, the INSERTs gone with the session;
 * until then every statement says the connection is lost, not that the
 * pipeline is in the way. */
static void
check_pipeline_lost (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  CmDb *other = backend->connect ();
  g_autoptr(CmDbStmt) insert = NULL;
  g_autofree char *terminate = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT
                                                ", 10000)::int",
                                                query_int (db, "SELECT pg_backend_pid ()"));

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  g_assert_true (cm_db_defer_results (db, TRUE));
  insert = cm_db_prepare (db, "INSERT INTO item (id, name) VALUES (?, ?)");
  insert_items (insert, 1, 100);
  g_assert_cmpint (query_int (other, terminate), ==, 1);
  g_assert_false (cm_db_defer_results (db, FALSE));
  g_test_message ("ending the pipeline: %s", cm_db_last_message (db));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_CONNECTION_LOST);
  cm_db_rollback (db);
  g_assert_false (cm_db_exec (db, "SELECT 1"));
  g_assert_cmpint (cm_db_last_failure (db), ==, CM_DB_FAILURE_CONNECTION_LOST);
  g_assert_null (cm_db_take_notifications (db, "any"));

  /* As the store's watch does once it has connected again. */
  cm_db_pg_take_session (db, backend->connect ());
  g_assert_false (cm_db_in_transaction (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 0);
  insert_items (insert, 1, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 10);
  g_clear_pointer (&insert, cm_db_stmt_free);
  cm_db_close (other);
  cm_db_close (db);
}

/* The rows the server counts as inserted into item, in transactions
 * committed or rolled back, up to @db's last. */
static gint64
items_inserted (CmDb *db)
{
  /* The session hands its counts over once idle after this. */
  run (db, "SELECT pg_stat_force_next_flush ()");
  return query_int (db, "SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'item'");
}

/* A ROLLBACK drops the rows held for COPY, and those of a COPY that failed
 * while in flight, without sending them again as INSERTs: the server
 * counts no more rows inserted than that COPY's. */
static void
check_rollback_drops_held (const Backend *backend)
{
  CmDb *db = connect_fresh (backend);
  g_autoptr(CmDbStmt) insert = NULL;
  gint64 before = items_inserted (db);
  gint64 inserted;

  g_assert_true (cm_db_begin (db, CM_DB_WRITING));
  g_assert_true (cm_db_defer_results (db, TRUE));
  insert = cm_db_prepare (db, "INSERT INTO item (id, name) VALUES (?, ?)");
  /* 65,536 rows, item 1 twice, go as a COPY that fails; then some held. */
  insert_items (insert, 1, 65535);
  insert_items (insert, 1, 1);
  insert_items (insert, 70001, 70100);
  cm_db_rollback (db);
  g_assert_false (cm_db_in_transaction (db));
  g_assert_true (cm_db_defer_results (db, FALSE));
  inserted = items_inserted (db) - before;
  g_test_message ("rows inserted, then rolled back: %" G_GINT64_FORMAT, inserted);
  g_assert_cmpint (inserted, >, 0);
  g_assert_cmpint (inserted, <=, 65536);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 0);
  insert_items (insert, 1, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item"), ==, 10);
  g_clear_pointer (&insert, cm_db_stmt_free);
  cm_db_close (db);
}

/* ---- running ------------------------------------------------------------- */

typedef void (*Check) (const Backend *backend);

typedef struct {
  const Backend *backend;
  Check check;
} Case;

static void
run_case (gconstpointer data)
{
  const Case *c = data;

  c->check (c->backend);
}

static void
add_case (const Backend *backend, const char *name, Check check)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *path = g_strdup_printf ("/db-contract/%s/%s", backend->name, name);

  c->backend = backend;
  c->check = check;
  g_test_add_data_func_full (path, c, run_case, g_free);
}

int
main (int argc, char **argv)
{
  static const struct {
    const char *name;
    Check check;
  } checks[] = {
    { "values", check_values },
    { "reuse-and-changes", check_reuse_and_changes },
    { "like-and-untyped", check_like_and_untyped },
    { "interleaved", check_interleaved },
    { "close-first", check_close_first },
    { "failures", check_failures },
    { "transactions", check_transactions },
    { "failed-commit-with-note", check_failed_commit_with_note },
    { "one-writer", check_one_writer },
    { "prepare-in-transaction", check_prepare_in_transaction },
    { "copy-values", check_copy_values },
    { "copy-failure", check_copy_failure },
    { "copy-numbering", check_copy_numbering },
    { "deferred-results", check_deferred_results },
  };
  int status;

  g_test_init (&argc, &argv, NULL);
  sqlite_path = cm_test_temp_path ("contract.sqlite");
  for (gsize b = 0; b < G_N_ELEMENTS (backends); b++)
    for (gsize i = 0; i < G_N_ELEMENTS (checks); i++)
      add_case (&backends[b], checks[i].name, checks[i].check);
  add_case (&backends[1], "failed-transaction", check_failed_transaction);
  add_case (&backends[1], "connect-errors", check_connect_errors);
  add_case (&backends[1], "keepalives", check_keepalives);
  add_case (&backends[1], "pipeline-lost", check_pipeline_lost);
  add_case (&backends[1], "rollback-drops-held", check_rollback_drops_held);
  status = g_test_run ();
  g_free (sqlite_path);
  return status;
}
