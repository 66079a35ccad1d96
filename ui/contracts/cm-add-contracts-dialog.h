/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-add-contracts-dialog.h: chooses the contracts of one provider or one
 * service, and one percentage, to add to a reduction scenario
 *
 * Providers and services are searched as the user types, so the list
 * stays usable with 20,000 providers; the dialog says how many contracts,
 * and how much a year, the choice would add before anything is saved.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Properties, construct-only: "store", "entity" (the scenario) and
 * "initial-percent". */
#define CM_TYPE_ADD_CONTRACTS_DIALOG (cm_add_contracts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CmAddContractsDialog, cm_add_contracts_dialog, CM, ADD_CONTRACTS_DIALOG,
                      AdwMessageDialog)

/* Called with the chosen contracts' ids (of gint64), the percentage and
 * the name of what was chosen, or with NULL when the user cancelled. */
typedef void (*CmAddContractsCallback) (GArray *contract_ids, double percent,
                                        const char *chosen, gpointer data);

void cm_add_contracts_dialog_ask (GtkWidget             *parent,
                                  CmStore               *store,
                                  CmEntity              *scenario,
                                  double                 initial_percent,
                                  CmAddContractsCallback callback,
                                  gpointer               data);

G_END_DECLS
