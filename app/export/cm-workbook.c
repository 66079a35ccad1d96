/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-workbook.c: the portfolio as an Excel workbook
 *
 * Sheets, in this order: Read me, Services, Contracts, Deadlines, Timeline,
 * Spend summary, EIAs, Decommissioning audit, Risks, Transparency, Audit
 * trail. Each prints on A4 with its header row on every page and a footer
 * naming the portfolio, the page and the audit head.
 */
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "cm-audit.h"
#include "cm-audit-anchor.h"
#include "cm-audit-query.h"
#include "cm-audit-sheet.h"
#include "cm-audit-words.h"
#include "cm-contract.h"
#include "cm-cycle.h"
#include "cm-contract-span.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-decision-evidence.h"
#include "cm-decommissioning.h"
#include "cm-eia-process.h"
#include "cm-eia-review.h"
#include "cm-gate.h"
#include "cm-portfolio-name.h"
#include "cm-required-notices.h"
#include "cm-risk.h"
#include "cm-row-sorter.h"
#include "cm-safe-write.h"
#include "cm-service.h"
#include "cm-service-digest.h"
#include "cm-sheet-columns.h"
#include "cm-sheet.h"
#include "cm-sheets-beside.h"
#include "cm-spend.h"
#include "cm-succession.h"
#include "cm-total-value.h"
#include "cm-timeline-sheet.h"
#include "cm-transparency.h"
#include "cm-workbook.h"
#include "cm-workbook-charts.h"

G_DEFINE_QUARK (cm-workbook-error-quark, cm_workbook_error)

typedef struct {
  CmStore *store;
  const GDate *today;
  CmReportPeriods periods;
  CmDeadlineSettings settings;
  lxw_workbook *workbook;
  CmSheetFormats formats;
  lxw_error error;
  GError *unread;          /* records that could not be read, or NULL */
  char *footer;            /* every sheet's printed footer, Excel's &-codes */
  CmServiceDigest *services; /* what the Read me and a contract's row name of a service */
  /* Filled by the one pass over the contracts, for the sheets after it. */
  CmSheet *read_me;        /* open until the spend's note is known */
  CmSupplierDigest *suppliers; /* what a Transparency row names of its supplier */
  CmSpendTally *tally;
  CmSpend *spend;
  CmRowSorter *deadline_rows;
  CmRowSorter *timeline_rows;
  CmRowSorter *transparency_rows;
  CmSheetsBeside *beside;  /* writing the Services and Audit trail, or NULL */
  struct _Beside *beside_sheets;
  GThread *deadline_thread; /* writing the Deadlines sheet, or NULL */
  struct _DeadlineSheet *deadline_sheet;
  GCancellable *cancellable;
} Export;

static const struct {
  const char *name;
  const char *about;
} sheets[] = {
  { "Read me", N_("This page: where the workbook came from.") },
  { "Services", N_("One row per service: its commissioners, stage, cycle, annual value and the "
                   "state of each gate.") },
  { "Contracts", N_("Every contract with its derived dates and their statuses.") },
  { "Deadlines", N_("Every upcoming date, most urgent first.") },
  { "Timeline", N_("Every running contract from its start to its current end and to its latest "
                   "possible end, soonest ending first, with a chart of the first few.") },
  { "Spend summary", N_("Spend on third-sector contracts in the financial year named "
                        "above: each contract's annual value for the days it runs in the "
                        "year, shared between its service's funders in proportion to their "
                        "recorded funding, or to the lead commissioner where none is "
                        "recorded; by commissioner and service, with sub totals and a grand "
                        "total, laid out as Appendix A of Leeds City Council's third sector "
                        "commissioning report 2015.") },
  { "EIAs", N_("One row per characteristic of each equality impact assessment.") },
  { "Decommissioning audit", N_("Every audited action on every decommission, and whether the "
                                "hash chain verifies.") },
  { "Decisions", N_("Each decommissioning and re-commissioning decision, the signed EIA that "
                    "informed it, and whether the EIA came first.") },
  { "Risks", N_("Every risk with its score and RAG rating.") },
  { "Transparency", N_("Contracts over £5,000 led by the council and running in the quarter "
                       "named above, for the Local Government Transparency Code 2015. "
                       "Contract value is the value over the life of the contract, blank "
                       "where none is recorded; irrecoverable VAT is not recorded, so it is "
                       "blank.") },
  { "Audit trail", N_("Every change to the portfolio, newest first, in words, and whether the "
                      "hash chain vouches for it.") },
};

