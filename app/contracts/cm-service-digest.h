/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The few values of a service that a contract's row names: an export of
 * 1,000,000 contracts looks one up per contract, and holding these rather
 * than every service whole keeps its memory flat as services grow. */
typedef struct {
  gint64 id;
  char *name;
  gint64 lead_commissioner_id;
  char *lead_commissioner_name;
} CmServiceSummary;

typedef struct _CmServiceDigest CmServiceDigest;

/* Reads every service once, in one pass, without loading the lists. */
CmServiceDigest        *cm_service_digest_new  (CmStore *store, GError **error);
const CmServiceSummary *cm_service_digest_find (CmServiceDigest *digest, gint64 service_id);
/* Every service, in the order the store read them. */
guint                   cm_service_digest_get_n_services (CmServiceDigest *digest);
const CmServiceSummary *cm_service_digest_get_nth        (CmServiceDigest *digest, guint index);
void                    cm_service_digest_free (CmServiceDigest *digest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmServiceDigest, cm_service_digest_free)

G_END_DECLS
