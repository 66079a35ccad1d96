/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-new-portfolio.c: a new portfolio, named from what the user types */
#include <glib/gi18n.h>

#include "cm-new-portfolio.h"
#include "cm-store.h"

/* "Leeds: adults/children" → "Leeds- adults-children.commissioner":
 * the characters file systems refuse become dashes. */
char *
cm_new_portfolio_file_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  g_strdelimit (stripped, "/\\:*?\"<>|", '-');
  if (*stripped == '\0' || *stripped == '.')
    return g_strdup (_("Portfolio.commissioner"));
  return g_strconcat (stripped, ".commissioner", NULL);
}

/* Creates the file at @path and stores @name in it, under @actor in the
 * audit trail; the connection is closed again before the window opens it. */
gboolean
cm_new_portfolio_create (const char *path, const char *name, const char *actor, GError **error)
{
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_DEFAULT, error);
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (store == NULL)
    return FALSE;
  cm_store_set_actor (store, actor);
  return cm_store_set_meta (store, "name", stripped, error);
}
