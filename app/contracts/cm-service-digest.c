/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
#include "cm-service-digest.h"

#include "cm-service.h"

struct _CmServiceDigest {
  GHashTable *by_id;   /* service id -> CmServiceSummary */
  GPtrArray *in_order; /* the same summaries, as the store read them */
};

static void
summary_free (gpointer data)
{
  CmServiceSummary *summary = data;

  g_free (summary->name);
  g_free (summary->lead_commissioner_name);
  g_free (summary);
}

static gboolean
keep_summary (CmEntity *record, gpointer user_data)
{
  CmServiceDigest *digest = user_data;
  CmService *service = CM_SERVICE (record);
  CmServiceSummary *summary = g_new0 (CmServiceSummary, 1);

  summary->id = cm_entity_get_id (record);
  summary->name = g_strdup (cm_service_get_name (service));
  summary->lead_commissioner_id = cm_service_get_lead_commissioner_id (service);
  g_object_get (service, "lead-commissioner-name", &summary->lead_commissioner_name, NULL);
  g_hash_table_replace (digest->by_id, &summary->id, summary);
  g_ptr_array_add (digest->in_order, summary);
  return TRUE;
}

CmServiceDigest *
cm_service_digest_new (CmStore *store, GError **error)
{
  g_autoptr(CmServiceDigest) digest = g_new0 (CmServiceDigest, 1);

  digest->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, summary_free);
  digest->in_order = g_ptr_array_new ();
  if (!cm_store_each (store, CM_TYPE_SERVICE, keep_summary, digest, error))
    return NULL;
  return g_steal_pointer (&digest);
}

const CmServiceSummary *
cm_service_digest_find (CmServiceDigest *digest, gint64 service_id)
{
  /* A digest that could not be read finds nothing: its services go unnamed. */
  return digest ? g_hash_table_lookup (digest->by_id, &service_id) : NULL;
}

guint
cm_service_digest_get_n_services (CmServiceDigest *digest)
{
  return digest ? digest->in_order->len : 0;
}

const CmServiceSummary *
cm_service_digest_get_nth (CmServiceDigest *digest, guint index)
{
  return g_ptr_array_index (digest->in_order, index);
}

void
cm_service_digest_free (CmServiceDigest *digest)
{
  if (digest == NULL)
    return;
  g_ptr_array_unref (digest->in_order);
  g_hash_table_unref (digest->by_id);
  g_free (digest);
}
