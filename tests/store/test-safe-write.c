/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-safe-write.c: a file is replaced whole or not at all, planted
 * links are never followed, and killed writers' leftovers are cleaned
 * without touching a live writer's file; all on real files */
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cm-safe-write.h"
#include "cm-test-util.h"

typedef struct {
  char *folder;
  char *target;
  char *victim;  /* what a planted link points to */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->folder = g_dir_make_tmp ("commissioner-safe-write-XXXXXX", NULL);
  g_assert_nonnull (f->folder);
  f->target = g_build_filename (f->folder, "report.xlsx", NULL);
  f->victim = g_build_filename (f->folder, "victim", NULL);
  g_assert_true (g_file_set_contents (f->target, "the earlier report", -1, NULL));
  g_assert_true (g_file_set_contents (f->victim, "precious", -1, NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cm_test_remove_tree (f->folder);
  g_free (f->folder);
  g_free (f->target);
  g_free (f->victim);
}

static char *
contents_of (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The hidden files in @folder: only temporary files are hidden there. */
static GPtrArray *
hidden_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (name[0] == '.')
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
plant_file (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "left behind", -1, NULL));
}

static gboolean
exists (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  struct stat st;

  return g_lstat (path, &st) == 0;
}

/* A process id that was just in use and is no longer. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static void
test_commit_replaces_the_target (Fixture *f, gconstpointer data)
{
  g_autoptr(CmSafeWrite) out = cm_safe_write_begin (f->target, NULL);
  g_autoptr(GPtrArray) during = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *expected_start = g_strdup_printf (".report.xlsx.%d.", (int) getpid ());
  g_autofree char *now = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  int reader;

  g_assert_nonnull (out);
  g_assert_cmpint (write (cm_safe_write_get_fd (out), "the new report", 14), ==, 14);

  /* While written, the target is the earlier file and the data is in
   * one hidden file of ours beside it. */
  during = hidden_files (f->folder);
  g_assert_cmpuint (during->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (during, 0), expected_start));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (during, 0), ".tmp"));
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "the earlier report");

  /* Replaced, not rewritten in place: a reader of the earlier file still
   * reads all of it. */
  reader = open (f->target, O_RDONLY);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (cm_safe_write_commit (g_steal_pointer (&out), &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "the new report");
  old = g_malloc0 (64);
  g_assert_cmpint (read (reader, old, 63), ==, strlen ("the earlier report"));
  g_assert_cmpstr (old, ==, "the earlier report");
  close (reader);
  after = hidden_files (f->folder);
  g_assert_cmpuint (after->len, ==, 0);
}

/* As libxlsxwriter does: opening the file by the name it is given. */
static void
test_path_opens_the_temporary_file (Fixture *f, gconstpointer data)
{
  g_autoptr(CmSafeWrite) out = cm_safe_write_begin (f->target, NULL);
  g_autofree char *now = NULL;
  FILE *file;

  g_assert_nonnull (out);
  file = fopen (cm_safe_write_get_path (out), "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fputs ("written by name", file), >=, 0);
  g_assert_cmpint (fclose (file), ==, 0);
  g_assert_true (cm_safe_write_commit (g_steal_pointer (&out), NULL));
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "written by name");
}