static GPtrArray *
list_of (CmStore *store, GType type)
{
  GListModel *model = cm_store_list (store, type);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static char *
text_of (gpointer object, const char *property)
{
  char *text = NULL;

  g_object_get (object, property, &text, NULL);
  return text;
}

/* The lead commissioner of the service @contract pays for, as in force on
 * the contract's day with the recorded one beside it, or NULL. */
static char *
commissioner_of (Export *e, CmContract *contract)
{
  const CmServiceSummary *service = cm_service_digest_find (e->services,
                                                            cm_contract_get_service_id (contract));

  if (service == NULL)
    return NULL;
  return cm_succession_contract_lead (e->store, contract, service->lead_commissioner_id,
                                      e->today);
}

static const char *
label_of (gpointer object, const char *property, GType enum_type)
{
  int value;

  g_object_get (object, property, &value, NULL);
  return cm_enum_to_label (enum_type, value);
}

/* The label of an enum property, or for "other" the text it was filed
 * from, held in @as_written. */
static char *
label_as_written (gpointer object, const char *property, const char *as_written,
                  GType enum_type)
{
  g_autofree char *text = NULL;
  int value;

  g_object_get (object, property, &value, as_written, &text, NULL);
  return cm_enum_to_label_as_written (enum_type, value, text);
}

/* Closes a sheet, keeping its first error for the export. */
static void
done (Export *e, CmSheet *sheet)
{
  lxw_error error = cm_sheet_close (sheet, e->footer);

  if (e->error == LXW_NO_ERROR)
    e->error = error;
}

/* Keeps the export's first errors: a sheet's @error from libxlsxwriter,
 * and why records could not be read, taken from @unread. */
static void
keep_errors (Export *e, lxw_error error, GError **unread)
{
  if (e->error == LXW_NO_ERROR)
    e->error = error;
  if (e->unread == NULL)
    e->unread = g_steal_pointer (unread);
  g_clear_error (unread);
}

/* ---- Read me ---------------------------------------------------------- */

/* A sheet being written and the export it belongs to, for rows written
 * as the store reads them (cm_store_each ()), nothing of them kept. */
typedef struct {
  Export *e;
  CmSheet *sheet;
  CmFormat *formats;       /* each column's, from its description */
} SheetRows;

/* Spend lines that balance a damaged source table to its printed total
 * are named as such; the reader is told where they are. */
static void
note_unitemised_line (CmSheet *sheet, const CmServiceSummary *service)
{
  g_autofree char *note = NULL;

  if (strstr (service->name, "not itemised in source") == NULL &&
      strstr (service->name, "illegible in source") == NULL)
    return;
  note = g_strdup_printf (_("“%s” of %s is not itemised in the source table: it is the "
                            "difference between the listed lines and the printed total."),
                          service->name, service->lead_commissioner_name);
  cm_sheet_bold (sheet, 0, _("Note"));
  cm_sheet_text (sheet, 1, note);
  cm_sheet_next_row (sheet);
}

static void
note_unitemised_lines (Export *e, CmSheet *sheet)
{
  for (guint i = 0; i < cm_service_digest_get_n_services (e->services); i++)
    note_unitemised_line (sheet, cm_service_digest_get_nth (e->services, i));
}

/* The trail's head as exported: kept with the workbook, it anchors the
 * trail, which `--verify-audit --expect-head-from` checks later. */
static void
write_audit_head (Export *e, CmSheet *sheet)
{
  g_autofree char *anchor = cm_audit_anchor_current (e->store, NULL);

  if (anchor == NULL)
    return;
  cm_sheet_text (sheet, 0, _("Audit head"));
  cm_sheet_text (sheet, 1, anchor);
  cm_sheet_next_row (sheet);
}

/* Which year the Spend summary counts and which quarter the
 * Transparency sheet lists, with their first and last days. */
static void
write_periods (Export *e, CmSheet *sheet)
{
  g_autofree char *year = cm_report_period_year_label (&e->periods.year);
  g_autofree char *quarter = cm_report_period_quarter_label (&e->periods.quarter);
  g_autofree char *first = cm_date_to_long (&e->periods.year.first);
  g_autofree char *last = cm_date_to_long (&e->periods.year.last);
  g_autofree char *spend = g_strdup_printf (_("%s (%s to %s)"), year, first, last);

  cm_sheet_text (sheet, 0, _("Financial year of the Spend summary"));
  cm_sheet_text (sheet, 1, spend);
  cm_sheet_next_row (sheet);
  cm_sheet_text (sheet, 0, _("Quarter of the Transparency sheet"));
  cm_sheet_text (sheet, 1, quarter);
  cm_sheet_next_row (sheet);
}

/* Third-sector contracts whose share of the year cannot be counted. */
static void
note_undated_spend (Export *e, CmSheet *sheet)
{
  const CmSpend *spend = e->spend;
  g_autofree char *note = NULL;

  if (spend == NULL || spend->undated == 0)
    return;
  note = g_strdup_printf (ngettext ("%u third-sector contract has no readable start or end "
                                    "date, so it is not in the Spend summary: record its "
                                    "dates to count it.",
                                    "%u third-sector contracts have no readable start or end "
                                    "date, so they are not in the Spend summary: record their "
                                    "dates to count them.", spend->undated),
                          spend->undated);
  cm_sheet_bold (sheet, 0, _("Note"));
  cm_sheet_text (sheet, 1, note);
  cm_sheet_next_row (sheet);
}

static void
read_me (Export *e)
{
  const char *headers[] = { _("Item"), _("Value"), NULL };
  CmSheet *sheet = cm_sheet_new (e->workbook, "Read me", &e->formats, headers);
  g_autofree char *name = cm_portfolio_name_of_store (e->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  const char *actor = cm_store_get_actor (e->store);

  cm_sheet_text (sheet, 0, _("Portfolio"));
  cm_sheet_text (sheet, 1, name);
  cm_sheet_next_row (sheet);
  cm_sheet_text (sheet, 0, _("Exported"));
  cm_sheet_moment (sheet, 1, exported);
  cm_sheet_next_row (sheet);
  cm_sheet_text (sheet, 0, _("Exported by"));
  cm_sheet_text (sheet, 1, actor);
  cm_sheet_next_row (sheet);
  cm_sheet_text (sheet, 0, _("Statuses as on"));
  cm_sheet_gdate (sheet, 1, e->today);
  cm_sheet_next_row (sheet);
  write_periods (e, sheet);
  write_audit_head (e, sheet);
  cm_sheet_next_row (sheet);
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      cm_sheet_bold (sheet, 0, sheets[i].name);
      cm_sheet_text (sheet, 1, _(sheets[i].about));
      cm_sheet_next_row (sheet);
    }
  note_unitemised_lines (e, sheet);
  /* Finished after the contracts are read, by finish_read_me (). */
  e->read_me = sheet;
}

static void
finish_read_me (Export *e)
{
  if (e->read_me == NULL)
    return;
  note_undated_spend (e, e->read_me);
  done (e, e->read_me);
  e->read_me = NULL;
}

/* ---- Services --------------------------------------------------------- */

/* The Services sheet being written from a store, beside the other sheets
 * (start_sheets_beside ()). */
typedef struct {
  CmStore *store;
  const GDate *today;
  CmSheet *sheet;
  CmFormat *formats;       /* each column's, from its description */
} ServiceRows;

/* "passed", "overridden: why", "ready", "held" or "not reached". */
static char *
gate_state (CmStore *store, CmService *service, CmStage stage, GPtrArray *history)
{
  CmGateSummary summary;

  cm_gate_summarise (store, service, stage, history, &summary);
  return cm_gate_state_text (&summary);
}

/* One service's row, in the format the sheet's columns describe. */
static gboolean
service_row (CmEntity *record, gpointer user_data)
{
  ServiceRows *rows = user_data;
  CmService *service = CM_SERVICE (record);
  g_autofree char *lead = cm_succession_service_commissioner (rows->store, service, rows->today);
  g_autofree char *partners = text_of (service, "partner-names");
  g_autoptr(GPtrArray) history = cm_cycle_history (rows->store, service);
  char *gates[CM_STAGE_REVIEW + 1] = { NULL };
  CmSheetCell cells[13] = {
    { .text = cm_service_get_name (service) },
    { .text = label_of (service, "area", CM_TYPE_SERVICE_AREA) },
    { .text = label_of (service, "client-group", CM_TYPE_CLIENT_GROUP) },
    { .text = lead },
    { .text = partners },
    { .text = label_of (service, "stage", CM_TYPE_STAGE) },
    { .number = cm_service_get_cycle (service), .has_number = TRUE },
    { .number = cm_service_get_annual_value (service), .has_number = TRUE },
    [12] = { .text = label_of (service, "community-committee",
                               CM_TYPE_COMMUNITY_COMMITTEE) },
  };

  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      gates[stage] = gate_state (rows->store, service, stage, history);
      cells[8 + stage].text = gates[stage];
    }
  cm_sheet_columns_write_row (rows->sheet, rows->formats, cells, G_N_ELEMENTS (cells));
  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    g_free (gates[stage]);
  return rows->sheet->error == LXW_NO_ERROR;
}

static CmSheet *
services_sheet_new (Export *e)
{
  g_autofree const char **headers = cm_sheet_columns_headers (CM_TYPE_SERVICE,
                                                               cm_services_sheet_columns);

  return cm_sheet_new (e->workbook, "Services", &e->formats, headers);
}

/* Written as the services are read, none of them kept. */
static void
write_services (CmSheet *sheet, CmStore *store, const GDate *today, GError **error)
{
  g_autofree CmFormat *formats = cm_sheet_columns_formats (CM_TYPE_SERVICE,
                                                           cm_services_sheet_columns);
  ServiceRows rows = { store, today, sheet, formats };

  cm_store_each (store, CM_TYPE_SERVICE, service_row, &rows, error);
}

