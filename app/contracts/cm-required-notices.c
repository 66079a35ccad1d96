/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-required-notices.c: the notices a contract's route requires, when due, whether published */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-deadlines.h"
#include "cm-required-notices.h"

static void
required_notice_free (gpointer data)
{
  CmRequiredNotice *notice = data;

  g_clear_object (&notice->recorded);
  g_clear_object (&notice->variation);
  g_free (notice);
}

/* A notice counts as published once its date or its identifier is
 * recorded; late when its date is after the day it was due. */
static CmNoticeStatus
status_of (const GDate *due, const char *published_on, const char *identifier,
           const GDate *today, int due_soon_days)
{
  GDate published;

  if (cm_date_parse_iso (published_on, &published))
    return g_date_valid (due) && g_date_compare (&published, due) > 0
             ? CM_NOTICE_STATUS_PUBLISHED_LATE : CM_NOTICE_STATUS_PUBLISHED;
  if (identifier && *identifier)
    return CM_NOTICE_STATUS_PUBLISHED;
  if (!g_date_valid (due))
    return CM_NOTICE_STATUS_UNKNOWN;
  if (g_date_compare (today, due) > 0)
    return CM_NOTICE_STATUS_OVERDUE;
  if (g_date_days_between (today, due) <= due_soon_days)
    return CM_NOTICE_STATUS_DUE_SOON;
  return CM_NOTICE_STATUS_PENDING;
}

static CmContractNotice *
find_recorded (GPtrArray *recorded, const char *code)
{
  CmContractNotice *found = NULL;

  /* Of several records of one notice, the one with a date wins. */
  for (guint i = 0; recorded && i < recorded->len; i++)
    {
      CmContractNotice *notice = g_ptr_array_index (recorded, i);

      if (g_ascii_strcasecmp (cm_contract_notice_get_code (notice), code) != 0)
        continue;
      if (found == NULL || *cm_contract_notice_get_published_on (notice))
        found = notice;
    }
  return found;
}

static void
due_date (const CmNoticeRule *rule, const CmNoticeFacts *facts, GDate *due)
{
  const GDate *anchor = rule->anchor == CM_NOTICE_ANCHOR_START ? facts->start : facts->end;

  g_date_clear (due, 1);
  if (anchor == NULL || !g_date_valid (anchor))
    return;
  *due = *anchor;
  g_date_add_days (due, rule->days);
}

static void
add_route_notices (GPtrArray *notices, const CmProcurementRules *rules,
                   const CmNoticeFacts *facts, const GDate *today, int due_soon_days)
{
  const char *regime = cm_procurement_regime_nick (facts->regime);
  const char *route = cm_enum_to_nick (CM_TYPE_PROCUREMENT_ROUTE, facts->route);

  for (guint i = 0; i < rules->notices->len; i++)
    {
      const CmNoticeRule *rule = g_ptr_array_index (rules->notices, i);
      CmRequiredNotice *notice;
      CmContractNotice *recorded;

      if (!cm_notice_rule_applies_to (rule, regime, route) ||
          facts->total_value < rule->min_total_pence)
        continue;
      notice = g_new0 (CmRequiredNotice, 1);
      notice->code = rule->code;
      notice->title = rule->title;
      notice->when = rule->when;
      due_date (rule, facts, &notice->due);
      recorded = find_recorded (facts->recorded, rule->code);
      notice->recorded = recorded ? g_object_ref (recorded) : NULL;
      notice->status = status_of (&notice->due,
                                  recorded ? cm_contract_notice_get_published_on (recorded) : NULL,
                                  recorded ? cm_contract_notice_get_identifier (recorded) : NULL,
                                  today, due_soon_days);
      g_ptr_array_add (notices, notice);
    }
}

/* Whether @part is at most @percent of @whole; never when either is unknown. */
static gboolean
within_percent (gint64 part, gint64 whole, int percent)
{
  return part != 0 && whole > 0 && percent > 0 &&
         (guint64) ABS (part) * 100 <= (guint64) whole * (guint64) percent;
}

