/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-mark.h: how far each portfolio's audit trail was last found
 * sound, kept on this computer
 *
 * Opening a portfolio checks its whole trail once; after that, only the
 * rows added since the mark, and that the marked row still holds its hash.
 * The mark lives outside the file, in the user's cache, so losing it only
 * costs one whole check.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file the marks are kept in: commissioner/audit-checked.ini in the
 * user's cache folder. */
char     *cm_audit_mark_default_file (void);
/* The row @portfolio's trail was sound up to, and its hash; FALSE when
 * none is kept (never checked here, or @marks is unreadable). */
gboolean  cm_audit_mark_read  (const char *marks, const char *portfolio, gint64 *seq,
                               char **hash);
/* Remembers that @portfolio's trail is sound up to row @seq, whose hash is
 * @hash. A mark that cannot be written is only a whole check next time. */
void      cm_audit_mark_write (const char *marks, const char *portfolio, gint64 seq,
                               const char *hash);

G_END_DECLS
