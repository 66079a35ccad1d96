/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-cell-text.h: text as people type it or spreadsheets hold it, made
 * plain before it is read as a date, an amount or a count */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text without surrounding space, with the no-break spaces that come
 * with text pasted from spreadsheets made ordinary. */
char    *cm_cell_text_clean      (const char *text);

/* Whether the first @len bytes of @text are all digits, and there are some. */
gboolean cm_cell_text_all_digits (const char *text, gsize len);

G_END_DECLS
