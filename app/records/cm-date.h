/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date.h: calendar dates as the portfolio stores them (ISO yyyy-mm-dd) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cm_date_parse_iso  (const char *text, GDate *date);
char    *cm_date_format_iso (const GDate *date);
char    *cm_date_format_long(const char *iso);
char    *cm_date_to_long    (const GDate *date);
/* "31 Mar 2026" in the user's language; "" when @date is not valid. */
char    *cm_date_to_short   (const GDate *date);
char    *cm_date_format_moment (const char *utc);
gboolean cm_date_validate   (const char *iso, const char *what, gboolean required,
                             GError **error);

G_END_DECLS
