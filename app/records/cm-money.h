/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-money.h: amounts of money, held as whole pence */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *cm_money_format (gint64 pence);
char    *cm_money_format_full (gint64 pence);
gboolean cm_money_parse  (const char *text, gint64 *pence, GError **error);

G_END_DECLS
