/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-uk.c: the UK extension's fields that a portfolio holds */
#include <string.h>

#include "cm-contract-notice.h"
#include "cm-date.h"
#include "cm-enums.h"
#include "cm-json-path.h"
#include "cm-ocds-uk.h"
#include "cm-working-days.h"

#define NOTICE_PAGE "https://www.find-tender.service.gov.uk/Notice/"

/* The mandatory standstill under the Procurement Act 2023, s. 51(2). */
#define CM_STANDSTILL_WORKING_DAYS 8

/* ---- notices -------------------------------------------------------------- */

static void
set_string_take (JsonObject *object, const char *member, char *text)
{
  json_object_set_string_member (object, member, text);
  g_free (text);
}

static gboolean
code_in (const char *code, const char * const *codes)
{
  return g_strv_contains (codes, code);
}

/* Pipeline, engagement, planned procurement, tender, transparency,
 * procurement termination and dynamic market notices are the tender's;
 * the award notice and the Provider Selection Regime's award notices are
 * the award's; the rest (contract details, performance, change,
 * termination, payments) are the contract's. */
CmOcdsSection
cm_ocds_notice_section (const char *code)
{
  static const char * const tender[] = { "UK1", "UK2", "UK3", "UK4", "UK5", "UK12", "UK13",
                                         "UK14", "UK15", "UK16", NULL };
  static const char * const award[] = { "UK6", "PSR-INTENTION", "PSR-AWARD", NULL };

  if (code_in (code, tender))
    return CM_OCDS_SECTION_TENDER;
  if (code_in (code, award))
    return CM_OCDS_SECTION_AWARD;
  return CM_OCDS_SECTION_CONTRACT;
}

gboolean
cm_ocds_notice_starts_standstill (const char *code)
{
  static const char * const starts[] = { "UK6", "PSR-INTENTION", NULL };

  return code_in (code, starts);
}

/* OCDS's documentType codelist has a notice for each stage. */
static const char *
document_type (const char *code)
{
  static const char * const planned[] = { "UK1", "UK2", "UK3", NULL };

  if (code_in (code, planned))
    return "plannedProcurementNotice";
  switch (cm_ocds_notice_section (code))
    {
    case CM_OCDS_SECTION_TENDER:
      return "tenderNotice";
    case CM_OCDS_SECTION_AWARD:
      return "awardNotice";
    case CM_OCDS_SECTION_CONTRACT:
    default:
      return "contractNotice";
    }
}

static int
by_published (gconstpointer a, gconstpointer b)
{
  CmContractNotice *x = *(CmContractNotice * const *) a;
  CmContractNotice *y = *(CmContractNotice * const *) b;
  int order = g_strcmp0 (cm_contract_notice_get_published_on (x),
                         cm_contract_notice_get_published_on (y));

  if (order != 0)
    return order;
  return cm_entity_get_id (CM_ENTITY (x)) < cm_entity_get_id (CM_ENTITY (y)) ? -1 : 1;
}

GHashTable *
cm_ocds_notices_by_contract (CmStore *store)
{
  GHashTable *by_contract = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  GListModel *all = cm_store_list (store, CM_TYPE_CONTRACT_NOTICE);
  GHashTableIter iter;
  gpointer list;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmContractNotice) notice = g_list_model_get_item (all, i);
      gint64 id = cm_contract_notice_get_contract_id (notice);
      GPtrArray *notices = g_hash_table_lookup (by_contract, &id);

      if (notices == NULL)
        {
          notices = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_contract, g_memdup2 (&id, sizeof id), notices);
        }
      g_ptr_array_add (notices, g_steal_pointer (&notice));
    }
  g_hash_table_iter_init (&iter, by_contract);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_sort (list, by_published);
  return by_contract;
}

char *
cm_ocds_notice_url (const char *identifier)
{
  g_autofree char *escaped = g_uri_escape_string (identifier, NULL, FALSE);

  return g_strconcat (NOTICE_PAGE, escaped, NULL);
}

char *
cm_ocds_notice_identifier (const char *url)
{
  g_autofree char *identifier = NULL;

  if (url == NULL || !g_str_has_prefix (url, NOTICE_PAGE) || !url[strlen (NOTICE_PAGE)])
    return NULL;
  /* NULL for an escape that is not one, hides a NUL or gives no UTF-8. */
  identifier = g_uri_unescape_string (url + strlen (NOTICE_PAGE), NULL);
  return identifier && g_utf8_validate (identifier, -1, NULL) ? g_steal_pointer (&identifier)
                                                               : NULL;
}

