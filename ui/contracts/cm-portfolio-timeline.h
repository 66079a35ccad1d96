/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-timeline.h: every contract ending in the next five years,
 * drawn by end date and grouped by commissioner
 *
 * A scrollable drawing (put it in a GtkScrolledWindow whose scrollbars are
 * always there, as it sets its range as it is allocated): the first two years
 * fill the width and the rest scrolls in. It draws only the rows and days
 * in view, so 100,000 contracts scroll as smoothly as ten. Up and Down move
 * between bars, Enter or a click opens the bar's contract; the focused or
 * pointed-at bar is named in words, and the chart as a whole is described
 * in words for screen readers.
 */
#pragma once

#include <gtk/gtk.h>

#include "cm-portfolio-layout.h"

G_BEGIN_DECLS

#define CM_TYPE_PORTFOLIO_TIMELINE (cm_portfolio_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CmPortfolioTimeline, cm_portfolio_timeline, CM, PORTFOLIO_TIMELINE,
                      GtkWidget)

/* Signal "open-contract" (CmContract *contract): a bar was clicked or
 * activated with Enter. */
GtkWidget *cm_portfolio_timeline_new        (void);
/* Takes @layout, finished. */
void       cm_portfolio_timeline_set_layout (CmPortfolioTimeline *self,
                                             CmPortfolioLayout   *layout);
CmPortfolioLayout *cm_portfolio_timeline_get_layout (CmPortfolioTimeline *self);
/* The row holding the keyboard's place, or -1. */
int        cm_portfolio_timeline_get_focus_row (CmPortfolioTimeline *self);

G_END_DECLS
