/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-window-program.h: hands the command line to the program that opens windows */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces this process with the window program, run with the same @argv;
 * returns only when it cannot be run, with the exit status after saying why. */
int cm_window_program_exec (char **argv);

G_END_DECLS
