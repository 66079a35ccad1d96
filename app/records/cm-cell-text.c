/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-cell-text.c: text as people type it or spreadsheets hold it, made plain */
#include <string.h>

#include "cm-cell-text.h"

char *
cm_cell_text_clean (const char *text)
{
  g_auto(GStrv) parts = NULL;

  text = text ? text : "";
  /* Most cells have no non-breaking space: one copy, not a split and a join. */
  if (strstr (text, "\xc2\xa0") == NULL)
    return g_strstrip (g_strdup (text));
  parts = g_strsplit (text, "\xc2\xa0", -1);
  return g_strstrip (g_strjoinv (" ", parts));
}

gboolean
cm_cell_text_all_digits (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return len > 0;
}
