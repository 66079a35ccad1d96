/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup.c: copies of a portfolio, taken before it changes, and putting one back
 *
 * The portfolio file is only ever read and written through SQLite: the
 * copies come from a connection to it (sqlite3_backup_*), into a new file
 * that SQLite creates. Any other descriptor on the portfolio, once closed,
 * would drop the locks SQLite holds on it.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cm-audit-anchor.h"
#include "cm-backup.h"
#include "cm-db-sqlite.h"
#include "cm-portfolio-name.h"
#include "cm-safe-write.h"
#include "cm-store-copy.h"
#include "cm-store-file.h"
#include "cm-store-journal.h"
#include "cm-store-private.h"
#include "cm-store-server.h"

G_DEFINE_QUARK (cm-backup-error-quark, cm_backup_error)

#define SUFFIX ".commissioner"
#define KEEP_NEWEST 10
#define KEEP_MONTHS 12
/* How long a copy waits for a connection that is committing. */
#define BUSY_TRIES 100
#define BUSY_WAIT_MS 50
/* A copy that can be stopped copies this many pages (4 MB of 4 kB pages)
 * between looks at whether it should stop. */
#define PAGES_PER_STEP 1024
/* A hidden temporary copy older than this was left by a copy cut off
 * half way (a crash, a power cut): no copy takes this long. */
#define STALE_TEMPORARY (G_TIME_SPAN_DAY)

static const struct {
  const char *nick;
  const char *label;
} reasons[] = {
  [CM_BACKUP_REASON_MANUAL] = { "manual", N_("Taken on request") },
  [CM_BACKUP_REASON_DAILY] = { "daily", N_("First opening of the day") },
  [CM_BACKUP_REASON_IMPORT] = { "import", N_("Before an import") },
  [CM_BACKUP_REASON_MIGRATION] = { "migration", N_("Before an update to a new version") },
  [CM_BACKUP_REASON_RESTORE] = { "restore", N_("Before a backup was restored") },
  [CM_BACKUP_REASON_UNDO_IMPORT] = { "undo-import", N_("Before an import was undone") },
};

/* ---- a portfolio on a server ------------------------------------------ */

/* A portfolio on a PostgreSQL server is backed up and restored by the
 * server's own tools: the copies taken before a change are skipped there,
 * and asking for a list or a restore says so. Save a Copy writes a file
 * portfolio of it (cm-store-copy.h). */
gboolean
cm_backup_kept_by_server (const char *portfolio, GError **error)
{
  g_autofree char *shown = NULL;

  if (!cm_store_server_is_uri (portfolio))
    return FALSE;
  shown = cm_portfolio_name_in_message (portfolio);
  g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_ON_SERVER,
               _("Backups of the portfolio in %s are the server’s own: Commissioner neither "
                 "takes nor keeps them. Back it up with pg_dump and restore it with "
                 "pg_restore."), shown);
  return TRUE;
}

/* ---- names ------------------------------------------------------------ */

const char *
cm_backup_reason_nick (CmBackupReason reason)
{
  g_return_val_if_fail (reason < G_N_ELEMENTS (reasons), NULL);
  return reasons[reason].nick;
}

const char *
cm_backup_reason_label (CmBackupReason reason)
{
  g_return_val_if_fail (reason < G_N_ELEMENTS (reasons), NULL);
  return _(reasons[reason].label);
}

static gboolean
reason_from_nick (const char *nick, gsize length, CmBackupReason *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (strlen (reasons[i].nick) == length && strncmp (reasons[i].nick, nick, length) == 0)
      {
        *reason = i;
        return TRUE;
      }
  return FALSE;
}

/* The absolute path with links resolved; for a file not there yet, its
 * folder's. */
static char *
resolved_path (const char *path)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_folder = NULL;
  char *real = realpath (path, NULL);

  if (real)
    return real;
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real_folder = realpath (folder, NULL);
  if (real_folder)
    return g_build_filename (real_folder, base, NULL);
  return g_canonicalize_filename (path, NULL);
}

