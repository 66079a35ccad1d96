/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-supplier-digest.c: the few values of each provider that a Transparency row names */
#include "cm-supplier-digest.h"

#include "cm-provider.h"

struct _CmSupplierDigest {
  GHashTable *by_id;   /* provider id -> CmSupplierSummary */
};

static void
summary_free (gpointer data)
{
  CmSupplierSummary *summary = data;

  g_free (summary->name);
  g_free (summary->sector_as_written);
  g_free (summary->charity_number);
  g_free (summary->company_number);
  g_free (summary);
}

static gboolean
keep_summary (CmEntity *record, gpointer user_data)
{
  CmSupplierDigest *digest = user_data;
  CmProvider *provider = CM_PROVIDER (record);
  CmSupplierSummary *summary = g_new0 (CmSupplierSummary, 1);

  summary->id = cm_entity_get_id (record);
  summary->name = g_strdup (cm_provider_get_name (provider));
  summary->sector = cm_provider_get_sector (provider);
  summary->sector_as_written = g_strdup (cm_provider_get_sector_as_written (provider));
  g_object_get (provider, "charity-number", &summary->charity_number,
                "company-number", &summary->company_number, NULL);
  summary->sme = cm_provider_get_is_sme (provider);
  summary->vcse = cm_provider_get_is_vcse (provider);
  g_hash_table_replace (digest->by_id, &summary->id, summary);
  return TRUE;
}

CmSupplierDigest *
cm_supplier_digest_new (CmStore *store, GError **error)
{
  g_autoptr(CmSupplierDigest) digest = g_new0 (CmSupplierDigest, 1);

  digest->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, summary_free);
  if (!cm_store_each (store, CM_TYPE_PROVIDER, keep_summary, digest, error))
    return NULL;
  return g_steal_pointer (&digest);
}

const CmSupplierSummary *
cm_supplier_digest_find (CmSupplierDigest *digest, gint64 provider_id)
{
  /* A digest that could not be read finds nothing: its suppliers go unnamed. */
  return digest ? g_hash_table_lookup (digest->by_id, &provider_id) : NULL;
}

void
cm_supplier_digest_free (CmSupplierDigest *digest)
{
  if (digest == NULL)
    return;
  g_hash_table_unref (digest->by_id);
  g_free (digest);
}