/* ---- Sheets written beside the others ---------------------------------- */

/* The Services and Audit trail sheets need nothing of the others, so
 * they are written in a thread of their own (cm-sheets-beside.h). */
typedef struct _Beside {
  const GDate *today;
  const char *footer;
  GCancellable *cancellable;
  CmSheet *services;       /* or NULL, written in its place; the thread clears it */
  gboolean services_beside; /* read by the export's own thread alone */
  CmSheet *audit;
  lxw_error error;         /* the first sheet's error */
  GError *unread;          /* why records could not be read, or NULL */
} Beside;

static void
close_beside (Beside *b, CmSheet *sheet)
{
  lxw_error error = cm_sheet_close (sheet, b->footer);

  if (b->error == LXW_NO_ERROR)
    b->error = error;
}

static void
write_beside (CmStore *store, gpointer data)
{
  Beside *b = data;

  if (b->services && !g_cancellable_is_cancelled (b->cancellable))
    write_services (b->services, store, b->today, &b->unread);
  if (b->services)
    close_beside (b, g_steal_pointer (&b->services));
  if (b->unread == NULL)
    cm_audit_sheet_write (b->audit, store, b->cancellable, &b->unread);
  close_beside (b, g_steal_pointer (&b->audit));
}

/* Whether the Services sheet numbers the money format next after the
 * Read me: its first row is written out, with its annual value, once a
 * second row follows. */
static gboolean
services_number_money (Export *e)
{
  guint count = 0;

  return cm_store_count (e->store, CM_TYPE_SERVICE, &count, NULL) && count >= 2;
}

/* The Read me's written rows have used the header, bold, date and date
 * and time formats: numbered already. The Services sheet uses money too,
 * which it would have numbered next: numbered now, the workbook's formats
 * are numbered as they always were. With fewer services it is written in
 * its place (services ()). */
static void
start_sheets_beside (Export *e)
{
  Beside *b = g_new0 (Beside, 1);

  lxw_format_get_xf_index (e->formats.header);
  lxw_format_get_xf_index (e->formats.datetime);
  lxw_format_get_xf_index (e->formats.date);
  lxw_format_get_xf_index (e->formats.bold);
  b->today = e->today;
  b->footer = e->footer;
  b->cancellable = e->cancellable;
  if (services_number_money (e))
    {
      lxw_format_get_xf_index (e->formats.money);
      b->services = services_sheet_new (e);
      b->services_beside = TRUE;
    }
  b->audit = cm_audit_sheet_new (e->workbook, &e->formats);
  e->beside_sheets = b;
  e->beside = cm_sheets_beside_start (e->store, write_beside, b);
}

/* The Services sheet, when it is not written beside. */
static void
services (Export *e)
{
  CmSheet *sheet;

  if (e->beside_sheets && e->beside_sheets->services_beside)
    return;
  sheet = services_sheet_new (e);
  if (e->unread == NULL)
    write_services (sheet, e->store, e->today, &e->unread);
  done (e, sheet);
}

static void
finish_sheets_beside (Export *e)
{
  Beside *b = e->beside_sheets;

  if (e->beside == NULL)
    return;
  cm_sheets_beside_finish (g_steal_pointer (&e->beside));
  keep_errors (e, b->error, &b->unread);
  g_clear_pointer (&e->beside_sheets, g_free);
}

/* ---- Contracts and Deadlines ------------------------------------------ */

/* A worked-out date and, when there is one, its status beside it. */
static void
dated (CmSheetCell *cells, guint col, const GDate *date, CmDeadlineStatus status)
{
  cells[col].date = date;
  if (g_date_valid (date))
    cells[col + 1].text = cm_deadline_status_label (status);
}

static gint64
julian_of (const GDate *date)
{
  return date && g_date_valid (date) ? (gint64) g_date_get_julian (date) : 0;
}

static void
date_of (gint64 julian, GDate *date)
{
  g_date_clear (date, 1);
  if (julian > 0)
    g_date_set_julian (date, julian);
}

/* A Deadlines row in its sorter: most urgent first, by date, contracts'
 * own dates before procurement notices, each in the order read. */
enum { DL_RANK, DL_SORT_DATE, DL_GROUP, DL_DATE, DL_STATUS, DL_KIND, DL_NUMBERS };
enum { DL_REFERENCE, DL_TITLE, DL_PROVIDER, DL_NOTICE, DL_TEXTS };

typedef struct {
  Export *e;
  gint64 group;
} DeadlineRows;

static void
keep_deadline (const CmDeadline *d, gpointer user_data)
{
  DeadlineRows *rows = user_data;
  gint64 numbers[DL_NUMBERS] = { cm_deadline_status_rank (d->status), julian_of (&d->sort_date),
                                 rows->group, julian_of (&d->date), d->status, d->kind };
  const char *texts[DL_TEXTS] = { cm_contract_get_reference (d->contract),
                                  cm_contract_get_title (d->contract),
                                  cm_contract_get_provider_name (d->contract), d->notice };

  if (rows->e->unread == NULL)
    cm_row_sorter_add (rows->e->deadline_rows, numbers, texts, &rows->e->unread);
}

/* A Transparency row in its sorter, in the order read. */
enum { TR_VALUE, TR_VAT, TR_START, TR_END, TR_REVIEW, TR_SME, TR_VCSE, TR_NUMBERS };
enum { TR_REFERENCE, TR_TITLE, TR_DEPARTMENT, TR_DESCRIPTION, TR_SUPPLIER, TR_DETAILS,
       TR_INVITATION, TR_REGISTRATION, TR_TEXTS };

static void
keep_transparency (Export *e, CmContract *c, const CmContractDates *dates, const GDate *start,
                   const GDate *end)
{
  CmTransparencyRow *row = cm_transparency_row_of (e->store, e->services, e->suppliers, c,
                                                   dates, start, end, &e->periods.quarter,
                                                   e->today);
  gint64 numbers[TR_NUMBERS];
  const char *texts[TR_TEXTS];

  if (row == NULL)
    return;
  numbers[TR_VALUE] = row->value;
  numbers[TR_VAT] = row->irrecoverable_vat;
  numbers[TR_START] = julian_of (&row->start);
  numbers[TR_END] = julian_of (&row->end);
  numbers[TR_REVIEW] = julian_of (&row->review);
  numbers[TR_SME] = row->sme;
  numbers[TR_VCSE] = row->vcse;
  texts[TR_REFERENCE] = row->reference;
  texts[TR_TITLE] = row->title;
  texts[TR_DEPARTMENT] = row->department;
  texts[TR_DESCRIPTION] = row->description;
  texts[TR_SUPPLIER] = row->supplier;
  texts[TR_DETAILS] = row->supplier_details;
  texts[TR_INVITATION] = row->invitation;
  texts[TR_REGISTRATION] = row->registration;
  if (e->unread == NULL)
    cm_row_sorter_add (e->transparency_rows, numbers, texts, &e->unread);
  cm_transparency_row_free (row);
}

