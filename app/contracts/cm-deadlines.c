/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadlines.c: every upcoming contract date in a portfolio, most urgent first */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-procurement-regime.h"
#include "cm-required-notices.h"
#include "cm-row-sorter.h"

static void
deadline_free (gpointer data)
{
  CmDeadline *deadline = data;

  g_clear_object (&deadline->contract);
  g_clear_pointer (&deadline->reference, g_ref_string_release);
  g_clear_pointer (&deadline->title, g_ref_string_release);
  g_clear_pointer (&deadline->provider, g_ref_string_release);
  g_free (deadline);
}

gint64
cm_deadline_get_contract_id (const CmDeadline *deadline)
{
  return deadline->contract ? cm_entity_get_id (CM_ENTITY (deadline->contract))
                            : deadline->contract_id;
}

const char *
cm_deadline_get_reference (const CmDeadline *deadline)
{
  return deadline->contract ? cm_contract_get_reference (deadline->contract)
                            : deadline->reference;
}

const char *
cm_deadline_get_title (const CmDeadline *deadline)
{
  return deadline->contract ? cm_contract_get_title (deadline->contract) : deadline->title;
}

const char *
cm_deadline_get_provider (const CmDeadline *deadline)
{
  return deadline->contract ? cm_contract_get_provider_name (deadline->contract)
                            : deadline->provider;
}

/* Hands one deadline of @contract to @each; nothing of it is kept. */
static void
add (CmDeadlineFunc each, gpointer user_data, CmContract *contract, CmDeadlineKind kind,
     const GDate *date, CmDeadlineStatus status, const GDate *sort_date)
{
  CmDeadline deadline = { contract, kind, *date, status, *sort_date, NULL };

  each (&deadline, user_data);
}

/* Keeps a copy of @deadline, holding its contract. */
static void
keep (const CmDeadline *deadline, gpointer user_data)
{
  GPtrArray *deadlines = user_data;
  CmDeadline *kept = g_memdup2 (deadline, sizeof *deadline);

  g_object_ref (kept->contract);
  g_ptr_array_add (deadlines, kept);
}

/* Breached first, then overdue, due soon, unknown (a date to find out)
 * and OK. */
int
cm_deadline_status_rank (CmDeadlineStatus status)
{
  static const int ranks[] = {
    [CM_DEADLINE_BREACHED] = 0, [CM_DEADLINE_OVERDUE] = 1, [CM_DEADLINE_DUE_SOON] = 2,
    [CM_DEADLINE_UNKNOWN] = 3, [CM_DEADLINE_OK] = 4,
  };

  return ranks[status];
}

/* The earliest date first; a row without a date by its contract's end. */
static int
by_urgency (gconstpointer a, gconstpointer b)
{
  const CmDeadline *x = *(CmDeadline * const *) a;
  const CmDeadline *y = *(CmDeadline * const *) b;

  if (x->status != y->status)
    return cm_deadline_status_rank (x->status) - cm_deadline_status_rank (y->status);
  return g_date_compare (&x->sort_date, &y->sort_date);
}

/* The Compact applies when the VCSE flag says yes, or, where it does not,
 * when the sector is third sector. The flag is stored as yes or no only,
 * and no cannot be told from not recorded, so a flag of no defers to the
 * sector; a yes against a sector that is plainly not third sector is a
 * disagreement: the flag is followed and @disagrees set. */
gboolean
cm_contract_compact_applies (CmContract *contract, gboolean *disagrees)
{
  CmSector sector = cm_contract_get_provider_sector (contract);
  gboolean vcse = cm_contract_get_provider_is_vcse (contract);

  if (disagrees)
    *disagrees = vcse && sector != CM_SECTOR_THIRD_SECTOR && sector != CM_SECTOR_OTHER;
  return vcse || sector == CM_SECTOR_THIRD_SECTOR;
}

/* The contract's dates on @today; FALSE when it has neither an end date
 * nor a readable start date and term to count from. */
gboolean
cm_contract_compute_dates (CmContract *contract, const GDate *today,
                           const CmDeadlineSettings *settings, CmContractDates *dates)
{
  g_autoptr(CmTerm) term = cm_contract_get_term (contract, NULL);
  CmPeriod notice = { 0, 0 };
  GDate start, served, end;
  CmContractFacts facts = {
    .term = term,
    .third_sector = cm_contract_compact_applies (contract, NULL),
    .notice_kind = cm_contract_get_notice_kind (contract),
  };

  if (cm_date_parse_iso (cm_contract_get_start_date (contract), &start))
    facts.start = &start;
  if (cm_date_parse_iso (cm_contract_get_end_date (contract), &end))
    facts.recorded_end = &end;
  if (cm_period_parse (cm_contract_get_notice_period (contract), &notice, NULL))
    facts.notice = &notice;
  if (cm_date_parse_iso (cm_contract_get_notice_served (contract), &served))
    facts.notice_served = &served;
  return cm_contract_dates_compute (&facts, today, settings, dates);
}

