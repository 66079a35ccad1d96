/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-sql-functions.c: the SQL functions the store gives SQLite answer as PostgreSQL's do */
#include <sqlite3.h>

#include "cm-sql-functions.h"

/* The same days as data/sql/postgresql/prelude.sql's cm_add_months ()
 * gives (tests/postgresql checks it against GLib): a day kept within its
 * month, where SQLite's date () would run into the next. */
static const struct
{
  const char *day;
  const char *months; /* SQL: a number, or NULL */
  const char *expected; /* NULL for NULL */
} add_months_cases[] = {
  { "2024-01-31", "1", "2024-02-29" },
  { "2023-01-31", "1", "2023-02-28" },
  { "2023-08-31", "6", "2024-02-29" },
  { "2024-02-29", "12", "2025-02-28" },
  { "2024-12-31", "2", "2025-02-28" },
  { "2026-11-22", "24", "2028-11-22" },
  { "2024-01-31", "0", "2024-01-31" },
  { "2024-03-31", "-1", "2024-02-29" },
  { "2023-02-30", "1", NULL },
  { "2024-1-31", "1", NULL },
  { "2024-01-31T10:00", "1", NULL },
  { "not a date", "12", NULL },
  { "", "24", NULL },
  { "2024-01-31", "NULL", NULL },
};

static char *
answer (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
test_add_months (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  cm_sql_functions_install (db);
  for (guint i = 0; i < G_N_ELEMENTS (add_months_cases); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT cm_add_months('%s', %s)",
                                              add_months_cases[i].day,
                                              add_months_cases[i].months);
      g_autofree char *got = answer (db, sql);

      g_test_message ("%s", sql);
      g_assert_cmpstr (got, ==, add_months_cases[i].expected);
    }
  /* Where SQLite's own date arithmetic differs: the reason for the function. */
  {
    g_autofree char *own = answer (db, "SELECT date('2024-01-31', '+1 months')");

    g_assert_cmpstr (own, ==, "2024-03-02");
  }
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  /* This test asks SQLite's own date () too, which no portfolio may. */
  g_unsetenv ("CM_SQL_LOG");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sql-functions/add-months", test_add_months);
  return g_test_run ();
}