/* What the sheets after Contracts need of this contract, from its dates
 * computed once: its deadlines, its timeline row, its share of the
 * year's spend and its Transparency row. */
static void
keep_for_later_sheets (Export *e, CmContract *c, const CmContractDates *dates)
{
  DeadlineRows contract_dates = { e, 0 };
  DeadlineRows notices = { e, 1 };
  GDate start, end;

  if (dates)
    cm_contract_each_deadline (c, dates, e->today, &e->settings, keep_deadline,
                               &contract_dates);
  cm_contract_each_notice_deadline (e->store, c, e->today, &e->settings, keep_deadline,
                                    &notices);
  if (e->unread == NULL)
    cm_timeline_sheet_keep (e->timeline_rows, c, dates, e->today, &e->unread);
  cm_contract_span_of_dates (c, dates, &start, &end);
  cm_spend_tally_add (e->tally, c, &start, &end);
  keep_transparency (e, c, dates, &start, &end);
}

/* One contract's row, its dates computed once; @record is the store's,
 * reused for the next row, so nothing of it is kept. */
static gboolean
contract_row (CmEntity *record, gpointer user_data)
{
  SheetRows *rows = user_data;
  CmSheet *sheet = rows->sheet;
  CmContract *c = CM_CONTRACT (record);
  g_autofree char *commissioner = commissioner_of (rows->e, c);
  g_autofree char *term = text_of (c, "term");
  g_autofree char *sector = label_as_written (c, "provider-sector",
                                              "provider-sector-as-written", CM_TYPE_SECTOR);
  g_autofree char *type = label_as_written (c, "contract-type", "type-as-written",
                                            CM_TYPE_CONTRACT_TYPE);
  g_autofree char *route = label_as_written (c, "route", "route-as-written",
                                             CM_TYPE_PROCUREMENT_ROUTE);
  CmContractDates dates;
  gboolean has_dates = cm_contract_compute_dates (c, rows->e->today, &rows->e->settings, &dates);
  CmSheetCell cells[25] = {
    { .text = cm_contract_get_reference (c) },
    { .text = cm_contract_get_title (c) },
    { .text = cm_contract_get_service_name (c) },
    { .text = commissioner },
    { .text = cm_contract_get_provider_name (c) },
    { .text = sector },
    { .text = type },
    { .text = route },
    { .number = cm_contract_get_annual_value (c), .has_number = TRUE },
    /* Worked out from the annual value and term when none was entered. */
    { .number = cm_contract_get_effective_total (c), .has_number = TRUE },
    { .text = cm_contract_get_start_date (c) },
    { .text = cm_contract_get_end_date (c) },
    { .text = term },
    { .text = cm_contract_get_notice_period (c) },
    { .number = cm_contract_get_extensions_invoked (c), .has_number = TRUE },
    { .text = cm_contract_get_notice_served (c) },
    [23] = { .text = cm_contract_get_decommissioned_on (c) },
    [24] = { .text = cm_contract_get_procurement_began (c) },
  };

  if (has_dates)
    {
      dated (cells, 16, &dates.current_end, dates.end_status);
      dated (cells, 18, &dates.extension_decision, dates.extension_status);
      dated (cells, 20, &dates.latest_notice, dates.notice_status);
      cells[22].date = &dates.latest_end;
    }
  cm_sheet_columns_write_row (sheet, rows->formats, cells, G_N_ELEMENTS (cells));
  keep_for_later_sheets (rows->e, c, has_dates ? &dates : NULL);
  return sheet->error == LXW_NO_ERROR && rows->e->unread == NULL;
}

/* Written in one pass over the file, row by row as libxlsxwriter's
 * constant_memory mode needs, without the list of every contract: memory
 * stays the same however many there are. */
static void
contracts (Export *e)
{
  g_autofree const char **headers = cm_sheet_columns_headers (CM_TYPE_CONTRACT,
                                                               cm_contracts_sheet_columns);
  g_autofree CmFormat *formats = cm_sheet_columns_formats (CM_TYPE_CONTRACT,
                                                           cm_contracts_sheet_columns);
  SheetRows rows = { e, cm_sheet_new (e->workbook, "Contracts", &e->formats, headers),
                        formats };

  e->tally = cm_spend_tally_new_for (e->store, &e->periods.year, e->services);
  if (e->unread == NULL)
    e->suppliers = cm_supplier_digest_new (e->store, &e->unread);
  if (e->unread == NULL)
    e->deadline_rows = cm_row_sorter_new (DL_NUMBERS, DL_TEXTS, "n0, n1, n2", &e->unread);
  if (e->unread == NULL)
    e->timeline_rows = cm_timeline_sheet_sorter_new (&e->unread);
  if (e->unread == NULL)
    e->transparency_rows = cm_row_sorter_new (TR_NUMBERS, TR_TEXTS, NULL, &e->unread);
  if (e->unread == NULL)
    cm_store_each (e->store, CM_TYPE_CONTRACT, contract_row, &rows, &e->unread);
  for (lxw_col_t col = 17; col <= 21; col += 2)
    cm_sheet_colour_words (rows.sheet, col);
  done (e, rows.sheet);
  e->spend = cm_spend_tally_finish (g_steal_pointer (&e->tally));
  g_clear_pointer (&e->services, cm_service_digest_free);
  g_clear_pointer (&e->suppliers, cm_supplier_digest_free);
  finish_read_me (e);
}

/* Excel holds 1,048,576 rows a sheet: a million contracts can have more
 * deadlines, so past this many the sheet says how many are left off
 * rather than failing the whole workbook. */
#define DEADLINE_SHEET_ROWS 1000000

typedef struct _DeadlineSheet {
  CmSheet *sheet;
  guint64 written;
  CmRowSorter *rows;       /* kept while the contracts were read */
  const char *footer;
  lxw_error error;         /* the sheet's first error, once closed */
  GError *unread;          /* why the rows could not be read, or NULL */
} DeadlineSheet;

static void
deadline_row (const gint64 *numbers, const char * const *texts, gpointer user_data)
{
  DeadlineSheet *out = user_data;
  CmSheet *sheet = out->sheet;
  CmDeadline d = { NULL, numbers[DL_KIND], { 0 }, numbers[DL_STATUS], { 0 },
                   *texts[DL_NOTICE] ? g_intern_string (texts[DL_NOTICE]) : NULL };
  g_autofree char *kind = NULL;

  if (out->written++ >= DEADLINE_SHEET_ROWS)
    return;
  date_of (numbers[DL_DATE], &d.date);
  kind = cm_deadline_kind_text (&d);
  cm_sheet_gdate (sheet, 0, &d.date);
  cm_sheet_text (sheet, 1, cm_deadline_status_label (d.status));
  cm_sheet_text (sheet, 2, kind);
  cm_sheet_text (sheet, 3, texts[DL_REFERENCE]);
  cm_sheet_text (sheet, 4, texts[DL_TITLE]);
  cm_sheet_text (sheet, 5, texts[DL_PROVIDER]);
  cm_sheet_next_row (sheet);
}

