/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-uk.h: the UK extension's fields that a portfolio holds
 *
 * Find a Tender publishes OCDS with a UK extension. A portfolio holds
 * three of its fields besides the supplier flags: the procurement notices
 * published for a contract, each a document whose noticeType is its code
 * ("UK6"); the standstill that the contract award notice starts; and why
 * a contract ended, its termination rationale. The export writes them
 * with these; the import reads them back with the same tables. The
 * mapping is documented in data/ocds-extension/README.md.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cm-contract.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef enum {
  CM_OCDS_SECTION_TENDER,
  CM_OCDS_SECTION_AWARD,
  CM_OCDS_SECTION_CONTRACT,
} CmOcdsSection;

/* Where a notice of @code belongs: the tender's, the award's or the
 * contract's documents. */
CmOcdsSection  cm_ocds_notice_section     (const char *code);
/* Whether a notice of @code starts a standstill (UK6, a PSR intention). */
gboolean       cm_ocds_notice_starts_standstill (const char *code);

/* The portfolio's notices, by contract: a table from the contract's id
 * (a gint64 key) to a GPtrArray of its CmContractNotice, oldest first. */
GHashTable    *cm_ocds_notices_by_contract (CmStore *store);
/* A document for each of @notices (may be NULL) in the section it
 * belongs to, and the award's standstillPeriod from the notice that
 * starts it. */
void           cm_ocds_add_notices        (GPtrArray *notices, JsonObject *tender,
                                           JsonObject *award, JsonObject *contract);

/* The notice's page on Find a Tender, and the identifier back from one
 * (NULL for any other address). */
char          *cm_ocds_notice_url          (const char *identifier);
char          *cm_ocds_notice_identifier   (const char *url);

/* The UK extension's terminationRationale for @contract's outcome, or
 * NULL while it has not ended that way. */
const char    *cm_ocds_termination_rationale (CmContract *contract);
/* The outcome and the notice kind (nicks, or NULL for either) that
 * @rationale stands for; FALSE when it is none of ours. */
gboolean       cm_ocds_rationale_read      (const char *rationale, const char **outcome,
                                            const char **notice_kind);

G_END_DECLS
