/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-transparency.h: the contracts register of the Local Government
 * Transparency Code 2015: every contract over £5,000, with the Code's
 * fields, for the workbook's sheet and for a CSV of its own */
#pragma once

#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-record-fields.h"
#include "cm-report-period.h"
#include "cm-service-digest.h"
#include "cm-supplier-digest.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TRANSPARENCY_N_FIELDS CM_TRANSPARENCY_N_COLUMNS

/* The Code's column names, in its order, NULL-terminated: those of
 * cm_transparency_columns (cm-record-fields.h). */
const char * const *cm_transparency_headers (void);

typedef struct {
  char *reference;
  char *title;
  char *department;
  char *description;
  char *supplier;
  char *supplier_details;
  gint64 value;              /* pence over the life of the contract, or NOT_RECORDED */
  gint64 irrecoverable_vat;  /* pence, or NOT_RECORDED: no field holds it yet */
  GDate start;               /* invalid when not known */
  GDate end;
  GDate review;
  const char *invitation;
  gboolean sme;
  gboolean vcse;
  char *registration;
} CmTransparencyRow;

/* A value the portfolio does not hold: published blank, never as 0. */
#define CM_TRANSPARENCY_NOT_RECORDED ((gint64) -1)

/* Of CmTransparencyRow, in contract order: the contracts over £5,000 led
 * by the council (a directorate, or a pooled budget it hosts; NHS bodies
 * publish their own) that run on any day of @quarter, or of the quarter
 * containing @today when @quarter is NULL. A contract whose start or end
 * is not known counts as running on that side. */
/* The contract's row when the Code lists it in @quarter, else NULL: @dates
 * are its computed dates (NULL when it has none), @start and @end its span
 * (cm-contract-span.h), worked out once by the caller, its service read
 * from @services and its supplier from @suppliers. */
CmTransparencyRow *cm_transparency_row_of (CmStore *store, CmServiceDigest *services,
                                           CmSupplierDigest *suppliers, CmContract *contract,
                                           const CmContractDates *dates, const GDate *start,
                                           const GDate *end, const CmReportPeriod *quarter,
                                           const GDate *today);
void       cm_transparency_row_free  (gpointer row);

GPtrArray *cm_transparency_rows      (CmStore *store, const GDate *today,
                                      const CmReportPeriod *quarter);

/* Writes the register as UTF-8 CSV with RFC 4180 quoting, starting with
 * a byte-order mark; text a spreadsheet would run as a formula is
 * neutralised with a leading '. The file is replaced whole or not at all. */
gboolean   cm_transparency_write_csv (CmStore *store, const char *path, const GDate *today,
                                      const CmReportPeriod *quarter, GError **error);

G_END_DECLS
