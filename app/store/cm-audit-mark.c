/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-mark.c: how far each portfolio's audit trail was last found
 * sound, kept on this computer */
#include <glib/gstdio.h>

#include "cm-audit-mark.h"
#include "cm-safe-write.h"

char *
cm_audit_mark_default_file (void)
{
  return g_build_filename (g_get_user_cache_dir (), "commissioner", "audit-checked.ini", NULL);
}

/* A path may hold anything a group name may not ("[", "]", new lines). */
static char *
group_of (const char *portfolio)
{
  g_autofree char *canonical = g_canonicalize_filename (portfolio, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
}

/* The file now at @portfolio's path, by device and inode (stat () only:
 * SQLite alone opens the portfolio). Another file copied or restored to
 * the same path has another. */
static char *
identity_of (const char *portfolio)
{
  GStatBuf st;

  if (g_stat (portfolio, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

/* Whether the mark in @group is of the file now at @portfolio's path, and
 * its trail was checked whole within the last CM_AUDIT_MARK_WHOLE_DAYS. */
static gboolean
still_trusted (GKeyFile *file, const char *group, const char *portfolio)
{
  g_autofree char *identity = identity_of (portfolio);
  g_autofree char *marked = g_key_file_get_string (file, group, "file", NULL);
  g_autoptr(GError) error = NULL;
  gint64 whole = g_key_file_get_int64 (file, group, "whole-checked", &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return identity && g_strcmp0 (identity, marked) == 0 && error == NULL && whole <= now &&
         now - whole < CM_AUDIT_MARK_WHOLE_DAYS * 24 * 60 * 60;
}

gboolean
cm_audit_mark_read (const char *marks, const char *portfolio, gint64 *seq, char **hash)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *group = group_of (portfolio);
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  gint64 row;

  if (!g_key_file_load_from_file (file, marks, G_KEY_FILE_NONE, NULL))
    return FALSE;
  row = g_key_file_get_int64 (file, group, "row", &error);
  found = g_key_file_get_string (file, group, "hash", NULL);
  if (error || row < 0 || found == NULL || !still_trusted (file, group, portfolio))
    return FALSE;
  *seq = row;
  *hash = g_steal_pointer (&found);
  return TRUE;
}

/* Two portfolios checked at once in this process keep each other's mark. */
G_LOCK_DEFINE_STATIC (writing);

void
cm_audit_mark_write (const char *marks, const char *portfolio, gint64 seq, const char *hash,
                     gboolean whole)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *group = group_of (portfolio);
  g_autofree char *canonical = g_canonicalize_filename (portfolio, NULL);
  g_autofree char *folder = g_path_get_dirname (marks);
  g_autofree char *identity = identity_of (portfolio);
  g_autofree char *data = NULL;
  gsize length = 0;

  if (identity == NULL)
    return;
  G_LOCK (writing);
  g_key_file_load_from_file (file, marks, G_KEY_FILE_KEEP_COMMENTS, NULL);
  /* The path is for people reading the file; the group is its hash. */
  g_key_file_set_string (file, group, "portfolio", canonical);
  g_key_file_set_string (file, group, "file", identity);
  g_key_file_set_int64 (file, group, "row", seq);
  g_key_file_set_string (file, group, "hash", hash);
  if (whole)
    g_key_file_set_int64 (file, group, "whole-checked", g_get_real_time () / G_USEC_PER_SEC);
  data = g_key_file_to_data (file, &length, NULL);
  g_mkdir_with_parents (folder, 0700);
  cm_safe_write_contents (marks, data, length, NULL);
  G_UNLOCK (writing);
}