/* Below the last row written, how many of the least urgent are not. */
static void
note_deadlines_left_off (CmSheet *sheet, guint64 left_off)
{
  g_autofree char *note = NULL;

  if (left_off == 0)
    return;
  note = g_strdup_printf (ngettext ("The least urgent deadline is not on this sheet, which "
                                    "holds a million: see it on the Deadlines page, or "
                                    "export it there with Export to Calendar.",
                                    "The %llu least urgent deadlines are not on this sheet, "
                                    "which holds a million: see them on the Deadlines page, "
                                    "or export them there with Export to Calendar.",
                                    (gulong) MIN (left_off, G_MAXLONG)),
                          (unsigned long long) left_off);
  cm_sheet_bold (sheet, 0, note);
  cm_sheet_next_row (sheet);
}

static gpointer
write_deadlines (gpointer data)
{
  DeadlineSheet *out = data;

  cm_row_sorter_each (out->rows, deadline_row, out, &out->unread);
  g_clear_pointer (&out->rows, cm_row_sorter_free);
  if (out->written > DEADLINE_SHEET_ROWS)
    note_deadlines_left_off (out->sheet, out->written - DEADLINE_SHEET_ROWS);
  cm_sheet_colour_words (out->sheet, 1);
  out->error = cm_sheet_close (g_steal_pointer (&out->sheet), out->footer);
  return NULL;
}

/* From the rows kept while the contracts were read, in their order: put
 * in order and written in a thread of their own while the sheets after
 * are written. The sheet's cells use the date and bold formats and its
 * colours those of the Contracts sheet, all numbered by now. */
static void
deadlines (Export *e)
{
  const char *headers[] = { _("Date"), _("Status"), _("What"), _("Reference"), _("Title"),
                            _("Provider"), NULL };
  DeadlineSheet *out = g_new0 (DeadlineSheet, 1);

  out->sheet = cm_sheet_new (e->workbook, "Deadlines", &e->formats, headers);
  out->footer = e->footer;
  if (e->unread == NULL)
    out->rows = g_steal_pointer (&e->deadline_rows);
  else
    g_clear_pointer (&e->deadline_rows, cm_row_sorter_free);
  if (out->rows == NULL)
    {
      /* Nothing to read: closed here, as the thread would. */
      cm_sheet_colour_words (out->sheet, 1);
      done (e, g_steal_pointer (&out->sheet));
      g_free (out);
      return;
    }
  e->deadline_sheet = out;
  e->deadline_thread = g_thread_new ("deadlines-sheet", write_deadlines, out);
}

static void
finish_deadlines (Export *e)
{
  DeadlineSheet *out = e->deadline_sheet;

  if (e->deadline_thread == NULL)
    return;
  g_thread_join (g_steal_pointer (&e->deadline_thread));
  keep_errors (e, out->error, &out->unread);
  g_clear_pointer (&e->deadline_sheet, g_free);
}

/* ---- Timeline --------------------------------------------------------- */

static void
timeline (Export *e)
{
  /* Without its rows the export has already failed, saying why. */
  if (e->timeline_rows == NULL || e->unread)
    return;
  done (e, cm_timeline_sheet_write (e->workbook, &e->formats, e->timeline_rows, &e->unread));
  g_clear_pointer (&e->timeline_rows, cm_row_sorter_free);
}

/* ---- Spend summary ---------------------------------------------------- */

typedef struct {
  lxw_row_t row;
  gint64 pence;
} SubtotalCell;

typedef struct {
  CmSheet *sheet;
  GString *subtotal_cells;
  gint64 subtotal;
  gint64 total;
  lxw_row_t first;
  char *funder;            /* the block's heading */
  GPtrArray *funders;      /* each block's heading, for the chart */
  GArray *subtotals;       /* and its sub total's SubtotalCell */
} Summary;

/* Closes a commissioner's block with its sub total. */
static void
end_block (Summary *summary)
{
  g_autofree char *formula = g_strdup_printf ("=SUM(C%u:C%u)", summary->first + 1,
                                              summary->sheet->row);

  cm_sheet_bold (summary->sheet, 1, _("Sub total"));
  cm_sheet_sum (summary->sheet, 2, formula, summary->subtotal);
  g_string_append_printf (summary->subtotal_cells, "%sC%u",
                          summary->subtotal_cells->len ? "," : "", summary->sheet->row + 1);
  g_ptr_array_add (summary->funders, g_steal_pointer (&summary->funder));
  g_array_append_val (summary->subtotals,
                      ((SubtotalCell) { summary->sheet->row, summary->subtotal }));
  summary->total += summary->subtotal;
  summary->subtotal = 0;
  cm_sheet_next_row (summary->sheet);
  cm_sheet_next_row (summary->sheet);
}

/* The funder named as it is at the year's end (or today, in the current
 * year), with its recorded name beside it when another has succeeded it. */
static char *
funder_in_force (Export *e, const CmSpendLine *line)
{
  GDate day = e->periods.year.last;
  char *name;

  if (g_date_compare (e->today, &day) < 0)
    day = *e->today;
  name = line->organisation_id ? cm_succession_describe (e->store, line->organisation_id, &day)
                               : NULL;
  return name ? name : g_strdup (line->funder);
}

/* Below the grand total, each commissioner's sub total again, read by a
 * bar chart beside the table: rows are written in order, so the chart's
 * figures cannot sit beside the blocks they come from. */
static void
spend_chart (Export *e, Summary *summary, const char *year)
{
  CmSheet *sheet = summary->sheet;
  /* TRANSLATORS: a chart's title, "Spend by commissioner in 2026/27" */
  g_autofree char *title = g_strdup_printf (_("Spend by commissioner in %s"), year);
  lxw_row_t first;

  if (summary->funders->len == 0 || sheet->worksheet == NULL)
    return;
  cm_sheet_next_row (sheet);
  cm_sheet_bold (sheet, 0, title);
  cm_sheet_next_row (sheet);
  first = sheet->row;
  for (guint i = 0; i < summary->funders->len; i++)
    {
      const SubtotalCell *cell = &g_array_index (summary->subtotals, SubtotalCell, i);
      g_autofree char *formula = g_strdup_printf ("=C%u", cell->row + 1);

      cm_sheet_text (sheet, 0, g_ptr_array_index (summary->funders, i));
      cm_sheet_sum (sheet, 2, formula, cell->pence);
      cm_sheet_next_row (sheet);
    }
  if (sheet->error == LXW_NO_ERROR)
    sheet->error = cm_chart_spend_bars (e->workbook, sheet->worksheet, "Spend summary", first,
                                        sheet->row - 1, title, 1, 4);
}

