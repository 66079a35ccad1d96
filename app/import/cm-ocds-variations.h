/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-variations.h: contract variations read from OCDS amendments
 *
 * Each of a contract's amendments is a variation: the day it was made
 * (date), its reason (rationale) and what it changes (description), either
 * standing for the other when one is missing; our extension's kind, change
 * of value and change of term where given. An amendment's changeNoticeID
 * names the contract's UK10 document that is its change notice: that
 * notice is the variation's, not one of the contract's own. The import
 * adds the variations a contract does not have yet, in its transaction.
 */
#pragma once

#include "cm-contract.h"
#include "cm-json-path.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  char *made_on;           /* yyyy-mm-dd */
  int kind;                /* CmVariationKind */
  char *description;
  char *reason;
  gint64 value_change;     /* pence, or 0 */
  char *term_change;       /* "6 months", or "" */
  char *change_notice;     /* Find a Tender's identifier, or "" */
  char *change_notice_on;  /* yyyy-mm-dd, or "" */
} CmOcdsVariation;

void      cm_ocds_variation_free     (gpointer variation);

/* The amendments of @contract at @path, each checked (a problem names its
 * path), added to @variations. The UK10 notices they name are taken out
 * of @contract_notices, the CmOcdsNotice read from its documents. */
void      cm_ocds_variations_read    (CmJsonCheck *check, JsonObject *contract, const char *path,
                                      GPtrArray *contract_notices, GPtrArray *variations);

/* Adds to @contract, saved, the @variations it does not have yet (the
 * same day and description). Only inside cm_store_begin () and
 * cm_store_commit (). */
gboolean  cm_ocds_variations_write   (CmStore *store, CmContract *contract, GPtrArray *variations,
                                      GError **error);

G_END_DECLS
