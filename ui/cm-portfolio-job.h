/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cm-portfolio-job.h: work on a portfolio file in the background, on a
 * connection of its own
 *
 * Copying, restoring or undoing an import of a large portfolio takes
 * seconds. The work runs in a worker thread with its own store, while the
 * window is insensitive and a toast says what is happening; the window's
 * own store is left alone, and reloaded afterwards when the file changed.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Runs in the worker thread. */
typedef gboolean (*CmPortfolioWork) (CmStore *store, gpointer data, GError **error);
/* Runs on the main loop afterwards, if @window is still open; @error is
 * NULL when the work succeeded. */
typedef void (*CmPortfolioWorkDone) (GtkWindow *window, gpointer data, const GError *error);

void cm_portfolio_job_start (GtkWindow *window, AdwToastOverlay *toasts, const char *progress,
                             CmStore *store, CmStoreOpenFlags flags, CmPortfolioWork work,
                             CmPortfolioWorkDone done, gpointer data, GDestroyNotify free_data);

G_END_DECLS
