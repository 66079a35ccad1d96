/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-safe-write.h: replacing a file whole or not at all, for every file
 * Commissioner writes except the portfolio, which SQLite keeps itself
 *
 * The data goes to a new temporary file in the target's own folder,
 * named ".NAME.PID.XXXXXX.tmp" (hidden, ours, and the writer's process
 * id), made with O_EXCL so no file or symbolic link already there is
 * ever opened. On commit it is flushed to disk, renamed over the target
 * and the folder flushed too; on abort or any failure it is removed and
 * the target is left as it was. A target that is itself a symbolic link
 * is replaced, not followed.
 *
 * Beginning a write removes what writes to the same target that were
 * killed left behind: files whose process no longer exists and that no
 * open writer holds, so a live writer's file, even one from another
 * machine or sandbox, is never touched.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CmSafeWrite CmSafeWrite;

CmSafeWrite *cm_safe_write_begin    (const char *target, GError **error);

/* The open temporary file. */
int          cm_safe_write_get_fd   (CmSafeWrite *self);

/* A name that opens the temporary file itself, for libraries that
 * insist on opening a file by name: the name cannot be redirected to
 * another file, even if the temporary file is renamed or replaced. */
const char  *cm_safe_write_get_path (CmSafeWrite *self);

/* Appends @length bytes of @data to the temporary file, all or fail. */
gboolean     cm_safe_write_append   (CmSafeWrite *self, const char *data, gsize length,
                                     GError **error);

/* Both consume @self. After a successful commit the target holds the
 * data; after a failed one or an abort it is as it was. */
gboolean     cm_safe_write_commit   (CmSafeWrite *self, GError **error);
void         cm_safe_write_abort    (CmSafeWrite *self);

/* The whole of @target replaced by @length bytes of @data. */
gboolean     cm_safe_write_contents (const char *target, const char *data, gsize length,
                                     GError **error);

/* Flushes the names in @folder to disk, so that a rename there survives
 * a power cut. Best effort: the file renamed is whole either way, and
 * some file systems refuse to flush a folder. */
void         cm_safe_write_sync_folder (const char *folder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSafeWrite, cm_safe_write_abort)

G_END_DECLS
