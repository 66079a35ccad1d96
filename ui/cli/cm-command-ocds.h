/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-command-ocds.h: the Open Contracting commands that run without a window */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cm_command_export_ocds     (const char *portfolio, const char *path, const GDate *today);
int cm_command_import_ocds     (const char *portfolio, const char *file, const char *on_duplicate,
                                const char *report_file);
int cm_command_set_ocds_prefix (const char *portfolio, const char *prefix);

G_END_DECLS
