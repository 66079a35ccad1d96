/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-total-value.c: a contract's total value, entered or worked out */
#include "cm-term.h"
#include "cm-total-value.h"

/* A year is twelve months or 365 days: "18 months" is one and a half
 * years' value, "90 days" 90/365 of it. */
#define DAYS_PER_YEAR 365

static CmPeriod
counted_period (const CmTerm *term, guint n_invoked)
{
  CmPeriod sum = term->initial;

  for (guint i = 0; i < n_invoked && i < term->extensions->len; i++)
    {
      const CmExtension *extension = &g_array_index (term->extensions, CmExtension, i);

      sum.months += extension->length.months;
      sum.days += extension->length.days;
    }
  return sum;
}

gboolean
cm_total_value_derive (gint64 annual, const char *term_text, guint n_invoked, gint64 *total)
{
  g_autoptr(CmTerm) term = NULL;
  CmPeriod period;
  /* In twelfths of a 365-day year, so months and days add up exactly. */
  gint64 units, divisor = 12 * DAYS_PER_YEAR;

  if (annual <= 0 || term_text == NULL || *term_text == '\0')
    return FALSE;
  term = cm_term_parse (term_text, NULL);
  if (term == NULL || !cm_term_states_initial (term))
    return FALSE;
  period = counted_period (term, n_invoked);
  units = (gint64) period.months * DAYS_PER_YEAR + (gint64) period.days * 12;
  /* Money is capped at £10bn and terms at a few hundred months, so the
   * product stays far inside 64 bits; refuse anything that would not. */
  if (units <= 0 || annual > G_MAXINT64 / units)
    return FALSE;
  *total = (annual * units + divisor / 2) / divisor;
  return TRUE;
}

gint64
cm_contract_get_derived_total (CmContract *self)
{
  g_autofree char *term = NULL;
  gint64 total = 0;

  g_object_get (self, "term", &term, NULL);
  if (!cm_total_value_derive (cm_contract_get_annual_value (self), term,
                              (guint) cm_contract_get_extensions_invoked (self), &total))
    return 0;
  return total;
}

gint64
cm_contract_get_effective_total (CmContract *self)
{
  gint64 entered = cm_contract_get_total_value (self);

  return entered > 0 ? entered : cm_contract_get_derived_total (self);
}

gboolean
cm_contract_total_is_derived (CmContract *self)
{
  gint64 entered = cm_contract_get_total_value (self);

  return entered > 0 && entered == cm_contract_get_derived_total (self);
}

void
cm_contract_complete_total (CmContract *self, CmContract *before)
{
  gint64 entered = cm_contract_get_total_value (self);
  gint64 derived;
  gboolean follows;

  /* A total left as it was, when it had been worked out, is worked out again. */
  follows = before && entered == cm_contract_get_total_value (before) &&
            cm_contract_total_is_derived (before);
  if (entered > 0 && !follows)
    return;
  derived = cm_contract_get_derived_total (self);
  /* A worked-out total that can no longer be worked out is cleared, so
   * that it follows again once it can. */
  if (derived > 0 || follows)
    g_object_set (self, "total-value", derived, NULL);
}
