/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-portfolio-layout.c: where each contract's bar sits on the portfolio timeline */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-portfolio-layout.h"

#define N_YEARS 5

/* A row holds a bar's index, or a heading as -(group + 1). */
typedef gint32 RowEntry;

enum { HORIZON_12_MONTHS, HORIZON_18_MONTHS, HORIZON_2_YEARS, HORIZON_5_YEARS, N_HORIZONS };

struct _CmPortfolioLayout
{
  GDate today;
  int n_days;
  int horizon_end[N_HORIZONS];    /* days from today at which each horizon ends */
  CmPortfolioBand bands[2];

  GArray *bars;                   /* of CmPortfolioBar, in drawing order once finished */
  GPtrArray *groups;              /* of CmPortfolioGroup, sorted once finished */
  GHashTable *group_index;        /* name -> index + 1, while adding */
  GArray *rows;                   /* of RowEntry */
  guint n_ended;                  /* ended before today: the list shows them */
  guint n_later;                  /* ending after the window */
  gboolean finished;
};

static void
group_free (gpointer data)
{
  CmPortfolioGroup *group = data;

  g_free (group->name);
  g_free (group);
}

static void
bar_clear (gpointer data)
{
  CmPortfolioBar *bar = data;

  g_clear_object (&bar->contract);
}

/* Days from today to @months (or years) ahead. */
static int
days_to_months (const GDate *today, guint months)
{
  GDate date = *today;

  g_date_add_months (&date, months);
  return g_date_days_between (today, &date);
}

CmPortfolioLayout *
cm_portfolio_layout_new (const GDate *today)
{
  CmPortfolioLayout *self = g_new0 (CmPortfolioLayout, 1);

  self->today = *today;
  self->horizon_end[HORIZON_12_MONTHS] = days_to_months (today, 12);
  self->horizon_end[HORIZON_18_MONTHS] = days_to_months (today, 18);
  self->horizon_end[HORIZON_2_YEARS] = days_to_months (today, 24);
  self->horizon_end[HORIZON_5_YEARS] = days_to_months (today, 12 * N_YEARS);
  self->n_days = self->horizon_end[HORIZON_5_YEARS];
  /* Between 18 months and 2 years the plan names no horizon: so neither does the chart. */
  self->bands[0] = (CmPortfolioBand) { 0, self->horizon_end[HORIZON_18_MONTHS],
                                       _("Short term: next 12–18 months") };
  self->bands[1] = (CmPortfolioBand) { self->horizon_end[HORIZON_2_YEARS], self->n_days,
                                       _("Longer term: next 2–5 years") };
  self->bars = g_array_new (FALSE, FALSE, sizeof (CmPortfolioBar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->group_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_array_new (FALSE, FALSE, sizeof (RowEntry));
  return self;
}

void
cm_portfolio_layout_free (CmPortfolioLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bars);
  g_ptr_array_unref (self->groups);
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  g_array_unref (self->rows);
  g_free (self);
}

static guint
group_for (CmPortfolioLayout *self, const char *name)
{
  gpointer found = g_hash_table_lookup (self->group_index, name ? name : "");
  CmPortfolioGroup *group;

  if (found)
    return GPOINTER_TO_UINT (found) - 1;
  group = g_new0 (CmPortfolioGroup, 1);
  group->name = g_strdup (name ? name : "");
  g_ptr_array_add (self->groups, group);
  g_hash_table_insert (self->group_index, group->name, GUINT_TO_POINTER (self->groups->len));
  return self->groups->len - 1;
}

/* The bar starts at the contract's start, or at today for one already running. */
static int
first_day_of (CmPortfolioLayout *self, CmContract *contract, int end_day)
{
  GDate start;
  int day;

  if (!cm_date_parse_iso (cm_contract_get_start_date (contract), &start))
    return 0;
  day = g_date_days_between (&self->today, &start);
  return CLAMP (day, 0, end_day - 1);
}

gboolean
cm_portfolio_layout_add (CmPortfolioLayout *self, CmContract *contract, const char *group,
                         const GDate *end, CmDeadlineStatus status)
{
  CmPortfolioBar bar = { 0 };
  int day;

  g_return_val_if_fail (!self->finished, FALSE);
  if (!g_date_valid (end))
    return FALSE;
  day = g_date_days_between (&self->today, end);
  if (day < 0)
    self->n_ended++;
  else if (day >= self->n_days)
    self->n_later++;
  if (day < 0 || day >= self->n_days)
    return FALSE;
  bar.contract = g_object_ref (contract);
  bar.status = status;
  bar.end = *end;
  bar.end_day = day + 1;
  bar.first_day = first_day_of (self, contract, bar.end_day);
  bar.group = group_for (self, group && *group ? group : NULL);
  g_array_append_val (self->bars, bar);
  return TRUE;
}

typedef struct {
  char *key;
  guint index;
} GroupKey;

/* By name, in the reader's collation and whatever the case; the contracts
 * with no commissioner last. */
static int
by_group_key (gconstpointer a, gconstpointer b)
{
  const GroupKey *x = a;
  const GroupKey *y = b;

  if ((*x->key == '\0') != (*y->key == '\0'))
    return *x->key == '\0' ? 1 : -1;
  return strcmp (x->key, y->key);
}

/* Ranks the groups: @rank[old index] is the group's place once sorted. */
static guint *
sort_groups (CmPortfolioLayout *self)
{
  guint n = self->groups->len;
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (GroupKey), n);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (n, group_free);
  guint *rank = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      CmPortfolioGroup *group = g_ptr_array_index (self->groups, i);
      g_autofree char *folded = g_utf8_casefold (group->name, -1);
      GroupKey key = { *folded ? g_utf8_collate_key (folded, -1) : g_strdup (""), i };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, by_group_key);
  g_ptr_array_set_free_func (self->groups, NULL);
  for (guint i = 0; i < n; i++)
    {
      GroupKey *key = &g_array_index (keys, GroupKey, i);

      CmPortfolioGroup *group = g_ptr_array_index (self->groups, key->index);

      rank[key->index] = i;
      if (*group->name == '\0')
        {
          g_free (group->name);
          group->name = g_strdup (_("No lead commissioner recorded"));
        }
      g_ptr_array_add (sorted, group);
      g_free (key->key);
    }
  g_ptr_array_unref (self->groups);
  self->groups = g_steal_pointer (&sorted);
  return rank;
}

