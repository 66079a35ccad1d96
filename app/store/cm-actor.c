/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-actor.c: who the audit trail records as making a change */
#include <glib/gi18n-lib.h>

#include "cm-actor.h"

char *
cm_actor_account (void)
{
  const char *login = g_get_user_name ();
  const char *real = g_get_real_name ();

  /* GLib says "Unknown" when the system holds no real name. */
  if (real == NULL || *real == '\0' || g_str_equal (real, "Unknown") ||
      g_str_equal (real, login))
    return g_strdup (login);
  return g_strdup_printf ("%s (%s)", login, real);
}

/* One line of plain text: a line break in a setting must not start what
 * looks like another entry in a printed trail. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return g_strstrip (line);
}

char *
cm_actor_describe (const char *display_name)
{
  g_autofree char *account = cm_actor_account ();
  g_autofree char *shown = one_line (display_name ? display_name : "");

  if (*shown == '\0' || g_str_equal (shown, account) ||
      g_str_equal (shown, g_get_user_name ()) || g_str_equal (shown, g_get_real_name ()))
    return g_steal_pointer (&account);
  /* TRANSLATORS: who made a change, as the audit trail records it: the
   * computer account ("jsmith (Jane Smith)"), then the name the user chose
   * to be shown beside it. */
  return g_strdup_printf (_("%s, as “%s”"), account, shown);
}
