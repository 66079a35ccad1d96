/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-layout.h: where each contract's bar sits on the portfolio timeline
 *
 * The portfolio timeline shows every contract ending in the next five
 * years, grouped by commissioner and in end-date order within each group,
 * one row per contract under a heading row per commissioner. The layout
 * works in rows and days, not pixels, so a drawing only scales it, and it
 * is built once: finding what lies in a visible rectangle costs what is
 * visible, not the size of the portfolio.
 */
#pragma once

#include "cm-contract.h"
#include "cm-contract-dates.h"

G_BEGIN_DECLS

/* The planning horizons of a commissioning plan's schedule of market
 * opportunities: "short term (next 12-18 months)" and "longer term
 * (next 2-5 years)". */
typedef struct {
  int         first_day;   /* days from today */
  int         end_day;     /* the day after its last */
  const char *label;       /* translated */
} CmPortfolioBand;

typedef struct {
  CmContract      *contract;
  CmDeadlineStatus status;   /* of its end */
  GDate            end;      /* its current end, from the deadlines */
  int              first_day; /* its start, or today if it began earlier */
  int              end_day;   /* the day after its end */
  guint            group;    /* index of its commissioner's group */
} CmPortfolioBar;

typedef struct {
  char *name;                /* the commissioner, or words saying there is none */
  guint heading_row;
  guint n_bars;
} CmPortfolioGroup;

typedef struct _CmPortfolioLayout CmPortfolioLayout;

/* A layout of the five years from @today. */
CmPortfolioLayout *cm_portfolio_layout_new      (const GDate *today);
void               cm_portfolio_layout_free     (CmPortfolioLayout *self);

/* Adds @contract, ending on @end with @status, under the commissioner
 * named @group (NULL or empty for none). A contract ending before today or
 * after the window is counted, not drawn; FALSE then. */
gboolean           cm_portfolio_layout_add      (CmPortfolioLayout *self,
                                                 CmContract        *contract,
                                                 const char        *group,
                                                 const GDate       *end,
                                                 CmDeadlineStatus   status);
/* Sorts the groups by name (no commissioner last) and the bars by end
 * date, then gives each a row. Call once, after the last add. */
void               cm_portfolio_layout_finish   (CmPortfolioLayout *self);

int                cm_portfolio_layout_get_n_days  (CmPortfolioLayout *self);
const GDate       *cm_portfolio_layout_get_today   (CmPortfolioLayout *self);
guint              cm_portfolio_layout_get_n_rows  (CmPortfolioLayout *self);
guint              cm_portfolio_layout_get_n_bars  (CmPortfolioLayout *self);
guint              cm_portfolio_layout_get_n_groups (CmPortfolioLayout *self);
const CmPortfolioGroup *cm_portfolio_layout_get_group (CmPortfolioLayout *self, guint group);
/* The bar on @row, or NULL for a heading row (then @group is set if not NULL). */
const CmPortfolioBar *cm_portfolio_layout_get_row (CmPortfolioLayout *self, guint row,
                                                   guint *group);
/* The row of the @index'th bar in drawing order, and back. */
guint              cm_portfolio_layout_bar_row     (CmPortfolioLayout *self, guint index);
/* The bar index on @row; FALSE for a heading row. */
gboolean           cm_portfolio_layout_row_bar     (CmPortfolioLayout *self, guint row,
                                                    guint *index);
/* The row holding @contract's bar, or -1. */
int                cm_portfolio_layout_find        (CmPortfolioLayout *self, gint64 contract_id);

/* The planning bands, in days from today. */
const CmPortfolioBand *cm_portfolio_layout_get_bands (CmPortfolioLayout *self, guint *n_bands);

/* Appends to @rows the rows from @first_row to @last_row (inclusive) that
 * hold a heading, or a bar meeting the days @first_day to @last_day
 * (inclusive): what a drawing of that rectangle needs, and no more. */
void               cm_portfolio_layout_visible     (CmPortfolioLayout *self,
                                                    guint first_row, guint last_row,
                                                    int first_day, int last_day,
                                                    GArray *rows);

/* A bar in words, for its tooltip and screen readers: "LCC-042 — Carers'
 * breaks, Leeds Carers, ends 1 October 2027, due soon". */
char              *cm_portfolio_layout_bar_name    (const CmPortfolioBar *bar);
/* The whole chart in words: how many contracts end when, and how urgent. */
char              *cm_portfolio_layout_describe    (CmPortfolioLayout *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmPortfolioLayout, cm_portfolio_layout_free)

G_END_DECLS
