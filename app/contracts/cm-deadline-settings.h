/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-settings.h: a portfolio's rules for deadlines
 *
 * The Compact minimum, the lead time for extension decisions and the
 * due-soon window belong to the organisation, not to one user, so they are
 * kept in the portfolio itself and changed like any other record (audited).
 */
#pragma once

#include "cm-contract-dates.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* One rule: where it is kept and the values it may take. */
typedef struct {
  const char *key;   /* in the portfolio's meta table */
  gsize offset;      /* of its int in CmDeadlineSettings */
  int min, max;
} CmDeadlineRule;

const CmDeadlineRule *cm_deadline_rules      (guint *n_rules);
int                  *cm_deadline_rule_value (const CmDeadlineRule *rule,
                                              CmDeadlineSettings   *settings);

void     cm_deadline_settings_load (CmStore *store, CmDeadlineSettings *settings);
gboolean cm_deadline_settings_save (CmStore *store, const CmDeadlineSettings *settings,
                                    GError **error);

G_END_DECLS
