/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-notices.h: procurement notices read from OCDS documents
 *
 * A document with the UK extension's noticeType is a notice published on
 * Find a Tender: its code ("UK6"), the day it was published and its
 * identifier (from its Find a Tender address). An award's standstill
 * period stands for its award notice when no document gives one, since
 * publishing that notice is what starts the standstill. The import adds
 * the notices a contract does not have yet, in its own transaction.
 */
#pragma once

#include "cm-contract.h"
#include "cm-json-path.h"
#include "cm-store.h"

G_BEGIN_DECLS

typedef struct {
  char *code;          /* "UK6", as the procurement rules name notices */
  char *published_on;  /* yyyy-mm-dd or "" */
  char *identifier;    /* Find a Tender's, or "" */
  char *document_id;   /* the id of the document it was read from, or NULL */
} CmOcdsNotice;

void      cm_ocds_notice_free              (gpointer notice);

/* The notices among the documents of @section (a tender, award or
 * contract at @path), added to @notices; each checked, a problem naming
 * its path. Notice types that are not procurement notices the portfolio
 * tracks are left out. */
void      cm_ocds_notices_read_documents   (CmJsonCheck *check, JsonObject *section,
                                            const char *path, GPtrArray *notices);
/* An award notice published on the first day of @award's standstill,
 * unless @notices already holds a notice that starts one. */
void      cm_ocds_notices_read_standstill  (CmJsonCheck *check, JsonObject *award,
                                            const char *path, GPtrArray *notices);

/* Adds to @contract, saved, the @notices it does not have yet, counting
 * them in @n_added. Only inside cm_store_begin () and cm_store_commit (). */
gboolean  cm_ocds_notices_write            (CmStore *store, CmContract *contract,
                                            GPtrArray *notices, guint *n_added,
                                            GError **error);

/* How many of @notices @contract, saved or not, does not have yet. */
guint     cm_ocds_notices_count_new        (CmStore *store, CmContract *contract,
                                            GPtrArray *notices);

G_END_DECLS
