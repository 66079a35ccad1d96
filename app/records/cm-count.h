/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-count.h: counts as people read them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "29,871": counts are grouped in thousands as amounts of money are. */
char *cm_count_format (guint64 n);

G_END_DECLS
