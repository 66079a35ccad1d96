/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-mark.h: how far each portfolio's audit trail was last found
 * sound, kept on this computer
 *
 * Opening a portfolio checks its whole trail once; after that, only the
 * rows added since the mark, and that the marked row still holds its hash.
 * Rows at or before the mark are checked whole again when the file at the
 * path is another one (device and inode), or a week after the last whole
 * check. The mark lives outside the file, in the user's cache, so losing
 * it only costs one whole check.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file the marks are kept in: commissioner/audit-checked.ini in the
 * user's cache folder. */
char     *cm_audit_mark_default_file (void);
/* How long a whole check is trusted for rows at or before the mark. */
#define CM_AUDIT_MARK_WHOLE_DAYS 7

/* The row @portfolio's trail was sound up to, and its hash; FALSE when
 * none is kept (never checked here, or @marks is unreadable), the file at
 * the path is not the one marked, or its trail was last checked whole
 * more than CM_AUDIT_MARK_WHOLE_DAYS ago. */
gboolean  cm_audit_mark_read  (const char *marks, const char *portfolio, gint64 *seq,
                               char **hash);
/* Remembers that @portfolio's trail is sound up to row @seq, whose hash is
 * @hash, and with @whole that the whole trail was checked now. A mark that
 * cannot be written is only a whole check next time. */
void      cm_audit_mark_write (const char *marks, const char *portfolio, gint64 seq,
                               const char *hash, gboolean whole);

G_END_DECLS