/* Within a group, the soonest end first; then by reference, so the order
 * is the same every time. */
static int
by_group_then_end (gconstpointer a, gconstpointer b)
{
  const CmPortfolioBar *x = a;
  const CmPortfolioBar *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->end_day != y->end_day)
    return x->end_day < y->end_day ? -1 : 1;
  return g_strcmp0 (cm_contract_get_reference (x->contract),
                    cm_contract_get_reference (y->contract));
}

void
cm_portfolio_layout_finish (CmPortfolioLayout *self)
{
  g_autofree guint *rank = NULL;
  guint previous = G_MAXUINT;

  g_return_if_fail (!self->finished);
  self->finished = TRUE;
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  rank = sort_groups (self);
  for (guint i = 0; i < self->bars->len; i++)
    {
      CmPortfolioBar *bar = &g_array_index (self->bars, CmPortfolioBar, i);

      bar->group = rank[bar->group];
    }
  g_array_sort (self->bars, by_group_then_end);
  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < self->bars->len; i++)
    {
      CmPortfolioBar *bar = &g_array_index (self->bars, CmPortfolioBar, i);
      RowEntry entry = (RowEntry) i;

      if (bar->group != previous)
        {
          CmPortfolioGroup *group = g_ptr_array_index (self->groups, bar->group);
          RowEntry heading = -(RowEntry) bar->group - 1;

          group->heading_row = self->rows->len;
          g_array_append_val (self->rows, heading);
          previous = bar->group;
        }
      ((CmPortfolioGroup *) g_ptr_array_index (self->groups, bar->group))->n_bars++;
      g_array_append_val (self->rows, entry);
    }
}

int
cm_portfolio_layout_get_n_days (CmPortfolioLayout *self)
{
  return self->n_days;
}

