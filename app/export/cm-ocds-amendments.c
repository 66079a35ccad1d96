/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-amendments.c: a contract's variations as OCDS amendments */
#include "cm-contract-variation.h"
#include "cm-date.h"
#include "cm-enums.h"
#include "cm-json-path.h"
#include "cm-ocds-amendments.h"
#include "cm-ocds-uk.h"

/* The change notice's code under the Procurement Act 2023. */
#define CHANGE_NOTICE "UK10"

static int
by_made_on (gconstpointer a, gconstpointer b)
{
  CmContractVariation *x = *(CmContractVariation * const *) a;
  CmContractVariation *y = *(CmContractVariation * const *) b;
  int order = g_strcmp0 (cm_contract_variation_get_made_on (x),
                         cm_contract_variation_get_made_on (y));

  if (order != 0)
    return order;
  return cm_entity_get_id (CM_ENTITY (x)) < cm_entity_get_id (CM_ENTITY (y)) ? -1 : 1;
}

GHashTable *
cm_ocds_variations_by_contract (CmStore *store)
{
  GHashTable *by_contract = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  GListModel *all = cm_store_list (store, CM_TYPE_CONTRACT_VARIATION);
  GHashTableIter iter;
  gpointer list;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmContractVariation) variation = g_list_model_get_item (all, i);
      gint64 id = cm_contract_variation_get_contract_id (variation);
      GPtrArray *variations = g_hash_table_lookup (by_contract, &id);

      if (variations == NULL)
        {
          variations = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_contract, g_memdup2 (&id, sizeof id), variations);
        }
      g_ptr_array_add (variations, g_steal_pointer (&variation));
    }
  g_hash_table_iter_init (&iter, by_contract);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_sort (list, by_made_on);
  return by_contract;
}

static void
set_day (JsonObject *object, const char *member, const char *iso)
{
  GDate day;

  if (cm_date_parse_iso (iso, &day))
    {
      g_autofree char *moment = cm_json_london_moment (&day, FALSE);

      json_object_set_string_member (object, member, moment);
    }
}

/* Pounds, as a whole number when there are no pence. */
static JsonObject *
value_of (gint64 pence)
{
  JsonObject *value = json_object_new ();

  if (pence % 100 == 0)
    json_object_set_int_member (value, "amount", pence / 100);
  else
    json_object_set_double_member (value, "amount", pence / 100.0);
  json_object_set_string_member (value, "currency", "GBP");
  return value;
}

static JsonArray *
member_array (JsonObject *object, const char *member)
{
  if (!json_object_has_member (object, member))
    json_object_set_array_member (object, member, json_array_new ());
  return json_object_get_array_member (object, member);
}

static gboolean
has_document (JsonArray *documents, const char *id)
{
  for (guint i = 0; i < json_array_get_length (documents); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (
                     json_array_get_object_element (documents, i), "id", NULL), id) == 0)
      return TRUE;
  return FALSE;
}

/* The change notice's document, by its Find a Tender identifier where
 * recorded, else named after its amendment. A notice also recorded among
 * the contract's notices is the same document: it is named, not added. */
static char *
add_change_notice (CmContractVariation *variation, const char *amendment_id, JsonObject *contract)
{
  const char *identifier = cm_contract_variation_get_change_notice (variation);
  const char *published_on = cm_contract_variation_get_change_notice_on (variation);
  JsonArray *documents;
  JsonObject *document;
  char *id;

  if (!*identifier && !*published_on)
    return NULL;
  id = *identifier ? g_strdup (identifier) : g_strconcat (amendment_id, "-", CHANGE_NOTICE, NULL);
  documents = member_array (contract, "documents");
  if (has_document (documents, id))
    return id;
  document = json_object_new ();
  json_object_set_string_member (document, "id", id);
  if (*identifier)
    {
      g_autofree char *url = cm_ocds_notice_url (identifier);

      json_object_set_string_member (document, "url", url);
    }
  json_object_set_string_member (document, "documentType", "contractNotice");
  json_object_set_string_member (document, "noticeType", CHANGE_NOTICE);
  set_day (document, "datePublished", published_on);
  json_array_add_object_element (documents, document);
  return id;
}

static JsonObject *
amendment_of (CmContractVariation *variation, const char *id, JsonObject *contract)
{
  JsonObject *amendment = json_object_new ();
  gint64 value_change = cm_contract_variation_get_value_change (variation);
  const char *term_change = cm_contract_variation_get_term_change (variation);
  g_autofree char *reason = NULL;
  g_autofree char *notice_id = NULL;

  g_object_get (variation, "reason", &reason, NULL);
  json_object_set_string_member (amendment, "id", id);
  set_day (amendment, "date", cm_contract_variation_get_made_on (variation));
  json_object_set_string_member (amendment, "rationale", reason ? reason : "");
  json_object_set_string_member (amendment, "description",
                                 cm_contract_variation_get_description (variation));
  json_object_set_string_member (amendment, "variationKind",
                                 cm_enum_to_nick (CM_TYPE_VARIATION_KIND,
                                                  cm_contract_variation_get_kind (variation)));
  if (value_change != 0)
    json_object_set_object_member (amendment, "valueChange", value_of (value_change));
  if (*term_change)
    json_object_set_string_member (amendment, "termChange", term_change);
  notice_id = add_change_notice (variation, id, contract);
  if (notice_id)
    json_object_set_string_member (amendment, "changeNoticeID", notice_id);
  return amendment;
}

void
cm_ocds_add_amendments (GPtrArray *variations, const char *reference, JsonObject *contract)
{
  for (guint i = 0; variations && i < variations->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-variation-%u", reference, i + 1);
      JsonObject *amendment = amendment_of (g_ptr_array_index (variations, i), id, contract);

      json_array_add_object_element (member_array (contract, "amendments"), amendment);
    }
}