char *
cm_backup_folder (const char *portfolio)
{
  g_autofree char *absolute = resolved_path (portfolio);
  g_autofree char *name = g_path_get_basename (absolute);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  g_autofree char *leaf = NULL;

  if (g_str_has_suffix (name, SUFFIX) && strlen (name) > strlen (SUFFIX))
    name[strlen (name) - strlen (SUFFIX)] = '\0';
  /* A folder of its own, never a hidden one. */
  if (name[0] == '.')
    name[0] = '_';
  leaf = g_strdup_printf ("%s-%.12s", name, hash);
  return g_build_filename (g_get_user_data_dir (), "commissioner", "backups", leaf, NULL);
}

/* "20260301T101500.123Z-import.commissioner": sorted by name is sorted by
 * time. */
static char *
backup_name (GDateTime *taken, CmBackupReason reason)
{
  g_autofree char *stamp = g_date_time_format (taken, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%03dZ-%s" SUFFIX, stamp, g_date_time_get_microsecond (taken) / 1000,
                          cm_backup_reason_nick (reason));
}

static gboolean
parse_backup_name (const char *name, GDateTime **taken, CmBackupReason *reason)
{
  int year, month, day, hour, minute, second, millisecond, consumed = 0;
  gsize length = strlen (name);
  const char *nick;

  if (sscanf (name, "%4d%2d%2dT%2d%2d%2d.%3dZ-%n", &year, &month, &day, &hour, &minute, &second,
              &millisecond, &consumed) != 7 || consumed == 0 ||
      !g_str_has_suffix (name, SUFFIX) || length <= (gsize) consumed + strlen (SUFFIX))
    return FALSE;
  nick = name + consumed;
  if (!reason_from_nick (nick, length - consumed - strlen (SUFFIX), reason))
    return FALSE;
  *taken = g_date_time_new_utc (year, month, day, hour, minute, second + millisecond / 1000.0);
  return *taken != NULL;
}

void
cm_backup_free (CmBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->taken, g_date_time_unref);
  g_free (backup);
}

/* ---- errors ----------------------------------------------------------- */

static gboolean
copy_failed (GError **error, const char *portfolio, const char *destination, const char *why)
{
  g_autofree char *name = g_path_get_basename (portfolio);
  g_autofree char *folder = g_path_get_dirname (destination);

  g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_FAILED,
               _("“%s” could not be copied to “%s” (%s). Check that the folder “%s” exists, "
                 "can be written to and has space, then try again."),
               name, destination, why, folder);
  return FALSE;
}

/* A backup taken before a change stops the change when it fails. */
static gboolean
backup_failed (GError **error, const char *portfolio, const char *folder, const char *why)
{
  g_autofree char *name = g_path_get_basename (portfolio);

  g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_FAILED,
               _("“%s” could not be backed up into “%s” (%s), so nothing was changed. Check "
                 "that the folder can be written to and has space, then try again."),
               name, folder, why);
  return FALSE;
}

/* ---- copying ---------------------------------------------------------- */

/* The SQLite connection to a portfolio file, which SQLite's backup API
 * copies page by page: backups are copies of a file, a feature of file
 * portfolios alone. */
static sqlite3 *
file_connection (CmStore *store)
{
  return cm_db_sqlite_handle (cm_store_get_db (store));
}

/* Copies every page of @from into @to, waiting a while for a connection
 * that is committing. Either side may be the live portfolio. Without
 * @cancellable it copies in one step; with it, a few megabytes at a time,
 * stopping with SQLITE_INTERRUPT once it is cancelled. */
static int
copy_pages (sqlite3 *to, sqlite3 *from, GCancellable *cancellable)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int pages = cancellable ? PAGES_PER_STEP : -1;
  int rc = SQLITE_OK, finished, busy = 0;

  if (backup == NULL)
    return sqlite3_errcode (to);
  while (busy < BUSY_TRIES)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }
      rc = sqlite3_backup_step (backup, pages);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          busy++;
          sqlite3_sleep (BUSY_WAIT_MS);
        }
      else if (rc != SQLITE_OK)
        break;
    }
  finished = sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? finished : rc;
}