static void
spend_summary (Export *e)
{
  g_autofree char *year = cm_report_period_year_label (&e->periods.year);
  /* TRANSLATORS: a column heading, "Spend in 2026/27" */
  g_autofree char *heading = g_strdup_printf (_("Spend in %s"), year);
  const char *headers[] = { _("Commissioner"), _("Service type"), heading, NULL };
  CmSheet *sheet = cm_sheet_new (e->workbook, "Spend summary", &e->formats, headers);
  const CmSpend *spend = e->spend;
  Summary summary = { sheet, g_string_new (NULL), 0, 0, 0, NULL,
                      g_ptr_array_new_with_free_func (g_free),
                      g_array_new (FALSE, FALSE, sizeof (SubtotalCell)) };
  g_autofree char *formula = NULL;

  /* Lines come by commissioner: a block each, then its sub total. */
  for (guint i = 0; spend && i < spend->lines->len; i++)
    {
      CmSpendLine *line = g_ptr_array_index (spend->lines, i);
      CmSpendLine *before = i ? g_ptr_array_index (spend->lines, i - 1) : NULL;

      if (before == NULL || g_strcmp0 (before->funder, line->funder) != 0)
        {
          if (before)
            end_block (&summary);
          summary.funder = funder_in_force (e, line);
          cm_sheet_bold (sheet, 0, summary.funder);
          cm_sheet_next_row (sheet);
          summary.first = sheet->row;
        }
      cm_sheet_text (sheet, 1, line->service);
      cm_sheet_money (sheet, 2, line->pence);
      summary.subtotal += line->pence;
      cm_sheet_next_row (sheet);
    }
  if (spend && spend->lines->len)
    end_block (&summary);
  formula = g_strdup_printf ("=SUM(%s)", summary.subtotal_cells->str);
  cm_sheet_bold (sheet, 0, _("Grand total"));
  if (summary.subtotal_cells->len)
    cm_sheet_sum (sheet, 2, formula, summary.total);
  cm_sheet_next_row (sheet);
  spend_chart (e, &summary, year);
  g_string_free (summary.subtotal_cells, TRUE);
  g_ptr_array_unref (summary.funders);
  g_array_unref (summary.subtotals);
  done (e, sheet);
}

/* ---- EIAs ------------------------------------------------------------- */