/* Decommissioned, or its outcome recorded: what happened at its end is
 * known. */
gboolean
cm_contract_is_closed (CmContract *contract)
{
  return *cm_contract_get_decommissioned_on (contract) != '\0' ||
         cm_contract_get_outcome (contract) != CM_CONTRACT_OUTCOME_NONE;
}

/* Decommissioned: the decision is taken and notice given, so only the
 * end is left to come, on the day the contract was marked to end. */
static void
add_decommissioned (CmDeadlineFunc each, gpointer user_data, CmContract *contract,
                    const GDate *ends, const GDate *today, const CmDeadlineSettings *settings)
{
  if (g_date_compare (ends, today) >= 0)
    add (each, user_data, contract, CM_DEADLINE_KIND_END, ends,
         cm_deadline_status_on (ends, today, settings), ends);
}

void
cm_contract_each_deadline (CmContract *contract, const CmContractDates *dates,
                           const GDate *today, const CmDeadlineSettings *settings,
                           CmDeadlineFunc each, gpointer user_data)
{
  GDate decommissioned;

  if (cm_date_parse_iso (cm_contract_get_decommissioned_on (contract), &decommissioned))
    {
      add_decommissioned (each, user_data, contract,
                          g_date_compare (&decommissioned, &dates->current_end) < 0
                            ? &decommissioned : &dates->current_end,
                          today, settings);
      return;
    }
  /* Past its end and not closed: a service may be running without a
   * contract, so the end stays listed, and nothing else matters until
   * someone records what happened. */
  if (g_date_compare (&dates->current_end, today) < 0)
    {
      if (!cm_contract_is_closed (contract))
        add (each, user_data, contract, CM_DEADLINE_KIND_END, &dates->current_end,
             dates->end_status, &dates->current_end);
      return;
    }
  add (each, user_data, contract, CM_DEADLINE_KIND_END, &dates->current_end,
       dates->end_status, &dates->current_end);
  if (g_date_valid (&dates->extension_decision))
    add (each, user_data, contract, CM_DEADLINE_KIND_EXTENSION_DECISION,
         &dates->extension_decision, dates->extension_status, &dates->extension_decision);
  add (each, user_data, contract, CM_DEADLINE_KIND_NOTICE, &dates->latest_notice,
       dates->notice_status,
       g_date_valid (&dates->latest_notice) ? &dates->latest_notice : &dates->current_end);
}

/* As cm_required_notices_add_deadlines () lists them: the notices still
 * to publish, overdue and due soon as deadlines are. */
void
cm_contract_each_notice_deadline (CmStore *store, CmContract *contract, const GDate *today,
                                  const CmDeadlineSettings *settings, CmDeadlineFunc each,
                                  gpointer user_data)
{
  CmProcurementRegime regime = cm_contract_procurement_regime (cm_procurement_rules_get (),
                                                               contract);
  g_autoptr(GPtrArray) notices = NULL;

  /* Most contracts of a portfolio are older than the notices followed. */
  if (regime != CM_PROCUREMENT_REGIME_PROCUREMENT_ACT_2023 &&
      regime != CM_PROCUREMENT_REGIME_PROVIDER_SELECTION)
    return;
  notices = cm_contract_required_notices (store, contract, today, settings);
  for (guint i = 0; i < notices->len; i++)
    {
      const CmRequiredNotice *notice = g_ptr_array_index (notices, i);
      CmDeadline deadline = { contract, CM_DEADLINE_KIND_PROCUREMENT_NOTICE, notice->due,
                              CM_DEADLINE_OK, notice->due, g_intern_string (notice->code) };

      if (notice->status == CM_NOTICE_STATUS_OVERDUE)
        deadline.status = CM_DEADLINE_OVERDUE;
      else if (notice->status == CM_NOTICE_STATUS_DUE_SOON)
        deadline.status = CM_DEADLINE_DUE_SOON;
      else if (notice->status != CM_NOTICE_STATUS_PENDING)
        continue;
      each (&deadline, user_data);
    }
}

