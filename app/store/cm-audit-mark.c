/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-mark.c: how far each portfolio's audit trail was last found
 * sound, kept on this computer */
#include <glib/gstdio.h>

#include "cm-audit-mark.h"

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
  if (error || row < 0 || found == NULL)
    return FALSE;
  *seq = row;
  *hash = g_steal_pointer (&found);
  return TRUE;
}

/* Two portfolios checked at once in this process keep each other's mark. */
G_LOCK_DEFINE_STATIC (writing);

void
cm_audit_mark_write (const char *marks, const char *portfolio, gint64 seq, const char *hash)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *group = group_of (portfolio);
  g_autofree char *canonical = g_canonicalize_filename (portfolio, NULL);
  g_autofree char *folder = g_path_get_dirname (marks);

  G_LOCK (writing);
  g_key_file_load_from_file (file, marks, G_KEY_FILE_KEEP_COMMENTS, NULL);
  /* The path is for people reading the file; the group is its hash. */
  g_key_file_set_string (file, group, "portfolio", canonical);
  g_key_file_set_int64 (file, group, "row", seq);
  g_key_file_set_string (file, group, "hash", hash);
  g_mkdir_with_parents (folder, 0700);
  g_key_file_save_to_file (file, marks, NULL);
  G_UNLOCK (writing);
}
