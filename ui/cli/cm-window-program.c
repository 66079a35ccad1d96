/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-window-program.c: hands the command line to the program that opens windows
 *
 * commissioner runs the headless commands without loading GTK, cairo and
 * Pango, which would double the time every command takes to start.
 * Windows, and --report's drawing, are commissioner-window's, which this
 * process becomes: the same process with the same arguments, so the
 * application's name, its D-Bus activation and its accessibility tree are
 * those of commissioner.
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "cm-window-program.h"

#define WINDOW_PROGRAM "commissioner-window"

/* Where the window program is: the installed one's for the installed
 * launcher, and the one beside it for any other (the build tree's), so
 * that a launcher never runs another version's window program. */
static char *
window_program_folder (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = self ? g_path_get_dirname (self) : NULL;

  if (folder == NULL || g_str_equal (folder, BINDIR))
    return g_strdup (LIBEXECDIR);
  return g_steal_pointer (&folder);
}

int
cm_window_program_exec (char **argv)
{
  g_autofree char *folder = window_program_folder ();
  g_autofree char *path = g_build_filename (folder, WINDOW_PROGRAM, NULL);

  execv (path, argv);
  g_printerr (_("Commissioner's program for windows and PDF reports, %s, is not in %s or "
                "cannot be run there (%s). Install Commissioner again. Meanwhile the other "
                "commands, which --help lists, still work.\n"),
              WINDOW_PROGRAM, folder, g_strerror (errno));
  return 1;
}
