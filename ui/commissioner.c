/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* commissioner.c: starts Commissioner
 *
 * The headless commands run here, in a program that loads only the core's
 * libraries and not the window's; any other command line, and --report,
 * which draws with cairo and Pango, is handed to the window program.
 */
#include <glib/gi18n.h>

#include "cm-command-options.h"
#include "cm-window-program.h"

static int
handle_local_options (GApplication *app, GVariantDict *options, gpointer argv)
{
  GDate today;
  int status = cm_command_options_run (options, &today, NULL);

  return status >= 0 ? status : cm_window_program_exec (argv);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  int status;

  if (cm_command_options_run_early (argv, &status))
    return status;
  /* The window program's identity, for --help; it never registers. */
  app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  cm_command_options_add (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), argv);
  return g_application_run (app, argc, argv);
}
