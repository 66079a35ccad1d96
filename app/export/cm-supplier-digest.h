/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-supplier-digest.h: the few values of each provider that a Transparency row names */
#pragma once

#include "cm-store.h"
#include "cm-enums.h"

G_BEGIN_DECLS

/* Held rather than every provider whole: the Transparency rows of a large
 * portfolio name thousands of suppliers, and loading each row's alone
 * costs a read per row. */
typedef struct {
  gint64 id;
  char *name;
  CmSector sector;
  char *sector_as_written;
  char *charity_number;
  char *company_number;
  gboolean sme;
  gboolean vcse;
} CmSupplierSummary;

typedef struct _CmSupplierDigest CmSupplierDigest;

/* Reads every provider once, in one pass, without loading the list. */
CmSupplierDigest        *cm_supplier_digest_new  (CmStore *store, GError **error);
const CmSupplierSummary *cm_supplier_digest_find (CmSupplierDigest *digest, gint64 provider_id);
void                     cm_supplier_digest_free (CmSupplierDigest *digest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSupplierDigest, cm_supplier_digest_free)

G_END_DECLS