static void
test_abort_leaves_the_target (Fixture *f, gconstpointer data)
{
  CmSafeWrite *out = cm_safe_write_begin (f->target, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *now = NULL;

  g_assert_nonnull (out);
  g_assert_cmpint (write (cm_safe_write_get_fd (out), "half a rep", 10), ==, 10);
  cm_safe_write_abort (out);
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "the earlier report");
  after = hidden_files (f->folder);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_permissions_are_kept (Fixture *f, gconstpointer data)
{
  g_autofree char *now = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (f->target, 0600), ==, 0);
  g_assert_true (cm_safe_write_contents (f->target, "private", 7, NULL));
  g_assert_cmpint (g_stat (f->target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "private");
}

/* Links planted where a temporary file might be made, and where earlier
 * versions wrote theirs, are neither followed nor removed. */
static void
test_planted_links_are_not_followed (Fixture *f, gconstpointer data)
{
  g_autofree char *at_dead = g_strdup_printf (".report.xlsx.%d.aaaaaa.tmp", (int) dead_pid ());
  g_autofree char *at_ours = g_strdup_printf (".report.xlsx.%d.bbbbbb.tmp", (int) getpid ());
  const char *names[] = { at_dead, at_ours, "report.xlsx.part" };
  g_autofree char *kept = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *link = g_build_filename (f->folder, names[i], NULL);

      g_assert_cmpint (symlink (f->victim, link), ==, 0);
    }
  g_assert_true (cm_safe_write_contents (f->target, "the new report", 14, &error));
  g_assert_no_error (error);
  kept = contents_of (f->victim);
  g_assert_cmpstr (kept, ==, "precious");
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "the new report");
  g_assert_false (g_file_test (f->target, G_FILE_TEST_IS_SYMLINK));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *link = g_build_filename (f->folder, names[i], NULL);

      g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    }
}

/* Another program swaps the temporary file for a link while it is being
 * written: what is written still goes to our file, and it is not moved
 * into place. */
static void
test_a_swapped_temporary_file_is_not_followed (Fixture *f, gconstpointer data)
{
  g_autoptr(CmSafeWrite) out = cm_safe_write_begin (f->target, NULL);
  g_autoptr(GPtrArray) temporary = hidden_files (f->folder);
  g_autofree char *temp = g_build_filename (f->folder, g_ptr_array_index (temporary, 0), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *now = NULL;
  FILE *file;

  g_assert_nonnull (out);
  g_assert_cmpint (g_unlink (temp), ==, 0);
  g_assert_cmpint (symlink (f->victim, temp), ==, 0);
  file = fopen (cm_safe_write_get_path (out), "wb");
  g_assert_nonnull (file);
  fputs ("overwritten", file);
  g_assert_cmpint (fclose (file), ==, 0);
  g_assert_false (cm_safe_write_commit (g_steal_pointer (&out), &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, f->target));
  kept = contents_of (f->victim);
  g_assert_cmpstr (kept, ==, "precious");
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "the earlier report");
}

/* Only a file whose writer is gone is removed: not one whose process
 * lives, not one an open writer holds (a process we cannot see, in
 * another sandbox or on another machine), not another target's. */