/* The change of term in days, counted on from the latest end. */
static gint64
term_change_days (CmContractVariation *variation, const GDate *latest_end)
{
  CmPeriod period;
  GDate later = *latest_end;

  if (!cm_period_parse (cm_contract_variation_get_term_change (variation), &period, NULL))
    return 0;
  cm_date_add_period (&later, &period);
  return g_date_days_between (latest_end, &later);
}

gboolean
cm_variation_needs_change_notice (const CmProcurementRules *rules, const CmNoticeFacts *facts,
                                  CmContractVariation *variation)
{
  const CmChangeNoticeRule *change = &rules->change;
  const char *route = cm_enum_to_nick (CM_TYPE_PROCUREMENT_ROUTE, facts->route);
  gint64 longest_term;

  if (change->code == NULL ||
      g_strcmp0 (change->regime, cm_procurement_regime_nick (facts->regime)) != 0 ||
      (change->exempt_routes &&
       g_strv_contains ((const char * const *) change->exempt_routes, route)))
    return FALSE;
  switch (cm_contract_variation_get_kind (variation))
    {
    case CM_VARIATION_KIND_VALUE:
      return !within_percent (cm_contract_variation_get_value_change (variation),
                              facts->total_value, change->exempt_percent);
    case CM_VARIATION_KIND_TERM:
      if (facts->start == NULL || facts->latest_end == NULL)
        return TRUE;
      longest_term = g_date_days_between (facts->start, facts->latest_end) + 1;
      return !within_percent (term_change_days (variation, facts->latest_end), longest_term,
                              change->exempt_percent);
    case CM_VARIATION_KIND_SCOPE:
    default:
      return TRUE;
    }
}

static int
by_variation_date (gconstpointer a, gconstpointer b)
{
  const CmRequiredNotice *x = *(CmRequiredNotice * const *) a;
  const CmRequiredNotice *y = *(CmRequiredNotice * const *) b;

  return g_strcmp0 (cm_contract_variation_get_made_on (x->variation),
                    cm_contract_variation_get_made_on (y->variation));
}

static void
add_change_notices (GPtrArray *notices, const CmProcurementRules *rules,
                    const CmNoticeFacts *facts, const GDate *today, int due_soon_days)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  for (guint i = 0; facts->variations && i < facts->variations->len; i++)
    {
      CmContractVariation *variation = g_ptr_array_index (facts->variations, i);
      CmRequiredNotice *notice;

      if (!cm_variation_needs_change_notice (rules, facts, variation))
        continue;
      notice = g_new0 (CmRequiredNotice, 1);
      notice->code = rules->change.code;
      notice->title = rules->change.title;
      notice->when = rules->change.when;
      notice->variation = g_object_ref (variation);
      if (!cm_date_parse_iso (cm_contract_variation_get_made_on (variation), &notice->due))
        g_date_clear (&notice->due, 1);
      notice->status = status_of (&notice->due,
                                  cm_contract_variation_get_change_notice_on (variation),
                                  cm_contract_variation_get_change_notice (variation),
                                  today, due_soon_days);
      g_ptr_array_add (changes, notice);
    }
  g_ptr_array_sort (changes, by_variation_date);
  g_ptr_array_extend_and_steal (notices, g_steal_pointer (&changes));
}

GPtrArray *
cm_required_notices_compute (const CmProcurementRules *rules, const CmNoticeFacts *facts,
                             const GDate *today, int due_soon_days)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func (required_notice_free);

  add_route_notices (notices, rules, facts, today, due_soon_days);
  add_change_notices (notices, rules, facts, today, due_soon_days);
  return notices;
}

/* The records of @type that belong to the contract @contract_id. */
static GPtrArray *
records_of (CmStore *store, GType type, gint64 contract_id)
{
  GListModel *all = cm_store_list (store, type);
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (all, i);
      gint64 id;

      g_object_get (record, "contract-id", &id, NULL);
      if (id == contract_id)
        g_ptr_array_add (mine, g_steal_pointer (&record));
    }
  return mine;
}

/* The contract's own facts; @start, @end and @latest_end hold the dates
 * the facts point to. */
