/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* main.c: starts Commissioner */
#include <glib/gi18n.h>
#include <locale.h>

#include "cm-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr(CmApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