static char *
mitigations_text (Export *e, CmEiaCharacteristic *c)
{
  g_autoptr(GPtrArray) actions = cm_eia_mitigations (e->store, cm_entity_get_id (CM_ENTITY (c)));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      CmEiaMitigation *m = g_ptr_array_index (actions, i);

      g_string_append_printf (text, "%s%s (%s, due %s, %s)", i ? "; " : "",
                              cm_eia_mitigation_get_description (m),
                              cm_eia_mitigation_get_owner (m),
                              cm_eia_mitigation_get_due_date (m),
                              label_of (m, "status", CM_TYPE_MITIGATION_STATUS));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
eia_rows (Export *e, CmSheet *sheet, CmEia *eia)
{
  g_autoptr(GPtrArray) list = cm_eia_characteristics (e->store, cm_entity_get_id (CM_ENTITY (eia)));
  g_autofree char *service = text_of (eia, "service-name");
  g_autofree char *signatory = text_of (eia, "signatory-name");

  for (guint i = 0; i < list->len; i++)
    {
      CmEiaCharacteristic *c = g_ptr_array_index (list, i);
      g_autofree char *actions = mitigations_text (e, c);
      gboolean relevant = cm_eia_characteristic_get_relevance (c) == CM_RELEVANCE_RELEVANT;

      cm_sheet_number (sheet, 0, cm_entity_get_id (CM_ENTITY (eia)));
      cm_sheet_text (sheet, 1, service);
      cm_sheet_number (sheet, 2, cm_eia_get_cycle (eia));
      cm_sheet_text (sheet, 3, label_of (eia, "decision", CM_TYPE_EIA_DECISION));
      cm_sheet_number (sheet, 4, cm_eia_get_version (eia));
      cm_sheet_text (sheet, 5, cm_eia_characteristic_get_name (c));
      cm_sheet_text (sheet, 6, label_of (c, "relevance", CM_TYPE_RELEVANCE));
      cm_sheet_text (sheet, 7, cm_eia_characteristic_get_screening_reason (c));
      if (relevant)
        cm_sheet_text (sheet, 8, label_of (c, "impact", CM_TYPE_IMPACT));
      cm_sheet_text (sheet, 9, cm_eia_characteristic_get_evidence (c));
      cm_sheet_text (sheet, 10, actions);
      if (cm_eia_get_signed (eia))
        {
          cm_sheet_text (sheet, 11, signatory);
          cm_sheet_date (sheet, 12, cm_eia_get_signed_on (eia));
        }
      if (*cm_eia_get_reviewed_on (eia) && relevant)
        cm_sheet_text (sheet, 13, label_of (c, "happened", CM_TYPE_HAPPENED));
      cm_sheet_date (sheet, 14, cm_eia_get_reviewed_on (eia));
      cm_sheet_next_row (sheet);
    }
}

static void
eias (Export *e)
{
  const char *headers[] = { _("EIA"), _("Service"), _("Cycle"), _("Decision"), _("Version"),
                            _("Characteristic"), _("Screening"), _("Screening reason"),
                            _("Impact"), _("Evidence"), _("Mitigations"), _("Signed off by"),
                            _("Signed off on"), _("Post-decommission review"),
                            _("Reviewed on"), NULL };
  CmSheet *sheet = cm_sheet_new (e->workbook, "EIAs", &e->formats, headers);
  g_autoptr(GPtrArray) all = list_of (e->store, CM_TYPE_EIA);

  for (guint i = 0; i < all->len; i++)
    eia_rows (e, sheet, g_ptr_array_index (all, i));
  done (e, sheet);
}

/* ---- Decommissioning audit -------------------------------------------- */

static void
decommissioning_audit (Export *e)
{
  const char *headers[] = { _("Service"), _("Actor"), _("Time"), _("Step"), _("Field"),
                            _("Old value"), _("New value"), _("Evidence"),
                            _("Hash chain verifies"), NULL };
  CmSheet *sheet = cm_sheet_new (e->workbook, "Decommissioning audit", &e->formats, headers);
  g_autoptr(GPtrArray) all = list_of (e->store, CM_TYPE_DECOMMISSION);
  g_autoptr(CmAuditWords) words = cm_audit_words_new (e->store);
  g_auto(CmAuditVerdict) verdict = { 0 };

  /* Once for every decommission, the trail being the same for all; not
   * at all without one. */
  if (all->len)
    cm_audit_verdict_check_chain (e->store, &verdict);
  for (guint i = 0; i < all->len; i++)
    {
      CmDecommission *d = g_ptr_array_index (all, i);
      g_autofree char *service = text_of (d, "service-name");
      g_autoptr(GPtrArray) actions = cm_decommission_actions (e->store, d, &verdict, NULL);

      for (guint j = 0; actions && j < actions->len; j++)
        {
          CmDecommissionAction *a = g_ptr_array_index (actions, j);
          const CmAuditEntry *row = a->entry;
          g_autofree char *field = cm_audit_field_label (row->entity, row->field);
          g_autofree char *before = cm_audit_words_value (words, row->entity, row->field,
                                                          row->old_value);
          g_autofree char *after = cm_audit_words_value (words, row->entity, row->field,
                                                         row->new_value);

          cm_sheet_text (sheet, 0, service);
          cm_sheet_text (sheet, 1, row->actor);
          cm_sheet_moment (sheet, 2, row->at);
          cm_sheet_text (sheet, 3, a->step);
          cm_sheet_text (sheet, 4, field);
          cm_sheet_text (sheet, 5, before);
          cm_sheet_text (sheet, 6, after);
          cm_sheet_text (sheet, 7, a->evidence);
          cm_sheet_text (sheet, 8, cm_audit_row_check_word (a->check));
          cm_sheet_next_row (sheet);
        }
    }
  done (e, sheet);
}

/* ---- Decisions and their EIAs ------------------------------------------ */

/* When a decommission's EIA review falls due, and whether it is recorded. */
static void
review_cells (CmSheet *sheet, GPtrArray *reviews, CmEntity *record)
{
  for (guint i = 0; i < reviews->len; i++)
    {
      CmEiaReviewDue *review = g_ptr_array_index (reviews, i);
      g_autofree char *due = NULL;

      if (cm_entity_get_id (CM_ENTITY (review->decommission)) != cm_entity_get_id (record))
        continue;
      due = cm_date_format_iso (&review->due);
      cm_sheet_date (sheet, 9, due);
      cm_sheet_text (sheet, 10, review->reviewed ? _("Yes") : _("No"));
    }
}

static void
decisions (Export *e)
{
  const char *headers[] = { _("Service"), _("Decision"), _("Decided on"), _("EIA"),
                            _("EIA version"), _("EIA signed off on"), _("EIA first"),
                            _("Problem"), _("Reason it stands"), _("EIA review due"),
                            _("EIA review recorded"), NULL };
  CmSheet *sheet = cm_sheet_new (e->workbook, "Decisions", &e->formats, headers);
  g_autoptr(GPtrArray) all = cm_decision_evidence_all (e->store);
  g_autoptr(GPtrArray) reviews = cm_eia_reviews_due (e->store);

  for (guint i = 0; i < all->len; i++)
    {
      CmDecisionEvidence *d = g_ptr_array_index (all, i);
      CmEntity *service = cm_store_find (e->store, CM_TYPE_SERVICE, d->service_id);

      cm_sheet_text (sheet, 0, service ? cm_service_get_name (CM_SERVICE (service)) : "");
      cm_sheet_text (sheet, 1, d->recommission ? _("Re-commission") : _("Decommission"));
      cm_sheet_date (sheet, 2, d->decided_on);
      if (d->eia)
        {
          cm_sheet_number (sheet, 3, cm_entity_get_id (CM_ENTITY (d->eia)));
          cm_sheet_number (sheet, 4, cm_eia_get_version (d->eia));
          cm_sheet_date (sheet, 5, cm_eia_get_signed_on (d->eia));
        }
      cm_sheet_text (sheet, 6, d->problem == NULL ? _("Yes")
                               : *d->override ? _("No, overridden") : _("No, flagged"));
      cm_sheet_text (sheet, 7, d->problem ? d->problem : "");
      cm_sheet_text (sheet, 8, d->override);
      if (!d->recommission)
        review_cells (sheet, reviews, d->record);
      cm_sheet_next_row (sheet);
    }
  done (e, sheet);
}

/* ---- Risks ------------------------------------------------------------ */

static void
risks (Export *e)
{
  const char *headers[] = { _("Service"), _("Risk"), _("Category"), _("Likelihood"),
                            _("Impact"), _("Score"), _("RAG"), _("Mitigation"), _("Owner"),
                            _("Review date"), NULL };
  CmSheet *sheet = cm_sheet_new (e->workbook, "Risks", &e->formats, headers);
  g_autoptr(GPtrArray) all = list_of (e->store, CM_TYPE_RISK);

  for (guint i = 0; i < all->len; i++)
    {
      CmRisk *r = g_ptr_array_index (all, i);
      g_autofree char *service = text_of (r, "service-name");
      g_autofree char *mitigation = text_of (r, "mitigation");
      g_autofree char *owner = text_of (r, "owner");
      int likelihood, impact;

      g_object_get (r, "likelihood", &likelihood, "impact", &impact, NULL);
      cm_sheet_text (sheet, 0, service);
      cm_sheet_text (sheet, 1, cm_risk_get_description (r));
      cm_sheet_text (sheet, 2, label_of (r, "category", CM_TYPE_RISK_CATEGORY));
      cm_sheet_number (sheet, 3, likelihood);
      cm_sheet_number (sheet, 4, impact);
      cm_sheet_number (sheet, 5, cm_risk_get_score (r));
      cm_sheet_text (sheet, 6, cm_enum_to_label (CM_TYPE_RAG, cm_risk_get_rag (r)));
      cm_sheet_text (sheet, 7, mitigation);
      cm_sheet_text (sheet, 8, owner);
      cm_sheet_date (sheet, 9, cm_risk_get_review_date (r));
      cm_sheet_next_row (sheet);
    }
  cm_sheet_colour_words (sheet, 6);
  done (e, sheet);
}

/* ---- Transparency ----------------------------------------------------- */

static void
transparency_row (const gint64 *numbers, const char * const *texts, gpointer user_data)
{
  CmSheet *sheet = user_data;
  GDate date;

  cm_sheet_text (sheet, 0, texts[TR_REFERENCE]);
  cm_sheet_text (sheet, 1, texts[TR_TITLE]);
  cm_sheet_text (sheet, 2, texts[TR_DEPARTMENT]);
  cm_sheet_text (sheet, 3, texts[TR_DESCRIPTION]);
  cm_sheet_text (sheet, 4, texts[TR_SUPPLIER]);
  cm_sheet_text (sheet, 5, texts[TR_DETAILS]);
  /* What is not recorded stays blank: a 0 would claim a value. */
  if (numbers[TR_VALUE] != CM_TRANSPARENCY_NOT_RECORDED)
    cm_sheet_money (sheet, 6, numbers[TR_VALUE]);
  if (numbers[TR_VAT] != CM_TRANSPARENCY_NOT_RECORDED)
    cm_sheet_money (sheet, 7, numbers[TR_VAT]);
  for (lxw_col_t col = 8; col <= 10; col++)
    {
      date_of (numbers[TR_START + col - 8], &date);
      cm_sheet_gdate (sheet, col, &date);
    }
  cm_sheet_text (sheet, 11, texts[TR_INVITATION]);
  cm_sheet_text (sheet, 12, numbers[TR_SME] ? _("Yes") : _("No"));
  cm_sheet_text (sheet, 13, numbers[TR_VCSE] ? _("Yes") : _("No"));
  cm_sheet_text (sheet, 14, texts[TR_REGISTRATION]);
  cm_sheet_next_row (sheet);
}

static void
transparency (Export *e)
{
  CmSheet *sheet = cm_sheet_new (e->workbook, "Transparency", &e->formats,
                                 cm_transparency_headers ());

  if (e->unread == NULL && e->transparency_rows)
    cm_row_sorter_each (e->transparency_rows, transparency_row, sheet, &e->unread);
  g_clear_pointer (&e->transparency_rows, cm_row_sorter_free);
  done (e, sheet);
}

/* ---- the workbook ----------------------------------------------------- */

/* The file itself was made, so what fails now is space or the system's
 * temporary folder, where the sheets are gathered. */
static gboolean
failed (GError **error, const char *path, const char *why)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, CM_WORKBOOK_ERROR, CM_WORKBOOK_ERROR_FAILED,
               _("The workbook could not be written to “%s” (%s). Check that the disk and "
                 "the temporary folder have space, then try again."), shown, why);
  return FALSE;
}

