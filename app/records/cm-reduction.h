/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-reduction.h: what a reduction scenario would do to each provider
 *
 * Seed 004 para 37 asks the council to avoid blanket reductions, because
 * the same cut hits providers very differently; this works out how
 * differently, so the scenario can say so.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* One contract in a scenario, with what is known of its provider. */
typedef struct {
  gint64 provider_id;
  const char *provider_name;
  gint64 provider_income;    /* pence a year, all sources; 0 when unknown */
  gint64 annual_value;       /* pence a year, this contract */
  double percent;            /* the cut, 0 to 100 */
} CmReductionLine;

typedef struct {
  gint64 provider_id;
  char *provider_name;
  gint64 lost;               /* pence a year */
  double share_of_income;    /* 0 to 1 of its income lost; -1 when income is unknown */
} CmProviderEffect;

typedef struct {
  GArray *effects;           /* of CmProviderEffect, hardest hit first */
  gint64 saving;             /* pence a year */
  guint n_contracts;
  gboolean blanket;          /* two or more contracts, all cut by the same percentage */
  double blanket_percent;
} CmReduction;

/* Pence lost are rounded half away from zero, contract by contract. */
CmReduction *cm_reduction_compute  (const CmReductionLine *lines, guint n_lines);
/* The same for a saved scenario, read from the portfolio. */
CmReduction *cm_reduction_of_scenario (CmStore *store, gint64 scenario_id);
void         cm_reduction_free     (CmReduction *reduction);
/* Seed 004 para 37, said plainly: the same cut for every contract, and
 * how unequally it falls on providers' incomes. NULL when not blanket. */
char        *cm_reduction_blanket_warning (const CmReduction *reduction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmReduction, cm_reduction_free)

G_END_DECLS
