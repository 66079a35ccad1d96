/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-prefix.c: the portfolio's OCDS identifier prefix */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-ocds-prefix.h"

char *
cm_ocds_prefix_get (CmStore *store, gboolean *is_set)
{
  g_autofree char *prefix = cm_store_get_meta (store, CM_OCDS_PREFIX_KEY);
  gboolean set = prefix && cm_ocds_prefix_is_valid (prefix);

  if (is_set)
    *is_set = set;
  return set ? g_steal_pointer (&prefix) : g_strdup (CM_OCDS_PREFIX_PLACEHOLDER);
}

gboolean
cm_ocds_prefix_is_valid (const char *prefix)
{
  if (prefix == NULL || !g_str_has_prefix (prefix, "ocds-") || strlen (prefix) != 11)
    return FALSE;
  for (const char *c = prefix + 5; *c; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

gboolean
cm_ocds_prefix_set (CmStore *store, const char *prefix, GError **error)
{
  if (!cm_ocds_prefix_is_valid (prefix))
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                   _("“%s” is not an OCDS prefix. A registered prefix is “ocds-” followed by "
                     "six lowercase letters or digits, for example ocds-b5fd17."), prefix);
      return FALSE;
    }
  return cm_store_set_meta (store, CM_OCDS_PREFIX_KEY, prefix, error);
}
