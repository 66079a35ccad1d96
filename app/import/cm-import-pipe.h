/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-pipe.h: rows planned in one thread, written in another
 *
 * An import reads and plans its rows, then writes each one: about as
 * much work on either side. Handed through a pipe, the rows are written
 * by a thread of their own while the next ones are planned, so the import
 * takes about as long as the longer side rather than both. Rows go in
 * batches, in order, and at most a few batches are out at a time, so
 * memory does not grow with the register. Each batch comes back once
 * written, its rows as the writer left them: what a row holds for reuse
 * (a record to read the next row into) stays with it.
 *
 * Without a thread, each row is written as soon as it is handed in, in
 * the calling thread: for rows whose planning must read what earlier rows
 * wrote.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CmImportPipe CmImportPipe;

/* Writes @n_rows rows, each @row_size bytes, from @rows: in the writing
 * thread, one batch at a time and in order. */
typedef void (*CmImportPipeWrite) (gpointer rows, guint n_rows, gpointer user_data);
/* Called once the last row is written, in the thread that wrote it. */
typedef void (*CmImportPipeWritten) (gpointer user_data);

/* @clear clears a row's memory as the pipe is freed (may be NULL). */
CmImportPipe *cm_import_pipe_new   (gsize row_size, gboolean threaded, CmImportPipeWrite write,
                                    gpointer user_data, GDestroyNotify clear);
/* The row to fill next, as its last writing left it (zeroed at first).
 * Waits while every batch is out. The same row until it is handed in. */
gpointer      cm_import_pipe_peek  (CmImportPipe *pipe);
/* Hands in the row cm_import_pipe_peek () gave. */
void          cm_import_pipe_push  (CmImportPipe *pipe);
/* Hands in what is left without waiting: no more rows come, and the
 * writing thread calls @written (may be NULL) after the last, so that it
 * ends its work while the calling thread ends its own. */
void          cm_import_pipe_close (CmImportPipe *pipe, CmImportPipeWritten written);
/* Once closed, waits until every row is written, not for @written. */
void          cm_import_pipe_wait_rows (CmImportPipe *pipe);
/* Closes the pipe if it was not, and waits until every row is written
 * and the pipe's @written has returned. */
void          cm_import_pipe_finish (CmImportPipe *pipe);
/* Finishes the pipe if it was not, and frees it. */
void          cm_import_pipe_free  (CmImportPipe *pipe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmImportPipe, cm_import_pipe_free)

G_END_DECLS