static void
contract_facts (const CmProcurementRules *rules, CmContract *contract, const GDate *today,
                const CmDeadlineSettings *settings, CmNoticeFacts *facts,
                GDate *start, GDate *end, GDate *latest_end)
{
  CmContractDates dates;
  GDate decommissioned;

  memset (facts, 0, sizeof *facts);
  facts->regime = cm_contract_procurement_regime (rules, contract);
  g_object_get (contract, "route", &facts->route, NULL);
  facts->total_value = cm_contract_get_total_value (contract);
  if (cm_date_parse_iso (cm_contract_get_start_date (contract), start))
    facts->start = start;
  if (cm_contract_compute_dates (contract, today, settings, &dates))
    {
      *end = dates.current_end;
      *latest_end = dates.latest_end;
      facts->end = end;
      facts->latest_end = latest_end;
    }
  else if (cm_date_parse_iso (cm_contract_get_end_date (contract), end))
    {
      *latest_end = *end;
      facts->end = end;
      facts->latest_end = latest_end;
    }
  /* A decommission that ended it earlier is the ending the termination
   * notice follows. */
  if (cm_date_parse_iso (cm_contract_get_decommissioned_on (contract), &decommissioned) &&
      (facts->end == NULL || g_date_compare (&decommissioned, end) < 0))
    {
      *end = decommissioned;
      facts->end = end;
    }
}

/* Only the Procurement Act 2023 and the Provider Selection Regime have
 * notices the application follows. */
static gboolean
regime_has_notices (CmProcurementRegime regime)
{
  return regime == CM_PROCUREMENT_REGIME_PROCUREMENT_ACT_2023 ||
         regime == CM_PROCUREMENT_REGIME_PROVIDER_SELECTION;
}

GPtrArray *
cm_contract_required_notices (CmStore *store, CmContract *contract, const GDate *today,
                              const CmDeadlineSettings *settings)
{
  const CmProcurementRules *rules = cm_procurement_rules_get ();
  gint64 id = cm_entity_get_id (CM_ENTITY (contract));
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(GPtrArray) variations = NULL;
  CmNoticeFacts facts;
  GDate start, end, latest_end;

  contract_facts (rules, contract, today, settings, &facts, &start, &end, &latest_end);
  if (!regime_has_notices (facts.regime))
    return g_ptr_array_new_with_free_func (required_notice_free);
  recorded = records_of (store, CM_TYPE_CONTRACT_NOTICE, id);
  variations = records_of (store, CM_TYPE_CONTRACT_VARIATION, id);
  facts.recorded = recorded;
  facts.variations = variations;
  return cm_required_notices_compute (rules, &facts, today, settings->due_soon_days);
}

static int
by_made_on (gconstpointer a, gconstpointer b)
{
  CmContractVariation *x = *(CmContractVariation * const *) a;
  CmContractVariation *y = *(CmContractVariation * const *) b;

  return g_strcmp0 (cm_contract_variation_get_made_on (x), cm_contract_variation_get_made_on (y));
}

GPtrArray *
cm_contract_variations (CmStore *store, gint64 contract_id)
{
  GPtrArray *variations = records_of (store, CM_TYPE_CONTRACT_VARIATION, contract_id);

  g_ptr_array_sort (variations, by_made_on);
  return variations;
}

char *
cm_required_notice_title (const CmRequiredNotice *notice)
{
  /* TRANSLATORS: a notice's code, then its title: "UK7 Contract details notice" */
  return g_strdup_printf (_("%s %s"), notice->code, notice->title);
}

static char *
describe_published (const CmRequiredNotice *notice, const char *published_on,
                    const char *identifier)
{
  g_autofree char *day = cm_date_format_long (published_on);
  const char *status = cm_notice_status_label (notice->status);

  if (*day && identifier && *identifier)
    /* TRANSLATORS: "Published 20 April 2025 as 2025/S 000-012345" */
    return g_strdup_printf (_("%s %s as %s"), status, day, identifier);
  if (*day)
    return g_strdup_printf (_("%s %s"), status, day);
  return g_strdup_printf (_("%s as %s; record the date it was published"), status, identifier);
}

