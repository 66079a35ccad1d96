/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-notices.c: procurement notices read from OCDS documents */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cm-contract-notice.h"
#include "cm-date.h"
#include "cm-ocds-notices.h"
#include "cm-ocds-uk.h"

void
cm_ocds_notice_free (gpointer data)
{
  CmOcdsNotice *notice = data;

  g_free (notice->code);
  g_free (notice->published_on);
  g_free (notice->identifier);
  g_free (notice->document_id);
  g_free (notice);
}

static CmOcdsNotice *
add_notice (GPtrArray *notices, const char *code, const GDate *published, const char *identifier)
{
  CmOcdsNotice *notice = g_new0 (CmOcdsNotice, 1);

  notice->code = g_strdup (code);
  notice->published_on = published ? cm_date_format_iso (published) : g_strdup ("");
  notice->identifier = g_strdup (identifier ? identifier : "");
  g_ptr_array_add (notices, notice);
  return notice;
}

/* UK1 to UK17, and the Provider Selection Regime's notices as the
 * portfolio names them. */
static gboolean
is_tracked (const char *code)
{
  char *end = NULL;
  long n;

  if (g_str_equal (code, "PSR-INTENTION") || g_str_equal (code, "PSR-AWARD"))
    return TRUE;
  if (!g_str_has_prefix (code, "UK") || !g_ascii_isdigit (code[2]))
    return FALSE;
  n = strtol (code + 2, &end, 10);
  return *end == '\0' && n >= 1 && n <= 17;
}

static void
read_document (CmJsonCheck *check, JsonObject *document, const char *path, GPtrArray *notices)
{
  const char *code = cm_json_string (check, document, path, "noticeType", FALSE);
  const char *url = cm_json_string (check, document, path, "url", FALSE);
  g_autofree char *id = cm_json_id (check, document, path, "id", FALSE);
  GDate published;
  gboolean dated = cm_json_date (check, document, path, "datePublished", &published);

  if (code && *code == '\0')
    {
      g_autofree char *at = cm_json_path_member (path, "noticeType");

      cm_json_fail (check, at, _("the notice type is empty. Give the notice’s code, for "
                                 "example UK6, or leave noticeType out."));
    }
  if (code && cm_json_check_ok (check) && is_tracked (code))
    {
      g_autofree char *identifier = cm_ocds_notice_identifier (url);
      CmOcdsNotice *notice = add_notice (notices, code, dated ? &published : NULL, identifier);

      notice->document_id = g_steal_pointer (&id);
    }
}

void
cm_ocds_notices_read_documents (CmJsonCheck *check, JsonObject *section, const char *path,
                                GPtrArray *notices)
{
  g_autofree char *list_path = cm_json_path_member (path, "documents");
  JsonArray *documents = section ? cm_json_array (check, section, path, "documents", FALSE)
                                 : NULL;

  for (guint i = 0; documents && i < json_array_get_length (documents); i++)
    {
      g_autofree char *item_path = cm_json_path_index (list_path, i);
      JsonObject *document = cm_json_element_object (check, documents, list_path, i);

      if (document)
        read_document (check, document, item_path, notices);
    }
}

void
cm_ocds_notices_read_standstill (CmJsonCheck *check, JsonObject *award, const char *path,
                                 GPtrArray *notices)
{
  g_autofree char *period_path = cm_json_path_member (path, "standstillPeriod");
  JsonObject *period = award ? cm_json_object (check, award, path, "standstillPeriod", FALSE)
                             : NULL;
  GDate start, end;

  if (period == NULL)
    return;
  cm_json_date (check, period, period_path, "endDate", &end);
  if (!cm_json_date (check, period, period_path, "startDate", &start))
    return;
  for (guint i = 0; i < notices->len; i++)
    if (cm_ocds_notice_starts_standstill (((CmOcdsNotice *) g_ptr_array_index (notices, i))->code))
      return;
  add_notice (notices, "UK6", &start, NULL);
}

/* The same notice: its code, and its identifier or else its date. */
static gboolean
same_notice (const char *code, const char *published_on, const char *identifier,
             const CmOcdsNotice *other)
{
  if (g_ascii_strcasecmp (code, other->code) != 0)
    return FALSE;
  if (*identifier && *other->identifier)
    return g_str_equal (identifier, other->identifier);
  return g_str_equal (published_on, other->published_on);
}

static gboolean
recorded_already (GListModel *recorded, GPtrArray *added, const CmOcdsNotice *notice)
{
  for (guint i = 0; recorded && i < g_list_model_get_n_items (recorded); i++)
    {
      g_autoptr(CmContractNotice) had = g_list_model_get_item (recorded, i);

      if (same_notice (cm_contract_notice_get_code (had),
                       cm_contract_notice_get_published_on (had),
                       cm_contract_notice_get_identifier (had), notice))
        return TRUE;
    }
  for (guint i = 0; i < added->len; i++)
    {
      const CmOcdsNotice *other = g_ptr_array_index (added, i);

      if (same_notice (other->code, other->published_on, other->identifier, notice))
        return TRUE;
    }
  return FALSE;
}

gboolean
cm_ocds_notices_write (CmStore *store, CmContract *contract, GPtrArray *notices,
                       guint *n_added, GError **error)
{
  gint64 id = cm_entity_get_id (CM_ENTITY (contract));
  g_autoptr(GListModel) recorded = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  if (notices == NULL || notices->len == 0)
    return TRUE;
  recorded = cm_store_list_where_id (store, CM_TYPE_CONTRACT_NOTICE, "contract-id", id);
  for (guint i = 0; i < notices->len; i++)
    {
      CmOcdsNotice *notice = g_ptr_array_index (notices, i);
      g_autoptr(CmContractNotice) record = NULL;

      if (recorded_already (recorded, added, notice))
        continue;
      record = cm_contract_notice_new (id, notice->code, notice->published_on, notice->identifier);
      if (!cm_store_insert_listed (store, CM_ENTITY (record), error))
        return FALSE;
      g_ptr_array_add (added, notice);
      (*n_added)++;
    }
  return TRUE;
}

guint
cm_ocds_notices_count_new (CmStore *store, CmContract *contract, GPtrArray *notices)
{
  gint64 id = cm_entity_get_id (CM_ENTITY (contract));
  g_autoptr(GListModel) recorded = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  if (notices == NULL || notices->len == 0)
    return 0;
  if (id)
    recorded = cm_store_list_where_id (store, CM_TYPE_CONTRACT_NOTICE, "contract-id", id);
  for (guint i = 0; i < notices->len; i++)
    if (!recorded_already (recorded, added, g_ptr_array_index (notices, i)))
      g_ptr_array_add (added, g_ptr_array_index (notices, i));
  return added->len;
}
