/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-roving-focus.c: the keys that move focus within a drawn widget's items */
#include "cm-roving-focus.h"

CmRovingMove
cm_roving_move_for_key (guint keyval, GdkModifierType state, gboolean sideways)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return CM_ROVING_NONE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return CM_ROVING_PREVIOUS;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return CM_ROVING_NEXT;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return sideways ? CM_ROVING_PREVIOUS : CM_ROVING_NONE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return sideways ? CM_ROVING_NEXT : CM_ROVING_NONE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return CM_ROVING_FIRST;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return CM_ROVING_LAST;
    default:
      return CM_ROVING_NONE;
    }
}

int
cm_roving_index (CmRovingMove move, int at, int n_items)
{
  if (n_items <= 0)
    return -1;
  switch (move)
    {
    case CM_ROVING_PREVIOUS:
      return CLAMP (at - 1, 0, n_items - 1);
    case CM_ROVING_NEXT:
      return CLAMP (at + 1, 0, n_items - 1);
    case CM_ROVING_FIRST:
      return 0;
    case CM_ROVING_LAST:
      return n_items - 1;
    case CM_ROVING_NONE:
    default:
      return CLAMP (at, 0, n_items - 1);
    }
}