static void
test_leftovers_of_dead_writers_are_cleaned (Fixture *f, gconstpointer data)
{
  int alive[2];
  pid_t child;
  int dead = dead_pid ();
  g_autofree char *of_dead = g_strdup_printf (".report.xlsx.%d.aaaaaa.tmp", dead);
  g_autofree char *of_ours = g_strdup_printf (".report.xlsx.%d.bbbbbb.tmp", (int) getpid ());
  g_autofree char *of_child = NULL;
  g_autofree char *held = g_strdup_printf (".report.xlsx.%d.dddddd.tmp", dead);
  g_autofree char *held_path = g_build_filename (f->folder, held, NULL);
  g_autofree char *of_other = g_strdup_printf (".other.xlsx.%d.eeeeee.tmp", dead);
  g_autofree char *unlike = g_strdup_printf (".report.xlsx.%d.notes", dead);
  int holder;

  /* A child that lives until we close its pipe. */
  g_assert_cmpint (pipe (alive), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      char byte;

      close (alive[1]);
      while (read (alive[0], &byte, 1) < 0 && errno == EINTR)
        ;
      _exit (0);
    }
  close (alive[0]);
  of_child = g_strdup_printf (".report.xlsx.%d.cccccc.tmp", (int) child);

  plant_file (f, of_dead);
  plant_file (f, of_ours);
  plant_file (f, of_child);
  plant_file (f, held);
  plant_file (f, of_other);
  plant_file (f, unlike);
  holder = open (held_path, O_RDONLY);
  g_assert_cmpint (flock (holder, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_true (cm_safe_write_contents (f->target, "the new report", 14, NULL));
  g_assert_false (exists (f, of_dead));
  g_assert_true (exists (f, of_ours));
  g_assert_true (exists (f, of_child));
  g_assert_true (exists (f, held));
  g_assert_true (exists (f, of_other));
  g_assert_true (exists (f, unlike));

  /* Once the holder lets go, the next write cleans it. */
  close (holder);
  g_assert_true (cm_safe_write_contents (f->target, "the new report", 14, NULL));
  g_assert_false (exists (f, held));

  close (alive[1]);
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child);
}

static void
test_a_missing_folder_is_named (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->folder, "absent", "report.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (cm_safe_write_begin (target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_nonnull (strstr (error->message, "Check that the folder exists"));
  g_clear_error (&error);
  g_assert_false (cm_safe_write_contents (target, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_a_read_only_folder_is_named (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *now = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root may write to a read-only folder, so nothing fails");
      return;
    }
  g_assert_cmpint (g_chmod (f->folder, 0500), ==, 0);
  g_assert_false (cm_safe_write_contents (f->target, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, f->target));
  now = contents_of (f->target);
  g_assert_cmpstr (now, ==, "the earlier report");
  after = hidden_files (f->folder);
  g_assert_cmpuint (after->len, ==, 0);
}

/* The rename itself fails: the temporary file goes, the target stays. */
static void
test_a_failed_commit_removes_the_temporary_file (Fixture *f, gconstpointer data)
{
  g_autoptr(CmSafeWrite) out = cm_safe_write_begin (f->target, NULL);
  g_autofree char *inside = g_build_filename (f->target, "keep", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_nonnull (out);
  g_assert_cmpint (g_unlink (f->target), ==, 0);
  g_assert_cmpint (g_mkdir (f->target, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));
  g_assert_false (cm_safe_write_commit (g_steal_pointer (&out), &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, f->target));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  after = hidden_files (f->folder);
  g_assert_cmpuint (after->len, ==, 0);

  /* A folder at the target is refused before anything is written. */
  g_clear_error (&error);
  g_assert_null (cm_safe_write_begin (f->target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = hidden_files (f->folder);
  g_assert_cmpuint (after->len, ==, 0);
}

/* A name near the longest a folder allows still gets a temporary file. */
static void
test_a_long_name_is_written (Fixture *f, gconstpointer data)
{
  g_autofree char *stem = g_strnfill (240, 'a');
  g_autofree char *name = g_strconcat (stem, ".csv", NULL);
  g_autofree char *target = g_build_filename (f->folder, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *now = NULL;

  g_assert_true (cm_safe_write_contents (target, "long", 4, &error));
  g_assert_no_error (error);
  now = contents_of (target);
  g_assert_cmpstr (now, ==, "long");
  after = hidden_files (f->folder);
  g_assert_cmpuint (after->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, test) \
  g_test_add ("/safe-write/" path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("commit-replaces-the-target", test_commit_replaces_the_target);
  ADD ("path-opens-the-temporary-file", test_path_opens_the_temporary_file);
  ADD ("abort-leaves-the-target", test_abort_leaves_the_target);
  ADD ("permissions-are-kept", test_permissions_are_kept);
  ADD ("planted-links-are-not-followed", test_planted_links_are_not_followed);
  ADD ("a-swapped-temporary-file-is-not-followed", test_a_swapped_temporary_file_is_not_followed);
  ADD ("leftovers-of-dead-writers-are-cleaned", test_leftovers_of_dead_writers_are_cleaned);
  ADD ("a-missing-folder-is-named", test_a_missing_folder_is_named);
  ADD ("a-read-only-folder-is-named", test_a_read_only_folder_is_named);
  ADD ("a-failed-commit-removes-the-temporary-file",
       test_a_failed_commit_removes_the_temporary_file);
  ADD ("a-long-name-is-written", test_a_long_name_is_written);
#undef ADD
  return g_test_run ();
}