static void
add_document (JsonObject *section, JsonObject *document)
{
  JsonNode *node = json_object_get_member (section, "documents");

  if (node == NULL)
    {
      json_object_set_array_member (section, "documents", json_array_new ());
      node = json_object_get_member (section, "documents");
    }
  json_array_add_object_element (json_node_get_array (node), document);
}

/* Its Find a Tender identifier where recorded, else its code and place:
 * ids must differ within a list, as OCDS merges documents by id. */
static JsonObject *
document_of (CmContractNotice *notice, guint n)
{
  JsonObject *document = json_object_new ();
  const char *code = cm_contract_notice_get_code (notice);
  const char *identifier = cm_contract_notice_get_identifier (notice);
  GDate published;

  if (*identifier)
    {
      g_autofree char *url = cm_ocds_notice_url (identifier);

      json_object_set_string_member (document, "id", identifier);
      json_object_set_string_member (document, "url", url);
    }
  else
    set_string_take (document, "id", g_strdup_printf ("%s-%u", code, n + 1));
  json_object_set_string_member (document, "documentType", document_type (code));
  json_object_set_string_member (document, "noticeType", code);
  if (cm_date_parse_iso (cm_contract_notice_get_published_on (notice), &published))
    set_string_take (document, "datePublished",
                                        cm_json_london_moment (&published, FALSE));
  return document;
}

/* The standstill begins on the day the notice that starts it is published
 * (Procurement Act 2023, s. 51): the contract award notice's lasts eight
 * working days from that day, where the bank holidays of its years are
 * known. The Provider Selection Regime counts its own standstill by its
 * own rules, so a PSR intention gives the start alone. */
static void
add_standstill (JsonObject *award, CmContractNotice *notice)
{
  const char *code = cm_contract_notice_get_code (notice);
  JsonObject *period;
  GDate published, end;

  if (json_object_has_member (award, "standstillPeriod") ||
      !cm_ocds_notice_starts_standstill (code) ||
      !cm_date_parse_iso (cm_contract_notice_get_published_on (notice), &published))
    return;
  period = json_object_new ();
  set_string_take (period, "startDate", cm_json_london_moment (&published, FALSE));
  if (g_str_equal (code, "UK6") &&
      cm_working_days_end (&published, CM_STANDSTILL_WORKING_DAYS, &end))
    set_string_take (period, "endDate", cm_json_london_moment (&end, TRUE));
  json_object_set_object_member (award, "standstillPeriod", period);
}

void
cm_ocds_add_notices (GPtrArray *notices, JsonObject *tender, JsonObject *award,
                     JsonObject *contract)
{
  for (guint i = 0; notices && i < notices->len; i++)
    {
      CmContractNotice *notice = g_ptr_array_index (notices, i);
      const char *code = cm_contract_notice_get_code (notice);
      JsonObject *sections[] = { tender, award, contract };

      add_document (sections[cm_ocds_notice_section (code)], document_of (notice, i));
      add_standstill (award, notice);
    }
}

/* ---- termination ---------------------------------------------------------- */

static const struct {
  const char *rationale;
  const char *outcome;
  const char *notice_kind;
} rationales[] = {
  { "expired", "ended-by-expiry", NULL },
  { "re-let", "re-let", NULL },
  { "decommissioned", "decommissioned", NULL },
  { "terminated-early", NULL, "early-termination" },
};

const char *
cm_ocds_termination_rationale (CmContract *contract)
{
  const char *outcome = cm_enum_to_nick (CM_TYPE_CONTRACT_OUTCOME,
                                         cm_contract_get_outcome (contract));

  for (guint i = 0; i < G_N_ELEMENTS (rationales); i++)
    if (g_strcmp0 (rationales[i].outcome, outcome) == 0)
      return rationales[i].rationale;
  /* No outcome recorded yet, but notice of early termination served. */
  if (cm_contract_get_notice_kind (contract) == CM_NOTICE_KIND_EARLY_TERMINATION &&
      *cm_contract_get_notice_served (contract))
    return "terminated-early";
  return NULL;
}

gboolean
cm_ocds_rationale_read (const char *rationale, const char **outcome, const char **notice_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (rationales); i++)
    if (g_strcmp0 (rationales[i].rationale, rationale) == 0)
      {
        *outcome = rationales[i].outcome;
        *notice_kind = rationales[i].notice_kind;
        return TRUE;
      }
  return FALSE;
}
