/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-safe-write.c: replacing a file whole or not at all */
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cm-safe-write.h"

/* Leaves room in a file name of 255 bytes for ".", ".PID.XXXXXX.tmp". */
#define MOST_NAME_BYTES 200
#define RANDOM_AND_END ".XXXXXX.tmp"

struct _CmSafeWrite {
  char *target;
  char *temp;       /* in the target's folder */
  char *open_path;  /* opens the temporary file itself */
  int fd;
  struct stat made;
};

static gboolean
fail (GError **error, const char *target, int saved_errno)
{
  g_autofree char *shown = g_filename_display_name (target);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("“%s” could not be written (%s). Check that the folder exists, that you may "
                 "write to it and that the disk is not full."),
               shown, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
replaced (GError **error, const char *target)
{
  g_autofree char *shown = g_filename_display_name (target);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
               _("“%s” could not be written: another program removed or replaced the "
                 "temporary file it was being written to. Try again, or write to a folder "
                 "that only you can change."), shown);
  return FALSE;
}

/* ".NAME.": what every temporary file of @target starts with. A long name
 * is cut between characters, so that it still displays. */
static char *
temp_prefix (const char *target)
{
  g_autofree char *name = g_path_get_basename (target);
  const char *end = name + MIN (strlen (name), MOST_NAME_BYTES);

  if (g_utf8_validate (name, -1, NULL))
    while (end > name && (*end & 0xC0) == 0x80)
      end--;
  return g_strdup_printf (".%.*s.", (int) (end - name), name);
}

/* The writer's process id from "PID.XXXXXX.tmp", or 0 if @rest is not
 * one of our names. */
static pid_t
writer_of (const char *rest)
{
  char *end = NULL;
  guint64 pid = g_ascii_strtoull (rest, &end, 10);

  if (end == rest || !g_ascii_isdigit (*rest) || pid == 0 || pid > G_MAXINT32 ||
      strlen (end) != strlen (RANDOM_AND_END) || !g_str_has_suffix (end, ".tmp") ||
      *end != '.')
    return 0;
  return (pid_t) pid;
}

/* Removes @name if no writer can still be at work on it: its process is
 * gone and no one holds the lock every writer takes. The lock covers writers
 * whose process ids we cannot see, in another sandbox or on another
 * machine sharing the folder. Only regular files qualify: a link is not
 * followed, a pipe is not waited on. */
static void
remove_if_abandoned (int folder, const char *name, pid_t pid)
{
  struct stat st;
  int fd;

  if (kill (pid, 0) == 0 || errno != ESRCH)
    return;
  fd = openat (folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return;
  /* Removed while still locked, so no one else judges it meanwhile. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
    unlinkat (folder, name, 0);
  close (fd);
}

/* Removes the temporary files that killed writes of @target left. */
static void
clean_leftovers (const char *target)
{
  g_autofree char *folder_path = g_path_get_dirname (target);
  g_autofree char *prefix = temp_prefix (target);
  DIR *folder = opendir (folder_path);
  struct dirent *entry;

  if (folder == NULL)
    return;
  while ((entry = readdir (folder)) != NULL)
    {
      pid_t pid;

      if (!g_str_has_prefix (entry->d_name, prefix))
        continue;
      pid = writer_of (entry->d_name + strlen (prefix));
      if (pid > 0)
        remove_if_abandoned (dirfd (folder), entry->d_name, pid);
    }
  closedir (folder);
}

/* A replaced file keeps who may read it: an export over a private file
 * stays private. */
static void
keep_permissions (int fd, const char *target)
{
  struct stat st;

  if (g_lstat (target, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);
}

CmSafeWrite *
cm_safe_write_begin (const char *target, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *prefix = temp_prefix (target);
  g_autofree char *name = g_strdup_printf ("%s%d" RANDOM_AND_END, prefix, (int) getpid ());
  g_autoptr(CmSafeWrite) self = g_new0 (CmSafeWrite, 1);
  struct stat st;

  self->fd = -1;
  self->target = g_strdup (target);
  self->temp = g_build_filename (folder, name, NULL);
  if (g_lstat (target, &st) == 0 && S_ISDIR (st.st_mode))
    {
      fail (error, target, EISDIR);
      return NULL;
    }
  clean_leftovers (target);
  /* O_EXCL: a file or link already at the name is never opened. */
  self->fd = g_mkstemp_full (self->temp, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      fail (error, target, errno);
      return NULL;
    }
  if (fstat (self->fd, &self->made) != 0)
    {
      fail (error, target, errno);
      g_unlink (self->temp);
      return NULL;
    }
  flock (self->fd, LOCK_EX | LOCK_NB);
  keep_permissions (self->fd, target);
  self->open_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);
  if (g_access (self->open_path, W_OK) != 0)
    g_clear_pointer (&self->open_path, g_free);
  return g_steal_pointer (&self);
}

int
cm_safe_write_get_fd (CmSafeWrite *self)
{
  return self->fd;
}

const char *
cm_safe_write_get_path (CmSafeWrite *self)
{
  return self->open_path ? self->open_path : self->temp;
}

/* Whether the temporary name still names the file we made, so that what
 * is renamed or removed is ours. */
static gboolean
still_ours (CmSafeWrite *self)
{
  struct stat st;

  return g_lstat (self->temp, &st) == 0 && st.st_dev == self->made.st_dev &&
         st.st_ino == self->made.st_ino;
}

static void
close_and_free (CmSafeWrite *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->target);
  g_free (self->temp);
  g_free (self->open_path);
  g_free (self);
}

void
cm_safe_write_abort (CmSafeWrite *self)
{
  /* Removed before closing, so the lock guards it to the end. */
  if (self->fd >= 0 && still_ours (self))
    g_unlink (self->temp);
  close_and_free (self);
}

void
cm_safe_write_sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
flush_folder (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);

  cm_safe_write_sync_folder (folder);
}

gboolean
cm_safe_write_append (CmSafeWrite *self, const char *data, gsize length, GError **error)
{
  int fd = cm_safe_write_get_fd (self);

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s",
                       g_strerror (saved));
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

gboolean
cm_safe_write_commit (CmSafeWrite *self, GError **error)
{
  g_autoptr(CmSafeWrite) owned = self;

  if (fsync (self->fd) != 0)
    return fail (error, self->target, errno);
  if (!still_ours (self))
    return replaced (error, self->target);
  if (g_rename (self->temp, self->target) != 0)
    return fail (error, self->target, errno);
  flush_folder (self->target);
  close_and_free (g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize done = write (fd, data, length);

      if (done < 0 && errno == EINTR)
        continue;
      if (done < 0)
        return FALSE;
      data += done;
      length -= done;
    }
  return TRUE;
}

gboolean
cm_safe_write_contents (const char *target, const char *data, gsize length, GError **error)
{
  g_autoptr(CmSafeWrite) out = cm_safe_write_begin (target, error);

  if (out == NULL)
    return FALSE;
  if (!write_all (out->fd, data, length))
    return fail (error, target, errno);
  return cm_safe_write_commit (g_steal_pointer (&out), error);
}
