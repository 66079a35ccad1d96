/* cm-deadlines.c: every upcoming contract date in a portfolio, most urgent first */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-required-notices.h"

static void
deadline_free (gpointer data)
{
  CmDeadline *deadline = data;

  g_object_unref (deadline->contract);
  g_free (deadline);
}

static void
add (GPtrArray *deadlines, CmContract *contract, CmDeadlineKind kind, const GDate *date,
     CmDeadlineStatus status)
{
  CmDeadline *deadline = g_new0 (CmDeadline, 1);

  deadline->contract = g_object_ref (contract);
  deadline->kind = kind;
  deadline->date = *date;
  deadline->status = status;
  g_ptr_array_add (deadlines, deadline);
}

/* Breached first, then overdue, due soon and OK; the earliest date first. */
static int
by_urgency (gconstpointer a, gconstpointer b)
{
  const CmDeadline *x = *(CmDeadline * const *) a;
  const CmDeadline *y = *(CmDeadline * const *) b;

  if (x->status != y->status)
    return y->status - x->status;
  return g_date_compare (&x->date, &y->date);
}

/* The contract's dates on @today; FALSE when it has no readable start
 * date and term to count from. */
gboolean
cm_contract_compute_dates (CmContract *contract, const GDate *today,
                           const CmDeadlineSettings *settings, CmContractDates *dates)
{
  g_autoptr(CmTerm) term = cm_contract_get_term (contract, NULL);
  CmPeriod notice = { 0, 0 };
  GDate start, served;
  CmContractFacts facts = {
    .start = &start,
    .term = term,
    .notice = &notice,
    .third_sector = cm_contract_get_provider_sector (contract) == CM_SECTOR_THIRD_SECTOR,
  };

  if (term == NULL || !cm_date_parse_iso (cm_contract_get_start_date (contract), &start))
    return FALSE;
  cm_period_parse (cm_contract_get_notice_period (contract), &notice, NULL);
  if (cm_date_parse_iso (cm_contract_get_notice_served (contract), &served))
    facts.notice_served = &served;
  cm_contract_dates_compute (&facts, today, settings, dates);
  return TRUE;
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
        {
          (*n_skipped)++;
          continue;
        }
      if (g_date_compare (&dates.current_end, today) < 0)
        continue;
      add (deadlines, contract, CM_DEADLINE_KIND_END, &dates.current_end, dates.end_status);
      if (g_date_valid (&dates.extension_decision))
        add (deadlines, contract, CM_DEADLINE_KIND_EXTENSION_DECISION,
             &dates.extension_decision, dates.extension_status);
      add (deadlines, contract, CM_DEADLINE_KIND_NOTICE, &dates.latest_notice,
           dates.notice_status);
    }
  cm_required_notices_add_deadlines (deadlines, contracts, today, settings);
  g_ptr_array_sort (deadlines, by_urgency);
  return deadlines;
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