/* At most @max bytes of @text, whole characters only. */
static char *
cut_to_bytes (const char *text, gsize max)
{
  const char *end = text;

  while (*end && (gsize) (g_utf8_next_char (end) - text) <= max)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

/* Excel's footer codes: the name left, the page centred, the audit head
 * right. Excel refuses a footer over 255 characters, so a long name is
 * cut; "&" in it is doubled to stay text. */
static char *
workbook_footer (CmStore *store)
{
  g_autofree char *name = cm_portfolio_name_of_store (store);
  g_autofree char *cut = cut_to_bytes (name, 60);
  g_autoptr(GString) safe = g_string_new (cut);
  g_autofree char *anchor = cm_audit_anchor_current (store, NULL);
  /* TRANSLATORS: in a printed page's footer, then "SEQ:HASH" */
  g_autofree char *head = anchor ? g_strdup_printf (_("Audit head %s"), anchor) : g_strdup ("");

  g_string_replace (safe, "&", "&&", 0);
  /* TRANSLATORS: a printed page's footer; keep &P (this page) and &N (the
   * number of pages) as they are */
  return g_strdup_printf ("&L&8%s&C&8%s&R&8%s", safe->str, _("Page &P of &N"), head);
}

static void
count_lead (GHashTable *counts, const char *lead)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, lead ? lead : ""));

  g_hash_table_replace (counts, g_strdup (lead ? lead : ""), GUINT_TO_POINTER (count + 1));
}

/* The organisation that leads the most services: the workbook's company. */
static char *
leading_commissioner (Export *e)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *best = NULL;
  guint best_count = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < cm_service_digest_get_n_services (e->services); i++)
    count_lead (counts, cm_service_digest_get_nth (e->services, i)->lead_commissioner_name);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(char *) key && (GPOINTER_TO_UINT (value) > best_count ||
                          (GPOINTER_TO_UINT (value) == best_count && g_strcmp0 (key, best) < 0)))
      {
        best = key;
        best_count = GPOINTER_TO_UINT (value);
      }
  /* "Leeds City Council: Adult Social Care" is a part of the council. */
  return best ? g_strndup (best, strstr (best, ": ") ? (gsize) (strstr (best, ": ") - best)
                                                     : strlen (best))
              : NULL;
}

/* Title, author, company and the moment of export, as File ▸ Properties
 * shows them; the audit head goes in the comments. */
static void
set_properties (Export *e)
{
  g_autofree char *name = cm_portfolio_name_of_store (e->store);
  /* TRANSLATORS: a workbook's title, "Leeds health and social care: portfolio" */
  g_autofree char *title = g_strdup_printf (_("%s: portfolio"), name);
  g_autofree char *as_on = cm_date_to_long (e->today);
  /* TRANSLATORS: a workbook's subject, then a date */
  g_autofree char *subject = g_strdup_printf (_("Services, contracts, deadlines and spend as on "
                                                "%s"), as_on);
  g_autofree char *company = leading_commissioner (e);
  g_autofree char *anchor = cm_audit_anchor_current (e->store, NULL);
  g_autofree char *comments = anchor ? g_strdup_printf (_("Audit head %s"), anchor) : NULL;
  lxw_doc_properties properties = {
    .title = title, .subject = subject, .author = (char *) cm_store_get_actor (e->store),
    .company = company, .comments = comments, .created = time (NULL),
  };

  if (e->error == LXW_NO_ERROR)
    e->error = workbook_set_properties (e->workbook, &properties);
}

typedef void (*SheetWriter) (Export *e);

gboolean
cm_workbook_export (CmStore *store, const char *path, const GDate *today,
                    GCancellable *cancellable, GError **error)
{
  return cm_workbook_export_for (store, path, today, NULL, cancellable, error);
}

gboolean
cm_workbook_export_for (CmStore *store, const char *path, const GDate *today,
                        const CmReportPeriods *periods, GCancellable *cancellable,
                        GError **error)
{
  static const SheetWriter writers[] = {
    read_me, start_sheets_beside, services, contracts, deadlines, timeline, spend_summary, eias,
    decommissioning_audit, decisions, risks, transparency, finish_deadlines,
    finish_sheets_beside,
  };
  Export e = { .store = store, .today = today, .cancellable = cancellable };
  g_autoptr(CmSafeWrite) out = NULL;
  lxw_error closed;

  if (periods)
    e.periods = *periods;
  else
    cm_report_periods_default (today, &e.periods);
  cm_deadline_settings_load (store, &e.settings);
  /* Made before the sheets, so an unwritable folder fails at once. */
  if ((out = cm_safe_write_begin (path, error)) == NULL)
    return FALSE;
  /* Rows go straight to temporary files, so a large portfolio exports in
   * little memory; every sheet is written top to bottom. */
  e.workbook = workbook_new_opt (cm_safe_write_get_path (out),
                                 &(lxw_workbook_options) { .constant_memory = LXW_TRUE,
                                                           .use_zip64 = LXW_TRUE });
  if (e.workbook == NULL)
    return failed (error, path, g_strerror (errno));
  /* Every sheet added now, in order, so that a later one can be written
   * beside the earlier ones. */
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    workbook_add_worksheet (e.workbook, sheets[i].name);
  cm_sheet_formats_init (&e.formats, e.workbook);
  e.footer = workbook_footer (store);
  /* Read once, for the Read me, the properties and the contracts' rows. */
  e.services = cm_service_digest_new (store, &e.unread);
  set_properties (&e);
  for (guint i = 0; i < G_N_ELEMENTS (writers) && !g_cancellable_is_cancelled (cancellable); i++)
    writers[i] (&e);
  /* A cancelled export may stop before the sheets that use these. */
  finish_deadlines (&e);
  finish_sheets_beside (&e);
  if (e.read_me)
    done (&e, e.read_me);
  if (e.tally)
    cm_spend_free (cm_spend_tally_finish (e.tally));
  g_clear_pointer (&e.spend, cm_spend_free);
  g_clear_pointer (&e.services, cm_service_digest_free);
  g_clear_pointer (&e.suppliers, cm_supplier_digest_free);
  g_clear_pointer (&e.deadline_rows, cm_row_sorter_free);
  g_clear_pointer (&e.timeline_rows, cm_row_sorter_free);
  g_clear_pointer (&e.transparency_rows, cm_row_sorter_free);
  closed = workbook_close (e.workbook);
  g_free (e.footer);
  if (e.unread)
    {
      g_propagate_error (error, e.unread);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (e.error == LXW_NO_ERROR)
    e.error = closed;
  if (e.error != LXW_NO_ERROR)
    return failed (error, path, lxw_strerror (e.error));
  return cm_safe_write_commit (g_steal_pointer (&out), error);
}
