/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* bench-db-stream.c: one walk through every row of a large table, through cm-db.h
 *
 *   bench-db-stream sqlite PATH | postgresql URI
 *
 * Reads every column of every row of "item" (id, name, amount, ratio), as
 * an export does, and prints: rows, wall ms, processor ms, and the
 * process's peak resident memory in KiB, which shows whether the rows
 * streamed or were held.
 */
#include <sys/resource.h>

#include "cm-db-pg.h"
#include "cm-db-sqlite.h"

static double
processor_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

static CmDb *
connect (const char *engine, const char *where)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;
  CmDb *db;

  if (g_str_equal (engine, "postgresql"))
    {
      db = cm_db_pg_connect (where, &error);
      if (db == NULL)
        g_error ("%s", error->message);
      return db;
    }
  if (sqlite3_open_v2 (where, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", where, sqlite3_errmsg (handle));
  return cm_db_sqlite_adopt (handle);
}

int
main (int argc, char **argv)
{
  CmDb *db;
  CmDbStmt *stmt;
  gint64 rows = 0, sum = 0, start;
  double cpu, ratios = 0;
  gsize text = 0;
  struct rusage usage;

  if (argc != 3)
    g_error ("usage: %s sqlite PATH | postgresql URI", argv[0]);
  db = connect (argv[1], argv[2]);
  start = g_get_monotonic_time ();
  cpu = processor_ms ();
  stmt = cm_db_prepare (db, "SELECT id, name, amount, ratio FROM item ORDER BY id");
  if (stmt == NULL)
    g_error ("%s", cm_db_last_message (db));
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      rows++;
      sum += cm_db_column_int64 (stmt, 0) + cm_db_column_int64 (stmt, 2);
      text += strlen (cm_db_column_text (stmt, 1));
      ratios += cm_db_column_double (stmt, 3);
    }
  if (cm_db_last_failure (db) != CM_DB_FAILURE_NONE)
    g_error ("%s", cm_db_last_message (db));
  cm_db_stmt_free (stmt);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%" G_GINT64_FORMAT "\t%.1f\t%.1f\t%ld\n", rows,
           (g_get_monotonic_time () - start) / 1e3, processor_ms () - cpu, usage.ru_maxrss);
  /* the sums keep the reads from being optimised away */
  g_printerr ("checksum %" G_GINT64_FORMAT " %zu %g\n", sum, text, ratios);
  cm_db_close (db);
  return 0;
}
