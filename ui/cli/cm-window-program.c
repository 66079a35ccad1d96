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

/* The folder of this program's file, where the build tree has the window
 * program; NULL without /proc. */
static char *
this_program_folder (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  return self ? g_path_get_dirname (self) : NULL;
}

/* Returns only when the window program in @folder cannot be run: why. */
static int
exec_from (const char *folder, char **argv)
{
  g_autofree char *path = g_build_filename (folder, WINDOW_PROGRAM, NULL);

  execv (path, argv);
  return errno;
}

int
cm_window_program_exec (char **argv)
{
  g_autofree char *folder = this_program_folder ();
  int reason = folder ? exec_from (folder, argv) : ENOENT;
  int installed_reason = exec_from (LIBEXECDIR, argv);

  /* A program found but refused says more than one missing. */
  if (reason == ENOENT)
    reason = installed_reason;
  g_printerr (_("Commissioner's program for windows and PDF reports, %s, is not in %s or in %s, "
                "or cannot be run there (%s). Install Commissioner again. Meanwhile the other "
                "commands, which --help lists, still work.\n"),
              WINDOW_PROGRAM, folder ? folder : _("this program's folder"), LIBEXECDIR,
              g_strerror (reason));
  return 1;
}
