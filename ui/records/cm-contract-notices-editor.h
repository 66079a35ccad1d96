/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-notices-editor.h: a contract's new notice or variation, filled in for its editor */
#pragma once

#include <adwaita.h>

#include "cm-contract.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* A new notice of @contract, its code the first notice it requires that
 * is not yet recorded. */
GtkWidget *cm_contract_notices_editor_new   (CmStore *store, CmContract *contract,
                                             const GDate *today);
/* A new variation of @contract, made today. */
GtkWidget *cm_contract_variation_editor_new (CmStore *store, CmContract *contract,
                                             const GDate *today);

G_END_DECLS