char *
cm_required_notice_describe (const CmRequiredNotice *notice)
{
  g_autofree char *due = NULL;

  if (notice->status == CM_NOTICE_STATUS_PUBLISHED ||
      notice->status == CM_NOTICE_STATUS_PUBLISHED_LATE)
    {
      if (notice->variation)
        return describe_published (notice,
                                   cm_contract_variation_get_change_notice_on (notice->variation),
                                   cm_contract_variation_get_change_notice (notice->variation));
      return describe_published (notice, cm_contract_notice_get_published_on (notice->recorded),
                                 cm_contract_notice_get_identifier (notice->recorded));
    }
  if (!g_date_valid (&notice->due))
    return g_strdup_printf (_("Due %s — %s"), notice->when,
                            cm_notice_status_label (notice->status));
  due = cm_date_to_long (&notice->due);
  /* TRANSLATORS: "Due by 1 May 2025, within 30 days of entering into the contract — Overdue" */
  return g_strdup_printf (_("Due by %s, %s — %s"), due, notice->when,
                          cm_notice_status_label (notice->status));
}

static CmDeadlineStatus
deadline_status (CmNoticeStatus status)
{
  switch (status)
    {
    case CM_NOTICE_STATUS_OVERDUE:
      return CM_DEADLINE_OVERDUE;
    case CM_NOTICE_STATUS_DUE_SOON:
      return CM_DEADLINE_DUE_SOON;
    default:
      return CM_DEADLINE_OK;
    }
}

static void
add_deadline (GPtrArray *deadlines, CmContract *contract, const CmRequiredNotice *notice)
{
  CmDeadline *deadline = g_new0 (CmDeadline, 1);

  deadline->contract = g_object_ref (contract);
  deadline->kind = CM_DEADLINE_KIND_PROCUREMENT_NOTICE;
  deadline->date = notice->due;
  deadline->sort_date = notice->due;
  deadline->status = deadline_status (notice->status);
  deadline->notice = g_intern_string (notice->code);
  g_ptr_array_add (deadlines, deadline);
}

void
cm_required_notices_add_deadlines (GPtrArray *deadlines, GListModel *contracts,
                                   const GDate *today, const CmDeadlineSettings *settings)
{
  CmStore *store = cm_store_of_list (contracts);
  const CmProcurementRules *rules = cm_procurement_rules_get ();
  guint n = g_list_model_get_n_items (contracts);

  if (store == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(GPtrArray) notices = NULL;

      /* Most contracts of a portfolio are older than the notices followed. */
      if (!regime_has_notices (cm_contract_procurement_regime (rules, contract)))
        continue;
      notices = cm_contract_required_notices (store, contract, today, settings);
      for (guint j = 0; j < notices->len; j++)
        {
          const CmRequiredNotice *notice = g_ptr_array_index (notices, j);

          if (notice->status == CM_NOTICE_STATUS_PENDING ||
              notice->status == CM_NOTICE_STATUS_DUE_SOON ||
              notice->status == CM_NOTICE_STATUS_OVERDUE)
            add_deadline (deadlines, contract, notice);
        }
    }
}

char *
cm_deadline_kind_text (const CmDeadline *deadline)
{
  if (deadline->notice == NULL)
    return g_strdup (cm_deadline_kind_label (deadline->kind));
  /* TRANSLATORS: a deadline's kind, then a notice's code: "Procurement notice due: UK7" */
  return g_strdup_printf (_("%s: %s"), cm_deadline_kind_label (deadline->kind), deadline->notice);
}

const char *
cm_notice_status_nick (CmNoticeStatus status)
{
  static const char * const nicks[] = {
    "pending", "due-soon", "overdue", "published", "published-late", "unknown"
  };

  return nicks[status];
}

const char *
cm_notice_status_label (CmNoticeStatus status)
{
  static const char * const labels[] = {
    N_("Not yet due"), N_("Due soon"), N_("Overdue"), N_("Published"), N_("Published late"),
    N_("Unknown: the date it counts from is not recorded")
  };

  return _(labels[status]);
}
