/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-new-portfolio.h: a new portfolio, named from what the user types
 *
 * The name the user gives is the portfolio's own (its meta "name", shown
 * in the title bar and written into exports); the file name is only
 * suggested from it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cm_new_portfolio_file_name (const char *name);
gboolean  cm_new_portfolio_create    (const char  *path,
                                      const char  *name,
                                      const char  *actor,
                                      GError     **error);

G_END_DECLS