static int
page_size (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int size = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* Copies @source's pages over the live @store. SQLite copies into a file
 * in WAL mode only pages of its own size, and files made before new ones
 * took 16 KiB pages have 4 KiB: such a backup goes in under a rollback
 * journal, and the file returns to WAL after. */
static int
restore_pages (CmStore *store, CmStore *source)
{
  sqlite3 *into = file_connection (store);
  sqlite3 *from = file_connection (source);
  gboolean left_wal = page_size (into) != page_size (from) &&
                      cm_store_journal_leave_wal (cm_store_get_db (store));
  int rc = copy_pages (into, from, NULL);

  if (left_wal)
    cm_store_journal_return_to_wal (cm_store_get_db (store));
  return rc;
}

/* A new, empty file beside @destination that no one else can have chosen. */
static char *
create_temporary (const char *destination, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (destination);
  g_autofree char *base = g_path_get_basename (destination);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  char *path = g_build_filename (folder, template, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
      g_free (path);
      return NULL;
    }
  close (fd);
  return path;
}

/* Writes the database of @source into a file SQLite creates beside
 * @destination, as a self-contained file (no write-ahead log), and moves
 * it into place once complete. Returns why it could not, or NULL; a copy
 * stopped through @cancellable leaves nothing behind either. */
static char *
write_copy (sqlite3 *source, const char *destination, GCancellable *cancellable)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *partial = create_temporary (destination, &local);
  g_autofree char *folder = g_path_get_dirname (destination);
  char *why = NULL;
  sqlite3 *copy = NULL;
  int rc;

  if (partial == NULL)
    return g_strdup (local->message);
  rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (copy, source, cancellable);
  /* The copied header may say the source keeps a write-ahead log. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    why = g_strdup (copy ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
  if (sqlite3_close (copy) != SQLITE_OK && why == NULL)
    why = g_strdup (sqlite3_errstr (SQLITE_BUSY));
  if (why == NULL && g_rename (partial, destination) != 0)
    why = g_strdup (g_strerror (errno));
  if (why)
    cm_store_file_remove (partial);
  else
    cm_safe_write_sync_folder (folder);
  return why;
}

static gboolean
in_transaction (CmStore *store, GError **error)
{
  if (!cm_db_in_transaction (cm_store_get_db (store)))
    return FALSE;
  g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_FAILED,
               _("A backup cannot be taken while a change is being written. Try again once it "
                 "has finished."));
  return TRUE;
}

/* The portfolio file, or one of SQLite's files beside it. */
static gboolean
is_portfolio_file (const char *portfolio, const char *destination)
{
  g_autofree char *target = resolved_path (destination);
  g_autofree char *live = resolved_path (portfolio);

  for (const char *const *suffix = (const char *const[]) { "", "-journal", "-wal", "-shm", NULL };
       *suffix; suffix++)
    {
      g_autofree char *name = g_strconcat (live, *suffix, NULL);
      GStatBuf a, b;

      if (g_str_equal (name, target))
        return TRUE;
      /* The same file under another name (a hard link). */
      if (g_stat (name, &a) == 0 && g_stat (target, &b) == 0 &&
          a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        return TRUE;
    }
  return FALSE;
}

gboolean
cm_backup_copy (CmStore *store, const char *destination, GError **error)
{
  const char *portfolio = cm_store_get_path (store);

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Before either way of copying: each ends its own reading transaction
   * on the store's connection, which would undo the change being written. */
  if (in_transaction (store, error))
    return FALSE;
  /* A server's portfolio is copied row by row into a new file. */
  if (cm_store_server_is_uri (portfolio))
    return cm_store_copy_to_file (store, destination, error);
  if (is_portfolio_file (portfolio, destination))
    {
      g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_SAME_FILE,
                   _("“%s” is the portfolio itself, or one of its working files. Choose another "
                     "name or folder for the copy."), destination);
      return FALSE;
    }
  g_autofree char *why = write_copy (file_connection (store), destination, NULL);

  return why ? copy_failed (error, portfolio, destination, why) : TRUE;
}

/* ---- the backup folder ------------------------------------------------ */

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const CmBackup *x = *(CmBackup * const *) a;
  const CmBackup *y = *(CmBackup * const *) b;

  return g_date_time_compare (y->taken, x->taken);
}

