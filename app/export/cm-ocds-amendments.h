/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-amendments.h: a contract's variations as OCDS amendments
 *
 * Each recorded variation is an amendment of its contract: OCDS's date,
 * rationale (the reason) and description, and our extension's kind,
 * change of value and change of term. A variation's change notice (UK10),
 * where one was published, is a document of the contract with that
 * noticeType, which the amendment names by its id (changeNoticeID).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* The portfolio's variations, by contract: a table from the contract's id
 * (a gint64 key) to a GPtrArray of its CmContractVariation, oldest first. */
GHashTable *cm_ocds_variations_by_contract (CmStore *store);
/* @contract's amendments from @variations (may be NULL), and a document
 * for each change notice among its documents. @reference is the
 * contract's, which the amendments' ids begin with. */
void        cm_ocds_add_amendments         (GPtrArray *variations, const char *reference,
                                            JsonObject *contract);

G_END_DECLS
