/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sql-functions.c: the functions the store's SQL calls that SQLite lacks */
#include <string.h>

#include <glib.h>

#include "cm-sql-functions.h"
#include "cm-sql-log.h"

/* Strictly YYYY-MM-DD, as the PostgreSQL cm_add_months () reads it. */
static gboolean
parse_day (const char *text, GDate *day)
{
  guint year, month, dom;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  dom = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (dom, month, year))
    return FALSE;
  g_date_set_dmy (day, dom, month, year);
  return TRUE;
}

/* cm_fold(text): the case fold search compares against (SQLite's lower()
 * knows only ASCII). */
static void
sql_fold (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, g_utf8_casefold (text, -1), -1, g_free);
}

/* cm_add_months(day, months): the day @months later, kept within its month
 * (31 January + 1 month = 29 February 2024), or NULL when @day is no
 * date. SQLite's date (day, '+N months') would overflow into March, which
 * PostgreSQL cannot be made to do. */
static void
sql_add_months (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  gint64 months = sqlite3_value_int64 (argv[1]);
  char buffer[16];
  GDate day;

  g_date_clear (&day, 1);
  if (sqlite3_value_type (argv[1]) == SQLITE_NULL || !parse_day (text, &day) ||
      months > 12 * 9999 || months < -12 * 9999)
    {
      sqlite3_result_null (context);
      return;
    }
  if (months >= 0)
    g_date_add_months (&day, (guint) months);
  else
    g_date_subtract_months (&day, (guint) -months);
  if (!g_date_valid (&day))
    {
      sqlite3_result_null (context);
      return;
    }
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (&day),
              g_date_get_month (&day), g_date_get_day (&day));
  sqlite3_result_text (context, buffer, -1, SQLITE_TRANSIENT);
}

void
cm_sql_functions_install (sqlite3 *db)
{
  sqlite3_create_function (db, "cm_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_fold, NULL, NULL);
  sqlite3_create_function (db, "cm_add_months", 2,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_add_months, NULL, NULL);
  cm_sql_log_attach (db);
}