/* The backups in @folder, newest first, known by their names alone. */
static GPtrArray *
scan_folder (const char *folder, GError **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_backup_free);
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &local);
  const char *name;

  if (dir == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)))
    {
      CmBackup *backup = g_new0 (CmBackup, 1);

      if (!parse_backup_name (name, &backup->taken, &backup->reason))
        {
          cm_backup_free (backup);
          continue;
        }
      backup->path = g_build_filename (folder, name, NULL);
      backup->contracts = backup->services = backup->providers = -1;
      g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/* Read through a read-only connection to the backup file itself. */
static void
count_records (CmBackup *backup)
{
  sqlite3 *handle = NULL;
  CmDb *db;
  CmDbStmt *stmt;

  /* A backup is a file, whatever engine its portfolio is on now. */
  if (sqlite3_open_v2 (backup->path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (handle);
      return;
    }
  db = cm_db_sqlite_adopt (handle);
  stmt = cm_db_prepare (db, "SELECT (SELECT count(*) FROM contract),"
                            " (SELECT count(*) FROM service), (SELECT count(*) FROM provider)");
  if (stmt && cm_db_step (stmt) == CM_DB_ROW)
    {
      backup->contracts = cm_db_column_int64 (stmt, 0);
      backup->services = cm_db_column_int64 (stmt, 1);
      backup->providers = cm_db_column_int64 (stmt, 2);
    }
  cm_db_stmt_free (stmt);
  cm_db_close (db);
}

GPtrArray *
cm_backup_list (const char *portfolio, GError **error)
{
  g_autofree char *folder = NULL;
  GPtrArray *backups = NULL;

  if (cm_backup_kept_by_server (portfolio, error))
    return NULL;
  folder = cm_backup_folder (portfolio);
  backups = scan_folder (folder, error);

  for (guint i = 0; backups && i < backups->len; i++)
    count_records (g_ptr_array_index (backups, i));
  return backups;
}

static gboolean
same_month (GDateTime *a, GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_month (a) == g_date_time_get_month (b);
}

/* ".20260301T101500.123Z-daily.commissioner.a1B2c3": the hidden
 * temporary create_temporary () makes for a backup, or SQLite's journal
 * beside it, and nothing else. */
static gboolean
is_backup_temporary (const char *name)
{
  gsize length = strlen (name);
  g_autofree char *backup = NULL;
  g_autoptr(GDateTime) taken = NULL;
  CmBackupReason reason;

  for (const char *const *suffix = (const char *const[]) { "-journal", "-wal", "-shm", NULL };
       *suffix; suffix++)
    if (g_str_has_suffix (name, *suffix))
      {
        length -= strlen (*suffix);
        break;
      }
  if (name[0] != '.' || length < 9 || name[length - 7] != '.')
    return FALSE;
  for (gsize i = length - 6; i < length; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  backup = g_strndup (name + 1, length - 8);
  return parse_backup_name (backup, &taken, &reason);
}

/* Deletes the temporaries in @folder of copies cut off half way long
 * before @now (a crash or a power cut leaves them): no one ever sees them,
 * and each is as large as the portfolio. A recent one may be a copy still
 * being written, and is left alone. */
static void
remove_stale_temporaries (const char *folder, GDateTime *now)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 before = g_date_time_to_unix (now) - STALE_TEMPORARY / G_TIME_SPAN_SECOND;
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!is_backup_temporary (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) && info.st_mtime < before &&
          g_unlink (path) != 0)
        g_debug ("The stale temporary “%s” could not be deleted: %s", path, g_strerror (errno));
    }
}

