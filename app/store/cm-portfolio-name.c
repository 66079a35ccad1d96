/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-name.c: a portfolio, file or server database, as people name it */
#include <glib/gi18n-lib.h>

#include "cm-portfolio-name.h"
#include "cm-store-server.h"

char *
cm_portfolio_name_key (const char *portfolio)
{
  if (cm_store_server_is_uri (portfolio))
    return cm_store_server_shown_uri (portfolio);
  return g_canonicalize_filename (portfolio, NULL);
}

char *
cm_portfolio_name_shown (const char *portfolio)
{
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;

  if (!cm_store_server_is_uri (portfolio))
    return g_filename_display_basename (portfolio);
  cm_store_server_names (portfolio, &database, &server);
  /* TRANSLATORS: a portfolio on a server: the database, then the server */
  return g_strdup_printf (_("%s on %s"), database, server);
}

char *
cm_portfolio_name_in_message (const char *portfolio)
{
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;

  if (!cm_store_server_is_uri (portfolio))
    return g_strdup (portfolio);
  cm_store_server_names (portfolio, &database, &server);
  /* TRANSLATORS: a database, then the server that holds it. */
  return g_strdup_printf (_("the database “%s” on the PostgreSQL server “%s”"), database, server);
}

char *
cm_portfolio_name_place (const char *portfolio)
{
  g_autofree char *folder = NULL;

  if (cm_store_server_is_uri (portfolio))
    return g_strdup (_("Shared on a PostgreSQL server"));
  folder = g_path_get_dirname (portfolio);
  return g_filename_display_name (folder);
}

char *
cm_portfolio_name_of_store (CmStore *store)
{
  g_autofree char *name = cm_store_get_meta (store, "name");

  return name && *name ? g_steal_pointer (&name) : cm_portfolio_name_shown (cm_store_get_path (store));
}