GPtrArray *
cm_deadlines_collect (GListModel               *contracts,
                      const GDate              *today,
                      const CmDeadlineSettings *settings,
                      guint                    *n_skipped)
{
  GPtrArray *deadlines = g_ptr_array_new_with_free_func (deadline_free);
  guint n = g_list_model_get_n_items (contracts);

  *n_skipped = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      CmContractDates dates;

      if (!cm_contract_compute_dates (contract, today, settings, &dates))
        (*n_skipped)++;
      else
        cm_contract_each_deadline (contract, &dates, today, settings, keep, deadlines);
    }
  cm_required_notices_add_deadlines (deadlines, contracts, today, settings);
  g_ptr_array_sort (deadlines, by_urgency);
  return deadlines;
}

/* ---- read as the contracts stream past -------------------------------- */

typedef struct {
  CmStore *store;
  const GDate *today;
  const CmDeadlineSettings *settings;
  GPtrArray *own;      /* each contract's own dates, in the order read */
  GPtrArray *notices;  /* then the procurement notices, as collected */
  /* The contract being read, as its rows name it: shared, not copied. */
  char *reference;
  char *title;
  char *provider;
  guint skipped;
} Streamed;

/* A row naming its contract by the words it shows, without holding it:
 * the store's record is reused for the next row, and a copy of each
 * contract would cost what loading the list costs. */
static void
keep_streamed (Streamed *streamed, GPtrArray *into, const CmDeadline *deadline)
{
  CmDeadline *kept = g_memdup2 (deadline, sizeof *deadline);

  if (streamed->reference == NULL)
    {
      streamed->reference = g_ref_string_new (cm_contract_get_reference (deadline->contract));
      streamed->title = g_ref_string_new (cm_contract_get_title (deadline->contract));
      streamed->provider = g_ref_string_new (cm_contract_get_provider_name (deadline->contract));
    }
  kept->contract_id = cm_entity_get_id (CM_ENTITY (deadline->contract));
  kept->contract = NULL;
  kept->reference = g_ref_string_acquire (streamed->reference);
  kept->title = g_ref_string_acquire (streamed->title);
  kept->provider = g_ref_string_acquire (streamed->provider);
  g_ptr_array_add (into, kept);
}

static void
forget_contract (Streamed *streamed)
{
  g_clear_pointer (&streamed->reference, g_ref_string_release);
  g_clear_pointer (&streamed->title, g_ref_string_release);
  g_clear_pointer (&streamed->provider, g_ref_string_release);
}

static void
keep_own (const CmDeadline *deadline, gpointer user_data)
{
  Streamed *streamed = user_data;

  keep_streamed (streamed, streamed->own, deadline);
}

static void
keep_notice (const CmDeadline *deadline, gpointer user_data)
{
  Streamed *streamed = user_data;

  keep_streamed (streamed, streamed->notices, deadline);
}

static gboolean
stream_contract (CmEntity *record, gpointer user_data)
{
  Streamed *streamed = user_data;
  CmContract *contract = CM_CONTRACT (record);
  CmContractDates dates;

  if (!cm_contract_compute_dates (contract, streamed->today, streamed->settings, &dates))
    streamed->skipped++;
  else
    cm_contract_each_deadline (contract, &dates, streamed->today, streamed->settings, keep_own,
                               streamed);
  cm_contract_each_notice_deadline (streamed->store, contract, streamed->today,
                                    streamed->settings, keep_notice, streamed);
  forget_contract (streamed);
  return TRUE;
}

GPtrArray *
cm_deadlines_collect_streamed (CmStore                  *store,
                               const GDate              *today,
                               const CmDeadlineSettings *settings,
                               guint                    *n_skipped,
                               GError                  **error)
{
  Streamed streamed = { store, today, settings,
                        g_ptr_array_new_with_free_func (deadline_free),
                        g_ptr_array_new_with_free_func (deadline_free), NULL, NULL, NULL, 0 };
  gboolean read = cm_store_each (store, CM_TYPE_CONTRACT, stream_contract, &streamed, error);

  forget_contract (&streamed);
  *n_skipped = streamed.skipped;
  /* In cm_deadlines_collect ()'s order before sorting, so that rows due
   * on the same day come out alike. */
  g_ptr_array_extend_and_steal (streamed.own, streamed.notices);
  if (!read)
    {
      g_ptr_array_unref (streamed.own);
      return NULL;
    }
  g_ptr_array_sort (streamed.own, by_urgency);
  return streamed.own;
}

/* ---- in order, in bounded memory -------------------------------------- */

/* A row in the sorter: most urgent first, by date, contracts' own dates
 * before procurement notices, each in the order read, as
 * cm_deadlines_collect () sorts them. */