gboolean
cm_backup_prune (const char *folder, GDateTime *now, GError **error)
{
  g_autoptr(GPtrArray) backups = scan_folder (folder, error);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree gboolean *keep = NULL;

  if (backups == NULL)
    return FALSE;
  remove_stale_temporaries (folder, now);
  keep = g_new0 (gboolean, backups->len + 1);
  for (guint i = 0; i < backups->len && i < KEEP_NEWEST; i++)
    keep[i] = TRUE;
  for (int m = 0; m < KEEP_MONTHS; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (utc, -m);

      /* Newest first, so the first of the month is its newest. */
      for (guint i = 0; i < backups->len; i++)
        if (same_month (((CmBackup *) g_ptr_array_index (backups, i))->taken, month))
          {
            keep[i] = TRUE;
            break;
          }
    }
  for (guint i = 0; i < backups->len; i++)
    {
      CmBackup *backup = g_ptr_array_index (backups, i);

      if (!keep[i] && g_unlink (backup->path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("The old backup “%s” could not be deleted: %s"), backup->path,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- taking backups --------------------------------------------------- */

/* Every change goes through the store and is audited, so a portfolio
 * whose trail holds only the baseline its creation wrote, and no
 * organisation or provider, has nothing in it to lose. */
static gboolean
has_history (CmStore *store)
{
  const char *sql = "SELECT EXISTS (SELECT 1 FROM audit WHERE field <> '*baseline')"
                    " OR EXISTS (SELECT 1 FROM organisation) OR EXISTS (SELECT 1 FROM provider)";
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (cm_store_get_db (store), sql);

  return stmt != NULL && cm_db_step (stmt) == CM_DB_ROW && cm_db_column_int (stmt, 0) != 0;
}

/* A name in @folder for a backup taken at @now, moved on by a millisecond
 * while the name is taken. */
static char *
free_name (const char *folder, GDateTime *now, CmBackupReason reason)
{
  g_autoptr(GDateTime) taken = g_date_time_to_utc (now);

  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = backup_name (taken, reason);
      char *path = g_build_filename (folder, name, NULL);
      GDateTime *later;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
      later = g_date_time_add (taken, G_TIME_SPAN_MILLISECOND);
      g_date_time_unref (taken);
      taken = later;
    }
  return NULL;
}

gboolean
cm_backup_write (CmStore *store, CmBackupReason reason, GDateTime *now,
                 GCancellable *cancellable, char **path, GError **error)
{
  const char *portfolio = cm_store_get_path (store);
  g_autofree char *folder = cm_backup_folder (portfolio);
  g_autofree char *destination = NULL;
  g_autofree char *why = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);

  if (path)
    *path = NULL;
  if (cm_backup_kept_by_server (portfolio, NULL))
    return TRUE;
  if (in_transaction (store, error))
    return FALSE;
  if (!has_history (store))
    return TRUE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return backup_failed (error, portfolio, folder, g_strerror (errno));
  destination = free_name (folder, now, reason);
  if (destination == NULL)
    return backup_failed (error, portfolio, folder, g_strerror (EEXIST));
  why = write_copy (file_connection (store), destination, cancellable);
  /* A copy stopped on purpose is no failure to report. */
  if (why && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (why)
    return backup_failed (error, portfolio, folder, why);
  if (!cm_backup_prune (folder, now, error))
    return FALSE;
  if (path)
    *path = g_steal_pointer (&destination);
  return TRUE;
}

gboolean
cm_backup_before (CmStore *store, CmBackupReason reason, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* A change that will be refused needs no copy, and must say why. */
  return cm_store_check_writable (store, error) &&
         cm_backup_write (store, reason, now, NULL, NULL, error);
}

static gboolean
same_local_day (GDateTime *a, GDateTime *b)
{
  g_autoptr(GDateTime) x = g_date_time_to_local (a);
  g_autoptr(GDateTime) y = g_date_time_to_local (b);

  return g_date_time_get_year (x) == g_date_time_get_year (y) &&
         g_date_time_get_day_of_year (x) == g_date_time_get_day_of_year (y);
}

gboolean
cm_backup_daily (CmStore *store, GDateTime *now, GCancellable *cancellable, char **path,
                 GError **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  if (path)
    *path = NULL;
  /* A URI names no folder to look in. */
  if (cm_backup_kept_by_server (cm_store_get_path (store), NULL))
    return TRUE;
  folder = cm_backup_folder (cm_store_get_path (store));
  backups = scan_folder (folder, error);
  if (backups == NULL)
    return FALSE;
  if (backups->len > 0 &&
      same_local_day (((CmBackup *) g_ptr_array_index (backups, 0))->taken, now))
    return TRUE;
  return cm_backup_write (store, CM_BACKUP_REASON_DAILY, now, cancellable, path, error);
}

/* ---- restoring -------------------------------------------------------- */

static gboolean
not_a_backup (GError **error, const char *backup, const char *why)
{
  g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_NOT_A_BACKUP,
               _("“%s” cannot be restored: it is not a readable Commissioner portfolio (%s). "
                 "Choose another backup."), backup, why);
  return FALSE;
}

/* Opens @backup as a portfolio read-only: it must be ours and intact, and
 * one from an older version comes updated, in a copy in memory, so what
 * is copied into the live file has the live file's schema. */
static CmStore *
open_backup (const char *backup, GError **error)
{
  g_autoptr(GError) why = NULL;
  CmStore *source = cm_store_open (backup, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY,
                                   &why);

  if (source == NULL && g_error_matches (why, CM_STORE_ERROR, CM_STORE_ERROR_NEWER_VERSION))
    g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_NEWER_VERSION,
                 _("“%s” was saved by a newer version of Commissioner. Update Commissioner to "
                   "restore it."), backup);
  else if (source == NULL)
    not_a_backup (error, backup, why->message);
  return source;
}

/* What the audit trail keeps of a restore, after the anchor it replaced:
 * the backup, and the backup taken of the state it replaced. */
static char *
restore_note (const char *backup, const char *replaced_backup)
{
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *replaced = replaced_backup ? g_path_get_basename (replaced_backup) : NULL;

  return g_strdup_printf ("%s; the portfolio it replaced was backed up as %s", name,
                          replaced ? replaced : "(nothing to back up)");
}

gboolean
cm_backup_restore (CmStore *store, const char *backup, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *replaced_anchor = NULL;
  g_autofree char *replaced_backup = NULL;
  g_autofree char *note = NULL;
  g_autofree char *name = g_path_get_basename (cm_store_get_path (store));
  g_autoptr(CmStore) source = NULL;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (cm_backup_kept_by_server (cm_store_get_path (store), error))
    return FALSE;
  if (is_portfolio_file (cm_store_get_path (store), backup))
    return not_a_backup (error, backup, _("it is the portfolio itself"));
  if ((source = open_backup (backup, error)) == NULL ||
      (replaced_anchor = cm_audit_anchor_current (store, error)) == NULL ||
      !cm_backup_write (store, CM_BACKUP_REASON_RESTORE, now, NULL, &replaced_backup, error))
    return FALSE;
  rc = restore_pages (store, source);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CM_BACKUP_ERROR, CM_BACKUP_ERROR_FAILED,
                   _("“%s” could not be restored into “%s” (%s). The portfolio is as it was."),
                   backup, name, sqlite3_errstr (rc));
      return FALSE;
    }
  /* The anchor first, so that the row before it is the backup's head. */
  note = restore_note (backup, replaced_backup);
  return cm_audit_anchor_record_restore (store, replaced_anchor, error) &&
         cm_store_set_meta (store, "restored-from", note, error);
}
