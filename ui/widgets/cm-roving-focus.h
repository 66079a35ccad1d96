/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-roving-focus.h: the keys that move focus within a drawn widget's items
 *
 * Charts and timelines are one stop for Tab; within them the arrows move
 * to the previous or next item and Home and End to the first and last,
 * stopping at either end rather than leaving the widget.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CM_ROVING_NONE,
  CM_ROVING_PREVIOUS,
  CM_ROVING_NEXT,
  CM_ROVING_FIRST,
  CM_ROVING_LAST,
} CmRovingMove;

/* The move @keyval asks for: Up and Down, and Left and Right too when
 * @sideways; Home and End. A key held with Ctrl, Alt or Shift moves
 * nothing, so that shortcuts keep working. */
CmRovingMove cm_roving_move_for_key (guint keyval, GdkModifierType state, gboolean sideways);

/* The item @move lands on among @n_items from @at, kept within them; -1
 * when there are none. */
int          cm_roving_index        (CmRovingMove move, int at, int n_items);

G_END_DECLS