const GDate *
cm_portfolio_layout_get_today (CmPortfolioLayout *self)
{
  return &self->today;
}

guint
cm_portfolio_layout_get_n_rows (CmPortfolioLayout *self)
{
  return self->rows->len;
}

guint
cm_portfolio_layout_get_n_bars (CmPortfolioLayout *self)
{
  return self->bars->len;
}

guint
cm_portfolio_layout_get_n_groups (CmPortfolioLayout *self)
{
  return self->groups->len;
}

const CmPortfolioGroup *
cm_portfolio_layout_get_group (CmPortfolioLayout *self, guint group)
{
  g_return_val_if_fail (group < self->groups->len, NULL);
  return g_ptr_array_index (self->groups, group);
}

const CmPortfolioBar *
cm_portfolio_layout_get_row (CmPortfolioLayout *self, guint row, guint *group)
{
  RowEntry entry;

  g_return_val_if_fail (self->finished && row < self->rows->len, NULL);
  entry = g_array_index (self->rows, RowEntry, row);
  if (entry >= 0)
    {
      CmPortfolioBar *bar = &g_array_index (self->bars, CmPortfolioBar, entry);

      if (group)
        *group = bar->group;
      return bar;
    }
  if (group)
    *group = (guint) (-entry - 1);
  return NULL;
}

/* One heading before each group's bars: the bar's row is its index plus
 * the headings up to and including its own group's. */
guint
cm_portfolio_layout_bar_row (CmPortfolioLayout *self, guint index)
{
  const CmPortfolioBar *bar;

  g_return_val_if_fail (index < self->bars->len, 0);
  bar = &g_array_index (self->bars, CmPortfolioBar, index);
  return index + bar->group + 1;
}

gboolean
cm_portfolio_layout_row_bar (CmPortfolioLayout *self, guint row, guint *index)
{
  RowEntry entry;

  if (row >= self->rows->len)
    return FALSE;
  entry = g_array_index (self->rows, RowEntry, row);
  if (entry < 0)
    return FALSE;
  if (index)
    *index = (guint) entry;
  return TRUE;
}

int
cm_portfolio_layout_find (CmPortfolioLayout *self, gint64 contract_id)
{
  for (guint i = 0; i < self->bars->len; i++)
    if (cm_entity_get_id (CM_ENTITY (g_array_index (self->bars, CmPortfolioBar, i).contract))
        == contract_id)
      return (int) cm_portfolio_layout_bar_row (self, i);
  return -1;
}

const CmPortfolioBand *
cm_portfolio_layout_get_bands (CmPortfolioLayout *self, guint *n_bands)
{
  *n_bands = G_N_ELEMENTS (self->bands);
  return self->bands;
}

void
cm_portfolio_layout_visible (CmPortfolioLayout *self, guint first_row, guint last_row,
                             int first_day, int last_day, GArray *rows)
{
  g_return_if_fail (self->finished);
  for (guint row = first_row; row <= last_row && row < self->rows->len; row++)
    {
      RowEntry entry = g_array_index (self->rows, RowEntry, row);
      const CmPortfolioBar *bar;

      if (entry < 0)
        {
          g_array_append_val (rows, row);
          continue;
        }
      bar = &g_array_index (self->bars, CmPortfolioBar, entry);
      if (bar->first_day <= last_day && bar->end_day - 1 >= first_day)
        g_array_append_val (rows, row);
    }
}

char *
cm_portfolio_layout_bar_name (const CmPortfolioBar *bar)
{
  g_autofree char *contract = cm_entity_describe (CM_ENTITY (bar->contract));
  g_autofree char *iso = cm_date_format_iso (&bar->end);
  g_autofree char *date = cm_date_format_long (iso);
  const char *provider = cm_contract_get_provider_name (bar->contract);

  if (provider == NULL || *provider == '\0')
    provider = _("no provider recorded");
  /* Translators: a contract on the portfolio timeline, as in "LCC-042 —
   * Carers' breaks, Leeds Carers, ends 1 October 2027, Due soon" */
  return g_strdup_printf (_("%s, %s, ends %s, %s"), contract, provider, date,
                          cm_deadline_status_label (bar->status));
}

