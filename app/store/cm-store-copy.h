/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-copy.h: a whole portfolio copied to a new file or an empty server database
 *
 * Every table is copied row for row: the same ids, the same settings and
 * the same audit trail, so the copy's trail verifies and still holds the
 * heads recorded of the original. The copy reads one consistent view of
 * the source, which it never changes, and is written whole or not at all:
 * a file beside its target and renamed into place, a server database in
 * one transaction.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Told now and then how far a copy is: @copied of @total rows, the last
 * of them into @table. */
typedef void (*CmStoreCopyProgress) (const char *table, gint64 copied, gint64 total,
                                     gpointer user_data);

/* Copies the portfolio at @from (a file, or a server's URI) to @to, which
 * must be a file that does not exist yet or a server database that holds
 * no tables. The source must be at the schema this version writes. */
gboolean cm_store_copy_portfolio (const char *from, const char *to,
                                  CmStoreCopyProgress progress, gpointer user_data,
                                  GError **error);

/* Writes a file portfolio with everything @source holds to @destination,
 * replacing a file there: a backup of a server's portfolio. */
gboolean cm_store_copy_to_file   (CmStore *source, const char *destination, GError **error);

G_END_DECLS
