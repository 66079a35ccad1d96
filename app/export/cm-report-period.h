/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-report-period.h: the financial year (1 April to 31 March) and its
 * quarters, as finance and the Transparency Code report by them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CM_REPORT_PERIOD_ERROR (cm_report_period_error_quark ())
typedef enum {
  CM_REPORT_PERIOD_ERROR_INVALID,
} CmReportPeriodError;
GQuark cm_report_period_error_quark (void);

/* First and last day, both included. */
typedef struct {
  GDate first;
  GDate last;
} CmReportPeriod;

/* What a workbook reports on: the quarter of its Transparency sheet and
 * the financial year of its Spend summary. */
typedef struct {
  CmReportPeriod quarter;
  CmReportPeriod year;
} CmReportPeriods;

/* The financial year starting in April of @year ("2026" is 2026/27). */
void     cm_report_period_year          (int year, CmReportPeriod *period);
/* Quarter @n (1 to 4) of the financial year starting in April of @year:
 * Q1 is April to June, Q4 January to March of the next calendar year. */
void     cm_report_period_quarter       (int year, int n, CmReportPeriod *period);
void     cm_report_period_year_of       (const GDate *day, CmReportPeriod *period);
void     cm_report_period_quarter_of    (const GDate *day, CmReportPeriod *period);
/* The year and quarter containing @today. */
void     cm_report_periods_default      (const GDate *today, CmReportPeriods *periods);

/* "2026-Q3" (the letter in either case); anything else is refused. */
gboolean cm_report_period_parse_quarter (const char *text, CmReportPeriod *period,
                                         GError **error);
/* "2026" or "2026/27". */
gboolean cm_report_period_parse_year    (const char *text, CmReportPeriod *period,
                                         GError **error);

guint    cm_report_period_days          (const CmReportPeriod *period);
/* Days of @period within @start to @end, both included; an invalid
 * @start or @end leaves that side open. */
guint    cm_report_period_days_live     (const CmReportPeriod *period, const GDate *start,
                                         const GDate *end);
/* "2026/27", and "2026-Q3 (October to December 2026)". */
char    *cm_report_period_year_label    (const CmReportPeriod *period);
char    *cm_report_period_quarter_label (const CmReportPeriod *period);

G_END_DECLS
