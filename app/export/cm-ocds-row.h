/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-row.h: one OCDS contract read as a row of a contracts register
 *
 * A contract's own fields, its award's supplier, that supplier's party
 * (identifiers, scale, VCSE), the release's buyer and tender become the
 * text cells an import reads from a register, each column knowing the
 * JSON path it came from; its procurement notices are read beside them.
 */
#pragma once

#include "cm-import-mapping.h"
#include "cm-json-path.h"

G_BEGIN_DECLS

typedef enum {
  CM_OCDS_COLUMN_REFERENCE,
  CM_OCDS_COLUMN_TITLE,
  CM_OCDS_COLUMN_SERVICE,
  CM_OCDS_COLUMN_COMMISSIONER,
  CM_OCDS_COLUMN_PROVIDER,
  CM_OCDS_COLUMN_PROVIDER_SECTOR,
  CM_OCDS_COLUMN_SME,
  CM_OCDS_COLUMN_VCSE,
  CM_OCDS_COLUMN_REGISTRATION,
  CM_OCDS_COLUMN_TYPE,
  CM_OCDS_COLUMN_ROUTE,
  CM_OCDS_COLUMN_ANNUAL_VALUE,
  CM_OCDS_COLUMN_TOTAL_VALUE,
  CM_OCDS_COLUMN_START_DATE,
  CM_OCDS_COLUMN_END_DATE,
  CM_OCDS_COLUMN_TERM,
  CM_OCDS_COLUMN_EXTENSIONS_INVOKED,
  CM_OCDS_COLUMN_NOTICE_PERIOD,
  CM_OCDS_COLUMN_NOTICE_SERVED,
  CM_OCDS_COLUMN_NOTICE_KIND,
  CM_OCDS_COLUMN_OUTCOME,
  CM_OCDS_N_COLUMNS
} CmOcdsColumn;

CmImportField cm_ocds_column_field (CmOcdsColumn column);
/* Where the column's value is, given the paths of its release and contract. */
char         *cm_ocds_column_path  (CmOcdsColumn column, const char *release_path,
                                    const char *contract_path);

/* The OCDS Value @member of @parent at @path in whole pence; only pounds
 * sterling, neither negative nor larger than any contract, are accepted.
 * FALSE when absent or on a problem. */
gboolean      cm_ocds_value_read    (CmJsonCheck *check, JsonObject *parent, const char *path,
                                     const char *member, gint64 *pence);

/* Checks every field the import reads in @release, at @path: the ocid,
 * buyer, tender, parties, awards and contracts, and that every amount is
 * in pounds. */
void          cm_ocds_release_check (CmJsonCheck *check, JsonObject *release, const char *path);
/* Fills @cells (CM_OCDS_N_COLUMNS new strings) from contract @index of
 * @release; @service names the service when the tender has no title.
 * The contract's procurement notices (CmOcdsNotice, from its tender,
 * award and itself) are added to @notices, and its variations
 * (CmOcdsVariation, from its amendments) to @variations; either may be
 * NULL. */
void          cm_ocds_row_read      (CmJsonCheck *check, JsonObject *release, const char *path,
                                     guint index, const char *service, char **cells,
                                     GPtrArray *notices, GPtrArray *variations);

G_END_DECLS
