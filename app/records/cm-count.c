/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-count.c: counts as people read them */
#include <string.h>

#include "cm-count.h"

/* Not printf's "%'u": that follows the locale, and in the C locale the
 * command line runs in it groups nothing. */
char *
cm_count_format (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize len = strlen (digits);
  GString *out = g_string_sized_new (len + len / 3);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
