/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-job.h: work on a portfolio file in the background, on a
 * connection of its own
 *
 * Restoring a backup or undoing an import of 100,000 contracts takes
 * seconds. The work runs in a worker thread with a store of its own; the
 * caller makes sure no other connection to the file is open in the
 * process meanwhile (see cm_window_work_on_portfolio ()).
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Runs in the worker thread. */
typedef gboolean (*CmPortfolioWork) (CmStore *store, gpointer data, GError **error);
/* Runs on the main loop afterwards; @error is NULL when the work succeeded. */
typedef void (*CmPortfolioWorkDone) (gpointer data, const GError *error);

void cm_portfolio_job_start (const char *portfolio, const char *actor, CmPortfolioWork work,
                             gpointer work_data, CmPortfolioWorkDone done, gpointer done_data);

G_END_DECLS