/* Takes @sentence, whole, and adds it after the ones in @text. */
static void
append_sentence (GString *text, char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
  g_free (sentence);
}

static char *
horizon_sentence (guint horizon, guint n)
{
  switch (horizon)
    {
    case HORIZON_12_MONTHS:
      return g_strdup_printf (ngettext ("%u ends in the next 12 months.",
                                        "%u end in the next 12 months.", n), n);
    case HORIZON_18_MONTHS:
      return g_strdup_printf (ngettext ("%u ends in 12 to 18 months.",
                                        "%u end in 12 to 18 months.", n), n);
    case HORIZON_2_YEARS:
      return g_strdup_printf (ngettext ("%u ends in 18 months to 2 years.",
                                        "%u end in 18 months to 2 years.", n), n);
    case HORIZON_5_YEARS:
    default:
      return g_strdup_printf (ngettext ("%u ends in 2 to 5 years.",
                                        "%u end in 2 to 5 years.", n), n);
    }
}

/* "412 contracts end in the next 5 years. 38 end in the next 12 months. …" */
static void
describe_horizons (CmPortfolioLayout *self, GString *text)
{
  guint counts[N_HORIZONS] = { 0 };

  for (guint i = 0; i < self->bars->len; i++)
    {
      int day = g_array_index (self->bars, CmPortfolioBar, i).end_day - 1;
      guint h = 0;

      while (h < N_HORIZONS - 1 && day >= self->horizon_end[h])
        h++;
      counts[h]++;
    }
  append_sentence (text, g_strdup_printf (ngettext ("%u contract ends in the next 5 years.",
                                                    "%u contracts end in the next 5 years.",
                                                    self->bars->len), self->bars->len));
  for (guint h = 0; h < N_HORIZONS; h++)
    append_sentence (text, horizon_sentence (h, counts[h]));
}

/* "Urgent: 2 contracts are due soon.", one sentence per status that needs
 * attention. */
static void
describe_urgency (CmPortfolioLayout *self, GString *text)
{
  guint counts[CM_DEADLINE_UNKNOWN + 1] = { 0 };
  guint n;

  for (guint i = 0; i < self->bars->len; i++)
    counts[g_array_index (self->bars, CmPortfolioBar, i).status]++;
  if ((n = counts[CM_DEADLINE_BREACHED]))
    append_sentence (text, g_strdup_printf (ngettext ("Urgent: %u contract is breached.",
                                                      "Urgent: %u contracts are breached.", n),
                                            n));
  if ((n = counts[CM_DEADLINE_OVERDUE]))
    append_sentence (text, g_strdup_printf (ngettext ("Urgent: %u contract is overdue.",
                                                      "Urgent: %u contracts are overdue.", n),
                                            n));
  if ((n = counts[CM_DEADLINE_DUE_SOON]))
    append_sentence (text, g_strdup_printf (ngettext ("Urgent: %u contract is due soon.",
                                                      "Urgent: %u contracts are due soon.", n),
                                            n));
}

char *
cm_portfolio_layout_describe (CmPortfolioLayout *self)
{
  GString *text = g_string_new (NULL);
  guint n;

  if (self->bars->len == 0)
    g_string_append (text, _("No contracts end in the next 5 years."));
  else
    {
      describe_horizons (self, text);
      n = self->groups->len;
      append_sentence (text, g_strdup_printf (ngettext ("They are grouped under %u commissioner.",
                                                        "They are grouped under %u "
                                                        "commissioners.", n), n));
      describe_urgency (self, text);
    }
  if ((n = self->n_ended))
    append_sentence (text, g_strdup_printf (ngettext ("%u contract has ended and is not yet "
                                                      "closed: the list shows it.",
                                                      "%u contracts have ended and are not yet "
                                                      "closed: the list shows them.", n), n));
  if ((n = self->n_later))
    append_sentence (text, g_strdup_printf (ngettext ("%u contract ends after 5 years.",
                                                      "%u contracts end after 5 years.", n), n));
  return g_string_free (text, FALSE);
}
