/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-recent.c: portfolios and workbooks in the desktop's recent files */
#include <glib/gi18n.h>

#include "cm-recent.h"
#include "cm-store-server.h"

#define WORKBOOK_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* A portfolio on a server is listed by its URI, never with a password. */
static char *
recent_uri (const char *path)
{
  if (cm_store_server_is_uri (path))
    return cm_store_server_shown_uri (path);
  return g_filename_to_uri (path, NULL, NULL);
}

static void
add (const char *path, const char *mime_type)
{
  g_autofree char *uri = recent_uri (path);
  GtkRecentData data = {
    .mime_type = (char *) mime_type,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "commissioner %f",
  };

  if (uri)
    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
cm_recent_add_portfolio (const char *path)
{
  add (path, CM_PORTFOLIO_MIME_TYPE);
}

void
cm_recent_add_workbook (const char *path)
{
  add (path, WORKBOOK_MIME_TYPE);
}

void
cm_recent_add_file (const char *path, const char *mime_type)
{
  add (path, mime_type);
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **) a;
  GtkRecentInfo *y = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (y),
                              gtk_recent_info_get_modified (x));
}

/* A file that is gone is not offered; whether a server still holds its
 * database is only known by connecting. */
static gboolean
is_our_portfolio (GtkRecentInfo *info)
{
  return g_strcmp0 (gtk_recent_info_get_mime_type (info), CM_PORTFOLIO_MIME_TYPE) == 0 &&
         (cm_store_server_is_uri (gtk_recent_info_get_uri (info)) ||
          (gtk_recent_info_is_local (info) && gtk_recent_info_exists (info)));
}

GStrv
cm_recent_portfolios (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) infos = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (GList *l = items; l; l = l->next)
    if (is_our_portfolio (l->data))
      g_ptr_array_add (infos, l->data);
  g_ptr_array_sort (infos, newest_first);
  for (guint i = 0; i < MIN (infos->len, CM_RECENT_MAX_PORTFOLIOS); i++)
    {
      const char *uri = gtk_recent_info_get_uri (g_ptr_array_index (infos, i));
      g_autofree char *path = cm_store_server_is_uri (uri) ? g_strdup (uri)
                                                           : g_filename_from_uri (uri, NULL, NULL);

      if (path)
        g_strv_builder_add (paths, path);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return g_strv_builder_end (paths);
}
