/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-name.h: a portfolio, file or server database, as people name it
 *
 * A portfolio is a file path or a server URI. The window finds the window
 * already open on one by its key, and shows people its name and place:
 * a file's name and folder, or "team on db.example.org"; messages name
 * it in full.
 */
#pragma once

#include <glib.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* What tells two portfolios apart: a file's canonical path, or a server
 * URI without its password. */
char *cm_portfolio_name_key   (const char *portfolio);
/* Its name: the file's, or "DATABASE on SERVER". */
char *cm_portfolio_name_shown (const char *portfolio);
/* As a message names it: the file's path, or "the database “team” on
 * the PostgreSQL server “db.example.org”". */
char *cm_portfolio_name_in_message (const char *portfolio);
/* Where it is: the file's folder, or that it is on a server. */
char *cm_portfolio_name_place (const char *portfolio);
/* The name the portfolio open in @store records, or else its shown name. */
char *cm_portfolio_name_of_store (CmStore *store);

G_END_DECLS
