/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sql-log.c: each distinct SQL text the store runs, logged for the portability test */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "cm-sql-log.h"

/* Texts already written; query models run statements on worker threads. */
static GMutex lock;
static GHashTable *written;
static int log_fd = -1;

static void
write_once (const char *sql)
{
  g_mutex_lock (&lock);
  if (!g_hash_table_contains (written, sql))
    {
      g_autoptr(GString) record = g_string_new (sql);

      g_hash_table_add (written, g_strdup (sql));
      /* One write () each: O_APPEND keeps the records of processes whole. */
      g_string_append_c (record, '\0');
      if (write (log_fd, record->str, record->len) != (gssize) record->len)
        g_warning ("The SQL log could not be written: %s", g_strerror (errno));
    }
  g_mutex_unlock (&lock);
}

static int
on_trace (unsigned kind, void *data, void *stmt, void *text)
{
  const char *sql = sqlite3_sql (stmt);

  /* A statement run by a trigger reports itself as a comment: not ours. */
  if (kind == SQLITE_TRACE_STMT && sql != NULL && !g_str_has_prefix (text, "--"))
    write_once (sql);
  return 0;
}

static gboolean
log_opened (void)
{
  static gsize opened = 0;

  if (g_once_init_enter (&opened))
    {
      const char *path = g_getenv ("CM_SQL_LOG");

      if (path != NULL && *path != '\0')
        {
          log_fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
          if (log_fd < 0)
            g_warning ("The SQL log %s could not be opened: %s", path, g_strerror (errno));
          written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }
      g_once_init_leave (&opened, 1);
    }
  return log_fd >= 0;
}

void
cm_sql_log_attach (sqlite3 *db)
{
  if (log_opened ())
    sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, on_trace, NULL);
}