enum { SR_RANK, SR_SORT_DATE, SR_GROUP, SR_DATE, SR_STATUS, SR_KIND, SR_ID, SR_NUMBERS };
enum { SR_REFERENCE, SR_TITLE, SR_PROVIDER, SR_NOTICE, SR_TEXTS };

typedef struct {
  CmStore *store;
  const GDate *today;
  const CmDeadlineSettings *settings;
  CmRowSorter *sorter;
  gint64 group;
  guint skipped;
  GError *error;
} Sorted;

static gint64
julian_of (const GDate *date)
{
  return g_date_valid (date) ? (gint64) g_date_get_julian (date) : 0;
}

static void
sort_one (const CmDeadline *d, gpointer user_data)
{
  Sorted *sorted = user_data;
  gint64 numbers[SR_NUMBERS] = { cm_deadline_status_rank (d->status), julian_of (&d->sort_date),
                                 sorted->group, julian_of (&d->date), d->status, d->kind,
                                 cm_entity_get_id (CM_ENTITY (d->contract)) };
  const char *texts[SR_TEXTS] = { cm_contract_get_reference (d->contract),
                                  cm_contract_get_title (d->contract),
                                  cm_contract_get_provider_name (d->contract), d->notice };

  if (sorted->error == NULL)
    cm_row_sorter_add (sorted->sorter, numbers, texts, &sorted->error);
}

static gboolean
sort_contract (CmEntity *record, gpointer user_data)
{
  Sorted *sorted = user_data;
  CmContract *contract = CM_CONTRACT (record);
  CmContractDates dates;

  sorted->group = 0;
  if (!cm_contract_compute_dates (contract, sorted->today, sorted->settings, &dates))
    sorted->skipped++;
  else
    cm_contract_each_deadline (contract, &dates, sorted->today, sorted->settings, sort_one,
                               sorted);
  sorted->group = 1;
  cm_contract_each_notice_deadline (sorted->store, contract, sorted->today, sorted->settings,
                                    sort_one, sorted);
  return sorted->error == NULL;
}

typedef struct {
  CmDeadlineFunc each;
  gpointer user_data;
} SortedOut;

static void
hand_out (const gint64 *numbers, const char * const *texts, gpointer user_data)
{
  SortedOut *out = user_data;
  CmDeadline deadline = {
    .kind = numbers[SR_KIND], .status = numbers[SR_STATUS],
    .notice = *texts[SR_NOTICE] ? g_intern_string (texts[SR_NOTICE]) : NULL,
    .contract_id = numbers[SR_ID], .reference = (char *) texts[SR_REFERENCE],
    .title = (char *) texts[SR_TITLE], .provider = (char *) texts[SR_PROVIDER],
  };

  g_date_clear (&deadline.date, 1);
  if (numbers[SR_DATE] > 0)
    g_date_set_julian (&deadline.date, numbers[SR_DATE]);
  g_date_clear (&deadline.sort_date, 1);
  if (numbers[SR_SORT_DATE] > 0)
    g_date_set_julian (&deadline.sort_date, numbers[SR_SORT_DATE]);
  out->each (&deadline, out->user_data);
}

gboolean
cm_deadlines_each_sorted (CmStore                  *store,
                          const GDate              *today,
                          const CmDeadlineSettings *settings,
                          guint                    *n_skipped,
                          CmDeadlineFunc            each,
                          gpointer                  user_data,
                          GError                  **error)
{
  Sorted sorted = { store, today, settings, NULL, 0, 0, NULL };
  SortedOut out = { each, user_data };
  gboolean read;

  sorted.sorter = cm_row_sorter_new (SR_NUMBERS, SR_TEXTS, "n0, n1, n2", error);
  if (sorted.sorter == NULL)
    return FALSE;
  read = cm_store_each (store, CM_TYPE_CONTRACT, sort_contract, &sorted, error);
  if (sorted.error)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&sorted.error));
      read = FALSE;
    }
  *n_skipped = sorted.skipped;
  read = read && cm_row_sorter_each (sorted.sorter, hand_out, &out, error);
  cm_row_sorter_free (sorted.sorter);
  return read;
}

const char *
cm_deadline_kind_nick (CmDeadlineKind kind)
{
  static const char * const nicks[] = { "end", "extension-decision", "notice",
                                        "procurement-notice" };

  return nicks[kind];
}

const char *
cm_deadline_kind_label (CmDeadlineKind kind)
{
  static const char * const labels[] = { N_("Contract ends"), N_("Extension decision due"),
                                         N_("Last day to serve notice"),
                                         N_("Procurement notice due") };

  return _(labels[kind]);
}
