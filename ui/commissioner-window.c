/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* commissioner-window.c: opens Commissioner's windows, for the command lines
 * commissioner hands over */
#include <glib/gi18n.h>
#include <sys/prctl.h>

#include "cm-application.h"
#include "cm-command-options.h"

int
main (int argc, char *argv[])
{
  g_autoptr(CmApplication) app = NULL;
  int status;

  if (cm_command_options_run_early (argv, &status))
    return status;
  /* The process keeps the name it was started by, as ps and the system
   * monitor show it, rather than this file's. */
  prctl (PR_SET_NAME, g_get_prgname ());
  app = cm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
