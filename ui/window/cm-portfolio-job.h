/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-job.h: work on a portfolio file in the background, on a
 * connection of its own
 *
 * Restoring a backup or undoing an import of 100,000 contracts takes
 * seconds. The work runs in a worker thread with a store of its own; the
 * caller makes sure no other connection to the file is open in the
 * process meanwhile (see cm_window_work_on_portfolio ()).
 *
 * Reports, calendars, workbooks and notifications read the file in the
 * background too, each on a read-only connection of its own. Each such
 * reader is registered while it runs, holding the application so that
 * closing the last window waits for a half-written export, and
 * cm_portfolio_readers_stop () cancels and waits for them before the file
 * is replaced, as quitting does for all of them.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Runs in the worker thread. */
typedef gboolean (*CmPortfolioWork) (CmStore *store, gpointer data, GError **error);
/* Runs in the worker thread, on a read-only store; stops, failing with
 * G_IO_ERROR_CANCELLED, once @cancellable is cancelled. */
typedef gboolean (*CmPortfolioRead) (CmStore *store, gpointer data, GCancellable *cancellable,
                                     GError **error);
/* Runs on the main loop afterwards; @error is NULL when the work succeeded. */
typedef void (*CmPortfolioWorkDone) (gpointer data, const GError *error);

void cm_portfolio_job_start (const char *portfolio, const char *actor, CmPortfolioWork work,
                             gpointer work_data, CmPortfolioWorkDone done, gpointer done_data);

/* Runs @read on a read-only connection to @portfolio (which must exist)
 * as @actor, as a registered reader cancelled through @cancellable (may be
 * NULL) or by cm_portfolio_readers_stop (); then @done on the main loop. */
void cm_portfolio_job_read (const char *portfolio, const char *actor,
                            GCancellable *cancellable, CmPortfolioRead read,
                            gpointer read_data, CmPortfolioWorkDone done, gpointer done_data);

/* A reader of a portfolio in a thread of its own, such as a print job. */
typedef struct _CmPortfolioReader CmPortfolioReader;

/* Registers a reader of @portfolio, stopped by cancelling @cancellable;
 * on the main loop. */
CmPortfolioReader *cm_portfolio_reader_begin (const char *portfolio, GCancellable *cancellable);
/* Once its thread has let go of the file; on the main loop. */
void               cm_portfolio_reader_end   (CmPortfolioReader *reader);

/* Cancels every reader of @portfolio, then calls @then once none is left
 * (at once when none runs). */
void cm_portfolio_readers_stop (const char *portfolio, GSourceFunc then, gpointer data);
/* Cancels every reader of every portfolio, then calls @then once none is
 * left (at once when none runs): quitting does not wait for the
 * application's holds. */
void cm_portfolio_readers_stop_all (GSourceFunc then, gpointer data);
/* How many readers of @portfolio are registered. */
guint cm_portfolio_readers_count (const char *portfolio);

G_END_DECLS
